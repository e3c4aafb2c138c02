/* tests/hostile/null_write.c — a store through a NULL pointer. */
#include "hostile.h"

static volatile int *volatile Nothing;

__attribute__((noinline)) static void Misbehave(void)
{
    *Nothing = 1; /* HOSTILE_HERE */
}
