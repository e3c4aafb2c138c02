/*
 * src/nt/ntstrsafe.c — the ntstrsafe.h safe string functions (RtlStringCb*, RtlStringCch*,
 * A and W, and the RtlUnicodeString* variants). Driver profile.
 *
 * Learn pages followed: each RtlStringCb* / RtlStringCch* / RtlUnicodeString* function page
 * and "Using Safe String Functions". One set of workers handles both character widths (esz
 * is sizeof(CHAR) or sizeof(WCHAR)); the Cb entry points convert byte counts to characters.
 *
 * Behaviour of the Ex flags on failure (STATUS_BUFFER_OVERFLOW and STATUS_INVALID_PARAMETER
 * with a usable destination): STRSAFE_FILL_ON_FAILURE fills the whole buffer with the fill
 * byte and terminates it in its last character; STRSAFE_NULL_ON_FAILURE leaves an empty
 * string; STRSAFE_NO_TRUNCATION (overflow only) leaves an empty string for Copy and Printf
 * and the original string for Cat. A destination whose size is itself invalid is never
 * written, and the Ex out-parameters are then left alone.
 *
 * IRQL (dispatcher-model.md 8.2): Learn says PASSIVE_LEVEL for the whole family. The printf
 * entry points are gated by the inventory (V121); the copy, cat and length entry points by
 * bcsim__strsafe_irql_check() (a warning unless verifier.strsafe_copy = violation).
 */
#include <wdm.h>
#include <ntstrsafe.h>
#include "../bridge.h"

#define SS_VALID_FLAGS (0xFFU | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL | \
                        STRSAFE_FILL_ON_FAILURE | STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION)

