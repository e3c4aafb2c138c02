/*
 * src/dispatcher/dispatch.c — invoking one bug-check callback: at the right IRQL, on the simulated
 * kernel stack, under containment; recording the call; turning a fault, hang or a lowered
 * IRQL into the finding Windows or Driver Verifier would raise (dispatcher-model.md 7.11,
 * 9.3). Which callbacks run, and with what data, is the phases' business (bugcheck.c,
 * phase_*.c).
 */
#include "internal.h"
#include "verifier/contain.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <time.h>

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>

uint8_t bcsim__rec_state(const void *rec, bool legacy)
{
    return legacy ? ((const bcsim__lrec_t *)rec)->state : ((const bcsim__rrec_t *)rec)->state;
}

/* A driver string copied through the registry's harness view, byte by byte and never past
 * its NUL. The loads are not checked by ASan: bcsim reads driver memory as the kernel would
 * (and a plain copy would go through ASan's memcpy interceptor for every byte). */
__attribute__((no_sanitize("address"))) static size_t read_cstr(const uint8_t *c, char *buf, size_t size)
{
    const bcsim__region_t *r = NULL;
    for (size_t i = 0; i + 1 < size; i++) {
        uint64_t a = (uint64_t)c + i;
        if (!r || a >= r->end) {
            r = bcsim__mem_find(a);
            if (!r || r->mclass == BCSIM__MEM_GUARD || r->mclass == BCSIM__MEM_MMIO ||
                r->mclass == BCSIM__MEM_FREED)
                return SIZE_MAX;
        }
        buf[i] = *(const volatile char *)(uintptr_t)(a + (uint64_t)r->alias_delta);
        if (!buf[i])
            return i;
    }
    buf[size - 1] = 0;
    return size - 1;
}

const char *bcsim__rec_component(const void *rec, bool legacy)
{
    const uint8_t *c = legacy ? ((const bcsim__lrec_t *)rec)->component
                              : ((const bcsim__rrec_t *)rec)->component;
    char buf[64];
    size_t n = c ? read_cstr(c, buf, sizeof(buf)) : SIZE_MAX;
    return n == SIZE_MAX ? "?" : bcsim__strndup(buf, n);
}

void bcsim__call_finding(const bcsim__rrec_t *r, uint32_t call, uint32_t id, uint64_t address,
                         const char *fmt, ...)
{
    const bcsim_call_t *c = bcsim__call(call);
    bcsim__report_t rep = { .id = id, .reason = r->reason, .component = c ? c->component : NULL,
                            .pc = (uint64_t)r->routine, .address = address };
    if (id == BCSIM_V_SECONDARY_BUFFER_NOT_RESIDENT) {
        rep.bugcheck_code = BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL;
        rep.bugcheck_params[0] = address;
        rep.bugcheck_params[1] = BCSIM_IRQL_HIGH;
    }
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&rep, fmt, ap);
    va_end(ap);
}

void bcsim__state_after(void *rec, bool legacy, uint8_t during, uint8_t after, uint32_t call)
{
    uint8_t *s = legacy ? &((bcsim__lrec_t *)rec)->state : &((bcsim__rrec_t *)rec)->state;
    if (*s == during)
        *s = after;
    bcsim_call_t *c = bcsim__call(call);
    if (c)
        c->state_after = *s;
}

/* ---- fault -> finding (dispatcher-model.md 9.3) ------------------------------------------ */

static void describe_pool(uint64_t addr, char *buf, size_t size)
{
    const bcsim__alloc_t *al = bcsim__pool_find(addr);
    buf[0] = 0;
    if (!al)
        return;
    char tag[5] = { 0 };
    for (int i = 0; i < 4; i++) {
        char c = (char)(al->tag >> (8 * i));
        tag[i] = (c >= 0x20 && c < 0x7f) ? c : '.';
    }
    bcsim__srcloc_t loc;
    bcsim__symbolize(al->site, &loc);
    bcsim__srcloc_t fl = { 0 };
    if (al->freed && al->free_site)
        bcsim__symbolize(al->free_site, &fl);
    snprintf(buf, size, "; in %s allocation %#llx+%#llx (tag '%s', %llu bytes) allocated at %s:%u%s%s",
             al->paged ? "paged pool" : "nonpaged pool", (unsigned long long)al->addr,
             (unsigned long long)(addr - al->addr), tag, (unsigned long long)al->size,
             loc.file ? loc.file : "?", loc.line, al->freed ? ", already freed" : "",
             al->freed && al->free_site ? bcsim__strfmt(" at %s:%u", fl.file ? fl.file : "?", fl.line) : "");
}

