/*
 * device.c — kmdf_panic's device: EvtDriverDeviceAdd creates it, EvtDevicePrepareHardware finds
 * the device's I/O port among the translated resources, EvtDeviceD0Entry registers the bug-check
 * callbacks (the port write at the crash, and the "crash dump started" write from a DumpIo
 * callback), EvtDeviceD0Exit deregisters them before the device leaves D0.
 */
#include <initguid.h>
#include "device.h"
#include "trace.h"
#include "device.tmh"

/* {e8b0a2c4-4e1f-4a8a-9c35-5d0a7b6e2f91} */
DEFINE_GUID(GUID_DEVINTERFACE_KMDF_PANIC,
            0xe8b0a2c4, 0x4e1f, 0x4a8a, 0x9c, 0x35, 0x5d, 0x0a, 0x7b, 0x6e, 0x2f, 0x91);

#define IOCTL_KMDF_PANIC_GET_EVENTS CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)

static const UCHAR PanicComponent[] = "kmdf_panic";

/* The driver's Parameters key: CrashLoadedEvents (REG_DWORD, default 1) turns the dump-start
 * notification on or off. */
static BOOLEAN
PanicReadCrashLoadedSetting(
    _In_ WDFDRIVER Driver
    )
{
    WDFKEY key;
    ULONG value = 1;
    DECLARE_CONST_UNICODE_STRING(valueName, L"CrashLoadedEvents");

    if (NT_SUCCESS(WdfDriverOpenParametersRegistryKey(Driver, KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &key))) {
        if (!NT_SUCCESS(WdfRegistryQueryULong(key, &valueName, &value))) {
            value = 1;
        }
        WdfRegistryClose(key);
    }
    return value != 0;
}

NTSTATUS
PanicEvtDeviceAdd(
    _In_ WDFDRIVER Driver,
    _Inout_ PWDFDEVICE_INIT DeviceInit
    )
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPowerCallbacks;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    PDEVICE_CONTEXT context;
    WDFDEVICE device;
    NTSTATUS status;

    PAGED_CODE();
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_DEVICE, "%!FUNC! Entry");

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPowerCallbacks);
    pnpPowerCallbacks.EvtDevicePrepareHardware = PanicEvtDevicePrepareHardware;
    pnpPowerCallbacks.EvtDeviceReleaseHardware = PanicEvtDeviceReleaseHardware;
    pnpPowerCallbacks.EvtDeviceD0Entry = PanicEvtDeviceD0Entry;
    pnpPowerCallbacks.EvtDeviceD0Exit = PanicEvtDeviceD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPowerCallbacks);
    WdfDeviceInitSetDeviceType(DeviceInit, FILE_DEVICE_UNKNOWN);
    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetExclusive(DeviceInit, FALSE);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        TraceEvents(TRACE_LEVEL_ERROR, TRACE_DEVICE, "WdfDeviceCreate failed %!STATUS!", status);
        return status;
    }

    context = PanicGetContext(device);
    context->DumpCallbackWanted = PanicReadCrashLoadedSetting(Driver);

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &context->StateLock);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = WdfDeviceCreateDeviceInterface(device, &GUID_DEVINTERFACE_KMDF_PANIC, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = PanicEvtIoDeviceControl;
    status = WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
    if (!NT_SUCCESS(status)) {
        TraceEvents(TRACE_LEVEL_ERROR, TRACE_DEVICE, "WdfIoQueueCreate failed %!STATUS!", status);
    }
    return status;
}

NTSTATUS
PanicEvtDevicePrepareHardware(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesRaw,
    _In_ WDFCMRESLIST ResourcesTranslated
    )
{
    PDEVICE_CONTEXT context = PanicGetContext(Device);
    PCM_PARTIAL_RESOURCE_DESCRIPTOR desc;
    ULONG i;

    UNREFERENCED_PARAMETER(ResourcesRaw);
    PAGED_CODE();

    for (i = 0; i < WdfCmResourceListGetCount(ResourcesTranslated); i++) {
        desc = WdfCmResourceListGetDescriptor(ResourcesTranslated, i);
        if (desc == NULL || desc->Type != CmResourceTypePort) {
            continue;
        }
        context->PortLength = desc->u.Port.Length;
        if (desc->Flags & CM_RESOURCE_PORT_IO) {
            context->Port = (PUCHAR)(ULONG_PTR)desc->u.Port.Start.LowPart;
            context->PortMapped = FALSE;
        } else {
            context->Port = (PUCHAR)MmMapIoSpace(desc->u.Port.Start, desc->u.Port.Length, MmNonCached);
            if (context->Port == NULL) {
                return STATUS_INSUFFICIENT_RESOURCES;
            }
            context->PortMapped = TRUE;
        }
        break;
    }
    if (context->Port == NULL) {
        TraceEvents(TRACE_LEVEL_ERROR, TRACE_DEVICE, "no I/O port among the resources");
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }

    context->Supported = READ_PORT_UCHAR(context->Port) & (PANIC_PANICKED | PANIC_CRASH_LOADED);
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_DEVICE, "port %p, events %#x", context->Port, context->Supported);
    return STATUS_SUCCESS;
}

