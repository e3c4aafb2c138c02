/*
 * tests/test_sync.c — spin locks, events, waits, delays and fast mutexes on the one simulated
 * processor (src/machine/sync.c, src/nt/ke_spinlock.c, src/nt/ke_sync.c): quiet at the documented
 * IRQLs, the exact Driver Verifier subcodes otherwise (dispatcher-model.md 8.2, 9.2: 0xC4/0x42,
 * 0x32, 0x35, 0x40, 0x41, 0x80, 0x3B, 0x33, 0x34; 0x121 P1 = 2), R4 inside callbacks, and
 * deadlocks (a held lock, an infinite wait) with and without a watchdog to end them.
 *
 * Learn pages: "KeAcquireSpinLock", "KeReleaseSpinLock", "KeAcquireSpinLockAtDpcLevel",
 * "KeTryToAcquireSpinLockAtDpcLevel", "KeAcquireInStackQueuedSpinLock", "KeSetEvent",
 * "KeWaitForSingleObject", "KeWaitForMultipleObjects", "ExAcquireFastMutex",
 * "KeDelayExecutionThread", "Bug Check 0xC4", "Bug Check 0x121".
 */
#include "bcsim_test.h"
#include "drivers/sync_drv.h"

#include <time.h>

#define STATUS_TIMEOUT 0x102
static const uint64_t P[4] = { 1, 2, 3, 4 };

/* The findings are exactly these ids, in this order. */
static void expect(bcsim_sim_t *sim, const uint32_t *ids, uint32_t n)
{
    if (bcsim_sim_violation_count(sim) != n) {
        bcsim_test_dump_violations(sim);
        fail_msg("%u findings, expected %u", bcsim_sim_violation_count(sim), n);
    }
    for (uint32_t i = 0; i < n; i++)
        if (bcsim_sim_violation(sim, i)->id != ids[i]) {
            bcsim_test_dump_violations(sim);
            fail_msg("finding %u is %s, expected %s", i, bcsim_sim_violation(sim, i)->name,
                     bcsim_violation_name(ids[i]));
        }
}

static void c4(const bcsim_violation_t *v, uint64_t p1, uint64_t p2, uint64_t p3)
{
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], p1);
    assert_int_equal(v->bugcheck_params[1], p2);
    assert_int_equal(v->bugcheck_params[2], p3);
}

/* ---- legal use: quiet --------------------------------------------------------------------------- */

static void spin_locks_at_legal_irqls_are_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_spin_locks_at_legal_irqls(), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void events_and_waits_at_legal_irqls_are_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_events_and_waits_at_legal_irqls(), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void fast_mutex_at_legal_irqls_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_fast_mutex_at_legal_irqls(), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* ---- spin-lock misuse ------------------------------------------------------------------------------ */

/* KeAcquireSpinLock above DISPATCH_LEVEL: 0xC4/0x42 (P3 the lock); its release 0xC4/0x32. */
static void acquire_above_dispatch_is_0xC4_0x42(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_acquire_at_high();
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_HIGH, BCSIM_V_IRQL_TOO_HIGH };
    expect(sim, ids, 2);
    uint64_t lock = (uint64_t)sy_lock_address();
    c4(bcsim_sim_violation(sim, 0), 0x42, 15, lock);
    c4(bcsim_sim_violation(sim, 1), 0x32, 15, lock);
}

/* ...AtDpcLevel / ...FromDpcLevel below DISPATCH_LEVEL: 0xC4/0x40 and 0x41. */
static void at_dpc_level_routines_below_dispatch_are_0x40_0x41(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_acquire_at_dpc_from_passive();
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_LOW, BCSIM_V_IRQL_TOO_LOW };
    expect(sim, ids, 2);
    uint64_t lock = (uint64_t)sy_lock_address();
    c4(bcsim_sim_violation(sim, 0), 0x40, 0, lock);
    c4(bcsim_sim_violation(sim, 1), 0x41, 0, lock);
}

/* KeReleaseSpinLock needs exactly DISPATCH_LEVEL: below it too is 0xC4/0x32. */
static void release_below_dispatch_is_0xC4_0x32(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_release_at_passive();
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_LOW };
    expect(sim, ids, 1);
    c4(bcsim_sim_violation(sim, 0), 0x32, 0, (uint64_t)sy_lock_address());
}

