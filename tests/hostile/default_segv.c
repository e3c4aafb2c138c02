/* tests/hostile/default_segv.c — sets SIGSEGV back to its default action, then faults: no handler can contain it. */
#include "hostile.h"

static volatile int *volatile Nothing;

__attribute__((noinline)) static void Misbehave(void)
{
    signal(H_SIGSEGV, (void *)0);   /* SIG_DFL */
    *Nothing = 1; /* HOSTILE_HERE */
}
