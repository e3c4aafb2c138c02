/*
 * src/dispatcher/bugcheck.c — KeBugCheckEx's engine: the order of events in a bug check
 * (dispatcher-model.md 6), nested bug checks (7.9), POWER_FAILURE_SIMULATE (7.10), and the
 * jump back to the harness's catch point when the machine halts (STYLE rule 8).
 *
 * Per-reason protocols live in phase_*.c; the dump in dump.c.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "dispatcher/phases.h"
#include "report/fmt.h"
#include "dispatcher/dispatcher.h"
#include "machine/machine.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static sigjmp_buf *catch_point;
static BCSIM_VEC(bcsim_result_t *) results;

/* ---- lifetime ------------------------------------------------------------------------------ */

static void hook_bugcheck(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4,
                          void *caller)
{
    bcsim__bugcheck_from_driver(code, p1, p2, p3, p4, caller);
}

void bcsim__boot_hooks(void)
{
    /* The services the rooms below ask of the dispatcher (base/state.h). */
    bcsim__hooks.bugcheck = hook_bugcheck;
    bcsim__hooks.run_driver_code = bcsim__run_driver_code;
    bcsim__hooks.records_check_unload = bcsim__records_check_unload;
    bcsim__clock_reset();
    bcsim__phases_boot();
}

static void run_free(void)
{
    uint64_t rip = bcsim__run.ctx_rip, rsp = bcsim__run.ctx_rsp, rbp = bcsim__run.ctx_rbp;
    BCSIM_VEC_FREE(&bcsim__run.calls);
    BCSIM_VEC_FREE(&bcsim__run.writes);
    BCSIM_VEC_FREE(&bcsim__run.blobs);
    BCSIM_VEC_FREE(&bcsim__run.ports);
    BCSIM_VEC_FREE(&bcsim__run.ranges);
    memset(&bcsim__run, 0, sizeof(bcsim__run));
    bcsim__run.ctx_rip = rip;
    bcsim__run.ctx_rsp = rsp;
    bcsim__run.ctx_rbp = rbp;
}

void bcsim__shutdown_hooks(void)
{
    for (size_t i = 0; i < results.n; i++) {
        bcsim_result_t *r = results.v[i];
        free((void *)r->calls);
        free((void *)r->violations);
        free((void *)r->writes);
        free((void *)r->blobs);
        free((void *)r->ports);
        free((void *)r->ranges);
        free(r);
    }
    BCSIM_VEC_FREE(&results);
    run_free();
    catch_point = NULL;
    bcsim__hook_machine_gone();
    bcsim__phases_shutdown();
    bcsim__ports_shutdown();
    bcsim__sync_shutdown();
}

const bcsim_result_t *bcsim_sim_last_result(bcsim_sim_t *sim)
{
    (void)sim;
    return results.n ? results.v[results.n - 1] : NULL;
}

/* ---- the end of a bug check ------------------------------------------------------------------ */

static void build_result(void)
{
    bcsim__violations_resolve();
    bcsim_result_t *r = calloc(1, sizeof(*r));
    if (!r)
        return;
    bcsim__run_t *u = &bcsim__run;
    r->code = u->code;
    memcpy(r->params, u->params, sizeof(r->params));
    r->nested = u->nested;
    r->displayed_code = u->nested ? u->nested_code : u->code;
    memcpy(r->displayed_params, u->nested ? u->nested_params : u->params, sizeof(r->params));
    r->power_failure = u->power_failure;
    r->halted_early = u->halted_early;
    r->calls = u->calls.v;
    r->call_count = (uint32_t)u->calls.n;
    r->writes = u->writes.v;
    r->write_count = (uint32_t)u->writes.n;
    r->blobs = u->blobs.v;
    r->blob_count = (uint32_t)u->blobs.n;
    r->ports = u->ports.v;
    r->port_count = (uint32_t)u->ports.n;
    r->port_total = u->port_total;
    r->ranges = u->ranges.v;
    r->range_count = (uint32_t)u->ranges.n;
    memset(&u->calls, 0, sizeof(u->calls));
    memset(&u->writes, 0, sizeof(u->writes));
    memset(&u->blobs, 0, sizeof(u->blobs));
    memset(&u->ports, 0, sizeof(u->ports));
    memset(&u->ranges, 0, sizeof(u->ranges));
    uint32_t nv = (uint32_t)(bcsim__m.violations.n - u->violations_start);
    bcsim_violation_t *vs = nv ? malloc(nv * sizeof(*vs)) : NULL;
    if (vs)
        memcpy(vs, bcsim__m.violations.v + u->violations_start, nv * sizeof(*vs));
    r->violations = vs;
    r->violation_count = vs ? nv : 0;
    size_t dn = bcsim__m.dbgprint.n > u->dbgprint_start ? bcsim__m.dbgprint.n - u->dbgprint_start : 0;
    r->dbgprint = dn ? bcsim__strndup(bcsim__m.dbgprint.v + u->dbgprint_start, dn) : "";
    r->screen = bcsim__screen_contents();
    r->dump_type = u->dump_type;
    r->dump_path = u->dump_path;
    r->dump_status = u->dump_status;
    r->dump_error = u->dump_error;
    r->dump_size = u->dump_size;
    r->secondary_state = u->secondary_state;
    bcsim_result_t **slot = BCSIM_VEC_PUSH(&results);
    if (slot)
        *slot = r;
    else
        free(r);
}

