/*
 * sim/supervise.c — cells in child processes, their deadlines, their ends (see supervise.h).
 *
 * One event loop: poll() over a self-pipe (written by the signal handler: the signal and its
 * sender) and each running cell's channel; timeouts from the nearest deadline. No work is done
 * in the handler. A cell's process group is its child's pid (set on both sides of fork()).
 *
 * The probe: when a cell is stopped from outside (deadline) or stopped itself, its main
 * thread is seized with ptrace and its stack unwound with libdw (as gdb would), and the first
 * frame inside a driver module names the driver's file:line, whatever the driver did to its
 * signal mask. Without ptrace (a container may forbid it) the finding falls back to the
 * routine the activity record names.
 */
#include "supervise.h"

#include <dirent.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <libelf.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Signals whose default action would end or stop the supervisor: caught, so that a driver
 * sending one is reported instead of obeyed. */
static const int caught[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM,
                              SIGVTALRM, SIGPROF, SIGPOLL, SIGSTKFLT, SIGPWR, SIGTSTP, SIGTTIN,
                              SIGTTOU, SIGXCPU };

typedef struct sigmsg {
    int sig;
    int code;
    pid_t pid;
} sigmsg_t;

static struct {
    bool ready;
    int self[2];
    pid_t me;
    int pending;               /* an outside signal not yet returned */
    cell_t *cells;             /* the caller's cells (they outlive sup_run) */
    uint32_t ncells;
} G = { .self = { -1, -1 } };

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    int e = errno;
    sigmsg_t m = { sig, si ? si->si_code : 0, si ? si->si_pid : 0 };
    ssize_t k = write(G.self[1], &m, sizeof(m));
    (void)k;
    errno = e;
}

int sup_init(void)
{
    if (G.ready)
        return 0;
    if (pipe2(G.self, O_CLOEXEC | O_NONBLOCK) != 0)
        return -1;
    G.me = getpid();
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        sigaction(caught[i], &sa, NULL);
    for (int s = SIGRTMIN; s <= SIGRTMAX; s++)
        sigaction(s, &sa, NULL);
    sigaction(SIGCHLD, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);   /* a closed stdout is a write error, reported */
    /* Orphans of a cell (a driver's fork(), even after setsid()) become ours to end. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    G.ready = true;
    return 0;
}

/* ---- the child ------------------------------------------------------------------------------ */

static _Noreturn void child_main(cell_t *c, int wfd, cell_t *all, uint32_t n, pid_t parent)
{
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* orphans of processes driver code starts come back to the boot, which ends them
     * (src/verifier/supervision.c) */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    if (getppid() != parent)
        _exit(70);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        sigaction(caught[i], &dfl, NULL);
    for (int s = SIGRTMIN; s <= SIGRTMAX; s++)
        sigaction(s, &dfl, NULL);
    sigaction(SIGCHLD, &dfl, NULL);
    signal(SIGPIPE, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    close(G.self[0]);
    close(G.self[1]);
    for (uint32_t i = 0; i < n; i++)
        if (all[i].started && !all[i].ended && all[i].rfd >= 0)
            close(all[i].rfd);
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, 0);
        close(null);
    }
    chan_t ch;
    if (chan_child_init(&ch, wfd, c->id, c->overflow, CHAN_OVERFLOW_BYTES) != 0)
        _exit(71);
    bcsim_set_activity(c->shared);
    int rc = c->fn(c, &ch);
    fflush(NULL);
    _exit(rc);
}

/* ---- starting and ending cells -------------------------------------------------------------- */

static int start_cell(cell_t *c, cell_t *all, uint32_t n)
{
    size_t shared_len = sizeof(bcsim_activity_t) + CHAN_OVERFLOW_BYTES;
    void *m = mmap(NULL, shared_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return -1;
    c->shared = m;
    c->overflow = (uint8_t *)m + sizeof(bcsim_activity_t);
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        munmap(m, shared_len);
        return -1;
    }
    fcntl(p[0], F_SETPIPE_SZ, 1 << 20);
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        munmap(m, shared_len);
        return -1;
    }
    if (pid == 0) {
        close(p[0]);
        child_main(c, p[1], all, n, parent);
    }
    setpgid(pid, pid);
    close(p[1]);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    c->rfd = p[0];
    c->pid = pid;
    c->started = true;
    c->start_ns = now_ns();
    return 0;
}

