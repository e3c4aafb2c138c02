/*
 * src/dispatch.c — invoking one bug-check callback: at the right IRQL, on the simulated
 * kernel stack, under containment; recording the call; turning a fault, hang or a lowered
 * IRQL into the finding Windows or Driver Verifier would raise (dispatcher-model.md 7.11,
 * 9.3). Which callbacks run, and with what data, is the phases' business (bugcheck.c,
 * phase_*.c).
 */
#include "internal.h"
#include "contain.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>

bcsim_call_t *bcsim__call(uint32_t idx)
{
    return idx < bcsim__run.calls.n ? &bcsim__run.calls.v[idx] : NULL;
}

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
    snprintf(buf, size, "; in %s allocation %#llx+%#llx (tag '%s', %llu bytes) allocated at %s:%u%s%s",
             al->paged ? "paged pool" : "nonpaged pool", (unsigned long long)al->addr,
             (unsigned long long)(addr - al->addr), tag, (unsigned long long)al->size,
             loc.file ? loc.file : "?", loc.line, al->freed ? ", already freed" : "",
             "");
}

void bcsim__report_fault(const bcsim__frame_t *f, const char *component, int32_t reason,
                         bool in_callback, const char *what)
{
    bcsim__report_t r = { .component = component, .reason = reason, .pc = f->fault_pc,
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
        bcsim__violation(&r, "exception %#x in %s not handled", (uint32_t)code, what);
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
        bcsim__violation(&r, "%s of %#llx (%s) in %s%s", access, (unsigned long long)f->fault_addr,
                         bcsim__mem_describe(f->fault_addr), what, pool);
        return;
    }
    case SIGFPE:
        r.id = BCSIM_V_DIVIDE_BY_ZERO;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO;
        r.bugcheck_params[1] = f->fault_pc;
        bcsim__violation(&r, "in %s", what);
        return;
    case SIGILL:
        r.id = BCSIM_V_ILLEGAL_INSTRUCTION;
        r.bugcheck_code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
        r.bugcheck_params[0] = (uint32_t)(f->si_code == ILL_PRVOPC ? BCSIM_STATUS_PRIVILEGED_INSTRUCTION
                                                                   : BCSIM_STATUS_ILLEGAL_INSTRUCTION);
        r.bugcheck_params[1] = f->fault_pc;
        bcsim__violation(&r, "in %s", what);
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
    cb->outcome = bcsim__guarded_call(&f, call_routine, &t);
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
        if (f.signo == SIGABRT && !bcsim__mem_find(f.fault_pc))
            f.fault_pc = f.fault_addr = (uint64_t)cb->routine;
        bcsim__report_fault(&f, component, reason, true, what);
        break;
    case BCSIM__OUT_HANG: {
        bcsim__report_t r = { .id = BCSIM_V_CALLBACK_HANG, .component = component,
                              .reason = reason, .pc = (uint64_t)cb->routine };
        bcsim__violation(&r, "%s was abandoned after %s", what,
                         f.hang_virtual ? bcsim__strfmt("%u ms of virtual time", bcsim__m.cfg.watchdog_virtual_ms)
                                        : bcsim__strfmt("%u ms of CPU or %u ms of wall time",
                                                        bcsim__m.cfg.watchdog_cpu_ms,
                                                        bcsim__m.cfg.watchdog_wall_ms));
        break;
    }
    default:
        break;
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
