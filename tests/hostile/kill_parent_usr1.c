/* tests/hostile/kill_parent_usr1.c — kill(getppid(), SIGUSR1): default action would end bcsim. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    kill(getppid(), H_SIGUSR1); /* HOSTILE_HERE */
}
