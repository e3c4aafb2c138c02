/*
 * src/nt/rtl_string.c — the counted-string routines of wdm.h (UNICODE_STRING, ANSI_STRING).
 * Driver profile; pool comes from the harness through bcsim__pool_alloc_bridge.
 *
 * Code page: bcsim converts wide <-> narrow text with a fixed table: code points below 0x100
 * map to the byte of the same value, anything else to '?'. (Windows uses the system ANSI
 * code page; for ASCII the two agree.)
 */
#include <wdm.h>
#include "../bridge.h"

#define RTL_STRING_TAG 0x67727453u   /* 'Strg' as the bytes of the tag read in memory order */
#define MAX_USTRING 0xFFFEu           /* largest even USHORT */

#define ENTER(name) \
    void *caller = BCSIM__CALLER(); \
    bcsim__export_enter(BCSIM__X_##name, caller)

static size_t wlen(PCWSTR s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static size_t alen(PCSZ s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static WCHAR upcase(WCHAR c)
{
    if (c >= 'a' && c <= 'z')
        return (WCHAR)(c - ('a' - 'A'));
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7)        /* Latin-1 lower case letters */
        return (WCHAR)(c - 0x20);
    if (c == 0xFF)
        return (WCHAR)0x178;
    return c;
}

/* RtlInitUnicodeString — Learn (WdmlibRtlInitUnicodeStringEx remarks): Buffer = SourceString,
 * Length = byte length without the terminator, MaximumLength = with it; NULL: both 0. A
 * string longer than MAX_USTRING - 1 bytes is clipped to Length MAX_USTRING - 2.
 * <= DISPATCH_LEVEL (nonpaged destination). */
VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString, PCWSTR SourceString)
{
    ENTER(RtlInitUnicodeString);
    (void)caller;
    size_t bytes = SourceString ? wlen(SourceString) * sizeof(WCHAR) : 0;
    if (bytes > MAX_USTRING - sizeof(WCHAR))
        bytes = MAX_USTRING - sizeof(WCHAR);
    DestinationString->Buffer = (PWCH)SourceString;
    DestinationString->Length = (USHORT)bytes;
    DestinationString->MaximumLength = (USHORT)(SourceString ? bytes + sizeof(WCHAR) : 0);
}

static void init_ansi(PSTRING d, PCSZ s)
{
    size_t n = s ? alen(s) : 0;
    if (n > MAX_USTRING)
        n = MAX_USTRING;
    d->Buffer = (PCHAR)s;
    d->Length = (USHORT)n;
    d->MaximumLength = (USHORT)(s ? n + 1 : 0);
}

/* RtlInitAnsiString / RtlInitString — the same for 8-bit text. <= DISPATCH_LEVEL. */
VOID NTAPI RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString)
{
    ENTER(RtlInitAnsiString);
    (void)caller;
    init_ansi(DestinationString, SourceString);
}

VOID NTAPI RtlInitString(PSTRING DestinationString, PCSZ SourceString)
{
    ENTER(RtlInitString);
    (void)caller;
    init_ansi(DestinationString, SourceString);
}

/* RtlCopyUnicodeString — Learn: copies at most MaximumLength bytes; a NULL source sets the
 * destination Length to zero; MaximumLength and Buffer are not modified. */
VOID NTAPI RtlCopyUnicodeString(PUNICODE_STRING DestinationString,
                                PCUNICODE_STRING SourceString)
{
    ENTER(RtlCopyUnicodeString);
    (void)caller;
    if (!SourceString || !SourceString->Buffer) {
        DestinationString->Length = 0;
        return;
    }
    size_t n = SourceString->Length;
    if (n > DestinationString->MaximumLength)
        n = DestinationString->MaximumLength;
    n &= ~(size_t)1;
    memmove(DestinationString->Buffer, SourceString->Buffer, n);
    DestinationString->Length = (USHORT)n;
    if (n + sizeof(WCHAR) <= DestinationString->MaximumLength)
        DestinationString->Buffer[n / sizeof(WCHAR)] = UNICODE_NULL;
}

static NTSTATUS append(PUNICODE_STRING d, const WCHAR *src, size_t bytes)
{
    if (!bytes)
        return STATUS_SUCCESS;
    size_t len = d->Length;
    if (len + bytes > d->MaximumLength)
        return STATUS_BUFFER_TOO_SMALL;
    memmove((char *)d->Buffer + len, src, bytes);
    d->Length = (USHORT)(len + bytes);
    if (d->Length + sizeof(WCHAR) <= d->MaximumLength)
        d->Buffer[d->Length / sizeof(WCHAR)] = UNICODE_NULL;
    return STATUS_SUCCESS;
}

/* RtlAppendUnicodeToString — Learn: STATUS_BUFFER_TOO_SMALL leaves the destination
 * unchanged. Any IRQL with a resident destination. */