/* Where a fault is reported: the faulting instruction when it is driver code; otherwise the
 * driver's call that led to it (the C library's memmove behind RtlCopyMemory, a shim routine
 * given a bad pointer), the library frame named as detail. */
static uint64_t fault_site(const bcsim__frame_t *f, const char **detail)
{
    *detail = "";
    if (f->driver_pc) {
        *detail = bcsim__strfmt(" (the faulting instruction is in %s, called from the driver)",
                                bcsim__symbol_name(f->fault_pc));
        return f->driver_pc - 1;   /* inside the driver's call instruction: its line */
    }
    if (f->routine && bcsim__image_of(f->fault_pc) < 0) {
        /* Outside every image bcsim knows (the C library, a wild jump) and no driver frame on
         * the stack: the driver routine that was running. */
        *detail = bcsim__strfmt(" (the faulting instruction %#llx is outside the driver; no driver frame was found on the stack)",
                                (unsigned long long)f->fault_pc);
        return f->routine;
    }
    return f->fault_pc;
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGABRT: return "SIGABRT";
    default: return "a signal";
    }
}

void bcsim__report_fault(const bcsim__frame_t *f, const char *component, int32_t reason,
                         bool in_callback, const char *what)
{
    const char *detail;
    bcsim__report_t r = { .component = component, .reason = reason, .pc = fault_site(f, &detail),
                          .address = f->fault_addr };
    uint8_t irql = in_callback ? BCSIM_IRQL_HIGH : bcsim__m.irql;
    char pool[256];
    describe_pool(f->fault_addr, pool, sizeof(pool));
    const char *access = f->fault_write ? "write" : "read";

    if (f->exception_code || f->signo == SIGTRAP) {
        int code = f->exception_code ? f->exception_code : BCSIM_STATUS_BREAKPOINT;
        r.id = code == BCSIM_STATUS_BREAKPOINT ? BCSIM_V_BREAKPOINT
               : code == BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO ? BCSIM_V_DIVIDE_BY_ZERO
               : code == BCSIM_STATUS_ILLEGAL_INSTRUCTION || code == BCSIM_STATUS_PRIVILEGED_INSTRUCTION
                   ? BCSIM_V_ILLEGAL_INSTRUCTION
               : code == BCSIM_STATUS_ACCESS_VIOLATION ? BCSIM_V_INVALID_MEMORY_ACCESS
                                                       : BCSIM_V_UNHANDLED_EXCEPTION;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)code;
        r.bugcheck_params[1] = f->fault_pc;
        bcsim__violation(&r, "exception %#x in %s not handled%s", (uint32_t)code, what, detail);
        return;
    }
    /* A signal the driver sent itself (raise, kill, tgkill): no fault, no address. abort()
     * is ABORTED (below). */
    if (f->si_code <= 0 && f->signo != SIGABRT) {
        r.id = BCSIM_V_SIGNAL_RAISED;
        r.address = 0;
        bcsim__violation(&r, "%s sent with raise()/kill() in %s%s (no Windows equivalent)",
                         signal_name(f->signo), what, detail);
        return;
    }
    if (f->signo == SIGBUS && f->si_code == BUS_ADRALN) {
        /* An alignment-check fault (EFLAGS.AC set): on Windows the data-type misalignment
         * exception, unhandled in kernel mode. */
        r.id = BCSIM_V_MISALIGNED_ACCESS;
        r.address = 0;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)BCSIM_STATUS_DATATYPE_MISALIGNMENT;
        r.bugcheck_params[1] = f->fault_pc;
        bcsim__violation(&r, "alignment-check fault in %s (a misaligned access with EFLAGS.AC set)%s",
                         what, detail);
        return;
    }
    if (f->signo == SIGSEGV && f->si_code == SI_KERNEL) {
        /* #GP: a non-canonical address, a misaligned SSE access, a privileged operation. On
         * Windows an access violation whose address is unknown (-1). */
        r.id = BCSIM_V_GENERAL_PROTECTION_FAULT;
        r.address = UINT64_MAX;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)BCSIM_STATUS_ACCESS_VIOLATION;
        r.bugcheck_params[1] = f->fault_pc;
        r.bugcheck_params[3] = UINT64_MAX;
        bcsim__violation(&r, "general-protection fault in %s (a non-canonical address, a misaligned "
                         "SSE access or a privileged operation)%s", what, detail);
        return;
    }
    if (f->signo == SIGSEGV && (f->fault_exec || f->fault_pc == f->fault_addr)) {
        /* Execution reached an address that is no code. After `call reg` the return address
         * is on top of the stack; after `ret` the bad address is the word just popped. */
        bool called = bcsim__is_driver_return_address(f->stack_top_word);
        bool returned = !called && f->stack_below_word == f->fault_pc;
        r.id = called ? BCSIM_V_CALL_TO_INVALID_ADDRESS
               : returned ? BCSIM_V_RETURN_TO_INVALID_ADDRESS : BCSIM_V_CALL_TO_INVALID_ADDRESS;
        if (called)
            r.pc = f->stack_top_word - 1;
        r.bugcheck_code = irql > BCSIM_IRQL_DISPATCH ? BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL
                                                     : BCSIM_BC_PAGE_FAULT_IN_NONPAGED_AREA;
        r.bugcheck_params[0] = f->fault_addr;
        r.bugcheck_params[1] = irql > BCSIM_IRQL_DISPATCH ? irql : 0x10;
        r.bugcheck_params[2] = irql > BCSIM_IRQL_DISPATCH ? 8 : (called ? f->stack_top_word : 0);
        r.bugcheck_params[3] = called ? f->stack_top_word : 0;
        bcsim__violation(&r, returned ? "%s returned to %#llx (%s): its return address on the stack was overwritten"
                                      : "%s called %#llx (%s) through a NULL or invalid function pointer",
                         what, (unsigned long long)f->fault_addr, bcsim__mem_describe(f->fault_addr));
        return;
    }
    const bcsim__alloc_t *gone;
    if (f->signo == SIGSEGV && bcsim__pool_quarantined(f->fault_addr, &gone)) {
        /* Driver Verifier's special pool: a freed block's pages stay invalid, and touching
         * them is DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL (0xD5). */
        bcsim__srcloc_t at, fr;
        bcsim__symbolize(gone->site, &at);
        bcsim__symbolize(gone->free_site, &fr);
        r.id = BCSIM_V_POOL_USE_AFTER_FREE;
        r.bugcheck_code = BCSIM_BC_DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL;
        r.bugcheck_params[0] = f->fault_addr;
        r.bugcheck_params[1] = f->fault_write;
        r.bugcheck_params[2] = f->fault_pc;
        bcsim__violation(&r, "%s of %#llx in %s: %llu bytes into a %llu-byte %s block allocated at %s:%u and freed at %s:%u%s",
                         access, (unsigned long long)f->fault_addr, what,
                         (unsigned long long)(f->fault_addr - gone->addr), (unsigned long long)gone->size,
                         gone->paged ? "paged pool" : "nonpaged pool", at.file ? at.file : "?", at.line,
                         fr.file ? fr.file : "?", fr.line, detail);
        return;
    }
    switch (f->signo) {
    case SIGSEGV:
    case SIGBUS: {
        const bcsim__region_t *reg = bcsim__mem_find(f->fault_addr);
        const char *gname = reg && reg->mclass == BCSIM__MEM_GUARD && reg->name ? reg->name : "";
        if (!strncmp(gname, "guard:stack", 11)) {
            r.id = BCSIM_V_STACK_OVERFLOW;
            r.bugcheck_code = BCSIM_BC_UNEXPECTED_KERNEL_MODE_TRAP;
            r.bugcheck_params[0] = 8; /* double fault */
            bcsim__violation(&r, "%s overflowed the %u-byte kernel stack (%s at %#llx)", what,
                             !strcmp(gname, "guard:stack:driver") ? bcsim__driver_stack_bytes()
                                                                  : bcsim__m.cfg.callback_stack_bytes, access,
                             (unsigned long long)f->fault_addr);
            return;
        }
        if (!strncmp(gname, "guard:inbuffer", 14) || !strncmp(gname, "guard:rsd", 9)) {
            bool inb = !strncmp(gname, "guard:inbuffer", 14);
            r.id = inb ? BCSIM_V_INBUFFER_OVERRUN : BCSIM_V_STRUCTURE_OVERRUN;
            r.bugcheck_code = BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL;
            r.bugcheck_params[0] = f->fault_addr;
            r.bugcheck_params[1] = irql;
            r.bugcheck_params[2] = f->fault_write;
            r.bugcheck_params[3] = f->fault_pc;
            bcsim__violation(&r, "%s at %#llx, %llu bytes past the end of %s", access,
                             (unsigned long long)f->fault_addr,
                             (unsigned long long)(f->fault_addr - reg->start + 1),
                             inb ? "InBuffer" : "ReasonSpecificData");
            return;
        }
        bool paged = reg && reg->mclass == BCSIM__MEM_PAGED;
        r.id = paged ? BCSIM_V_PAGEABLE_MEMORY_ACCESS
               : f->fault_addr < 0x10000 ? BCSIM_V_NULL_POINTER_DEREFERENCE
                                         : BCSIM_V_INVALID_MEMORY_ACCESS;
        if (irql > BCSIM_IRQL_DISPATCH) {
            r.bugcheck_code = BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL;
            r.bugcheck_params[0] = f->fault_addr;
            r.bugcheck_params[1] = irql;
            r.bugcheck_params[2] = f->fault_write;
            r.bugcheck_params[3] = f->fault_pc;
        } else {
            r.bugcheck_code = BCSIM_BC_PAGE_FAULT_IN_NONPAGED_AREA;
            r.bugcheck_params[0] = f->fault_addr;
            r.bugcheck_params[1] = f->fault_write ? 2 : 0;
            r.bugcheck_params[2] = f->fault_pc;
        }
        bcsim__violation(&r, "%s of %#llx (%s) in %s%s%s", access, (unsigned long long)f->fault_addr,
                         bcsim__mem_describe(f->fault_addr), what, pool, detail);
        return;
    }
    case SIGFPE:
        r.id = BCSIM_V_DIVIDE_BY_ZERO;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO;
        r.bugcheck_params[1] = f->fault_pc;
        bcsim__violation(&r, "in %s%s", what, detail);
        return;
    case SIGILL:
        r.id = BCSIM_V_ILLEGAL_INSTRUCTION;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)(f->si_code == ILL_PRVOPC ? BCSIM_STATUS_PRIVILEGED_INSTRUCTION
                                                                   : BCSIM_STATUS_ILLEGAL_INSTRUCTION);
        r.bugcheck_params[1] = f->fault_pc;
        bcsim__violation(&r, "in %s%s", what, detail);
        return;
    case SIGABRT:
        r.id = BCSIM_V_ABORTED;
        bcsim__violation(&r, "in %s", what);
        return;
    }
    r.id = BCSIM_V_UNHANDLED_EXCEPTION;
    bcsim__violation(&r, "signal %d in %s", f->signo, what);
}

