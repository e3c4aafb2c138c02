/*
 * bcsim shim: the run-time library (Rtl) part of wdm.h — memory routines, doubly and singly
 * linked lists, bitmaps, version information and assertions (wdk-surface.md 3.3, 3.10, 3.15).
 * The Rtl string routines (RtlInitUnicodeString, RtlString*, ...) live in
 * bcsim_shim/rtl_string.h. Needs ntdef.h and ke.h first.
 */
#ifndef BCSIM_SHIM_RTL_H
#define BCSIM_SHIM_RTL_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/rtl.h"
#endif

#include <string.h>   /* the shim's own (include/crt) */
#include <bcsim_shim/intrin_impl.h>

EXTERN_C_START

/* ---- memory --------------------------------------------------------------------------------- */
#define RtlEqualMemory(Destination, Source, Length) (!memcmp((Destination), (Source), (Length)))
#define RtlMoveMemory(Destination, Source, Length) memmove((Destination), (Source), (Length))
#define RtlCopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#define RtlFillMemory(Destination, Length, Fill) memset((Destination), (Fill), (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define RtlCopyBytes RtlCopyMemory
#define RtlZeroBytes RtlZeroMemory
#define RtlFillBytes RtlFillMemory

/* Learn: RtlSecureZeroMemory — guaranteed to zero even if the compiler could prove the
 * buffer dead; a volatile store loop does that. */
BCSIM_SHIM_INLINE PVOID RtlSecureZeroMemory(_Out_writes_bytes_all_(cnt) PVOID ptr, _In_ SIZE_T cnt)
{
    volatile char *p = (volatile char *)ptr;
    while (cnt--)
        *p++ = 0;
    return ptr;
}

_Must_inspect_result_
NTSYSAPI
SIZE_T
NTAPI
RtlCompareMemory(
    _In_ const VOID *Source1,
    _In_ const VOID *Source2,
    _In_ SIZE_T Length
    );

/* The return address of the caller of the routine that calls it, and that caller's. */
NTSYSAPI
VOID
NTAPI
RtlGetCallersAddress(
    _Out_ PVOID *CallersAddress,
    _Out_ PVOID *CallersCaller
    );

/* ---- time fields --------------------------------------------------------------------------- */
typedef struct _TIME_FIELDS {
    CSHORT Year;            /* 1601... */
    CSHORT Month;           /* 1..12 */
    CSHORT Day;             /* 1..31 */
    CSHORT Hour;            /* 0..23 */
    CSHORT Minute;          /* 0..59 */
    CSHORT Second;          /* 0..59 */
    CSHORT Milliseconds;    /* 0..999 */
    CSHORT Weekday;         /* 0..6 = Sunday..Saturday */
} TIME_FIELDS, *PTIME_FIELDS;

NTSYSAPI VOID NTAPI RtlTimeToTimeFields(_In_ PLARGE_INTEGER Time, _Out_ PTIME_FIELDS TimeFields);
NTSYSAPI BOOLEAN NTAPI RtlTimeFieldsToTime(_In_ PTIME_FIELDS TimeFields, _Out_ PLARGE_INTEGER Time);
NTKERNELAPI VOID NTAPI ExSystemTimeToLocalTime(_In_ PLARGE_INTEGER SystemTime, _Out_ PLARGE_INTEGER LocalTime);
NTKERNELAPI VOID NTAPI ExLocalTimeToSystemTime(_In_ PLARGE_INTEGER LocalTime, _Out_ PLARGE_INTEGER SystemTime);
NTSYSAPI BOOLEAN NTAPI RtlIsNtDdiVersionAvailable(_In_ ULONG Version);

/* ---- doubly and singly linked lists ------------------------------------------------------------
 * As in the WDK, the routines check the links they are about to change and fail fast on
 * corruption (bug check 0x139, P1 = 3 FAST_FAIL_CORRUPT_LIST_ENTRY); define
 * NO_KERNEL_LIST_ENTRY_CHECKS to get the unchecked forms. */
#define FAST_FAIL_LEGACY_GS_VIOLATION 0
#define FAST_FAIL_VTGUARD_CHECK_FAILURE 1
#define FAST_FAIL_STACK_COOKIE_CHECK_FAILURE 2
#define FAST_FAIL_CORRUPT_LIST_ENTRY 3
#define FAST_FAIL_INCORRECT_STACK 4
#define FAST_FAIL_INVALID_ARG 5
#define FAST_FAIL_GS_COOKIE_INIT 6
#define FAST_FAIL_FATAL_APP_EXIT 7
#define FAST_FAIL_RANGE_CHECK_FAILURE 8
#define FAST_FAIL_INVALID_BUFFER_ACCESS 28

