/* A module built with bcsim_add_driver() that lacks DriverEntry. */
#include <ntddk.h>
NTSTATUS NotTheEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return STATUS_SUCCESS;
}
