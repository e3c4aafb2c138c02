/*
 * tests/test_fuzz_dispatch.c — the fuzz harness (src/fuzz/fuzz_dispatch.c, include/bcsim/fuzz.h):
 * the input format decodes as fuzz/README.md documents it, an input reaches the callbacks with
 * exactly the fields and guarded buffers it describes, outputs are judged as the phases judge
 * them, the records come back registered after each input, and nothing grows per input. Also
 * the two dispatcher fixes the fuzzers led to (a callback's own MaximumAllowed is no licence;
 * a registration stopped by list corruption leaves BufferEmpty).
 */
#include "bcsim_test.h"
#include "bcsim/fuzz.h"
#include "drivers/fuzz_drv.h"
#include "internal.h"
#include "memory/memory.h"

#include <sys/resource.h>

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must point at the built example modules"
#endif

static bcsim_sim_t *sim;

static int setup(void **state)
{
    (void)state;
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    bcsim_fuzz_config(&cfg);
    cfg.contain = true;            /* a stray fault in a test is a finding, not a dead test */
    if (bcsim_sim_create(&cfg, &sim) != 0)
        return -1;
    FdMode = 0;
    FdCalls = 0;
    if (bcsim_driver_attach(sim, "fd", fd_driver_entry(), NULL, NULL) != 0)
        return -1;
    return bcsim_fuzz_setup(sim, NULL);
}

static int teardown(void **state)
{
    (void)state;
    bcsim_sim_destroy(sim);
    sim = NULL;
    return 0;
}

static bcsim_fuzz_input_t input(int32_t reason, uint32_t calls)
{
    bcsim_fuzz_input_t in;
    bcsim_fuzz_input_init(&in);
    in.reason_select = (uint8_t)reason;
    in.call_count = calls;
    return in;
}

static void zero_input_is_the_dispatchers_default_call(void **state)
{
    (void)state;
    bcsim_fuzz_input_t in;
    bcsim_fuzz_decode((const uint8_t *)"", 0, &in);
    assert_int_equal(in.code, 0xE2);
    assert_int_equal(in.call_count, 1);
    assert_int_equal(in.rsd_mode, BCSIM_FUZZ_RSD_EXACT);
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out), 0);
    assert_int_equal(out.calls, 1);
    assert_int_equal(out.findings, 0);
    assert_int_equal(FdSeen.length, 0x30);
    assert_int_equal(FdSeen.in_buffer_length, 0xFD0);
    assert_int_equal(FdSeen.maximum_allowed, 64u << 20);
    assert_null(FdSeen.out_buffer);                     /* a size request */
    /* InBuffer ends at its guard page, and so does the structure. */
    assert_int_equal(((uintptr_t)FdSeen.in_buffer + FdSeen.in_buffer_length) & 0xFFF, 0);
    assert_int_equal(((uintptr_t)FdSeen.data + 0x30) & 0xFFF, 0);
}

static void encode_is_the_inverse_of_decode(void **state)
{
    (void)state;
    uint8_t raw[200];
    for (size_t i = 0; i < sizeof(raw); i++)
        raw[i] = (uint8_t)(i * 37 + 11);
    raw[5] = 2;                                         /* three calls */
    bcsim_fuzz_input_t in;
    bcsim_fuzz_decode(raw, sizeof(raw), &in);
    assert_int_equal(in.call_count, 3);
    uint8_t back[200];
    assert_int_equal(bcsim_fuzz_encode(&in, back, sizeof(back)), sizeof(raw));
    /* Fields with value ranges (call count, mode, dump type) come back normalised. */
    raw[6] %= 4;
    raw[0x2C] %= 3;
    memset(raw + 0x2D, 0, 3);
    assert_memory_equal(raw, back, 0x2D);
    assert_memory_equal(raw + 0x30, back + 0x30, sizeof(raw) - 0x30);
}

static void call_entries_set_the_secondary_data_inputs(void **state)
{
    (void)state;
    bcsim_fuzz_input_t in = input(BCSIM_REASON_SECONDARY_DUMP_DATA, 2);
    in.calls[0].len = 0x0FD0 ^ 0x100;                   /* InBufferLength 0x100 */
    in.calls[0].value = (64u << 20) ^ 0x80;             /* MaximumAllowed 0x80 */
    in.calls[1].kind = 2;                               /* OutBuffer elsewhere ... */
    in.area[0] = 0x11;                                  /* ... 0x10 bytes before its guard */
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out), 0);
    assert_int_equal(out.passes, 2);
    assert_non_null(FdSeen.out_buffer);
    assert_ptr_not_equal(FdSeen.out_buffer, FdSeen.in_buffer);
    assert_int_equal(((uintptr_t)FdSeen.out_buffer + 0x10) & 0xFFF, 0);
    in.call_count = 1;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out), 0);
    assert_int_equal(FdSeen.in_buffer_length, 0x100);
    assert_int_equal(FdSeen.maximum_allowed, 0x80);
}

