/* tests/hostile/underscore_exit.c — _exit(0): no atexit handlers run. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    _exit(0); /* HOSTILE_HERE */
}
