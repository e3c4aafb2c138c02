/* tests/hostile/exit0.c — exit(0): the process ends "successfully". */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    exit(0); /* HOSTILE_HERE */
}
