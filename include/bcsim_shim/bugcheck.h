/*
 * bcsim shim: the bug-check callback API (bugcheck-api.md 1-11), included by wdm.h.
 *
 * Field order, tags, enum values, flags and function types follow the WDK facts in the
 * spec; every x64 size and offset is proved by the C_ASSERTs at the end of this file.
 * Needs ntdef.h first.
 */
#ifndef BCSIM_SHIM_BUGCHECK_H
#define BCSIM_SHIM_BUGCHECK_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/bugcheck.h"
#endif

EXTERN_C_START

/* ---- 1.1 reasons ---------------------------------------------------------- */
typedef enum _KBUGCHECK_CALLBACK_REASON {
    KbCallbackInvalid = 0,
    KbCallbackReserved1 = 1,
    KbCallbackSecondaryDumpData = 2,
    KbCallbackDumpIo = 3,
    KbCallbackAddPages = 4,
    KbCallbackSecondaryMultiPartDumpData = 5,
    KbCallbackRemovePages = 6,
    KbCallbackTriageDumpData = 7,
    KbCallbackReserved2 = 8,
    KbCallbackReserved3 = 9,
} KBUGCHECK_CALLBACK_REASON;

/* ---- 1.2 record states (stored in a UCHAR) ------------------------------------- */
typedef enum _KBUGCHECK_BUFFER_DUMP_STATE {
    BufferEmpty = 0,
    BufferInserted = 1,
    BufferStarted = 2,
    BufferFinished = 3,
    BufferIncomplete = 4,
} KBUGCHECK_BUFFER_DUMP_STATE;

/* ---- 1.3 dump I/O types --------------------------------------------------------- */
typedef enum _KBUGCHECK_DUMP_IO_TYPE {
    KbDumpIoInvalid = 0,
    KbDumpIoHeader = 1,
    KbDumpIoBody = 2,
    KbDumpIoSecondaryData = 3,
    KbDumpIoComplete = 4,
} KBUGCHECK_DUMP_IO_TYPE;

/* ---- 2. flags and limits (U suffixes: LLP64 rule S3) ------------------------------ */
#define KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA        0x00000001U
#define KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS       0x00000002U
#define KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS             0x00000001U
#define KB_ADD_PAGES_FLAG_PHYSICAL_ADDRESS            0x00000002U
#define KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST     0x80000000U
#define KB_REMOVE_PAGES_FLAG_VIRTUAL_ADDRESS          0x00000001U
#define KB_REMOVE_PAGES_FLAG_PHYSICAL_ADDRESS         0x00000002U
#define KB_REMOVE_PAGES_FLAG_ADDITIONAL_RANGES_EXIST  0x80000000U
/* Spelled as Learn spells them, so an identical driver redefinition stays silent. */
#define KB_ADD_PAGES_FEATURE_SHIFT 4
#define KB_REMOVE_PAGES_FEATURE_SHIFT 4
#define KB_ADD_PAGES_FEATURE_MASK (0xF << KB_ADD_PAGES_FEATURE_SHIFT)
#define KB_REMOVE_PAGES_FEATURE_MASK (0xF << (KB_ADD_PAGES_FEATURE_SHIFT + KB_REMOVE_PAGES_FEATURE_SHIFT))
#define KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE      0x00000001U
#define KE_MAX_TRIAGE_DUMP_DATA_MEMORY_SIZE           0x2000000U

/* ---- 4. callback function types -----------------------------------------------------
 * Fact 2/S8: the reason-routine type names struct _KBUGCHECK_REASON_CALLBACK_RECORD before
 * the struct is defined; declare the tag at file scope first or gcc/clang give it
 * prototype scope and a driver's definition conflicts with its declaration. */
struct _KBUGCHECK_CALLBACK_RECORD;
struct _KBUGCHECK_REASON_CALLBACK_RECORD;

typedef
_Function_class_(KBUGCHECK_CALLBACK_ROUTINE)
_IRQL_requires_same_
VOID
KBUGCHECK_CALLBACK_ROUTINE(
    IN PVOID Buffer,
    IN ULONG Length
    );
typedef KBUGCHECK_CALLBACK_ROUTINE *PKBUGCHECK_CALLBACK_ROUTINE;

typedef
_Function_class_(KBUGCHECK_REASON_CALLBACK_ROUTINE)
_IRQL_requires_same_
VOID
KBUGCHECK_REASON_CALLBACK_ROUTINE(
    _In_ KBUGCHECK_CALLBACK_REASON Reason,
    _In_ struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
    _Inout_ PVOID ReasonSpecificData,
    _In_ ULONG ReasonSpecificDataLength
    );
