/* A driver whose legacy callback dereferences NULL (a violation: exit code 1), and whose
 * DriverUnload forgets to deregister (0xCE in the unload check). */
#include <ntddk.h>

static KBUGCHECK_CALLBACK_RECORD Rec;
static volatile PULONG Nothing;
KBUGCHECK_CALLBACK_ROUTINE FaultCallback;
DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD FaultUnload;

VOID FaultCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    *Nothing = 1;
}

VOID FaultUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = FaultUnload;
    KeInitializeCallbackRecord(&Rec);
    return KeRegisterBugCheckCallback(&Rec, FaultCallback, NULL, 0, (PUCHAR)"faults") ? STATUS_SUCCESS
                                                                                      : STATUS_UNSUCCESSFUL;
}