static void take_frames(cell_t *c, bool live_ok, frame_fn_t live, void *ctx)
{
    chan_frame_t f;
    while (chan_reader_next(&c->reader, &f)) {
        if (c->frames.n == c->frames.cap) {
            size_t cap = c->frames.cap ? c->frames.cap * 2 : 64;
            chan_frame_t *v = realloc(c->frames.v, cap * sizeof(*v));
            if (!v) {
                free(f.payload);
                c->channel_corrupt = true;
                snprintf(c->channel_why, sizeof(c->channel_why), "out of memory");
                return;
            }
            c->frames.v = v;
            c->frames.cap = cap;
        }
        c->frames.v[c->frames.n++] = f;
        if (live_ok && live)
            live(ctx, c, &f);
    }
    if (c->reader.corrupt && !c->channel_corrupt) {
        c->channel_corrupt = true;
        snprintf(c->channel_why, sizeof(c->channel_why), "%s", c->reader.why);
    }
}

/* Reads what the pipe holds now; false at end of file. */
static bool drain(cell_t *c, frame_fn_t live, void *ctx)
{
    char buf[65536];
    for (;;) {
        ssize_t k = read(c->rfd, buf, sizeof(buf));
        if (k > 0) {
            chan_reader_feed(&c->reader, buf, (size_t)k);
            uint64_t skipped = c->reader.skipped;
            take_frames(c, true, live, ctx);
            if (!skipped && c->reader.skipped && c->shared)
                memcpy(&c->junk_activity, c->shared, sizeof(c->junk_activity));
            continue;
        }
        if (k < 0 && errno == EINTR)
            continue;
        return k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

static int by_seq(const void *a, const void *b)
{
    uint32_t x = ((const chan_frame_t *)a)->seq, y = ((const chan_frame_t *)b)->seq;
    return x < y ? -1 : x > y;
}

/* Kills and reaps every process whose parent we are (orphans a cell left: we are a
 * subreaper) except the cells still running. */
static void kill_strays(cell_t *all, uint32_t n)
{
    for (int round = 0; round < 16; round++) {
        DIR *d = opendir("/proc");
        if (!d)
            return;
        bool any = false;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            char *end;
            long pid = strtol(e->d_name, &end, 10);
            if (*end || pid <= 0 || pid == G.me)
                continue;
            char path[64], line[512];
            snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
            FILE *f = fopen(path, "re");
            if (!f)
                continue;
            size_t k = fread(line, 1, sizeof(line) - 1, f);
            fclose(f);
            line[k] = 0;
            char *rp = strrchr(line, ')');
            char state;
            long ppid;
            if (!rp || sscanf(rp + 1, " %c %ld", &state, &ppid) != 2 || ppid != G.me)
                continue;
            bool running_cell = false;
            for (uint32_t i = 0; i < n; i++)
                running_cell |= all[i].started && !all[i].ended && all[i].pid == pid;
            if (running_cell)
                continue;
            kill((pid_t)pid, SIGKILL);
            waitpid((pid_t)pid, NULL, __WALL);
            any = true;
        }
        closedir(d);
        if (!any)
            return;
    }
}

static void end_cell(cell_t *c, cell_t *all, uint32_t n, frame_fn_t live, void *ctx)
{
    kill(-c->pid, SIGKILL);          /* anything the child left in its group */
    drain(c, live, ctx);
    close(c->rfd);
    c->rfd = -1;
    /* Frames that could not take the pipe, then everything in sequence order. */
    size_t before = c->frames.n;
    chan_reader_t over = { 0 };
    chan_reader_from_overflow(&over, c->overflow, CHAN_OVERFLOW_BYTES);
    chan_frame_t f;
    while (chan_reader_next(&over, &f)) {
        if (c->frames.n == c->frames.cap) {
            size_t cap = c->frames.cap ? c->frames.cap * 2 : 64;
            chan_frame_t *v = realloc(c->frames.v, cap * sizeof(*v));
            if (!v) {
                free(f.payload);
                break;
            }
            c->frames.v = v;
            c->frames.cap = cap;
        }
        c->frames.v[c->frames.n++] = f;
    }
    for (size_t i = before; live && i < c->frames.n; i++)
        live(ctx, c, &c->frames.v[i]);
    if (c->frames.n)
        qsort(c->frames.v, c->frames.n, sizeof(*c->frames.v), by_seq);
    c->channel_skipped = c->reader.skipped + over.skipped;
    chan_reader_free(&over);
    memcpy(&c->activity, c->shared, sizeof(c->activity));
    c->activity.what[sizeof(c->activity.what) - 1] = 0;
    munmap(c->shared, sizeof(bcsim_activity_t) + CHAN_OVERFLOW_BYTES);
    c->shared = NULL;
    c->overflow = NULL;
    chan_reader_free(&c->reader);
    c->seconds = (double)(now_ns() - c->start_ns) / 1e9;
    c->ended = true;
    kill_strays(all, n);
}

/* ---- the probe ---------------------------------------------------------------------------------- */

typedef struct unwind {
    cell_t *c;
    Dwfl *dwfl;
    struct stat *drv;
    uint32_t ndrv;
    int depth;
} unwind_t;

static bool is_driver(const unwind_t *u, const char *file)
{
    struct stat st;
    if (!file || stat(file, &st) != 0)
        return false;
    for (uint32_t i = 0; i < u->ndrv; i++)
        if (u->drv[i].st_dev == st.st_dev && u->drv[i].st_ino == st.st_ino)
            return true;
    return false;
}

/* The load bias of a driver module in the child, from its executable mapping in
 * /proc/PID/maps and the module's program headers. (libdw's own report of the process can be
 * wrong for a driver: bcsim's in-process symbolizer maps the module file privately, and that
 * mapping looks like the module's start.) */
static bool driver_bias(pid_t pid, const char *path, uint64_t *bias)
{
    elf_version(EV_CURRENT);
    char maps[64], line[1024];
    snprintf(maps, sizeof(maps), "/proc/%d/maps", (int)pid);
    FILE *f = fopen(maps, "re");
    uint64_t start = 0, off = 0;
    bool found = false;
    while (f && !found && fgets(line, sizeof(line), f)) {
        unsigned long long a, b, o;
        char perms[8];
        int pos = 0;
        if (sscanf(line, "%llx-%llx %7s %llx %*s %*s%n", &a, &b, perms, &o, &pos) < 4 || !strchr(perms, 'x'))
            continue;
        char *file = line + pos;
        while (*file == ' ')
            file++;
        file[strcspn(file, "\n")] = 0;
        if (!strcmp(file, path)) {
            start = a;
            off = o;
            found = true;
        }
    }
    if (f)
        fclose(f);
    if (!found)
        return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    Elf *e = fd >= 0 ? elf_begin(fd, ELF_C_READ, NULL) : NULL;
    size_t n = 0;
    bool ok = false;
    if (e && elf_getphdrnum(e, &n) == 0)
        for (size_t i = 0; i < n && !ok; i++) {
            GElf_Phdr ph;
            if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_LOAD || !(ph.p_flags & PF_X) ||
                (ph.p_offset & ~0xfffull) != off)
                continue;
            *bias = start - (ph.p_vaddr & ~0xfffull);
            ok = true;
        }
    if (e)
        elf_end(e);
    if (fd >= 0)
        close(fd);
    return ok;
}

