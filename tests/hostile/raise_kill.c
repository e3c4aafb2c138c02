/* tests/hostile/raise_kill.c — raise(SIGKILL). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGKILL); /* HOSTILE_HERE */
}
