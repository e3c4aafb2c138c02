/* tests/hostile/kill_parent_syscall.c — SIGTERM to bcsim by the raw system call (past the
 * kill() bcsim gives drivers), then a loop: the supervisor itself must ignore the signal and
 * name the code that was running when it arrived. */
#include "hostile.h"

long syscall(long number, ...);
static volatile ULONG Spins;

__attribute__((noinline)) static void Misbehave(void)
{
    syscall(62 /* SYS_kill */, (long)getppid(), (long)H_SIGTERM);
    for (;;) Spins++;
}