static char *debuginfo_path;
static const Dwfl_Callbacks offline_callbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
    .debuginfo_path = &debuginfo_path,
};

/* file:line and function of pc inside the driver module at `path`. */
static void locate(cell_t *c, const char *path, uint64_t pc)
{
    uint64_t bias;
    if (!driver_bias(c->pid, path, &bias))
        return;
    Dwfl *d = dwfl_begin(&offline_callbacks);
    if (!d)
        return;
    dwfl_report_begin(d);
    Dwfl_Module *m = dwfl_report_elf(d, path, path, -1, bias, false);
    dwfl_report_end(d, NULL, NULL);
    if (m) {
        const char *fn = dwfl_module_addrname(m, pc);
        snprintf(c->probe.function, sizeof(c->probe.function), "%s", fn ? fn : "");
        Dwfl_Line *line = dwfl_module_getsrc(m, pc);
        int lineno = 0;
        const char *file = line ? dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL) : NULL;
        if (!file) {
            /* elfutils finds a CU only through .debug_aranges (clang omits them): scan the CUs */
            Dwarf_Addr b;
            for (Dwarf_Die *cu = NULL; !file && (cu = dwfl_module_nextcu(m, cu, &b)) != NULL;) {
                if (dwarf_haspc(cu, pc - b) <= 0)
                    continue;
                Dwarf_Line *l = dwarf_getsrc_die(cu, pc - b);
                if (l && dwarf_lineno(l, &lineno) == 0)
                    file = dwarf_linesrc(l, NULL, NULL);
            }
        }
        if (file) {
            char cwd[512];
            size_t k = getcwd(cwd, sizeof(cwd)) ? strlen(cwd) : 0;
            if (k && !strncmp(file, cwd, k) && file[k] == '/')
                file += k + 1;
            snprintf(c->probe.file, sizeof(c->probe.file), "%s", file);
            c->probe.line = (uint32_t)lineno;
        }
    }
    dwfl_end(d);
}