#define COPY_ENTER(name)                                            \
    void *caller = BCSIM__CALLER();                                 \
    bcsim__export_enter(BCSIM__X_##name, caller);                   \
    bcsim__strsafe_irql_check(BCSIM__X_##name, caller, 0)
#define PRINTF_ENTER(name)                                          \
    const ss_call_t call = { BCSIM__X_##name, BCSIM__CALLER() };    \
    bcsim__export_enter(call.id, call.caller);                      \
    bcsim__strsafe_irql_check(call.id, call.caller, 1)

/* The printf-family call being served: its format is checked once it has been formatted. */
typedef struct ss_call {
    enum bcsim__export_id id;
    void *caller;
} ss_call_t;

/* ---- units of either width --------------------------------------------------------------- */

static unsigned get_unit(const void *p, size_t i, unsigned esz)
{
    return esz == 1 ? ((const unsigned char *)p)[i] : ((const unsigned short *)p)[i];
}

static void set_unit(void *p, size_t i, unsigned esz, unsigned v)
{
    if (esz == 1)
        ((unsigned char *)p)[i] = (unsigned char)v;
    else
        ((unsigned short *)p)[i] = (unsigned short)v;
}

/* What a worker reports back: the terminator's index and whether the Ex out-parameters are
 * meaningful (they are not when the destination itself was invalid). */
typedef struct ss_result {
    NTSTATUS status;
    size_t end;          /* index of the terminator */
    size_t cch;          /* destination size in characters */
    BOOLEAN outputs;
} ss_result_t;

/* A destination and its size (non-Ex: non-NULL and 1..NTSTRSAFE_MAX_CCH; Ex: the size may be
 * 0, and with STRSAFE_IGNORE_NULLS a NULL destination is allowed when the size is 0). */
static BOOLEAN ss_dest_ok(const void *dst, size_t cch, BOOLEAN ex, DWORD flags)
{
    if (cch > NTSTRSAFE_MAX_CCH)
        return FALSE;
    if (ex && (flags & ~SS_VALID_FLAGS))
        return FALSE;
    if (!ex)
        return dst != NULL && cch != 0;
    if (dst == NULL)
        return (flags & STRSAFE_IGNORE_NULLS) && cch == 0;
    return TRUE;
}

static void ss_fill_behind(void *dst, size_t cch, size_t end, unsigned esz, DWORD flags)
{
    if ((flags & STRSAFE_FILL_BEHIND_NULL) && dst && end + 1 < cch)
        memset((char *)dst + (end + 1) * esz, STRSAFE_GET_FILL_PATTERN(flags),
               (cch - end - 1) * esz);
}

/* Applies the Ex failure flags; start is where the terminator was before a Cat. */
static size_t ss_on_failure(void *dst, size_t cch, unsigned esz, DWORD flags, NTSTATUS st,
                            size_t end, size_t start)
{
    if (!dst || cch == 0)
        return end;
    if (flags & STRSAFE_FILL_ON_FAILURE) {
        int fill = STRSAFE_GET_FILL_PATTERN(flags);
        memset(dst, fill, cch * esz);
        end = fill ? cch - 1 : 0;
        set_unit(dst, end, esz, 0);
    }
    if (flags & STRSAFE_NULL_ON_FAILURE) {
        set_unit(dst, 0, esz, 0);
        end = 0;
    } else if ((flags & STRSAFE_NO_TRUNCATION) && st == STATUS_BUFFER_OVERFLOW) {
        set_unit(dst, start, esz, 0);
        end = start;
    }
    return end;
}

/* Copy (cat = FALSE) or Cat (cat = TRUE) of at most max_src characters of src. */
static ss_result_t ss_copy(void *dst, size_t cch, const void *src, size_t max_src, unsigned esz,
                           BOOLEAN ex, DWORD flags, BOOLEAN cat)
{
    static const unsigned short empty = 0;
    ss_result_t r = { STATUS_SUCCESS, 0, cch, FALSE };
    size_t start = 0;
    if (!ss_dest_ok(dst, cch, ex, flags)) {
        r.status = STATUS_INVALID_PARAMETER;
        return r;
    }
    r.outputs = TRUE;
    if (cat && cch != 0) {
        while (start < cch && get_unit(dst, start, esz))
            start++;
        if (start == cch) {                  /* "the destination buffer is already full" */
            r.status = STATUS_INVALID_PARAMETER;
            r.end = cch - 1;
            goto fail;
        }
    }
    r.end = start;
    if (max_src > NTSTRSAFE_MAX_CCH) {
        r.status = STATUS_INVALID_PARAMETER;
        goto fail;
    }
    if (!src) {
        if (!(ex && (flags & STRSAFE_IGNORE_NULLS))) {
            r.status = STATUS_INVALID_PARAMETER;
            goto fail;
        }
        src = &empty;
    }
    if (cch == 0) {
        /* "the destination buffer's length is zero, but there is a nonzero length source" */
        if (max_src && get_unit(src, 0, esz))
            r.status = STATUS_INVALID_PARAMETER;
        return r;
    }
    size_t i = start, k = 0;
    while (i < cch - 1 && k < max_src) {
        unsigned u = get_unit(src, k, esz);
        if (!u)
            break;
        set_unit(dst, i++, esz, u);
        k++;
    }
    set_unit(dst, i, esz, 0);
    r.end = i;
    if (k < max_src && get_unit(src, k, esz))
        r.status = STATUS_BUFFER_OVERFLOW;
    if (NT_SUCCESS(r.status)) {
        ss_fill_behind(dst, cch, r.end, esz, ex ? flags : 0);
        return r;
    }
fail:
    if (ex)
        r.end = ss_on_failure(dst, cch, esz, flags, r.status, r.end, cat ? start : 0);
    return r;
}

static ss_result_t ss_printf(const ss_call_t *call, void *dst, size_t cch, unsigned esz,
                             BOOLEAN ex, DWORD flags, const void *fmt, va_list *ap)
{
    static const unsigned short empty = 0;
    ss_result_t r = { STATUS_SUCCESS, 0, cch, FALSE };
    if (!ss_dest_ok(dst, cch, ex, flags)) {
        r.status = STATUS_INVALID_PARAMETER;
        return r;
    }
    r.outputs = TRUE;
    if (!fmt) {
        if (!(ex && (flags & STRSAFE_IGNORE_NULLS))) {
            r.status = STATUS_INVALID_PARAMETER;
            goto fail;
        }
        fmt = &empty;
    }
    unsigned used = 0;
    int n = esz == 1
        ? bcsim__fmt_bridge((char *)dst, cch, (const char *)fmt, (void *)ap, &used)
        : bcsim__fmt_bridge_w((unsigned short *)dst, cch, (const unsigned short *)fmt,
                              (void *)ap, &used);
    bcsim__strsafe_format_check(call->id, call->caller, used);
    if (cch == 0) {
        if (n > 0)
            r.status = STATUS_INVALID_PARAMETER;
        return r;
    }
    if (n < 0)
        n = 0;
    if ((size_t)n > cch - 1) {
        r.status = STATUS_BUFFER_OVERFLOW;
        r.end = cch - 1;
    } else {
        r.end = (size_t)n;
    }
    if (NT_SUCCESS(r.status)) {
        ss_fill_behind(dst, cch, r.end, esz, ex ? flags : 0);
        return r;
    }
fail:
    if (ex)
        r.end = ss_on_failure(dst, cch, esz, flags, r.status, r.end, 0);
    return r;
}

static NTSTATUS ss_length(const void *s, size_t cch_max, unsigned esz, size_t *len_out)
{
    NTSTATUS st = STATUS_INVALID_PARAMETER;
    size_t n = 0;
    if (s && cch_max <= NTSTRSAFE_MAX_CCH) {
        while (n < cch_max && get_unit(s, n, esz))
            n++;
        if (n < cch_max)
            st = STATUS_SUCCESS;
    }
    if (len_out)
        *len_out = NT_SUCCESS(st) ? n : 0;
    return st;
}

/* Byte counts to characters: a byte count above the maximum becomes an invalid character
 * count, so the worker rejects it. */
static size_t cb_to_cch(size_t cb, unsigned esz)
{
    return cb > (size_t)NTSTRSAFE_MAX_CCH * esz ? (size_t)NTSTRSAFE_MAX_CCH + 1 : cb / esz;
}

/* Stores the Ex out-parameters (remaining in characters, or in bytes for Cb). */
static NTSTATUS ss_out(ss_result_t r, void *dst, unsigned esz, void *end_out, size_t *rem_out,
                       BOOLEAN bytes, size_t cb)
{
    if (r.outputs) {
        if (end_out)
            *(void **)end_out = dst ? (char *)dst + r.end * esz : NULL;
        if (rem_out) {
            size_t rem = r.cch - r.end;
            if (r.cch == 0)
                rem = 0;
            *rem_out = bytes ? rem * esz + (cb % esz) : rem;
        }
    }
    return r.status;
}

/* ---- the entry points ----------------------------------------------------------------------- */
NTSTATUS NTAPI RtlStringCbCopyA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszSrc)
{
    COPY_ENTER(RtlStringCbCopyA);
    return ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, NTSTRSAFE_MAX_CCH, 1, FALSE, 0,
            FALSE).status;
}

NTSTATUS NTAPI RtlStringCbCopyExA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszSrc,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCopyExA);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, NTSTRSAFE_MAX_CCH, 1, TRUE,
            dwFlags, FALSE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbCopyNA(NTSTRSAFE_PSTR pszDest, size_t cbDest, STRSAFE_PCNZCH pszSrc,
    size_t cbToCopy)
{
    COPY_ENTER(RtlStringCbCopyNA);
    return ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, cb_to_cch(cbToCopy, 1), 1, FALSE, 0,
            FALSE).status;
}

