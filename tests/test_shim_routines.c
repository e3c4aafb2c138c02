/*
 * tests/test_shim_routines.c — the shim's own routine bodies in src/nt (lists, bitmaps,
 * RtlCompareMemory, the 16-bit wide CRT, Interlocked, processors, data exports,
 * MmGetSystemRoutineAddress, port I/O), called from a test driver compiled against the shim
 * (tests/drivers/shim_routines_drv.c) exactly as driver code calls them.
 *
 * Learn pages cited: "InsertTailList function", "RemoveEntryList function", "RtlFindClearBits
 * function", "RtlFindLongestRunClear function", "RtlCompareMemory function", "InterlockedCompare
 * Exchange function", "MmGetSystemRoutineAddress function", "KeQueryActiveProcessorCount function",
 * "Bug Check 0x139 KERNEL_SECURITY_CHECK_FAILURE", "READ_PORT_UCHAR function".
 */
#include "bcsim_test.h"
#include "drivers/shim_routines_drv.h"
#include "internal.h"
#include "verifier/verifier.h"

/* ---- lists ----------------------------------------------------------------------------------- */

/* InsertHeadList/InsertTailList/AppendTailList link in order; Remove*List unlink the right one. */
static void list_helpers_keep_windows_order(void **state)
{
    (void)state;
    assert_int_equal(sr_list_order(), 3124342);
    assert_true(sr_list_empty_after_drain());
    assert_int_equal(sr_single_list_order(), 321);
}

/* The WDK's list checks fail fast: KERNEL_SECURITY_CHECK_FAILURE, P1 = 3 (corrupt LIST_ENTRY). */
static void corrupted_list_removal_bug_checks_0x139(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(bcsim_sim_call(sim, sr_corrupt_list_and_remove, NULL), BCSIM_EBUGCHECK);
    const bcsim_result_t *res = bcsim_sim_last_result(sim);
    assert_non_null(res);
    assert_int_equal(res->code, 0x139);
    assert_int_equal(res->params[0], 3);
}

/* ---- bitmaps and memory ------------------------------------------------------------------------ */

static void bitmap_routines_follow_learn(void **state)
{
    (void)state;
    static const unsigned int want[] = { 70, 70, 6, 5, 1, 1, 3, 8, 41, 8, 0xFFFFFFFFu, 0, 8, 0,
                                     3, 0, 32, 8, 0 };
    unsigned int got[32];
    int n = sr_bitmap(got, 32);
    assert_int_equal(n, (int)(sizeof(want) / sizeof(want[0])));
    for (int i = 0; i < n; i++) {
        if (got[i] != want[i])
            printf("bitmap step %d: got %#x, want %#x\n", i, got[i], want[i]);
        assert_int_equal(got[i], want[i]);
    }
}

/* RtlCompareMemory: the number of bytes that match before the first difference. */
static void compare_memory_counts_matching_prefix(void **state)
{
    (void)state;
    assert_int_equal(sr_compare("abcdef", "abcxef", 6), 3);
    assert_int_equal(sr_compare("abcdef", "abcdef", 6), 6);
    assert_int_equal(sr_compare("a", "b", 0), 0);
}

