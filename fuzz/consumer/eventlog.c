/* A small driver for the fuzz consumer project: its event log as secondary dump data. */
#define INITGUID
#include <ntddk.h>

DEFINE_GUID(GUID_EVENTLOG, 0x3e7e1095, 0x0b0c, 0x4d2e, 0x9b, 0x4e, 0x65, 0x76, 0x65, 0x6e, 0x74, 0x73);

static KBUGCHECK_REASON_CALLBACK_RECORD Record;
static UCHAR Log[512] = "eventlog: started\n";

DRIVER_INITIALIZE DriverEntry;
KBUGCHECK_REASON_CALLBACK_ROUTINE Callback;

_Use_decl_annotations_
VOID Callback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Rec,
              PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    ULONG n = sizeof(Log);
    UNREFERENCED_PARAMETER(Rec);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*d))
        return;
    if (n > d->MaximumAllowed)
        n = d->MaximumAllowed;
    d->Guid = GUID_EVENTLOG;
    d->OutBuffer = Log;
    d->OutBufferLength = n;
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeCallbackRecord(&Record);
    return KeRegisterBugCheckReasonCallback(&Record, Callback, KbCallbackSecondaryDumpData,
                                            (PUCHAR)"eventlog") ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
