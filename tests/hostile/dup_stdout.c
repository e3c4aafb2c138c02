/* tests/hostile/dup_stdout.c — dup2() of /dev/null over standard output and error. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    int fd = open("/dev/null", H_O_WRONLY);
    dup2(fd, 1);
    dup2(fd, 2); /* HOSTILE_HERE */
    close(fd);
}
