/*
 * tests/test_records.c — the record rules of src/dispatcher/records.c and the list walk of src/dispatcher/walk.c
 * (dispatcher-model.md 2-5). Records are registered by a test driver compiled against the
 * shim (tests/drivers/records_drv.c), exactly as a real driver would.
 *
 * Learn pages cited: "KeRegisterBugCheckCallback function", "KeDeregisterBugCheckCallback
 * function", "KeRegisterBugCheckReasonCallback function", "KeDeregisterBugCheckReasonCallback
 * function", "KeInitializeCallbackRecord macro", "Writing a Bug Check Reason Callback Routine".
 */
#include "bcsim_test.h"
#include "drivers/records_drv.h"
#include "internal.h"
#include "verifier/verifier.h"
#include "memory/memory.h"

/* Raw views of the records (bugcheck-api.md 5.1/5.2), to corrupt them as a buggy driver would. */
typedef struct { void *flink, *blink; void *routine; void *buffer; uint32_t length;
                 void *component; uint64_t checksum; uint8_t state; } lrec_t;
typedef struct { void *flink, *blink; void *routine; void *component; uint64_t checksum;
                 int32_t reason; uint8_t state; } rrec_t;

static const uint64_t P0[4] = { 0x11, 0x22, 0x33, 0x44 };

static const bcsim_result_t *crash(bcsim_sim_t *sim)
{
    const bcsim_result_t *res = NULL;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P0, &res), 0);
    assert_non_null(res);
    return res;
}

/* ---- registration ------------------------------------------------------------------------- */

/* KeRegisterBugCheckCallback: "returns TRUE if the callback is successfully registered". */
static void register_fresh_record_returns_true_and_inserts(void **state)
{
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "comp0"));
    lrec_t *r = td_legacy(0);
    assert_int_equal(r->state, BCSIM_STATE_INSERTED);
    assert_ptr_equal(r->routine, td_legacy_routine());
    assert_ptr_equal(r->buffer, td_buffer(0));
    assert_int_equal(r->length, 16);
    assert_string_equal((char *)r->component, "comp0");
    bcsim_record_iter_t it;
    bcsim_record_info_t info;
    bcsim_records_begin(&it, BCSIM_LIST_LEGACY);
    assert_true(bcsim_records_next(&it, &info));
    assert_ptr_equal(info.record, r);
    assert_true(info.legacy);
    assert_true(info.checksum_valid);
    assert_string_equal(info.component, "comp0");
    assert_false(bcsim_records_next(&it, &info));
    assert_int_equal(bcsim_test_violations(*state), 0);
}

/* Checksum model (dispatcher-model.md 2.2): Routine + Buffer + Length + Component, wrapping. */
static void legacy_checksum_is_sum_of_fields(void **state)
{
    (void)state;
    td_reset();
    td_init_legacy(1);
    assert_true(td_register_legacy(1, "sum"));
    lrec_t *r = td_legacy(1);
    uint64_t expect = (uint64_t)r->routine + (uint64_t)r->buffer + r->length + (uint64_t)r->component;
    assert_int_equal(r->checksum, expect);
}

/* Reason checksum: Routine + Reason (sign-extended enum) + Component. */
static void reason_checksum_sign_extends_reason(void **state)
{
    td_reset();
    td_init_reason(0);
    assert_true(td_register_reason(0, (int)0x80000001, "neg"));
    rrec_t *r = td_reason(0);
    uint64_t expect = (uint64_t)r->routine + (uint64_t)(int64_t)(int32_t)0x80000001 + (uint64_t)r->component;
    assert_int_equal(r->checksum, expect);
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_INVALID_REASON), 1);
}

/* Same record twice: FALSE (State is BufferInserted), finding. */
static void register_twice_returns_false(void **state)
{
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "a"));
    assert_false(td_register_legacy(0, "a"));
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_DOUBLE_REGISTRATION), 1);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 1);
}

/* A zeroed record never passed to KeInitializeCallbackRecord: TRUE (State is 0) + finding. */
static void uninitialised_zero_record_registers_with_finding(void **state)
{
    td_reset();
    assert_true(td_register_legacy(2, "noinit"));
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_RECORD_NOT_INITIALIZED), 1);
}

/* Uninitialised record whose State byte is not 0: FALSE + finding. */
static void uninitialised_nonzero_state_returns_false(void **state)
{
    td_reset();
    ((lrec_t *)td_legacy(3))->state = 0xAA;
    assert_false(td_register_legacy(3, "junk"));
    assert_int_equal(((lrec_t *)td_legacy(3))->state, 0xAA);
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_RECORD_NOT_INITIALIZED), 1);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 0);
}

