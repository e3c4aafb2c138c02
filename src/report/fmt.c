/*
 * src/report/fmt.c — the one formatter with Windows printf semantics (wdk-surface.md S16) used by
 * DbgPrint & co., the ntstrsafe printf family and the WPP trace sink.
 *
 * Behaviour follows Microsoft Learn, "Format specification syntax: printf and wprintf
 * functions" and the DbgPrint / DbgPrintEx pages:
 *   - length modifiers: h, hh, l (32 bits for integers, wide for c/s), ll, I64, I32, I
 *     (pointer width), z, t, j (64 bits on x64), w (wide c/s/Z), L (long double);
 *   - %p: the pointer as 16 uppercase hexadecimal digits, no prefix;
 *   - %S / %C: the "other" width (wide in narrow functions, narrow in wide ones), %hs/%hc
 *     always narrow, %ls/%lc/%ws/%wc always wide; %Z an ANSI_STRING, %wZ a UNICODE_STRING
 *     (Length bytes of Buffer; a NULL structure or Buffer prints "(null)");
 *   - a NULL string pointer prints "(null)";
 *   - %n writes nothing: it is refused (its pointer is consumed) and reported in flags_used.
 * Wide text is 16-bit units converted to UTF-8 (surrogate pairs joined, invalid units become
 * U+FFFD). Narrow text is passed through unchanged (treated as UTF-8 where it must be
 * converted to wide).
 *
 * The formatter runs on whatever stack the driver is on (a bug-check callback has 24 KiB):
 * it keeps its locals small and never recurses.
 */
#include "report/fmt.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bcsim.h"

/* ---- output ----------------------------------------------------------------------------- */

/* Growth limit for wide mode's intermediate UTF-8 text; beyond it output is only counted. */
#define GROW_LIMIT (64u << 20)

typedef struct sink {
    char *buf;
    size_t cap;          /* bytes of text buf can take (its NUL slot excluded) */
    size_t len;          /* bytes written */
    uint64_t total;      /* bytes the complete output needs */
    bool grow;           /* buf is malloc'ed and grows (wide mode) */
    bool wide;           /* widths count UTF-16 units (wide mode) */
    unsigned used;       /* BCSIM__FMT_USED_* */
} sink_t;

static void grow_to(sink_t *s, size_t need)
{
    if (need <= s->cap || need > GROW_LIMIT)
        return;
    size_t cap = s->cap ? s->cap : 256;
    while (cap < need)
        cap *= 2;
    if (cap > GROW_LIMIT)
        cap = GROW_LIMIT;
    char *p = realloc(s->buf, cap + 1);
    if (!p)
        return;
    s->buf = p;
    s->cap = cap;
}

static void put(sink_t *s, const char *p, size_t n)
{
    s->total += n;
    if (s->grow)
        grow_to(s, s->len + n);
    size_t room = s->cap > s->len ? s->cap - s->len : 0;
    size_t k = n < room ? n : room;
    if (k) {
        memcpy(s->buf + s->len, p, k);
        s->len += k;
    }
}

static void put_rep(sink_t *s, char c, size_t n)
{
    char chunk[64];
    memset(chunk, c, sizeof(chunk));
    while (n) {
        size_t k = n < sizeof(chunk) ? n : sizeof(chunk);
        put(s, chunk, k);
        n -= k;
    }
}

/* ---- UTF-8 / UTF-16 ------------------------------------------------------------------------ */