NTSTATUS NTAPI RtlStringCbCopyNExA(NTSTRSAFE_PSTR pszDest, size_t cbDest, STRSAFE_PCNZCH pszSrc,
    size_t cbToCopy, NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCopyNExA);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, cb_to_cch(cbToCopy, 1), 1, TRUE,
            dwFlags, FALSE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbCatA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszSrc)
{
    COPY_ENTER(RtlStringCbCatA);
    return ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, NTSTRSAFE_MAX_CCH, 1, FALSE, 0,
            TRUE).status;
}

NTSTATUS NTAPI RtlStringCbCatExA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszSrc,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCatExA);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, NTSTRSAFE_MAX_CCH, 1, TRUE,
            dwFlags, TRUE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbCatNA(NTSTRSAFE_PSTR pszDest, size_t cbDest, STRSAFE_PCNZCH pszSrc,
    size_t cbToAppend)
{
    COPY_ENTER(RtlStringCbCatNA);
    return ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, cb_to_cch(cbToAppend, 1), 1, FALSE, 0,
            TRUE).status;
}

NTSTATUS NTAPI RtlStringCbCatNExA(NTSTRSAFE_PSTR pszDest, size_t cbDest, STRSAFE_PCNZCH pszSrc,
    size_t cbToAppend, NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCatNExA);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 1), pszSrc, cb_to_cch(cbToAppend, 1), 1,
            TRUE, dwFlags, TRUE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbPrintfA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszFormat,
    ...)
{
    PRINTF_ENTER(RtlStringCbPrintfA);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 1), 1, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCbPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags, NTSTRSAFE_PCSTR pszFormat,
    ...)
{
    PRINTF_ENTER(RtlStringCbPrintfExA);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 1), 1, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbVPrintfA(NTSTRSAFE_PSTR pszDest, size_t cbDest, NTSTRSAFE_PCSTR pszFormat,
    va_list argList)
{
    PRINTF_ENTER(RtlStringCbVPrintfA);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 1), 1, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCbVPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags, NTSTRSAFE_PCSTR pszFormat,
    va_list argList)
{
    PRINTF_ENTER(RtlStringCbVPrintfExA);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 1), 1, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbLengthA(STRSAFE_PCNZCH psz, size_t cbMax, size_t *pcbLength)
{
    COPY_ENTER(RtlStringCbLengthA);
    size_t n = 0;
    NTSTATUS st = ss_length(psz, cb_to_cch(cbMax, 1), 1, &n);
    if (pcbLength)
        *pcbLength = n * 1;
    return st;
}