#define RtlFailFast(Code) __fastfail(Code)

BCSIM_SHIM_INLINE DECLSPEC_NORETURN VOID FatalListEntryError(_In_ PVOID p1, _In_ PVOID p2, _In_ PVOID p3)
{
    UNREFERENCED_PARAMETER(p1);
    UNREFERENCED_PARAMETER(p2);
    UNREFERENCED_PARAMETER(p3);
    RtlFailFast(FAST_FAIL_CORRUPT_LIST_ENTRY);
}

BCSIM_SHIM_INLINE VOID RtlpCheckListEntry(_In_ PLIST_ENTRY Entry)
{
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
    if (Entry->Flink->Blink != Entry || Entry->Blink->Flink != Entry)
        FatalListEntryError((PVOID)Entry, (PVOID)Entry->Flink, (PVOID)Entry->Blink);
#else
    UNREFERENCED_PARAMETER(Entry);
#endif
}

BCSIM_SHIM_INLINE VOID InitializeListHead(_Out_ PLIST_ENTRY ListHead)
{
    ListHead->Flink = ListHead->Blink = ListHead;
}

_Must_inspect_result_
BCSIM_SHIM_INLINE BOOLEAN IsListEmpty(_In_ const LIST_ENTRY *ListHead)
{
    return (BOOLEAN)(ListHead->Flink == ListHead);
}

BCSIM_SHIM_INLINE BOOLEAN RemoveEntryListUnsafe(_In_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Next = Entry->Flink, Prev = Entry->Blink;
    Prev->Flink = Next;
    Next->Blink = Prev;
    return (BOOLEAN)(Prev == Next);
}

BCSIM_SHIM_INLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Next = Entry->Flink, Prev = Entry->Blink;
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
    if (Next->Blink != Entry || Prev->Flink != Entry)
        FatalListEntryError((PVOID)Prev, (PVOID)Entry, (PVOID)Next);
#endif
    Prev->Flink = Next;
    Next->Blink = Prev;
    return (BOOLEAN)(Prev == Next);
}

BCSIM_SHIM_INLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Flink, Next = Entry->Flink;
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
    if (Entry->Blink != ListHead || Next->Blink != Entry)
        FatalListEntryError((PVOID)ListHead, (PVOID)Entry, (PVOID)Next);
#endif
    ListHead->Flink = Next;
    Next->Blink = ListHead;
    return Entry;
}

BCSIM_SHIM_INLINE PLIST_ENTRY RemoveTailList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Blink, Prev = Entry->Blink;
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
    if (Entry->Flink != ListHead || Prev->Flink != Entry)
        FatalListEntryError((PVOID)Prev, (PVOID)Entry, (PVOID)ListHead);
#endif
    ListHead->Blink = Prev;
    Prev->Flink = ListHead;
    return Entry;
}

BCSIM_SHIM_INLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead,
                                      _Out_ __drv_aliasesMem PLIST_ENTRY Entry)
{
    PLIST_ENTRY Prev = ListHead->Blink;
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
    if (Prev->Flink != ListHead)
        FatalListEntryError((PVOID)Prev, (PVOID)ListHead, (PVOID)Prev->Flink);
#endif
    Entry->Flink = ListHead;
    Entry->Blink = Prev;
    Prev->Flink = Entry;
    ListHead->Blink = Entry;
}

BCSIM_SHIM_INLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead,
                                      _Out_ __drv_aliasesMem PLIST_ENTRY Entry)
{
    PLIST_ENTRY Next = ListHead->Flink;
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
    if (Next->Blink != ListHead)
        FatalListEntryError((PVOID)ListHead, (PVOID)Next, (PVOID)Next->Blink);
#endif
    Entry->Flink = Next;
    Entry->Blink = ListHead;
    Next->Blink = Entry;
    ListHead->Flink = Entry;
}

