/* tests/hostile/nested_bugcheck.c — KeBugCheckEx inside a bug-check callback. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    KeBugCheckEx(0xDEAD, 1, 2, 3, 4); /* HOSTILE_HERE */
}
