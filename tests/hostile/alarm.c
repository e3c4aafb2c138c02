/* tests/hostile/alarm.c — alarm(1), then a loop: SIGALRM ends the process. */
#include "hostile.h"

static volatile ULONG Spins;

__attribute__((noinline)) static void Misbehave(void)
{
    alarm(1);
    for (;;) Spins++; /* HOSTILE_HERE */
}
