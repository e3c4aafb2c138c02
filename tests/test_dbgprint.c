/*
 * tests/test_dbgprint.c — the debug-output log of src/machine/dbglog.c behind DbgPrint & co.
 * (src/nt/dbg.c): the machine's log, line delivery to the sink, the component filter and the
 * IRQL findings (dispatcher-model.md 8.2). Driven by tests/drivers/dbgprint_drv.c.
 *
 * Learn pages cited: "DbgPrint function", "DbgPrintEx function" (Unicode codes only at
 * PASSIVE_LEVEL, IRQL <= DIRQL, 512 bytes per call), "vDbgPrintExWithPrefix function",
 * "Reading and Filtering Debugging Messages" (importance bit field, default masks), "KdPrint
 * macro" (checked builds only).
 */
#include "bcsim_test.h"
#include "drivers/dbgprint_drv.h"
#include "report/fmt.h"
#include "internal.h"
#include "machine/machine.h"

#define MAX_LINES 16
static char lines[MAX_LINES][600];
static int nlines;

static void sink(void *ctx, const char *line)
{
    (void)ctx;
    if (nlines < MAX_LINES)
        snprintf(lines[nlines], sizeof(lines[nlines]), "%s", line);
    nlines++;
}

static int setup(void **state)
{
    if (bcsim_test_setup(state))
        return -1;
    bcsim__dbglog_reset();
    nlines = 0;
    bcsim_sim_config(*state)->dbgprint_sink = sink;
    /* These cases check Windows' filter (knob dbgprint.filter = windows); bcsim's default
     * shows everything (bcsim_default_shows_every_message). */
    bcsim_sim_config(*state)->dbgprint_filter_windows = true;
    return 0;
}

#define TEST(fn) cmocka_unit_test_setup_teardown(fn, setup, bcsim_test_teardown)

static const uint64_t P0[4] = { 1, 2, 3, 4 };

/* ---- the sink: complete lines ------------------------------------------------------------------ */

static void error_level_lines_reach_the_sink(void **state)
{
    dp_print_ex(DP_IHVDRIVER, 0, "hello\n");
    assert_int_equal(nlines, 1);
    assert_string_equal(lines[0], "hello");
    assert_string_equal(bcsim_sim_dbgprint(*state), "hello\n");
}

static void partial_lines_are_joined_until_newline(void **state)
{
    (void)state;
    dp_print_ex(DP_IHVDRIVER, 0, "part1 ");
    assert_int_equal(nlines, 0);
    dp_print_ex(DP_IHVDRIVER, 0, "part2\nline2\nrest");
    assert_int_equal(nlines, 2);
    assert_string_equal(lines[0], "part1 part2");
    assert_string_equal(lines[1], "line2");
    bcsim__dbglog_flush();
    assert_int_equal(nlines, 3);
    assert_string_equal(lines[2], "rest");
    bcsim__dbglog_flush();
    assert_int_equal(nlines, 3);
}

static void crlf_ends_one_line(void **state)
{
    (void)state;
    dp_print_ex(DP_IHVDRIVER, 0, "a\r\n\nb\n");
    assert_int_equal(nlines, 3);
    assert_string_equal(lines[0], "a");
    assert_string_equal(lines[1], "");
    assert_string_equal(lines[2], "b");
}

/* ---- filtering (Learn defaults: only DPFLTR_ERROR_LEVEL is shown) ------------------------------- */

/* bcsim's default (dbgprint.filter = all): a developer sees every line the driver printed. */
static void bcsim_default_shows_every_message(void **state)
{
    bcsim_sim_config(*state)->dbgprint_filter_windows = false;
    dp_print("dbgprint\n");
    dp_print_ex(DP_IHVDRIVER, 3, "info\n");
    assert_int_equal(nlines, 2);
    assert_string_equal(lines[0], "dbgprint");
    assert_string_equal(lines[1], "info");
}

static void default_filter_shows_only_error_level(void **state)
{
    dp_print("dbgprint\n");                         /* DEFAULT component, INFO level */
    dp_print_ex(DP_IHVDRIVER, 1, "warning\n");
    dp_print_ex(DP_IHVDRIVER, 3, "info\n");
    dp_print_ex(DP_IHVDRIVER, 0x80000004u, "mask-info\n");
    dp_print_ex(DP_IHVDRIVER, 0x80000001u, "mask-error\n");
    dp_print_ex(7 /* DPFLTR_CDROM_ID */, 0, "cdrom-error\n");
    assert_int_equal(nlines, 2);
    assert_string_equal(lines[0], "mask-error");
    assert_string_equal(lines[1], "cdrom-error");
    /* the machine's log keeps every message, shown or not */
    assert_string_equal(bcsim_sim_dbgprint(*state),
                        "dbgprint\nwarning\ninfo\nmask-info\nmask-error\ncdrom-error\n");
    assert_int_equal(dp_query_filter(DP_DEFAULT, 3), 0);
    assert_int_equal(dp_query_filter(DP_IHVDRIVER, 0), 1);
}

