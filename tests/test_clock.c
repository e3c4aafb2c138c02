/*
 * tests/test_clock.c — virtual time (src/machine/clock.c, src/nt/ke_time.c; driver-patterns.md 12):
 * stalls cost no wall time, the performance counter runs at 10 MHz and advances on every read,
 * the system time, interrupt time and tick count share one base, and the time a callback sees
 * agrees with the dump header's.
 *
 * Learn pages: "KeStallExecutionProcessor", "KeQueryPerformanceCounter", "KeQuerySystemTime",
 * "KeQuerySystemTimePrecise", "KeQueryInterruptTime", "KeQueryInterruptTimePrecise",
 * "KeQueryTickCount", "KeQueryTimeIncrement", "KeDelayExecutionThread".
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"
#include "drivers/clock_drv.h"

#include <time.h>
#include <unistd.h>

static const uint64_t P[4] = { 1, 2, 3, 4 };
#define BOOT_FILETIME (1767225600LL * 10000000LL + 116444736000000000LL)   /* 2026-01-01 */

static double wall_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A callback stalling 2000 ms of virtual time finishes in milliseconds of wall time and is not
 * a hang (120 000 ms budget): slow is legal, reported as a SLOW_CALLBACK warning above
 * watchdog.slow_ms (1000), quiet below it (dispatcher-model.md 7.11). */
static void callback_stalling_2000_ms_takes_no_wall_time(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_true(ck_register(CK_STALL_2000MS));
    double t0 = wall_seconds();
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    double wall = wall_seconds() - t0;
    assert_true(wall < 1.0);
    assert_int_equal(ck_seen()->elapsed_ms, 2000);
    assert_in_range(ck_seen()->iterations, 1990, 2000);
    assert_int_equal(r->calls[r->call_count - 1].outcome, BCSIM_OUTCOME_RETURNED);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_SLOW_CALLBACK), 1);
    assert_int_equal(bcsim_sim_violation_count(sim), 1);
}

static void stall_below_the_slow_threshold_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    bcsim_sim_config(sim)->watchdog_slow_ms = 2500;
    assert_true(ck_register(CK_STALL_2000MS));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Progress is not a hang: a callback that keeps calling the kernel (3 million register reads,
 * 1 us each: 3 s of virtual time) runs to its end even with a no-progress budget far shorter
 * than its wall time; it is only slow. */
static void callback_that_keeps_calling_the_kernel_is_not_hung(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    bcsim_sim_config(sim)->watchdog_wall_ms = 20;
    assert_true(ck_register(CK_POLL_3M));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(ck_seen()->iterations, 3000000);
    assert_int_equal(r->calls[r->call_count - 1].outcome, BCSIM_OUTCOME_RETURNED);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_SLOW_CALLBACK), 1);
    assert_int_equal(r->port_total, 3000000);
    assert_int_equal(r->port_count, BCSIM_PORT_LOG_MAX);
}

/* 10 MHz, strictly increasing, 1 us per read. */
static void performance_counter_is_monotonic_and_advancing(void **state)
{
    (void)state;
    long long f = 0, a = ck_qpc(&f);
    assert_int_equal(f, 10000000);
    long long prev = a;
    for (int i = 0; i < 100; i++) {
        long long c = ck_qpc(NULL);
        assert_true(c > prev);
        prev = c;
    }
    assert_int_equal(prev - a, 100 * 10);
}

/* A stall advances the counter by exactly its microseconds (plus the read). */
static void stall_advances_virtual_time_exactly(void **state)
{
    (void)state;
    long long a = ck_qpc(NULL);
    ck_stall(1500);
    assert_int_equal(ck_qpc(NULL) - a, 15000 + 10);
    unsigned long long i0 = ck_interrupt_time();
    ck_stall(1000000);                       /* one second, instantly */
    assert_int_equal(ck_interrupt_time() - i0, 10000000 + 10);
}