/* ---- the debugger hook ------------------------------------------------------------------------
 * Called right before every callback runs, on the harness stack. The gdb extension
 * (`bcsim break-callback`) breaks here, matches the component/reason, and plants a one-shot
 * breakpoint at the routine so the stop is in the driver's own function. Keep the signature
 * stable: the gdb extension reads these parameters by name. */
__attribute__((noinline, used)) void bcsim__gdb_callback_hook(const void *record, int32_t reason,
                                                              const char *component,
                                                              const void *routine, uint32_t phase,
                                                              uint32_t seq)
{
    __asm__ volatile("" ::"r"(record), "r"(reason), "r"(component), "r"(routine), "r"(phase),
                     "r"(seq)
                     : "memory");
}

/* ---- invoking a callback ----------------------------------------------------------------------- */

typedef struct thunk {
    bcsim__cb_t *cb;
} thunk_t;

/* The driver's routine has the WDK's type (KBUGCHECK_*_ROUTINE in the shim world); the harness
 * calls it through the same ABI under its own spelling, which clang's -fsanitize=function (the
 * fuzz preset's UBSan) cannot see are one type. */
#if defined(__clang__)
__attribute__((no_sanitize("function")))
#endif
static void call_routine(void *p)
{
    bcsim__cb_t *cb = ((thunk_t *)p)->cb;
    if (cb->legacy)
        ((void (*)(void *, uint32_t))cb->routine)(cb->buffer, cb->length);
    else
        ((void (*)(int32_t, void *, void *, uint32_t))cb->routine)(cb->reason, cb->record,
                                                                     cb->data, cb->data_len);
}

