/*
 * tests/test_strsafe.c — ntstrsafe.h and the wdm.h counted-string routines (src/nt/ntstrsafe.c,
 * src/nt/rtl_string.c), exercised by a test driver compiled against the shim
 * (tests/drivers/strings_drv.c), and their IRQL rules (dispatcher-model.md 8.2).
 *
 * Learn pages cited: the RtlStringCb* / RtlStringCch* and RtlUnicodeString* pages (status
 * codes, dwFlags, "IRQL: PASSIVE_LEVEL"), RtlInitUnicodeString (<= DISPATCH_LEVEL).
 */
#include "bcsim_test.h"
#include "drivers/strings_drv.h"
#include "internal.h"
#include "verifier/verifier.h"

static void expect_no_failures(int fails)
{
    for (int i = 0; i < SdFailCount && i < 256; i++)
        printf("  failed check at strings_drv.c:%d\n", SdFailLines[i]);
    assert_int_equal(fails, 0);
}

#define GROUP(fn)                        \
    static void fn##_behaves_as_documented(void **state) \
    {                                    \
        sd_reset();                      \
        expect_no_failures(sd_##fn());   \
        assert_int_equal(bcsim_test_violations(*state), 0); \
    }

GROUP(run_copy)
GROUP(run_cat)
GROUP(run_printf)
GROUP(run_length)
GROUP(run_ex)
GROUP(run_wide)
GROUP(run_unicode_string)
GROUP(run_rtl)

/* Allocating conversions take paged pool and RtlFree* returns it. */
static void conversions_allocate_and_free_pool(void **state)
{
    (void)state;
    sd_reset();
    expect_no_failures(sd_run_rtl());
    /* every allocation made by the group was freed again: no POOL_* findings either */
    assert_int_equal(bcsim_test_count(*state, BCSIM_V_POOL_INVALID_FREE), 0);
}

/* KdPrint / KdPrintEx are active only when DBG is non-zero (the WDK's definition). */
static void kdprint_is_compiled_out_without_dbg(void **state)
{
    (void)state;
    assert_int_equal(sd_kdprint_compiled_out(), 0);
}

static const bcsim_violation_t *find(bcsim_sim_t *sim, uint32_t id)
{
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++)
        if (bcsim_sim_violation(sim, i)->id == id)
            return bcsim_sim_violation(sim, i);
    return NULL;
}

/* dispatcher-model.md 8.2 (updated): the functions are compiled into the driver, so Driver
 * Verifier never sees the call and Windows raises no bug check for it: the printf family
 * above PASSIVE_LEVEL is a warning, never 0x121. */
static void printf_family_above_passive_is_a_warning(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__irql_set(BCSIM_IRQL_HIGH);
    assert_int_equal(sd_printf_once(), 0);
    assert_int_equal(sd_unicode_printf_once(), 0);
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL), 2);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_IRQL_TOO_HIGH), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
    const bcsim_violation_t *v = find(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL);
    assert_int_equal(v->bugcheck_code, 0);
    assert_non_null(strstr(v->message, "RtlStringCbPrintfA"));
    assert_non_null(strstr(v->file, "strings_drv.c"));
}

/* ... with verifier.bugcheck_on = all the warning still raises nothing: the call returns. */
static void printf_warning_never_raises_a_bugcheck(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->verifier_bugcheck_on = BCSIM_BUGCHECK_ON_ALL;
    bcsim__irql_set(BCSIM_IRQL_HIGH);
    assert_int_equal(sd_printf_once(), 0);
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL), 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_NESTED_BUGCHECK), 0);
}

/* A character-width conversion above APC_LEVEL is a violation (the NLS tables behind it are
 * pageable), naming 0xD1 as what a paged-out table would cause; same-width formats are not. */
