/* tests/hostile/close_stdio.c — close(1); close(2): tries to silence the report. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    close(1);
    close(2); /* HOSTILE_HERE */
}
