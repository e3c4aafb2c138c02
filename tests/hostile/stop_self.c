/* tests/hostile/stop_self.c — raise(SIGSTOP): the process stops itself. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGSTOP); /* HOSTILE_HERE */
}
