/* grows_between_passes — a log that keeps growing while the machine crashes: the size request
 * announces what the log holds then, the data request hands over what it holds by then (more,
 * but within MaximumAllowed). Written in full where the space is free, otherwise cut to what
 * was announced; never a violation. */
#define INITGUID
#include <ntddk.h>

DEFINE_GUID(GUID_GROWING_LOG, 0x9a0c0c0c, 0x1111, 0x4222, 0x83, 0x33, 0x44, 0x44, 0x55, 0x55, 0x66, 0x66);
DEFINE_GUID(GUID_STEADY_LOG, 0x9a0c0c0d, 0x1111, 0x4222, 0x83, 0x33, 0x44, 0x44, 0x55, 0x55, 0x66, 0x66);

static KBUGCHECK_REASON_CALLBACK_RECORD Growing, Steady;
static UCHAR Log[0x3000];
static ULONG LogUsed = 16;

KBUGCHECK_REASON_CALLBACK_ROUTINE GrowingData;
VOID GrowingData(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || Length < sizeof(*d))
        return;
    ULONG n = LogUsed < d->MaximumAllowed ? LogUsed : d->MaximumAllowed;
    d->Guid = GUID_GROWING_LOG;
    d->OutBuffer = Log;
    d->OutBufferLength = n;
    LogUsed = 0x1800;   /* the crash path logged more in the meantime */
}

KBUGCHECK_REASON_CALLBACK_ROUTINE SteadyData;
VOID SteadyData(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || Length < sizeof(*d) || d->InBufferLength < 16)
        return;
    RtlFillMemory(d->InBuffer, 16, 0x5d);
    d->Guid = GUID_STEADY_LOG;
    d->OutBuffer = d->InBuffer;
    d->OutBufferLength = 16;
}

DRIVER_UNLOAD Unload;
VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&Growing);
    (void)KeDeregisterBugCheckReasonCallback(&Steady);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    RtlFillMemory(Log, sizeof(Log), 0x6c);
    KeInitializeCallbackRecord(&Steady);
    KeInitializeCallbackRecord(&Growing);
    if (!KeRegisterBugCheckReasonCallback(&Steady, SteadyData, KbCallbackSecondaryDumpData, (PUCHAR)"steady"))
        return STATUS_UNSUCCESSFUL;
    if (!KeRegisterBugCheckReasonCallback(&Growing, GrowingData, KbCallbackSecondaryDumpData, (PUCHAR)"growing"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
