/*
 * tests/test_verifier.c — every detector of the verifier proven on the misbehaving example
 * drivers (examples/bad/, one mistake each), and proven quiet on correct code: the bundled good
 * examples and the good-practice counterparts of tests/drivers/verifier_drv.c
 * (dispatcher-model.md 7.9, 7.11, 8, 9; driver-patterns.md 12, 17; STYLE rule 5).
 *
 * For each bad driver: the exact finding (name, bug-check code and parameters where Windows or
 * Driver Verifier defines them), the record's State afterwards (BufferIncomplete when the
 * callback was abandoned: fault, hang, nested bug check; BufferFinished when it returned after
 * a non-fatal violation), the continuation (the built-in bcsim secondary-data block is still
 * emitted, the dump is written and opens with the reader), and that no finding is reported
 * twice. Then all of them at once in one bug check (nested = contain).
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"
#include "drivers/verifier_drv.h"

#include <time.h>
#include <unistd.h>

#ifndef BAD_DIR
#error "BAD_DIR must point at the built examples/bad modules"
#endif
#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must point at the built example modules"
#endif

#define NONE UINT32_MAX
#define STATUS_ACCESS_VIOLATION 0xC0000005u

static const uint64_t P[4] = { 0xA1, 0xA2, 0xA3, 0xA4 };
static char dump_path[128];
static bcsim_sim_t *live_sim;

/* What one bad driver must produce. */
typedef struct bad_case {
    const char *module;
    uint32_t id;                  /* the detector's finding */
    uint32_t code;                /* bug check Windows / Driver Verifier would raise (0: none) */
    int64_t p[4];                 /* expected parameters; -1 = any, P2_IRQL in p[1] = 15 */
    uint8_t state;                /* the record's State after the bug check */
    uint32_t outcome;             /* of the driver's (last) call */
    uint32_t also[3];             /* other findings it must produce exactly once (NONE ends) */
} bad_case_t;

#define ANY (-1)