/* Queued spin lock release below DISPATCH_LEVEL: 0xC4/0x35 (P4 the saved IRQL). */
static void queued_release_below_dispatch_is_0xC4_0x35(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_queued_release_at_passive();
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_LOW };
    expect(sim, ids, 1);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, 0);
    c4(v, 0x35, 0, (uint64_t)sy_lock_address());
    assert_int_equal(v->bugcheck_params[3], 0);
}

/* A held lock acquired again outside a callback: DEADLOCK, and the call returns. */
static void reacquiring_a_held_lock_is_a_deadlock(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_acquire_held();
    const uint32_t ids[] = { BCSIM_V_DEADLOCK };
    expect(sim, ids, 1);
    assert_int_equal(bcsim_sim_violation(sim, 0)->address, (uint64_t)sy_lock_address());
}

/* driver-patterns.md 17: a lock held when the bug check starts; the callback's acquire spins
 * until the watchdog ends it (in virtual time: quickly). */
static void lock_held_at_crash_time_hangs_the_callback(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_take_lock();
    assert_true(sy_register(2));
    const bcsim_result_t *r;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    assert_true(b.tv_sec - a.tv_sec < 2);
    assert_int_equal(sy_callback_status(), -1);
    assert_int_equal(r->calls[0].outcome, BCSIM_OUTCOME_HUNG);
    assert_int_equal(r->calls[0].state_after, BCSIM_STATE_INCOMPLETE);
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_HIGH, BCSIM_V_SPINLOCK_IN_CALLBACK, BCSIM_V_DEADLOCK,
                             BCSIM_V_CALLBACK_HANG };
    expect(sim, ids, 4);
    c4(bcsim_sim_violation(sim, 0), 0x42, 15, (uint64_t)sy_lock_address());
    assert_string_equal(bcsim_sim_violation(sim, 3)->component, "sync_drv");
    assert_non_null(strstr(bcsim_sim_violation(sim, 3)->message, "virtual time"));
}

/* ---- events and waits ------------------------------------------------------------------------------ */

static void set_event_above_dispatch_is_0xC4_0x80(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_set_event_at_high(), 0);
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_HIGH };
    expect(sim, ids, 1);
    c4(bcsim_sim_violation(sim, 0), 0x80, 15, (uint64_t)sy_event_address());
}

/* A wait at DISPATCH_LEVEL is legal only with a zero timeout: 0xC4/0x3B otherwise. */
static void wait_at_dispatch_is_0xC4_0x3B_unless_zero_timeout(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_wait_at_dispatch(0, 1), STATUS_TIMEOUT);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    assert_int_equal(sy_wait_at_dispatch(-10000, 1), STATUS_TIMEOUT);
    const uint32_t ids[] = { BCSIM_V_WAIT_AT_HIGH_IRQL };
    expect(sim, ids, 1);
    c4(bcsim_sim_violation(sim, 0), 0x3B, 2, (uint64_t)sy_event_address());
}

/* An infinite wait on an object nothing can signal, outside callbacks: DEADLOCK, and bcsim
 * returns STATUS_TIMEOUT (the harness thread cannot block). */
static void infinite_wait_on_unsignaled_object_is_a_deadlock(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_wait_forever_unsignaled(), STATUS_TIMEOUT);
    const uint32_t ids[] = { BCSIM_V_DEADLOCK };
    expect(sim, ids, 1);
}

/* R4: an event and a (zero-timeout) wait inside a callback: the IRQL subcodes (0x80, 0x3B) and
 * SYNCHRONIZATION_IN_CALLBACK once for the object; the callback returns normally. */
static void synchronization_in_a_callback_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_true(sy_register(1));
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(sy_callback_status(), 0);
    assert_int_equal(r->calls[0].outcome, BCSIM_OUTCOME_RETURNED);
    assert_int_equal(r->calls[0].state_after, BCSIM_STATE_FINISHED);
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_HIGH, BCSIM_V_SYNCHRONIZATION_IN_CALLBACK,
                             BCSIM_V_WAIT_AT_HIGH_IRQL };
    expect(sim, ids, 3);
    uint64_t ev = (uint64_t)sy_event_address();
    c4(bcsim_sim_violation(sim, 0), 0x80, 15, ev);
    assert_int_equal(bcsim_sim_violation(sim, 1)->address, ev);
    c4(bcsim_sim_violation(sim, 2), 0x3B, 15, ev);
    for (uint32_t i = 0; i < 3; i++)
        assert_string_equal(bcsim_sim_violation(sim, i)->component, "sync_drv");
}

