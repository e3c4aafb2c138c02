/*
 * tests/drivers/strings_drv.c — a test driver for ntstrsafe.h and the counted-string routines,
 * written like real driver code against the shim (driver profile, -fshort-wchar: L"" is
 * 16-bit). Each sd_run_* function checks one group of documented behaviours and returns the
 * number of failed checks; the lines of failed checks are in SdFailLines for the harness.
 *
 * Learn pages cited: the RtlStringCb* / RtlStringCch* function pages (return values, dwFlags),
 * the RtlUnicodeString* pages, RtlInitUnicodeString / WdmlibRtlInitUnicodeStringEx,
 * RtlCopyUnicodeString, RtlAppendUnicodeToString, RtlUnicodeStringToAnsiString,
 * RtlIntegerToUnicodeString, RtlUnicodeStringToInteger, RtlCharToInteger.
 */
#include <ntddk.h>
#include <ntstrsafe.h>

int SdFailLines[256];
int SdFailCount;

static int fails;

static void sd_fail(int line)
{
    if (SdFailCount < (int)RTL_NUMBER_OF(SdFailLines))
        SdFailLines[SdFailCount] = line;
    SdFailCount++;
    fails++;
}

#define CHECK(cond) do { if (!(cond)) sd_fail(__LINE__); } while (0)
#define BEGIN() (fails = 0)

