/* tests/hostile/exit.c — exit(3). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    exit(3); /* HOSTILE_HERE */
}
