/*
 * tests/drivers/fuzz_drv.c — a test driver for src/fuzz/fuzz_dispatch.c: one callback registered
 * for SecondaryDumpData, SecondaryMultiPartDumpData, DumpIo, TriageDumpData and AddPages
 * records; it notes what it was given (FdSeen) and misbehaves as FdMode says.
 */
#include <ntddk.h>

#include "fuzz_drv.h"

fd_seen_t FdSeen;
unsigned FdCalls;
int FdMode;

static KBUGCHECK_REASON_CALLBACK_RECORD FdRecords[5];
static UCHAR FdOwn[0x2000];

KBUGCHECK_REASON_CALLBACK_ROUTINE FdCallback;

_Use_decl_annotations_
VOID FdCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    FdCalls++;
    RtlZeroMemory(&FdSeen, sizeof(FdSeen));
    FdSeen.reason = (int)Reason;
    FdSeen.length = ReasonSpecificDataLength;
    FdSeen.data = ReasonSpecificData;
    if (FdMode == 2) {
        (void)KeDeregisterBugCheckReasonCallback(Record);
        return;
    }
    if (FdMode == 4) {
        volatile UCHAR *p = (volatile UCHAR *)ReasonSpecificData;
        (void)p[ReasonSpecificDataLength];
        return;
    }
    if (ReasonSpecificDataLength < sizeof(KBUGCHECK_DUMP_IO))
        return;
    switch (Reason) {
    case KbCallbackSecondaryDumpData: {
        PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
        if (ReasonSpecificDataLength < sizeof(*d))
            return;
        FdSeen.in_buffer = d->InBuffer;
        FdSeen.in_buffer_length = d->InBufferLength;
        FdSeen.maximum_allowed = d->MaximumAllowed;
        FdSeen.out_buffer = d->OutBuffer;
        if (FdMode == 1) {
            d->MaximumAllowed = 0xFFFFFFFF;          /* an _In_ field: not a licence */
            d->OutBuffer = FdOwn;
            d->OutBufferLength = sizeof(FdOwn);
        } else if (d->MaximumAllowed >= 16) {
            d->Guid.Data1 = 0xFD;
            d->OutBuffer = FdOwn;
            d->OutBufferLength = 16;
        }
        break;
    }
    case KbCallbackSecondaryMultiPartDumpData: {
        PKBUGCHECK_SECONDARY_DUMP_DATA_EX x = (PKBUGCHECK_SECONDARY_DUMP_DATA_EX)ReasonSpecificData;
        if (ReasonSpecificDataLength < sizeof(*x))
            return;
        FdSeen.in_buffer = x->InBuffer;
        FdSeen.in_buffer_length = x->InBufferLength;
        FdSeen.maximum_allowed = x->MaximumAllowed;
        FdSeen.flags = x->Flags;
        FdSeen.context = x->Context;
        FdSeen.dump_type = x->DumpType;
        FdSeen.code = x->BugCheckCode;
        FdSeen.param1 = x->BugCheckParameter1;
        x->Context = (PVOID)((ULONG_PTR)x->Context + 1);
        x->Flags |= KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        break;
    }
    case KbCallbackDumpIo: {
        PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)ReasonSpecificData;
        FdSeen.io_type = io->Type;
        FdSeen.io_offset = io->Offset;
        FdSeen.io_buffer = io->Buffer;
        FdSeen.io_length = io->BufferLength;
        if (FdMode == 3 && io->Buffer && io->BufferLength)
            ((PUCHAR)io->Buffer)[0] ^= 0xFF;
        break;
    }
    case KbCallbackTriageDumpData: {
        PKBUGCHECK_TRIAGE_DUMP_DATA t = (PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData;
        if (ReasonSpecificDataLength < sizeof(*t))
            return;
        FdSeen.flags = t->Flags;
        FdSeen.max_virt = t->MaxVirtMemSize;
        FdSeen.code = t->BugCheckCode;
        FdSeen.param1 = t->BugCheckParameter1;
        break;
    }
    default:
        break;
    }
}

DRIVER_INITIALIZE FdDriverEntry;

NTSTATUS FdDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    static const KBUGCHECK_CALLBACK_REASON reasons[5] = {
        KbCallbackSecondaryDumpData, KbCallbackSecondaryMultiPartDumpData, KbCallbackDumpIo,
        KbCallbackTriageDumpData, KbCallbackAddPages };
    int i;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (i = 0; i < 5; i++) {
        KeInitializeCallbackRecord(&FdRecords[i]);
        if (!KeRegisterBugCheckReasonCallback(&FdRecords[i], FdCallback, reasons[i], (PUCHAR)"fd"))
            return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}

void *fd_driver_entry(void) { return (void *)FdDriverEntry; }

unsigned char fd_register_at(void *record)
{
    KeInitializeCallbackRecord((PKBUGCHECK_REASON_CALLBACK_RECORD)record);
    return KeRegisterBugCheckReasonCallback((PKBUGCHECK_REASON_CALLBACK_RECORD)record, FdCallback,
                                            KbCallbackSecondaryDumpData, (PUCHAR)"fd");
}
