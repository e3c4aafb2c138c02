/*
 * tests/test_devices.c — the device surface crash handlers use (issue 14): PCI configuration
 * space behind HalGetBusDataByOffset / HalSetBusDataByOffset (src/machine/pci.c, scripted by
 * bcsim_sim_pci_config() or a scenario's "pci"), processor numbers, and the blue screen's text
 * (Inbv*, src/machine/screen.c) kept in the result.
 *
 * Learn pages: "HalGetBusDataByOffset", "HalSetBusDataByOffset", "HalGetBusData" (the bytes
 * read; 2 and PCI_INVALID_VENDORID for an empty slot, 0 for a bus that does not exist),
 * "KeGetProcessorNumberFromIndex".
 */
#include "bcsim_test.h"
#include "bcsim/scenario.h"
#include "drivers/devices_drv.h"

enum { PCI_CONFIGURATION = 4, CMOS = 0 };

static const uint64_t P[4] = { 0, 0, 0, 0 };

static void script_nic(bcsim_sim_t *sim)
{
    uint8_t cfg[64] = { 0x86, 0x80, 0x3a, 0x15, 0x00, 0x00, 0x10, 0x00, 0x04, 0x00, 0x00, 0x02 };
    assert_int_equal(bcsim_sim_pci_config(sim, 0, 3, 0, cfg, sizeof(cfg)), 0);
}

static void scripted_function_reads_its_bytes(void **state)
{
    bcsim_sim_t *sim = *state;
    script_nic(sim);
    uint8_t buf[0x100];
    memset(buf, 0xEE, sizeof(buf));
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 3, 0, buf, 0, 64), 64);
    assert_int_equal(buf[0], 0x86);
    assert_int_equal(buf[3], 0x15);
    assert_int_equal(buf[11], 0x02);
    /* The space is 256 bytes: a read across its end is cut there, past it reads nothing. */
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 3, 0, buf, 0xF0, 0x40), 0x10);
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 3, 0, buf, 0x100, 4), 0);
    assert_int_equal(dv_pci_get_whole(0, 3, buf, 4), 4);
    assert_int_equal(buf[1], 0x80);
}

static void empty_slot_reads_invalid_vendor_id(void **state)
{
    bcsim_sim_t *sim = *state;
    script_nic(sim);
    uint8_t buf[64];
    memset(buf, 0, sizeof(buf));
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 4, 0, buf, 0, 64), 2);
    assert_int_equal(buf[0], 0xFF);
    assert_int_equal(buf[1], 0xFF);
    assert_int_equal(buf[2], 0);                 /* nothing else written */
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 3, 1, buf, 0, 64), 2);   /* another function */
}

static void missing_bus_and_other_bus_types_read_nothing(void **state)
{
    bcsim_sim_t *sim = *state;
    script_nic(sim);
    uint8_t buf[16];
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 1, 0, 0, buf, 0, 16), 0);        /* no bus 1 */
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0x100, 3, 0, buf, 0, 16), 0);    /* segment 1 */
    assert_int_equal(dv_pci_get(CMOS, 0, 3, 0, buf, 0, 16), 0);
    assert_int_equal(dv_pci_set(CMOS, 0, 3, 0, buf, 0, 16), 0);
}

static void writes_persist_within_the_space(void **state)
{
    bcsim_sim_t *sim = *state;
    script_nic(sim);
    uint16_t command = 0x0006, back = 0;
    assert_int_equal(dv_pci_set(PCI_CONFIGURATION, 0, 3, 0, &command, 4, 2), 2);
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 3, 0, &back, 4, 2), 2);
    assert_int_equal(back, 0x0006);
    assert_int_equal(dv_pci_set(PCI_CONFIGURATION, 0, 4, 0, &command, 4, 2), 0);    /* empty */
}

static void pci_script_rejects_bad_arguments(void **state)
{
    bcsim_sim_t *sim = *state;
    uint8_t b[4] = { 0 };
    assert_int_equal(bcsim_sim_pci_config(sim, 256, 0, 0, b, 4), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_pci_config(sim, 0, 32, 0, b, 4), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_pci_config(sim, 0, 0, 8, b, 4), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_pci_config(sim, 0, 0, 0, b, 4097), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_pci_config(sim, 0, 0, 0, NULL, 4), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_pci_config(NULL, 0, 0, 0, b, 4), BCSIM_EINVAL);
    /* length 0 removes a function */
    script_nic(sim);
    assert_int_equal(bcsim_sim_pci_config(sim, 0, 3, 0, NULL, 0), 0);
    uint8_t buf[4];
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 0, 3, 0, buf, 0, 4), 2);
}

