/* tests/hostile/pause.c — pause(): waits for a signal that never comes. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    for (;;) pause(); /* HOSTILE_HERE */
}