static void width_conversion_above_apc_is_a_violation(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__irql_set(BCSIM_IRQL_HIGH);
    for (int i = 0; i < 3; i++)
        assert_int_equal(sd_printf_conversion_once(i), 0);
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_CONVERSION_AT_HIGH_IRQL), 3);
    const bcsim_violation_t *v = find(sim, BCSIM_V_STRSAFE_CONVERSION_AT_HIGH_IRQL);
    assert_int_equal(v->bugcheck_code, 0xD1);
    assert_non_null(strstr(v->message, "pageable"));
    assert_non_null(strstr(v->file, "strings_drv.c"));
}

static void same_width_formats_at_high_irql_are_only_warnings(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__irql_set(BCSIM_IRQL_HIGH);
    assert_int_equal(sd_printf_conversion_once(3), 0);
    assert_int_equal(sd_printf_conversion_once(4), 0);
    bcsim__irql_set(BCSIM_IRQL_APC);
    assert_int_equal(sd_printf_conversion_once(0), 0);      /* a conversion at APC_LEVEL */
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_CONVERSION_AT_HIGH_IRQL), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL), 3);
}

/* The copy, cat and length functions: a warning by default ... */
static void copy_family_above_passive_is_a_warning(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__irql_set(BCSIM_IRQL_DISPATCH);
    assert_int_equal(sd_copy_once(), 0);
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL), 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_IRQL_TOO_HIGH), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
    assert_non_null(strstr(find(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL)->message, "RtlStringCbCopyA"));
}

/* ... and a violation with verifier.strsafe_copy = violation (still no bug-check code). */
static void copy_family_violation_with_knob(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->verifier_strsafe_copy_violation = true;
    bcsim__irql_set(BCSIM_IRQL_HIGH);
    assert_int_equal(sd_copy_once(), 0);
    assert_int_equal(sd_printf_once(), 0);                  /* printf stays a warning */
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_STRSAFE_AT_HIGH_IRQL), 1);
    const bcsim_violation_t *v = find(sim, BCSIM_V_STRSAFE_COPY_AT_HIGH_IRQL);
    assert_non_null(v);
    assert_int_equal(v->bugcheck_code, 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_IRQL_TOO_HIGH), 0);
}

/* RtlInitUnicodeString: <= DISPATCH_LEVEL (Learn). */
static void init_unicode_string_limit_is_dispatch(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__irql_set(BCSIM_IRQL_DISPATCH);
    sd_init_unicode_once();
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    bcsim__irql_set(BCSIM_IRQL_HIGH);
    sd_init_unicode_once();
    bcsim__irql_set(BCSIM_IRQL_PASSIVE);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_IRQL_TOO_HIGH), 1);
}

static void everything_is_quiet_at_passive(void **state)
{
    bcsim_sim_t *sim = *state;
    sd_printf_once();
    sd_copy_once();
    sd_unicode_printf_once();
    sd_init_unicode_once();
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(run_copy_behaves_as_documented),
        BCSIM_TEST(run_cat_behaves_as_documented),
        BCSIM_TEST(run_printf_behaves_as_documented),
        BCSIM_TEST(run_length_behaves_as_documented),
        BCSIM_TEST(run_ex_behaves_as_documented),
        BCSIM_TEST(run_wide_behaves_as_documented),
        BCSIM_TEST(run_unicode_string_behaves_as_documented),
        BCSIM_TEST(run_rtl_behaves_as_documented),
        BCSIM_TEST(conversions_allocate_and_free_pool),
        BCSIM_TEST(kdprint_is_compiled_out_without_dbg),
        BCSIM_TEST(printf_family_above_passive_is_a_warning),
        BCSIM_TEST(printf_warning_never_raises_a_bugcheck),
        BCSIM_TEST(width_conversion_above_apc_is_a_violation),
        BCSIM_TEST(same_width_formats_at_high_irql_are_only_warnings),
        BCSIM_TEST(copy_family_above_passive_is_a_warning),
        BCSIM_TEST(copy_family_violation_with_knob),
        BCSIM_TEST(init_unicode_string_limit_is_dispatch),
        BCSIM_TEST(everything_is_quiet_at_passive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
