/*
 * src/verifier/contain.c — running driver code so that its faults, hangs and bug checks cannot take
 * the harness down (dispatcher-model.md 7.11; the verifier issue).
 *
 * Mechanics only; policy (what a fault means, which state a record gets) lives with the
 * callers. A guarded call:
 *   - runs on the simulated kernel stack (callback.stack_bytes, guard page below) for
 *     bug-check callbacks, or on the caller's stack for DriverEntry/DriverUnload;
 *   - catches SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGABRT (on an alternate signal stack) and
 *     jumps back here, unless a driver __try frame inside the call takes it (SEH, excpt.h);
 *   - is ended by the watchdog when it exceeds its CPU, wall or virtual-time budget;
 *   - is ended by KeBugCheckEx when the dispatcher says so (nested bug check).
 * Containment off (cfg.contain = false, or a debugger attached) lets faults reach ASan,
 * libFuzzer or gdb: the previous handlers are chained to.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#  define BCSIM_CONTAIN_ASAN 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define BCSIM_CONTAIN_ASAN 1
#  endif
#endif
#ifdef BCSIM_CONTAIN_ASAN
#  include <sanitizer/asan_interface.h>
#endif

#define WATCHDOG_SIGNAL (SIGRTMIN + 5)
#define ALTSTACK_SIZE (256 * 1024)

static const int fault_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP };

static struct {
    bool installed;
    struct sigaction old[BCSIM_ARRAY_SIZE(fault_signals)];
    struct sigaction old_wd;
    void *altstack;
    /* the simulated kernel stack for callbacks */
    uint8_t *stack_map;
    uint64_t stack_map_len;
    uint8_t *stack_lo, *stack_hi;
    /* the driver thread stack: DriverEntry, DriverUnload, static constructors, test calls */
    uint8_t *dstack_map;
    uint64_t dstack_map_len;
    uint8_t *dstack_lo, *dstack_hi;
    /* watchdog */
    pthread_t main_thread;
    pthread_t wd_thread;
    bool wd_running;
    int tracer;                       /* -1 unknown, 0 no, 1 debugger attached */
} C = { .tracer = -1 };

static __thread bcsim__frame_t *frame_top;
static __thread bcsim_seh_frame_t *seh_top;
static __thread struct { int code; void *info; } seh_current;

/* Shared with the watchdog thread. */
static volatile uint64_t wd_generation;   /* odd while a guarded callback runs */
static volatile uint64_t wd_fired;
static volatile uint64_t wd_start_cpu_ns;
static volatile uint32_t wd_wall_ms, wd_cpu_ms;
static clockid_t main_cpu_clock;

volatile int bcsim__critical;            /* >0: harness code that must not be jumped out of */
static volatile int hang_pending;

bcsim__frame_t *bcsim__frame_current(void)
{
    return frame_top;
}

/* A callback abandoned by a jump leaves ASan's redzones of its frames poisoned on the
 * simulated stack; the next callback reuses that stack. */
static void stack_clean(void)
{
#ifdef BCSIM_CONTAIN_ASAN
    if (C.stack_lo)
        __asan_unpoison_memory_region(C.stack_lo, (size_t)(C.stack_hi - C.stack_lo));
#endif
}

/* The driver thread stack after driver code left it: what its frames left behind stays
 * (a record registered from a local is stale memory there, as on Windows), readable by the
 * harness without sanitizer redzones in the way. */
static void driver_stack_clean(void)
{
#ifdef BCSIM_CONTAIN_ASAN
    if (C.dstack_lo)
        __asan_unpoison_memory_region(C.dstack_lo, (size_t)(C.dstack_hi - C.dstack_lo));
#endif
}

bcsim__frame_t *bcsim__frames_save(void **seh)
{
    *seh = seh_top;
    return frame_top;
}

/* After a jump to a catch point from another stack (a bug check raised on the driver thread
 * stack): the sanitizer could not clean the frames the jump abandoned on this stack, since it
 * started on a stack it does not know. Everything below `upto` (a local of the frame the jump
 * landed in) is dead. */
