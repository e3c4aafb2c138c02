/*
 * printers_driver — values for tests/gdb to print with bcsim's pretty-printers: a legacy
 * record, triage / DumpIo / AddPages callbacks (their ReasonSpecificData), a GUID, KIRQL
 * values, UNICODE_STRINGs with a surrogate pair and a lone surrogate, and one record whose
 * Component is changed after registration, so its Checksum no longer matches (the dispatcher
 * skips it and reports RECORD_MODIFIED when it walks the triage list, also with no dump).
 */
#define INITGUID
#include <ntddk.h>

/* {0b5c5d3e-7a1f-4c2d-9e8b-112233445566} */
DEFINE_GUID(GUID_PRINTERS, 0x0b5c5d3e, 0x7a1f, 0x4c2d, 0x9e, 0x8b, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66);

static KBUGCHECK_CALLBACK_RECORD PrintersLegacyRecord;
static KBUGCHECK_REASON_CALLBACK_RECORD PrintersTriageRecord;
static KBUGCHECK_REASON_CALLBACK_RECORD PrintersDumpIoRecord;
static KBUGCHECK_REASON_CALLBACK_RECORD PrintersPagesRecord;
static KBUGCHECK_REASON_CALLBACK_RECORD PrintersTamperedRecord;
static ULONG PrintersLegacyContext = 0x1234;
static DECLSPEC_ALIGN(PAGE_SIZE) UCHAR PrintersPage[PAGE_SIZE];

/* "café 😀 \Device": U+1F600 is the surrogate pair D83D DE00 in 16-bit WCHARs. */
static WCHAR PrintersNameBuffer[] = L"caf\u00e9 \U0001F600 \\Device";
static UNICODE_STRING PrintersName = { sizeof(PrintersNameBuffer) - sizeof(WCHAR),
                                       sizeof(PrintersNameBuffer), PrintersNameBuffer };
/* A lone high surrogate between 'a' and 'b'. */
static WCHAR PrintersLoneBuffer[] = { L'a', 0xD800, L'b', 0 };
static UNICODE_STRING PrintersLone = { 3 * sizeof(WCHAR), sizeof(PrintersLoneBuffer),
                                       PrintersLoneBuffer };
static GUID PrintersGuid;
/* A triage data array filled by hand so the printer has blocks to show (in a real driver
 * KeInitializeTriageDumpDataArray and KeAddTriageDumpDataBlock fill it); never handed out. */
static ULONG_PTR PrintersTriageStorage[(sizeof(KTRIAGE_DUMP_DATA_ARRAY) + 3 * sizeof(KADDRESS_RANGE)) /
                                       sizeof(ULONG_PTR)];
static PKTRIAGE_DUMP_DATA_ARRAY PrintersTriageArray = (PKTRIAGE_DUMP_DATA_ARRAY)PrintersTriageStorage;
static KIRQL PrintersIrql;
static ULONG PrintersCalls;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD PrintersUnload;
KBUGCHECK_CALLBACK_ROUTINE PrintersLegacy;
KBUGCHECK_REASON_CALLBACK_ROUTINE PrintersTriage;
KBUGCHECK_REASON_CALLBACK_ROUTINE PrintersDumpIo;
KBUGCHECK_REASON_CALLBACK_ROUTINE PrintersPages;

static VOID PrintersNote(KIRQL Irql)
{
    PrintersIrql = Irql;
    PrintersCalls++;
}

_Use_decl_annotations_
VOID PrintersLegacy(PVOID Buffer, ULONG Length)
{
    if (Buffer != NULL && Length == sizeof(ULONG))
        *(PULONG)Buffer += 1;
    PrintersNote(HIGH_LEVEL);
}

_Use_decl_annotations_
VOID PrintersTriage(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                    PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_TRIAGE_DUMP_DATA data = (PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (ReasonSpecificDataLength < sizeof(*data) || PrintersName.Length == 0 || PrintersLone.Length == 0)
        return;
    PrintersGuid = GUID_PRINTERS;
    PrintersNote(HIGH_LEVEL);
}

_Use_decl_annotations_
VOID PrintersDumpIo(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                    PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (ReasonSpecificDataLength < sizeof(*io))
        return;
    PrintersNote(HIGH_LEVEL);
}

_Use_decl_annotations_
VOID PrintersPages(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                   PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_ADD_PAGES pages = (PKBUGCHECK_ADD_PAGES)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (ReasonSpecificDataLength < sizeof(*pages) || pages->Context != NULL)
        return;
    pages->Context = PrintersPage;
    pages->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS;
    pages->Address = (ULONG_PTR)PrintersPage;
    pages->Count = 1;
    PrintersNote(HIGH_LEVEL);
}

_Use_decl_annotations_
VOID PrintersUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckCallback(&PrintersLegacyRecord);
    (void)KeDeregisterBugCheckReasonCallback(&PrintersTriageRecord);
    (void)KeDeregisterBugCheckReasonCallback(&PrintersDumpIoRecord);
    (void)KeDeregisterBugCheckReasonCallback(&PrintersPagesRecord);
    (void)KeDeregisterBugCheckReasonCallback(&PrintersTamperedRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = PrintersUnload;
    KeInitializeCallbackRecord(&PrintersLegacyRecord);
    KeInitializeCallbackRecord(&PrintersTriageRecord);
    KeInitializeCallbackRecord(&PrintersDumpIoRecord);
    KeInitializeCallbackRecord(&PrintersPagesRecord);
    KeInitializeCallbackRecord(&PrintersTamperedRecord);
    if (!KeRegisterBugCheckCallback(&PrintersLegacyRecord, PrintersLegacy, &PrintersLegacyContext,
                                    sizeof(PrintersLegacyContext), (PUCHAR)"printers") ||
        !KeRegisterBugCheckReasonCallback(&PrintersTriageRecord, PrintersTriage,
                                          KbCallbackTriageDumpData, (PUCHAR)"printers") ||
        !KeRegisterBugCheckReasonCallback(&PrintersDumpIoRecord, PrintersDumpIo, KbCallbackDumpIo,
                                          (PUCHAR)"printers") ||
        !KeRegisterBugCheckReasonCallback(&PrintersPagesRecord, PrintersPages, KbCallbackAddPages,
                                          (PUCHAR)"printers") ||
        !KeRegisterBugCheckReasonCallback(&PrintersTamperedRecord, PrintersTriage,
                                          KbCallbackTriageDumpData, (PUCHAR)"printers"))
        return STATUS_UNSUCCESSFUL;
    PrintersTriageArray->NumBlocksUsed = 2;
    PrintersTriageArray->NumBlocksTotal = 4;
    PrintersTriageArray->ComponentName = (PUCHAR)"printers";
    PrintersTriageArray->Blocks[0].Address = &PrintersCalls;
    PrintersTriageArray->Blocks[0].Size = sizeof(PrintersCalls);
    PrintersTriageArray->Blocks[1].Address = PrintersPage;
    PrintersTriageArray->Blocks[1].Size = sizeof(PrintersPage);
    /* A driver bug on purpose: the record is changed after registration. */
    PrintersTamperedRecord.Component = (PUCHAR)"tampered";
    return STATUS_SUCCESS;
}
