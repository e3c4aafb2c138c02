/*
 * legacy_notify — a legacy bug-check callback (KeRegisterBugCheckCallback) in the style of a
 * paravirtual "panic notifier": the callback gets back exactly the Buffer/Length it
 * registered (here a host-notification port number), reads the bug-check code through
 * KiBugCheckData and tells the "host" by writing to that port.
 */
#include <ntddk.h>

#define NOTIFY_PORT ((PUCHAR)(ULONG_PTR)0x505)

extern PULONG_PTR KiBugCheckData;   /* not declared by the WDK: drivers declare it */

static KBUGCHECK_CALLBACK_RECORD NotifyRecord;
static BOOLEAN NotifyRegistered;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD NotifyUnload;
KBUGCHECK_CALLBACK_ROUTINE NotifyBugCheck;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, NotifyUnload)
#endif

_Use_decl_annotations_
VOID NotifyBugCheck(PVOID Buffer, ULONG Length)
{
    PUCHAR port = (PUCHAR)Buffer;

    if (Length != sizeof(PVOID))
        return;
    /* the low byte of the stop code tells the host what happened */
    WRITE_PORT_UCHAR(port, (UCHAR)(KiBugCheckData[0] & 0xFF));
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
               "legacy_notify: bug check 0x%08lX (0x%p, 0x%p)\n", (ULONG)KiBugCheckData[0],
               (PVOID)KiBugCheckData[1], (PVOID)KiBugCheckData[2]);
}

_Use_decl_annotations_
VOID NotifyUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();
    if (NotifyRegistered)
        NotifyRegistered = !KeDeregisterBugCheckCallback(&NotifyRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = NotifyUnload;
    KeInitializeCallbackRecord(&NotifyRecord);
    NotifyRegistered = KeRegisterBugCheckCallback(&NotifyRecord, NotifyBugCheck, NOTIFY_PORT,
                                                  sizeof(PVOID), (PUCHAR)"legacy_notify");
    return NotifyRegistered ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
