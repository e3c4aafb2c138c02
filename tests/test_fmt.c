/*
 * tests/test_fmt.c — the Windows-semantics formatter of src/report/fmt.c (wdk-surface.md S16).
 *
 * Learn pages cited: "Format specification syntax: printf and wprintf functions", "Size
 * specification" (h, l, ll, I, I32, I64, w), "printf type field characters" (%p, %S, %C, %Z),
 * "DbgPrintEx function" (Unicode conversions), and wdk-surface.md 4 for the WPP extensions.
 */
#include "bcsim_test.h"
#include "report/fmt.h"

#include <limits.h>
#include <uchar.h>

static char out[1024];
static unsigned used;

static int F(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = bcsim__fmt_windows(out, sizeof(out), fmt, ap, &used);
    va_end(ap);
    return n;
}

static int Fn(size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = bcsim__fmt_windows(size ? out : NULL, size, fmt, ap, &used);
    va_end(ap);
    return n;
}

static uint16_t wout[256];

static int W(size_t size, const char16_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = bcsim__fmt_windows_w(wout, size, (const uint16_t *)fmt, ap, &used);
    va_end(ap);
    return n;
}

static int P(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = bcsim__fmt_wpp(out, sizeof(out), fmt, ap, "/src/drv/trace.c", 42, "DrvFn", &used);
    va_end(ap);
    return n;
}

static bool weq(const uint16_t *a, const char16_t *b)
{
    size_t i = 0;
    for (; a[i] && b[i]; i++)
        if (a[i] != b[i])
            return false;
    return a[i] == b[i];
}

/* x64 layouts of UNICODE_STRING / ANSI_STRING (Length @0, MaximumLength @2, Buffer @8). */
typedef struct { uint16_t length, maximum_length; const void *buffer; } counted_t;

/* ---- integers --------------------------------------------------------------------------------- */

static void signed_and_unsigned_decimal(void **state)
{
    (void)state;
    assert_int_equal(F("%d %i %u", -42, 7, 4000000000u), 16);
    assert_string_equal(out, "-42 7 4000000000");
    F("[%5d|%-5d|%05d|%+d|% d|%+d]", 42, 42, -42, 42, 42, -3);
    assert_string_equal(out, "[   42|42   |-0042|+42| 42|-3]");
    F("[%.3d|%.0d|%5.3d|%-5.0d]", 7, 0, -7, 0);
    assert_string_equal(out, "[007|| -007|     ]");
    F("%d %d", INT_MIN, INT_MAX);
    assert_string_equal(out, "-2147483648 2147483647");
    assert_int_equal(used, 0);
}

static void hex_and_octal_with_alternate_form(void **state)
{
    (void)state;
    F("%x %X %#x %#X %#x %o %#o %#o", 0xbeefu, 0xbeefu, 0x1fu, 0x1fu, 0u, 8u, 8u, 0u);
    assert_string_equal(out, "beef BEEF 0x1f 0X1F 0 10 010 0");
    F("[%08x|%#010x|%-#6x|%.6X]", 0xabcu, 0xabcu, 0xau, 0xabcu);
    assert_string_equal(out, "[00000abc|0x00000abc|0xa   |000ABC]");
}

/* Size specification (Learn): l is 32 bits for integers on Windows (LLP64), whatever the
 * caller passed. */
static void l_modifier_is_32_bit(void **state)
{
    (void)state;
    F("%lx|%lX|%lu|%ld", 0x1122334455667788ULL, 0xAABBCCDDEEFF0011ULL, 0x100000001ULL,
      0xFFFFFFFFFFFFFFFFULL);
    assert_string_equal(out, "55667788|EEFF0011|1|-1");
}

static void sized_modifiers_i64_i32_i_ll_z_t_j_h_hh(void **state)
{
    (void)state;
    F("%I64x|%I64d|%llx|%lld|%I32x|%I32d", 0x1122334455667788ULL, -5LL, 0xFFFFFFFFFFULL,
      -1LL, 0x1122334455667788ULL, 0xFFFFFFFFULL);
    assert_string_equal(out, "1122334455667788|-5|ffffffffff|-1|55667788|-1");
    /* I, z, t, j: pointer width, 64 bits on x64 */
    F("%Ix|%IX|%Iu|%Id|%zu|%zx|%td|%jd", 0x123456789AULL, 0xabcdef0123ULL,
      18446744073709551615ULL, -2LL, (size_t)1 << 40, (size_t)0xfeed, (ptrdiff_t)-9,
      (long long)1 << 62);
    assert_string_equal(out, "123456789a|ABCDEF0123|18446744073709551615|-2|1099511627776|feed|"
                             "-9|4611686018427387904");
    F("%hx|%hd|%hu|%hhx|%hhd|%hhu", 0x12345, 0xFFFF, 0x1FFFF, 0x1ff, 0xff, 0x1ff);
    assert_string_equal(out, "2345|-1|65535|ff|-1|255");
}

