/*
 * examples/tests/test_secondary_log.c — how a driver developer tests a callback with bcsim:
 * "after a 0xD1 bug check, my SecondaryDumpData block holds my log".
 *
 * Built by bcsim_add_driver_test(... SOURCES ...), which defines BCSIM_DRIVER_PATH (the
 * driver module) and links bcsim and cmocka.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <bcsim.h>
#include <bcsim/dump.h>

/* The driver tags its block with this GUID (examples/drivers/secondary_log.c). */
#define LOG_GUID "{5ec0da7a-1095-4d2e-9b4e-3d3f3d6c6f67}"

static void block_holds_the_log_after_a_d1_bug_check(void **state)
{
    (void)state;
    char dump[] = "/tmp/secondary_log-XXXXXX";
    int fd = mkstemp(dump);
    assert_true(fd >= 0);
    close(fd);

    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_path = dump;
    bcsim_sim_t *sim;
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    assert_int_equal(bcsim_driver_load(sim, BCSIM_DRIVER_PATH, NULL, &drv), 0);

    /* DRIVER_IRQL_NOT_LESS_OR_EQUAL: address, IRQL, write, instruction */
    const uint64_t p[4] = { 0x10, 2, 0, 0xfffff80000001234 };
    const bcsim_result_t *res;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xD1, p, &res), 0);
    assert_int_equal(bcsim_result_count(res, BCSIM_SEV_VIOLATION), 0);

    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump, &d), 0);
    assert_int_equal(bcsim_dump_get_info(d)->bugcheck_code, 0xD1);
    bcsim_guid_t g;
    assert_int_equal(bcsim_guid_parse(LOG_GUID, &g), 0);
    char log[8192];
    uint64_t total = 0, copied = 0;
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 0, log, sizeof(log), &total, &copied), 0);
    assert_true(total > 4096);
    assert_memory_equal(log, "secondary_log: event 0 handled", 30);
    assert_memory_equal(log + total - 8, "nominal\n", 8);
    bcsim_dump_close(d);

    bcsim_sim_destroy(sim);
    unlink(dump);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(block_holds_the_log_after_a_d1_bug_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