BCSIM_SHIM_INLINE VOID AppendTailList(_Inout_ PLIST_ENTRY ListHead, _Inout_ PLIST_ENTRY ListToAppend)
{
    PLIST_ENTRY ListEnd = ListHead->Blink;
    RtlpCheckListEntry(ListHead);
    RtlpCheckListEntry(ListToAppend);
    ListHead->Blink->Flink = ListToAppend;
    ListHead->Blink = ListToAppend->Blink;
    ListToAppend->Blink->Flink = ListHead;
    ListToAppend->Blink = ListEnd;
}

BCSIM_SHIM_INLINE PSINGLE_LIST_ENTRY PopEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead)
{
    PSINGLE_LIST_ENTRY First = ListHead->Next;
    if (First != NULL)
        ListHead->Next = First->Next;
    return First;
}

BCSIM_SHIM_INLINE VOID PushEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead,
                                     _Inout_ __drv_aliasesMem PSINGLE_LIST_ENTRY Entry)
{
    Entry->Next = ListHead->Next;
    ListHead->Next = Entry;
}

/* ---- bitmaps ---------------------------------------------------------------------------------- */
typedef struct _RTL_BITMAP {
    ULONG SizeOfBitMap;
    PULONG Buffer;
} RTL_BITMAP, *PRTL_BITMAP;

typedef struct _RTL_BITMAP_RUN {
    ULONG StartingIndex;
    ULONG NumberOfBits;
} RTL_BITMAP_RUN, *PRTL_BITMAP_RUN;

#define RtlCheckBit(BMH, BP) (((((PLONG)(BMH)->Buffer)[(BP) / 32]) >> ((BP) % 32)) & 0x1)

NTSYSAPI VOID NTAPI RtlInitializeBitMap(_Out_ PRTL_BITMAP BitMapHeader,
                                        _In_opt_ __drv_aliasesMem PULONG BitMapBuffer,
                                        _In_opt_ ULONG SizeOfBitMap);
NTSYSAPI VOID NTAPI RtlClearBit(_In_ PRTL_BITMAP BitMapHeader, _In_range_(<, BitMapHeader->SizeOfBitMap) ULONG BitNumber);
NTSYSAPI VOID NTAPI RtlSetBit(_In_ PRTL_BITMAP BitMapHeader, _In_range_(<, BitMapHeader->SizeOfBitMap) ULONG BitNumber);
_Must_inspect_result_
NTSYSAPI BOOLEAN NTAPI RtlTestBit(_In_ PRTL_BITMAP BitMapHeader, _In_range_(<, BitMapHeader->SizeOfBitMap) ULONG BitNumber);
NTSYSAPI VOID NTAPI RtlClearAllBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI VOID NTAPI RtlSetAllBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI VOID NTAPI RtlClearBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex, _In_ ULONG NumberToClear);
NTSYSAPI VOID NTAPI RtlSetBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex, _In_ ULONG NumberToSet);
_Success_(return != -1)
_Must_inspect_result_
NTSYSAPI ULONG NTAPI RtlFindClearBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG NumberToFind, _In_ ULONG HintIndex);
_Success_(return != -1)
_Must_inspect_result_
NTSYSAPI ULONG NTAPI RtlFindSetBits(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG NumberToFind, _In_ ULONG HintIndex);
_Success_(return != -1)
NTSYSAPI ULONG NTAPI RtlFindClearBitsAndSet(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG NumberToFind, _In_ ULONG HintIndex);
_Success_(return != -1)
NTSYSAPI ULONG NTAPI RtlFindSetBitsAndClear(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG NumberToFind, _In_ ULONG HintIndex);
NTSYSAPI BOOLEAN NTAPI RtlAreBitsClear(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex, _In_ ULONG Length);
NTSYSAPI BOOLEAN NTAPI RtlAreBitsSet(_In_ PRTL_BITMAP BitMapHeader, _In_ ULONG StartingIndex, _In_ ULONG Length);
NTSYSAPI ULONG NTAPI RtlNumberOfClearBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI ULONG NTAPI RtlNumberOfSetBits(_In_ PRTL_BITMAP BitMapHeader);
NTSYSAPI ULONG NTAPI RtlFindFirstRunClear(_In_ PRTL_BITMAP BitMapHeader, _Out_ PULONG StartingIndex);
NTSYSAPI ULONG NTAPI RtlFindLongestRunClear(_In_ PRTL_BITMAP BitMapHeader, _Out_ PULONG StartingIndex);