static void filter_state_changes_what_is_shown(void **state)
{
    (void)state;
    assert_int_equal(dp_set_filter(DP_DEFAULT, 3, 1), 0);
    assert_int_equal(dp_query_filter(DP_DEFAULT, 3), 1);
    dp_print("shown\n");
    assert_int_equal(dp_set_filter(DP_DEFAULT, 3, 0), 0);
    dp_print("hidden\n");
    assert_int_equal(dp_set_filter(DP_IHVDRIVER, 0x8000000Fu, 1), 0);  /* DPFLTR_MASK: levels 0..3 */
    dp_print_ex(DP_IHVDRIVER, 2, "trace\n");
    assert_int_equal(nlines, 2);
    assert_string_equal(lines[0], "shown");
    assert_string_equal(lines[1], "trace");
    assert_int_equal(dp_set_filter(100000, 0, 1), (long)(int32_t)0xC000000D);
    assert_int_equal(dp_query_filter(100000, 0), (long)(int32_t)0xC000000D);
}

/* Hidden messages do not break a shown partial line. */
static void hidden_text_is_not_part_of_shown_lines(void **state)
{
    (void)state;
    dp_print_ex(DP_IHVDRIVER, 0, "abc");
    dp_print_ex(DP_IHVDRIVER, 3, "zzz\n");
    dp_print_ex(DP_IHVDRIVER, 0, "def\n");
    assert_int_equal(nlines, 1);
    assert_string_equal(lines[0], "abcdef");
}

/* ---- formats, prefix, limits ---------------------------------------------------------------------- */

static void vdbgprint_and_prefix_use_windows_formats(void **state)
{
    (void)state;
    dp_vprint("PFX: ", 7);
    dp_vprint(NULL, 8);
    assert_int_equal(nlines, 2);
    assert_string_equal(lines[0], "PFX: v=7 1234567890");
    assert_string_equal(lines[1], "v=8 bbccddee");      /* %lx is 32-bit */
}

static void unicode_at_passive_is_quiet(void **state)
{
    dp_print_wide("p:");
    assert_int_equal(nlines, 1);
    assert_string_equal(lines[0], "p:w\xc3\xa9|us");
    assert_int_equal(bcsim_sim_violation_count(*state), 0);
}

static void one_call_transmits_at_most_512_bytes(void **state)
{
    dp_print_long();
    assert_int_equal(strlen(bcsim_sim_dbgprint(*state)), 511);
    bcsim__dbglog_flush();
    assert_int_equal(nlines, 1);
    assert_int_equal(strlen(lines[0]), 511);
}

static void text_after_an_embedded_nul_is_not_transmitted(void **state)
{
    dp_print_nul();
    assert_string_equal(bcsim_sim_dbgprint(*state), "before");
}

static void kdprint_is_active_in_checked_builds(void **state)
{
    dp_kdprint();
    assert_string_equal(bcsim_sim_dbgprint(*state), "kd 1\nkdex 2\n");
    assert_int_equal(nlines, 1);                       /* KdPrint is DbgPrint: INFO, hidden */
    assert_string_equal(lines[0], "kdex 2");
    assert_int_equal(dp_debugger_not_present(), 1);
}

/* ---- the IRQL rules inside a bug-check callback (HIGH_LEVEL) ---------------------------------------- */

/* Learn (DbgPrintEx): the Unicode format codes only at PASSIVE_LEVEL. */
static void unicode_conversion_in_callback_is_a_violation(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_true(dp_register(1));
    const bcsim_result_t *res = NULL;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P0, &res), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DBGPRINT_UNICODE_AT_HIGH_IRQL), 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DBGPRINT_ABOVE_DIRQL), 1);
    assert_non_null(strstr(res->dbgprint, "cb wide\n"));
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        if (v->id == BCSIM_V_DBGPRINT_UNICODE_AT_HIGH_IRQL) {
            assert_int_equal(v->severity, BCSIM_SEV_VIOLATION);
            assert_non_null(strstr(v->file, "dbgprint_drv.c"));
        }
    }
}

/* Plain text at HIGH_LEVEL: logged, shown, and only a warning (above DIRQL). */
static void plain_text_in_callback_is_only_a_warning(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_true(dp_register(2));
    const bcsim_result_t *res = NULL;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P0, &res), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DBGPRINT_UNICODE_AT_HIGH_IRQL), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DBGPRINT_ABOVE_DIRQL), 1);
    assert_int_equal(bcsim_test_violations(sim), 0);
    assert_string_equal(res->dbgprint, "cb plain 5\n");
    assert_int_equal(nlines, 1);
    assert_string_equal(lines[0], "cb plain 5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(error_level_lines_reach_the_sink),
        TEST(partial_lines_are_joined_until_newline),
        TEST(crlf_ends_one_line),
        TEST(bcsim_default_shows_every_message),
        TEST(default_filter_shows_only_error_level),
        TEST(filter_state_changes_what_is_shown),
        TEST(hidden_text_is_not_part_of_shown_lines),
        TEST(vdbgprint_and_prefix_use_windows_formats),
        TEST(unicode_at_passive_is_quiet),
        TEST(one_call_transmits_at_most_512_bytes),
        TEST(text_after_an_embedded_nul_is_not_transmitted),
        TEST(kdprint_is_active_in_checked_builds),
        TEST(unicode_conversion_in_callback_is_a_violation),
        TEST(plain_text_in_callback_is_only_a_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