void bcsim__host_stack_clean(const void *upto)
{
#ifdef BCSIM_CONTAIN_ASAN
    static uintptr_t lo;
    if (!lo) {
        pthread_attr_t a;
        void *addr;
        size_t size;
        if (pthread_getattr_np(pthread_self(), &a) == 0) {
            if (pthread_attr_getstack(&a, &addr, &size) == 0)
                lo = (uintptr_t)addr;
            pthread_attr_destroy(&a);
        }
    }
    uintptr_t here = (uintptr_t)upto;
    if (lo && here > lo + 4096 && (here < (uintptr_t)C.dstack_lo || here >= (uintptr_t)C.dstack_hi))
        __asan_unpoison_memory_region((void *)lo, here - lo);
#else
    (void)upto;
#endif
}

void bcsim__frames_restore(bcsim__frame_t *frame, void *seh)
{
    stack_clean();
    driver_stack_clean();
    frame_top = frame;
    seh_top = seh;
    bcsim__critical = 0;
    hang_pending = 0;
}

bool bcsim__debugger_attached(void)
{
    if (C.tracer < 0) {
        C.tracer = 0;
        FILE *f = fopen("/proc/self/status", "r");
        if (f) {
            char line[256];
            while (fgets(line, sizeof(line), f))
                if (!strncmp(line, "TracerPid:", 10)) {
                    C.tracer = atoi(line + 10) != 0;
                    break;
                }
            fclose(f);
        }
    }
    return C.tracer == 1;
}

bool bcsim_debugger_attached(void)
{
    return bcsim__debugger_attached();
}

bool bcsim__containment_on(void)
{
    return bcsim__m.cfg.contain && !bcsim__debugger_attached();
}

