/* tests/hostile/sleep.c — sleep(1000) in a loop. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    for (;;) sleep(1000); /* HOSTILE_HERE */
}
