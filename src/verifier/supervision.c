/*
 * src/verifier/supervision.c — what a supervising process learns from a boot even when driver code
 * ends it (dispatcher-model.md 7.11: "scenarios run in a child process; the parent reports
 * the crash"; the boot deadline is the parent's):
 *
 *   - the activity record (bcsim_set_activity): which driver code runs now, and where its
 *     routine is, in memory the supervisor shares;
 *   - the event stream (bcsim_config_t.on_finding/on_call/on_bugcheck): every finding and
 *     every finished callback call, streamed before the next piece of driver code runs, so a
 *     boot that dies keeps everything it found up to the code that killed it;
 *   - protected descriptors (bcsim_protect_fd): a driver that closes or replaces standard
 *     output, standard error or the channel to the supervisor is reported and undone.
 *
 * Every piece of driver code is bracketed by bcsim__driver_code_enter/leave (dispatch.c for
 * callbacks, bugcheck.c for DriverEntry/DriverUnload/constructors). With no activity record,
 * no sinks and no protected descriptor, both are a few branches (the fuzz loop runs them).
 */
#include "internal.h"
#include "verifier/contain.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <dirent.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_GUARDS 8
/* Private copies of protected descriptors live high, out of the way of a driver's own files. */
#define GUARD_FD_BASE 700

typedef struct guard {
    int fd, copy;
    dev_t dev;
    ino_t ino;
    bool dead;           /* the copy is gone too: nothing left to restore from */
} guard_t;

static struct {
    bcsim_activity_t *act;
    pid_t pid;                      /* the boot's process (a copy a driver forked is not it) */
    guard_t guards[MAX_GUARDS];
    uint32_t nguards;
    size_t streamed_findings;
    size_t streamed_calls;          /* of the running bug check (reset as one begins) */
} S;

void bcsim_set_activity(bcsim_activity_t *a)
{
    S.act = a;
    S.pid = getpid();
    if (a) {
        memset(a, 0, sizeof(*a));
        a->reason = BCSIM__NO_REASON;
        a->call_seq = UINT32_MAX;
    }
}

int bcsim_protect_fd(int fd)
{
    struct stat st;
    if (fd < 0 || S.nguards >= MAX_GUARDS || fstat(fd, &st) != 0)
        return BCSIM_EINVAL;
    for (uint32_t i = 0; i < S.nguards; i++)
        if (S.guards[i].fd == fd)
            return 0;
    int copy = fcntl(fd, F_DUPFD_CLOEXEC, GUARD_FD_BASE);
    if (copy < 0)
        copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (copy < 0)
        return BCSIM_EINVAL;
    S.guards[S.nguards++] = (guard_t){ .fd = fd, .copy = copy, .dev = st.st_dev, .ino = st.st_ino };
    return 0;
}

static bool same_file(int fd, dev_t dev, ino_t ino)
{
    struct stat st;
    return fstat(fd, &st) == 0 && st.st_dev == dev && st.st_ino == ino;
}

void bcsim__supervision_reset(void)
{
    S.streamed_findings = 0;
    S.streamed_calls = 0;
}

/* Streams the findings and finished calls not streamed yet; upto = calls finished. */
static void flush_events(size_t upto)
{
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    if (cfg->on_finding && S.streamed_findings < bcsim__m.violations.n) {
        bcsim__violations_resolve();
        for (size_t i = S.streamed_findings; i < bcsim__m.violations.n; i++)
            cfg->on_finding(cfg->event_ctx, &bcsim__m.violations.v[i],
                            bcsim__run.active && i >= bcsim__run.violations_start);
    }
    S.streamed_findings = bcsim__m.violations.n;
    if (!cfg->on_call || !bcsim__run.active)
        return;
    for (size_t i = S.streamed_calls; i < upto && i < bcsim__run.calls.n; i++)
        cfg->on_call(cfg->event_ctx, &bcsim__run.calls.v[i]);
    if (upto > S.streamed_calls)
        S.streamed_calls = upto;
}

void bcsim__supervision_bugcheck(uint32_t code, const uint64_t p[4])
{
    S.streamed_calls = 0;
    if (bcsim__m.cfg.on_bugcheck)
        bcsim__m.cfg.on_bugcheck(bcsim__m.cfg.event_ctx, code, p);
}

static void copy_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

void bcsim__driver_code_enter(uint32_t kind, uint64_t routine, const char *driver,
                              const char *component, int32_t reason, uint32_t call_seq,
                              const char *fmt, ...)
{
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    if (cfg->on_finding || cfg->on_call)
        flush_events(kind == BCSIM_ACTIVITY_CALLBACK ? call_seq : bcsim__run.calls.n);
    bcsim_activity_t *a = S.act;
    if (!a)
        return;
    a->kind = BCSIM_ACTIVITY_NONE;   /* torn while it is rewritten */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->what, sizeof(a->what), fmt, ap);
    va_end(ap);
    copy_str(a->last, sizeof(a->last), a->what);
    if (!driver && routine) {
        const bcsim__image_t *im = bcsim__image_get(bcsim__image_of(routine));
        driver = im && !im->host ? im->name : NULL;
    }
    copy_str(a->driver, sizeof(a->driver), driver);
    copy_str(a->component, sizeof(a->component), component);
    a->reason = reason;
    a->call_seq = call_seq;
    a->routine = routine;
    bcsim__srcloc_t loc = { 0 };
    if (routine)
        bcsim__symbolize(routine, &loc);
    copy_str(a->function, sizeof(a->function), loc.function);
    copy_str(a->file, sizeof(a->file), loc.file);
    a->line = loc.line;
    __atomic_store_n(&a->kind, kind, __ATOMIC_RELEASE);
}

