/* tests/hostile/kill_parent_int.c — kill(getppid(), SIGINT). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    kill(getppid(), H_SIGINT); /* HOSTILE_HERE */
}
