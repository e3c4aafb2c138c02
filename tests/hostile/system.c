/* tests/hostile/system.c — system(): runs a shell that outlives the callback. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    system("sleep 100 &"); /* HOSTILE_HERE */
}
