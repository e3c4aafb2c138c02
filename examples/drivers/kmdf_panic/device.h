/*
 * device.h — the panic device's context and callbacks. The device is a "panic notifier" like
 * QEMU's pvpanic: one I/O port; the driver writes PANIC_PANICKED to it when the machine bug-checks
 * and PANIC_CRASH_LOADED when the crash dump starts. Reading the port gives the events the device
 * supports (the same bits).
 */
#pragma once

#include <ntddk.h>
#include <wdf.h>

#define PANIC_PANICKED      0x01
#define PANIC_CRASH_LOADED  0x02

typedef struct _DEVICE_CONTEXT {
    PUCHAR Port;                              /* from the translated resources */
    ULONG PortLength;
    BOOLEAN PortMapped;                       /* a memory-mapped port (MmMapIoSpace) */
    UCHAR Supported;                          /* the device's event bits */
    BOOLEAN CrashLoadedSent;
    BOOLEAN DumpCallbackWanted;               /* registry: Parameters\CrashLoadedEvents */
    WDFSPINLOCK StateLock;
    KBUGCHECK_CALLBACK_RECORD BugCheckRecord; /* registered in D0Entry, gone in D0Exit */
    KBUGCHECK_REASON_CALLBACK_RECORD DumpRecord;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, PanicGetContext)

EVT_WDF_DRIVER_DEVICE_ADD PanicEvtDeviceAdd;
EVT_WDF_DEVICE_PREPARE_HARDWARE PanicEvtDevicePrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE PanicEvtDeviceReleaseHardware;
EVT_WDF_DEVICE_D0_ENTRY PanicEvtDeviceD0Entry;
EVT_WDF_DEVICE_D0_EXIT PanicEvtDeviceD0Exit;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL PanicEvtIoDeviceControl;
KBUGCHECK_CALLBACK_ROUTINE PanicBugCheckCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE PanicDumpIoCallback;
