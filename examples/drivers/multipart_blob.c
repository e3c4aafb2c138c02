/*
 * multipart_blob — KbCallbackSecondaryMultiPartDumpData in the style of a hypervisor
 * crash-blob driver: a blob larger than one call may carry, chunked by MaximumAllowed, the
 * cursor kept in Context, KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA while data remains, and
 * KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS set as the original does.
 */
#define INITGUID
#include <ntddk.h>

/* {b10bb10b-5eca-4a11-8d7a-6d756c746970} */
DEFINE_GUID(GUID_CRASH_BLOB, 0xb10bb10b, 0x5eca, 0x4a11, 0x8d, 0x7a, 0x6d, 0x75, 0x6c, 0x74, 0x69, 0x70);

#define BLOB_BYTES (20 * 1024)
#define CHUNK_BYTES 4096

static KBUGCHECK_REASON_CALLBACK_RECORD BlobRecord;
static UCHAR Blob[BLOB_BYTES];

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BlobUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE BlobMultiPart;

_Use_decl_annotations_
VOID BlobMultiPart(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                   PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA_EX data = (PKBUGCHECK_SECONDARY_DUMP_DATA_EX)ReasonSpecificData;
    ULONG_PTR offset;
    ULONG chunk;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryMultiPartDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    offset = (ULONG_PTR)data->Context;
    chunk = BLOB_BYTES - (ULONG)offset;
    if (chunk > CHUNK_BYTES)
        chunk = CHUNK_BYTES;
    if (chunk > data->MaximumAllowed)
        chunk = data->MaximumAllowed;
    data->Guid = GUID_CRASH_BLOB;
    data->OutBuffer = &Blob[offset];
    data->OutBufferLength = chunk;
    offset += chunk;
    if (offset < BLOB_BYTES) {
        data->Flags |= KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA | KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS;
        data->Context = (PVOID)offset;
    } else {
        data->Flags &= ~KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        data->Context = NULL;
    }
}

_Use_decl_annotations_
VOID BlobUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&BlobRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG i;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = BlobUnload;
    for (i = 0; i < BLOB_BYTES; i++)
        Blob[i] = (UCHAR)(i * 7 + (i >> 12));
    KeInitializeCallbackRecord(&BlobRecord);
    if (!KeRegisterBugCheckReasonCallback(&BlobRecord, BlobMultiPart, KbCallbackSecondaryMultiPartDumpData,
                                          (PUCHAR)"multipart_blob"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