static uint64_t now_ns(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* ---- fault classification (runs in the signal handler: no allocation) ---------------------- */

bool bcsim__in_driver_code(uint64_t addr)
{
    int32_t im = bcsim__image_of(addr);
    const bcsim__image_t *i = bcsim__image_get(im);
    return i && !i->host && !i->unloaded && bcsim__mem_is_exec(addr);
}

/* A call instruction ends right before a return address: call rel32 (E8 xx xx xx xx), or an
 * indirect call FF /2 of 2 to 7 bytes (register, [reg], [reg+disp8], [rip+disp32], SIB). */
__attribute__((no_sanitize("address"))) bool bcsim__is_driver_return_address(uint64_t ret)
{
    if (ret < 8 || !bcsim__in_driver_code(ret) || !bcsim__in_driver_code(ret - 7))
        return false;
    const uint8_t *p = (const uint8_t *)ret;
    if (p[-5] == 0xE8)
        return true;
    for (int len = 2; len <= 7; len++) {
        const uint8_t *op = p - len;
        if (op[0] == 0xFF && ((op[1] >> 3) & 7) == 2)
            return true;
    }
    return false;
}

/* The stack the faulting code ran on, as far as it may be read: the region the registry knows
 * (the callback stack or the thread's stack), never past the guarded call's own frame. */
static uint64_t stack_limit(const bcsim__frame_t *f, uint64_t rsp)
{
    if (rsp < 0x10000 || (rsp & 7))
        return 0;
    const bcsim__region_t *r = bcsim__mem_find(rsp);
    if (!r || r->mclass != BCSIM__MEM_STACK || rsp + 16 > r->end)
        return 0;
    uint64_t top = r->end;
    if ((uint64_t)f > rsp && (uint64_t)f < top)
        top = (uint64_t)f;
    return top;
}

/* Reads the faulting code's stack, which holds sanitizer redzones when the driver or bcsim is
 * instrumented: plain loads, not checked ones. */
__attribute__((no_sanitize("address"))) static void record_fault(bcsim__frame_t *f, int sig,
                                                                  siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    f->signo = sig;
    f->si_code = si ? si->si_code : 0;
    f->fault_addr = si ? (uint64_t)si->si_addr : 0;
    f->fault_pc = uc ? (uint64_t)uc->uc_mcontext.gregs[REG_RIP] : 0;
    f->fault_rsp = uc ? (uint64_t)uc->uc_mcontext.gregs[REG_RSP] : 0;
    f->fault_write = uc && (uc->uc_mcontext.gregs[REG_ERR] & 2);
    f->fault_exec = uc && sig == SIGSEGV && (uc->uc_mcontext.gregs[REG_ERR] & 0x10);
    /* A signal someone sent (raise, kill, tgkill, sigqueue) carries a pid, not an address. */
    if (f->si_code <= 0)
        f->fault_addr = 0;
    if (sig == SIGFPE || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT)
        f->fault_addr = f->fault_pc;
    f->stack_top_word = f->stack_below_word = f->driver_pc = 0;
    uint64_t rsp = f->fault_rsp, top = stack_limit(f, rsp);
    if (!top) {
        /* a stack pointer in the guard page (stack overflow) or somewhere unknown */
        const bcsim__region_t *r = rsp >= 8 ? bcsim__mem_find(rsp - 8) : NULL;
        if (r && r->mclass == BCSIM__MEM_STACK && rsp <= r->end)
            f->stack_below_word = *(const uint64_t *)(rsp - 8);
        return;
    }
    f->stack_top_word = *(const uint64_t *)rsp;
    if (rsp - 8 >= bcsim__mem_find(rsp)->start)
        f->stack_below_word = *(const uint64_t *)(rsp - 8);
    /* Outside driver code (the C library's memmove behind RtlCopyMemory, a shim routine given
     * a bad pointer, raise()): the finding belongs to the first driver frame above the fault.
     * Scan the stack words for a return address into driver code (bounded: 64 KiB). */
    if (bcsim__in_driver_code(f->fault_pc) && !f->fault_exec && f->si_code > 0)
        return;
    uint64_t end = top - rsp > 0x10000 ? rsp + 0x10000 : top;
    for (uint64_t a = rsp; a + 8 <= end; a += 8) {
        uint64_t w = *(const uint64_t *)a;
        if (bcsim__is_driver_return_address(w)) {
            f->driver_pc = w;
            return;
        }
    }
}

/* The NTSTATUS a driver __except filter sees for this signal, or 0 when the event is not
 * an exception on Windows (a verifier finding: paged pool, guard pages, stack overflow). */
static int exception_code(int sig, siginfo_t *si)
{
    switch (sig) {
    case SIGSEGV:
    case SIGBUS: {
        const bcsim__region_t *r = bcsim__mem_find((uint64_t)si->si_addr);
        if (r && (r->mclass == BCSIM__MEM_PAGED || r->mclass == BCSIM__MEM_GUARD))
            return 0;
        if (bcsim__pool_quarantined((uint64_t)si->si_addr, NULL))
            return 0;   /* special pool: Driver Verifier bug checks (0xD5), no exception */
        return BCSIM_STATUS_ACCESS_VIOLATION;
    }
    case SIGFPE:
        return si->si_code == FPE_INTDIV ? BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO
                                         : BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO;
    case SIGILL:
        return si->si_code == ILL_PRVOPC ? BCSIM_STATUS_PRIVILEGED_INSTRUCTION
                                         : BCSIM_STATUS_ILLEGAL_INSTRUCTION;
    case SIGTRAP:
        return BCSIM_STATUS_BREAKPOINT;
    }
    return 0;
}

static _Noreturn void seh_jump(bcsim_seh_frame_t *s, int code, uint64_t pc, uint64_t addr)
{
    seh_top = s->prev;
    s->raised = 1;
    s->code = code;
    seh_current.code = code;
    seh_current.info = NULL;
    if (frame_top) {
        frame_top->seh_handled++;
        frame_top->seh_last_code = code;
        frame_top->seh_last_pc = pc;
        frame_top->seh_last_addr = addr;
    }
    bcsim__critical = frame_top ? frame_top->critical_at_entry : 0;
    /* jb holds a glibc jmp_buf filled by _setjmp (excpt.h); no mask was saved. */
    struct __jmp_buf_tag *env;
    memcpy(&env, &(void *){ s->jb }, sizeof(env));
    siglongjmp(env, 1);
}

static void fault_handler(int sig, siginfo_t *si, void *uc);

/* Depth of chain() per signal: a previous handler that hands the signal back to bcsim (as
 * libFuzzer's SIGSEGV handler does with its "upstream" handler) must not loop for ever. */
static volatile sig_atomic_t chain_depth[65];

static void chain(int sig, siginfo_t *si, void *uc)
{
    bool sent = si && si->si_code <= 0;   /* raise/kill: returning would not repeat it */
    if (sig > 0 && sig < 65 && chain_depth[sig]) {
        /* Re-entered: nobody upstream handles it; take the default action. */
        signal(sig, SIG_DFL);
        if (sig == SIGABRT || sig == SIGTRAP || sent)
            raise(sig);
        return;
    }
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(fault_signals); i++) {
        if (fault_signals[i] != sig)
            continue;
        struct sigaction *o = &C.old[i];
        if ((o->sa_flags & SA_SIGINFO) && o->sa_sigaction && o->sa_sigaction != fault_handler) {
            chain_depth[sig]++;
            o->sa_sigaction(sig, si, uc);
            chain_depth[sig]--;
            return;
        }
        if (!(o->sa_flags & SA_SIGINFO) && o->sa_handler != SIG_DFL && o->sa_handler != SIG_IGN) {
            chain_depth[sig]++;
            o->sa_handler(sig);
            chain_depth[sig]--;
            return;
        }
    }
    /* Default action: restore it and let the signal happen again on return (synchronous
     * faults re-fault; abort and signals sent by raise/kill are raised again). */
    signal(sig, SIG_DFL);
    if (sig == SIGABRT || sig == SIGTRAP || sent)
        raise(sig);
}