static BOOLEAN streq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static BOOLEAN wcseq(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static BOOLEAN all(const void *p, size_t n, UCHAR v)
{
    for (size_t i = 0; i < n; i++)
        if (((const UCHAR *)p)[i] != v)
            return FALSE;
    return TRUE;
}

void sd_reset(void)
{
    SdFailCount = 0;
}

/* ---- Copy, CopyN ------------------------------------------------------------------------------ */

int sd_run_copy(void)
{
    char d[16];
    BEGIN();
    /* STATUS_SUCCESS: copied without truncation, null-terminated */
    CHECK(RtlStringCchCopyA(d, sizeof(d), "abc") == STATUS_SUCCESS && streq(d, "abc"));
    CHECK(RtlStringCchCopyA(d, 4, "abc") == STATUS_SUCCESS && streq(d, "abc"));
    CHECK(RtlStringCbCopyA(d, 4, "abc") == STATUS_SUCCESS && streq(d, "abc"));
    /* STATUS_BUFFER_OVERFLOW: truncated, null-terminated */
    CHECK(RtlStringCchCopyA(d, 3, "abc") == STATUS_BUFFER_OVERFLOW && streq(d, "ab"));
    CHECK(RtlStringCbCopyA(d, 1, "abc") == STATUS_BUFFER_OVERFLOW && d[0] == '\0');
    /* STATUS_INVALID_PARAMETER: size 0 or above NTSTRSAFE_MAX_CCH; destination untouched */
    RtlFillMemory(d, sizeof(d), 'x');
    CHECK(RtlStringCchCopyA(d, 0, "abc") == STATUS_INVALID_PARAMETER && all(d, sizeof(d), 'x'));
    CHECK(RtlStringCchCopyA(d, (size_t)NTSTRSAFE_MAX_CCH + 1, "abc") == STATUS_INVALID_PARAMETER &&
          all(d, sizeof(d), 'x'));
    CHECK(RtlStringCbCopyA(d, (size_t)NTSTRSAFE_MAX_CCH + 1, "abc") == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCopyA(d, (size_t)NTSTRSAFE_MAX_CCH, "ok") == STATUS_SUCCESS && streq(d, "ok"));
    /* NULL pointers */
    CHECK(RtlStringCchCopyA(d, sizeof(d), NULL) == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCopyA(NULL, sizeof(d), "a") == STATUS_INVALID_PARAMETER);

    /* CopyN: at most N characters; the source need not be terminated within N */
    static const char xyz[3] = { 'x', 'y', 'z' };
    CHECK(RtlStringCchCopyNA(d, sizeof(d), "abcdef", 3) == STATUS_SUCCESS && streq(d, "abc"));
    CHECK(RtlStringCchCopyNA(d, sizeof(d), xyz, 3) == STATUS_SUCCESS && streq(d, "xyz"));
    CHECK(RtlStringCchCopyNA(d, sizeof(d), "ab", 10) == STATUS_SUCCESS && streq(d, "ab"));
    CHECK(RtlStringCchCopyNA(d, 3, "abcdef", 3) == STATUS_BUFFER_OVERFLOW && streq(d, "ab"));
    CHECK(RtlStringCchCopyNA(d, sizeof(d), "abc", (size_t)NTSTRSAFE_MAX_CCH + 1) ==
          STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCbCopyNA(d, sizeof(d), "abcdef", 2) == STATUS_SUCCESS && streq(d, "ab"));
    CHECK(RtlStringCchCopyNA(d, sizeof(d), "abc", 0) == STATUS_SUCCESS && streq(d, ""));
    return fails;
}

/* ---- Cat, CatN ----------------------------------------------------------------------------------- */

int sd_run_cat(void)
{
    char d[8];
    BEGIN();
    RtlStringCchCopyA(d, sizeof(d), "ab");
    CHECK(RtlStringCchCatA(d, sizeof(d), "cd") == STATUS_SUCCESS && streq(d, "abcd"));
    CHECK(RtlStringCchCatA(d, sizeof(d), "efgh") == STATUS_BUFFER_OVERFLOW && streq(d, "abcdefg"));
    /* "the destination buffer is already full": no terminator inside cchDest */
    RtlFillMemory(d, sizeof(d), 'x');
    CHECK(RtlStringCchCatA(d, sizeof(d), "a") == STATUS_INVALID_PARAMETER && all(d, sizeof(d), 'x'));
    RtlStringCchCopyA(d, sizeof(d), "abc");
    CHECK(RtlStringCchCatA(d, 3, "d") == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCatA(d, 0, "d") == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCatA(d, sizeof(d), NULL) == STATUS_INVALID_PARAMETER && streq(d, "abc"));
    CHECK(RtlStringCchCatA(d, 4, "") == STATUS_SUCCESS && streq(d, "abc"));
    CHECK(RtlStringCbCatA(d, 5, "de") == STATUS_BUFFER_OVERFLOW && streq(d, "abcd"));

    RtlStringCchCopyA(d, sizeof(d), "ab");
    CHECK(RtlStringCchCatNA(d, sizeof(d), "cdef", 2) == STATUS_SUCCESS && streq(d, "abcd"));
    CHECK(RtlStringCbCatNA(d, 6, "xyz", 3) == STATUS_BUFFER_OVERFLOW && streq(d, "abcdx"));
    CHECK(RtlStringCchCatNA(d, sizeof(d), "q", (size_t)NTSTRSAFE_MAX_CCH + 1) ==
          STATUS_INVALID_PARAMETER && streq(d, "abcdx"));
    return fails;
}

/* ---- Printf, VPrintf ------------------------------------------------------------------------------ */

static NTSTATUS vp(char *d, size_t cch, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    NTSTATUS st = RtlStringCchVPrintfA(d, cch, fmt, ap);
    va_end(ap);
    return st;
}

static NTSTATUS vpw(WCHAR *d, size_t cb, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    NTSTATUS st = RtlStringCbVPrintfW(d, cb, fmt, ap);
    va_end(ap);
    return st;
}

int sd_run_printf(void)
{
    char d[24];
    BEGIN();
    CHECK(RtlStringCchPrintfA(d, sizeof(d), "%d-%s", 5, "x") == STATUS_SUCCESS && streq(d, "5-x"));
    CHECK(RtlStringCchPrintfA(d, 4, "%s", "abc") == STATUS_SUCCESS && streq(d, "abc"));
    CHECK(RtlStringCchPrintfA(d, 4, "%s", "abcdef") == STATUS_BUFFER_OVERFLOW && streq(d, "abc"));
    CHECK(RtlStringCbPrintfA(d, 1, "x") == STATUS_BUFFER_OVERFLOW && d[0] == '\0');
    /* Windows format semantics: %lx is 32-bit, %I64x 64-bit, %ws wide, %p 16 digits */
    CHECK(RtlStringCbPrintfA(d, sizeof(d), "%lx", 0x1122334455667788ULL) == STATUS_SUCCESS &&
          streq(d, "55667788"));
    CHECK(RtlStringCbPrintfA(d, sizeof(d), "%I64X", 0xABCDULL << 32) == STATUS_SUCCESS &&
          streq(d, "ABCD00000000"));
    CHECK(RtlStringCbPrintfA(d, sizeof(d), "%ws", L"wide") == STATUS_SUCCESS && streq(d, "wide"));
    CHECK(RtlStringCbPrintfA(d, sizeof(d), "%p", (PVOID)0x10) == STATUS_SUCCESS &&
          streq(d, "0000000000000010"));
    RtlFillMemory(d, sizeof(d), 'x');
    CHECK(RtlStringCchPrintfA(d, 0, "a") == STATUS_INVALID_PARAMETER && all(d, sizeof(d), 'x'));
    CHECK(RtlStringCchPrintfA(d, sizeof(d), NULL) == STATUS_INVALID_PARAMETER);
    CHECK(vp(d, sizeof(d), "%u/%c", 7u, 'z') == STATUS_SUCCESS && streq(d, "7/z"));
    CHECK(vp(d, 3, "%u", 12345u) == STATUS_BUFFER_OVERFLOW && streq(d, "12"));
    return fails;
}

/* ---- Length --------------------------------------------------------------------------------------- */

int sd_run_length(void)
{
    size_t n = 99;
    BEGIN();
    CHECK(RtlStringCchLengthA("abc", 4, &n) == STATUS_SUCCESS && n == 3);
    CHECK(RtlStringCchLengthA("abc", 100, NULL) == STATUS_SUCCESS);
    n = 99;
    CHECK(RtlStringCchLengthA("abc", 3, &n) == STATUS_INVALID_PARAMETER && n == 0);
    CHECK(RtlStringCchLengthA("", 0, &n) == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchLengthA(NULL, 4, &n) == STATUS_INVALID_PARAMETER && n == 0);
    CHECK(RtlStringCchLengthA("abc", (size_t)NTSTRSAFE_MAX_CCH + 1, &n) == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCbLengthA("abcd", 5, &n) == STATUS_SUCCESS && n == 4);
    CHECK(RtlStringCbLengthW(L"abc", 8, &n) == STATUS_SUCCESS && n == 6);
    CHECK(RtlStringCbLengthW(L"abc", 7, &n) == STATUS_INVALID_PARAMETER && n == 0);
    CHECK(RtlStringCchLengthW(L"abc", 4, &n) == STATUS_SUCCESS && n == 3);
    CHECK(RtlStringCbLengthW(L"abc", (size_t)NTSTRSAFE_MAX_CCH * sizeof(WCHAR) + 2, &n) ==
          STATUS_INVALID_PARAMETER);
    return fails;
}

/* ---- the Ex variants: out-parameters and dwFlags --------------------------------------------------- */

int sd_run_ex(void)
{
    char d[10];
    char *end = NULL;
    size_t rem = 0;
    BEGIN();
    /* ppszDestEnd points at the terminator; remaining counts unused characters incl. it */
    CHECK(RtlStringCchCopyExA(d, sizeof(d), "abc", &end, &rem, 0) == STATUS_SUCCESS &&
          end == d + 3 && rem == 7);
    CHECK(RtlStringCchCatExA(d, sizeof(d), "de", &end, &rem, 0) == STATUS_SUCCESS &&
          end == d + 5 && rem == 5 && streq(d, "abcde"));
    CHECK(RtlStringCchCopyExA(d, 4, "abcdef", &end, &rem, 0) == STATUS_BUFFER_OVERFLOW &&
          end == d + 3 && rem == 1 && streq(d, "abc"));

    /* STRSAFE_FILL_BEHIND_NULL: on success the rest of the buffer gets the fill byte */
    RtlFillMemory(d, sizeof(d), 'x');
    CHECK(RtlStringCchCopyExA(d, sizeof(d), "ab", NULL, NULL, STRSAFE_FILL_BYTE('@')) ==
          STATUS_SUCCESS && streq(d, "ab") && all(d + 3, sizeof(d) - 3, '@'));
    /* STRSAFE_FILL_ON_FAILURE: the whole buffer is filled and null-terminated */
    CHECK(RtlStringCchCopyExA(d, sizeof(d), "0123456789abc", &end, &rem,
                              STRSAFE_FAILURE_BYTE('#')) == STATUS_BUFFER_OVERFLOW &&
          all(d, sizeof(d) - 1, '#') && d[sizeof(d) - 1] == '\0' && end == d + sizeof(d) - 1 &&
          rem == 1);
    CHECK(RtlStringCchCopyExA(d, 4, "abcdef", &end, &rem, STRSAFE_FAILURE_BYTE(0)) ==
          STATUS_BUFFER_OVERFLOW && all(d, 4, 0) && end == d && rem == 4);
    /* STRSAFE_NULL_ON_FAILURE: an empty string */
    CHECK(RtlStringCchCopyExA(d, 4, "abcdef", &end, &rem, STRSAFE_NULL_ON_FAILURE) ==
          STATUS_BUFFER_OVERFLOW && d[0] == '\0' && end == d && rem == 4);
    /* STRSAFE_NO_TRUNCATION: Copy leaves an empty string, Cat the original string */
    CHECK(RtlStringCchCopyExA(d, 4, "abcdef", &end, &rem, STRSAFE_NO_TRUNCATION) ==
          STATUS_BUFFER_OVERFLOW && d[0] == '\0' && end == d && rem == 4);
    RtlStringCchCopyA(d, sizeof(d), "ab");
    CHECK(RtlStringCchCatExA(d, 4, "cd", &end, &rem, STRSAFE_NO_TRUNCATION) ==
          STATUS_BUFFER_OVERFLOW && streq(d, "ab") && end == d + 2 && rem == 2);
    /* failure flags also apply to STATUS_INVALID_PARAMETER with a usable destination */
    RtlStringCchCopyA(d, sizeof(d), "keep");
    CHECK(RtlStringCchCopyExA(d, sizeof(d), NULL, NULL, NULL, STRSAFE_NULL_ON_FAILURE) ==
          STATUS_INVALID_PARAMETER && d[0] == '\0');

    /* STRSAFE_IGNORE_NULLS: a NULL source is an empty string; a NULL destination needs size 0 */
    CHECK(RtlStringCchCopyExA(d, sizeof(d), NULL, &end, &rem, STRSAFE_IGNORE_NULLS) ==
          STATUS_SUCCESS && d[0] == '\0' && end == d && rem == sizeof(d));
    CHECK(RtlStringCchCopyExA(NULL, 0, "", &end, &rem, STRSAFE_IGNORE_NULLS) == STATUS_SUCCESS &&
          end == NULL && rem == 0);
    CHECK(RtlStringCchCopyExA(NULL, 0, "x", NULL, NULL, STRSAFE_IGNORE_NULLS) ==
          STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCopyExA(NULL, 5, "", NULL, NULL, STRSAFE_IGNORE_NULLS) ==
          STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCopyExA(NULL, 0, "", NULL, NULL, 0) == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCchCatExA(d, sizeof(d), NULL, NULL, NULL, STRSAFE_IGNORE_NULLS) == STATUS_SUCCESS);
    /* unknown flag bits */
    CHECK(RtlStringCchCopyExA(d, sizeof(d), "a", NULL, NULL, 0x80000000U) == STATUS_INVALID_PARAMETER);

    /* CopyNEx, CatNEx */
    CHECK(RtlStringCchCopyNExA(d, sizeof(d), "abcdef", 2, &end, &rem, 0) == STATUS_SUCCESS &&
          streq(d, "ab") && end == d + 2 && rem == 8);
    CHECK(RtlStringCbCatNExA(d, sizeof(d), "cdef", 3, &end, &rem, 0) == STATUS_SUCCESS &&
          streq(d, "abcde") && rem == 5);

    /* PrintfEx, VPrintfEx */
    CHECK(RtlStringCchPrintfExA(d, sizeof(d), &end, &rem, 0, "%d", 123) == STATUS_SUCCESS &&
          end == d + 3 && rem == 7);
    CHECK(RtlStringCchPrintfExA(d, 4, &end, &rem, STRSAFE_NULL_ON_FAILURE, "%d", 12345) ==
          STATUS_BUFFER_OVERFLOW && d[0] == '\0' && rem == 4);
    CHECK(RtlStringCbPrintfExA(d, sizeof(d), &end, &rem, STRSAFE_IGNORE_NULLS, NULL) ==
          STATUS_SUCCESS && d[0] == '\0');
    CHECK(RtlStringCbPrintfExA(d, sizeof(d), NULL, NULL, STRSAFE_FILL_BYTE('-'), "%s", "ab") ==
          STATUS_SUCCESS && streq(d, "ab") && all(d + 3, sizeof(d) - 3, '-'));
    return fails;
}

/* ---- W variants with L"" literals (16-bit WCHAR) ------------------------------------------------- */

int sd_run_wide(void)
{
    WCHAR w[8];
    WCHAR *end = NULL;
    size_t rem = 0;
    BEGIN();
    CHECK(sizeof(WCHAR) == 2 && sizeof(L"ab") == 6);
    CHECK(RtlStringCchCopyW(w, RTL_NUMBER_OF(w), L"abc") == STATUS_SUCCESS && wcseq(w, L"abc"));
    CHECK(RtlStringCchCopyW(w, 3, L"abc") == STATUS_BUFFER_OVERFLOW && wcseq(w, L"ab"));
    CHECK(RtlStringCbCopyW(w, sizeof(w), L"abcdefgh") == STATUS_BUFFER_OVERFLOW &&
          wcseq(w, L"abcdefg"));
    /* an odd byte count: whole characters only */
    CHECK(RtlStringCbCopyW(w, 7, L"abc") == STATUS_BUFFER_OVERFLOW && wcseq(w, L"ab"));
    CHECK(RtlStringCbCopyW(w, 1, L"a") == STATUS_INVALID_PARAMETER);
    CHECK(RtlStringCbCopyW(w, (size_t)NTSTRSAFE_MAX_CCH * sizeof(WCHAR) + 1, L"a") ==
          STATUS_INVALID_PARAMETER);
    /* Cb remaining is in bytes (an odd trailing byte counts as unused) */
    CHECK(RtlStringCbCopyExW(w, sizeof(w), L"abc", &end, &rem, 0) == STATUS_SUCCESS &&
          end == w + 3 && rem == (8 - 3) * sizeof(WCHAR));
    CHECK(RtlStringCbCopyExW(w, 15, L"abc", &end, &rem, 0) == STATUS_SUCCESS &&
          rem == (7 - 3) * sizeof(WCHAR) + 1);
    CHECK(RtlStringCchCopyNW(w, RTL_NUMBER_OF(w), L"abcdef", 4) == STATUS_SUCCESS &&
          wcseq(w, L"abcd"));
    CHECK(RtlStringCbCopyNW(w, sizeof(w), L"abcdef", 5) == STATUS_SUCCESS && wcseq(w, L"ab"));
    CHECK(RtlStringCchCatW(w, RTL_NUMBER_OF(w), L"cd") == STATUS_SUCCESS && wcseq(w, L"abcd"));
    CHECK(RtlStringCchCatNW(w, RTL_NUMBER_OF(w), L"efghij", 2) == STATUS_SUCCESS &&
          wcseq(w, L"abcdef"));
    CHECK(RtlStringCbCatW(w, sizeof(w), L"xyz") == STATUS_BUFFER_OVERFLOW && wcseq(w, L"abcdefx"));
    CHECK(RtlStringCchCatExW(w, RTL_NUMBER_OF(w), L"q", &end, &rem, STRSAFE_NO_TRUNCATION) ==
          STATUS_BUFFER_OVERFLOW && wcseq(w, L"abcdefx") && end == w + 7 && rem == 1);
    RtlFillMemory(w, sizeof(w), 0xAA);
    CHECK(RtlStringCchCopyExW(w, RTL_NUMBER_OF(w), L"a", NULL, NULL, STRSAFE_FILL_BYTE(0x11)) ==
          STATUS_SUCCESS && w[0] == L'a' && w[1] == 0 && all(w + 2, sizeof(w) - 4, 0x11));
    CHECK(RtlStringCchCopyExW(w, 4, L"abcdef", &end, &rem, STRSAFE_FAILURE_BYTE(0x22)) ==
          STATUS_BUFFER_OVERFLOW && w[3] == 0 && w[0] == 0x2222 && end == w + 3 && rem == 1);

    /* wide printf: %s is wide, %S and %hs narrow (swprintf convention) */
    CHECK(RtlStringCchPrintfW(w, RTL_NUMBER_OF(w), L"%s=%d", L"x", 5) == STATUS_SUCCESS &&
          wcseq(w, L"x=5"));
    CHECK(RtlStringCchPrintfW(w, RTL_NUMBER_OF(w), L"%S|%hs", "ab", "c") == STATUS_SUCCESS &&
          wcseq(w, L"ab|c"));
    CHECK(RtlStringCchPrintfW(w, 4, L"%d", 123456) == STATUS_BUFFER_OVERFLOW && wcseq(w, L"123"));
    CHECK(RtlStringCbPrintfW(w, sizeof(w), L"%lx", 0x100000ABCULL) == STATUS_SUCCESS &&
          wcseq(w, L"abc"));
    CHECK(RtlStringCchPrintfExW(w, RTL_NUMBER_OF(w), &end, &rem, 0, L"%c%c", L'h', L'i') ==
          STATUS_SUCCESS && wcseq(w, L"hi") && end == w + 2 && rem == 6);
    CHECK(RtlStringCbPrintfExW(w, sizeof(w), &end, &rem, 0, L"%u", 42u) == STATUS_SUCCESS &&
          rem == 6 * sizeof(WCHAR));
    CHECK(vpw(w, sizeof(w), L"<%ws>", L"v") == STATUS_SUCCESS && wcseq(w, L"<v>"));
    CHECK(RtlStringCchPrintfW(w, RTL_NUMBER_OF(w), L"\u00e9\u20ac%s", L"\u00fc") == STATUS_SUCCESS &&
          w[0] == 0xE9 && w[1] == 0x20AC && w[2] == 0xFC && w[3] == 0);
    return fails;
}

/* ---- UNICODE_STRING variants of ntstrsafe --------------------------------------------------------- */

int sd_run_unicode_string(void)
{
    UNICODE_STRING us, src;
    WCHAR w[8];
    DECLARE_UNICODE_STRING_SIZE(dst, 4);
    BEGIN();
    CHECK(RtlUnicodeStringInit(&us, L"abc") == STATUS_SUCCESS && us.Length == 6 &&
          us.MaximumLength == 8 && us.Buffer != NULL && us.Buffer[0] == L'a');
    CHECK(RtlUnicodeStringInit(&us, NULL) == STATUS_SUCCESS && us.Length == 0 &&
          us.MaximumLength == 0 && us.Buffer == NULL);
    CHECK(RtlUnicodeStringInit(NULL, L"a") == STATUS_INVALID_PARAMETER);
    RtlUnicodeStringInit(&src, L"abcdef");
    CHECK(RtlUnicodeStringCopy(&dst, &src) == STATUS_BUFFER_OVERFLOW && dst.Length == 8 &&
          dst.Buffer[3] == L'd');
    RtlUnicodeStringInit(&src, L"xy");
    CHECK(RtlUnicodeStringCopy(&dst, &src) == STATUS_SUCCESS && dst.Length == 4);
    CHECK(RtlUnicodeStringCatString(&dst, L"z") == STATUS_SUCCESS && dst.Length == 6 &&
          dst.Buffer[2] == L'z');
    CHECK(RtlUnicodeStringCat(&dst, &src) == STATUS_BUFFER_OVERFLOW && dst.Length == 8 &&
          dst.Buffer[3] == L'x');
    /* "the destination buffer is already full" */
    CHECK(RtlUnicodeStringCatString(&dst, L"q") == STATUS_INVALID_PARAMETER && dst.Length == 8);
    CHECK(RtlUnicodeStringCopyString(&dst, L"hi") == STATUS_SUCCESS && dst.Length == 4);
    CHECK(RtlUnicodeStringPrintf(&dst, L"%d", 42) == STATUS_SUCCESS && dst.Length == 4 &&
          dst.Buffer[0] == L'4' && dst.Buffer[1] == L'2');
    CHECK(RtlUnicodeStringPrintf(&dst, L"%s!", L"four") == STATUS_BUFFER_OVERFLOW &&
          dst.Length == 8 && dst.Buffer[3] == L'r');
    /* malformed structures */
    us.Buffer = w;
    us.Length = 3;
    us.MaximumLength = 8;
    CHECK(RtlUnicodeStringValidate(&us) == STATUS_INVALID_PARAMETER);
    us.Length = 10;
    CHECK(RtlUnicodeStringValidate(&us) == STATUS_INVALID_PARAMETER);
    us.Length = 2;
    CHECK(RtlUnicodeStringValidate(&us) == STATUS_SUCCESS);
    CHECK(RtlUnicodeStringCopy(&dst, &us) == STATUS_SUCCESS);
    us.Length = 3;
    CHECK(RtlUnicodeStringCopy(&dst, &us) == STATUS_INVALID_PARAMETER);
    /* a UNICODE_STRING into a terminated buffer */
    RtlUnicodeStringInit(&src, L"abc");
    CHECK(RtlStringCchCopyUnicodeString(w, RTL_NUMBER_OF(w), &src) == STATUS_SUCCESS &&
          wcseq(w, L"abc"));
    CHECK(RtlStringCbCopyUnicodeString(w, 6, &src) == STATUS_BUFFER_OVERFLOW && wcseq(w, L"ab"));
    return fails;
}

/* ---- wdm.h counted-string routines --------------------------------------------------------------- */

int sd_run_rtl(void)
{
    UNICODE_STRING a, b;
    ANSI_STRING as;
    WCHAR w[8];
    char c[8];
    ULONG v = 0;
    BEGIN();
    RtlInitUnicodeString(&a, L"Hello");
    CHECK(a.Length == 10 && a.MaximumLength == 12 && a.Buffer[4] == L'o');
    RtlInitUnicodeString(&a, NULL);
    CHECK(a.Length == 0 && a.MaximumLength == 0 && a.Buffer == NULL);
    RtlInitAnsiString(&as, "abc");
    CHECK(as.Length == 3 && as.MaximumLength == 4);
    RtlInitString(&as, NULL);
    CHECK(as.Length == 0 && as.MaximumLength == 0 && as.Buffer == NULL);

    /* RtlCopyUnicodeString: at most MaximumLength bytes; NULL source -> Length 0 */
    RtlInitEmptyUnicodeString(&b, w, sizeof(w));
    RtlInitUnicodeString(&a, L"0123456789");
    RtlCopyUnicodeString(&b, &a);
    CHECK(b.Length == sizeof(w) && b.MaximumLength == sizeof(w) && b.Buffer[7] == L'7');
    RtlCopyUnicodeString(&b, NULL);
    CHECK(b.Length == 0);

    /* RtlAppend*: STATUS_BUFFER_TOO_SMALL leaves the destination unchanged */
    RtlInitEmptyUnicodeString(&b, w, sizeof(w));
    CHECK(RtlAppendUnicodeToString(&b, L"abc") == STATUS_SUCCESS && b.Length == 6 &&
          wcseq(w, L"abc"));
    RtlInitUnicodeString(&a, L"defghi");
    CHECK(RtlAppendUnicodeStringToString(&b, &a) == STATUS_BUFFER_TOO_SMALL && b.Length == 6 &&
          wcseq(w, L"abc"));
    RtlInitUnicodeString(&a, L"de");
    CHECK(RtlAppendUnicodeStringToString(&b, &a) == STATUS_SUCCESS && b.Length == 10 &&
          wcseq(w, L"abcde"));
    CHECK(RtlAppendUnicodeToString(&b, NULL) == STATUS_SUCCESS && b.Length == 10);

    /* comparison */
    RtlInitUnicodeString(&a, L"Driver");
    RtlInitUnicodeString(&b, L"dRIVER");
    CHECK(RtlEqualUnicodeString(&a, &b, TRUE) && !RtlEqualUnicodeString(&a, &b, FALSE));
    CHECK(RtlCompareUnicodeString(&a, &b, TRUE) == 0 && RtlCompareUnicodeString(&a, &b, FALSE) < 0);
    RtlInitUnicodeString(&b, L"Driv");
    CHECK(RtlCompareUnicodeString(&a, &b, FALSE) > 0 && RtlCompareUnicodeString(&b, &a, FALSE) < 0);
    CHECK(RtlUpcaseUnicodeChar(L'q') == L'Q' && RtlUpcaseUnicodeChar(0xE9) == 0xC9 &&
          RtlUpcaseUnicodeChar(L'7') == L'7');

    /* conversions, allocating (paged pool) and into a caller buffer */
    RtlInitUnicodeString(&a, L"K\u00e9\u20ac");
    CHECK(RtlUnicodeStringToAnsiString(&as, &a, TRUE) == STATUS_SUCCESS && as.Length == 3 &&
          as.MaximumLength == 4 && streq(as.Buffer, "K\xe9?"));
    RtlFreeAnsiString(&as);
    CHECK(as.Buffer == NULL && as.Length == 0);
    RtlInitEmptyAnsiString(&as, c, 3);
    RtlInitUnicodeString(&a, L"abcdef");
    CHECK(RtlUnicodeStringToAnsiString(&as, &a, FALSE) == STATUS_BUFFER_OVERFLOW &&
          streq(c, "ab") && as.Length == 2);
    RtlInitAnsiString(&as, "wide");
    CHECK(RtlAnsiStringToUnicodeString(&a, &as, TRUE) == STATUS_SUCCESS && a.Length == 8 &&
          a.MaximumLength == 10 && wcseq(a.Buffer, L"wide"));
    RtlFreeUnicodeString(&a);
    CHECK(a.Buffer == NULL);
    RtlInitEmptyUnicodeString(&b, w, 8);
    CHECK(RtlAnsiStringToUnicodeString(&b, &as, FALSE) == STATUS_BUFFER_OVERFLOW);

    /* integers */
    RtlInitEmptyUnicodeString(&b, w, sizeof(w));
    CHECK(RtlIntegerToUnicodeString(255, 16, &b) == STATUS_SUCCESS && b.Length == 4 &&
          wcseq(w, L"FF"));
    CHECK(RtlIntegerToUnicodeString(1234, 0, &b) == STATUS_SUCCESS && wcseq(w, L"1234"));
    CHECK(RtlIntegerToUnicodeString(5, 2, &b) == STATUS_SUCCESS && wcseq(w, L"101"));
    CHECK(RtlIntegerToUnicodeString(5, 3, &b) == STATUS_INVALID_PARAMETER);
    RtlInitEmptyUnicodeString(&b, w, 4);
    CHECK(RtlIntegerToUnicodeString(123, 10, &b) == STATUS_BUFFER_OVERFLOW);
    RtlInitUnicodeString(&a, L"  -0x1A");
    CHECK(RtlUnicodeStringToInteger(&a, 0, &v) == STATUS_SUCCESS && v == (ULONG)-26);
    RtlInitUnicodeString(&a, L"123abc");
    CHECK(RtlUnicodeStringToInteger(&a, 10, &v) == STATUS_SUCCESS && v == 123);
    CHECK(RtlUnicodeStringToInteger(&a, 16, &v) == STATUS_SUCCESS && v == 0x123ABC);
    CHECK(RtlUnicodeStringToInteger(&a, 7, &v) == STATUS_INVALID_PARAMETER);
    CHECK(RtlCharToInteger("0b101", 0, &v) == STATUS_SUCCESS && v == 5);
    CHECK(RtlCharToInteger("\t+42", 0, &v) == STATUS_SUCCESS && v == 42);
    CHECK(RtlCharToInteger("0o17", 0, &v) == STATUS_SUCCESS && v == 15);
    CHECK(RtlCharToInteger("017", 0, &v) == STATUS_SUCCESS && v == 17);
    return fails;
}

/* ---- single calls for the IRQL tests ------------------------------------------------------------- */

static int side_effects;
static int side_effect(void) { return ++side_effects; }

/* KdPrint is compiled out when DBG is 0 (the default): its arguments are not evaluated. */
int sd_kdprint_compiled_out(void)
{
    KdPrint(("never %d\n", side_effect()));
    KdPrintEx((DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "never %d\n", side_effect()));
    return side_effects;
}

NTSTATUS sd_printf_once(void)
{
    char d[16];
    return RtlStringCbPrintfA(d, sizeof(d), "%d", 1);
}

/* The width conversions of dispatcher-model.md 8.2: a wide string into narrow output, a narrow
 * one into wide output, a counted UNICODE_STRING into narrow output; and the same-width forms
 * that convert nothing. */
NTSTATUS sd_printf_conversion_once(int which)
{
    char d[32];
    WCHAR w[32];
    static WCHAR text[] = L"uni";
    UNICODE_STRING us = { 6, 8, text };
    switch (which) {
    case 0: return RtlStringCbPrintfA(d, sizeof(d), "%ws", L"wide");
    case 1: return RtlStringCbPrintfW(w, sizeof(w), L"%hs", "narrow");
    case 2: return RtlStringCchPrintfA(d, RTL_NUMBER_OF(d), "%wZ", &us);
    case 3: return RtlStringCbPrintfA(d, sizeof(d), "%08lx %s %c", 0x1234UL, "narrow", 'c');
    default: return RtlStringCbPrintfW(w, sizeof(w), L"%ls %s %I64x", L"wide", L"also", 5ULL);
    }
}

NTSTATUS sd_copy_once(void)
{
    char d[16];
    return RtlStringCbCopyA(d, sizeof(d), "x");
}

NTSTATUS sd_unicode_printf_once(void)
{
    DECLARE_UNICODE_STRING_SIZE(u, 8);
    return RtlUnicodeStringPrintf(&u, L"%d", 1);
}

void sd_init_unicode_once(void)
{
    UNICODE_STRING u;
    RtlInitUnicodeString(&u, L"x");
}