/* After its callback ran (State 3) a record needs KeInitializeCallbackRecord again. */
static void reregister_after_callback_ran_needs_reinit(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "ran"));
    crash(sim);
    assert_int_equal(((lrec_t *)td_legacy(0))->state, BCSIM_STATE_FINISHED);
    assert_int_equal(bcsim_sim_reboot(sim), 0);
    assert_false(td_register_legacy(0, "ran"));
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_REREGISTER_WITHOUT_REINIT), 1);
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "ran"));
}

/* Re-initialised while registered (State 1 -> 0): the duplicate check refuses it. */
static void reinitialised_while_registered_is_refused(void **state)
{
    td_reset();
    td_init_reason(0);
    assert_true(td_register_reason(0, 1, "dup"));
    td_init_reason(0);
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_REINIT_WHILE_REGISTERED), 1);
    assert_false(td_register_reason(0, 1, "dup"));
    assert_int_equal(bcsim_records_count(BCSIM_LIST_REASON), 1);
}

/* The knob register.duplicate_check = off gives the older behaviour: a double insert. */
static void duplicate_check_off_double_inserts(void **state)
{
    bcsim_sim_config(*state)->register_duplicate_check = false;
    td_reset();
    td_init_reason(0);
    assert_true(td_register_reason(0, 1, "dup"));
    td_init_reason(0);
    assert_true(td_register_reason(0, 1, "dup"));
}

/* Record on the registering thread's stack: registered, but reported. */
static void record_on_stack_is_reported(void **state)
{
    td_reset();
    assert_true(td_register_stack_record());
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_RECORD_NOT_RESIDENT), 1);
}

/* Record, Component and legacy Buffer in paged pool: each reported (R9, R10). */
static void pageable_record_component_and_buffer_are_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    void *rec = bcsim__pool_alloc(0x40, true, 0x42546147, 16, 1, 0);
    char *comp = bcsim__pool_alloc(16, true, 0x42546147, 16, 1, 0);
    void *buf = bcsim__pool_alloc(64, true, 0x42546147, 16, 1, 0);
    strcpy(comp, "paged");
    td_init_at(rec, 1);
    assert_true(td_register_legacy_at(rec, buf, 64, comp));
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_RECORD_NOT_RESIDENT), 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_COMPONENT_NOT_RESIDENT), 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_BUFFER_NOT_RESIDENT), 1);
    const bcsim_violation_t *v = NULL;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++)
        if (bcsim_sim_violation(sim, i)->id == BCSIM_V_RECORD_NOT_RESIDENT)
            v = bcsim_sim_violation(sim, i);
    assert_non_null(v);
    assert_int_equal(v->bugcheck_code, 0xD1);
    assert_non_null(strstr(v->message, "paged pool"));
    /* The call site is the driver's line (DWARF). */
    assert_non_null(strstr(v->file, "records_drv.c"));
    assert_true(v->line > 0);
}

/* Nonpaged pool records and a port number as legacy Buffer: silent. */
static void nonpaged_pool_record_and_opaque_buffer_are_quiet(void **state)
{
    td_reset();
    void *rec = bcsim__pool_alloc(0x40, false, 0x42546147, 16, 0, 0);
    td_init_at(rec, 1);
    assert_true(td_register_legacy_at(rec, (void *)0x505, 8, "port"));
    assert_int_equal(bcsim_test_violations(*state), 0);
    assert_true(td_deregister_legacy_at(rec));
}

/* Reason 0, reserved 1/8/9 and > 9: registered (any value is stored), reported. */
static void invalid_reasons_register_with_warning(void **state)
{
    td_reset();
    int reasons[] = { 0, 1, 8, 9, 10 };
    for (int i = 0; i < 5; i++) {
        td_init_reason(i);
        assert_true(td_register_reason(i, reasons[i], "odd"));
    }
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_INVALID_REASON), 5);
    td_init_reason(5);
    assert_true(td_register_reason(5, 2, "fine"));
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_INVALID_REASON), 5);
}

