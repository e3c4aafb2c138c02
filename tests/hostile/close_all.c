/* tests/hostile/close_all.c — closes every descriptor from 0 to 1023. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    for (int fd = 0; fd < 1024; fd++)
        close(fd); /* HOSTILE_HERE */
}
