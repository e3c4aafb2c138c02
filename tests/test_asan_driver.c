/*
 * tests/test_asan_driver.c — a driver built with AddressSanitizer inside a bcsim that is not:
 * the configuration of a driver fuzzer made with bcsim_add_fuzzer() against an installed
 * bcsim (the driver copy is instrumented, the library is not, the program links the ASan
 * runtime). ASan keeps redzones between the driver's globals; bcsim reads the driver's pages
 * whole for the dump. Those reads must not go through ASan's memcpy interceptor, which would
 * report a global-buffer-overflow in bcsim and abort the run.
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"

#include <unistd.h>

#ifndef ASAN_DRIVER
#error "ASAN_DRIVER must name the ASan-instrumented example module"
#endif

static void dump_of_an_asan_driver_reads_its_pages_unchecked(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof(path), "/tmp/bcsim-test-asan-driver-%d.dmp", (int)getpid());
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = BCSIM_DUMP_BITMAP;
    cfg.dump_path = path;
    bcsim_sim_t *sim;
    bcsim_driver_t *drv;
    const bcsim_result_t *res;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    assert_int_equal(bcsim_driver_load(sim, ASAN_DRIVER, NULL, &drv), 0);
    static const uint64_t p[4] = { 1, 2, 3, 4 };
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, p, &res), 0);
    assert_non_null(res);
    for (uint32_t i = 0; i < res->violation_count; i++)
        assert_true(res->violations[i].severity < BCSIM_SEV_VIOLATION);

    /* The driver's record (in its .bss, between redzones) is in the dump, and so is its block. */
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(path, &d), 0);
    assert_int_equal(bcsim_dump_get_info(d)->bugcheck_code, 0xE2);
    assert_true(bcsim_dump_blob_count(d) >= 1);
    bcsim_dump_close(d);
    unlink(path);
    bcsim_sim_destroy(sim);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dump_of_an_asan_driver_reads_its_pages_unchecked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