typedef KBUGCHECK_REASON_CALLBACK_ROUTINE *PKBUGCHECK_REASON_CALLBACK_ROUTINE;

/* Fact 4: the WDK declares this name right after the typedef (a declaration only). */
KBUGCHECK_REASON_CALLBACK_ROUTINE BugCheckSecondaryMultiPartDumpDataCallback;

/* ---- 5.1 / 5.2 records ------------------------------------------------------------------ */
typedef struct _KBUGCHECK_CALLBACK_RECORD {
    LIST_ENTRY Entry;
    PKBUGCHECK_CALLBACK_ROUTINE CallbackRoutine;
    _Field_size_bytes_opt_(Length) PVOID Buffer;
    ULONG Length;
    PUCHAR Component;
    ULONG_PTR Checksum;
    UCHAR State;
} KBUGCHECK_CALLBACK_RECORD, *PKBUGCHECK_CALLBACK_RECORD;

typedef struct _KBUGCHECK_REASON_CALLBACK_RECORD {
    LIST_ENTRY Entry;
    PKBUGCHECK_REASON_CALLBACK_ROUTINE CallbackRoutine;
    PUCHAR Component;
    ULONG_PTR Checksum;
    KBUGCHECK_CALLBACK_REASON Reason;
    UCHAR State;
} KBUGCHECK_REASON_CALLBACK_RECORD, *PKBUGCHECK_REASON_CALLBACK_RECORD;

/* ---- 5.3 - 5.9 reason-specific data ---------------------------------------------------- */
typedef struct _KBUGCHECK_SECONDARY_DUMP_DATA {
    IN PVOID InBuffer;
    IN ULONG InBufferLength;
    IN ULONG MaximumAllowed;
    OUT GUID Guid;
    OUT PVOID OutBuffer;
    OUT ULONG OutBufferLength;
} KBUGCHECK_SECONDARY_DUMP_DATA, *PKBUGCHECK_SECONDARY_DUMP_DATA;

typedef struct _KBUGCHECK_SECONDARY_DUMP_DATA_EX {
    _In_ PVOID InBuffer;
    _In_ ULONG InBufferLength;
    _In_ ULONG MaximumAllowed;
    _Out_ GUID Guid;
    _Inout_ PVOID OutBuffer;
    _Inout_ ULONG OutBufferLength;
    _Inout_ PVOID Context;
    _Inout_ ULONG Flags;
    _In_ ULONG DumpType;
    _In_ ULONG BugCheckCode;
    _In_ ULONG_PTR BugCheckParameter1;
    _In_ ULONG_PTR BugCheckParameter2;
    _In_ ULONG_PTR BugCheckParameter3;
    _In_ ULONG_PTR BugCheckParameter4;
} KBUGCHECK_SECONDARY_DUMP_DATA_EX, *PKBUGCHECK_SECONDARY_DUMP_DATA_EX;

typedef struct _KBUGCHECK_DUMP_IO {
    IN ULONG64 Offset;
    IN PVOID Buffer;
    IN ULONG BufferLength;
    IN KBUGCHECK_DUMP_IO_TYPE Type;
} KBUGCHECK_DUMP_IO, *PKBUGCHECK_DUMP_IO;

typedef struct _KBUGCHECK_ADD_PAGES {
    _Inout_ PVOID Context;
    _Inout_ ULONG Flags;
    _In_ ULONG BugCheckCode;
    _Out_ ULONG_PTR Address;
    _Out_ ULONG_PTR Count;
} KBUGCHECK_ADD_PAGES, *PKBUGCHECK_ADD_PAGES;

typedef struct _KBUGCHECK_REMOVE_PAGES {
    _Inout_ PVOID Context;
    _Inout_ ULONG Flags;
    _In_ ULONG BugCheckCode;
    _Out_ ULONG_PTR Address;
    _Out_ ULONG_PTR Count;
} KBUGCHECK_REMOVE_PAGES, *PKBUGCHECK_REMOVE_PAGES;

typedef struct _KADDRESS_RANGE {
    _Field_size_bytes_(Size) PVOID Address;
    SIZE_T Size;
} KADDRESS_RANGE, *PKADDRESS_RANGE;

typedef struct _KADDRESS_RANGE_DESCRIPTOR {
    _Field_size_(AddressRangeCount) CONST KADDRESS_RANGE *AddressRanges;
    SIZE_T AddressRangeCount;
} KADDRESS_RANGE_DESCRIPTOR, *PKADDRESS_RANGE_DESCRIPTOR;