/* %p (Learn, printf type field characters): the address as hexadecimal digits; on x64
 * Windows 16 upper-case digits without a prefix. */
static void pointer_is_16_uppercase_hex_digits(void **state)
{
    (void)state;
    F("%p|%p|%20p|%-18p|", (void *)0xabc123, NULL, (void *)0x1, (void *)0xFFFFFFFFFFFFFFFFULL);
    assert_string_equal(out, "0000000000ABC123|0000000000000000|    0000000000000001|"
                             "FFFFFFFFFFFFFFFF  |");
}

/* ---- characters and strings --------------------------------------------------------------- */

static void narrow_strings_and_null(void **state)
{
    (void)state;
    F("[%s|%.3s|%-6s|%6s|%s|%hs]", "abc", "abcdef", "ab", "ab", (char *)NULL, "h");
    assert_string_equal(out, "[abc|abc|ab    |    ab|(null)|h]");
    F("%c%c%hc|%3c|%-3c|", 'x', 'y', 'z', 'a', 'b');
    assert_string_equal(out, "xyz|  a|b  |");
    assert_int_equal(used, 0);
}

/* %S, %ls, %ws are wide strings in narrow functions; text is 16-bit units, printed as UTF-8. */
static void wide_strings_convert_to_utf8(void **state)
{
    (void)state;
    F("%S|%ls|%ws|%ws", u"wide", u"ls", u"caf\u00e9", (char16_t *)NULL);
    assert_string_equal(out, "wide|ls|caf\xc3\xa9|(null)");
    assert_true(used & BCSIM__FMT_USED_UNICODE);
    F("%C%wc%lc", (int)u'\u00e9', (int)u'A', (int)u'\u20ac');
    assert_string_equal(out, "\xc3\xa9" "A" "\xe2\x82\xac");
    assert_true(used & BCSIM__FMT_USED_UNICODE);
    /* width counts output bytes in narrow functions; precision counts source units */
    F("[%6ws|%.2ws]", u"\u00e9", u"abc");
    assert_string_equal(out, "[    \xc3\xa9|ab]");
}

static void surrogate_pairs_join_and_lone_surrogates_become_fffd(void **state)
{
    (void)state;
    F("%ws", u"\U0001F600!");
    assert_string_equal(out, "\xf0\x9f\x98\x80!");
    static const uint16_t lone_high[] = { 0xD800, 'a', 0 };
    static const uint16_t lone_low[] = { 'b', 0xDC00, 0 };
    static const uint16_t reversed[] = { 0xDC00, 0xD800, 0 };
    F("%ws|%ws|%ws", lone_high, lone_low, reversed);
    assert_string_equal(out, "\xef\xbf\xbd" "a|b\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd");
    /* a precision that splits a pair leaves a lone high surrogate */
    F("%.1ws", u"\U0001F600");
    assert_string_equal(out, "\xef\xbf\xbd");
    F("%wc", 0xDFFF);
    assert_string_equal(out, "\xef\xbf\xbd");
}

/* %wZ prints Length bytes of a UNICODE_STRING (an odd Length rounds down), %Z an ANSI_STRING;
 * a NULL structure or Buffer prints "(null)". */
static void counted_strings_wz_and_z(void **state)
{
    (void)state;
    static const uint16_t buf[] = { 'k', 'e', 'r', 'n', 'e', 'l' };   /* no terminator */
    counted_t us = { 6, 12, buf };
    counted_t odd = { 7, 12, buf };
    counted_t nullbuf = { 4, 4, NULL };
    counted_t as = { 3, 8, "abcdef" };
    F("[%wZ|%wZ|%wZ|%wZ|%Z|%Z|%10wZ|%.2wZ]", (void *)&us, (void *)&odd, (void *)&nullbuf,
      (void *)NULL, (void *)&as, (void *)NULL, (void *)&us, (void *)&us);
    assert_string_equal(out, "[ker|ker|(null)|(null)|abc|(null)|       ker|ke]");
    assert_true(used & BCSIM__FMT_USED_UNICODE);
    F("%Z", (void *)&as);
    assert_false(used & BCSIM__FMT_USED_UNICODE);
}

/* ---- %n, %%, bad and truncated specifications, NULL format ------------------------------------- */