static void callback_maximum_allowed_is_no_licence(void **state)
{
    (void)state;
    FdMode = 1;
    bcsim_fuzz_input_t in = input(BCSIM_REASON_SECONDARY_DUMP_DATA, 1);
    in.calls[0].value = (64u << 20) ^ 8;                /* MaximumAllowed 8 */
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out), 0);
    assert_int_equal(out.findings, 1);
    assert_int_equal(bcsim_sim_violation(sim, out.violation_first)->id, BCSIM_V_SECONDARY_INVALID_OUTPUT);
    /* The same driver in a whole bug check: the size request is judged the same way (it
     * returns 0x2000 bytes, the per-callback limit is 0x1000). */
    bcsim_config_t *cfg = bcsim_sim_config(sim);
    cfg->dump_type = BCSIM_DUMP_BITMAP;
    cfg->secondary_per_callback = 0x1000;
    cfg->secondary_total = 0x4000;
    const bcsim_result_t *res;
    uint64_t p[4] = { 0 };
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, p, &res), 0);
    assert_true(bcsim_result_has(res, BCSIM_V_SECONDARY_INVALID_OUTPUT));
}

static void findings_are_judged_and_records_come_back(void **state)
{
    (void)state;
    bcsim_fuzz_input_t in = input(BCSIM_REASON_DUMP_IO, 4);
    for (int i = 1; i < 4; i++)
        in.calls[i].kind = 1;                            /* Header, Body, Secondary, Complete */
    FdMode = 3;                                         /* writes into the dump buffer */
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_DUMP_IO, &in, &out), 0);
    assert_int_equal(out.calls, 4);
    assert_int_equal(out.findings, 1);                  /* reported once per record */
    assert_int_equal(FdSeen.io_type, 4);
    assert_null(FdSeen.io_buffer);
    /* A callback that deregisters itself: the next input still finds it registered. */
    FdMode = 2;
    unsigned before = bcsim_records_count(BCSIM_LIST_REASON);
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_TRIAGE_DUMP_DATA, &in, &out), 0);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_REASON), before);
    FdMode = 0;
    FdCalls = 0;
    in = input(BCSIM_REASON_TRIAGE_DUMP_DATA, 3);
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_TRIAGE_DUMP_DATA, &in, &out), 0);
    assert_int_equal(FdCalls, 3);
    bcsim_record_iter_t it;
    bcsim_record_info_t info;
    bcsim_records_begin(&it, BCSIM_LIST_REASON);
    while (bcsim_records_next(&it, &info)) {
        assert_int_equal(info.state, BCSIM_STATE_INSERTED);
        assert_true(info.checksum_valid);
    }
}

static void triage_and_multipart_fields(void **state)
{
    (void)state;
    bcsim_fuzz_input_t in = input(BCSIM_REASON_TRIAGE_DUMP_DATA, 1);
    in.code = 0xD1;
    in.params[0] = 0x1234;
    in.calls[0].value = 0x41;                           /* Flags 0x40 */
    in.calls[0].len = 0x0200 ^ 0x0001;                  /* MaxVirtMemSize 64 KiB */
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_TRIAGE_DUMP_DATA, &in, &out), 0);
    assert_int_equal(FdSeen.flags, 0x40);
    assert_int_equal(FdSeen.max_virt, 0x10000);
    assert_int_equal(FdSeen.code, 0xD1);
    assert_int_equal(FdSeen.param1, 0x1234);
    /* A multi-part sweep: Context and Flags kept between the calls of one sweep. */
    in = input(BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA, 3);
    in.dump_select = 2;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA, &in, &out), 0);
    assert_int_equal(out.calls, 3);
    assert_int_equal((uintptr_t)FdSeen.context, 2);     /* NULL, 1, 2 */
    assert_int_equal(FdSeen.dump_type, 4);
    assert_int_equal(FdSeen.maximum_allowed, 0x1000);   /* small dump limits */
}

static void shorter_structure_ends_at_the_guard(void **state)
{
    (void)state;
    bcsim_fuzz_input_t in = input(BCSIM_REASON_SECONDARY_DUMP_DATA, 1);
    in.rsd_mode = BCSIM_FUZZ_RSD_SHORT;
    in.rsd_length = 0x10;
    FdMode = 4;                                         /* reads one byte past the length */
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out), 0);
    assert_int_equal(FdSeen.length, 0x10);
    assert_int_equal(out.faulted, 1);                   /* contained: cfg.contain */
    assert_true(bcsim_sim_violation(sim, out.violation_first)->id == BCSIM_V_STRUCTURE_OVERRUN);
    in.rsd_mode = BCSIM_FUZZ_RSD_LONG;
    in.rsd_length = 0x100;
    FdMode = 0;
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out), 0);
    assert_int_equal(FdSeen.length, 0x30 + 1 + 0x100);
    assert_int_equal(out.faulted, 0);
}