typedef
_Struct_size_bytes_(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, Blocks) + NumBlocksTotal * sizeof(KADDRESS_RANGE))
struct _KTRIAGE_DUMP_DATA_ARRAY {
    LIST_ENTRY List;
    ULONG NumBlocksUsed;
    ULONG NumBlocksTotal;
    ULONG DataSize;                      /* OS-private */
    ULONG MaxDataSize;                   /* OS-private */
    ULONG ComponentNameBufferLength;     /* OS-private */
    PUCHAR ComponentName;                /* OS-private */
    _Field_size_(NumBlocksUsed) KADDRESS_RANGE Blocks[ANYSIZE_ARRAY];
} KTRIAGE_DUMP_DATA_ARRAY, *PKTRIAGE_DUMP_DATA_ARRAY;

typedef struct _KBUGCHECK_TRIAGE_DUMP_DATA {
    _Out_opt_ PKTRIAGE_DUMP_DATA_ARRAY DataArray;
    _In_ ULONG Flags;
    _In_ ULONG MaxVirtMemSize;
    _In_ ULONG BugCheckCode;
    _In_ ULONG_PTR BugCheckParameter1;
    _In_ ULONG_PTR BugCheckParameter2;
    _In_ ULONG_PTR BugCheckParameter3;
    _In_ ULONG_PTR BugCheckParameter4;
} KBUGCHECK_TRIAGE_DUMP_DATA, *PKBUGCHECK_TRIAGE_DUMP_DATA;

/* ---- 7. KeInitializeCallbackRecord ------------------------------------------------------
 * The WDK form: parenthesised argument, no trailing semicolon, an expression that assigns
 * BufferEmpty to State; works on &rec, on a pointer, for both record kinds and in a
 * brace-less if/else. bcsim routes the address of State through a harness hook so the
 * verifier knows the record was initialised (the argument is still evaluated once). */
UCHAR *bcsim__ke_note_record_init(UCHAR *State);
#define KeInitializeCallbackRecord(CallbackRecord) \
    (*bcsim__ke_note_record_init(&(CallbackRecord)->State) = BufferEmpty)

/* ---- 6. routines ----------------------------------------------------------------------- */
#if (NTDDI_VERSION >= NTDDI_WIN2K)
_Must_inspect_result_
NTKERNELAPI
BOOLEAN
KeDeregisterBugCheckCallback(
    _Inout_ PKBUGCHECK_CALLBACK_RECORD CallbackRecord
    );

_Must_inspect_result_
NTKERNELAPI
BOOLEAN
KeRegisterBugCheckCallback(
    _Out_ PKBUGCHECK_CALLBACK_RECORD CallbackRecord,
    _In_ PKBUGCHECK_CALLBACK_ROUTINE CallbackRoutine,
    _In_reads_bytes_opt_(Length) PVOID Buffer,
    _In_ ULONG Length,
    _In_ PUCHAR Component
    );
#endif

#if (NTDDI_VERSION >= NTDDI_WINXPSP1)
_Must_inspect_result_
NTKERNELAPI
BOOLEAN
KeDeregisterBugCheckReasonCallback(
    _Inout_ PKBUGCHECK_REASON_CALLBACK_RECORD CallbackRecord
    );

_Must_inspect_result_
NTKERNELAPI
BOOLEAN
KeRegisterBugCheckReasonCallback(
    _Out_ PKBUGCHECK_REASON_CALLBACK_RECORD CallbackRecord,
    _In_ PKBUGCHECK_REASON_CALLBACK_ROUTINE CallbackRoutine,
    _In_ KBUGCHECK_CALLBACK_REASON Reason,
    _In_ PUCHAR Component
    );
#endif

_Success_(NT_SUCCESS(return))
_IRQL_requires_same_
NTSTATUS
KeInitializeTriageDumpDataArray(
    _Out_writes_bytes_(Size) PKTRIAGE_DUMP_DATA_ARRAY KtriageDumpDataArray,
    _In_ ULONG Size
    );

_Success_(NT_SUCCESS(return))
_IRQL_requires_same_
NTSTATUS
KeAddTriageDumpDataBlock(
    _Inout_ PKTRIAGE_DUMP_DATA_ARRAY KtriageDumpDataArray,
    _In_ PVOID Address,
    _In_ SIZE_T Size
    );

#if (NTDDI_VERSION >= NTDDI_WIN2K)
__drv_preferredFunction("error logging or driver shutdown",
    "Whenever possible, all kernel-mode components should log an error and "
    "continue to run, rather than calling KeBugCheckEx")
NTKERNELAPI
DECLSPEC_NORETURN
VOID
NTAPI
KeBugCheckEx(
    _In_ ULONG BugCheckCode,
    _In_ ULONG_PTR BugCheckParameter1,
    _In_ ULONG_PTR BugCheckParameter2,
    _In_ ULONG_PTR BugCheckParameter3,
    _In_ ULONG_PTR BugCheckParameter4
    );
#endif

