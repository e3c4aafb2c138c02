/* tests/hostile/spin_masked.c — blocks every signal (the in-process watchdog too), then loops. */
#include "hostile.h"

static volatile ULONG Spins;
static ULONG64 All[16] = { ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL,
                           ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL };

__attribute__((noinline)) static void Misbehave(void)
{
    sigprocmask(H_SIG_BLOCK, All, NULL);
    for (;;) Spins++; /* HOSTILE_HERE */
}
