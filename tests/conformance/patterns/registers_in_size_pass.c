/* registers_in_size_pass — a driver that registers a second, late SecondaryDumpData record
 * from inside its first one's size request (a crash-time "attach the extra log" path). The
 * late record was not there when the size pass walked the list: no data request, no
 * violation. */
#define INITGUID
#include <ntddk.h>

DEFINE_GUID(GUID_FIRST, 0x1a7e0001, 0x2222, 0x4333, 0x84, 0x44, 0x55, 0x55, 0x66, 0x66, 0x77, 0x77);
DEFINE_GUID(GUID_LATE, 0x1a7e0002, 0x2222, 0x4333, 0x84, 0x44, 0x55, 0x55, 0x66, 0x66, 0x77, 0x77);

static KBUGCHECK_REASON_CALLBACK_RECORD First, Late;

KBUGCHECK_REASON_CALLBACK_ROUTINE LateData;
VOID LateData(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
              PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || Length < sizeof(*d) || d->InBufferLength < 32)
        return;
    RtlFillMemory(d->InBuffer, 32, 0x1a);
    d->Guid = GUID_LATE;
    d->OutBuffer = d->InBuffer;
    d->OutBufferLength = 32;
}

KBUGCHECK_REASON_CALLBACK_ROUTINE FirstData;
VOID FirstData(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
               PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || Length < sizeof(*d) || d->InBufferLength < 64)
        return;
    if (d->OutBuffer == NULL && Late.State == BufferEmpty) {
        KeInitializeCallbackRecord(&Late);
        (void)KeRegisterBugCheckReasonCallback(&Late, LateData, KbCallbackSecondaryDumpData, (PUCHAR)"late");
    }
    RtlFillMemory(d->InBuffer, 64, 0xf1);
    d->Guid = GUID_FIRST;
    d->OutBuffer = d->InBuffer;
    d->OutBufferLength = 64;
}

DRIVER_UNLOAD Unload;
VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&First);
    (void)KeDeregisterBugCheckReasonCallback(&Late);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    KeInitializeCallbackRecord(&First);
    return KeRegisterBugCheckReasonCallback(&First, FirstData, KbCallbackSecondaryDumpData, (PUCHAR)"first")
               ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