/* wcs* on 16-bit WCHAR units (S2), never glibc's 32-bit functions. */
static void wide_crt_works_on_16_bit_units(void **state)
{
    (void)state;
    static const int want[] = { 12, 5, 1, 1, 1, 1, 2, 4, 1, 1, 1, 2 };
    int got[16];
    int n = sr_wide(got, 16);
    assert_int_equal(n, (int)(sizeof(want) / sizeof(want[0])));
    for (int i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

static void interlocked_routines_return_windows_values(void **state)
{
    (void)state;
    static const long long want[] = { 6, 5, 5, 9, 9, 1, 11, 0x10B, 0xB, 4, (1LL << 40) + 1,
                                      1LL << 40, 1, 2, 4, 50, 0, 8 };
    long long got[32];
    int n = sr_interlocked(got, 32);
    assert_int_equal(n, (int)(sizeof(want) / sizeof(want[0])));
    for (int i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

/* ---- processors, process, data exports ------------------------------------------------------------- */

static void one_processor_one_process(void **state)
{
    (void)state;
    static const unsigned long long want[] = { 0, 0, 1, 1, 1, 1, 1, 1, 1 };
    unsigned long long got[16];
    int n = sr_processors(got, 16);
    assert_int_equal(n, (int)(sizeof(want) / sizeof(want[0])));
    for (int i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

/* driver-patterns.md 16: every address bcsim hands out classifies as system space. */
static void system_range_start_is_below_driver_visible_memory(void **state)
{
    (void)state;
    static int global;
    int local;
    void *heap = malloc(16);
    uintptr_t start = (uintptr_t)sr_system_range_start();
    assert_true(start <= (uintptr_t)&global);
    assert_true(start <= (uintptr_t)&local);
    assert_true(start <= (uintptr_t)heap);
    assert_true(start <= (uintptr_t)&sr_system_range_start);
    free(heap);
    /* no debugger (KD_DEBUGGER_NOT_PRESENT), user range just below the system range */
    assert_int_equal(sr_debugger_flags(), 2 | 4 | 8);
    assert_int_equal(sr_build_number() & 0xF0000000u, 0xF0000000u);
}

/* ---- version: NtBuildNumber and RtlGetVersion follow the configured build ------------------- */

static void version_is_the_configured_build(void **state)
{
    bcsim_sim_t *sim = *state;
    unsigned int v[7];
    assert_int_equal(sr_build_number(), 0xF0000000u | 22000u);
    sr_get_version(sr_size_of_osversioninfo(0), v);
    assert_int_equal(v[0], 0);                       /* STATUS_SUCCESS */
    assert_int_equal(v[1], 10);
    assert_int_equal(v[2], 0);
    assert_int_equal(v[3], 22000);
    assert_int_equal(v[4], 2);                       /* VER_PLATFORM_WIN32_NT */
    assert_int_equal(v[5], 0);                       /* no service pack string */
    assert_int_equal(v[6], 0xFF);                    /* past RTL_OSVERSIONINFOW: untouched */
    sr_get_version(sr_size_of_osversioninfo(1), v);
    assert_int_equal(v[0], 0);
    assert_int_equal(v[6], 1);                       /* VER_NT_WORKSTATION */

    /* A reboot with another configured build: both follow, as the dump header does. */
    bcsim_sim_config(sim)->build_number = 26100;
    assert_int_equal(bcsim_sim_reboot(sim), 0);
    assert_int_equal(sr_build_number(), 0xF0000000u | 26100u);
    sr_get_version(sr_size_of_osversioninfo(1), v);
    assert_int_equal(v[3], 26100);

    /* bcsim's choice (src/nt/rtl_version.c): a wrong size or NULL is STATUS_INVALID_PARAMETER. */
    sr_get_version(12, v);
    assert_int_equal(v[0], 0xC000000Du);
    assert_int_equal(v[1], 0xFFFFFFFFu);             /* nothing written */
    sr_get_version(0, v);
    assert_int_equal(v[0], 0xC000000Du);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* ---- MmGetSystemRoutineAddress (wdk-surface.md 3.13) ------------------------------------------------- */

static void routine_lookup_resolves_every_required_name(void **state)
{
    (void)state;
    const char *first = NULL;
    int bad = sr_check_resolve(&first);
    if (bad)
        printf("first unresolved name: %s\n", first);
    assert_int_equal(bad, 0);
    assert_ptr_equal(sr_lookup("KeBugCheckEx"), sr_address_of_KeBugCheckEx());
    /* a data export that drivers reach through a pointer resolves to what the pointer points at */
    assert_ptr_equal(sr_lookup("KiBugCheckData"), sr_kibugcheckdata_value());
}

static void routine_lookup_of_unknown_or_non_kernel_names_is_null_and_noted(void **state)
{
    (void)state;
    uint64_t misses = bcsim__routine_lookup_count(0);
    uint64_t hits = bcsim__routine_lookup_count(1);
    assert_null(sr_lookup("KeNoSuchRoutine"));
    assert_null(sr_lookup("kebugcheckex"));                  /* names are case-sensitive */
    assert_null(sr_lookup("AuxKlibInitialize"));             /* Aux_Klib.lib, not the kernel */
    assert_null(sr_lookup("RtlStringCbPrintfA"));            /* ntstrsafe is inline in the WDK */
    assert_null(sr_lookup("PAGED_CODE"));
    assert_null(sr_lookup(""));
    assert_non_null(sr_lookup("KeBugCheckEx"));
    assert_int_equal(bcsim__routine_lookup_count(0), misses + 6);
    assert_int_equal(bcsim__routine_lookup_count(1), hits + 1);
}

/* Learn: MmGetSystemRoutineAddress is PASSIVE_LEVEL; above it the gate reports 0x121 P1 = 2. */
static void routine_lookup_above_passive_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__irql_set(BCSIM_IRQL_DISPATCH);
    assert_non_null(sr_lookup("KeBugCheckEx"));
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    unsigned found = 0;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        if (v->id == BCSIM_V_IRQL_TOO_HIGH && v->bugcheck_code == 0x121 && v->bugcheck_params[0] == 2)
            found++;
    }
    assert_int_equal(found, 1);
}

/* ---- port I/O is routed to the device model ---------------------------------------------------------- */

static void port_reads_are_scripted_and_unscripted_ports_read_all_ones(void **state)
{
    bcsim_sim_t *sim = *state;
    const uint64_t values[] = { 0x5A, 0x33 };
    assert_int_equal(bcsim_sim_port_script(sim, 0x60, false, values, 2), 0);
    assert_int_equal(sr_read_port(0x60), 0x5A);
    assert_int_equal(sr_inbyte(0x60), 0x33);
    assert_int_equal(sr_read_port(0x60), 0x33);
    assert_int_equal(sr_read_port(0x61), 0xFF);
    sr_write_port(0x80, 0x12);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(list_helpers_keep_windows_order),
        BCSIM_TEST(version_is_the_configured_build),
        BCSIM_TEST(corrupted_list_removal_bug_checks_0x139),
        BCSIM_TEST(bitmap_routines_follow_learn),
        BCSIM_TEST(compare_memory_counts_matching_prefix),
        BCSIM_TEST(wide_crt_works_on_16_bit_units),
        BCSIM_TEST(interlocked_routines_return_windows_values),
        BCSIM_TEST(one_processor_one_process),
        BCSIM_TEST(system_range_start_is_below_driver_visible_memory),
        BCSIM_TEST(routine_lookup_resolves_every_required_name),
        BCSIM_TEST(routine_lookup_of_unknown_or_non_kernel_names_is_null_and_noted),
        BCSIM_TEST(routine_lookup_above_passive_is_reported),
        BCSIM_TEST(port_reads_are_scripted_and_unscripted_ports_read_all_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
