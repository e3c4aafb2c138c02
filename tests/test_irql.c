/*
 * tests/test_irql.c — the simulated IRQL (src/verifier/irql.c): KeGetCurrentIrql, KeRaiseIrql /
 * KeLowerIrql (Ke macros and Kf routines), KeRaiseIrqlToDpcLevel / ToSynchLevel, CR8,
 * _disable/_enable and PAGED_CODE(), with Driver Verifier's subcodes (dispatcher-model.md
 * 8.2, 9.2: 0xC4/0x30 P2 current P3 requested, 0xC4/0x31) and the callback rule of
 * driver-patterns.md 17 (raising to HIGH_LEVEL inside a callback is a no-op change; lowering
 * below the entry level is IRQL_LOWERED_IN_CALLBACK).
 *
 * Learn pages: "KeGetCurrentIrql", "KeRaiseIrql", "KeLowerIrql", "KeRaiseIrqlToDpcLevel",
 * "KeRaiseIrqlToSynchLevel", "PAGED_CODE", "Bug Check 0xC4".
 */
#include "bcsim_test.h"
#include "drivers/irql_drv.h"
#include "internal.h"

static const uint64_t P[4] = { 1, 2, 3, 4 };

static const bcsim_violation_t *only(bcsim_sim_t *sim, uint32_t id)
{
    const bcsim_violation_t *found = NULL;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        if (v->severity == BCSIM_SEV_VIOLATION && v->id != id) {
            bcsim_test_dump_violations(sim);
            fail_msg("unexpected %s", v->name);
        }
        if (v->id == id) {
            assert_null(found);
            found = v;
        }
    }
    assert_non_null(found);
    return found;
}

static void raise_and_lower_round_trip_quietly(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(ir_current(), 0);
    assert_int_equal(ir_raise(2), 0);
    assert_int_equal(ir_current(), 2);
    assert_int_equal(ir_kf_raise(15), 2);
    assert_int_equal(ir_raise(15), 15);           /* raising to the same level is legal */
    ir_lower(2);
    ir_lower(0);
    assert_int_equal(ir_current(), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* 0xC4/0x30: P2 the current IRQL, P3 the requested one; the IRQL does not change. */
static void raise_to_a_lower_level_is_0xC4_0x30(void **state)
{
    bcsim_sim_t *sim = *state;
    ir_raise(2);
    assert_int_equal(ir_raise(0), 2);
    assert_int_equal(ir_current(), 2);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_RAISE_INVALID);
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], 0x30);
    assert_int_equal(v->bugcheck_params[1], 2);
    assert_int_equal(v->bugcheck_params[2], 0);
    assert_non_null(strstr(v->file, "irql_drv.c"));
}

static void raise_above_high_level_is_0xC4_0x30(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(ir_kf_raise(16), 0);
    assert_int_equal(ir_current(), 0);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_RAISE_INVALID);
    assert_int_equal(v->bugcheck_params[0], 0x30);
    assert_int_equal(v->bugcheck_params[1], 0);
    assert_int_equal(v->bugcheck_params[2], 16);
}

/* 0xC4/0x31: KeLowerIrql to a higher level (or above HIGH_LEVEL) changes nothing. */
static void lower_to_a_higher_level_is_0xC4_0x31(void **state)
{
    bcsim_sim_t *sim = *state;
    ir_raise(1);
    ir_lower(2);
    assert_int_equal(ir_current(), 1);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_LOWER_INVALID);
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], 0x31);
    assert_int_equal(v->bugcheck_params[1], 1);
    assert_int_equal(v->bugcheck_params[2], 2);
}