NTSTATUS NTAPI RtlStringCbCopyW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlStringCbCopyW);
    return ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, NTSTRSAFE_MAX_CCH, 2, FALSE, 0,
            FALSE).status;
}

NTSTATUS NTAPI RtlStringCbCopyExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, NTSTRSAFE_PCWSTR pszSrc,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCopyExW);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, NTSTRSAFE_MAX_CCH, 2, TRUE,
            dwFlags, FALSE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbCopyNW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, STRSAFE_PCNZWCH pszSrc,
    size_t cbToCopy)
{
    COPY_ENTER(RtlStringCbCopyNW);
    return ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, cb_to_cch(cbToCopy, 2), 2, FALSE, 0,
            FALSE).status;
}

NTSTATUS NTAPI RtlStringCbCopyNExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, STRSAFE_PCNZWCH pszSrc,
    size_t cbToCopy, NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCopyNExW);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, cb_to_cch(cbToCopy, 2), 2, TRUE,
            dwFlags, FALSE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbCatW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlStringCbCatW);
    return ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, NTSTRSAFE_MAX_CCH, 2, FALSE, 0,
            TRUE).status;
}

NTSTATUS NTAPI RtlStringCbCatExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, NTSTRSAFE_PCWSTR pszSrc,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCatExW);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, NTSTRSAFE_MAX_CCH, 2, TRUE,
            dwFlags, TRUE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbCatNW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, STRSAFE_PCNZWCH pszSrc,
    size_t cbToAppend)
{
    COPY_ENTER(RtlStringCbCatNW);
    return ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, cb_to_cch(cbToAppend, 2), 2, FALSE, 0,
            TRUE).status;
}

