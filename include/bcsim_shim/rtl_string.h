/*
 * bcsim shim: counted-string routines of wdm.h (wdk-surface.md 3.10 "Rtl memory / strings").
 *
 * Written for bcsim from Microsoft Learn: the RtlInitUnicodeString / WdmlibRtlInitUnicodeStringEx,
 * RtlInitAnsiString, RtlInitString, RtlCopyUnicodeString, RtlAppendUnicodeToString,
 * RtlAppendUnicodeStringToString, RtlCompareUnicodeString, RtlEqualUnicodeString,
 * RtlUnicodeStringToAnsiString, RtlAnsiStringToUnicodeString, RtlFreeAnsiString,
 * RtlFreeUnicodeString, RtlUpcaseUnicodeChar, RtlIntegerToUnicodeString,
 * RtlUnicodeStringToInteger and RtlCharToInteger pages.
 *
 * Lengths of UNICODE_STRING / ANSI_STRING are in bytes. bcsim converts between wide and
 * narrow text with a fixed code page: code points below 0x100 map to the byte of the same
 * value, everything else to '?'. Strings a routine allocates (AllocateDestinationString =
 * TRUE) come from paged pool and are released with RtlFreeAnsiString / RtlFreeUnicodeString.
 */
#ifndef BCSIM_SHIM_RTL_STRING_H
#define BCSIM_SHIM_RTL_STRING_H

#include <ntdef.h>

EXTERN_C_START

/* Buffer = SourceString; Length = its length in bytes, MaximumLength = Length + sizeof(WCHAR);
 * NULL gives an empty string (Length = MaximumLength = 0). <= DISPATCH_LEVEL. */
NTSYSAPI VOID NTAPI RtlInitUnicodeString(_Out_ PUNICODE_STRING DestinationString,
                                         _In_opt_ PCWSTR SourceString);
/* The same for 8-bit strings: MaximumLength = Length + 1. <= DISPATCH_LEVEL. */
NTSYSAPI VOID NTAPI RtlInitAnsiString(_Out_ PANSI_STRING DestinationString,
                                      _In_opt_ PCSZ SourceString);
NTSYSAPI VOID NTAPI RtlInitString(_Out_ PSTRING DestinationString, _In_opt_ PCSZ SourceString);

/* Copies min(Source->Length, Destination->MaximumLength) bytes; a NULL source sets
 * Destination->Length to 0. Terminates the copy when there is room. */
NTSYSAPI VOID NTAPI RtlCopyUnicodeString(_Inout_ PUNICODE_STRING DestinationString,
                                         _In_opt_ PCUNICODE_STRING SourceString);
/* STATUS_SUCCESS, or STATUS_BUFFER_TOO_SMALL leaving Destination unchanged. */
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeToString(_Inout_ PUNICODE_STRING Destination,
                                                 _In_opt_ PCWSTR Source);
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeStringToString(_Inout_ PUNICODE_STRING Destination,
                                                       _In_ PCUNICODE_STRING Source);

/* < 0, 0 or > 0 as String1 sorts before, equal to or after String2. PASSIVE_LEVEL. */
NTSYSAPI LONG NTAPI RtlCompareUnicodeString(_In_ PCUNICODE_STRING String1,
                                            _In_ PCUNICODE_STRING String2,
                                            _In_ BOOLEAN CaseInSensitive);
NTSYSAPI BOOLEAN NTAPI RtlEqualUnicodeString(_In_ PCUNICODE_STRING String1,
                                             _In_ PCUNICODE_STRING String2,
                                             _In_ BOOLEAN CaseInSensitive);

/* With AllocateDestinationString the buffer comes from paged pool (STATUS_NO_MEMORY if that
 * fails); otherwise a short buffer receives what fits and STATUS_BUFFER_OVERFLOW. */
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(_Inout_ PANSI_STRING DestinationString,
                                                     _In_ PCUNICODE_STRING SourceString,
                                                     _In_ BOOLEAN AllocateDestinationString);
NTSYSAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(_Inout_ PUNICODE_STRING DestinationString,
                                                     _In_ PCANSI_STRING SourceString,
                                                     _In_ BOOLEAN AllocateDestinationString);
NTSYSAPI VOID NTAPI RtlFreeAnsiString(_Inout_ PANSI_STRING AnsiString);
NTSYSAPI VOID NTAPI RtlFreeUnicodeString(_Inout_ PUNICODE_STRING UnicodeString);

NTSYSAPI WCHAR NTAPI RtlUpcaseUnicodeChar(_In_ WCHAR SourceCharacter);

/* Base 0 means 10; 2, 8, 10 and 16 are accepted, anything else is STATUS_INVALID_PARAMETER.
 * STATUS_BUFFER_OVERFLOW if the digits do not fit String->MaximumLength. */
NTSYSAPI NTSTATUS NTAPI RtlIntegerToUnicodeString(_In_ ULONG Value, _In_opt_ ULONG Base,
                                                  _Inout_ PUNICODE_STRING String);
/* Leading white space and a sign are accepted; with Base 0 a 0x, 0o or 0b prefix selects
 * 16, 8 or 2, otherwise 10. Conversion stops at the first character that is not a digit. */
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToInteger(_In_ PCUNICODE_STRING String,
                                                  _In_opt_ ULONG Base, _Out_ PULONG Value);
NTSYSAPI NTSTATUS NTAPI RtlCharToInteger(_In_z_ PCSZ String, _In_opt_ ULONG Base,
                                         _Out_ PULONG Value);

/* Header-only initialisers of the WDK (no call, no IRQL rule). */
#define RtlInitEmptyUnicodeString(_ucStr, _buf, _bufSize) \
    ((_ucStr)->Buffer = (_buf), (_ucStr)->Length = 0, (_ucStr)->MaximumLength = (USHORT)(_bufSize))
#define RtlInitEmptyAnsiString(_ucStr, _buf, _bufSize) \
    ((_ucStr)->Buffer = (_buf), (_ucStr)->Length = 0, (_ucStr)->MaximumLength = (USHORT)(_bufSize))

EXTERN_C_END

#endif /* BCSIM_SHIM_RTL_STRING_H */