NTSTATUS NTAPI RtlAppendUnicodeToString(PUNICODE_STRING Destination, PCWSTR Source)
{
    ENTER(RtlAppendUnicodeToString);
    (void)caller;
    return Source ? append(Destination, Source, wlen(Source) * sizeof(WCHAR)) : STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlAppendUnicodeStringToString(PUNICODE_STRING Destination,
                                              PCUNICODE_STRING Source)
{
    ENTER(RtlAppendUnicodeStringToString);
    (void)caller;
    return append(Destination, Source->Buffer, Source->Length & ~1u);
}

/* RtlCompareUnicodeString — Learn: < 0, 0, > 0. The first differing character decides, then
 * the length. PASSIVE_LEVEL. */
LONG NTAPI RtlCompareUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                   BOOLEAN CaseInSensitive)
{
    ENTER(RtlCompareUnicodeString);
    (void)caller;
    size_t n1 = String1->Length / sizeof(WCHAR), n2 = String2->Length / sizeof(WCHAR);
    size_t n = n1 < n2 ? n1 : n2;
    for (size_t i = 0; i < n; i++) {
        WCHAR a = String1->Buffer[i], b = String2->Buffer[i];
        if (CaseInSensitive) {
            a = upcase(a);
            b = upcase(b);
        }
        if (a != b)
            return (LONG)a - (LONG)b;
    }
    return (LONG)n1 - (LONG)n2;
}

/* RtlEqualUnicodeString — Learn: TRUE if equal. PASSIVE_LEVEL. */
BOOLEAN NTAPI RtlEqualUnicodeString(PCUNICODE_STRING String1, PCUNICODE_STRING String2,
                                    BOOLEAN CaseInSensitive)
{
    ENTER(RtlEqualUnicodeString);
    (void)caller;
    if (String1->Length != String2->Length)
        return FALSE;
    for (size_t i = 0; i < String1->Length / sizeof(WCHAR); i++) {
        WCHAR a = String1->Buffer[i], b = String2->Buffer[i];
        if (CaseInSensitive) {
            a = upcase(a);
            b = upcase(b);
        }
        if (a != b)
            return FALSE;
    }
    return TRUE;
}

/* RtlUnicodeStringToAnsiString — Learn: with AllocateDestinationString the routine allocates
 * the buffer (free it with RtlFreeAnsiString); otherwise a buffer that is too small receives
 * what fits and STATUS_BUFFER_OVERFLOW. The result is null-terminated. PASSIVE_LEVEL. */
NTSTATUS NTAPI RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
                                            PCUNICODE_STRING SourceString,
                                            BOOLEAN AllocateDestinationString)
{
    ENTER(RtlUnicodeStringToAnsiString);
    size_t n = SourceString->Buffer ? SourceString->Length / sizeof(WCHAR) : 0;
    NTSTATUS st = STATUS_SUCCESS;
    if (AllocateDestinationString) {
        PCHAR b = (PCHAR)bcsim__pool_alloc_bridge(n + 1, 1, RTL_STRING_TAG, caller);
        if (!b)
            return STATUS_NO_MEMORY;
        DestinationString->Buffer = b;
        DestinationString->MaximumLength = (USHORT)(n + 1);
    } else if (n + 1 > DestinationString->MaximumLength) {
        if (DestinationString->MaximumLength == 0)
            return STATUS_BUFFER_OVERFLOW;
        n = DestinationString->MaximumLength - 1u;
        st = STATUS_BUFFER_OVERFLOW;
    }
    for (size_t i = 0; i < n; i++) {
        WCHAR c = SourceString->Buffer[i];
        DestinationString->Buffer[i] = (CHAR)(c < 0x100 ? c : '?');
    }
    DestinationString->Buffer[n] = '\0';
    DestinationString->Length = (USHORT)n;
    return st;
}

/* RtlAnsiStringToUnicodeString — Learn: the same in the other direction; a destination that
 * cannot take the result and its terminator gets STATUS_BUFFER_OVERFLOW. PASSIVE_LEVEL. */
NTSTATUS NTAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
                                            PCANSI_STRING SourceString,
                                            BOOLEAN AllocateDestinationString)
{
    ENTER(RtlAnsiStringToUnicodeString);
    size_t n = SourceString->Buffer ? SourceString->Length : 0;
    size_t bytes = n * sizeof(WCHAR);
    if (bytes > MAX_USTRING - sizeof(WCHAR))
        return STATUS_INVALID_PARAMETER;
    if (AllocateDestinationString) {
        PWCH b = (PWCH)bcsim__pool_alloc_bridge(bytes + sizeof(WCHAR), 1, RTL_STRING_TAG, caller);
        if (!b)
            return STATUS_NO_MEMORY;
        DestinationString->Buffer = b;
        DestinationString->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    } else if (bytes + sizeof(WCHAR) > DestinationString->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW;
    }
    for (size_t i = 0; i < n; i++)
        DestinationString->Buffer[i] = (WCHAR)(UCHAR)SourceString->Buffer[i];
    DestinationString->Buffer[n] = UNICODE_NULL;
    DestinationString->Length = (USHORT)bytes;
    return STATUS_SUCCESS;
}

