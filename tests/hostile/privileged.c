/* tests/hostile/privileged.c — a privileged instruction in user mode (hlt). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    __asm__ volatile("hlt"); /* HOSTILE_HERE */
}
