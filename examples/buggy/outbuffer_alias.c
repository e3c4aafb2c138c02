/*
 * outbuffer_alias — KbCallbackSecondaryDumpData in the style of a driver that snapshots its
 * register file. It answers the size request (OutBuffer NULL) correctly. PLANTED BUG: for
 * anything else it writes its snapshot through OutBuffer, sized by InBufferLength, assuming
 * OutBuffer == InBuffer. That holds for bcsim's data requests; when OutBuffer arrives pointing
 * anywhere else, the copy runs off the end of that buffer.
 */
#define INITGUID
#include <ntddk.h>

/* {0a11a5ed-0b0f-4fe2-8d3c-726567736e70} */
DEFINE_GUID(GUID_REG_SNAPSHOT, 0x0a11a5ed, 0x0b0f, 0x4fe2, 0x8d, 0x3c, 0x72, 0x65, 0x67, 0x73, 0x6e, 0x70);

#define SNAPSHOT_BYTES 2048

static KBUGCHECK_REASON_CALLBACK_RECORD SnapshotRecord;
static UCHAR Snapshot[SNAPSHOT_BYTES];

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SnapshotUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE SnapshotSecondaryData;

_Use_decl_annotations_
VOID SnapshotSecondaryData(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                           PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA data = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    ULONG length = SNAPSHOT_BYTES;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    if (length > data->MaximumAllowed)
        length = data->MaximumAllowed;
    if (length > data->InBufferLength)
        length = data->InBufferLength;
    data->Guid = GUID_REG_SNAPSHOT;
    if (data->OutBuffer == NULL) {
        data->OutBuffer = data->InBuffer;
        data->OutBufferLength = length;
        return;
    }
    RtlCopyMemory(data->OutBuffer, Snapshot, length);   /* the bug: OutBuffer is taken for InBuffer */
    data->OutBufferLength = length;
}

_Use_decl_annotations_
VOID SnapshotUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&SnapshotRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG i;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = SnapshotUnload;
    for (i = 0; i < SNAPSHOT_BYTES; i++)
        Snapshot[i] = (UCHAR)(i * 13);
    KeInitializeCallbackRecord(&SnapshotRecord);
    if (!KeRegisterBugCheckReasonCallback(&SnapshotRecord, SnapshotSecondaryData, KbCallbackSecondaryDumpData,
                                          (PUCHAR)"outbuffer_alias"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
