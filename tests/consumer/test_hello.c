/* The consumer's fine-grained test: the block the driver leaves in the dump. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <bcsim.h>

static void hello_block_is_produced(void **state)
{
    (void)state;
    bcsim_sim_t *sim;
    bcsim_driver_t *drv;
    const bcsim_result_t *res;
    assert_int_equal(bcsim_sim_create(NULL, &sim), 0);
    assert_int_equal(bcsim_driver_load(sim, BCSIM_DRIVER_PATH, NULL, &drv), 0);
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, NULL, &res), 0);
    assert_int_equal(bcsim_result_count(res, BCSIM_SEV_VIOLATION), 0);
    int found = 0;
    for (uint32_t i = 0; i < res->blob_count; i++)
        found |= res->blobs[i].size == sizeof("hello from the consumer driver") &&
                 !strcmp(res->blobs[i].component, "hello");
    assert_true(found);
    bcsim_sim_destroy(sim);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(hello_block_is_produced) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
