/* tests/hostile/stall.c — KeStallExecutionProcessor for ever (virtual time). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    for (;;) KeStallExecutionProcessor(1000000); /* HOSTILE_HERE */
}
