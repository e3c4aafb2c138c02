/*
 * sim/interpose.c — kill(), killpg() and sigqueue() as the driver modules `bcsim run` loads
 * see them. The bcsim program exports its symbols to the modules it loads (bcsim_link_host),
 * so these definitions take the place of the C library's for a driver calling them.
 *
 * In a boot child, a signal driver code sends to the supervising bcsim process, to its
 * process group, or to every process (pid -1: as root, the whole machine) is refused (EPERM)
 * and reported as HARNESS_SIGNALLED at the driver's call. Everything else, and every call
 * outside a boot child, goes to the kernel unchanged. A driver that makes the system call
 * itself bypasses this; the supervisor then ignores the signal and reports it (supervise.c).
 */
#include "internal.h"
#include "verifier/verifier.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

bool bcsim_cli_guard_signals;   /* set in a boot child (sim/boot.c) */

static bool refused(pid_t pid, int sig, const char *how, void *caller)
{
    if (!bcsim_cli_guard_signals || !bcsim__m.alive)
        return false;
    pid_t parent = getppid();
    pid_t parent_group = getpgid(parent);
    const char *whom = pid == parent ? "the bcsim process"
                     : pid == -1 ? "every process (pid -1)"
                     : parent_group > 0 && pid == -parent_group ? "bcsim's process group"
                                                                 : NULL;
    if (!whom)
        return false;
    bcsim__report_t r = { .id = BCSIM_V_HARNESS_SIGNALLED, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller - 1 };   /* inside the call instruction */
    bcsim__violation(&r, "%s(%d, %d): signal %d to %s refused (EPERM)", how, (int)pid, sig, sig, whom);
    errno = EPERM;
    return true;
}

int kill(pid_t pid, int sig)
{
    if (refused(pid, sig, "kill", __builtin_return_address(0)))
        return -1;
    return (int)syscall(SYS_kill, pid, sig);
}

int killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0) {
        errno = EINVAL;
        return -1;
    }
    if (refused(pgrp ? -pgrp : 0, sig, "killpg", __builtin_return_address(0)))
        return -1;
    return (int)syscall(SYS_kill, pgrp ? -pgrp : 0, sig);
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
    if (refused(pid, sig, "sigqueue", __builtin_return_address(0)))
        return -1;
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    si.si_signo = sig;
    si.si_code = SI_QUEUE;
    si.si_pid = getpid();
    si.si_uid = getuid();
    si.si_value = value;
    return (int)syscall(SYS_rt_sigqueueinfo, pid, sig, &si);
}