NTSTATUS NTAPI RtlStringCbCatNExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest, STRSAFE_PCNZWCH pszSrc,
    size_t cbToAppend, NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCbCatNExW);
    ss_result_t r = ss_copy(pszDest, cb_to_cch(cbDest, 2), pszSrc, cb_to_cch(cbToAppend, 2), 2,
            TRUE, dwFlags, TRUE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
    NTSTRSAFE_PCWSTR pszFormat, ...)
{
    PRINTF_ENTER(RtlStringCbPrintfW);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 2), 2, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCbPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags, NTSTRSAFE_PCWSTR pszFormat,
    ...)
{
    PRINTF_ENTER(RtlStringCbPrintfExW);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 2), 2, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbVPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
    NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    PRINTF_ENTER(RtlStringCbVPrintfW);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 2), 2, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCbVPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining, DWORD dwFlags, NTSTRSAFE_PCWSTR pszFormat,
    va_list argList)
{
    PRINTF_ENTER(RtlStringCbVPrintfExW);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cb_to_cch(cbDest, 2), 2, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcbRemaining, TRUE, cbDest);
}

NTSTATUS NTAPI RtlStringCbLengthW(STRSAFE_PCNZWCH psz, size_t cbMax, size_t *pcbLength)
{
    COPY_ENTER(RtlStringCbLengthW);
    size_t n = 0;
    NTSTATUS st = ss_length(psz, cb_to_cch(cbMax, 2), 2, &n);
    if (pcbLength)
        *pcbLength = n * 2;
    return st;
}

NTSTATUS NTAPI RtlStringCchCopyA(NTSTRSAFE_PSTR pszDest, size_t cchDest, NTSTRSAFE_PCSTR pszSrc)
{
    COPY_ENTER(RtlStringCchCopyA);
    return ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 1, FALSE, 0, FALSE).status;
}

NTSTATUS NTAPI RtlStringCchCopyExA(NTSTRSAFE_PSTR pszDest, size_t cchDest, NTSTRSAFE_PCSTR pszSrc,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCopyExA);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 1, TRUE, dwFlags, FALSE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchCopyNA(NTSTRSAFE_PSTR pszDest, size_t cchDest, STRSAFE_PCNZCH pszSrc,
    size_t cchToCopy)
{
    COPY_ENTER(RtlStringCchCopyNA);
    return ss_copy(pszDest, cchDest, pszSrc, cchToCopy, 1, FALSE, 0, FALSE).status;
}

NTSTATUS NTAPI RtlStringCchCopyNExA(NTSTRSAFE_PSTR pszDest, size_t cchDest, STRSAFE_PCNZCH pszSrc,
    size_t cchToCopy, NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCopyNExA);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, cchToCopy, 1, TRUE, dwFlags, FALSE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchCatA(NTSTRSAFE_PSTR pszDest, size_t cchDest, NTSTRSAFE_PCSTR pszSrc)
{
    COPY_ENTER(RtlStringCchCatA);
    return ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 1, FALSE, 0, TRUE).status;
}

NTSTATUS NTAPI RtlStringCchCatExA(NTSTRSAFE_PSTR pszDest, size_t cchDest, NTSTRSAFE_PCSTR pszSrc,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCatExA);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 1, TRUE, dwFlags, TRUE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchCatNA(NTSTRSAFE_PSTR pszDest, size_t cchDest, STRSAFE_PCNZCH pszSrc,
    size_t cchToAppend)
{
    COPY_ENTER(RtlStringCchCatNA);
    return ss_copy(pszDest, cchDest, pszSrc, cchToAppend, 1, FALSE, 0, TRUE).status;
}

