/* tests/hostile/quick_exit.c — quick_exit(5). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    quick_exit(5); /* HOSTILE_HERE */
}