static _Noreturn void finish(void)
{
    bcsim__dbglog_flush();
    bcsim__dump_abandon();
    bcsim__paged_protect(false);
    build_result();
    bcsim__run.active = false;
    bcsim__m.halted = true;
    bcsim__m.current_call = -1;
    if (catch_point)
        siglongjmp(*catch_point, 1);
    /* KeBugCheckEx reached from code the harness did not start (no catch point): the
     * machine is halted and there is nothing to return to. */
    fprintf(stderr, "bcsim: bug check %#x outside any harness call (use bcsim_sim_call()); "
                    "the simulated machine halted\n", bcsim__run.code);
    fflush(NULL);
    _Exit(3);
}

_Noreturn void bcsim__bugcheck_halt(void)
{
    bcsim__run.halted_early = true;
    finish();
}

/* ---- the sequence (dispatcher-model.md 6) ------------------------------------------------------ */

static _Noreturn void sequence(uint32_t code, const uint64_t p[4])
{
    bcsim__run_t *u = &bcsim__run;
    run_free();
    u->active = true;
    u->code = code;
    memcpy(u->params, p, sizeof(u->params));
    u->violations_start = (uint32_t)bcsim__m.violations.n;
    u->dbgprint_start = bcsim__m.dbgprint.n;
    u->dump_type = bcsim__m.cfg.dump_type;
    u->secondary_state = 0;
    bcsim__supervision_bugcheck(code, p);
    bcsim__violations_reset_dedupe();
    bcsim__dump_reset();

    /* Steps 0-1: depth 1, KiBugCheckData filled before any callback runs. */
    bcsim__m.depth = 1;
    bcsim__m.bugcheck_data[0] = code;
    memcpy(&bcsim__m.bugcheck_data[1], p, 4 * sizeof(uint64_t));

    /* Step 2: POWER_FAILURE_SIMULATE runs legacy callbacks only, no dump (7.10). */
    if (code == BCSIM_BC_POWER_FAILURE_SIMULATE) {
        u->power_failure = true;
        u->dump_type = BCSIM_DUMP_NONE;
        bcsim__m.interrupts_disabled = true;
        bcsim__m.irql = BCSIM_IRQL_HIGH;
        bcsim__paged_protect(true);
        bcsim__phase_legacy();
        finish();
    }
    /* Step 3: KbCallbackReserved2 at the caller's IRQL, before the raise. */
    if (bcsim__m.cfg.reserved_invoke)
        bcsim__phase_reserved(BCSIM_REASON_RESERVED2, BCSIM_PHASE_RESERVED2);
    /* Step 4: interrupts off, HIGH_LEVEL, other processors frozen (one CPU). Pageable memory
     * becomes inaccessible for everything that runs from here on. */
    bcsim__m.interrupts_disabled = true;
    bcsim__m.irql = BCSIM_IRQL_HIGH;
    bcsim__paged_protect(true);
    /* Step 6: reserved 1 then 9. */
    if (bcsim__m.cfg.reserved_invoke) {
        bcsim__phase_reserved(BCSIM_REASON_RESERVED1, BCSIM_PHASE_RESERVED);
        bcsim__phase_reserved(BCSIM_REASON_RESERVED3, BCSIM_PHASE_RESERVED);
    }
    /* Step 7: triage. */
    if (!bcsim__m.cfg.triage_only_with_dump || u->dump_type != BCSIM_DUMP_NONE)
        bcsim__phase_triage();
    /* Step 8: the dump. */
    if (u->dump_type != BCSIM_DUMP_NONE)
        bcsim__dump_run();
    /* Step 9: legacy callbacks, after the dump. */
    bcsim__phase_legacy();
    finish();
}

