/*
 * pages_table — KbCallbackAddPages and KbCallbackRemovePages in the style of an
 * "EFI runtime" or GPU hang dumper: a table of ranges walked with Context as the index,
 * KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST until the last one. It adds three state areas to
 * the dump and removes a buffer of secrets from it. The routine declares its third parameter
 * as PKBUGCHECK_ADD_PAGES, as real drivers do (it compiles with the driver profile's leniency).
 */
#include <ntddk.h>

typedef struct _STATE_AREA {
    __declspec(align(4096)) UCHAR Bytes[2 * PAGE_SIZE];
} STATE_AREA;

static STATE_AREA StateAreas[3];
static __declspec(align(4096)) UCHAR Secrets[PAGE_SIZE];

static KBUGCHECK_REASON_CALLBACK_RECORD AddRecord, RemoveRecord;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD PagesUnload;

static VOID PagesAdd(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                     PKBUGCHECK_ADD_PAGES Pages, ULONG Length)
{
    ULONG_PTR index;

    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (Length < sizeof(*Pages))
        return;
    index = (ULONG_PTR)Pages->Context;   /* only once the structure is known to be there */
    if (index >= RTL_NUMBER_OF(StateAreas))
        return;
    Pages->Address = (ULONG_PTR)StateAreas[index].Bytes;
    Pages->Count = ADDRESS_AND_SIZE_TO_SPAN_PAGES(StateAreas[index].Bytes, sizeof(StateAreas[index].Bytes));
    Pages->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS;
    index++;
    if (index < RTL_NUMBER_OF(StateAreas))
        Pages->Flags |= KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST;
    Pages->Context = (PVOID)index;
}

static VOID PagesRemove(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                        PVOID ReasonSpecificData, ULONG Length)
{
    PKBUGCHECK_REMOVE_PAGES pages = (PKBUGCHECK_REMOVE_PAGES)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (Length < sizeof(*pages))
        return;
    pages->Address = (ULONG_PTR)PAGE_ALIGN(Secrets);
    pages->Count = BYTES_TO_PAGES(sizeof(Secrets));
    pages->Flags = KB_REMOVE_PAGES_FLAG_VIRTUAL_ADDRESS;
}

_Use_decl_annotations_
VOID PagesUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&AddRecord);
    (void)KeDeregisterBugCheckReasonCallback(&RemoveRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG i;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = PagesUnload;
    for (i = 0; i < RTL_NUMBER_OF(StateAreas); i++)
        RtlFillMemory(StateAreas[i].Bytes, sizeof(StateAreas[i].Bytes), (UCHAR)(0xA0 + i));
    RtlFillMemory(Secrets, sizeof(Secrets), 0x5E);
    KeInitializeCallbackRecord(&AddRecord);
    KeInitializeCallbackRecord(&RemoveRecord);
    if (!KeRegisterBugCheckReasonCallback(&AddRecord, PagesAdd, KbCallbackAddPages, (PUCHAR)"pages_table") ||
        !KeRegisterBugCheckReasonCallback(&RemoveRecord, PagesRemove, KbCallbackRemovePages, (PUCHAR)"pages_table"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