static void scenario_pci_functions_apply(void **state)
{
    bcsim_sim_t *sim = *state;
    const char *json = "{ \"pci\": [ { \"bus\": 2, \"device\": 1, \"function\": 5,"
                       " \"config\": \"11 22 33 44 55\", \"vendor_id\": \"0x10ec\","
                       " \"class\": \"0x020000\", \"subsystem_id\": 7 } ] }";
    bcsim_scenario_t *s;
    char err[256];
    assert_int_equal(bcsim_scenario_parse(json, strlen(json), NULL, &s, err, sizeof(err)), 0);
    assert_int_equal(bcsim_scenario_pci_count(s), 1);
    const bcsim_scenario_pci_t *p = bcsim_scenario_pci(s, 0);
    assert_int_equal(p->bus, 2);
    assert_int_equal(p->length, 256);
    assert_int_equal(bcsim_scenario_apply_devices(s, sim), 0);
    uint8_t buf[0x30];
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 2, 1, 5, buf, 0, sizeof(buf)), sizeof(buf));
    assert_int_equal(buf[0], 0xec);              /* vendor_id over the config bytes */
    assert_int_equal(buf[1], 0x10);
    assert_int_equal(buf[2], 0x33);
    assert_int_equal(buf[4], 0x55);
    assert_int_equal(buf[0x0B], 0x02);           /* class: base class */
    assert_int_equal(buf[0x2E], 7);
    assert_int_equal(dv_pci_get(PCI_CONFIGURATION, 1, 0, 0, buf, 0, 4), 2);   /* bus 1 exists */
    bcsim_scenario_free(s);
}