NTSTATUS NTAPI RtlStringCchCatNExA(NTSTRSAFE_PSTR pszDest, size_t cchDest, STRSAFE_PCNZCH pszSrc,
    size_t cchToAppend, NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCatNExA);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, cchToAppend, 1, TRUE, dwFlags, TRUE);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchPrintfA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
    NTSTRSAFE_PCSTR pszFormat, ...)
{
    PRINTF_ENTER(RtlStringCchPrintfA);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 1, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCchPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags, NTSTRSAFE_PCSTR pszFormat,
    ...)
{
    PRINTF_ENTER(RtlStringCchPrintfExA);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 1, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchVPrintfA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
    NTSTRSAFE_PCSTR pszFormat, va_list argList)
{
    PRINTF_ENTER(RtlStringCchVPrintfA);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 1, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCchVPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
    NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags, NTSTRSAFE_PCSTR pszFormat,
    va_list argList)
{
    PRINTF_ENTER(RtlStringCchVPrintfExA);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 1, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 1, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchLengthA(STRSAFE_PCNZCH psz, size_t cchMax, size_t *pcchLength)
{
    COPY_ENTER(RtlStringCchLengthA);
    return ss_length(psz, cchMax, 1, pcchLength);
}

NTSTATUS NTAPI RtlStringCchCopyW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlStringCchCopyW);
    return ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 2, FALSE, 0, FALSE).status;
}

NTSTATUS NTAPI RtlStringCchCopyExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, NTSTRSAFE_PCWSTR pszSrc,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCopyExW);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 2, TRUE, dwFlags, FALSE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchCopyNW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, STRSAFE_PCNZWCH pszSrc,
    size_t cchToCopy)
{
    COPY_ENTER(RtlStringCchCopyNW);
    return ss_copy(pszDest, cchDest, pszSrc, cchToCopy, 2, FALSE, 0, FALSE).status;
}

NTSTATUS NTAPI RtlStringCchCopyNExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, STRSAFE_PCNZWCH pszSrc,
    size_t cchToCopy, NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCopyNExW);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, cchToCopy, 2, TRUE, dwFlags, FALSE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchCatW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlStringCchCatW);
    return ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 2, FALSE, 0, TRUE).status;
}

NTSTATUS NTAPI RtlStringCchCatExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, NTSTRSAFE_PCWSTR pszSrc,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCatExW);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, NTSTRSAFE_MAX_CCH, 2, TRUE, dwFlags, TRUE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchCatNW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, STRSAFE_PCNZWCH pszSrc,
    size_t cchToAppend)
{
    COPY_ENTER(RtlStringCchCatNW);
    return ss_copy(pszDest, cchDest, pszSrc, cchToAppend, 2, FALSE, 0, TRUE).status;
}

NTSTATUS NTAPI RtlStringCchCatNExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest, STRSAFE_PCNZWCH pszSrc,
    size_t cchToAppend, NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags)
{
    COPY_ENTER(RtlStringCchCatNExW);
    ss_result_t r = ss_copy(pszDest, cchDest, pszSrc, cchToAppend, 2, TRUE, dwFlags, TRUE);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
    NTSTRSAFE_PCWSTR pszFormat, ...)
{
    PRINTF_ENTER(RtlStringCchPrintfW);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 2, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCchPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags, NTSTRSAFE_PCWSTR pszFormat,
    ...)
{
    PRINTF_ENTER(RtlStringCchPrintfExW);
    va_list ap;
    va_start(ap, pszFormat);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 2, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchVPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
    NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    PRINTF_ENTER(RtlStringCchVPrintfW);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 2, FALSE, 0, pszFormat, &ap);
    va_end(ap);
    return r.status;
}

NTSTATUS NTAPI RtlStringCchVPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
    NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining, DWORD dwFlags, NTSTRSAFE_PCWSTR pszFormat,
    va_list argList)
{
    PRINTF_ENTER(RtlStringCchVPrintfExW);
    va_list ap;
    va_copy(ap, argList);
    ss_result_t r = ss_printf(&call, pszDest, cchDest, 2, TRUE, dwFlags, pszFormat, &ap);
    va_end(ap);
    return ss_out(r, pszDest, 2, ppszDestEnd, pcchRemaining, FALSE, 0);
}

NTSTATUS NTAPI RtlStringCchLengthW(STRSAFE_PCNZWCH psz, size_t cchMax, size_t *pcchLength)
{
    COPY_ENTER(RtlStringCchLengthW);
    return ss_length(psz, cchMax, 2, pcchLength);
}