/* List placement: LIFO for legacy and reasons, TriageDumpData appended, pages separate. */
static void list_order_is_lifo_with_triage_appended_and_pages_apart(void **state)
{
    (void)state;
    td_reset();
    int reasons[] = { 2, 7, 3, 7, 4, 6 };
    for (int i = 0; i < 6; i++) {
        td_init_reason(i);
        assert_true(td_register_reason(i, reasons[i], "o"));
    }
    /* reason list: head inserts of 3, 2 (most recent first), then triage in registration order */
    void *expect_reason[] = { td_reason(2), td_reason(0), td_reason(1), td_reason(3) };
    void *expect_pages[] = { td_reason(5), td_reason(4) };
    bcsim_record_iter_t it;
    bcsim_record_info_t info;
    bcsim_records_begin(&it, BCSIM_LIST_REASON);
    for (int i = 0; i < 4; i++) {
        assert_true(bcsim_records_next(&it, &info));
        assert_ptr_equal(info.record, expect_reason[i]);
        assert_int_equal(info.index, i);
    }
    assert_false(bcsim_records_next(&it, &info));
    bcsim_records_begin(&it, BCSIM_LIST_PAGES);
    for (int i = 0; i < 2; i++) {
        assert_true(bcsim_records_next(&it, &info));
        assert_ptr_equal(info.record, expect_pages[i]);
    }
    assert_false(bcsim_records_next(&it, &info));
}

/* Registration works at any IRQL and leaves the IRQL as it found it. */
static void registration_restores_irql(void **state)
{
    (void)state;
    td_reset();
    bcsim__irql_set(2);
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "dpc"));
    assert_int_equal(bcsim__irql_get(), 2);
    assert_true(td_deregister_legacy(0));
    assert_int_equal(bcsim__irql_get(), 2);
    bcsim__irql_set(0);
}

/* ---- deregistration ------------------------------------------------------------------------- */

/* KeDeregisterBugCheckCallback: FALSE if the callback is not registered. */
static void deregister_unregistered_record_returns_false(void **state)
{
    td_reset();
    td_init_legacy(0);
    assert_false(td_deregister_legacy(0));
    td_init_reason(0);
    assert_false(td_deregister_reason(0));
    assert_int_equal(bcsim_test_violations(*state), 0);
}

/* Deregistered twice: TRUE then FALSE; the record's links keep their old neighbours. */
static void deregister_twice_returns_true_then_false(void **state)
{
    (void)state;
    td_reset();
    for (int i = 0; i < 3; i++) {
        td_init_legacy(i);
        assert_true(td_register_legacy(i, "x"));
    }
    lrec_t *mid = td_legacy(1);
    assert_true(td_deregister_legacy(1));
    assert_int_equal(mid->state, BCSIM_STATE_EMPTY);
    assert_ptr_equal(mid->flink, td_legacy(0));   /* list: 2, 1, 0 */
    assert_ptr_equal(mid->blink, td_legacy(2));
    assert_false(td_deregister_legacy(1));
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 2);
}

/* A reason record passed to the legacy routine (and the reverse): reported; the routine
 * reads State at its own offset, which is not 1 here, so FALSE. */
static void wrong_deregister_routine_is_reported(void **state)
{
    td_reset();
    td_init_reason(0);
    assert_true(td_register_reason(0, 2, "r"));
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "l"));
    assert_false(td_deregister_legacy_at(td_reason(0)));
    assert_false(td_deregister_reason_at(td_legacy(0)));
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_WRONG_DEREGISTER_ROUTINE), 2);
    assert_true(td_deregister_reason(0));
    assert_true(td_deregister_legacy(0));
}

/* ---- the walk at dispatch ------------------------------------------------------------------------- */

/* Legacy callbacks: reverse registration order, BufferStarted during, BufferFinished after. */
static void legacy_callbacks_run_in_reverse_registration_order(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < 4; i++) {
        td_init_legacy(i);
        assert_true(td_register_legacy(i, "order"));
    }
    const bcsim_result_t *res = crash(sim);
    assert_int_equal(TdLogCount, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(TdLog[i], 3 - i);
    for (int i = 0; i < 4; i++)
        assert_int_equal(((lrec_t *)td_legacy(i))->state, BCSIM_STATE_FINISHED);
    assert_int_equal(res->call_count, 4);
    assert_int_equal(res->calls[0].state_before, BCSIM_STATE_INSERTED);
    assert_int_equal(res->calls[0].state_after, BCSIM_STATE_FINISHED);
    assert_string_equal(res->calls[0].routine, "TdLegacyCallback");
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* A record modified after registration fails its checksum: skipped, reported once. */
static void modified_record_is_skipped_at_dispatch(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < 3; i++) {
        td_init_legacy(i);
        assert_true(td_register_legacy(i, "mod"));
    }
    ((lrec_t *)td_legacy(1))->length = 17;
    crash(sim);
    assert_int_equal(TdLogCount, 2);
    assert_int_equal(TdLog[0], 2);
    assert_int_equal(TdLog[1], 0);
    assert_int_equal(((lrec_t *)td_legacy(1))->state, BCSIM_STATE_INSERTED);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_RECORD_MODIFIED), 1);
}

