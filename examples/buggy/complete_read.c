/*
 * complete_read — KbCallbackDumpIo in the style of a driver that mirrors the dump to a device
 * with 512-byte sectors: whole sectors go out as they arrive; a partial sector at the end of
 * the stream is sent when the stream completes. PLANTED BUG: it does not copy those bytes; it
 * reads them from the last write's buffer on the KbDumpIoComplete call, whose Buffer is NULL
 * (Learn: KBUGCHECK_DUMP_IO). bcsim's dispatcher writes whole pages, so the tail is always
 * empty; a fuzzer's odd lengths are not.
 */
#include <ntddk.h>

#define SECTOR 512

static KBUGCHECK_REASON_CALLBACK_RECORD MirrorRecord;
static UCHAR SectorBuffer[SECTOR];
static ULONG64 SectorsWritten;
static ULONG PendingBytes;        /* bytes at the end of the last write not yet sent */
static ULONG LastLength;
static ULONG Checksum;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD MirrorUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE MirrorDumpIo;

static VOID MirrorSend(const UCHAR *Bytes, ULONG Length)
{
    ULONG i;
    RtlCopyMemory(SectorBuffer, Bytes, Length);
    for (i = 0; i < Length; i++)
        Checksum = Checksum * 31 + SectorBuffer[i];
    SectorsWritten++;
}

_Use_decl_annotations_
VOID MirrorDumpIo(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                  PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)ReasonSpecificData;
    const UCHAR *bytes;
    ULONG done;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackDumpIo || ReasonSpecificDataLength < sizeof(*io))
        return;
    if (io->Type == KbDumpIoHeader && PendingBytes == 0)
        SectorsWritten = 0;
    if (io->Type == KbDumpIoComplete) {
        if (PendingBytes)    /* the bug: Buffer is NULL on the Complete call */
            MirrorSend((const UCHAR *)io->Buffer + LastLength - PendingBytes, PendingBytes);
        PendingBytes = 0;
        return;
    }
    bytes = (const UCHAR *)io->Buffer;
    for (done = 0; done + SECTOR <= io->BufferLength; done += SECTOR)
        MirrorSend(bytes + done, SECTOR);
    PendingBytes = io->BufferLength - done;
    LastLength = io->BufferLength;
}

_Use_decl_annotations_
VOID MirrorUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&MirrorRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = MirrorUnload;
    KeInitializeCallbackRecord(&MirrorRecord);
    if (!KeRegisterBugCheckReasonCallback(&MirrorRecord, MirrorDumpIo, KbCallbackDumpIo,
                                          (PUCHAR)"complete_read"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
