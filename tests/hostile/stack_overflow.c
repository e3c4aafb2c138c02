/* tests/hostile/stack_overflow.c — unbounded recursion: the stack overflows. */
#include "hostile.h"

static volatile ULONG Depth;

__attribute__((noinline)) static ULONG Recurse(volatile UCHAR *prev)
{
    volatile UCHAR frame[512];
    frame[0] = prev ? prev[0] + 1 : 0; /* HOSTILE_HERE: the first store into a new frame faults */
    Depth++;
    return Recurse(frame) + frame[1];
}

__attribute__((noinline)) static void Misbehave(void)
{
    Depth = Recurse(NULL);
}