static int frame_cb(Dwfl_Frame *state, void *arg)
{
    unwind_t *u = arg;
    Dwarf_Addr pc;
    bool activation;
    if (!dwfl_frame_pc(state, &pc, &activation) || ++u->depth > 128)
        return DWARF_CB_ABORT;
    Dwarf_Addr look = activation ? pc : pc - 1;
    Dwfl_Module *m = dwfl_addrmodule(u->dwfl, look);
    const char *name = m ? dwfl_module_info(m, NULL, NULL, NULL, NULL, NULL, NULL, NULL) : NULL;
    if (!is_driver(u, name))
        return DWARF_CB_OK;
    cell_t *c = u->c;
    c->probe.found = true;
    c->probe.pc = look;
    locate(c, name, look);
    return DWARF_CB_ABORT;
}

static const Dwfl_Callbacks proc_callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .debuginfo_path = &debuginfo_path,
};

/* Where the cell's main thread is in driver code. Leaves the child stopped (traced); the
 * caller kills it. Returns false if the child ended meanwhile (c->wstatus then set). */
static bool probe(cell_t *c)
{
    if (!c->ndrivers || ptrace(PTRACE_SEIZE, c->pid, 0, 0) != 0)
        return true;
    ptrace(PTRACE_INTERRUPT, c->pid, 0, 0);
    bool stopped = false;
    for (int i = 0; i < 500 && !stopped; i++) {
        int st;
        pid_t r = waitpid(c->pid, &st, WNOHANG | __WALL);
        if (r == c->pid && (WIFEXITED(st) || WIFSIGNALED(st))) {
            c->wstatus = st;
            return false;
        }
        if (r == c->pid && WIFSTOPPED(st))
            stopped = true;
        else
            usleep(1000);
    }
    if (!stopped)
        return true;
    unwind_t u = { .c = c };
    struct stat drv[64];
    for (uint32_t i = 0; i < c->ndrivers && u.ndrv < 64; i++)
        if (stat(c->drivers[i], &drv[u.ndrv]) == 0)
            u.ndrv++;
    u.drv = drv;
    u.dwfl = dwfl_begin(&proc_callbacks);
    if (!u.dwfl)
        return true;
    dwfl_report_begin(u.dwfl);
    if (dwfl_linux_proc_report(u.dwfl, c->pid) == 0 && dwfl_report_end(u.dwfl, NULL, NULL) == 0 &&
        dwfl_linux_proc_attach(u.dwfl, c->pid, true) == 0)
        dwfl_getthread_frames(u.dwfl, c->pid, frame_cb, &u);
    dwfl_end(u.dwfl);
    return true;
}

/* ---- the loop ------------------------------------------------------------------------------------ */

static bool from_cells(const sigmsg_t *m, cell_t **who)
{
    *who = NULL;
    if (m->pid <= 0 || (m->code != SI_USER && m->code != SI_QUEUE && m->code != SI_TKILL))
        return false;
    pid_t pgid = getpgid(m->pid);
    for (uint32_t i = 0; i < G.ncells; i++)
        if (G.cells[i].started && (G.cells[i].pid == m->pid || G.cells[i].pid == pgid)) {
            *who = &G.cells[i];
            return true;
        }
    return false;
}

/* Reads the self-pipe: signals from cells are recorded against them; the first signal from
 * outside is kept in G.pending. */
static void take_signals(void)
{
    sigmsg_t m;
    while (read(G.self[0], &m, sizeof(m)) == (ssize_t)sizeof(m)) {
        if (m.sig == SIGCHLD)
            continue;
        cell_t *who;
        if (from_cells(&m, &who)) {
            who->signals_sent++;
            who->last_signal_sent = m.sig;
            who->signal_sender = m.pid;
            if (who->shared)
                memcpy(&who->signal_activity, who->shared, sizeof(who->signal_activity));
            continue;
        }
        if (m.sig == SIGTSTP || m.sig == SIGTTIN || m.sig == SIGTTOU) {
            raise(SIGSTOP);        /* job control from the terminal: stop as asked */
            continue;
        }
        if (!G.pending)
            G.pending = m.sig;
    }
}

