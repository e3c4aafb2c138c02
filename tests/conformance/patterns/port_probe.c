/* port_probe — probes its device in DriverEntry (reads the ID port), registers its panic
 * notifier, and on unload tears down only what the probe found, as many drivers do:
 * "if (Ext->Present) KeDeregisterBugCheckCallback(...)". The scenario scripts the ID port;
 * both boots (the unload check and the bug check) must see the same device. */
#include <ntddk.h>

#define ID_PORT ((PUCHAR)0x2F8)
#define DEVICE_ID 0x42

static KBUGCHECK_CALLBACK_RECORD Record;
static BOOLEAN Present;

KBUGCHECK_CALLBACK_ROUTINE Notify;
VOID Notify(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    WRITE_PORT_UCHAR(ID_PORT + 1, 0xE2);
}

DRIVER_UNLOAD Unload;
VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    if (Present)
        (void)KeDeregisterBugCheckCallback(&Record);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    Present = READ_PORT_UCHAR(ID_PORT) == DEVICE_ID;
    KeInitializeCallbackRecord(&Record);
    if (!KeRegisterBugCheckCallback(&Record, Notify, NULL, 0, (PUCHAR)"port_probe"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
