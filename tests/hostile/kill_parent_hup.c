/* tests/hostile/kill_parent_hup.c — kill(getppid(), SIGHUP). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    kill(getppid(), H_SIGHUP); /* HOSTILE_HERE */
}
