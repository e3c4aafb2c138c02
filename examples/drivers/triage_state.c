/*
 * triage_state — KbCallbackTriageDumpData in the style of a framework crash-dump module: it
 * checks KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE, then returns a triage array it prepared
 * (KeInitializeTriageDumpDataArray) describing two of its global state blocks
 * (KeAddTriageDumpDataBlock), so they appear in the carved minidump.
 */
#include <ntddk.h>

typedef struct _DEVICE_STATE {
    ULONG Signature;
    ULONG Resets;
    ULONG64 LastCommand[14];
} DEVICE_STATE;

static DEVICE_STATE DeviceState = { 0x54534544 /* 'DEST' */, 3, { 0 } };
static CHAR LastError[256] = "triage_state: controller timed out";
static UCHAR TriageArrayStorage[FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, Blocks) + 4 * sizeof(KADDRESS_RANGE)];
static KBUGCHECK_REASON_CALLBACK_RECORD TriageRecord;
static PKTRIAGE_DUMP_DATA_ARRAY TriageArray;
static ULONG TriageBytes;         /* what the array describes */

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD TriageUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE TriageCallback;

_Use_decl_annotations_
VOID TriageCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                    PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_TRIAGE_DUMP_DATA triage = (PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackTriageDumpData || ReasonSpecificDataLength < sizeof(*triage))
        return;
    if (!(triage->Flags & KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE))
        return;
    if (TriageBytes > triage->MaxVirtMemSize)   /* the cap on what the array may describe */
        return;
    DeviceState.LastCommand[0] = triage->BugCheckCode;
    triage->DataArray = TriageArray;
}

_Use_decl_annotations_
VOID TriageUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&TriageRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = TriageUnload;
    TriageArray = (PKTRIAGE_DUMP_DATA_ARRAY)TriageArrayStorage;
    status = KeInitializeTriageDumpDataArray(TriageArray, sizeof(TriageArrayStorage));
    if (!NT_SUCCESS(status))
        return status;
    status = KeAddTriageDumpDataBlock(TriageArray, &DeviceState, sizeof(DeviceState));
    if (NT_SUCCESS(status))
        status = KeAddTriageDumpDataBlock(TriageArray, LastError, sizeof(LastError));
    if (!NT_SUCCESS(status))
        return status;
    TriageBytes = sizeof(DeviceState) + sizeof(LastError);
    KeInitializeCallbackRecord(&TriageRecord);
    if (!KeRegisterBugCheckReasonCallback(&TriageRecord, TriageCallback, KbCallbackTriageDumpData,
                                          (PUCHAR)"triage_state"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
