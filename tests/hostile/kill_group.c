/* tests/hostile/kill_group.c — kill(0, SIGTERM): its whole process group. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    kill(0, H_SIGTERM); /* HOSTILE_HERE */
}
