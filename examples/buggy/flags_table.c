/*
 * flags_table — KbCallbackTriageDumpData in the style of a storage driver that hands the
 * carved minidump one of two state blocks: its device state in a live dump, its command
 * history in a real bug check. PLANTED BUG: it picks the block by indexing a two-entry table
 * with Flags, as if Flags were 0 or KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE; Flags is a bit
 * mask (Learn: KBUGCHECK_TRIAGE_DUMP_DATA), so any other bit reads past the table.
 */
#include <ntddk.h>

typedef struct _TRIAGE_CHOICE {
    PVOID Block;
    ULONG Size;
} TRIAGE_CHOICE;

static ULONG64 DeviceState[16] = { 0x5354415445ULL };
static ULONG64 CommandHistory[32] = { 0x484953544f5259ULL };
static const TRIAGE_CHOICE ChoiceByFlags[2] = {
    { DeviceState, sizeof(DeviceState) },          /* Flags == 0: live dump */
    { CommandHistory, sizeof(CommandHistory) },    /* Flags == BUGCHECK_ACTIVE */
};
static UCHAR ArrayStorage[FIELD_OFFSET(KTRIAGE_DUMP_DATA_ARRAY, Blocks) + 2 * sizeof(KADDRESS_RANGE)];
static KBUGCHECK_REASON_CALLBACK_RECORD TriageRecord;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD TriageUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE TriageCallback;

_Use_decl_annotations_
VOID TriageCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                    PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_TRIAGE_DUMP_DATA triage = (PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData;
    PKTRIAGE_DUMP_DATA_ARRAY array = (PKTRIAGE_DUMP_DATA_ARRAY)ArrayStorage;
    const TRIAGE_CHOICE *choice;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackTriageDumpData || ReasonSpecificDataLength < sizeof(*triage))
        return;
    choice = &ChoiceByFlags[triage->Flags];        /* the bug: Flags is a bit mask, not an index */
    if (!NT_SUCCESS(KeInitializeTriageDumpDataArray(array, sizeof(ArrayStorage))))
        return;
    if (choice->Size <= triage->MaxVirtMemSize &&
        NT_SUCCESS(KeAddTriageDumpDataBlock(array, choice->Block, choice->Size)))
        triage->DataArray = array;
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
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = TriageUnload;
    KeInitializeCallbackRecord(&TriageRecord);
    if (!KeRegisterBugCheckReasonCallback(&TriageRecord, TriageCallback, KbCallbackTriageDumpData,
                                          (PUCHAR)"flags_table"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
