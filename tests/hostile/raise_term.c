/* tests/hostile/raise_term.c — raise(SIGTERM). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGTERM); /* HOSTILE_HERE */
}
