/* tests/hostile/fork_sleep.c — fork(): the new process leaves the session and sleeps for ever. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    if (fork() == 0) { /* HOSTILE_HERE */
        setsid();
        for (;;)
            sleep(1000);
    }
}