#if (NTDDI_VERSION >= NTDDI_WS03SP1)
NTKERNELAPI
NTSTATUS
KeInitializeCrashDumpHeader(
    _In_ ULONG DumpType,
    _In_ ULONG Flags,
    _Out_writes_bytes_(BufferSize) PVOID Buffer,
    _In_ ULONG BufferSize,
    _Out_opt_ PULONG BufferNeeded
    );
#endif

/* KiBugCheckData is deliberately not declared (bugcheck-api.md 9): drivers declare
 * "extern PULONG_PTR KiBugCheckData;" themselves. */

/* ---- layout proofs (x64 column of bugcheck-api.md 5; x86: tests/conformance/layout_x86.c) -- */
#if defined(__x86_64__)
C_ASSERT(sizeof(KBUGCHECK_CALLBACK_REASON) == 4);
C_ASSERT(sizeof(KBUGCHECK_DUMP_IO_TYPE) == 4);
C_ASSERT(sizeof(KBUGCHECK_CALLBACK_RECORD) == 0x40);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, Entry) == 0x00);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, CallbackRoutine) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, Buffer) == 0x18);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, Length) == 0x20);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, Component) == 0x28);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, Checksum) == 0x30);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_CALLBACK_RECORD, State) == 0x38);
C_ASSERT(sizeof(KBUGCHECK_REASON_CALLBACK_RECORD) == 0x30);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REASON_CALLBACK_RECORD, CallbackRoutine) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REASON_CALLBACK_RECORD, Component) == 0x18);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REASON_CALLBACK_RECORD, Checksum) == 0x20);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REASON_CALLBACK_RECORD, Reason) == 0x28);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REASON_CALLBACK_RECORD, State) == 0x2C);
C_ASSERT(sizeof(KBUGCHECK_SECONDARY_DUMP_DATA) == 0x30);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA, InBufferLength) == 0x08);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA, MaximumAllowed) == 0x0C);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA, Guid) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA, OutBuffer) == 0x20);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA, OutBufferLength) == 0x28);
C_ASSERT(sizeof(KBUGCHECK_SECONDARY_DUMP_DATA_EX) == 0x68);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, Guid) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, OutBuffer) == 0x20);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, OutBufferLength) == 0x28);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, Context) == 0x30);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, Flags) == 0x38);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, DumpType) == 0x3C);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, BugCheckCode) == 0x40);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, BugCheckParameter1) == 0x48);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_SECONDARY_DUMP_DATA_EX, BugCheckParameter4) == 0x60);
C_ASSERT(sizeof(KBUGCHECK_DUMP_IO) == 0x18);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_DUMP_IO, Buffer) == 0x08);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_DUMP_IO, BufferLength) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_DUMP_IO, Type) == 0x14);
C_ASSERT(sizeof(KBUGCHECK_ADD_PAGES) == 0x20);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_ADD_PAGES, Flags) == 0x08);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_ADD_PAGES, BugCheckCode) == 0x0C);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_ADD_PAGES, Address) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_ADD_PAGES, Count) == 0x18);
C_ASSERT(sizeof(KBUGCHECK_REMOVE_PAGES) == 0x20);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REMOVE_PAGES, Address) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_REMOVE_PAGES, Count) == 0x18);
C_ASSERT(sizeof(KADDRESS_RANGE) == 0x10);
C_ASSERT(FIELD_OFFSET(KADDRESS_RANGE, Size) == 0x08);
C_ASSERT(sizeof(KADDRESS_RANGE_DESCRIPTOR) == 0x10);
C_ASSERT(FIELD_OFFSET(KADDRESS_RANGE_DESCRIPTOR, AddressRangeCount) == 0x08);
C_ASSERT(sizeof(KTRIAGE_DUMP_DATA_ARRAY) == 0x40);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, NumBlocksUsed) == 0x10);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, NumBlocksTotal) == 0x14);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, DataSize) == 0x18);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, MaxDataSize) == 0x1C);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, ComponentNameBufferLength) == 0x20);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, ComponentName) == 0x28);
C_ASSERT(FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, Blocks) == 0x30);
C_ASSERT(sizeof(KBUGCHECK_TRIAGE_DUMP_DATA) == 0x38);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_TRIAGE_DUMP_DATA, Flags) == 0x08);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_TRIAGE_DUMP_DATA, MaxVirtMemSize) == 0x0C);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_TRIAGE_DUMP_DATA, BugCheckCode) == 0x10);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_TRIAGE_DUMP_DATA, BugCheckParameter1) == 0x18);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_TRIAGE_DUMP_DATA, BugCheckParameter4) == 0x30);
#endif

EXTERN_C_END

#endif /* BCSIM_SHIM_BUGCHECK_H */
