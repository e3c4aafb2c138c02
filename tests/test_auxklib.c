/*
 * tests/test_auxklib.c — the Auxiliary Kernel-Mode Library (src/machine/auxklib.c, src/nt/auxklib.c;
 * bugcheck-api.md 10, driver-patterns.md 19): AuxKlibGetBugCheckData's contract (initialize
 * first, right size, only from a bug-check callback: knob auxklib.outside_bugcheck) and
 * AuxKlibQueryModuleInformation's table (the host program, then each loaded driver; PASSIVE_LEVEL).
 *
 * Learn pages: "AuxKlibInitialize", "AuxKlibGetBugCheckData", "KBUGCHECK_DATA",
 * "AuxKlibQueryModuleInformation", "AUX_MODULE_EXTENDED_INFO".
 */
#include "bcsim_test.h"
#include "drivers/auxklib_drv.h"

#include <unistd.h>

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must point at the built example modules"
#endif

#define STATUS_UNSUCCESSFUL 0xC0000001u
#define STATUS_INFO_LENGTH_MISMATCH 0xC0000004u
#define STATUS_INVALID_PARAMETER 0xC000000Du
#define STATUS_BUFFER_TOO_SMALL 0xC0000023u
#define EXTENDED 0x110u

typedef struct extended_info {
    uint64_t image_base;
    uint32_t image_size;
    uint16_t file_name_offset;
    char full_path_name[256];
} __attribute__((packed, aligned(8))) extended_info_t;
_Static_assert(sizeof(extended_info_t) == EXTENDED, "AUX_MODULE_EXTENDED_INFO");

static const uint64_t P[4] = { 0x11, 0x22, 0x33, 0x44 };

static void only(bcsim_sim_t *sim, uint32_t id)
{
    if (bcsim_sim_violation_count(sim) != 1 || bcsim_sim_violation(sim, 0)->id != id) {
        bcsim_test_dump_violations(sim);
        fail_msg("expected exactly one %s", bcsim_violation_name(id));
    }
}

/* ---- AuxKlibGetBugCheckData ------------------------------------------------------------------- */

static void bugcheck_data_before_initialize_is_a_contract_finding(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal((uint32_t)ax_bugcheck_data(0).status, STATUS_UNSUCCESSFUL);
    only(sim, BCSIM_V_AUXKLIB_CONTRACT);
    assert_non_null(strstr(bcsim_sim_violation(sim, 0)->message, "AuxKlibInitialize"));
}