int bcsim__invoke(bcsim__cb_t *cb)
{
    uint32_t idx = (uint32_t)bcsim__run.calls.n;
    BCSIM__CRITICAL_ENTER();
    bcsim_call_t *c = BCSIM_VEC_PUSH(&bcsim__run.calls);
    if (c) {
        c->seq = idx;
        c->phase = bcsim__run.phase;
        c->reason = cb->legacy ? BCSIM_REASON_LEGACY : cb->reason;
        c->record = cb->record;
        c->component = bcsim__rec_component(cb->record, cb->legacy);
        c->routine = bcsim__symbol_name((uint64_t)cb->routine);
        c->state_before = bcsim__rec_state(cb->record, cb->legacy);
        c->state_after = c->state_before;
    }
    BCSIM__CRITICAL_LEAVE();
    cb->call = idx;
    /* Legacy callbacks and SecondaryDumpData data requests run with BufferStarted (5). */
    uint8_t *st = cb->legacy ? &((bcsim__lrec_t *)cb->record)->state : &((bcsim__rrec_t *)cb->record)->state;
    *st = cb->state_during;

    uint8_t saved_irql = bcsim__m.irql;
    bool saved_interrupts_disabled = bcsim__m.interrupts_disabled;
    bcsim__m.irql = cb->irql;
    int32_t prev_call = bcsim__m.current_call;
    bcsim__m.current_call = (int32_t)idx;

    bcsim__frame_t f;
    /* Everything but the jump buffer (sigsetjmp fills it): this runs for every callback. */
    memset((char *)&f + offsetof(bcsim__frame_t, prev), 0, sizeof(f) - offsetof(bcsim__frame_t, prev));
    f.on_callback_stack = true;
    f.watchdog = true;
    f.is_callback = true;
    thunk_t t = { cb };
    if (c) {
        bcsim__driver_code_enter(BCSIM_ACTIVITY_CALLBACK, (uint64_t)cb->routine, NULL, c->component,
                                 c->reason, idx, "%s callback %s (%s)", bcsim_reason_name(c->reason),
                                 c->routine, c->component ? c->component : "?");
        bcsim__gdb_callback_hook(cb->record, c->reason, c->component, cb->routine, c->phase, idx);
    }
    /* Wall time per call (JUnit times testcases with it); not in the fuzz harness, where two
     * clock reads would be a measurable part of every input. */
    struct timespec t0 = { 0, 0 }, t1 = { 0, 0 };
    bool timed = !bcsim__m.untimed_calls;
    if (timed)
        clock_gettime(CLOCK_MONOTONIC, &t0);
    cb->outcome = bcsim__guarded_call(&f, call_routine, &t);
    if (timed)
        clock_gettime(CLOCK_MONOTONIC, &t1);
    bcsim__driver_code_leave();

    bcsim__violations_resolve();
    const char *component = c ? bcsim__call(idx)->component : NULL;
    int32_t reason = cb->legacy ? BCSIM_REASON_LEGACY : cb->reason;
    /* Formatted only when a finding needs it: this runs once per callback call, and the fuzz
     * harness runs it once per input. */
    bool quiet = cb->outcome == BCSIM__OUT_RETURNED && bcsim__m.irql == cb->irql && !f.seh_handled;
    const char *what = quiet ? NULL
                             : bcsim__strfmt("%s callback %s", bcsim_reason_name(reason),
                                             bcsim__symbol_name((uint64_t)cb->routine));
    switch (cb->outcome) {
    case BCSIM__OUT_FAULT:
        /* abort() raises SIGABRT inside the C library, which is no memory bcsim knows: name the
         * callback rather than a libc line. */
        f.routine = (uint64_t)cb->routine;
        bcsim__report_fault(&f, component, reason, true, what);
        break;
    case BCSIM__OUT_HANG: {
        bcsim__report_t r = { .id = BCSIM_V_CALLBACK_HANG, .component = component,
                              .reason = reason, .pc = (uint64_t)cb->routine };
        bcsim__violation(&r, "%s was abandoned after %s", what,
                         f.hang_virtual ? bcsim__strfmt("%u ms of virtual time (watchdog.virtual_ms)",
                                                        bcsim__m.cfg.watchdog_virtual_ms)
                         : bcsim__m.cfg.watchdog_cpu_ms
                             ? bcsim__strfmt("%u ms of wall time without progress (watchdog.wall_ms) or %u ms of CPU (watchdog.cpu_ms)",
                                             bcsim__m.cfg.watchdog_wall_ms, bcsim__m.cfg.watchdog_cpu_ms)
                             : bcsim__strfmt("%u ms of wall time without progress: no kernel call, no virtual time (watchdog.wall_ms)",
                                             bcsim__m.cfg.watchdog_wall_ms));
        break;
    }
    default:
        break;
    }
    /* Slow is not hung (dispatcher-model.md 7.11): a call that used more than watchdog.slow_ms of
     * virtual time ran to its end; it is reported, once per routine and bug check. */
    uint64_t spent = bcsim__clock_now_100ns() - f.virtual_start;
    if (cb->outcome == BCSIM__OUT_RETURNED && bcsim__m.cfg.watchdog_slow_ms &&
        spent > (uint64_t)bcsim__m.cfg.watchdog_slow_ms * 10000ULL) {
        bcsim__report_t r = { .id = BCSIM_V_SLOW_CALLBACK, .component = component,
                              .reason = reason, .pc = (uint64_t)cb->routine,
                              .dedupe = (uint64_t)cb->routine ^ 0x510e };
        bcsim__violation(&r, "%s used %llu ms of virtual time (watchdog.slow_ms %u)",
                         what ? what : bcsim__strfmt("%s callback %s", bcsim_reason_name(reason),
                                                     bcsim__symbol_name((uint64_t)cb->routine)),
                         (unsigned long long)(spent / 10000), bcsim__m.cfg.watchdog_slow_ms);
    }
    if (cb->outcome == BCSIM__OUT_RETURNED && bcsim__m.irql != cb->irql) {
        bcsim__report_t r = { .id = BCSIM_V_IRQL_NOT_RESTORED, .component = component,
                              .reason = reason, .pc = (uint64_t)cb->routine,
                              .dedupe = (uint64_t)cb->routine };
        bcsim__violation(&r, "%s returned at %s (%u), was called at %s (%u)", what,
                         bcsim__irql_name(bcsim__m.irql), bcsim__m.irql,
                         bcsim__irql_name(cb->irql), cb->irql);
    }
    if (f.seh_handled && cb->irql > BCSIM_IRQL_DISPATCH) {
        bcsim__report_t r = { .id = BCSIM_V_SEH_HANDLED_AT_HIGH_IRQL, .component = component,
                              .reason = reason, .pc = f.seh_last_pc, .address = f.seh_last_addr,
                              .dedupe = f.seh_last_pc };
        bcsim__violation(&r, "%s handled exception %#x in its own __except", what,
                         (uint32_t)f.seh_last_code);
    }
    c = bcsim__call(idx);
    if (c) {
        c->wall_ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000ULL + (uint64_t)t1.tv_nsec - (uint64_t)t0.tv_nsec;
        c->virtual_100ns = spent;
        c->outcome = (uint32_t)cb->outcome;
        c->irql_after = bcsim__m.irql;
        c->state_after = bcsim__rec_state(cb->record, cb->legacy);
    }
    bcsim__m.irql = saved_irql;
    bcsim__m.interrupts_disabled = saved_interrupts_disabled;   /* a callback's _enable() undone */
    bcsim__m.current_call = prev_call;
    /* Policies that stop everything (dispatcher-model.md 7.9 step 4, knob fault). */
    if ((cb->outcome == BCSIM__OUT_NESTED && bcsim__m.cfg.nested == BCSIM_NESTED_HALT) ||
        ((cb->outcome == BCSIM__OUT_FAULT || cb->outcome == BCSIM__OUT_HANG) &&
         bcsim__m.cfg.fault == BCSIM_FAULT_HALT)) {
        bcsim__state_after(cb->record, cb->legacy, cb->state_during, 4, idx);
        bcsim__bugcheck_halt();
    }
    return cb->outcome;
}
