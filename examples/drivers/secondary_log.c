/*
 * secondary_log — KbCallbackSecondaryDumpData, the documented two-phase way: the driver
 * keeps the tail of its own log in a nonpaged ring; on the size request it says how much it
 * has, on the data request it copies it into InBuffer when it fits, otherwise it hands out
 * its own resident buffer. The block is tagged with the driver's GUID.
 */
#define INITGUID
#include <ntddk.h>

/* {5ec0da7a-1095-4d2e-9b4e-3d3f3d6c6f67} */
DEFINE_GUID(GUID_SECONDARY_LOG, 0x5ec0da7a, 0x1095, 0x4d2e, 0x9b, 0x4e, 0x3d, 0x3f, 0x3d, 0x6c, 0x6f, 0x67);

#define LOG_BYTES 6000          /* more than one scratch page: exercises the own-buffer path */

static KBUGCHECK_REASON_CALLBACK_RECORD LogRecord;
static UCHAR LogBuffer[LOG_BYTES];
static ULONG LogUsed;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LogUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE LogSecondaryData;

static VOID LogAppend(PCSTR Text)
{
    while (*Text && LogUsed < LOG_BYTES)
        LogBuffer[LogUsed++] = (UCHAR)*Text++;
}

_Use_decl_annotations_
VOID LogSecondaryData(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                      PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA data = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    ULONG length = LogUsed;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    if (length > data->MaximumAllowed)
        length = data->MaximumAllowed;
    data->Guid = GUID_SECONDARY_LOG;
    if (data->OutBuffer == NULL) {
        /* size request */
        data->OutBuffer = LogBuffer;
        data->OutBufferLength = length;
        return;
    }
    /* data request: OutBuffer == InBuffer */
    if (length <= data->InBufferLength) {
        RtlCopyMemory(data->InBuffer, LogBuffer, length);
        data->OutBuffer = data->InBuffer;
    } else {
        data->OutBuffer = LogBuffer;
    }
    data->OutBufferLength = length;
}

_Use_decl_annotations_
VOID LogUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&LogRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG i;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = LogUnload;
    for (i = 0; LogUsed + 64 < LOG_BYTES; i++) {
        LogAppend("secondary_log: event ");
        LogBuffer[LogUsed++] = (UCHAR)('0' + i % 10);
        LogAppend(" handled, queue depth nominal\n");
    }
    KeInitializeCallbackRecord(&LogRecord);
    if (!KeRegisterBugCheckReasonCallback(&LogRecord, LogSecondaryData, KbCallbackSecondaryDumpData,
                                          (PUCHAR)"secondary_log"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