static long rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void memory_does_not_grow_per_input(void **state)
{
    (void)state;
    uint8_t raw[160];
    bcsim_fuzz_input_t in;
    bcsim_fuzz_outcome_t out;
    int32_t reasons[] = { 2, 3, 5, 7, 4 };
    long before = 0;
    for (uint32_t i = 0; i < 60000; i++) {
        for (size_t k = 0; k < sizeof(raw); k++)
            raw[k] = (uint8_t)((i * 2654435761u) >> (k % 24));
        raw[6] = 0;                                     /* no overruns on purpose */
        bcsim_fuzz_decode(raw, sizeof(raw), &in);
        FdMode = i % 7 == 0 ? 3 : 0;                    /* some inputs with findings */
        bcsim_fuzz_dispatch(sim, reasons[i % 5], &in, &out);
        if (i == 10000)
            before = rss_kib();
    }
    assert_true(bcsim__m.violations.n < 64);
    assert_true(bcsim__run.calls.cap < 1024);
    assert_true(rss_kib() - before < 2048);             /* KiB, over 50,000 inputs */
}

static void *fresh_record;
static unsigned char fresh_result;

static void register_fresh(void *arg)
{
    (void)arg;
    fresh_result = fd_register_at(fresh_record);
}

static void registration_stopped_by_list_corruption_leaves_buffer_empty(void **state)
{
    (void)state;
    bcsim_sim_config(sim)->list_corruption_bugcheck = true;
    /* The next head insert finds head->Flink->Blink no longer pointing at the head. */
    bcsim__list_t *first = bcsim__m.lists.reason->flink;
    first->blink = NULL;
    bcsim__rrec_t *fresh = bcsim__pool_alloc(sizeof(*fresh), false, 0x7a46, 16, 0, 0);
    memset(fresh, 0, sizeof(*fresh));
    fresh_record = fresh;
    assert_int_equal(bcsim_sim_call(sim, register_fresh, NULL), BCSIM_EBUGCHECK);
    assert_int_equal(bcsim_sim_last_result(sim)->code, 0x139);
    assert_int_equal(fresh->state, BCSIM_STATE_EMPTY);   /* not BufferInserted in no list */
    /* After the reboot the record registers again. */
    assert_int_equal(bcsim_sim_reboot(sim), 0);
    fresh_result = 0;
    assert_int_equal(bcsim_sim_call(sim, register_fresh, NULL), 0);
    assert_int_equal(fresh_result, 1);
}

/* Each input starts from the module's globals as DriverEntry left them: dumpio_mirror keeps
 * the last Type it saw and bug-checks when a stream goes backwards. */
static void module_globals_are_put_back_before_each_input(void **state)
{
    (void)state;
    bcsim_sim_destroy(sim);
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    bcsim_fuzz_config(&cfg);
    cfg.contain = true;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    assert_int_equal(bcsim_driver_load(sim, EXAMPLES_DIR "/dumpio_mirror.so", NULL, NULL), 0);
    bcsim_fuzz_input_t in = input(BCSIM_REASON_DUMP_IO, 4);
    for (int i = 1; i < 4; i++)
        in.calls[i].kind = 1;                            /* Header, Body, Secondary, Complete */
    bcsim_fuzz_outcome_t out;
    assert_int_equal(bcsim_fuzz_setup(sim, NULL), 0);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_DUMP_IO, &in, &out), 0);
        assert_int_equal(out.nested, 0);
        assert_int_equal(out.calls, 4);
    }
    /* Kept state: the next stream's Header comes after the last stream's Complete. */
    bcsim_fuzz_options_t keep = { .keep_driver_data = true };
    assert_int_equal(bcsim_fuzz_setup(sim, &keep), 0);
    assert_int_equal(bcsim_fuzz_dispatch(sim, BCSIM_REASON_DUMP_IO, &in, &out), 0);
    assert_int_equal(out.nested, 1);
    assert_int_equal(out.calls, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(zero_input_is_the_dispatchers_default_call, setup, teardown),
        cmocka_unit_test_setup_teardown(encode_is_the_inverse_of_decode, setup, teardown),
        cmocka_unit_test_setup_teardown(call_entries_set_the_secondary_data_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(callback_maximum_allowed_is_no_licence, setup, teardown),
        cmocka_unit_test_setup_teardown(findings_are_judged_and_records_come_back, setup, teardown),
        cmocka_unit_test_setup_teardown(triage_and_multipart_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(shorter_structure_ends_at_the_guard, setup, teardown),
        cmocka_unit_test_setup_teardown(memory_does_not_grow_per_input, setup, teardown),
        cmocka_unit_test_setup_teardown(registration_stopped_by_list_corruption_leaves_buffer_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(module_globals_are_put_back_before_each_input, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
