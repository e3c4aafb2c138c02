/*
 * fault_driver — a KbCallbackTriageDumpData callback that writes through a NULL pointer on the
 * line marked FAULT_LINE (tests/gdb). bcsim turns containment off under gdb, so the SIGSEGV
 * stops gdb on that line, in the driver's frame, instead of becoming a contained finding.
 * Triage callbacks run even with --dump-type none.
 */
#include <ntddk.h>

static KBUGCHECK_REASON_CALLBACK_RECORD FaultRecord;
static volatile ULONG *FaultTarget;    /* never set: NULL */

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD FaultUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE FaultTriage;

_Use_decl_annotations_
VOID FaultTriage(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_TRIAGE_DUMP_DATA data = (PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData;
    ULONG code;

    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (ReasonSpecificDataLength < sizeof(*data))
        return;
    code = data->BugCheckCode;
    *FaultTarget = code;    /* FAULT_LINE */
}

_Use_decl_annotations_
VOID FaultUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&FaultRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = FaultUnload;
    KeInitializeCallbackRecord(&FaultRecord);
    if (!KeRegisterBugCheckReasonCallback(&FaultRecord, FaultTriage, KbCallbackTriageDumpData,
                                          (PUCHAR)"fault_driver"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
