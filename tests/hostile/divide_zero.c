/* tests/hostile/divide_zero.c — an integer division by zero. */
#include "hostile.h"

static volatile int Zero;
static volatile int Result;

__attribute__((noinline)) static void Misbehave(void)
{
    Result = 100 / Zero; /* HOSTILE_HERE */
}