/* A bug check that begins now (no bug check in progress). */
static _Noreturn void begin(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4)
{
    uint64_t p[4] = { p1, p2, p3, p4 };
    sequence(code, p);
}

/* KeBugCheckEx while a bug check runs (7.9). */
static _Noreturn void nested(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4,
                             void *caller)
{
    bcsim__run_t *u = &bcsim__run;
    if (bcsim__m.depth >= 2) {
        fprintf(stderr, "bcsim: bug check %#x at depth 2 (harness error)\n", code);
        abort();
    }
    bcsim__frame_t *f = bcsim__frame_current();
    bcsim_call_t *c = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
    bcsim__m.depth = 2;
    if (!u->nested) {
        u->nested = true;
        u->nested_code = code;
        u->nested_params[0] = p1;
        u->nested_params[1] = p2;
        u->nested_params[2] = p3;
        u->nested_params[3] = p4;
    }
    bcsim__m.bugcheck_data[0] = code;
    bcsim__m.bugcheck_data[1] = p1;
    bcsim__m.bugcheck_data[2] = p2;
    bcsim__m.bugcheck_data[3] = p3;
    bcsim__m.bugcheck_data[4] = p4;
    bcsim__report_t r = { .id = BCSIM_V_NESTED_BUGCHECK, .pc = (uint64_t)caller,
                          .component = c ? c->component : NULL,
                          .reason = c ? c->reason : BCSIM__NO_REASON,
                          .bugcheck_code = code, .bugcheck_params = { p1, p2, p3, p4 } };
    bcsim__violation(&r, "%#x (%s) raised during %s (original bug check %#x)", code,
                     bcsim_bugcheck_name(code) ? bcsim_bugcheck_name(code) : "?",
                     bcsim_phase_name(u->phase), u->code);
    if (bcsim__m.cfg.nested == BCSIM_NESTED_CONTAIN) {
        /* Not Windows behaviour: restore the first bug check's values and go on. */
        bcsim__m.bugcheck_data[0] = u->code;
        memcpy(&bcsim__m.bugcheck_data[1], u->params, 4 * sizeof(uint64_t));
    }
    bcsim__m.depth = bcsim__m.cfg.nested == BCSIM_NESTED_CONTAIN ? 1 : 2;
    if (f && f->is_callback)
        bcsim__guarded_abort(BCSIM__OUT_NESTED);
    /* Raised by harness code between callbacks (list corruption found by a walk): halt. */
    bcsim__bugcheck_halt();
}

void bcsim__bugcheck_from_driver(bcsim__u32 code, bcsim__u64 p1, bcsim__u64 p2, bcsim__u64 p3,
                                 bcsim__u64 p4, void *caller)
{
    if (bcsim__m.depth >= 1 && bcsim__run.active)
        nested(code, p1, p2, p3, p4, caller);
    /* The CONTEXT in the dump header: where KeBugCheckEx was called from. */
    bcsim__run.ctx_rip = (uint64_t)caller;
    bcsim__run.ctx_rsp = (uint64_t)__builtin_frame_address(0);
    bcsim__run.ctx_rbp = (uint64_t)__builtin_frame_address(0);
    begin(code, p1, p2, p3, p4);
}

_Noreturn void bcsim__raise_bugcheck(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3,
                                     uint64_t p4)
{
    bcsim__bugcheck_from_driver(code, p1, p2, p3, p4, NULL);
    __builtin_unreachable();
}

/* ---- harness entry points that may end in a bug check ---------------------------------------- */