/* One time base: the system time is boot time (2026-01-01) plus the interrupt time; the precise
 * forms agree; the tick count is the interrupt time in 15.625 ms ticks. */
static void clocks_share_one_time_base(void **state)
{
    (void)state;
    long long st = ck_system_time();
    unsigned long long it = ck_interrupt_time();
    assert_int_equal((long long)it - (st - BOOT_FILETIME), 10);
    assert_true(ck_system_time_precise() > st);
    unsigned long long qpc = 0, ip = ck_interrupt_time_precise(&qpc);
    assert_int_equal(ip, qpc);
    assert_int_equal(ck_time_increment(), 156250);
    long long t0 = ck_tick_count();
    ck_stall(2 * 15625);
    assert_int_equal(ck_tick_count() - t0, 2);
}

/* KeDelayExecutionThread: a relative interval passes virtually; an absolute time in the future
 * is reached; STATUS_SUCCESS. */
static void delay_execution_passes_virtual_time(void **state)
{
    bcsim_sim_t *sim = *state;
    unsigned long long i0 = ck_interrupt_time();
    assert_int_equal(ck_delay(-100000), 0);                 /* 10 ms */
    assert_int_equal(ck_interrupt_time() - i0, 100000 + 10);
    long long target = ck_system_time() + 5000000;           /* 0.5 s from now */
    assert_int_equal(ck_delay(target), 0);
    assert_true(ck_system_time() >= target);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* The time a callback reads before the dump is written is what the dump header says, up to the
 * microseconds that passed in between. */
static void callback_time_agrees_with_the_dump_header(void **state)
{
    (void)state;
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    char path[128];
    snprintf(path, sizeof(path), "/tmp/bcsim-test-clock-%d.dmp", (int)getpid());
    cfg.dump_path = path;
    cfg.dump_type = BCSIM_DUMP_BITMAP;
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    ck_stall(0);
    assert_true(ck_register(CK_TRIAGE_TIME));
    ck_stall(123456);                          /* time passes before the crash */
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(r->dump_status, 0);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(path, &d), 0);
    const bcsim_dump_info_t *info = bcsim_dump_get_info(d);
    long long st = ck_seen()->system_time;
    assert_true(st > BOOT_FILETIME + 1234560);
    assert_true((long long)info->system_time >= st);
    assert_true((long long)info->system_time - st < 1000);   /* < 100 us of reads in between */
    assert_true(info->system_uptime >= ck_seen()->interrupt_time);
    assert_int_equal((long long)info->system_time - BOOT_FILETIME, (long long)info->system_uptime);
    bcsim_dump_close(d);
    bcsim_sim_destroy(sim);
    unlink(path);
}

/* __halt with interrupts disabled never resumes: the virtual-time watchdog ends the callback. */
static void halt_in_a_callback_hangs_on_virtual_time(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_true(ck_register(CK_HALT));
    double t0 = wall_seconds();
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_true(wall_seconds() - t0 < 1.0);
    assert_int_equal(ck_seen()->iterations, 0);
    assert_int_equal(r->calls[r->call_count - 1].outcome, BCSIM_OUTCOME_HUNG);
    assert_true(bcsim_result_has(r, BCSIM_V_CALLBACK_HANG));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(callback_stalling_2000_ms_takes_no_wall_time),
        BCSIM_TEST(stall_below_the_slow_threshold_is_quiet),
        BCSIM_TEST(callback_that_keeps_calling_the_kernel_is_not_hung),
        BCSIM_TEST(performance_counter_is_monotonic_and_advancing),
        BCSIM_TEST(stall_advances_virtual_time_exactly),
        BCSIM_TEST(clocks_share_one_time_base),
        BCSIM_TEST(delay_execution_passes_virtual_time),
        cmocka_unit_test(callback_time_agrees_with_the_dump_header),
        BCSIM_TEST(halt_in_a_callback_hangs_on_virtual_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
