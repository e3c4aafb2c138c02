/* tests/hostile/exec_null.c — a call through a NULL function pointer. */
#include "hostile.h"

static void (*volatile Routine)(void);

__attribute__((noinline)) static void Misbehave(void)
{
    Routine(); /* HOSTILE_HERE */
}
