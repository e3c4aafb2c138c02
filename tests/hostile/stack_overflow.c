/* tests/hostile/stack_overflow.c — unbounded recursion: the stack overflows. */
#include "hostile.h"

static volatile ULONG Depth;

/* the new frame's first touch faults: the prologue (sanitizer builds) or the first store, so
 * both are on the marked line */
__attribute__((noinline)) static ULONG Recurse(volatile UCHAR *prev) { volatile UCHAR frame[512]; frame[0] = prev ? prev[0] + 1 : 0; /* HOSTILE_HERE */
    Depth++;
    return Recurse(frame) + frame[1];
}

__attribute__((noinline)) static void Misbehave(void)
{
    Depth = Recurse(NULL);
}
