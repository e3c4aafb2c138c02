/* A driver whose callback ends the process with exit(): no Windows equivalent; the
 * supervising bcsim process reports which callback was running. */
#include <ntddk.h>
void exit(int status);

static KBUGCHECK_CALLBACK_RECORD Rec;
KBUGCHECK_CALLBACK_ROUTINE ExitCallback;
DRIVER_INITIALIZE DriverEntry;

VOID ExitCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    exit(7);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeCallbackRecord(&Rec);
    return KeRegisterBugCheckCallback(&Rec, ExitCallback, NULL, 0, (PUCHAR)"exits") ? STATUS_SUCCESS
                                                                                    : STATUS_UNSUCCESSFUL;
}