/* RtlFreeAnsiString / RtlFreeUnicodeString — Learn: release a buffer allocated by the
 * conversion routines. bcsim also clears the structure. PASSIVE_LEVEL. */
VOID NTAPI RtlFreeAnsiString(PANSI_STRING AnsiString)
{
    ENTER(RtlFreeAnsiString);
    if (AnsiString->Buffer)
        bcsim__pool_free_bridge(AnsiString->Buffer, caller);
    AnsiString->Buffer = NULL;
    AnsiString->Length = AnsiString->MaximumLength = 0;
}

VOID NTAPI RtlFreeUnicodeString(PUNICODE_STRING UnicodeString)
{
    ENTER(RtlFreeUnicodeString);
    if (UnicodeString->Buffer)
        bcsim__pool_free_bridge(UnicodeString->Buffer, caller);
    UnicodeString->Buffer = NULL;
    UnicodeString->Length = UnicodeString->MaximumLength = 0;
}

/* RtlUpcaseUnicodeChar — upper case of ASCII and Latin-1 letters (bcsim's table). */
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR SourceCharacter)
{
    ENTER(RtlUpcaseUnicodeChar);
    (void)caller;
    return upcase(SourceCharacter);
}

/* RtlIntegerToUnicodeString — Learn: Base 2, 8, 10 or 16 (0 = 10); STATUS_BUFFER_OVERFLOW
 * if the digits do not fit. Upper-case hex digits, no prefix; terminated when there is room. */
NTSTATUS NTAPI RtlIntegerToUnicodeString(ULONG Value, ULONG Base, PUNICODE_STRING String)
{
    ENTER(RtlIntegerToUnicodeString);
    (void)caller;
    if (Base == 0)
        Base = 10;
    if (Base != 2 && Base != 8 && Base != 10 && Base != 16)
        return STATUS_INVALID_PARAMETER;
    WCHAR digits[33];
    size_t n = 0;
    do {
        ULONG d = Value % Base;
        digits[n++] = (WCHAR)(d < 10 ? '0' + d : 'A' + d - 10);
        Value /= Base;
    } while (Value);
    size_t bytes = n * sizeof(WCHAR);
    if (bytes > String->MaximumLength)
        return STATUS_BUFFER_OVERFLOW;
    for (size_t i = 0; i < n; i++)
        String->Buffer[i] = digits[n - 1 - i];
    String->Length = (USHORT)bytes;
    if (bytes + sizeof(WCHAR) <= String->MaximumLength)
        String->Buffer[n] = UNICODE_NULL;
    return STATUS_SUCCESS;
}

/* Shared by RtlUnicodeStringToInteger and RtlCharToInteger: n characters read by at(). */
static NTSTATUS to_integer(const void *s, size_t n, int wide, ULONG Base, PULONG Value)
{
    size_t i = 0;
#define AT(k) (wide ? (ULONG)((const WCHAR *)s)[k] : (ULONG)(UCHAR)((const CHAR *)s)[k])
    if (Base != 0 && Base != 2 && Base != 8 && Base != 10 && Base != 16)
        return STATUS_INVALID_PARAMETER;
    while (i < n && (AT(i) == ' ' || AT(i) == '\t' || AT(i) == '\n' || AT(i) == '\r' ||
                     AT(i) == '\v' || AT(i) == '\f'))
        i++;
    BOOLEAN neg = FALSE;
    if (i < n && (AT(i) == '+' || AT(i) == '-')) {
        neg = AT(i) == '-';
        i++;
    }
    if (Base == 0) {
        Base = 10;
        if (i + 1 < n && AT(i) == '0') {
            ULONG p = AT(i + 1) | 0x20;
            if (p == 'x') Base = 16, i += 2;
            else if (p == 'o') Base = 8, i += 2;
            else if (p == 'b') Base = 2, i += 2;
        }
    }
    ULONG v = 0;
    for (; i < n; i++) {
        ULONG c = AT(i), d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
        else break;
        if (d >= Base)
            break;
        v = v * Base + d;
    }
#undef AT
    *Value = neg ? (ULONG)(0u - v) : v;
    return STATUS_SUCCESS;
}

/* RtlUnicodeStringToInteger — Learn: optional white space and sign; Base 0 reads a 0x, 0o or
 * 0b prefix; STATUS_INVALID_PARAMETER for another base. PASSIVE_LEVEL. */
NTSTATUS NTAPI RtlUnicodeStringToInteger(PCUNICODE_STRING String, ULONG Base, PULONG Value)
{
    ENTER(RtlUnicodeStringToInteger);
    (void)caller;
    return to_integer(String->Buffer, String->Buffer ? String->Length / sizeof(WCHAR) : 0, 1,
                      Base, Value);
}

/* RtlCharToInteger — the same for a null-terminated 8-bit string. PASSIVE_LEVEL. */
NTSTATUS NTAPI RtlCharToInteger(PCSZ String, ULONG Base, PULONG Value)
{
    ENTER(RtlCharToInteger);
    (void)caller;
    return to_integer(String, alen(String), 0, Base, Value);
}