static const bad_case_t cases[] = {
    { "pool_in_callback", BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL, 0xC4, { 0x02, 15, 0x200, 64 },
      BCSIM_STATE_FINISHED, BCSIM_OUTCOME_RETURNED, { BCSIM_V_POOL_FREE_AT_HIGH_IRQL, NONE } },
    { "spinlock_in_callback", BCSIM_V_SPINLOCK_IN_CALLBACK, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_FINISHED, BCSIM_OUTCOME_RETURNED, { BCSIM_V_IRQL_TOO_HIGH, NONE } },
    { "paged_read", BCSIM_V_PAGEABLE_MEMORY_ACCESS, 0xD1, { ANY, 15, 0, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "paged_write", BCSIM_V_PAGEABLE_MEMORY_ACCESS, 0xD1, { ANY, 15, 1, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "paged_code", BCSIM_V_PAGED_CODE_AT_HIGH_IRQL, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_FINISHED, BCSIM_OUTCOME_RETURNED, { BCSIM_V_SECONDARY_ZERO_GUID, NONE } },
    { "inbuffer_overrun", BCSIM_V_INBUFFER_OVERRUN, 0xD1, { ANY, 15, 1, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "struct_overrun", BCSIM_V_STRUCTURE_OVERRUN, 0xD1, { ANY, 15, 1, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    /* Context->Events++: a read-modify-write; the faulting access is the read at -O0 */
    { "null_deref", BCSIM_V_NULL_POINTER_DEREFERENCE, 0xD1, { 0, 15, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "divide_by_zero", BCSIM_V_DIVIDE_BY_ZERO, 0x1E, { 0xC0000094, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "debugbreak", BCSIM_V_BREAKPOINT, 0x1E, { 0x80000003, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "aborts", BCSIM_V_ABORTED, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "endless_loop", BCSIM_V_CALLBACK_HANG, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_HUNG, { NONE } },
    { "endless_stall", BCSIM_V_CALLBACK_HANG, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_HUNG, { NONE } },
    { "nested_bugcheck", BCSIM_V_NESTED_BUGCHECK, 0xE0B00001u, { ANY, ANY, 0, 0 },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_NESTED, { NONE } },
    { "irql_lowered", BCSIM_V_IRQL_LOWERED_IN_CALLBACK, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_FINISHED, BCSIM_OUTCOME_RETURNED, { BCSIM_V_IRQL_NOT_RESTORED, NONE } },
    { "seh_probe", BCSIM_V_SEH_HANDLED_AT_HIGH_IRQL, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_FINISHED, BCSIM_OUTCOME_RETURNED, { BCSIM_V_SECONDARY_ZERO_GUID, NONE } },
    /* faults outside the driver's own instructions, or of kinds a page fault does not cover:
     * each has its own name and the driver's line (issue: verdicts, F) */
    { "libc_fault", BCSIM_V_INVALID_MEMORY_ACCESS, 0xD1, { 0x5a5a5a5a0000, 15, 1, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "gp_fault", BCSIM_V_GENERAL_PROTECTION_FAULT, 0x1E, { 0xC0000005, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "null_call", BCSIM_V_CALL_TO_INVALID_ADDRESS, 0xD1, { 0, 15, 8, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "smashed_return", BCSIM_V_RETURN_TO_INVALID_ADDRESS, 0xD1, { 0x5a5a5a5a5a58, 15, 8, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    { "raise_signal", BCSIM_V_SIGNAL_RAISED, 0, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
    /* freed pool stays inaccessible (the special pool's quarantine): 0xD5 */
    { "use_after_free", BCSIM_V_POOL_USE_AFTER_FREE, 0xD5, { ANY, ANY, ANY, ANY },
      BCSIM_STATE_INCOMPLETE, BCSIM_OUTCOME_FAULTED, { NONE } },
};

/* The line of a bad driver's planted mistake ("the mistake" comment). */
static uint32_t mistake_line(const char *module)
{
    char path[512], line[512];
    snprintf(path, sizeof(path), "%s/%s.c", BAD_SRC_DIR, module);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    uint32_t n = 0, found = 0;
    while (!found && fgets(line, sizeof(line), f)) {
        n++;
        if (strstr(line, "/* the mistake"))
            found = n;
    }
    fclose(f);
    return found;
}

static const bad_case_t *case_of(const char *module)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        if (!strcmp(cases[i].module, module))
            return &cases[i];
    fail_msg("no case for %s", module);
    return NULL;
}

/* ---- fixture ------------------------------------------------------------------------------- */

static bool verifier_off;         /* the next boot() sets verifier = off */
static uint32_t bugcheck_on;      /* the next boot()'s verifier.bugcheck_on */

static bcsim_sim_t *boot(bool nested_contain)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.verifier = !verifier_off;
    cfg.verifier_bugcheck_on = bugcheck_on;
    verifier_off = false;
    bugcheck_on = BCSIM_BUGCHECK_ON_NONE;
    cfg.dump_type = BCSIM_DUMP_BITMAP;
    snprintf(dump_path, sizeof(dump_path), "/tmp/bcsim-test-verifier-%d.dmp", (int)getpid());
    cfg.dump_path = dump_path;
    cfg.watchdog_wall_ms = 200;      /* endless_loop: 200 ms without progress keeps it fast */
    if (nested_contain)
        cfg.nested = BCSIM_NESTED_CONTAIN;
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    live_sim = sim;
    return sim;
}

static void load(bcsim_sim_t *sim, const char *dir, const char *module)
{
    char path[512];
    bcsim_driver_t *drv;
    snprintf(path, sizeof(path), "%s/%s.so", dir, module);
    int rc = bcsim_driver_load(sim, path, NULL, &drv);
    if (rc)
        fail_msg("loading %s: %s (%s)", path, bcsim_strerror(rc), bcsim_last_error());
}

static const bcsim_result_t *crash(bcsim_sim_t *sim)
{
    const bcsim_result_t *res;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &res), 0);
    assert_non_null(res);
    return res;
}

static int teardown(void **state)
{
    (void)state;
    if (live_sim)
        bcsim_sim_destroy(live_sim);
    live_sim = NULL;
    unlink(dump_path);
    return 0;
}

/* ---- checks -------------------------------------------------------------------------------- */

static void print_findings(const bcsim_result_t *r)
{
    char buf[1024];
    for (uint32_t i = 0; i < r->violation_count; i++) {
        bcsim_violation_format(&r->violations[i], buf, sizeof(buf));
        printf("  finding: %s\n", buf);
    }
}

static uint32_t count_of(const bcsim_result_t *r, const char *component, uint32_t id)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->violation_count; i++)
        n += r->violations[i].id == id &&
             (!component || (r->violations[i].component && !strcmp(r->violations[i].component, component)));
    return n;
}

static const bcsim_violation_t *find(const bcsim_result_t *r, const char *component, uint32_t id)
{
    for (uint32_t i = 0; i < r->violation_count; i++)
        if (r->violations[i].id == id && r->violations[i].component &&
            !strcmp(r->violations[i].component, component))
            return &r->violations[i];
    return NULL;
}

/* No finding twice: the same name at the same site with the same subcode. */
static void no_duplicates(const bcsim_result_t *r)
{
    for (uint32_t i = 0; i < r->violation_count; i++)
        for (uint32_t j = i + 1; j < r->violation_count; j++) {
            const bcsim_violation_t *a = &r->violations[i], *b = &r->violations[j];
            if (a->id == b->id && a->pc == b->pc && a->bugcheck_params[0] == b->bugcheck_params[0]) {
                print_findings(r);
                fail_msg("%s reported twice", a->name);
            }
        }
}

/* The last call of a component (the record's final State and the call's outcome). */
static const bcsim_call_t *last_call(const bcsim_result_t *r, const char *component)
{
    const bcsim_call_t *c = NULL;
    for (uint32_t i = 0; i < r->call_count; i++)
        if (r->calls[i].component && !strcmp(r->calls[i].component, component))
            c = &r->calls[i];
    return c;
}

/* The expected finding of one bad driver, with its code and parameters. */
static void check_case(const bcsim_result_t *r, const bad_case_t *c)
{
    if (count_of(r, c->module, c->id) != 1) {
        print_findings(r);
        fail_msg("%s: expected exactly one %s", c->module, bcsim_violation_name(c->id));
    }
    const bcsim_violation_t *v = find(r, c->module, c->id);
    assert_int_equal(v->bugcheck_code, c->code);
    for (int k = 0; k < 4; k++)
        if (c->p[k] != ANY && (int64_t)v->bugcheck_params[k] != c->p[k])
            fail_msg("%s: %s P%d = %#llx, expected %#llx", c->module, v->name, k + 1,
                     (unsigned long long)v->bugcheck_params[k], (unsigned long long)c->p[k]);
    assert_string_equal(v->component, c->module);
    assert_int_equal(v->reason, BCSIM_REASON_SECONDARY_DUMP_DATA);
    /* Every fault is named at the driver's own line: the planted mistake's. (A fault after a
     * corrupted return, where no driver frame is left, names the routine that was running.) */
    if (c->outcome == BCSIM_OUTCOME_FAULTED) {
        char want[256];
        snprintf(want, sizeof(want), "examples/bad/%s.c", c->module);
        if (!v->file || !strstr(v->file, want)) {
            print_findings(r);
            fail_msg("%s: %s is at %s, expected %s", c->module, v->name, v->file ? v->file : "?", want);
        }
        if (strcmp(c->module, "smashed_return") && v->line != mistake_line(c->module)) {
            print_findings(r);
            fail_msg("%s: %s at line %u, the mistake is at line %u", c->module, v->name, v->line,
                     mistake_line(c->module));
        }
    }
    for (int k = 0; k < 3 && c->also[k] != NONE; k++)
        if (count_of(r, c->module, c->also[k]) < 1) {
            print_findings(r);
            fail_msg("%s: expected %s too", c->module, bcsim_violation_name(c->also[k]));
        }
    /* Nothing else of VIOLATION severity from this driver. */
    for (uint32_t i = 0; i < r->violation_count; i++) {
        const bcsim_violation_t *x = &r->violations[i];
        if (!x->component || strcmp(x->component, c->module) || x->severity != BCSIM_SEV_VIOLATION ||
            x->id == c->id)
            continue;
        bool listed = false;
        for (int k = 0; k < 3 && c->also[k] != NONE; k++)
            listed |= x->id == c->also[k];
        if (!listed) {
            print_findings(r);
            fail_msg("%s: unexpected %s", c->module, x->name);
        }
    }
    const bcsim_call_t *call = last_call(r, c->module);
    assert_non_null(call);
    assert_int_equal(call->state_after, c->state);
    assert_int_equal(call->outcome, c->outcome);
}

/* The bug check went on: the built-in bcsim block was produced and reached the dump, which the
 * reader opens. */
static void check_continuation(const bcsim_result_t *r)
{
    const bcsim_call_t *builtin = NULL;
    for (uint32_t i = 0; i < r->call_count; i++)
        if (r->calls[i].phase == BCSIM_PHASE_SECONDARY_DATA && !strcmp(r->calls[i].component, "bcsim"))
            builtin = &r->calls[i];
    assert_non_null(builtin);
    assert_int_equal(builtin->state_after, BCSIM_STATE_FINISHED);
    bool blob = false;
    for (uint32_t i = 0; i < r->blob_count; i++)
        blob |= r->blobs[i].component && !strcmp(r->blobs[i].component, "bcsim");
    assert_true(blob);
    assert_false(r->halted_early);
    assert_int_equal(r->dump_status, 0);
    assert_true(r->dump_size > 0);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    const bcsim_dump_info_t *info = bcsim_dump_get_info(d);
    assert_true(info->usable);
    assert_false(info->truncated);
    assert_int_equal(info->bugcheck_code, 0xE2);
    assert_true(info->blob_count >= 1);
    bcsim_dump_close(d);
}

static void run_one(const char *module)
{
    bcsim_sim_t *sim = boot(false);
    load(sim, BAD_DIR, module);
    const bcsim_result_t *r = crash(sim);
    check_case(r, case_of(module));
    no_duplicates(r);
    if (strcmp(module, "nested_bugcheck"))
        check_continuation(r);
}

/* ---- one test per detector ----------------------------------------------------------------- */

/* R2: nonpaged pool allocated at HIGH_LEVEL: 0xC4/0x02 (P2 15, P3 NonPagedPoolNx, P4 64 bytes);
 * its free is 0xC4/0x12. The callback returns: BufferFinished. */
static void pool_allocation_in_callback_is_0xC4_0x02(void **state)
{
    (void)state;
    run_one("pool_in_callback");
    const bcsim_violation_t *f = find(bcsim_sim_last_result(live_sim), "pool_in_callback",
                                      BCSIM_V_POOL_FREE_AT_HIGH_IRQL);
    assert_int_equal(f->bugcheck_code, 0xC4);
    assert_int_equal(f->bugcheck_params[0], 0x12);
    assert_int_equal(f->bugcheck_params[1], 15);
}

/* R4 + R5: KeAcquireSpinLock at HIGH_LEVEL is 0xC4/0x42 (P3 the lock), its release 0xC4/0x32,
 * and SPINLOCK_IN_CALLBACK once for the lock. */
static void spin_lock_in_callback_is_reported(void **state)
{
    (void)state;
    run_one("spinlock_in_callback");
    const bcsim_result_t *r = bcsim_sim_last_result(live_sim);
    assert_int_equal(count_of(r, "spinlock_in_callback", BCSIM_V_IRQL_TOO_HIGH), 2);
    uint64_t lock = find(r, "spinlock_in_callback", BCSIM_V_SPINLOCK_IN_CALLBACK)->address;
    bool acquire = false, release = false;
    for (uint32_t i = 0; i < r->violation_count; i++) {
        const bcsim_violation_t *v = &r->violations[i];
        if (v->id != BCSIM_V_IRQL_TOO_HIGH)
            continue;
        assert_int_equal(v->bugcheck_code, 0xC4);
        assert_int_equal(v->bugcheck_params[1], 15);
        assert_int_equal(v->bugcheck_params[2], lock);
        acquire |= v->bugcheck_params[0] == 0x42;
        release |= v->bugcheck_params[0] == 0x32;
    }
    assert_true(acquire && release);
}

/* R3: paged pool read inside a callback: 0xD1, P2 15, P3 0 (read); the callback is abandoned. */
static void paged_pool_read_is_0xD1(void **state)
{
    (void)state;
    run_one("paged_read");
}

/* R3: paged pool write: 0xD1, P3 1 (write). */
static void paged_pool_write_is_0xD1(void **state)
{
    (void)state;
    run_one("paged_write");
}

/* S17: PAGED_CODE() reached at HIGH_LEVEL; the helper still runs (a finding, not a fault). */
static void paged_code_at_high_irql_is_reported(void **state)
{
    (void)state;
    run_one("paged_code");
}

/* One byte past InBuffer hits the guard page: INBUFFER_OVERRUN, 0xD1 (write). */
static void inbuffer_overrun_by_one_byte_is_caught(void **state)
{
    (void)state;
    run_one("inbuffer_overrun");
}

/* A write past the 0x30-byte KBUGCHECK_SECONDARY_DUMP_DATA: STRUCTURE_OVERRUN, 0xD1. */
static void write_past_the_structure_is_caught(void **state)
{
    (void)state;
    run_one("struct_overrun");
}

/* NULL dereference at HIGH_LEVEL: 0xD1 with P1 = the address referenced (0). */
static void null_dereference_is_0xD1(void **state)
{
    (void)state;
    run_one("null_deref");
}

/* Integer divide by zero: KMODE_EXCEPTION_NOT_HANDLED with STATUS_INTEGER_DIVIDE_BY_ZERO. */
static void divide_by_zero_is_0x1E(void **state)
{
    (void)state;
    run_one("divide_by_zero");
}

/* __debugbreak without a kernel debugger: 0x1E with STATUS_BREAKPOINT. */
static void debugbreak_is_0x1E(void **state)
{
    (void)state;
    run_one("debugbreak");
}

/* abort() in the callback: contained (ABORTED), reported at the driver (not inside the C
 * library), and the bug check goes on. */
/* RtlCopyMemory to an address the driver never mapped: the fault is inside the C library's
 * memmove, the finding names the driver's RtlCopyMemory line (the libc frame as detail). */
static void fault_inside_the_c_library_is_named_at_the_driver_call(void **state)
{
    (void)state;
    run_one("libc_fault");
    const bcsim_violation_t *v = find(bcsim_sim_last_result(live_sim), "libc_fault",
                                      BCSIM_V_INVALID_MEMORY_ACCESS);
    assert_non_null(strstr(v->message, "called from the driver"));
}

/* A non-canonical address is a general-protection fault (SI_KERNEL, no fault address), not a
 * NULL dereference of address 0. */
static void non_canonical_access_is_a_general_protection_fault(void **state)
{
    (void)state;
    run_one("gp_fault");
    assert_int_equal(count_of(bcsim_sim_last_result(live_sim), "gp_fault", BCSIM_V_NULL_POINTER_DEREFERENCE), 0);
}

/* Calling a NULL function pointer: named as such, at the call. */
static void call_through_null_function_pointer_is_named_at_the_call(void **state)
{
    (void)state;
    run_one("null_call");
}

/* A return address overwritten on the stack: the `ret` jumps nowhere; named as stack
 * corruption, at the routine that was running. */
static void return_to_a_smashed_address_is_stack_corruption(void **state)
{
    (void)state;
    run_one("smashed_return");
}

/* A callback reads a context its driver freed: the special pool's quarantine makes the read
 * fault; the finding names the allocation and the free sites. */
static void use_of_freed_pool_in_a_callback_is_0xD5(void **state)
{
    (void)state;
    run_one("use_after_free");
    const bcsim_violation_t *v = find(bcsim_sim_last_result(live_sim), "use_after_free",
                                      BCSIM_V_POOL_USE_AFTER_FREE);
    assert_non_null(strstr(v->message, "examples/bad/use_after_free.c:12 and freed at "));
    assert_non_null(strstr(v->message, "examples/bad/use_after_free.c:16"));
}

/* raise(SIGSEGV) is no fault: no address, its own name, at the driver's line. */
static void raised_signal_is_not_a_null_dereference(void **state)
{
    (void)state;
    run_one("raise_signal");
    const bcsim_violation_t *v = find(bcsim_sim_last_result(live_sim), "raise_signal", BCSIM_V_SIGNAL_RAISED);
    assert_int_equal(v->address, 0);
    assert_non_null(strstr(v->message, "SIGSEGV"));
}

static void abort_is_contained(void **state)
{
    (void)state;
    run_one("aborts");
    const bcsim_violation_t *v = find(bcsim_sim_last_result(live_sim), "aborts", BCSIM_V_ABORTED);
    assert_non_null(strstr(v->file, "examples/bad/aborts.c"));
}

/* A busy loop that never ends and never calls the kernel: no progress for watchdog.wall_ms,
 * so the watchdog abandons it (CALLBACK_HANG). */
static void endless_loop_is_abandoned(void **state)
{
    (void)state;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    run_one("endless_loop");
    clock_gettime(CLOCK_MONOTONIC, &b);
    assert_true((b.tv_sec - a.tv_sec) < 4);
    const bcsim_violation_t *v = find(bcsim_sim_last_result(live_sim), "endless_loop", BCSIM_V_CALLBACK_HANG);
    assert_non_null(strstr(v->message, "without progress"));
}

/* A stall loop that never ends: 120 s of virtual time end it, in milliseconds of wall time. */
static void endless_stall_loop_is_abandoned_on_virtual_time(void **state)
{
    (void)state;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    run_one("endless_stall");
    clock_gettime(CLOCK_MONOTONIC, &b);
    assert_true((b.tv_sec - a.tv_sec) < 2);
    const bcsim_violation_t *v = find(bcsim_sim_last_result(live_sim), "endless_stall", BCSIM_V_CALLBACK_HANG);
    assert_non_null(strstr(v->message, "virtual time"));
}

/* KeBugCheckEx in a callback (7.9, nested = halt): the nested code is displayed, nothing more
 * runs, no dump is written. */
static void nested_bug_check_halts(void **state)
{
    (void)state;
    run_one("nested_bugcheck");
    const bcsim_result_t *r = bcsim_sim_last_result(live_sim);
    assert_true(r->nested);
    assert_true(r->halted_early);
    assert_int_equal(r->code, 0xE2);
    assert_int_equal(r->displayed_code, 0xE0B00001u);
    assert_int_equal(r->call_count, 1);
    assert_int_equal(r->blob_count, 0);
}

/* With nested = contain the bug check goes on after the nested one (not Windows behaviour). */
static void nested_bug_check_contained_continues(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(true);
    load(sim, BAD_DIR, "nested_bugcheck");
    const bcsim_result_t *r = crash(sim);
    check_case(r, case_of("nested_bugcheck"));
    no_duplicates(r);
    check_continuation(r);
    assert_true(r->nested);
}

/* KeLowerIrql(PASSIVE_LEVEL) inside the callback: IRQL_LOWERED_IN_CALLBACK at the call, and
 * IRQL_NOT_RESTORED when the callback returns at PASSIVE_LEVEL. */
static void irql_lowered_below_high_is_reported(void **state)
{
    (void)state;
    run_one("irql_lowered");
    const bcsim_call_t *c = last_call(bcsim_sim_last_result(live_sim), "irql_lowered");
    assert_int_equal(c->irql_after, 0);
}

/* __try/__except around an access violation at HIGH_LEVEL: the handler runs with
 * GetExceptionCode() == STATUS_ACCESS_VIOLATION (the driver returns it as its block), the
 * callback finishes, and bcsim warns that Windows would have bug-checked first. */
static void seh_at_high_irql_runs_the_handler_and_warns(void **state)
{
    (void)state;
    run_one("seh_probe");
    const bcsim_result_t *r = bcsim_sim_last_result(live_sim);
    const bcsim_violation_t *v = find(r, "seh_probe", BCSIM_V_SEH_HANDLED_AT_HIGH_IRQL);
    assert_int_equal(v->severity, BCSIM_SEV_WARNING);
    assert_non_null(strstr(v->message, "0xc0000005"));
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    bool seen = false;
    for (uint32_t i = 0; i < bcsim_dump_blob_count(d); i++) {
        bcsim_dump_blob_t b;
        uint32_t code = 0;
        uint64_t copied;
        assert_int_equal(bcsim_dump_blob_get(d, i, &b), 0);
        if (b.size != 4 || b.guid.data1 != 0)
            continue;
        assert_int_equal(bcsim_dump_read_blob(d, i, 0, &code, 4, &copied), 0);
        assert_int_equal(code, STATUS_ACCESS_VIOLATION);
        seen = true;
    }
    bcsim_dump_close(d);
    assert_true(seen);
}

/* ---- silence --------------------------------------------------------------------------------- */

static const char *const good_examples[] = { "legacy_notify", "secondary_log", "dumpio_mirror",
                                             "pages_table", "multipart_blob", "triage_state" };

static void no_violation_severity(const bcsim_result_t *r)
{
    for (uint32_t i = 0; i < r->violation_count; i++)
        if (r->violations[i].severity == BCSIM_SEV_VIOLATION) {
            print_findings(r);
            fail_msg("unexpected %s", r->violations[i].name);
        }
}

/* The six bundled good examples together, plus a driver doing all the things the bad ones get
 * wrong the right way: no VIOLATION-severity finding, before or during the bug check. */
static void good_run(uint32_t raise_on)
{
    bugcheck_on = raise_on;
    bcsim_sim_t *sim = boot(false);
    for (size_t i = 0; i < sizeof(good_examples) / sizeof(good_examples[0]); i++)
        load(sim, EXAMPLES_DIR, good_examples[i]);
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_driver_attach(sim, "verifier_good", vd_driver_entry(), NULL, &drv), 0);
    assert_int_equal(bcsim_driver_status(drv), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);     /* DriverEntry work at PASSIVE_LEVEL */
    const vd_seen_t *s = vd_seen();
    assert_true(s->entry_done);
    assert_int_equal((uint32_t)s->seh_code, STATUS_ACCESS_VIOLATION);
    assert_true(s->paged_ok);

    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    const bcsim_result_t *r = crash(sim);
    clock_gettime(CLOCK_MONOTONIC, &b);
    no_violation_severity(r);
    assert_int_equal(bcsim_test_violations(sim), 0);
    /* KeRaiseIrql(HIGH_LEVEL) + KeLowerIrql back: a no-op, quiet */
    assert_int_equal(s->irql_at_high, 15);
    assert_int_equal(s->irql_restored, 15);
    /* the 2000 ms stall loop finished on virtual time, quickly */
    assert_true(s->stall_elapsed_ms >= 2000 && s->stall_elapsed_ms < 2100);
    assert_true(s->stall_iterations >= 1990 && s->stall_iterations <= 2000);
    double wall = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    assert_true(wall < 2.0);
    const bcsim_call_t *c = last_call(r, "verifier_good");
    assert_non_null(c);
    assert_int_equal(c->outcome, BCSIM_OUTCOME_RETURNED);
    assert_int_equal(c->state_after, BCSIM_STATE_FINISHED);
    check_continuation(r);
    assert_false(r->nested);
    assert_int_equal(r->displayed_code, 0xE2);
}

static void good_drivers_are_quiet(void **state)
{
    (void)state;
    good_run(BCSIM_BUGCHECK_ON_NONE);
}

/* verifier.bugcheck_on = all: good code raises nothing either (no finding, no bug check). */
static void good_drivers_raise_nothing_with_bugcheck_on_all(void **state)
{
    (void)state;
    good_run(BCSIM_BUGCHECK_ON_ALL);
}

/* verifier.bugcheck_on = violations: a pool allocation at HIGH_LEVEL in a callback raises
 * 0xC4/0x02 there and then, as Driver Verifier does: a nested bug check (P2 the IRQL), the
 * callback abandoned (BufferIncomplete, outcome nested), and with nested = halt nothing more
 * runs and the dump is left truncated. */
static void bugcheck_on_violations_raises_0xC4_at_the_call(void **state)
{
    (void)state;
    bugcheck_on = BCSIM_BUGCHECK_ON_VIOLATIONS;
    bcsim_sim_t *sim = boot(false);
    load(sim, BAD_DIR, "pool_in_callback");
    const bcsim_result_t *r = crash(sim);
    assert_true(r->nested);
    assert_true(r->halted_early);
    assert_int_equal(r->code, 0xE2);
    assert_int_equal(r->displayed_code, 0xC4);
    assert_int_equal(r->displayed_params[0], 0x02);
    assert_int_equal(r->displayed_params[1], 15);
    assert_int_equal(count_of(r, "pool_in_callback", BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL), 1);
    assert_int_equal(count_of(r, "pool_in_callback", BCSIM_V_NESTED_BUGCHECK), 1);
    /* the free after the allocation never ran */
    assert_int_equal(count_of(r, NULL, BCSIM_V_POOL_FREE_AT_HIGH_IRQL), 0);
    const bcsim_call_t *c = last_call(r, "pool_in_callback");
    assert_non_null(c);
    assert_int_equal(c->outcome, BCSIM_OUTCOME_NESTED);
    assert_int_equal(c->state_after, BCSIM_STATE_INCOMPLETE);
}

/* The same with nested = contain: each raised bug check is reported and the sequence goes on,
 * so a WARNING-severity finding stays a report under "violations" and the dump is complete. */
static void bugcheck_on_violations_with_nested_contain_continues(void **state)
{
    (void)state;
    bugcheck_on = BCSIM_BUGCHECK_ON_VIOLATIONS;
    bcsim_sim_t *sim = boot(true);
    load(sim, BAD_DIR, "pool_in_callback");
    load(sim, BAD_DIR, "spinlock_in_callback");
    const bcsim_result_t *r = crash(sim);
    assert_true(r->nested);
    assert_int_equal(count_of(r, "pool_in_callback", BCSIM_V_NESTED_BUGCHECK), 1);
    assert_int_equal(count_of(r, "spinlock_in_callback", BCSIM_V_NESTED_BUGCHECK), 1);
    const bcsim_violation_t *v = find(r, "spinlock_in_callback", BCSIM_V_NESTED_BUGCHECK);
    assert_int_equal(v->bugcheck_code, 0xC4);
    check_continuation(r);
}

/* ---- all at once ----------------------------------------------------------------------------- */

/* Every bad driver registered together (nested = contain): one bug check completes, reports
 * each driver's finding exactly once, and writes a dump the reader opens. */
static void all_bad_drivers_in_one_bug_check(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(true);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        load(sim, BAD_DIR, cases[i].module);
    const bcsim_result_t *r = crash(sim);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_case(r, &cases[i]);
    no_duplicates(r);
    check_continuation(r);
    assert_true(r->nested);
    assert_int_equal(r->displayed_code, 0xE0B00001u);
}

/* verifier = off (the baseline of bench/'s verifier row): every bad driver in one bug check
 * again. The rule checks on driver calls say nothing (pool at HIGH_LEVEL, spin locks,
 * PAGED_CODE, IRQL rules; paged pool stays readable, so the paged reads and writes simply
 * work); faults, hangs and the nested bug check are still caught and contained exactly as
 * with the verifier on, and the bug check still completes with its dump. */
static void verifier_off_drops_rule_checks_keeps_containment(void **state)
{
    (void)state;
    verifier_off = true;
    bcsim_sim_t *sim = boot(true);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        load(sim, BAD_DIR, cases[i].module);
    const bcsim_result_t *r = crash(sim);
    for (uint32_t i = 0; i < r->violation_count; i++)
        if (bcsim_violation_is_verifier_rule(r->violations[i].id)) {
            print_findings(r);
            fail_msg("verifier off, yet %s was reported", r->violations[i].name);
        }
    size_t rules = 0;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const bad_case_t *c = &cases[i];
        const bcsim_call_t *call = last_call(r, c->module);
        assert_non_null(call);
        if (bcsim_violation_is_verifier_rule(c->id)) {
            rules++;
            assert_int_equal(call->state_after, BCSIM_STATE_FINISHED);
            assert_int_equal(call->outcome, BCSIM_OUTCOME_RETURNED);
        } else {
            check_case(r, c);
        }
    }
    /* pool, spin lock, paged read, paged write, PAGED_CODE, IRQL lowered, use after free */
    assert_int_equal(rules, 7);
    no_duplicates(r);
    check_continuation(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(pool_allocation_in_callback_is_0xC4_0x02, teardown),
        cmocka_unit_test_teardown(spin_lock_in_callback_is_reported, teardown),
        cmocka_unit_test_teardown(paged_pool_read_is_0xD1, teardown),
        cmocka_unit_test_teardown(paged_pool_write_is_0xD1, teardown),
        cmocka_unit_test_teardown(paged_code_at_high_irql_is_reported, teardown),
        cmocka_unit_test_teardown(inbuffer_overrun_by_one_byte_is_caught, teardown),
        cmocka_unit_test_teardown(write_past_the_structure_is_caught, teardown),
        cmocka_unit_test_teardown(null_dereference_is_0xD1, teardown),
        cmocka_unit_test_teardown(divide_by_zero_is_0x1E, teardown),
        cmocka_unit_test_teardown(debugbreak_is_0x1E, teardown),
        cmocka_unit_test_teardown(abort_is_contained, teardown),
        cmocka_unit_test_teardown(fault_inside_the_c_library_is_named_at_the_driver_call, teardown),
        cmocka_unit_test_teardown(non_canonical_access_is_a_general_protection_fault, teardown),
        cmocka_unit_test_teardown(call_through_null_function_pointer_is_named_at_the_call, teardown),
        cmocka_unit_test_teardown(return_to_a_smashed_address_is_stack_corruption, teardown),
        cmocka_unit_test_teardown(raised_signal_is_not_a_null_dereference, teardown),
        cmocka_unit_test_teardown(use_of_freed_pool_in_a_callback_is_0xD5, teardown),
        cmocka_unit_test_teardown(endless_loop_is_abandoned, teardown),
        cmocka_unit_test_teardown(endless_stall_loop_is_abandoned_on_virtual_time, teardown),
        cmocka_unit_test_teardown(nested_bug_check_halts, teardown),
        cmocka_unit_test_teardown(nested_bug_check_contained_continues, teardown),
        cmocka_unit_test_teardown(irql_lowered_below_high_is_reported, teardown),
        cmocka_unit_test_teardown(seh_at_high_irql_runs_the_handler_and_warns, teardown),
        cmocka_unit_test_teardown(good_drivers_are_quiet, teardown),
        cmocka_unit_test_teardown(good_drivers_raise_nothing_with_bugcheck_on_all, teardown),
        cmocka_unit_test_teardown(bugcheck_on_violations_raises_0xC4_at_the_call, teardown),
        cmocka_unit_test_teardown(bugcheck_on_violations_with_nested_contain_continues, teardown),
        cmocka_unit_test_teardown(all_bad_drivers_in_one_bug_check, teardown),
        cmocka_unit_test_teardown(verifier_off_drops_rule_checks_keeps_containment, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
