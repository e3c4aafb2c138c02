/* tests/hostile/blocked_segv.c — blocks every signal, then faults: the kernel kills the process. */
#include "hostile.h"

static volatile int *volatile Nothing;
static ULONG64 All[16] = { ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL,
                           ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL };

__attribute__((noinline)) static void Misbehave(void)
{
    sigprocmask(H_SIG_BLOCK, All, NULL);
    *Nothing = 1; /* HOSTILE_HERE */
}