static void scenario_pci_errors_name_the_path(void **state)
{
    (void)state;
    static const struct { const char *json, *msg; } bad[] = {
        { "{ \"pci\": [ { \"bus\": 0 } ] }", "pci[0]: device: expected a number from 0 to 31" },
        { "{ \"pci\": [ { \"device\": 32 } ] }", "pci[0]: device: expected a number from 0 to 31" },
        { "{ \"pci\": [ { \"device\": 1, \"config\": \"1\" } ] }", "pci[0]: config: expected hex byte pairs" },
        { "{ \"pci\": [ { \"device\": 1, \"config\": [256] } ] }", "pci[0]: config[0]: expected a byte value" },
        { "{ \"pci\": [ { \"device\": 1, \"vendor_id\": 65536 } ] }", "pci[0]: vendor_id: expected a 2-byte value" },
        { "{ \"pci\": [ { \"device\": 1, \"vendr_id\": 1 } ] }", "unknown key \"vendr_id\"" },
        { "{ \"pci\": {} }", "pci: expected an array" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bcsim_scenario_t *s = NULL;
        char err[256] = "";
        assert_int_equal(bcsim_scenario_parse(bad[i].json, strlen(bad[i].json), NULL, &s, err, sizeof(err)),
                         BCSIM_EFORMAT);
        if (!strstr(err, bad[i].msg))
            fail_msg("%s: got '%s', want '%s'", bad[i].json, err, bad[i].msg);
    }
}

static void processor_number_from_index(void **state)
{
    (void)state;
    unsigned g, n;
    assert_int_equal(dv_processor_from_index(0, &g, &n), 0);                 /* STATUS_SUCCESS */
    assert_int_equal(g, 0);
    assert_int_equal(n, 0);
    assert_int_equal((unsigned)dv_processor_from_index(1, &g, &n), 0xC000000Du);   /* one processor */
}

static void processor_index_groups_affinity(void **state)
{
    (void)state;
    assert_int_equal(dv_processor_index(0, 0), 0);
    assert_int_equal(dv_processor_index(0, 1), 0xFFFFFFFFu);    /* INVALID_PROCESSOR_INDEX */
    assert_int_equal(dv_processor_index(1, 0), 0xFFFFFFFFu);
    assert_int_equal(dv_group_counts(), 1u << 16 | 1u);
    assert_int_equal(dv_affinity_round_trip(1), 1);
}

/* KeIpiGenericCall: the worker runs once (one processor), at IPI_LEVEL, and its result returns. */
static void ipi_generic_call_runs_the_worker_once_at_ipi_level(void **state)
{
    bcsim_sim_t *sim = *state;
    unsigned calls = 0, irql = 0;
    unsigned long long arg = 0;
    assert_int_equal(dv_ipi(41, &calls, &arg, &irql), 42);
    assert_int_equal(calls, 1);
    assert_int_equal(arg, 41);
    assert_int_equal(irql, 14);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* 2026-01-01 00:00:00.250 UTC was a Thursday; 1601-01-01 a Monday; 2024 is a leap year. */
static void time_fields_convert_both_ways(void **state)
{
    (void)state;
    short f[8];
    long long back;
    long long t = (1767225600LL * 10000000LL + 116444736000000000LL) + 2500000;
    assert_true(dv_time_fields(t, f, &back));
    assert_int_equal(f[0], 2026);
    assert_int_equal(f[1], 1);
    assert_int_equal(f[2], 1);
    assert_int_equal(f[3], 0);
    assert_int_equal(f[6], 250);
    assert_int_equal(f[7], 4);
    assert_int_equal(back, t);
    assert_true(dv_time_fields(0, f, &back));
    assert_int_equal(f[0], 1601);
    assert_int_equal(f[7], 1);
    long long leap = 13353638400LL * 10000000LL + 3723004 * 10000LL;   /* 2024-02-29 01:02:03.004 */
    assert_true(dv_time_fields(leap, f, &back));
    assert_int_equal(f[1], 2);
    assert_int_equal(f[2], 29);
    assert_int_equal(f[4], 2);
    assert_int_equal(f[5], 3);
    assert_int_equal(back, leap);
    assert_false(dv_time_fields_invalid());
}

static void nmi_callbacks_register_and_deregister(void **state)
{
    bcsim_sim_t *sim = *state;
    int first, second;
    assert_true(dv_nmi_round_trip(&first, &second));
    assert_int_equal(first, 0);                              /* STATUS_SUCCESS */
    assert_int_equal((unsigned)second, 0xC0000008u);         /* STATUS_INVALID_HANDLE */
    assert_int_equal(bcsim_test_violations(sim), 0);
}

static void node_apcs_and_ntddi(void **state)
{
    (void)state;
    assert_int_equal(dv_misc(0x06010000), 0x001);           /* node 0, APCs enabled, WIN7 */
    assert_int_equal(dv_misc(0x0A00000C), 0x000);           /* NI is newer than build 22000 */
}

static void blue_screen_text_is_kept_in_the_result(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_true(dv_register_screen("first line\n", "second line\n", 0, 0));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_non_null(r->screen);
    assert_string_equal(r->screen, "first line\nsecond line\n");
    assert_int_equal(bcsim_test_violations(sim), 0);
}

static void reset_display_clears_the_screen(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_true(dv_register_screen("gone\n", "kept\n", 1, 0));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_string_equal(r->screen, "kept\n");
}

static void disabled_display_strings_are_not_shown(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_true(dv_register_screen("only\n", "hidden\n", 0, 1));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_string_equal(r->screen, "only\n");
}

static void no_display_no_screen(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_null(r->screen);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(scripted_function_reads_its_bytes),
        BCSIM_TEST(empty_slot_reads_invalid_vendor_id),
        BCSIM_TEST(missing_bus_and_other_bus_types_read_nothing),
        BCSIM_TEST(writes_persist_within_the_space),
        BCSIM_TEST(pci_script_rejects_bad_arguments),
        BCSIM_TEST(scenario_pci_functions_apply),
        cmocka_unit_test(scenario_pci_errors_name_the_path),
        BCSIM_TEST(processor_number_from_index),
        BCSIM_TEST(processor_index_groups_affinity),
        BCSIM_TEST(ipi_generic_call_runs_the_worker_once_at_ipi_level),
        BCSIM_TEST(time_fields_convert_both_ways),
        BCSIM_TEST(nmi_callbacks_register_and_deregister),
        BCSIM_TEST(node_apcs_and_ntddi),
        BCSIM_TEST(blue_screen_text_is_kept_in_the_result),
        BCSIM_TEST(reset_display_clears_the_screen),
        BCSIM_TEST(disabled_display_strings_are_not_shown),
        BCSIM_TEST(no_display_no_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