int bcsim__run_driver_code(void (*fn)(void *), void *arg, const char *what, const char *driver,
                           const void *routine)
{
    sigjmp_buf jb, *saved = catch_point;
    void *seh;
    bcsim__frame_t *frames = bcsim__frames_save(&seh);
    catch_point = &jb;
    if (sigsetjmp(jb, 1) == 0) {
        bcsim__frame_t f;
        memset(&f, 0, sizeof(f));
        f.on_driver_stack = true;
        uint32_t kind = !strcmp(what, "DriverEntry") ? BCSIM_ACTIVITY_DRIVER_ENTRY
                      : !strcmp(what, "DriverUnload") ? BCSIM_ACTIVITY_DRIVER_UNLOAD
                      : !strcmp(what, "static constructors") ? BCSIM_ACTIVITY_CONSTRUCTOR
                                                            : BCSIM_ACTIVITY_OTHER;
        bcsim__driver_code_enter(kind, (uint64_t)routine, driver, NULL, BCSIM__NO_REASON, UINT32_MAX,
                                 "%s of %s", what, driver ? driver : "a driver");
        int out = bcsim__guarded_call(&f, fn, arg);
        bcsim__driver_code_leave();
        if (out == BCSIM__OUT_FAULT) {
            /* An exception in driver code outside a callback is unhandled: the machine
             * bug-checks with the code the finding names. */
            uint32_t before = (uint32_t)bcsim__m.violations.n;
            bcsim__report_fault(&f, NULL, BCSIM__NO_REASON, false,
                                bcsim__strfmt("%s of %s", what, driver ? driver : "driver"));
            uint32_t code = BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED;
            uint64_t p[4] = { 0 };
            if (bcsim__m.violations.n > before) {
                const bcsim_violation_t *v = &bcsim__m.violations.v[before];
                if (v->bugcheck_code) {
                    code = v->bugcheck_code;
                    memcpy(p, v->bugcheck_params, sizeof(p));
                }
            }
            begin(code, p[0], p[1], p[2], p[3]);
        }
        catch_point = saved;
        return 0;
    }
    bcsim__host_stack_clean(&jb);   /* the bug check may have run on the driver stack */
    bcsim__frames_restore(frames, seh);
    catch_point = saved;
    return BCSIM_EBUGCHECK;
}

int bcsim__with_catch_point(void (*fn)(void *), void *arg)
{
    sigjmp_buf jb, *saved = catch_point;
    void *seh;
    bcsim__frame_t *frames = bcsim__frames_save(&seh);
    catch_point = &jb;
    /* No signal mask saved: a halt is a jump from harness code, never from a handler. */
    if (sigsetjmp(jb, 0) == 0) {
        fn(arg);
        catch_point = saved;
        return 0;
    }
    bcsim__frames_restore(frames, seh);
    catch_point = saved;
    return BCSIM_EBUGCHECK;
}

int bcsim_sim_bugcheck(bcsim_sim_t *sim, uint32_t code, const uint64_t params[4],
                       const bcsim_result_t **out)
{
    if (out)
        *out = NULL;
    if (!sim)
        return BCSIM_EINVAL;
    if (bcsim__m.halted)
        return BCSIM_ESTATE;
    uint64_t p[4] = { 0 };
    if (params)
        memcpy(p, params, sizeof(p));
    sigjmp_buf jb, *saved = catch_point;
    void *seh;
    bcsim__frame_t *frames = bcsim__frames_save(&seh);
    catch_point = &jb;
    if (sigsetjmp(jb, 1) == 0) {
        /* The harness trigger: the CONTEXT names this call. */
        bcsim__run.ctx_rip = (uint64_t)__builtin_return_address(0);
        bcsim__run.ctx_rsp = (uint64_t)__builtin_frame_address(0);
        bcsim__run.ctx_rbp = (uint64_t)__builtin_frame_address(0);
        begin(code, p[0], p[1], p[2], p[3]);
    }
    bcsim__frames_restore(frames, seh);
    catch_point = saved;
    if (out)
        *out = bcsim_sim_last_result(sim);
    return 0;
}

typedef struct user_call {
    void (*fn)(void *);
    void *arg;
} user_call_t;

int bcsim_sim_call(bcsim_sim_t *sim, void (*fn)(void *), void *arg)
{
    if (!sim || !fn)
        return BCSIM_EINVAL;
    if (bcsim__m.halted)
        return BCSIM_ESTATE;
    return bcsim__run_driver_code(fn, arg, "driver code", NULL, NULL);
}
