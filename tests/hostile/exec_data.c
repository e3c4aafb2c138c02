/* tests/hostile/exec_data.c — a jump into writable data (not executable). */
#include "hostile.h"

static UCHAR Code[16] = { 0xC3 };   /* "ret", in .data */

__attribute__((noinline)) static void Misbehave(void)
{
    ((void (*)(void))(ULONG_PTR)Code)(); /* HOSTILE_HERE */
}
