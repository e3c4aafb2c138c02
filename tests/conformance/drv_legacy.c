/*
 * tests/conformance/drv_legacy.c — a legacy bug-check callback driver written the way real
 * ones are (wdk-surface.md 1, bugcheck-api.md 7, 9): its own LLP64 integer typedefs, DriverEntry
 * declared through DRIVER_INITIALIZE and placed with alloc_text, _Use_decl_annotations_
 * definitions, KeInitializeCallbackRecord in every shape drivers use, KiBugCheckData declared
 * by the driver, MmGetSystemRoutineAddress probing with L"" names, multi-character pool tags,
 * MSVC pragmas and __declspec. Compile-only conformance TU (no libc, shim headers only).
 */
#include <ntddk.h>

/* Drivers define fixed-width names themselves, with Windows (LLP64) meanings (S1). */
typedef signed char int8_t;
typedef long int32_t;
typedef unsigned long uint32_t;
typedef LONG64 int64_t;
typedef ULONG64 uint64_t;

#pragma warning(push)
#pragma warning(disable: 4201 4214)   /* nameless struct/union, bit field types */

#define LEGACY_TAG 'gLcB'             /* multi-character pool tag */
#define LEGACY_COMPONENT "BcsimLegacy"

typedef struct _LEGACY_CONTEXT {
    KBUGCHECK_CALLBACK_RECORD Record;
    KBUGCHECK_CALLBACK_RECORD Records[2];
    UCHAR Buffer[64];
    int32_t Calls;
    uint64_t LastCode;
} LEGACY_CONTEXT, *PLEGACY_CONTEXT;

#pragma warning(pop)

/* The driver declares the undeclared data export itself (bugcheck-api.md 9). */
extern PULONG_PTR KiBugCheckData;

static LEGACY_CONTEXT g_Legacy;
static KBUGCHECK_CALLBACK_RECORD g_Record;
__declspec(align(16)) static UCHAR g_Scratch[32];

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LegacyUnload;
KBUGCHECK_CALLBACK_ROUTINE LegacyCallback;
KBUGCHECK_CALLBACK_ROUTINE LegacyCallback2;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, LegacyUnload)
#endif

_Use_decl_annotations_
VOID LegacyCallback(PVOID Buffer, ULONG Length)
{
    PLEGACY_CONTEXT ctx = CONTAINING_RECORD(Buffer, LEGACY_CONTEXT, Buffer);
    if (Length >= sizeof(ULONG_PTR) && KiBugCheckData != NULL) {
        ctx->LastCode = KiBugCheckData[0];
        RtlCopyMemory(Buffer, &KiBugCheckData[1], sizeof(ULONG_PTR));
    }
    InterlockedIncrement((LONG volatile *)&ctx->Calls);
}

_Use_decl_annotations_
VOID LegacyCallback2(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    if (KeGetCurrentIrql() == HIGH_LEVEL && KD_DEBUGGER_NOT_PRESENT)
        RtlZeroMemory(g_Scratch, sizeof(g_Scratch));
}

#pragma code_seg("PAGE")
_Use_decl_annotations_
VOID LegacyUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    if (!KeDeregisterBugCheckCallback(&g_Legacy.Record))
        NT_ASSERT(FALSE);
    (void)KeDeregisterBugCheckCallback(&g_Record);
}
#pragma code_seg()

typedef NTSTATUS (*PFN_TRIAGE_INIT)(PKTRIAGE_DUMP_DATA_ARRAY, ULONG);

static PVOID ProbeRoutine(PCWSTR Name, USHORT Bytes)
{
    /* A hand-built counted string, as drivers do when they avoid RtlInitUnicodeString. */
    UNICODE_STRING name;
    name.Buffer = (PWCH)Name;
    name.Length = Bytes;
    name.MaximumLength = (USHORT)(Bytes + sizeof(WCHAR));
    return MmGetSystemRoutineAddress(&name);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PKBUGCHECK_CALLBACK_RECORD pRec = &g_Legacy.Records[1];
    PFN_TRIAGE_INIT triageInit;
    UNICODE_STRING routineName;
    PVOID pool;
    int i;

    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = LegacyUnload;

    /* KeInitializeCallbackRecord: &global, pointer, &member, brace-less if/else, expression. */
    KeInitializeCallbackRecord(&g_Record);
    KeInitializeCallbackRecord(pRec);
    KeInitializeCallbackRecord(&g_Legacy.Record);
    if (DriverObject->DriverSize)
        KeInitializeCallbackRecord(&g_Legacy.Records[0]);
    else
        KeInitializeCallbackRecord(pRec);
    for (i = 0; i < 2; i++)
        (void)(KeInitializeCallbackRecord(&g_Legacy.Records[i]), i);

    if (!KeRegisterBugCheckCallback(&g_Legacy.Record, LegacyCallback, g_Legacy.Buffer,
                                    sizeof(g_Legacy.Buffer), (PUCHAR)LEGACY_COMPONENT))
        return STATUS_UNSUCCESSFUL;
    if (!KeRegisterBugCheckCallback(&g_Record, LegacyCallback2, NULL, 0, (PUCHAR)"BcsimLegacy2"))
        return STATUS_UNSUCCESSFUL;

    RtlInitUnicodeString(&routineName, L"KeInitializeTriageDumpDataArray");
    triageInit = (PFN_TRIAGE_INIT)MmGetSystemRoutineAddress(&routineName);
    if (triageInit == NULL && ProbeRoutine(L"KeBugCheckEx", sizeof(L"KeBugCheckEx") - sizeof(WCHAR)) == NULL)
        return STATUS_NOT_FOUND;

    pool = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, LEGACY_TAG);
    if (pool != NULL)
        ExFreePoolWithTag(pool, LEGACY_TAG);
    return STATUS_SUCCESS;
}
