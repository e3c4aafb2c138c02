/* tests/hostile/abort.c — abort(). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    abort(); /* HOSTILE_HERE */
}