static size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* One code point from 16-bit units; returns units consumed (>= 1). */
static size_t utf16_next(const uint16_t *w, size_t n, uint32_t *cp)
{
    uint16_t u = w[0];
    if (u >= 0xD800 && u <= 0xDBFF && n >= 2 && w[1] >= 0xDC00 && w[1] <= 0xDFFF) {
        *cp = 0x10000 + (((uint32_t)u - 0xD800) << 10) + ((uint32_t)w[1] - 0xDC00);
        return 2;
    }
    *cp = (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u;
    return 1;
}

/* One code point from UTF-8; invalid or truncated sequences yield U+FFFD for one byte. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

static size_t utf8_units16(const char *s, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf8_next((const unsigned char *)s + i, n - i, &cp);
        units += cp >= 0x10000 ? 2 : 1;
    }
    return units;
}

static size_t utf16_bytes8(const uint16_t *w, size_t n)
{
    size_t bytes = 0;
    char tmp[4];
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf16_next(w + i, n - i, &cp);
        bytes += utf8_encode(cp, tmp);
    }
    return bytes;
}

static void put_utf16(sink_t *s, const uint16_t *w, size_t n)
{
    char tmp[4];
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf16_next(w + i, n - i, &cp);
        put(s, tmp, utf8_encode(cp, tmp));
    }
}

size_t bcsim__utf16_to_utf8(char *out, size_t size, const uint16_t *in, size_t units)
{
    sink_t s = { .buf = out, .cap = size ? size - 1 : 0 };
    if (in)
        put_utf16(&s, in, units);
    if (size)
        out[s.len] = '\0';
    return (size_t)s.total;
}

/* Writes at most cap units (a surrogate pair may be split at the end, as a unit-counted
 * truncation does); returns the units the whole input needs. */
static size_t utf8_to_utf16(uint16_t *out, size_t cap, const char *in, size_t bytes, size_t *written)
{
    size_t need = 0, w = 0;
    for (size_t i = 0; in && i < bytes;) {
        uint32_t cp;
        i += utf8_next((const unsigned char *)in + i, bytes - i, &cp);
        uint16_t u[2];
        size_t k = 1;
        if (cp >= 0x10000) {
            u[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
            u[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            k = 2;
        } else {
            u[0] = (uint16_t)cp;
        }
        need += k;
        for (size_t j = 0; j < k && w < cap; j++)
            out[w++] = u[j];
    }
    if (written)
        *written = w;
    return need;
}

size_t bcsim__utf8_to_utf16(uint16_t *out, size_t size, const char *in, size_t bytes)
{
    size_t w = 0;
    size_t need = utf8_to_utf16(out, size ? size - 1 : 0, in, bytes, &w);
    if (size)
        out[w] = 0;
    return need;
}

/* ---- status names (wdk-surface.md 3.4) ------------------------------------------------------ */

static const struct { uint32_t code; const char *name; } statuses[] = {
    { 0x00000000u, "STATUS_SUCCESS" },
    { 0x00000102u, "STATUS_TIMEOUT" },
    { 0x00000103u, "STATUS_PENDING" },
    { 0x80000001u, "STATUS_GUARD_PAGE_VIOLATION" },
    { 0x80000002u, "STATUS_DATATYPE_MISALIGNMENT" },
    { 0x80000003u, "STATUS_BREAKPOINT" },
    { 0x80000005u, "STATUS_BUFFER_OVERFLOW" },
    { 0xC0000001u, "STATUS_UNSUCCESSFUL" },
    { 0xC0000002u, "STATUS_NOT_IMPLEMENTED" },
    { 0xC0000004u, "STATUS_INFO_LENGTH_MISMATCH" },
    { 0xC0000005u, "STATUS_ACCESS_VIOLATION" },
    { 0xC0000006u, "STATUS_IN_PAGE_ERROR" },
    { 0xC000000Du, "STATUS_INVALID_PARAMETER" },
    { 0xC000000Eu, "STATUS_NO_SUCH_DEVICE" },
    { 0xC0000010u, "STATUS_INVALID_DEVICE_REQUEST" },
    { 0xC0000017u, "STATUS_NO_MEMORY" },
    { 0xC000001Du, "STATUS_ILLEGAL_INSTRUCTION" },
    { 0xC0000022u, "STATUS_ACCESS_DENIED" },
    { 0xC0000023u, "STATUS_BUFFER_TOO_SMALL" },
    { 0xC0000034u, "STATUS_OBJECT_NAME_NOT_FOUND" },
    { 0xC0000094u, "STATUS_INTEGER_DIVIDE_BY_ZERO" },
    { 0xC0000095u, "STATUS_INTEGER_OVERFLOW" },
    { 0xC0000096u, "STATUS_PRIVILEGED_INSTRUCTION" },
    { 0xC000009Au, "STATUS_INSUFFICIENT_RESOURCES" },
    { 0xC00000A3u, "STATUS_DEVICE_NOT_READY" },
    { 0xC00000BBu, "STATUS_NOT_SUPPORTED" },
    { 0xC00000F2u, "STATUS_INVALID_PARAMETER_4" },
    { 0xC00000FDu, "STATUS_STACK_OVERFLOW" },
    { 0xC0000120u, "STATUS_CANCELLED" },
    { 0xC0000184u, "STATUS_INVALID_DEVICE_STATE" },
    { 0xC0000225u, "STATUS_NOT_FOUND" },
};

const char *bcsim__status_name(int32_t status)
{
    for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
        if (statuses[i].code == (uint32_t)status)
            return statuses[i].name;
    return NULL;
}

/* ---- conversion specifications ----------------------------------------------------------------- */

enum {
    LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_I64, LEN_I32, LEN_PTR, LEN_W, LEN_LD
};

typedef struct spec {
    bool minus, plus, space, hash, zero;
    int width;            /* -1: none */
    int prec;             /* -1: none */
    int len;              /* LEN_* */
} spec_t;

/* The WPP call-site context (NULL outside bcsim__fmt_wpp). */
typedef struct wpp_ctx {
    const char *file;
    unsigned line;
    const char *func;
} wpp_ctx_t;

static int clamp_width(long long v)
{
    return v > BCSIM_FMT_MAX_WIDTH ? BCSIM_FMT_MAX_WIDTH : (int)v;
}

static void pad(sink_t *s, const spec_t *sp, size_t units)
{
    if (sp->width > 0 && (size_t)sp->width > units)
        put_rep(s, ' ', (size_t)sp->width - units);
}

/* ---- integers ---------------------------------------------------------------------------------- */

static void fmt_integer(sink_t *s, const spec_t *sp, uint64_t mag, bool neg, bool is_signed,
                        unsigned base, bool upper)
{
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[72];
    size_t nd = 0;
    bool nonzero = mag != 0;
    if (!(mag == 0 && sp->prec == 0)) {
        do {
            digits[nd++] = dig[mag % base];
            mag /= base;
        } while (mag);
    }
    size_t zeros = sp->prec > 0 && (size_t)sp->prec > nd ? (size_t)sp->prec - nd : 0;
    if (base == 8 && sp->hash && zeros == 0 && (nd == 0 || digits[nd - 1] != '0'))
        zeros = 1;
    char prefix[3];
    size_t np = 0;
    if (is_signed) {
        if (neg)
            prefix[np++] = '-';
        else if (sp->plus)
            prefix[np++] = '+';
        else if (sp->space)
            prefix[np++] = ' ';
    } else if (base == 16 && sp->hash && nonzero) {
        prefix[np++] = '0';
        prefix[np++] = upper ? 'X' : 'x';
    }
    size_t total = np + zeros + nd;
    if (sp->zero && !sp->minus && sp->prec < 0 && sp->width > 0 && (size_t)sp->width > total) {
        zeros += (size_t)sp->width - total;
        total = (size_t)sp->width;
    }
    if (!sp->minus)
        pad(s, sp, total);
    put(s, prefix, np);
    put_rep(s, '0', zeros);
    char out[72];
    for (size_t i = 0; i < nd; i++)
        out[i] = digits[nd - 1 - i];
    put(s, out, nd);
    if (sp->minus)
        pad(s, sp, total);
}

static int64_t arg_signed(va_list *ap, int len)
{
    switch (len) {
    case LEN_HH: return (signed char)va_arg(*ap, int);
    case LEN_H: return (short)va_arg(*ap, int);
    case LEN_LL: case LEN_I64: case LEN_PTR: case LEN_LD: return va_arg(*ap, long long);
    default: return va_arg(*ap, int);   /* none, l, I32, w: 32 bits (LLP64) */
    }
}

static uint64_t arg_unsigned(va_list *ap, int len)
{
    switch (len) {
    case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
    case LEN_H: return (unsigned short)va_arg(*ap, unsigned int);
    case LEN_LL: case LEN_I64: case LEN_PTR: case LEN_LD: return va_arg(*ap, unsigned long long);
    default: return va_arg(*ap, unsigned int);
    }
}

/* ---- characters and strings ------------------------------------------------------------------- */

/* Does a c/s/Z conversion take a wide argument? */
static bool wide_arg(const spec_t *sp, bool upper_conv, bool wide_mode)
{
    if (sp->len == LEN_H || sp->len == LEN_HH)
        return false;
    if (sp->len == LEN_L || sp->len == LEN_W)
        return true;
    return upper_conv ? !wide_mode : wide_mode;
}

static void fmt_narrow_str(sink_t *s, const spec_t *sp, const char *str, size_t max)
{
    size_t n = 0;
    if (sp->prec >= 0 && (size_t)sp->prec < max)
        max = (size_t)sp->prec;
    while (n < max && str[n])
        n++;
    size_t units = s->wide ? utf8_units16(str, n) : n;
    if (!sp->minus)
        pad(s, sp, units);
    put(s, str, n);
    if (sp->minus)
        pad(s, sp, units);
}

static void fmt_wide_str(sink_t *s, const spec_t *sp, const uint16_t *w, size_t max)
{
    size_t n = 0;
    if (sp->prec >= 0 && (size_t)sp->prec < max)
        max = (size_t)sp->prec;
    while (n < max && w[n])
        n++;
    size_t units = s->wide ? n : utf16_bytes8(w, n);
    if (!sp->minus)
        pad(s, sp, units);
    put_utf16(s, w, n);
    if (sp->minus)
        pad(s, sp, units);
}

/* Counted strings print Length bytes, embedded NULs included. */
static void fmt_counted(sink_t *s, const spec_t *sp, const void *str, bool wide)
{
    /* x64 layout of UNICODE_STRING / ANSI_STRING: Length @0, MaximumLength @2, Buffer @8 */
    struct counted { uint16_t length, maximum_length; uint32_t pad; const void *buffer; };
    _Static_assert(offsetof(struct counted, buffer) == 8, "counted string layout");
    const struct counted *c = str;
    if (!c || !c->buffer) {
        fmt_narrow_str(s, sp, "(null)", SIZE_MAX);
        return;
    }
    size_t n = wide ? c->length / 2u : c->length;
    if (sp->prec >= 0 && (size_t)sp->prec < n)
        n = (size_t)sp->prec;
    size_t units;
    if (wide)
        units = s->wide ? n : utf16_bytes8(c->buffer, n);
    else
        units = s->wide ? utf8_units16(c->buffer, n) : n;
    if (!sp->minus)
        pad(s, sp, units);
    if (wide)
        put_utf16(s, c->buffer, n);
    else
        put(s, c->buffer, n);
    if (sp->minus)
        pad(s, sp, units);
}

/* ---- floating point: glibc with a format bcsim builds itself ------------------------------------ */

static void fmt_float(sink_t *s, const spec_t *sp, char conv, va_list *ap)
{
    bool ld = sp->len == LEN_LD;
    long double lv = 0;
    double dv = 0;
    if (ld)
        lv = va_arg(*ap, long double);
    else
        dv = va_arg(*ap, double);
    char f[16];
    size_t k = 0;
    f[k++] = '%';
    if (sp->plus)
        f[k++] = '+';
    else if (sp->space)
        f[k++] = ' ';
    if (sp->hash)
        f[k++] = '#';
    f[k++] = '.';
    f[k++] = '*';
    if (ld)
        f[k++] = 'L';
    f[k++] = conv;
    f[k] = '\0';
    int prec = sp->prec < 0 ? ((conv == 'a' || conv == 'A') ? -1 : 6) : sp->prec;
    if (prec > 512)
        prec = 512;
    char small[128];
    char *buf = small;
    int n = ld ? snprintf(small, sizeof(small), f, prec, lv) : snprintf(small, sizeof(small), f, prec, dv);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof(small)) {
        buf = malloc((size_t)n + 1);
        if (!buf)
            return;
        n = ld ? snprintf(buf, (size_t)n + 1, f, prec, lv) : snprintf(buf, (size_t)n + 1, f, prec, dv);
        if (n < 0) {
            free(buf);
            return;
        }
    }
    size_t len = (size_t)n;
    size_t sign = (len && (buf[0] == '-' || buf[0] == '+' || buf[0] == ' ')) ? 1 : 0;
    bool finite = strspn(buf + sign, "0123456789.") > 0;   /* not inf / nan */
    if (sp->zero && !sp->minus && finite && sp->width > 0 && (size_t)sp->width > len) {
        put(s, buf, sign);
        size_t hex = (conv == 'a' || conv == 'A') ? 2 : 0;   /* zeros go after "0x" */
        put(s, buf + sign, hex);
        put_rep(s, '0', (size_t)sp->width - len);
        put(s, buf + sign + hex, len - sign - hex);
    } else {
        if (!sp->minus)
            pad(s, sp, len);
        put(s, buf, len);
        if (sp->minus)
            pad(s, sp, len);
    }
    if (buf != small)
        free(buf);
}

/* ---- WPP extensions ------------------------------------------------------------------------------ */

static const char *base_name(const char *path)
{
    const char *b = path;
    for (const char *p = path; *p; p++)
        if (*p == '/' || *p == '\\')
            b = p + 1;
    return b;
}

/* name points after "%!", n bytes up to the closing '!'. */
static void fmt_wpp_item(sink_t *s, const char *name, size_t n, const wpp_ctx_t *w, va_list *ap)
{
    char tmp[64];
    spec_t none = { .width = -1, .prec = -1 };
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
    if (IS("FUNC")) {
        fmt_narrow_str(s, &none, w->func ? w->func : "?", SIZE_MAX);
    } else if (IS("FILE")) {
        fmt_narrow_str(s, &none, w->file ? base_name(w->file) : "?", SIZE_MAX);
    } else if (IS("LINE")) {
        fmt_integer(s, &none, w->line, false, false, 10, false);
    } else if (IS("STATUS")) {
        int32_t st = va_arg(*ap, int32_t);
        const char *nm = bcsim__status_name(st);
        if (nm) {
            fmt_narrow_str(s, &none, nm, SIZE_MAX);
        } else {
            snprintf(tmp, sizeof(tmp), "0x%08X", (unsigned)st);
            put(s, tmp, strlen(tmp));
        }
    } else if (IS("HEXDUMP")) {
        struct xstr { const unsigned char *buf; short len; } x = va_arg(*ap, struct xstr);
        if (!x.buf) {
            put(s, "(null)", 6);
        } else {
            for (short i = 0; i < x.len; i++) {
                snprintf(tmp, sizeof(tmp), i ? " %02X" : "%02X", x.buf[i]);
                put(s, tmp, strlen(tmp));
            }
        }
    } else if (IS("GUID")) {
        const bcsim_guid_t *g = va_arg(*ap, const bcsim_guid_t *);
        if (!g) {
            put(s, "(null)", 6);
        } else {
            bcsim_guid_format(g, tmp);
            put(s, tmp, strlen(tmp));
        }
    } else if (IS("bool")) {
        int b = va_arg(*ap, int);
        fmt_narrow_str(s, &none, b ? "TRUE" : "FALSE", SIZE_MAX);
    } else if (IS("IPADDR")) {
        uint32_t a = va_arg(*ap, uint32_t);
        const unsigned char *o = (const unsigned char *)&a;   /* network order in memory */
        snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", o[0], o[1], o[2], o[3]);
        put(s, tmp, strlen(tmp));
    } else {
        unsigned long long v = va_arg(*ap, unsigned long long);
        snprintf(tmp, sizeof(tmp), "0x%llX", v);
        put(s, tmp, strlen(tmp));
    }
#undef IS
}

/* ---- the driver loop ------------------------------------------------------------------------------- */

static void run(sink_t *s, const char *fmt, va_list *ap, const wpp_ctx_t *w)
{
    if (!fmt) {
        put(s, "(null)", 6);
        return;
    }
    const char *p = fmt;
    while (*p) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%')
                q++;
            put(s, p, (size_t)(q - p));
            p = q;
            continue;
        }
        const char *start = p++;
        if (w && *p == '!') {
            const char *name = p + 1;
            const char *end = strchr(name, '!');
            if (end) {
                fmt_wpp_item(s, name, (size_t)(end - name), w, ap);
                p = end + 1;
                continue;
            }
        }
        spec_t sp = { .width = -1, .prec = -1, .len = LEN_NONE };
        for (;; p++) {
            if (*p == '-') sp.minus = true;
            else if (*p == '+') sp.plus = true;
            else if (*p == ' ') sp.space = true;
            else if (*p == '#') sp.hash = true;
            else if (*p == '0') sp.zero = true;
            else break;
        }
        if (*p == '*') {
            int v = va_arg(*ap, int);
            if (v < 0) {
                sp.minus = true;
                sp.width = clamp_width(-(long long)v);
            } else {
                sp.width = clamp_width(v);
            }
            p++;
        } else {
            long long v = -1;
            while (*p >= '0' && *p <= '9') {
                v = (v < 0 ? 0 : v) * 10 + (*p++ - '0');
                if (v > BCSIM_FMT_MAX_WIDTH)
                    v = BCSIM_FMT_MAX_WIDTH;
            }
            sp.width = (int)v;
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                int v = va_arg(*ap, int);
                sp.prec = v < 0 ? -1 : clamp_width(v);
                p++;
            } else {
                long long v = 0;
                while (*p >= '0' && *p <= '9') {
                    v = v * 10 + (*p++ - '0');
                    if (v > BCSIM_FMT_MAX_WIDTH)
                        v = BCSIM_FMT_MAX_WIDTH;
                }
                sp.prec = (int)v;
            }
        }
        switch (*p) {
        case 'h':
            if (p[1] == 'h') { sp.len = LEN_HH; p += 2; }
            else { sp.len = LEN_H; p++; }
            break;
        case 'l':
            if (p[1] == 'l') { sp.len = LEN_LL; p += 2; }
            else { sp.len = LEN_L; p++; }
            break;
        case 'I':
            if (p[1] == '6' && p[2] == '4') { sp.len = LEN_I64; p += 3; }
            else if (p[1] == '3' && p[2] == '2') { sp.len = LEN_I32; p += 3; }
            else { sp.len = LEN_PTR; p++; }
            break;
        case 'z': case 't': case 'j':
            sp.len = LEN_PTR;
            p++;
            break;
        case 'w':
            sp.len = LEN_W;
            p++;
            break;
        case 'L':
            sp.len = LEN_LD;
            p++;
            break;
        default:
            break;
        }
        char conv = *p;
        if (conv == '\0') {
            /* truncated specification: printed as written */
            s->used |= BCSIM__FMT_BAD_SPEC;
            put(s, start, (size_t)(p - start));
            break;
        }
        p++;
        switch (conv) {
        case 'd': case 'i': {
            int64_t v = arg_signed(ap, sp.len);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            fmt_integer(s, &sp, mag, v < 0, true, 10, false);
            break;
        }
        case 'u':
            fmt_integer(s, &sp, arg_unsigned(ap, sp.len), false, false, 10, false);
            break;
        case 'o':
            fmt_integer(s, &sp, arg_unsigned(ap, sp.len), false, false, 8, false);
            break;
        case 'x': case 'X':
            fmt_integer(s, &sp, arg_unsigned(ap, sp.len), false, false, 16, conv == 'X');
            break;
        case 'p': {
            uint64_t v = (uint64_t)(uintptr_t)va_arg(*ap, void *);
            spec_t pp = sp;
            pp.prec = 16;
            pp.hash = pp.plus = pp.space = false;
            fmt_integer(s, &pp, v, false, false, 16, true);
            break;
        }
        case 'c': case 'C': {
            bool wide = wide_arg(&sp, conv == 'C', s->wide);
            unsigned v = va_arg(*ap, unsigned int);
            if (wide != s->wide)
                s->used |= BCSIM__FMT_USED_UNICODE;
            spec_t cs = sp;
            cs.prec = -1;
            if (wide ? (uint16_t)v == 0 : (char)v == '\0') {
                /* a NUL character is output like any other */
                if (!cs.minus)
                    pad(s, &cs, 1);
                put(s, "", 1);
                if (cs.minus)
                    pad(s, &cs, 1);
            } else if (wide) {
                uint16_t u = (uint16_t)v;
                fmt_wide_str(s, &cs, &u, 1);
            } else {
                char c = (char)v;
                fmt_narrow_str(s, &cs, &c, 1);
            }
            break;
        }
        case 's': case 'S': {
            bool wide = wide_arg(&sp, conv == 'S', s->wide);
            const void *str = va_arg(*ap, const void *);
            if (wide != s->wide)
                s->used |= BCSIM__FMT_USED_UNICODE;
            if (!str)
                fmt_narrow_str(s, &sp, "(null)", SIZE_MAX);
            else if (wide)
                fmt_wide_str(s, &sp, str, SIZE_MAX);
            else
                fmt_narrow_str(s, &sp, str, SIZE_MAX);
            break;
        }
        case 'Z': {
            bool wide = wide_arg(&sp, false, s->wide);
            const void *str = va_arg(*ap, const void *);
            if (wide != s->wide)
                s->used |= BCSIM__FMT_USED_UNICODE;
            fmt_counted(s, &sp, str, wide);
            break;
        }
        case 'n':
            (void)va_arg(*ap, void *);
            s->used |= BCSIM__FMT_USED_PERCENT_N;
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            s->used |= BCSIM__FMT_USED_FLOAT;
            fmt_float(s, &sp, conv, ap);
            break;
        case '%':
            put(s, "%", 1);
            break;
        default:
            /* unknown conversion: printed as written, no argument consumed */
            s->used |= BCSIM__FMT_BAD_SPEC;
            put(s, start, (size_t)(p - start));
            break;
        }
    }
}

