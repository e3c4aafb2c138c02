/* tests/hostile/kill_parent_tstp.c — kill(getppid(), SIGTSTP): would stop bcsim. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    kill(getppid(), H_SIGTSTP); /* HOSTILE_HERE */
}