int sup_pending_signal(void)
{
    if (!G.ready)
        return 0;
    take_signals();
    int s = G.pending;
    G.pending = 0;
    return s;
}

static void reap(cell_t *c, cell_t *all, uint32_t n, frame_fn_t live, void *ctx)
{
    int st;
    pid_t r = waitpid(c->pid, &st, WNOHANG | WUNTRACED | __WALL);
    if (r != c->pid)
        return;
    if (WIFSTOPPED(st)) {
        if (!c->deadline_hit && !c->stop_signal) {
            c->stop_signal = WSTOPSIG(st);
            if (!probe(c)) {
                end_cell(c, all, n, live, ctx);
                return;
            }
            kill(-c->pid, SIGKILL);
        }
        return;
    }
    c->wstatus = st;
    end_cell(c, all, n, live, ctx);
}

int sup_run(cell_t *cells, uint32_t n, uint32_t parallel, frame_fn_t live, void *ctx)
{
    if (sup_init() != 0)
        return -1;
    if (!parallel)
        parallel = 1;
    for (uint32_t i = 0; i < n; i++)
        cells[i].rfd = -1;
    G.cells = cells;
    G.ncells = n;
    for (;;) {
        take_signals();
        if (G.pending)
            break;
        uint32_t running = 0, waiting = 0;
        for (uint32_t i = 0; i < n; i++) {
            running += cells[i].started && !cells[i].ended;
            waiting += !cells[i].started;
        }
        for (uint32_t i = 0; i < n && running < parallel && waiting; i++)
            if (!cells[i].started) {
                if (start_cell(&cells[i], cells, n) != 0) {
                    cells[i].started = cells[i].ended = true;
                    cells[i].wstatus = -1;
                } else {
                    running++;
                }
                waiting--;
            }
        if (!running && !waiting)
            break;
        /* poll: the self-pipe and every running cell's channel; wake for the next deadline */
        struct pollfd pf[65];
        cell_t *who[65];
        int np = 0;
        pf[np++] = (struct pollfd){ .fd = G.self[0], .events = POLLIN };
        int timeout = 250;
        uint64_t t = now_ns();
        for (uint32_t i = 0; i < n && np < 65; i++) {
            cell_t *c = &cells[i];
            if (!c->started || c->ended)
                continue;
            if (c->rfd >= 0) {
                who[np] = c;
                pf[np++] = (struct pollfd){ .fd = c->rfd, .events = POLLIN };
            }
            if (c->deadline_ms && !c->deadline_hit) {
                uint64_t due = c->start_ns + (uint64_t)c->deadline_ms * 1000000ull;
                int left = due > t ? (int)((due - t) / 1000000ull) + 1 : 0;
                if (left < timeout)
                    timeout = left;
            }
        }
        int pr = poll(pf, (nfds_t)np, timeout);
        if (pr > 0)
            for (int i = 1; i < np; i++)
                if (pf[i].revents && who[i]->rfd >= 0 && !drain(who[i], live, ctx)) {
                    /* end of file: every writer is gone; the exit status follows */
                    close(who[i]->rfd);
                    who[i]->rfd = -1;
                }
        t = now_ns();
        for (uint32_t i = 0; i < n; i++) {
            cell_t *c = &cells[i];
            if (!c->started || c->ended)
                continue;
            reap(c, cells, n, live, ctx);
            if (c->ended || c->deadline_hit || !c->deadline_ms ||
                t < c->start_ns + (uint64_t)c->deadline_ms * 1000000ull)
                continue;
            c->deadline_hit = true;
            if (!probe(c)) {
                end_cell(c, cells, n, live, ctx);
                continue;
            }
            kill(-c->pid, SIGKILL);
            kill(c->pid, SIGKILL);
        }
    }
    if (G.pending) {
        for (uint32_t i = 0; i < n; i++) {
            cell_t *c = &cells[i];
            if (!c->started || c->ended)
                continue;
            kill(-c->pid, SIGKILL);
            kill(c->pid, SIGKILL);
            int st;
            while (waitpid(c->pid, &st, __WALL) < 0 && errno == EINTR)
                ;
            c->wstatus = st;
            end_cell(c, cells, n, live, ctx);
        }
        return sup_pending_signal();
    }
    return 0;
}

void sup_cell_free(cell_t *c)
{
    for (size_t i = 0; i < c->frames.n; i++)
        free(c->frames.v[i].payload);
    free(c->frames.v);
    c->frames.v = NULL;
    c->frames.n = c->frames.cap = 0;
}