/* A Blink that does not point back stops the walk: later records miss the bug check. */
static void blink_corruption_stops_walk(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < 3; i++) {
        td_init_legacy(i);
        assert_true(td_register_legacy(i, "blink"));
    }
    ((lrec_t *)td_legacy(1))->blink = td_legacy(0);  /* list 2,1,0: 1's Blink should be 2 */
    crash(sim);
    assert_int_equal(TdLogCount, 1);
    assert_int_equal(TdLog[0], 2);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_LIST_CORRUPT), 1);
}

/* A misaligned Flink stops the walk. */
static void misaligned_entry_stops_walk(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < 2; i++) {
        td_init_legacy(i);
        assert_true(td_register_legacy(i, "align"));
    }
    ((lrec_t *)td_legacy(1))->flink = (char *)td_legacy(0) + 3;
    crash(sim);
    assert_int_equal(TdLogCount, 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_LIST_CORRUPT), 1);
}

/* A Flink into freed pool stops the walk without touching the memory, and is named. */
static void freed_record_stops_walk(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    void *rec = bcsim__pool_alloc(0x40, false, 0x46726565, 16, 0, 0);
    td_init_at(rec, 1);
    assert_true(td_register_legacy_at(rec, td_buffer(5), 16, "freed"));
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "before"));
    assert_int_equal(bcsim__pool_free(rec, 0, NULL), 0);
    crash(sim);
    assert_int_equal(TdLogCount, 1);
    assert_int_equal(TdLog[0], 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS), 1);
}

/* A legacy callback deregistering its own record gets FALSE (State 2 while it runs). */
static void legacy_self_deregistration_returns_false(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "self"));
    TdDeregisterSelf[0] = 1;
    crash(sim);
    assert_int_equal(TdDeregisterResult[0], 0);
    assert_int_equal(((lrec_t *)td_legacy(0))->state, BCSIM_STATE_FINISHED);
}

/* A reason callback deregistering itself gets TRUE; the strict walk stops (4.3). */
static void self_deregistration_during_walk_is_safe(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < 3; i++) {
        td_init_reason(i);
        assert_true(td_register_reason(i, 1, "walk"));  /* reserved 1: called with no dump */
    }
    TdDeregisterSelf[1] = 1;                              /* order: 2, 1, 0 */
    crash(sim);
    assert_int_equal(TdDeregisterResult[1], 1);
    assert_int_equal(((rrec_t *)td_reason(1))->state, BCSIM_STATE_EMPTY);
    assert_int_equal(TdLogCount, 2);
    assert_int_equal(TdLog[0], 102);
    assert_int_equal(TdLog[1], 101);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WALK_TRUNCATED), 1);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_REASON), 2);
}

/* walk.mode = tolerant continues with the successor. */
static void tolerant_walk_continues_after_self_deregistration(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->walk_mode = BCSIM_WALK_TOLERANT;
    td_reset();
    for (int i = 0; i < 3; i++) {
        td_init_reason(i);
        assert_true(td_register_reason(i, 1, "walk"));
    }
    TdDeregisterSelf[1] = 1;
    crash(sim);
    assert_int_equal(TdLogCount, 3);
    assert_int_equal(TdLog[2], 100);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WALK_TRUNCATED), 0);
}

/* Deregistering the next record from a callback: the walk continues after it. */
static void deregistering_next_record_skips_it(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < 3; i++) {
        td_init_reason(i);
        assert_true(td_register_reason(i, 1, "next"));
    }
    TdDeregisterOther[2] = 1 + 1;                         /* 2 runs first, removes 1 */
    crash(sim);
    assert_int_equal(TdLogCount, 2);
    assert_int_equal(TdLog[0], 102);
    assert_int_equal(TdLog[1], 100);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_LIST_CORRUPT), 0);
}

