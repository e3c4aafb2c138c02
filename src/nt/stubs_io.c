/*
 * src/nt/stubs_io.c — I/O-manager routines bcsim does not implement yet. Each stub enters the
 * verifier gate (IRQL check, "stub" reported once) and returns the documented failure value.
 */
#include "nt_private.h"

/* IoCreateDevice — Learn: STATUS_SUCCESS or an error. Stub: STATUS_NOT_IMPLEMENTED, *DeviceObject NULL. */
NTSTATUS IoCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize, PUNICODE_STRING DeviceName,
                        DEVICE_TYPE DeviceType, ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                        PDEVICE_OBJECT *DeviceObject)
{
    bcsim__export_enter(BCSIM__X_IoCreateDevice, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(DeviceExtensionSize);
    UNREFERENCED_PARAMETER(DeviceName);
    UNREFERENCED_PARAMETER(DeviceType);
    UNREFERENCED_PARAMETER(DeviceCharacteristics);
    UNREFERENCED_PARAMETER(Exclusive);
    if (DeviceObject)
        *DeviceObject = NULL;
    return STATUS_NOT_IMPLEMENTED;
}

/* IoDeleteDevice — Learn: no return value. */
VOID IoDeleteDevice(PDEVICE_OBJECT DeviceObject)
{
    bcsim__export_enter(BCSIM__X_IoDeleteDevice, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DeviceObject);
}

/* IoCreateSymbolicLink — Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS IoCreateSymbolicLink(PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName)
{
    bcsim__export_enter(BCSIM__X_IoCreateSymbolicLink, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SymbolicLinkName);
    UNREFERENCED_PARAMETER(DeviceName);
    return STATUS_NOT_IMPLEMENTED;
}

/* IoDeleteSymbolicLink — Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS IoDeleteSymbolicLink(PUNICODE_STRING SymbolicLinkName)
{
    bcsim__export_enter(BCSIM__X_IoDeleteSymbolicLink, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SymbolicLinkName);
    return STATUS_NOT_IMPLEMENTED;
}

/* IoAttachDeviceToDeviceStack — Learn: NULL if the attach failed. */
PDEVICE_OBJECT IoAttachDeviceToDeviceStack(PDEVICE_OBJECT SourceDevice, PDEVICE_OBJECT TargetDevice)
{
    bcsim__export_enter(BCSIM__X_IoAttachDeviceToDeviceStack, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SourceDevice);
    UNREFERENCED_PARAMETER(TargetDevice);
    return NULL;
}

/* IoDetachDevice — Learn: no return value. */
VOID IoDetachDevice(PDEVICE_OBJECT TargetDevice)
{
    bcsim__export_enter(BCSIM__X_IoDetachDevice, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(TargetDevice);
}

/* IofCompleteRequest (IoCompleteRequest) — Learn: no return value. */
VOID IofCompleteRequest(PIRP Irp, CCHAR PriorityBoost)
{
    bcsim__export_enter(BCSIM__X_IofCompleteRequest, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(PriorityBoost);
}

/* IofCallDriver (IoCallDriver) — Learn: the status the lower driver returns. Stub:
 * STATUS_NOT_IMPLEMENTED. */
NTSTATUS IofCallDriver(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    bcsim__export_enter(BCSIM__X_IofCallDriver, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    return STATUS_NOT_IMPLEMENTED;
}

/* IoRegisterShutdownNotification — Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS IoRegisterShutdownNotification(PDEVICE_OBJECT DeviceObject)
{
    bcsim__export_enter(BCSIM__X_IoRegisterShutdownNotification, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DeviceObject);
    return STATUS_NOT_IMPLEMENTED;
}

/* IoUnregisterShutdownNotification — Learn: no return value. */
VOID IoUnregisterShutdownNotification(PDEVICE_OBJECT DeviceObject)
{
    bcsim__export_enter(BCSIM__X_IoUnregisterShutdownNotification, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DeviceObject);
}

/* IoAllocateWorkItem — Learn: NULL if there is insufficient memory. */
PIO_WORKITEM IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject)
{
    bcsim__export_enter(BCSIM__X_IoAllocateWorkItem, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DeviceObject);
    return NULL;
}

/* IoQueueWorkItem — Learn: no return value. */
VOID IoQueueWorkItem(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE WorkerRoutine, WORK_QUEUE_TYPE QueueType,
                     PVOID Context)
{
    bcsim__export_enter(BCSIM__X_IoQueueWorkItem, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(IoWorkItem);
    UNREFERENCED_PARAMETER(WorkerRoutine);
    UNREFERENCED_PARAMETER(QueueType);
    UNREFERENCED_PARAMETER(Context);
}

/* IoFreeWorkItem — Learn: no return value. */
VOID IoFreeWorkItem(PIO_WORKITEM IoWorkItem)
{
    bcsim__export_enter(BCSIM__X_IoFreeWorkItem, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(IoWorkItem);
}
