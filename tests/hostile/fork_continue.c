/* tests/hostile/fork_continue.c — fork(): both processes go on with the boot. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    (void)fork(); /* HOSTILE_HERE */
}
