/* tests/hostile/write_junk.c — writes junk into every descriptor from 3 to 1023. */
#include "hostile.h"

static const char Junk[] = "BCSM\x07\x00\x00\x00 junk that is not a frame \xff\xff\xff\xff";

__attribute__((noinline)) static void Misbehave(void)
{
    for (int fd = 3; fd < 1024; fd++)
        write(fd, Junk, sizeof(Junk)); /* HOSTILE_HERE */
}
