/* tests/hostile/ud2.c — an undefined instruction (ud2). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    __asm__ volatile("ud2"); /* HOSTILE_HERE */
}