/* Kills the processes driver code created: every child of this process (bcsim itself
 * creates none) and their descendants with them. */
static uint32_t kill_children(void)
{
    uint32_t n = 0;
    for (int round = 0; round < 8; round++) {
        char path[64];
        snprintf(path, sizeof(path), "/proc/self/task/%d/children", (int)gettid());
        FILE *f = fopen(path, "re");
        int pid, killed = 0;
        while (f && fscanf(f, "%d", &pid) == 1) {
            kill(-pid, SIGKILL);   /* its own group, if it made one */
            kill(pid, SIGKILL);
            waitpid(pid, NULL, __WALL);
            killed++;
        }
        if (f)
            fclose(f);
        n += (uint32_t)killed;
        if (!killed)
            break;
    }
    while (waitpid(-1, NULL, WNOHANG | __WALL) > 0)
        n++;
    return n;
}

void bcsim__driver_code_leave(void)
{
    if (S.act) {
        /* A copy of the boot a driver forked never runs bcsim's code (it would report twice). */
        if (getpid() != S.pid)
            _exit(0);
        S.act->kind = BCSIM_ACTIVITY_NONE;
        S.act->what[0] = 0;
        int e = errno;
        if (waitpid(-1, NULL, WNOHANG | __WALL) >= 0) {
            uint32_t n = kill_children();
            const bcsim_call_t *c = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
            bcsim__report_t r = { .id = BCSIM_V_PROCESS_CREATED, .reason = BCSIM__NO_REASON, .pc = S.act->routine,
                                  .component = c ? c->component : NULL, .dedupe = S.act->routine + 1 };
            bcsim__violation(&r, "%u process%s created by %s", n ? n : 1, n == 1 ? "" : "es",
                             S.act->last[0] ? S.act->last : "driver code");
        }
        errno = e;
    }
    for (uint32_t i = 0; i < S.nguards; i++) {
        guard_t *g = &S.guards[i];
        if (g->dead || same_file(g->fd, g->dev, g->ino))
            continue;
        bool copy_ok = same_file(g->copy, g->dev, g->ino);
        bool closed = fcntl(g->fd, F_GETFD) < 0;
        if (copy_ok)
            dup2(g->copy, g->fd);
        else
            g->dead = true;
        const char *which = g->fd == 1 ? "standard output" : g->fd == 2 ? "standard error"
                          : g->fd == 0 ? "standard input" : "bcsim's report channel";
        const bcsim_call_t *c = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
        bcsim__report_t r = { .id = BCSIM_V_DESCRIPTOR_TAMPERED, .reason = BCSIM__NO_REASON,
                              .pc = S.act ? S.act->routine : 0,
                              .component = c ? c->component : NULL, .dedupe = (uint64_t)g->fd + 1 };
        bcsim__violation(&r, "descriptor %d (%s) was %s by %s%s", g->fd, which,
                         closed ? "closed" : "replaced", S.act && S.act->last[0] ? S.act->last : "driver code",
                         copy_ok ? "" : "; bcsim's own copy was closed too, so it could not be restored");
    }
}

/* The process is ending (exit(), quick_exit()) while driver code runs: name the driver's own
 * line that called it, the first frame of the stack inside a driver image. */
void bcsim__activity_locate_caller(void)
{
    bcsim_activity_t *a = S.act;
    if (!a || a->kind == BCSIM_ACTIVITY_NONE || getpid() != S.pid)
        return;
    void *pcs[64];
    int n = backtrace(pcs, 64);
    for (int i = 0; i < n; i++) {
        uint64_t pc = (uint64_t)pcs[i] - 1;   /* inside the call instruction */
        const bcsim__image_t *im = bcsim__image_get(bcsim__image_of(pc));
        if (!im && a->kind == BCSIM_ACTIVITY_CONSTRUCTOR) {
            /* a module being loaded has no image yet: its own file name says it */
            Dl_info di;
            const char *base = dladdr((void *)pc, &di) && di.dli_fname ? strrchr(di.dli_fname, '/') : NULL;
            size_t k = strlen(a->driver);
            if (!base || strncmp(base + 1, a->driver, k) || base[1 + k] != '.')
                continue;
            bcsim__symbolize_invalidate();
        } else if (!im || im->host) {
            continue;
        }
        bcsim__srcloc_t loc = { 0 };
        bcsim__symbolize(pc, &loc);
        if (!loc.file)
            return;
        copy_str(a->file, sizeof(a->file), loc.file);
        copy_str(a->function, sizeof(a->function), loc.function);
        a->line = loc.line;
        return;
    }
}