NTSTATUS
PanicEvtDeviceReleaseHardware(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesTranslated
    )
{
    PDEVICE_CONTEXT context = PanicGetContext(Device);

    UNREFERENCED_PARAMETER(ResourcesTranslated);
    PAGED_CODE();

    if (context->PortMapped && context->Port != NULL) {
        MmUnmapIoSpace(context->Port, context->PortLength);
    }
    context->Port = NULL;
    return STATUS_SUCCESS;
}

NTSTATUS
PanicEvtDeviceD0Entry(
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE PreviousState
    )
{
    PDEVICE_CONTEXT context = PanicGetContext(Device);

    UNREFERENCED_PARAMETER(PreviousState);

    if (context->Supported & PANIC_PANICKED) {
        KeInitializeCallbackRecord(&context->BugCheckRecord);
        if (!KeRegisterBugCheckCallback(&context->BugCheckRecord, PanicBugCheckCallback, context,
                                        sizeof(*context), (PUCHAR)PanicComponent)) {
            return STATUS_UNSUCCESSFUL;
        }
    }
    if ((context->Supported & PANIC_CRASH_LOADED) && context->DumpCallbackWanted) {
        context->CrashLoadedSent = FALSE;
        KeInitializeCallbackRecord(&context->DumpRecord);
        if (!KeRegisterBugCheckReasonCallback(&context->DumpRecord, PanicDumpIoCallback, KbCallbackDumpIo,
                                              (PUCHAR)PanicComponent)) {
            (void)KeDeregisterBugCheckCallback(&context->BugCheckRecord);
            return STATUS_UNSUCCESSFUL;
        }
    }
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_DEVICE, "%!FUNC! callbacks registered");
    return STATUS_SUCCESS;
}

NTSTATUS
PanicEvtDeviceD0Exit(
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE TargetState
    )
{
    PDEVICE_CONTEXT context = PanicGetContext(Device);

    UNREFERENCED_PARAMETER(TargetState);

    if (context->Supported & PANIC_PANICKED) {
        (void)KeDeregisterBugCheckCallback(&context->BugCheckRecord);
    }
    if ((context->Supported & PANIC_CRASH_LOADED) && context->DumpCallbackWanted) {
        (void)KeDeregisterBugCheckReasonCallback(&context->DumpRecord);
    }
    return STATUS_SUCCESS;
}

VOID
PanicEvtIoDeviceControl(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t OutputBufferLength,
    _In_ size_t InputBufferLength,
    _In_ ULONG IoControlCode
    )
{
    PDEVICE_CONTEXT context = PanicGetContext(WdfIoQueueGetDevice(Queue));
    PUCHAR events;
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    if (IoControlCode == IOCTL_KMDF_PANIC_GET_EVENTS) {
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(UCHAR), (PVOID *)&events, NULL);
        if (NT_SUCCESS(status)) {
            WdfSpinLockAcquire(context->StateLock);
            *events = context->Supported;
            WdfSpinLockRelease(context->StateLock);
            WdfRequestCompleteWithInformation(Request, status, sizeof(UCHAR));
            return;
        }
    }
    WdfRequestComplete(Request, status);
}

/* The crash: tell the host the guest panicked. HIGH_LEVEL: only the port, nothing else. */
VOID
PanicBugCheckCallback(
    _In_ PVOID Buffer,
    _In_ ULONG Length
    )
{
    PDEVICE_CONTEXT context = (PDEVICE_CONTEXT)Buffer;

    if (Length != sizeof(*context) || context->Port == NULL) {
        return;
    }
    WRITE_PORT_UCHAR(context->Port, PANIC_PANICKED);
}

/* The dump started: tell the host once, at the first write. */
VOID
PanicDumpIoCallback(
    _In_ KBUGCHECK_CALLBACK_REASON Reason,
    _In_ struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
    _Inout_ PVOID ReasonSpecificData,
    _In_ ULONG ReasonSpecificDataLength
    )
{
    PDEVICE_CONTEXT context = CONTAINING_RECORD(Record, DEVICE_CONTEXT, DumpRecord);

    UNREFERENCED_PARAMETER(ReasonSpecificData);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);

    if (Reason != KbCallbackDumpIo || context->CrashLoadedSent || context->Port == NULL) {
        return;
    }
    context->CrashLoadedSent = TRUE;
    WRITE_PORT_UCHAR(context->Port, PANIC_CRASH_LOADED);
}