/* Lowering outside a bug-check callback is not IRQL_LOWERED_IN_CALLBACK. */
static void lowering_outside_callbacks_is_legal(void **state)
{
    bcsim_sim_t *sim = *state;
    ir_raise(15);
    ir_lower(0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void raise_to_dpc_and_synch_level(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(ir_raise_to_dpc(), 0);
    assert_int_equal(ir_current(), 2);
    assert_int_equal(ir_raise_to_synch(), 2);
    assert_int_equal(ir_current(), 12);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    /* from SYNCH_LEVEL, "raising" to DISPATCH_LEVEL would lower: 0xC4/0x30 */
    assert_int_equal(ir_raise_to_dpc(), 12);
    assert_int_equal(ir_current(), 12);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_RAISE_INVALID);
    assert_int_equal(v->bugcheck_params[1], 12);
    assert_int_equal(v->bugcheck_params[2], 2);
}

/* On x64 CR8 is the IRQL. */
static void cr8_is_the_irql(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(ir_readcr8(), 0);
    ir_writecr8(2);
    assert_int_equal(ir_current(), 2);
    assert_int_equal(ir_readcr8(), 2);
    ir_writecr8(0);
    assert_int_equal(ir_current(), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void disable_and_enable_interrupts(void **state)
{
    (void)state;
    assert_false(bcsim__m.interrupts_disabled);
    ir_disable();
    assert_true(bcsim__m.interrupts_disabled);
    ir_enable();
    assert_false(bcsim__m.interrupts_disabled);
}

/* PAGED_CODE(): quiet at PASSIVE_LEVEL and APC_LEVEL, PAGED_CODE_AT_HIGH_IRQL above (once per
 * site and bug check). */
static void paged_code_checks_the_irql(void **state)
{
    bcsim_sim_t *sim = *state;
    ir_paged_function();
    ir_raise(1);
    ir_paged_function();
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    ir_raise(2);
    ir_paged_function();
    ir_paged_function();
    const bcsim_violation_t *v = only(sim, BCSIM_V_PAGED_CODE_AT_HIGH_IRQL);
    assert_non_null(strstr(v->message, "DISPATCH_LEVEL"));
}

/* ---- inside bug-check callbacks --------------------------------------------------------------- */

static const bcsim_result_t *crash_with(bcsim_sim_t *sim, int mode)
{
    const bcsim_result_t *r;
    assert_true(ir_register(mode));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    return r;
}

static void callbacks_run_at_high_level(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r = crash_with(sim, IR_RECORD);
    assert_int_equal(ir_seen_irql(0), 15);
    assert_int_equal(r->calls[r->call_count - 1].irql_after, 15);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* driver-patterns.md 17: KeRaiseIrql(HIGH_LEVEL) + KeLowerIrql(old) inside a callback is a no-op. */
static void raise_to_high_and_back_in_a_callback_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    crash_with(sim, IR_HIGH_ROUND_TRIP);
    assert_int_equal(ir_seen_irql(1), 15);
    assert_int_equal(ir_seen_irql(2), 15);
    assert_int_equal(ir_seen_irql(3), 15);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Lowering below HIGH_LEVEL is reported at the call even if the callback raises back before
 * returning (then the IRQL is restored: no IRQL_NOT_RESTORED). */
static void lowering_in_a_callback_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r = crash_with(sim, IR_LOWER_AND_BACK);
    assert_int_equal(ir_seen_irql(1), 2);
    assert_int_equal(ir_seen_irql(2), 2);
    assert_int_equal(ir_seen_irql(3), 15);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_LOWERED_IN_CALLBACK);
    assert_string_equal(v->component, "irql_drv");
    assert_int_equal(v->reason, BCSIM_REASON_LEGACY);
    assert_int_equal(bcsim_result_has(r, BCSIM_V_IRQL_NOT_RESTORED), false);
}

static void raising_to_dispatch_in_a_callback_is_0xC4_0x30(void **state)
{
    bcsim_sim_t *sim = *state;
    crash_with(sim, IR_RAISE_TO_DISPATCH);
    assert_int_equal(ir_seen_irql(1), 15);
    assert_int_equal(ir_seen_irql(2), 15);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_RAISE_INVALID);
    assert_int_equal(v->bugcheck_params[1], 15);
    assert_int_equal(v->bugcheck_params[2], 2);
}

static void cr8_write_below_high_in_a_callback_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    crash_with(sim, IR_CR8_LOWER);
    assert_int_equal(ir_seen_irql(1), 0);
    assert_int_equal(ir_seen_irql(3), 15);
    only(sim, BCSIM_V_IRQL_LOWERED_IN_CALLBACK);
}

static void paged_code_in_a_callback_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    crash_with(sim, IR_PAGED_CODE);
    const bcsim_violation_t *v = only(sim, BCSIM_V_PAGED_CODE_AT_HIGH_IRQL);
    assert_string_equal(v->component, "irql_drv");
}

/* dispatcher-model.md 7.11: re-enabling interrupts in a callback is reported at the _enable()
 * call, once per site; the dispatcher turns them off again for the next callback. */
static void enabling_interrupts_in_a_callback_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    crash_with(sim, IR_ENABLE_INTERRUPTS);
    const bcsim_violation_t *v = only(sim, BCSIM_V_INTERRUPTS_ENABLED_IN_CALLBACK);
    assert_string_equal(v->component, "irql_drv");
    assert_int_equal(v->reason, BCSIM_REASON_LEGACY);
    assert_non_null(strstr(v->message, "HIGH_LEVEL"));
    assert_true(bcsim__m.interrupts_disabled);
}

static void disabling_interrupts_in_a_callback_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    crash_with(sim, IR_DISABLE_INTERRUPTS);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    assert_true(bcsim__m.interrupts_disabled);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(raise_and_lower_round_trip_quietly),
        BCSIM_TEST(enabling_interrupts_in_a_callback_is_reported),
        BCSIM_TEST(disabling_interrupts_in_a_callback_is_quiet),
        BCSIM_TEST(raise_to_a_lower_level_is_0xC4_0x30),
        BCSIM_TEST(raise_above_high_level_is_0xC4_0x30),
        BCSIM_TEST(lower_to_a_higher_level_is_0xC4_0x31),
        BCSIM_TEST(lowering_outside_callbacks_is_legal),
        BCSIM_TEST(raise_to_dpc_and_synch_level),
        BCSIM_TEST(cr8_is_the_irql),
        BCSIM_TEST(disable_and_enable_interrupts),
        BCSIM_TEST(paged_code_checks_the_irql),
        BCSIM_TEST(callbacks_run_at_high_level),
        BCSIM_TEST(raise_to_high_and_back_in_a_callback_is_quiet),
        BCSIM_TEST(lowering_in_a_callback_is_reported),
        BCSIM_TEST(raising_to_dispatch_in_a_callback_is_0xC4_0x30),
        BCSIM_TEST(cr8_write_below_high_in_a_callback_is_reported),
        BCSIM_TEST(paged_code_in_a_callback_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