/* CPU state the x64 calling convention says a callee keeps, which driver code may have left
 * changed: the direction flag (string instructions, memcpy, would run backwards), alignment
 * checking (bcsim's own unaligned accesses would fault), MXCSR and the x87 control word
 * (unmasked floating-point exceptions). Saved before driver code runs, put back after it,
 * whether it returned or was abandoned. */
typedef struct cpu_state {
    uint32_t mxcsr;
    uint16_t fcw;
} cpu_state_t;

static inline void cpu_save(cpu_state_t *c)
{
    __asm__ volatile("stmxcsr %0\n\tfnstcw %1" : "=m"(c->mxcsr), "=m"(c->fcw));
}

/* Clears AC and DF without touching the red zone below rsp. */
#define CPU_FLAGS_CLEAN() \
    __asm__ volatile("lea -128(%%rsp), %%rsp\n\tpushfq\n\tandq $~0x40000, (%%rsp)\n\tpopfq\n\t" \
                     "lea 128(%%rsp), %%rsp\n\tcld" ::: "cc", "memory")

static inline void cpu_restore(const cpu_state_t *c)
{
    __asm__ volatile("ldmxcsr %0\n\tfldcw %1" ::"m"(c->mxcsr), "m"(c->fcw));
    CPU_FLAGS_CLEAN();
}

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
    CPU_FLAGS_CLEAN();   /* the kernel clears DF for a handler, not AC */
    int saved_errno = errno;
    bcsim__frame_t *f = frame_top;
    /* A driver __try frame newer than the running guarded call takes real exceptions. */
    if (seh_top && (!f || seh_top != f->seh_at_entry)) {
        int code = exception_code(sig, si);
        if (code) {
            ucontext_t *u = uc;
            seh_jump(seh_top, code, u ? (uint64_t)u->uc_mcontext.gregs[REG_RIP] : 0,
                     si ? (uint64_t)si->si_addr : 0);
        }
    }
    if (f && f->contain) {
        record_fault(f, sig, si, uc);
        f->outcome = BCSIM__OUT_FAULT;
        seh_top = f->seh_at_entry;
        bcsim__critical = f->critical_at_entry;
        errno = saved_errno;
        siglongjmp(f->jb, 1);
    }
    errno = saved_errno;
    chain(sig, si, uc);
}

