/* tests/hostile/int3.c — a breakpoint instruction (int3) with no debugger. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    __asm__ volatile("int3\n\tnop"); /* HOSTILE_HERE */
}