static int clamp_int(uint64_t v)
{
    return v > INT_MAX ? INT_MAX : (int)v;
}

static int narrow(char *out, size_t size, const char *fmt, va_list *ap, const wpp_ctx_t *w,
                  unsigned *flags_used)
{
    sink_t s = { .buf = out, .cap = (out && size) ? size - 1 : 0 };
    run(&s, fmt, ap, w);
    if (out && size)
        out[s.len] = '\0';
    if (flags_used)
        *flags_used = s.used;
    return clamp_int(s.total);
}

int bcsim__fmt_windows(char *out, size_t size, const char *fmt, va_list ap, unsigned *flags_used)
{
    va_list aq;
    va_copy(aq, ap);
    int n = narrow(out, size, fmt, &aq, NULL, flags_used);
    va_end(aq);
    return n;
}

int bcsim__fmt_wpp(char *out, size_t size, const char *fmt, va_list ap, const char *file,
                   unsigned line, const char *func, unsigned *flags_used)
{
    wpp_ctx_t w = { .file = file, .line = line, .func = func };
    va_list aq;
    va_copy(aq, ap);
    int n = narrow(out, size, fmt, &aq, &w, flags_used);
    va_end(aq);
    return n;
}

static int wide(uint16_t *out, size_t size, const uint16_t *fmt, va_list *ap, bool terminate,
                unsigned *flags_used)
{
    /* the format converted to UTF-8, then one pass in wide mode, then back to 16-bit units */
    char small[256];
    char *f8 = NULL;
    if (!out)
        size = 0;
    if (fmt) {
        size_t n = 0;
        while (fmt[n])
            n++;
        size_t need = utf16_bytes8(fmt, n) + 1;
        f8 = need <= sizeof(small) ? small : malloc(need);
        if (!f8) {
            if (terminate && size)
                out[0] = 0;
            return 0;
        }
        bcsim__utf16_to_utf8(f8, need, fmt, n);
    }
    sink_t s = { .grow = true, .wide = true };
    run(&s, f8, ap, NULL);
    if (f8 != small)
        free(f8);
    size_t w = 0;
    size_t cap = terminate ? (size ? size - 1 : 0) : size;
    size_t units = utf8_to_utf16(out, cap, s.buf, s.len, &w);
    if (terminate && size)
        out[w] = 0;
    /* text beyond the growth limit was only counted: estimate it at one unit per byte */
    units += (size_t)(s.total - s.len);
    free(s.buf);
    if (flags_used)
        *flags_used = s.used;
    return clamp_int(units);
}

int bcsim__fmt_windows_w(uint16_t *out, size_t size, const uint16_t *fmt, va_list ap,
                         unsigned *flags_used)
{
    va_list aq;
    va_copy(aq, ap);
    int n = wide(out, size, fmt, &aq, true, flags_used);
    va_end(aq);
    return n;
}

/* ---- the bridge (src/nt callers pass &their va_list: both worlds use the builtin type) ------- */

int bcsim__fmt_bridge(char *out, bcsim__u64 size, const char *fmt, void *va_list_ptr,
                      unsigned *flags_used)
{
    return narrow(out, (size_t)size, fmt, (va_list *)va_list_ptr, NULL, flags_used);
}

int bcsim__fmt_bridge_w(unsigned short *out, bcsim__u64 size, const unsigned short *fmt,
                        void *va_list_ptr, unsigned *flags_used)
{
    return wide(out, (size_t)size, fmt, (va_list *)va_list_ptr, true, flags_used);
}

int bcsim__fmt_bridge_wn(unsigned short *out, bcsim__u64 size, const unsigned short *fmt,
                         void *va_list_ptr, unsigned *flags_used)
{
    return wide(out, (size_t)size, fmt, (va_list *)va_list_ptr, false, flags_used);
}