static void watchdog_handler(int sig, siginfo_t *si, void *uc)
{
    CPU_FLAGS_CLEAN();
    (void)sig;
    (void)si;
    (void)uc;
    bcsim__frame_t *f = frame_top;
    if (!f || !f->contain || !f->watchdog || wd_fired != f->generation)
        return;
    if (bcsim__critical > f->critical_at_entry) {
        hang_pending = 1; /* harness code is running: end the callback when it is done */
        return;
    }
    f->outcome = BCSIM__OUT_HANG;
    seh_top = f->seh_at_entry;
    siglongjmp(f->jb, 1);
}

void bcsim__critical_leave_slow(void)
{
    bcsim__frame_t *f = frame_top;
    if (hang_pending && f && f->contain && f->watchdog && bcsim__critical <= f->critical_at_entry) {
        hang_pending = 0;
        f->outcome = BCSIM__OUT_HANG;
        seh_top = f->seh_at_entry;
        siglongjmp(f->jb, 1);
    }
}

/* ---- the watchdog thread ---------------------------------------------------------------------- */

static void *watchdog_main(void *arg)
{
    (void)arg;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    struct timespec tick = { 0, 5 * 1000 * 1000 };
    uint64_t seen_gen = 0, seen_progress = 0, still_since = 0;
    for (;;) {
        nanosleep(&tick, NULL);
        uint64_t gen = wd_generation;
        if (!(gen & 1) || wd_fired == gen)
            continue;
        uint64_t now = now_ns(CLOCK_MONOTONIC), progress = bcsim__progress;
        if (gen != seen_gen || progress != seen_progress) {
            /* a new call, or the running one moved: the no-progress clock starts again */
            seen_gen = gen;
            seen_progress = progress;
            still_since = now;
            continue;
        }
        uint64_t cpu = wd_cpu_ms ? now_ns(main_cpu_clock) - wd_start_cpu_ns : 0;
        if (gen != wd_generation)
            continue;
        if ((wd_wall_ms && now - still_since > (uint64_t)wd_wall_ms * 1000000ULL) ||
            (wd_cpu_ms && cpu > (uint64_t)wd_cpu_ms * 1000000ULL)) {
            wd_fired = gen;
            pthread_kill(C.main_thread, WATCHDOG_SIGNAL);
        }
    }
    return NULL;
}

static void watchdog_start(void)
{
    if (C.wd_running)
        return;
    C.main_thread = pthread_self();
    if (pthread_getcpuclockid(C.main_thread, &main_cpu_clock) != 0)
        main_cpu_clock = CLOCK_THREAD_CPUTIME_ID;
    if (pthread_create(&C.wd_thread, NULL, watchdog_main, NULL) == 0) {
        pthread_detach(C.wd_thread);
        C.wd_running = true;
    }
}

/* The watchdog thread does not survive fork(): a child starts its own. */
static void after_fork_child(void)
{
    C.wd_running = false;
    C.tracer = -1;
}

/* ---- installation ------------------------------------------------------------------------------ */

int bcsim__contain_install(void)
{
    if (C.installed) {
        /* Someone (a test framework, a sanitizer) may have replaced our handler since: take
         * it back, chaining to whatever is there now. */
        struct sigaction cur;
        if (sigaction(SIGSEGV, NULL, &cur) == 0 && (cur.sa_flags & SA_SIGINFO) &&
            cur.sa_sigaction == fault_handler)
            return 0;
        C.installed = false;
    }
    static bool atfork;
    if (!atfork) {
        pthread_atfork(NULL, NULL, after_fork_child);
        atfork = true;
    }
    if (!C.altstack) {
        C.altstack = mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (C.altstack == MAP_FAILED) {
            C.altstack = NULL;
            return BCSIM_ENOMEM;
        }
    }
    stack_t ss = { .ss_sp = C.altstack, .ss_size = ALTSTACK_SIZE, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(fault_signals); i++) {
        /* Re-installing after someone replaced a handler: bcsim's own handler is never
         * remembered as the one to chain to (it would chain to itself for ever). */
        struct sigaction prev;
        sigaction(fault_signals[i], &sa, &prev);
        if (!((prev.sa_flags & SA_SIGINFO) && prev.sa_sigaction == fault_handler))
            C.old[i] = prev;
    }
    sa.sa_sigaction = watchdog_handler;
    sigaction(WATCHDOG_SIGNAL, &sa, &C.old_wd);
    C.installed = true;
    return 0;
}

