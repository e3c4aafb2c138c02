/*
 * tests/conformance/drv_reason.c — reason callbacks as real drivers write them
 * (bugcheck-api.md 4-7, 11; wdk-surface.md S8, S9, S11): routines declared through
 * KBUGCHECK_REASON_CALLBACK_ROUTINE then defined, a routine whose third parameter is typed
 * PKBUGCHECK_ADD_PAGES (registered through a cast, as careful drivers do), records inside a
 * context reached back with CONTAINING_RECORD, the triage helpers probed at run time, the
 * secondary-data GUID from DEFINE_GUID, and the flag names. Compile-only conformance TU; C only
 * (IsEqualGUID takes pointers in C and references in C++, as in the WDK).
 */
#include <initguid.h>
#include <ntddk.h>
#include <aux_klib.h>
#include <ntiodump.h>

DEFINE_GUID(GUID_BCSIM_REASON_DATA, 0x7b1c5f2e, 0x3a44, 0x4d1b, 0x9e, 0x51, 0x0c, 0x6a, 0x2f, 0x88, 0x13, 0xd7);

#define REASON_TAG 'rRcB'

typedef struct _REASON_STATE {
    KBUGCHECK_REASON_CALLBACK_RECORD SecondaryRecord;
    KBUGCHECK_REASON_CALLBACK_RECORD PagesRecord;
    KBUGCHECK_REASON_CALLBACK_RECORD TriageRecord;
    KBUGCHECK_REASON_CALLBACK_RECORD DumpIoRecord;
    PKTRIAGE_DUMP_DATA_ARRAY TriageArray;
    ULONG PagesCalls;
    UCHAR Payload[128];
} REASON_STATE, *PREASON_STATE;

static REASON_STATE g_State;

DRIVER_INITIALIZE DriverEntry;
KBUGCHECK_REASON_CALLBACK_ROUTINE SecondaryDataCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE TriageCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE DumpIoCallback;

_Use_decl_annotations_
VOID SecondaryDataCallback(KBUGCHECK_CALLBACK_REASON Reason,
                           struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                           PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA data = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    PREASON_STATE state = CONTAINING_RECORD(Record, REASON_STATE, SecondaryRecord);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    if (data->OutBuffer == NULL) {                       /* size request */
        data->OutBufferLength = sizeof(state->Payload);
        data->Guid = GUID_BCSIM_REASON_DATA;
        return;
    }
    if (data->MaximumAllowed >= sizeof(state->Payload) && IsEqualGUID(&data->Guid, &GUID_BCSIM_REASON_DATA)) {
        RtlCopyMemory(data->InBuffer, state->Payload, sizeof(state->Payload));
        data->OutBuffer = data->InBuffer;
        data->OutBufferLength = sizeof(state->Payload);
    }
}

/* The third parameter typed as the specific structure (S11): no KBUGCHECK_REASON_CALLBACK_ROUTINE
 * declaration precedes the definition, and registration casts. */
static VOID PagesCallback(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                          PKBUGCHECK_ADD_PAGES AddPages, ULONG Length)
{
    PREASON_STATE state = CONTAINING_RECORD(Record, REASON_STATE, PagesRecord);
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Length);
    state->PagesCalls++;
    AddPages->Address = (ULONG_PTR)PAGE_ALIGN(state->Payload);
    AddPages->Count = ADDRESS_AND_SIZE_TO_SPAN_PAGES(state->Payload, sizeof(state->Payload));
    AddPages->Flags |= KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS;
    if (state->PagesCalls < 2)
        AddPages->Flags |= KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST;
    else
        AddPages->Flags &= ~KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST;
}

_Use_decl_annotations_
VOID TriageCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                    PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_TRIAGE_DUMP_DATA triage = (PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData;
    PREASON_STATE state = CONTAINING_RECORD(Record, REASON_STATE, TriageRecord);
    UNREFERENCED_PARAMETER(Reason);
    if (ReasonSpecificDataLength < sizeof(*triage) ||
        !(triage->Flags & KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE) || state->TriageArray == NULL)
        return;
    if (MmIsAddressValid(state->Payload) &&
        NT_SUCCESS(KeAddTriageDumpDataBlock(state->TriageArray, state->Payload, sizeof(state->Payload))))
        triage->DataArray = state->TriageArray;
}

_Use_decl_annotations_
VOID DumpIoCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                    PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)ReasonSpecificData;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (ReasonSpecificDataLength < sizeof(*io))
        return;
    switch (io->Type) {
    case KbDumpIoHeader:
    case KbDumpIoBody:
    case KbDumpIoSecondaryData:
        WRITE_PORT_ULONG((PULONG)(ULONG_PTR)0x510, io->BufferLength);
        break;
    case KbDumpIoComplete:
        WRITE_PORT_UCHAR((PUCHAR)(ULONG_PTR)0x511, 1);
        break;
    default:
        break;
    }
}

static VOID ReadBugCheckData(VOID)
{
    KBUGCHECK_DATA data;
    RtlZeroMemory(&data, sizeof(data));
    data.BugCheckDataSize = sizeof(data);
    if (NT_SUCCESS(AuxKlibGetBugCheckData(&data)) && data.BugCheckCode == DRIVER_VERIFIER_DETECTED_VIOLATION)
        g_State.Payload[0] = (UCHAR)data.Parameter1;
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG arraySize = FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, Blocks) + 4 * sizeof(KADDRESS_RANGE);
    ULONG needed = 0;
    UCHAR header[0x2000];
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);

    KeInitializeCallbackRecord(&g_State.SecondaryRecord);
    KeInitializeCallbackRecord(&g_State.PagesRecord);
    KeInitializeCallbackRecord(&g_State.TriageRecord);
    KeInitializeCallbackRecord(&g_State.DumpIoRecord);

    if (!KeRegisterBugCheckReasonCallback(&g_State.SecondaryRecord, SecondaryDataCallback,
                                          KbCallbackSecondaryDumpData, (PUCHAR)"BcsimReason"))
        return STATUS_UNSUCCESSFUL;
    (void)KeRegisterBugCheckReasonCallback(&g_State.PagesRecord,
                                           (PKBUGCHECK_REASON_CALLBACK_ROUTINE)PagesCallback,
                                           KbCallbackAddPages, (PUCHAR)"BcsimReason");
    (void)KeRegisterBugCheckReasonCallback(&g_State.DumpIoRecord, DumpIoCallback, KbCallbackDumpIo,
                                           (PUCHAR)"BcsimReason");

    g_State.TriageArray = (PKTRIAGE_DUMP_DATA_ARRAY)ExAllocatePoolZero(NonPagedPoolNx, arraySize, REASON_TAG);
    if (g_State.TriageArray != NULL &&
        NT_SUCCESS(KeInitializeTriageDumpDataArray(g_State.TriageArray, arraySize)))
        (void)KeRegisterBugCheckReasonCallback(&g_State.TriageRecord, TriageCallback,
                                               KbCallbackTriageDumpData, (PUCHAR)"BcsimReason");

    if (NT_SUCCESS(AuxKlibInitialize()))
        ReadBugCheckData();
    (void)KeInitializeCrashDumpHeader(DUMP_TYPE_FULL, 0, header, sizeof(header), &needed);
    return STATUS_SUCCESS;
}
