/* tests/hostile/kill_parent_term.c — kill(getppid(), SIGTERM): tries to end bcsim. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    kill(getppid(), H_SIGTERM); /* HOSTILE_HERE */
}
