/*
 * tests/test_dump_header.c — KeInitializeCrashDumpHeader (src/dump/dump_header.c; wdk-surface.md
 * 3.17): only DUMP_TYPE_FULL and Flags 0, BufferNeeded 0x2000, and a DUMP_HEADER64 of a complete
 * memory dump of the machine as it is now — with the page-directory base, no exception record,
 * no secondary data — that bcsim's reader accepts.
 *
 * Learn page: "KeInitializeCrashDumpHeader".
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"
#include "drivers/auxklib_drv.h"

#define STATUS_INVALID_PARAMETER 0xC000000Du
#define STATUS_BUFFER_TOO_SMALL 0xC0000023u
#define HEADER 0x2000u
#define BOOT_FILETIME (1767225600ULL * 10000000ULL + 116444736000000000ULL)

static void only_dump_type_full_and_flags_0(void **state)
{
    bcsim_sim_t *sim = *state;
    static unsigned char buf[HEADER];
    unsigned needed;
    assert_int_equal((uint32_t)ax_crash_dump_header(5, 0, buf, HEADER, &needed), STATUS_INVALID_PARAMETER);
    assert_int_equal((uint32_t)ax_crash_dump_header(1, 1, buf, HEADER, &needed), STATUS_INVALID_PARAMETER);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void buffer_needed_is_0x2000(void **state)
{
    (void)state;
    static unsigned char buf[HEADER];
    unsigned needed = 0;
    assert_int_equal((uint32_t)ax_crash_dump_header(1, 0, buf, HEADER - 1, &needed), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(needed, HEADER);
    assert_int_equal(ax_crash_dump_header(1, 0, buf, HEADER, NULL), 0);
}

static void header_describes_a_complete_dump_of_the_machine(void **state)
{
    bcsim_sim_t *sim = *state;
    static unsigned char buf[2 * HEADER];
    memset(buf, 0xCC, sizeof(buf));
    unsigned needed = 0;
    assert_int_equal(ax_crash_dump_header(1, 0, buf, sizeof(buf), &needed), 0);
    assert_int_equal(needed, HEADER);
    assert_int_equal(buf[HEADER], 0xCC);                  /* nothing written past the header */
    assert_memory_equal(buf, "PAGEDU64", 8);
    for (unsigned i = 0xF00; i < 0xF98; i++)              /* no exception record */
        assert_int_equal(buf[i], 0);

    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(buf, HEADER, &d), 0);
    const bcsim_dump_info_t *info = bcsim_dump_get_info(d);
    assert_true(info->is_64bit);
    assert_int_equal(info->dump_type, 1);
    assert_int_equal(info->minor_version, bcsim_sim_config(sim)->build_number);
    assert_true(info->directory_table_base != 0);
    assert_true(info->run_count >= 1);
    assert_true(info->number_of_pages > 0);
    assert_true(info->required_dump_space >= HEADER + info->number_of_pages * 4096);
    assert_true(info->truncated);                         /* a header alone: the pages follow */
    assert_int_equal(info->bugcheck_code, 0);             /* no bug check yet */
    assert_int_equal(info->secondary_data_state, 0);
    assert_false(info->has_tagged);
    assert_true(info->system_time >= BOOT_FILETIME);
    bcsim_dump_close(d);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(only_dump_type_full_and_flags_0),
        BCSIM_TEST(buffer_needed_is_0x2000),
        BCSIM_TEST(header_describes_a_complete_dump_of_the_machine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