void bcsim__contain_uninstall(void)
{
    if (!C.installed)
        return;
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(fault_signals); i++)
        sigaction(fault_signals[i], &C.old[i], NULL);
    sigaction(WATCHDOG_SIGNAL, &C.old_wd, NULL);
    C.installed = false;
}

/* The simulated kernel stack: callback.stack_bytes with an inaccessible guard page below,
 * registered as driver-visible stack memory (so it is in the dump). Sanitizer builds use a
 * larger stack: instrumented frames are several times bigger. */
int bcsim__callback_stack_create(void)
{
    uint64_t bytes = BCSIM_PAGE_ROUND_UP(bcsim__m.cfg.callback_stack_bytes ? bcsim__m.cfg.callback_stack_bytes : 0x6000);
#if defined(BCSIM_SANITIZE)
    if (bytes < (1u << 20))
        bytes = 1u << 20;
#endif
    uint64_t len = bytes + BCSIM_PAGE_SIZE;
    uint8_t *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return BCSIM_ENOMEM;
    mprotect(m, BCSIM_PAGE_SIZE, PROT_NONE);
    C.stack_map = m;
    C.stack_map_len = len;
    C.stack_lo = m + BCSIM_PAGE_SIZE;
    C.stack_hi = m + len;
    bcsim__mem_register((uint64_t)m, (uint64_t)m + BCSIM_PAGE_SIZE, BCSIM__MEM_GUARD, 0, -1,
                        "guard:stack");
    bcsim__mem_register((uint64_t)C.stack_lo, (uint64_t)C.stack_hi, BCSIM__MEM_STACK,
                        BCSIM__MF_DUMP | BCSIM__MF_OS, -1, "callback stack");
    return 0;
}

/* The driver thread stack: where DriverEntry, DriverUnload and a module's constructors run,
 * so that a record a driver registers from a local variable lives in memory bcsim knows (the
 * list walker may read it after the frame returned) and an overflow meets a guard page. Harness
 * code runs on it too (a bug check DriverEntry raises), so it is large; pages are committed
 * only when touched. */
#define DRIVER_STACK_BYTES (8u << 20)

int bcsim__driver_stack_create(void)
{
    uint64_t len = DRIVER_STACK_BYTES + BCSIM_PAGE_SIZE;
    uint8_t *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return BCSIM_ENOMEM;
    mprotect(m, BCSIM_PAGE_SIZE, PROT_NONE);
    C.dstack_map = m;
    C.dstack_map_len = len;
    C.dstack_lo = m + BCSIM_PAGE_SIZE;
    C.dstack_hi = m + len;
    bcsim__mem_register((uint64_t)m, (uint64_t)m + BCSIM_PAGE_SIZE, BCSIM__MEM_GUARD, 0, -1,
                        "guard:stack:driver");
    bcsim__mem_register((uint64_t)C.dstack_lo, (uint64_t)C.dstack_hi, BCSIM__MEM_STACK, 0, -1,
                        "driver thread stack");
    return 0;
}

uint32_t bcsim__driver_stack_bytes(void)
{
    return DRIVER_STACK_BYTES;
}

void bcsim__callback_stack_destroy(void)
{
    if (C.dstack_map)
        munmap(C.dstack_map, C.dstack_map_len);
    C.dstack_map = NULL;
    C.dstack_lo = C.dstack_hi = NULL;
    if (C.stack_map)
        munmap(C.stack_map, C.stack_map_len);
    C.stack_map = NULL;
    C.stack_lo = C.stack_hi = NULL;
}

bool bcsim__in_callback_stack_guard(uint64_t addr)
{
    return C.stack_map && addr >= (uint64_t)C.stack_map && addr < (uint64_t)C.stack_lo;
}