/* A record registered from a callback (head insert) is not visited by the running walk. */
static void registration_during_walk_is_not_visited(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    td_init_reason(0);
    assert_true(td_register_reason(0, 1, "first"));
    TdRegisterNew[0] = 5 + 1;
    crash(sim);
    assert_int_equal(TdLogCount, 1);
    assert_int_equal(((rrec_t *)td_reason(5))->state, BCSIM_STATE_INSERTED);
}

/* ---- corruption on insert/remove, bad pointers ------------------------------------------------ */

static void reg1(void *p)
{
    (void)p;
    (void)td_register_legacy(1, "c2");
}

static void regnull(void *p)
{
    (void)p;
    (void)td_register_legacy_at(NULL, NULL, 0, "null");
}

/* A registration into a list whose head neighbour does not point back: 0x139 (P1 = 3). */
static void insert_into_corrupted_list_bug_checks_0x139(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "c"));
    ((lrec_t *)td_legacy(0))->blink = td_legacy(7);      /* head->Flink->Blink != head */
    td_init_legacy(1);
    /* register through the driver inside a harness call so the bug check has a catch point */
    assert_int_equal(bcsim_sim_call(sim, reg1, NULL), BCSIM_EBUGCHECK);
    const bcsim_result_t *res = bcsim_sim_last_result(sim);
    assert_non_null(res);
    assert_int_equal(res->code, 0x139);
    assert_int_equal(res->params[0], 3);
    /* once on the insert, once more when the bug check walks the same broken list */
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_LIST_CORRUPT), 2);
}

/* A walk that meets a corrupted record names the driver: the record's component and its
 * registration site (file:line in the driver that registered it). */
static void walk_corruption_names_the_record_and_its_registration(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "corrupted"));
    ((lrec_t *)td_legacy(0))->blink = td_legacy(7);
    const bcsim_result_t *res;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, (uint64_t[4]){ 0 }, &res), 0);
    const bcsim_violation_t *v = NULL;
    for (uint32_t i = 0; i < res->violation_count; i++)
        if (res->violations[i].id == BCSIM_V_LIST_CORRUPT)
            v = &res->violations[i];
    assert_non_null(v);
    assert_non_null(v->component);
    assert_string_equal(v->component, "corrupted");
    assert_non_null(strstr(v->file, "records_drv.c"));
    assert_true(v->line > 0);
}

/* list.corruption = report: the finding without the bug check; registration fails. */
static void insert_into_corrupted_list_report_only(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->list_corruption_bugcheck = false;
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "c"));
    ((lrec_t *)td_legacy(0))->blink = td_legacy(7);
    td_init_legacy(1);
    assert_false(td_register_legacy(1, "c2"));
    assert_int_equal(((lrec_t *)td_legacy(1))->state, BCSIM_STATE_EMPTY);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_LIST_CORRUPT), 1);
}

/* NULL record pointer: Windows faults inside the call (0xA); knob return_false instead. */
static void null_record_pointer_bug_checks_0xa(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(bcsim_sim_call(sim, regnull, NULL), BCSIM_EBUGCHECK);
    assert_int_equal(bcsim_sim_last_result(sim)->code, 0x0A);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_BAD_RECORD_POINTER), 1);
}

static void null_record_pointer_returns_false_with_knob(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->register_bad_record_bugcheck = false;
    assert_false(td_register_legacy_at(NULL, NULL, 0, "null"));
    assert_false(td_register_reason_at((void *)0x10, 2, "low"));
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_BAD_RECORD_POINTER), 2);
}

/* ---- the macro and unload ------------------------------------------------------------------------- */

/* KeInitializeCallbackRecord in the WDK form works in a brace-less if/else and as an expression. */
static void initialize_macro_has_wdk_form(void **state)
{
    (void)state;
    td_reset();
    ((lrec_t *)td_legacy(0))->state = 9;
    ((lrec_t *)td_legacy(1))->state = 9;
    assert_int_equal(td_init_in_if(1), 7);
    assert_int_equal(((lrec_t *)td_legacy(0))->state, 0);
    assert_int_equal(((lrec_t *)td_legacy(1))->state, 0);
}

/* A driver whose DriverUnload leaves a record registered: 0xCE finding; a clean one is quiet. */
static void unload_with_records_registered_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    TdUnloadDeregistersAll = 0;
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_driver_attach(sim, "td", td_driver_entry(), NULL, &drv), 0);
    assert_int_equal(bcsim_driver_status(drv), 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS), 1);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, bcsim_sim_violation_count(sim) - 1);
    assert_int_equal(v->bugcheck_code, 0xCE);
    assert_string_equal(v->component, "td");
}