static void percent_n_is_refused_and_noted(void **state)
{
    (void)state;
    int x = 12345;
    assert_int_equal(F("a%nb%d", &x, 5), 3);
    assert_string_equal(out, "ab5");
    assert_int_equal(x, 12345);
    assert_true(used & BCSIM__FMT_USED_PERCENT_N);
}

static void unknown_and_truncated_specs_print_as_written(void **state)
{
    (void)state;
    F("100%% %y %d", 3);
    assert_string_equal(out, "100% %y 3");
    assert_true(used & BCSIM__FMT_BAD_SPEC);
    F("abc%");
    assert_string_equal(out, "abc%");
    F("x%-08l");
    assert_string_equal(out, "x%-08l");
    F("%I6d");
    assert_string_equal(out, "%I6d");
    F("%!FUNC!");
    assert_string_equal(out, "%!FUNC!");
    assert_int_equal(F(NULL), 6);
    assert_string_equal(out, "(null)");
}

/* ---- widths, precisions, truncation ------------------------------------------------------------ */

static void star_width_and_precision(void **state)
{
    (void)state;
    F("[%*d|%-*d|%*d|%.*s|%.*s|%*.*x]", 5, 42, 4, 1, -4, 2, 2, "abc", -1, "abc", 6, 4, 0xau);
    assert_string_equal(out, "[   42|1   |2   |ab|abc|  000a]");
}

static void truncation_returns_needed_length(void **state)
{
    (void)state;
    assert_int_equal(Fn(5, "hello %s", "world"), 11);
    assert_string_equal(out, "hell");
    assert_int_equal(Fn(1, "abc"), 3);
    assert_string_equal(out, "");
    memset(out, 'Z', 8);
    assert_int_equal(Fn(0, "%d", 12345), 5);   /* size 0: nothing written, length returned */
    assert_int_equal(out[0], 'Z');
}