/* ---- guarded calls ---------------------------------------------------------------------------- */

void bcsim__call_on_stack(void (*fn)(void *), void *arg, void *stack_top);

static void run_thunk(void *arg)
{
    bcsim__frame_t *f = arg;
    f->fn(f->arg);
}

/* Already on the driver stack (driver code called from driver code: a test's bcsim_sim_call
 * inside DriverEntry): stay on it. */
static bool on_driver_stack_now(void)
{
    uint8_t here;
    return C.dstack_lo && &here >= C.dstack_lo && &here < C.dstack_hi;
}

int bcsim__guarded_call(bcsim__frame_t *f, void (*fn)(void *), void *arg)
{
    f->fn = fn;
    f->arg = arg;
    f->outcome = BCSIM__OUT_RETURNED;
    f->prev = frame_top;
    f->seh_at_entry = seh_top;
    f->critical_at_entry = bcsim__critical;
    f->irql_at_entry = bcsim__m.irql;
    f->contain = bcsim__containment_on();
    bool debugger = bcsim__debugger_attached();
    f->watchdog = f->watchdog && f->contain && !debugger;
    f->virtual_start = bcsim__clock_now_100ns();
    if (f->contain)
        bcsim__contain_install();

    cpu_state_t cpu;
    cpu_save(&cpu);
    frame_top = f;
    if (sigsetjmp(f->jb, 0) == 0) {
        if (f->watchdog) {
            watchdog_start();
            wd_wall_ms = bcsim__m.cfg.watchdog_wall_ms;
            wd_cpu_ms = bcsim__m.cfg.watchdog_cpu_ms;
            if (wd_cpu_ms)
                wd_start_cpu_ns = now_ns(main_cpu_clock);
            f->generation = wd_generation + 1; /* odd: armed */
            wd_generation = f->generation;
        }
        if (f->on_callback_stack && C.stack_hi)
            bcsim__call_on_stack(run_thunk, f, C.stack_hi);
        else if (f->on_driver_stack && C.dstack_hi && !on_driver_stack_now())
            bcsim__call_on_stack(run_thunk, f, C.dstack_hi);
        else
            fn(arg);
    }
    cpu_restore(&cpu);
    if (f->watchdog)
        wd_generation = f->generation + 1; /* even: disarmed */
    hang_pending = 0;
    frame_top = f->prev;
    seh_top = f->seh_at_entry;
    bcsim__critical = f->critical_at_entry;
    if (f->on_driver_stack && !on_driver_stack_now())
        driver_stack_clean();
    if (f->outcome != BCSIM__OUT_RETURNED) {
        if (f->on_callback_stack)
            stack_clean();
        /* Leaving a signal handler by a jump leaves the signal unblocked (SA_NODEFER); make
         * sure nothing the driver blocked stays blocked. */
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
    }
    return f->outcome;
}

/* Ends the running guarded call from harness code that runs inside it (KeBugCheckEx while a
 * callback runs, a virtual-time watchdog expiry in KeStallExecutionProcessor, ...). */
_Noreturn void bcsim__guarded_abort(int outcome)
{
    bcsim__frame_t *f = frame_top;
    if (!f) {
        fprintf(stderr, "bcsim: internal error: guarded abort outside driver code\n");
        abort();
    }
    f->outcome = outcome;
    seh_top = f->seh_at_entry;
    bcsim__critical = f->critical_at_entry;
    siglongjmp(f->jb, 1);
}

/* Virtual time spent in the running callback exceeds its budget: end it (hang). */
void bcsim__watchdog_virtual_check(void)
{
    bcsim__frame_t *f = frame_top;
    if (!f || !f->watchdog || !bcsim__m.cfg.watchdog_virtual_ms)
        return;
    uint64_t spent = bcsim__clock_now_100ns() - f->virtual_start;
    if (spent > (uint64_t)bcsim__m.cfg.watchdog_virtual_ms * 10000ULL) {
        f->hang_virtual = true;
        bcsim__guarded_abort(BCSIM__OUT_HANG);
    }
}

