/* tests/hostile/readonly_write.c — a store into a string literal (read-only data). */
#include "hostile.h"

static const char *volatile Literal = "read-only";

__attribute__((noinline)) static void Misbehave(void)
{
    *(volatile char *)Literal = 'R'; /* HOSTILE_HERE */
}