static void hostile_widths_and_precisions_are_capped(void **state)
{
    (void)state;
    assert_int_equal(Fn(4, "%999999999d", 1), BCSIM_FMT_MAX_WIDTH);
    assert_string_equal(out, "   ");
    assert_int_equal(Fn(4, "%.999999999d", 1), BCSIM_FMT_MAX_WIDTH);
    assert_string_equal(out, "000");
    assert_int_equal(Fn(4, "%*d", INT_MIN, 1), BCSIM_FMT_MAX_WIDTH);
    assert_string_equal(out, "1  ");
    assert_int_equal(Fn(4, "%99999999999999999999s", "x"), BCSIM_FMT_MAX_WIDTH);
    /* many capped fields: the total saturates instead of overflowing */
    char fmt[40 * 8 + 1] = "";
    for (int i = 0; i < 40; i++)
        strcat(fmt, "%65536d");
    int n = Fn(8, fmt, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
               1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    assert_int_equal(n, 40 * 65536);
}

/* ---- floating point (through a format bcsim builds) -------------------------------------------- */

static void floats_use_a_safe_path(void **state)
{
    (void)state;
    F("%f|%.2f|%e|%g|%08.3f|%-8.1f|%+.1f", 1.5, 2.345, 1234.5, 0.0001, -1.5, 2.0, 3.0);
    assert_string_equal(out, "1.500000|2.35|1.234500e+03|0.0001|-001.500|2.0     |+3.0");
    assert_true(used & BCSIM__FMT_USED_FLOAT);
    F("%Lf|%.0E|%G", (long double)0.25, 12345.0, 1e-10);
    assert_string_equal(out, "0.250000|1E+04|1E-10");
    F("%08f|%f", -__builtin_inf(), 1e300);
    assert_int_equal(strncmp(out, "    -inf|1000000000000000052504760255204420248704", 48), 0);
}

/* ---- wide output (the W variants of ntstrsafe) -------------------------------------------------- */

static void wide_mode_swaps_s_and_S(void **state)
{
    (void)state;
    assert_int_equal(W(256, u"%s|%S|%hs|%ls|%c|%C|%wZ|%d", u"w", "n", "h", u"l", (int)u'x',
                       (int)'y', (void *)&(counted_t){ 4, 4, u"ab" }, -7), 17);
    assert_true(weq(wout, u"w|n|h|l|x|y|ab|-7"));
    assert_true(used & BCSIM__FMT_USED_UNICODE);   /* %S and %hs converted narrow text */
    W(256, u"%s", u"\U0001F600\u00e9");
    assert_true(weq(wout, u"\U0001F600\u00e9"));
    /* width counts 16-bit units in wide mode */
    W(256, u"[%4s]", u"\u00e9");
    assert_true(weq(wout, u"[   \u00e9]"));
}

static void wide_mode_truncates_in_units(void **state)
{
    (void)state;
    assert_int_equal(W(4, u"%s", u"abcdef"), 6);
    assert_true(weq(wout, u"abc"));
    assert_int_equal(W(3, u"\U0001F600x"), 3);
    assert_int_equal(wout[0], 0xD83D);
    assert_int_equal(wout[1], 0xDE00);
    assert_int_equal(wout[2], 0);
    assert_int_equal(W(0, u"%d", 123), 3);
    assert_int_equal(W(0, NULL), 6);
    assert_int_equal(W(8, NULL), 6);
    assert_true(weq(wout, u"(null)"));
}

/* ---- WPP extensions (wdk-surface.md 4) ------------------------------------------------------------ */

static void wpp_extensions(void **state)
{
    (void)state;
    struct xstr { const void *buf; short len; } hex = { "\x01\xab\xff", 3 };
    bcsim_guid_t g = { 0x12345678, 0x9abc, 0xdef0, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    unsigned char ip[4] = { 192, 168, 1, 20 };
    uint32_t ipv;
    memcpy(&ipv, ip, 4);
    P("%!FUNC! %!LINE! %!FILE! %!STATUS! %!STATUS! %!bool! %!bool! %!IPADDR! %!GUID! "
      "%!HEXDUMP! %!WAITTIME! %d %!FUNC",
      (int32_t)0xC000000D, 0x12345678, 1, 0, ipv, &g, hex, 0xABULL, 9);
    assert_string_equal(out, "DrvFn 42 trace.c STATUS_INVALID_PARAMETER 0x12345678 TRUE FALSE "
                             "192.168.1.20 {12345678-9abc-def0-0102-030405060708} 01 AB FF "
                             "0xAB 9 %!FUNC");
    assert_string_equal(bcsim__status_name((int32_t)0x80000005), "STATUS_BUFFER_OVERFLOW");
    assert_null(bcsim__status_name(0x1234));
}

/* ---- the UTF helpers ------------------------------------------------------------------------------- */

static void utf_conversions(void **state)
{
    (void)state;
    char b[8];
    assert_int_equal(bcsim__utf16_to_utf8(b, sizeof(b), (const uint16_t *)u"\u20ac\u20ac\u20ac", 3), 9);
    assert_string_equal(b, "\xe2\x82\xac\xe2\x82\xac\xe2");   /* byte-truncated at 7 */
    uint16_t w[8];
    assert_int_equal(bcsim__utf8_to_utf16(w, 8, "a\xff\xc3\xa9\xf0\x9f\x98\x80", 8), 5);
    assert_int_equal(w[0], 'a');
    assert_int_equal(w[1], 0xFFFD);
    assert_int_equal(w[2], 0xE9);
    assert_int_equal(w[3], 0xD83D);
    assert_int_equal(w[4], 0xDE00);
    assert_int_equal(w[5], 0);
    /* overlong and surrogate encodings are invalid */
    assert_int_equal(bcsim__utf8_to_utf16(w, 8, "\xc0\xaf\xed\xa0\x80", 5), 5);
    for (int i = 0; i < 5; i++)
        assert_int_equal(w[i], 0xFFFD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signed_and_unsigned_decimal),
        cmocka_unit_test(hex_and_octal_with_alternate_form),
        cmocka_unit_test(l_modifier_is_32_bit),
        cmocka_unit_test(sized_modifiers_i64_i32_i_ll_z_t_j_h_hh),
        cmocka_unit_test(pointer_is_16_uppercase_hex_digits),
        cmocka_unit_test(narrow_strings_and_null),
        cmocka_unit_test(wide_strings_convert_to_utf8),
        cmocka_unit_test(surrogate_pairs_join_and_lone_surrogates_become_fffd),
        cmocka_unit_test(counted_strings_wz_and_z),
        cmocka_unit_test(percent_n_is_refused_and_noted),
        cmocka_unit_test(unknown_and_truncated_specs_print_as_written),
        cmocka_unit_test(star_width_and_precision),
        cmocka_unit_test(truncation_returns_needed_length),
        cmocka_unit_test(hostile_widths_and_precisions_are_capped),
        cmocka_unit_test(floats_use_a_safe_path),
        cmocka_unit_test(wide_mode_swaps_s_and_S),
        cmocka_unit_test(wide_mode_truncates_in_units),
        cmocka_unit_test(wpp_extensions),
        cmocka_unit_test(utf_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