/* ---- version information ------------------------------------------------------------------------- */
typedef struct _OSVERSIONINFOW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
} OSVERSIONINFOW, *POSVERSIONINFOW, *LPOSVERSIONINFOW, RTL_OSVERSIONINFOW, *PRTL_OSVERSIONINFOW;

typedef struct _OSVERSIONINFOEXW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
    USHORT wServicePackMajor;
    USHORT wServicePackMinor;
    USHORT wSuiteMask;
    UCHAR wProductType;
    UCHAR wReserved;
} OSVERSIONINFOEXW, *POSVERSIONINFOEXW, *LPOSVERSIONINFOEXW, RTL_OSVERSIONINFOEXW, *PRTL_OSVERSIONINFOEXW;

#define VER_PLATFORM_WIN32_NT 2
#define VER_NT_WORKSTATION 0x0000001
#define VER_NT_DOMAIN_CONTROLLER 0x0000002
#define VER_NT_SERVER 0x0000003

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI
NTSTATUS
NTAPI
RtlGetVersion(
    _Out_ _At_(lpVersionInformation->dwOSVersionInfoSize, _Pre_ _Valid_)
    PRTL_OSVERSIONINFOW lpVersionInformation
    );

/* ---- assertions (DBG-dependent; bcsim's RtlAssert turns a failure into a finding) --------------- */
NTSYSAPI
VOID
NTAPI
RtlAssert(
    _In_ PVOID VoidFailedAssertion,
    _In_ PVOID VoidFileName,
    _In_ ULONG LineNumber,
    _In_opt_ PSTR MutableMessage
    );

#if DBG
#  ifndef ASSERT
#    define ASSERT(exp) \
        ((!(exp)) ? (RtlAssert((PVOID)#exp, (PVOID)__FILE__, __LINE__, NULL), FALSE) : TRUE)
#  endif
#  ifndef ASSERTMSG
#    define ASSERTMSG(msg, exp) \
        ((!(exp)) ? (RtlAssert((PVOID)#exp, (PVOID)__FILE__, __LINE__, (PSTR)(msg)), FALSE) : TRUE)
#  endif
#  ifndef RTL_SOFT_ASSERT
#    define RTL_SOFT_ASSERT(exp) ASSERT(exp)
#  endif
#  ifndef RTL_SOFT_ASSERTMSG
#    define RTL_SOFT_ASSERTMSG(msg, exp) ASSERTMSG(msg, exp)
#  endif
#  ifndef NT_ASSERT
#    define NT_ASSERT(exp) ASSERT(exp)
#  endif
#  ifndef NT_ASSERTMSG
#    define NT_ASSERTMSG(msg, exp) ASSERTMSG(msg, exp)
#  endif
#  ifndef NT_ASSERTMSGW
#    define NT_ASSERTMSGW(msg, exp) ASSERT(exp)
#  endif
#  ifndef NT_VERIFY
#    define NT_VERIFY(exp) NT_ASSERT(exp)
#  endif
#  ifndef NT_VERIFYMSG
#    define NT_VERIFYMSG(msg, exp) NT_ASSERTMSG(msg, exp)
#  endif
#else
#  ifndef ASSERT
#    define ASSERT(exp) ((void)0)
#  endif
#  ifndef ASSERTMSG
#    define ASSERTMSG(msg, exp) ((void)0)
#  endif
#  ifndef RTL_SOFT_ASSERT
#    define RTL_SOFT_ASSERT(exp) ((void)0)
#  endif
#  ifndef RTL_SOFT_ASSERTMSG
#    define RTL_SOFT_ASSERTMSG(msg, exp) ((void)0)
#  endif
#  ifndef NT_ASSERT
#    define NT_ASSERT(exp) ((void)0)
#  endif
#  ifndef NT_ASSERTMSG
#    define NT_ASSERTMSG(msg, exp) ((void)0)
#  endif
#  ifndef NT_ASSERTMSGW
#    define NT_ASSERTMSGW(msg, exp) ((void)0)
#  endif
#  ifndef NT_VERIFY
#    define NT_VERIFY(exp) ((exp) ? TRUE : FALSE)
#  endif
#  ifndef NT_VERIFYMSG
#    define NT_VERIFYMSG(msg, exp) ((exp) ? TRUE : FALSE)
#  endif
#endif
#ifndef NT_ANALYSIS_ASSUME
#  define NT_ANALYSIS_ASSUME(exp) ((void)0)
#endif

EXTERN_C_END

#endif /* BCSIM_SHIM_RTL_H */