/* A try-acquire in a callback cannot deadlock (it fails when the lock is held): a warning for
 * the try and nothing for its release, not the R4 violation; a held lock makes it fail. */
static void try_acquire_in_a_callback_is_a_warning(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_true(sy_register(3));
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(sy_callback_status(), 0);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    const uint32_t ids[] = { BCSIM_V_SYNC_TRY_IN_CALLBACK };
    expect(sim, ids, 1);
    assert_int_equal(bcsim_sim_violation(sim, 0)->address, (uint64_t)sy_lock_address());
}

static void try_acquire_of_a_held_lock_fails_in_the_callback(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_take_lock();
    assert_true(sy_register(3));
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal((uint32_t)sy_callback_status(), 0x80000011u);   /* STATUS_DEVICE_BUSY */
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(r->calls[0].outcome, BCSIM_OUTCOME_RETURNED);
}

/* ---- fast mutexes and delays --------------------------------------------------------------------- */

static void fast_mutex_at_dispatch_is_0xC4_0x33_0x34(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_fast_mutex_at_dispatch();
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_HIGH, BCSIM_V_IRQL_TOO_HIGH };
    expect(sim, ids, 2);
    c4(bcsim_sim_violation(sim, 0), 0x33, 2, (uint64_t)sy_mutex_address());
    c4(bcsim_sim_violation(sim, 1), 0x34, 2, (uint64_t)sy_mutex_address());
}

static void fast_mutex_release_below_apc_is_0xC4_0x34(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_fast_mutex_release_at_passive();
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_LOW };
    expect(sim, ids, 1);
    c4(bcsim_sim_violation(sim, 0), 0x34, 0, (uint64_t)sy_mutex_address());
}

static void fast_mutex_acquired_twice_is_a_deadlock(void **state)
{
    bcsim_sim_t *sim = *state;
    sy_fast_mutex_acquire_twice();
    const uint32_t ids[] = { BCSIM_V_DEADLOCK };
    expect(sim, ids, 1);
}

/* KeDelayExecutionThread above APC_LEVEL: 0x121, P1 = 2 (P2 current, P3 maximum). */
static void delay_above_apc_is_0x121(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(sy_delay_at_dispatch(), 0);
    const uint32_t ids[] = { BCSIM_V_IRQL_TOO_HIGH };
    expect(sim, ids, 1);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, 0);
    assert_int_equal(v->bugcheck_code, 0x121);
    assert_int_equal(v->bugcheck_params[0], 2);
    assert_int_equal(v->bugcheck_params[1], 2);
    assert_int_equal(v->bugcheck_params[2], 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(try_acquire_in_a_callback_is_a_warning),
        BCSIM_TEST(try_acquire_of_a_held_lock_fails_in_the_callback),
        BCSIM_TEST(spin_locks_at_legal_irqls_are_quiet),
        BCSIM_TEST(events_and_waits_at_legal_irqls_are_quiet),
        BCSIM_TEST(fast_mutex_at_legal_irqls_is_quiet),
        BCSIM_TEST(acquire_above_dispatch_is_0xC4_0x42),
        BCSIM_TEST(at_dpc_level_routines_below_dispatch_are_0x40_0x41),
        BCSIM_TEST(release_below_dispatch_is_0xC4_0x32),
        BCSIM_TEST(queued_release_below_dispatch_is_0xC4_0x35),
        BCSIM_TEST(reacquiring_a_held_lock_is_a_deadlock),
        BCSIM_TEST(lock_held_at_crash_time_hangs_the_callback),
        BCSIM_TEST(set_event_above_dispatch_is_0xC4_0x80),
        BCSIM_TEST(wait_at_dispatch_is_0xC4_0x3B_unless_zero_timeout),
        BCSIM_TEST(infinite_wait_on_unsignaled_object_is_a_deadlock),
        BCSIM_TEST(synchronization_in_a_callback_is_reported),
        BCSIM_TEST(fast_mutex_at_dispatch_is_0xC4_0x33_0x34),
        BCSIM_TEST(fast_mutex_release_below_apc_is_0xC4_0x34),
        BCSIM_TEST(fast_mutex_acquired_twice_is_a_deadlock),
        BCSIM_TEST(delay_above_apc_is_0x121),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
