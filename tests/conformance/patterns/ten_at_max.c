/* ten_at_max — ten SecondaryDumpData records (one per subsystem), each handing over as much as
 * it is allowed: OutBufferLength = MaximumAllowed from its own nonpaged log. In a small dump
 * the total runs out before the last records: they are simply left out. */
#define INITGUID
#include <ntddk.h>

#define RECORDS 10
#define LOG_BYTES (64 * 1024)

static KBUGCHECK_REASON_CALLBACK_RECORD Records[RECORDS];
static UCHAR Logs[RECORDS][LOG_BYTES];
static CHAR Names[RECORDS][16];

KBUGCHECK_REASON_CALLBACK_ROUTINE SubsystemData;
VOID SubsystemData(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                   PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    ULONG i = (ULONG)(Record - Records);
    if (Reason != KbCallbackSecondaryDumpData || Length < sizeof(*d) || i >= RECORDS)
        return;
    d->Guid.Data1 = 0x7e170000 + i;
    d->Guid.Data2 = 0x1;
    d->Guid.Data3 = 0x4000;
    d->Guid.Data4[0] = 0x80;
    d->OutBuffer = Logs[i];
    d->OutBufferLength = d->MaximumAllowed < LOG_BYTES ? d->MaximumAllowed : LOG_BYTES;
}

DRIVER_UNLOAD Unload;
VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    for (int i = 0; i < RECORDS; i++)
        (void)KeDeregisterBugCheckReasonCallback(&Records[i]);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    for (int i = 0; i < RECORDS; i++) {
        RtlFillMemory(Logs[i], LOG_BYTES, (UCHAR)('a' + i));
        Names[i][0] = 's';
        Names[i][1] = 'u';
        Names[i][2] = 'b';
        Names[i][3] = (CHAR)('0' + i);
        KeInitializeCallbackRecord(&Records[i]);
        if (!KeRegisterBugCheckReasonCallback(&Records[i], SubsystemData, KbCallbackSecondaryDumpData,
                                              (PUCHAR)Names[i]))
            return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}