/* ---- UNICODE_STRING variants ------------------------------------------------------------------
 * Learn (RtlUnicodeString* pages): counted strings are not terminated; STATUS_INVALID_PARAMETER
 * for an invalid structure, a NULL pointer, a destination that is already full or has no room
 * for a non-empty source; STATUS_BUFFER_OVERFLOW with the truncated result otherwise. */

#define US_MAX_CCH ((size_t)NTSTRSAFE_UNICODE_STRING_MAX_CCH)

static BOOLEAN us_valid(PCUNICODE_STRING s)
{
    return s && !(s->Length & 1) && !(s->MaximumLength & 1) && s->Length <= s->MaximumLength &&
           s->MaximumLength <= US_MAX_CCH * sizeof(WCHAR) && (s->Buffer || s->MaximumLength == 0);
}

static NTSTATUS us_put(PUNICODE_STRING d, const WCHAR *src, size_t units, BOOLEAN cat)
{
    if (!us_valid(d) || (!src && units))
        return STATUS_INVALID_PARAMETER;
    size_t start = cat ? d->Length / sizeof(WCHAR) : 0;
    size_t cap = d->MaximumLength / sizeof(WCHAR);
    if (units && start == cap)
        return STATUS_INVALID_PARAMETER;
    size_t k = units < cap - start ? units : cap - start;
    if (k)
        memmove(d->Buffer + start, src, k * sizeof(WCHAR));
    d->Length = (USHORT)((start + k) * sizeof(WCHAR));
    return k < units ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

static size_t us_wcslen(const WCHAR *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

static NTSTATUS us_vprintf(const ss_call_t *call, PUNICODE_STRING d, NTSTRSAFE_PCWSTR fmt, va_list *ap)
{
    if (!us_valid(d) || !fmt)
        return STATUS_INVALID_PARAMETER;
    size_t cap = d->MaximumLength / sizeof(WCHAR);
    unsigned used = 0;
    int n = bcsim__fmt_bridge_wn((unsigned short *)d->Buffer, cap, (const unsigned short *)fmt,
                                 (void *)ap, &used);
    bcsim__strsafe_format_check(call->id, call->caller, used);
    if (n < 0)
        n = 0;
    if (cap == 0 && n > 0)
        return STATUS_INVALID_PARAMETER;
    size_t k = (size_t)n < cap ? (size_t)n : cap;
    d->Length = (USHORT)(k * sizeof(WCHAR));
    return (size_t)n > cap ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

/* RtlUnicodeStringInit — Buffer = pszSrc, Length its byte length, MaximumLength Length plus the
 * terminator; NULL gives an empty string; longer than NTSTRSAFE_UNICODE_STRING_MAX_CCH: invalid. */
NTSTATUS NTAPI RtlUnicodeStringInit(PUNICODE_STRING DestinationString, NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlUnicodeStringInit);
    if (!DestinationString)
        return STATUS_INVALID_PARAMETER;
    size_t n = pszSrc ? us_wcslen(pszSrc, US_MAX_CCH + 1) : 0;
    if (n > US_MAX_CCH) {
        DestinationString->Length = DestinationString->MaximumLength = 0;
        DestinationString->Buffer = NULL;
        return STATUS_INVALID_PARAMETER;
    }
    DestinationString->Buffer = (PWCH)pszSrc;
    DestinationString->Length = (USHORT)(n * sizeof(WCHAR));
    DestinationString->MaximumLength =
        (USHORT)(pszSrc ? (n < US_MAX_CCH ? n + 1 : n) * sizeof(WCHAR) : 0);
    return STATUS_SUCCESS;
}

/* RtlUnicodeStringValidate — STATUS_SUCCESS for a well-formed UNICODE_STRING. */
NTSTATUS NTAPI RtlUnicodeStringValidate(PCUNICODE_STRING SourceString)
{
    COPY_ENTER(RtlUnicodeStringValidate);
    return us_valid(SourceString) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

/* RtlUnicodeStringCopy — copies SourceString into DestinationString's buffer. */
NTSTATUS NTAPI RtlUnicodeStringCopy(PUNICODE_STRING DestinationString,
    PCUNICODE_STRING SourceString)
{
    COPY_ENTER(RtlUnicodeStringCopy);
    if (!us_valid(SourceString))
        return STATUS_INVALID_PARAMETER;
    return us_put(DestinationString, SourceString->Buffer, SourceString->Length / sizeof(WCHAR),
                  FALSE);
}

/* RtlUnicodeStringCopyString — copies a null-terminated string. */
NTSTATUS NTAPI RtlUnicodeStringCopyString(PUNICODE_STRING DestinationString,
    NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlUnicodeStringCopyString);
    if (!pszSrc)
        return STATUS_INVALID_PARAMETER;
    return us_put(DestinationString, pszSrc, us_wcslen(pszSrc, NTSTRSAFE_MAX_CCH), FALSE);
}

/* RtlUnicodeStringCat — appends SourceString. */
NTSTATUS NTAPI RtlUnicodeStringCat(PUNICODE_STRING DestinationString,
    PCUNICODE_STRING SourceString)
{
    COPY_ENTER(RtlUnicodeStringCat);
    if (!us_valid(SourceString))
        return STATUS_INVALID_PARAMETER;
    return us_put(DestinationString, SourceString->Buffer, SourceString->Length / sizeof(WCHAR),
                  TRUE);
}

/* RtlUnicodeStringCatString — appends a null-terminated string. */
NTSTATUS NTAPI RtlUnicodeStringCatString(PUNICODE_STRING DestinationString,
    NTSTRSAFE_PCWSTR pszSrc)
{
    COPY_ENTER(RtlUnicodeStringCatString);
    if (!pszSrc)
        return STATUS_INVALID_PARAMETER;
    return us_put(DestinationString, pszSrc, us_wcslen(pszSrc, NTSTRSAFE_MAX_CCH), TRUE);
}

/* RtlUnicodeStringPrintf — formats into DestinationString's buffer (no terminator). */
NTSTATUS NTAPI RtlUnicodeStringPrintf(PUNICODE_STRING DestinationString,
    NTSTRSAFE_PCWSTR pszFormat, ...)
{
    PRINTF_ENTER(RtlUnicodeStringPrintf);
    va_list ap;
    va_start(ap, pszFormat);
    NTSTATUS st = us_vprintf(&call, DestinationString, pszFormat, &ap);
    va_end(ap);
    return st;
}

NTSTATUS NTAPI RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString,
    NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
    PRINTF_ENTER(RtlUnicodeStringVPrintf);
    va_list ap;
    va_copy(ap, argList);
    NTSTATUS st = us_vprintf(&call, DestinationString, pszFormat, &ap);
    va_end(ap);
    return st;
}

/* RtlStringCb/CchCopyUnicodeString — a UNICODE_STRING into a null-terminated buffer. */
static NTSTATUS us_to_sz(PWSTR dst, size_t cch, PCUNICODE_STRING src)
{
    static const WCHAR empty = 0;
    if (!us_valid(src))
        return STATUS_INVALID_PARAMETER;
    return ss_copy(dst, cch, src->Buffer ? src->Buffer : &empty, src->Length / sizeof(WCHAR),
                   sizeof(WCHAR), FALSE, 0, FALSE).status;
}

NTSTATUS NTAPI RtlStringCbCopyUnicodeString(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
    PCUNICODE_STRING SourceString)
{
    COPY_ENTER(RtlStringCbCopyUnicodeString);
    return us_to_sz(pszDest, cb_to_cch(cbDest, sizeof(WCHAR)), SourceString);
}

NTSTATUS NTAPI RtlStringCchCopyUnicodeString(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
    PCUNICODE_STRING SourceString)
{
    COPY_ENTER(RtlStringCchCopyUnicodeString);
    return us_to_sz(pszDest, cchDest, SourceString);
}