/* ---- software exceptions (__debugbreak, ExRaiseStatus, ...) --------------------------------- */

void bcsim__raise_exception(int code, uint64_t pc)
{
    bcsim__frame_t *f = frame_top;
    if (seh_top && (!f || seh_top != f->seh_at_entry))
        seh_jump(seh_top, code, pc, 0);
    if (f && f->contain) {
        f->signo = 0;
        f->exception_code = code;
        f->fault_pc = pc;
        f->fault_addr = pc;
        bcsim__guarded_abort(BCSIM__OUT_FAULT);
    }
    /* No containment: a breakpoint should stop a debugger here; anything else aborts. */
    if (code == BCSIM_STATUS_BREAKPOINT)
        raise(SIGTRAP);
    else
        abort();
}

/* ExRaiseStatus and the routines that raise on failure: never returns (a breakpoint status
 * with no containment and SIGTRAP ignored would come back: then abort). */
void bcsim__raise_status(bcsim__i32 status, void *caller)
{
    bcsim__raise_exception(status, (uint64_t)caller);
    abort();
}

/* __debugbreak / DbgBreakPoint: with gdb attached, a real breakpoint; otherwise the
 * STATUS_BREAKPOINT exception a kernel without a debugger raises (a driver __except may
 * take it; unhandled it is KMODE_EXCEPTION_NOT_HANDLED). */
void bcsim__debugbreak(void *caller)
{
    if (bcsim__debugger_attached()) {
        raise(SIGTRAP);
        return;
    }
    bcsim__raise_exception(BCSIM_STATUS_BREAKPOINT, (uint64_t)caller);
}

/* ---- SEH runtime for excpt.h ------------------------------------------------------------------ */

void *bcsim__seh_push(bcsim_seh_frame_t *s)
{
    _Static_assert(sizeof(((bcsim_seh_frame_t *)0)->jb) >= sizeof(sigjmp_buf), "SEH jump buffer");
    s->prev = seh_top;
    seh_top = s;
    return s->jb;
}

int bcsim__seh_step(bcsim_seh_frame_t *s)
{
    switch (s->phase) {
    case 0:
        s->phase = 1;
        return 1;
    case 1:
        if (seh_top == s)
            seh_top = s->prev;
        s->phase = 2;
        return 1;
    default:
        s->phase = 3;
        if (s->raised && !s->handled) {
            /* The filter declined (or this is a __finally): keep searching outward. */
            bcsim__frame_t *f = frame_top;
            s->raised = 0;
            if (seh_top && (!f || seh_top != f->seh_at_entry))
                seh_jump(seh_top, s->code, 0, 0);
            if (f && f->contain) {
                f->signo = 0;
                f->exception_code = s->code;
                f->fault_pc = f->seh_last_pc;
                f->fault_addr = f->seh_last_addr;
                if (f->seh_handled)
                    f->seh_handled--;
                bcsim__guarded_abort(BCSIM__OUT_FAULT);
            }
            abort();
        }
        return 0;
    }
}

int bcsim__seh_filter(bcsim_seh_frame_t *s, int disposition)
{
    if (disposition > 0) {
        s->handled = 1;
        return 1;
    }
    if (disposition < 0) {
        bcsim__report_t r = { .id = BCSIM_V_SEH_CONTINUE_EXECUTION, .reason = BCSIM__NO_REASON,
                              .pc = (uint64_t)__builtin_return_address(0) };
        bcsim__violation(&r, NULL);
    }
    return 0;
}

void bcsim__seh_cleanup(bcsim_seh_frame_t *s)
{
    /* Body left by return/break: drop the frame if it is still on the stack. */
    if (s->phase < 3) {
        bcsim_seh_frame_t **p = &seh_top;
        while (*p && *p != s)
            p = &(*p)->prev;
        if (*p == s)
            *p = s->prev;
    }
}

int bcsim__seh_code(void)
{
    return seh_current.code;
}

void *bcsim__seh_info(void)
{
    return seh_current.info;
}