static void bugcheck_data_size_must_match(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(ax_initialize(), 0);
    assert_int_equal((uint32_t)ax_bugcheck_data(0x20).status, STATUS_INFO_LENGTH_MISMATCH);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Model (UNDOC): outside a bug-check callback, success with zeros and a finding... */
static void bugcheck_data_outside_a_callback_is_zero_with_a_finding(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(ax_initialize(), 0);
    ax_bugcheck_t d = ax_bugcheck_data(0);
    assert_int_equal(d.status, 0);
    assert_int_equal(d.code, 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(d.params[i], 0);
    only(sim, BCSIM_V_AUXKLIB_CONTRACT);
    assert_int_equal(bcsim_sim_violation(sim, 0)->severity, BCSIM_SEV_WARNING);
}

/* ...or an error status with auxklib.outside_bugcheck = error. */
static void bugcheck_data_outside_a_callback_can_fail(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->auxklib_outside_error = true;
    assert_int_equal(ax_initialize(), 0);
    assert_int_equal((uint32_t)ax_bugcheck_data(0).status, STATUS_UNSUCCESSFUL);
    only(sim, BCSIM_V_AUXKLIB_CONTRACT);
}

/* In a callback: the code and parameters of the bug check (= KiBugCheckData), quietly. */
static void bugcheck_data_in_a_callback_is_the_bug_check(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_int_equal(ax_initialize(), 0);
    assert_true(ax_register(0));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    const ax_bugcheck_t *s = ax_seen();
    assert_int_equal(s->status, 0);
    assert_int_equal(s->code, 0xE2);
    for (int i = 0; i < 4; i++)
        assert_int_equal(s->params[i], P[i]);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* ---- AuxKlibQueryModuleInformation ------------------------------------------------------------- */

static void module_table_lists_the_host_then_each_driver(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_driver_load(sim, EXAMPLES_DIR "/legacy_notify.so", NULL, &drv), 0);
    assert_int_equal(ax_initialize(), 0);
    assert_int_equal(ax_extended_size(), EXTENDED);
    unsigned size = 0;
    assert_int_equal(ax_modules(&size, EXTENDED, NULL), 0);
    assert_int_equal(size, 2 * EXTENDED);
    extended_info_t e[2];
    assert_int_equal(ax_modules(&size, EXTENDED, e), 0);
    assert_int_equal(size, 2 * EXTENDED);
    /* the host program: holds bcsim's kernel routines and this test */
    uint64_t here = (uint64_t)(uintptr_t)&module_table_lists_the_host_then_each_driver;
    assert_true(here >= e[0].image_base && here < e[0].image_base + e[0].image_size);
    assert_string_equal(e[0].full_path_name + e[0].file_name_offset, "test_auxklib");
    /* the driver module, by its path */
    assert_true(e[1].image_size > 0);
    assert_int_equal(e[1].image_base % 4096, 0);
    assert_string_equal(e[1].full_path_name + e[1].file_name_offset, "legacy_notify.so");
    assert_non_null(strstr(e[1].full_path_name, "/examples/legacy_notify.so"));
    /* AUX_MODULE_BASIC_INFO elements: the bases alone */
    uint64_t bases[2];
    size = sizeof(bases);
    assert_int_equal(ax_modules(&size, 8, bases), 0);
    assert_int_equal(bases[0], e[0].image_base);
    assert_int_equal(bases[1], e[1].image_base);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void module_query_errors(void **state)
{
    bcsim_sim_t *sim = *state;
    extended_info_t e[1];
    unsigned size = sizeof(e);
    assert_int_equal((uint32_t)ax_modules(&size, EXTENDED, e), STATUS_UNSUCCESSFUL);   /* no init */
    only(sim, BCSIM_V_AUXKLIB_CONTRACT);
    assert_int_equal(ax_initialize(), 0);
    size = 1;
    assert_int_equal((uint32_t)ax_modules(&size, EXTENDED, e), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(size, EXTENDED);
    assert_int_equal((uint32_t)ax_modules(&size, 12, e), STATUS_INVALID_PARAMETER);
}

/* PASSIVE_LEVEL only: from a bug-check callback it is 0x121 (P1 2, P2 15, P3 0). */
static void module_query_in_a_callback_is_0x121(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_int_equal(ax_initialize(), 0);
    assert_true(ax_register(1));
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(ax_seen_query_status(), 0);
    only(sim, BCSIM_V_IRQL_TOO_HIGH);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, 0);
    assert_int_equal(v->bugcheck_code, 0x121);
    assert_int_equal(v->bugcheck_params[0], 2);
    assert_int_equal(v->bugcheck_params[1], 15);
    assert_int_equal(v->bugcheck_params[2], 0);
    assert_string_equal(v->component, "auxklib_drv");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(bugcheck_data_before_initialize_is_a_contract_finding),
        BCSIM_TEST(bugcheck_data_size_must_match),
        BCSIM_TEST(bugcheck_data_outside_a_callback_is_zero_with_a_finding),
        BCSIM_TEST(bugcheck_data_outside_a_callback_can_fail),
        BCSIM_TEST(bugcheck_data_in_a_callback_is_the_bug_check),
        BCSIM_TEST(module_table_lists_the_host_then_each_driver),
        BCSIM_TEST(module_query_errors),
        BCSIM_TEST(module_query_in_a_callback_is_0x121),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