/* A driver that sets no DriverUnload cannot be unloaded on Windows: the unload is refused
 * (BCSIM_ENOUNLOAD), its records stay registered and nothing is reported, even with
 * records registered. */
static void driver_without_unload_routine_is_not_unloaded(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    TdUnloadDeregistersAll = 0;
    TdNoUnload = 1;
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_driver_attach(sim, "td", td_driver_entry(), NULL, &drv), 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), BCSIM_ENOUNLOAD);
    TdNoUnload = 0;
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
    assert_int_equal(((lrec_t *)td_legacy(0))->state, 1);      /* still registered */
}

static void unload_after_deregistering_everything_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    TdUnloadDeregistersAll = 1;
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_driver_attach(sim, "td", td_driver_entry(), NULL, &drv), 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* A reboot forgets every record; KiBugCheckData is cleared. */
static void reboot_reinitialises_lists_and_bugcheck_data(void **state)
{
    bcsim_sim_t *sim = *state;
    extern unsigned long long *KiBugCheckData;
    td_reset();
    td_init_legacy(0);
    assert_true(td_register_legacy(0, "r"));
    crash(sim);
    assert_int_equal(KiBugCheckData[0], 0xE2);
    assert_int_equal(KiBugCheckData[4], 0x44);
    assert_true(bcsim_sim_halted(sim));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P0, NULL), BCSIM_ESTATE);
    assert_int_equal(bcsim_sim_reboot(sim), 0);
    assert_int_equal(KiBugCheckData[0], 0);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 0);
    assert_false(bcsim_sim_halted(sim));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(register_fresh_record_returns_true_and_inserts),
        BCSIM_TEST(legacy_checksum_is_sum_of_fields),
        BCSIM_TEST(reason_checksum_sign_extends_reason),
        BCSIM_TEST(register_twice_returns_false),
        BCSIM_TEST(uninitialised_zero_record_registers_with_finding),
        BCSIM_TEST(uninitialised_nonzero_state_returns_false),
        BCSIM_TEST(reregister_after_callback_ran_needs_reinit),
        BCSIM_TEST(reinitialised_while_registered_is_refused),
        BCSIM_TEST(duplicate_check_off_double_inserts),
        BCSIM_TEST(record_on_stack_is_reported),
        BCSIM_TEST(pageable_record_component_and_buffer_are_reported),
        BCSIM_TEST(nonpaged_pool_record_and_opaque_buffer_are_quiet),
        BCSIM_TEST(invalid_reasons_register_with_warning),
        BCSIM_TEST(list_order_is_lifo_with_triage_appended_and_pages_apart),
        BCSIM_TEST(registration_restores_irql),
        BCSIM_TEST(deregister_unregistered_record_returns_false),
        BCSIM_TEST(deregister_twice_returns_true_then_false),
        BCSIM_TEST(wrong_deregister_routine_is_reported),
        BCSIM_TEST(legacy_callbacks_run_in_reverse_registration_order),
        BCSIM_TEST(modified_record_is_skipped_at_dispatch),
        BCSIM_TEST(blink_corruption_stops_walk),
        BCSIM_TEST(misaligned_entry_stops_walk),
        BCSIM_TEST(freed_record_stops_walk),
        BCSIM_TEST(legacy_self_deregistration_returns_false),
        BCSIM_TEST(self_deregistration_during_walk_is_safe),
        BCSIM_TEST(tolerant_walk_continues_after_self_deregistration),
        BCSIM_TEST(deregistering_next_record_skips_it),
        BCSIM_TEST(registration_during_walk_is_not_visited),
        BCSIM_TEST(insert_into_corrupted_list_bug_checks_0x139),
        BCSIM_TEST(insert_into_corrupted_list_report_only),
        BCSIM_TEST(null_record_pointer_bug_checks_0xa),
        BCSIM_TEST(null_record_pointer_returns_false_with_knob),
        BCSIM_TEST(initialize_macro_has_wdk_form),
        BCSIM_TEST(unload_with_records_registered_is_reported),
        BCSIM_TEST(driver_without_unload_routine_is_not_unloaded),
        BCSIM_TEST(walk_corruption_names_the_record_and_its_registration),
        BCSIM_TEST(unload_after_deregistering_everything_is_quiet),
        BCSIM_TEST(reboot_reinitialises_lists_and_bugcheck_data),
    };
    return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
