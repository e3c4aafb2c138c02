/* strsafe_everywhere — formats its crash text with ntstrsafe in every reason's callback, as
 * logging-heavy drivers do. The functions are compiled into the driver (no kernel call, no
 * Driver Verifier check), and these formats convert no character width: warnings only. */
#define INITGUID
#include <ntddk.h>
#include <ntstrsafe.h>

DEFINE_GUID(GUID_STRSAFE_LOG, 0x5afe5afe, 0x1234, 0x4321, 0x80, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77);

static KBUGCHECK_CALLBACK_RECORD Legacy;
static KBUGCHECK_REASON_CALLBACK_RECORD Reasons[6];
static CHAR Line[128];
static CHAR Log[512];
static __declspec(align(4096)) UCHAR Page[PAGE_SIZE];
static KTRIAGE_DUMP_DATA_ARRAY *Triage;
static ULONG_PTR TriageStorage[(0x30 + 4 * 0x10) / sizeof(ULONG_PTR)];

static VOID Note(const char *where, ULONG_PTR v)
{
    size_t len = 0;
    (void)RtlStringCbPrintfA(Line, sizeof(Line), "%s: %08lx %I64x %p", where, (ULONG)v,
                             (ULONGLONG)v, (PVOID)v);
    (void)RtlStringCbLengthA(Line, sizeof(Line), &len);
    (void)RtlStringCbCatA(Log, sizeof(Log), Line);
    (void)RtlStringCchCopyNA(Line, RTL_NUMBER_OF(Line), where, len);
}

KBUGCHECK_CALLBACK_ROUTINE LegacyCb;
VOID LegacyCb(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Length);
    Note("legacy", (ULONG_PTR)Buffer);
}

KBUGCHECK_REASON_CALLBACK_ROUTINE ReasonCb;
VOID ReasonCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
              PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Record);
    Note("reason", (ULONG_PTR)Reason);
    switch (Reason) {
    case KbCallbackSecondaryDumpData: {
        PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
        if (Length < sizeof(*d))
            return;
        if (d->OutBuffer == NULL) {
            d->OutBuffer = Log;
            d->OutBufferLength = sizeof(Log);
        } else {
            d->OutBuffer = Log;
            d->OutBufferLength = sizeof(Log);
        }
        d->Guid = GUID_STRSAFE_LOG;
        break;
    }
    case KbCallbackAddPages: {
        PKBUGCHECK_ADD_PAGES p = (PKBUGCHECK_ADD_PAGES)Data;
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS;
        p->Address = (ULONG_PTR)Page;
        p->Count = 1;
        break;
    }
    case KbCallbackRemovePages: {
        PKBUGCHECK_REMOVE_PAGES p = (PKBUGCHECK_REMOVE_PAGES)Data;
        p->Count = 0;
        break;
    }
    case KbCallbackTriageDumpData: {
        PKBUGCHECK_TRIAGE_DUMP_DATA t = (PKBUGCHECK_TRIAGE_DUMP_DATA)Data;
        if (Triage && NT_SUCCESS(KeAddTriageDumpDataBlock(Triage, Log, sizeof(Log))))
            t->DataArray = Triage;
        break;
    }
    default:
        break;
    }
}

DRIVER_UNLOAD Unload;
VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckCallback(&Legacy);
    for (int i = 0; i < 6; i++)
        (void)KeDeregisterBugCheckReasonCallback(&Reasons[i]);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    static const KBUGCHECK_CALLBACK_REASON which[6] = {
        KbCallbackSecondaryDumpData, KbCallbackDumpIo, KbCallbackAddPages,
        KbCallbackRemovePages, KbCallbackTriageDumpData, KbCallbackSecondaryMultiPartDumpData };
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    (void)RtlStringCbCopyA(Log, sizeof(Log), "strsafe_everywhere log\n");
    if (NT_SUCCESS(KeInitializeTriageDumpDataArray((PKTRIAGE_DUMP_DATA_ARRAY)TriageStorage, sizeof(TriageStorage))))
        Triage = (PKTRIAGE_DUMP_DATA_ARRAY)TriageStorage;
    KeInitializeCallbackRecord(&Legacy);
    if (!KeRegisterBugCheckCallback(&Legacy, LegacyCb, NULL, 0, (PUCHAR)"strsafe"))
        return STATUS_UNSUCCESSFUL;
    for (int i = 0; i < 6; i++) {
        KeInitializeCallbackRecord(&Reasons[i]);
        if (!KeRegisterBugCheckReasonCallback(&Reasons[i], ReasonCb, which[i], (PUCHAR)"strsafe"))
            return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}
