/*
 * dumpio_mirror — KbCallbackDumpIo in the style of a dump-streaming driver: it mirrors every
 * write to a "device" and checks the documented contract on each call; a broken contract is
 * a bug check of its own (as such drivers do), so a simulator that gets it wrong is caught:
 *   Offset == -1 (sequential), page-aligned Buffer, page-multiple BufferLength,
 *   Header+ -> Body* -> SecondaryData* -> exactly one Complete (Buffer NULL, length 0).
 * Body and SecondaryData writes may be absent (a header-only dump; no secondary data), so the
 * mirror accepts Complete after any kind of write.
 */
#include <ntddk.h>

#define DUMPIO_CONTRACT_BROKEN 0xE0DD0001UL   /* a driver-private code (Learn: KeBugCheckEx) */

static KBUGCHECK_REASON_CALLBACK_RECORD MirrorRecord;
static KBUGCHECK_DUMP_IO_TYPE MirrorLastType;
static ULONG64 MirrorBytes;
static ULONG MirrorWrites[KbDumpIoComplete + 1];

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD MirrorUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE MirrorDumpIo;

static VOID MirrorCheck(BOOLEAN Ok, ULONG What, PKBUGCHECK_DUMP_IO Io)
{
    if (!Ok)
        KeBugCheckEx(DUMPIO_CONTRACT_BROKEN, What, (ULONG_PTR)Io->Type, (ULONG_PTR)Io->Offset,
                     (ULONG_PTR)Io->BufferLength);
}

_Use_decl_annotations_
VOID MirrorDumpIo(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                  PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackDumpIo || ReasonSpecificDataLength < sizeof(*io))
        return;
    MirrorCheck(io->Offset == (ULONG64)-1, 1, io);
    MirrorCheck(io->Type >= MirrorLastType, 2, io);
    if (io->Type == KbDumpIoComplete) {
        MirrorCheck(io->Buffer == NULL && io->BufferLength == 0, 3, io);
        MirrorCheck(MirrorWrites[KbDumpIoHeader] > 0, 4, io);
        DbgPrint("dumpio_mirror: %lu header, %lu body, %lu secondary writes, %I64u bytes\n",
                 MirrorWrites[KbDumpIoHeader], MirrorWrites[KbDumpIoBody],
                 MirrorWrites[KbDumpIoSecondaryData], MirrorBytes);
    } else {
        MirrorCheck(io->Type >= KbDumpIoHeader && io->Type <= KbDumpIoSecondaryData, 5, io);
        MirrorCheck(((ULONG_PTR)io->Buffer & (PAGE_SIZE - 1)) == 0, 6, io);
        MirrorCheck(io->BufferLength != 0 && (io->BufferLength & (PAGE_SIZE - 1)) == 0, 7, io);
        MirrorBytes += io->BufferLength;
    }
    MirrorWrites[io->Type]++;
    MirrorLastType = io->Type;
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
    MirrorLastType = KbDumpIoInvalid;
    KeInitializeCallbackRecord(&MirrorRecord);
    if (!KeRegisterBugCheckReasonCallback(&MirrorRecord, MirrorDumpIo, KbCallbackDumpIo,
                                          (PUCHAR)"dumpio_mirror"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
