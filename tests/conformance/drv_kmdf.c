/*
 * tests/conformance/drv_kmdf.c — a KMDF driver's translation unit, shaped like the WDK's KMDF
 * samples and the device drivers built from them (wdk-surface.md 3.16, issue 19): role-typed
 * callbacks for the driver, the device's PnP, power and power-policy events, file objects,
 * queues and requests, interrupts, DMA, timers, work items, DPCs, WMI-free registry access,
 * contexts declared both ways, the _INIT helpers and the hardware-access macros. Compile-only
 * conformance TU, C and C++: it must build warning-free, nothing here runs.
 */
#include <ntddk.h>
#include <wdf.h>
#include <initguid.h>
#include <wdmguid.h>
#include <wdmsec.h>

#define CONF_TAG 'fmdK'

/* {0a3a9c3e-1d6b-4b6e-9a44-3d3e5b1f7c21} */
DEFINE_GUID(GUID_DEVINTERFACE_CONF_KMDF, 0x0a3a9c3e, 0x1d6b, 0x4b6e, 0x9a, 0x44, 0x3d, 0x3e, 0x5b, 0x1f, 0x7c, 0x21);

typedef struct _CONF_DEVICE_CONTEXT {
    WDFDEVICE Device;
    WDFQUEUE DefaultQueue;
    WDFQUEUE ManualQueue;
    WDFINTERRUPT Interrupt;
    WDFDMAENABLER DmaEnabler;
    WDFCOMMONBUFFER CommonBuffer;
    WDFTIMER Timer;
    WDFWORKITEM WorkItem;
    WDFDPC Dpc;
    WDFSPINLOCK Lock;
    WDFWAITLOCK WaitLock;
    WDFMEMORY Buffer;
    WDFLOOKASIDE Lookaside;
    WDFCOLLECTION Children;
    PUCHAR PortBase;
    ULONG PortLength;
    PVOID Registers;
    SIZE_T RegistersLength;
    BOOLEAN PortMapped;
    KBUGCHECK_CALLBACK_RECORD BugCheckRecord;
    KBUGCHECK_REASON_CALLBACK_RECORD DumpRecord;
    BUS_INTERFACE_STANDARD BusInterface;
    ULONG Setting;
} CONF_DEVICE_CONTEXT, *PCONF_DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CONF_DEVICE_CONTEXT, ConfGetDeviceContext)

typedef struct _CONF_REQUEST_CONTEXT {
    ULONG Sequence;
    WDFMEMORY Memory;
} CONF_REQUEST_CONTEXT, *PCONF_REQUEST_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE(CONF_REQUEST_CONTEXT)

typedef struct _CONF_FILE_CONTEXT {
    ULONG Opens;
} CONF_FILE_CONTEXT, *PCONF_FILE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CONF_FILE_CONTEXT, ConfGetFileContext)

typedef struct _CONF_TIMER_CONTEXT {
    WDFDEVICE Device;
} CONF_TIMER_CONTEXT, *PCONF_TIMER_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE(CONF_TIMER_CONTEXT)

EXTERN_C DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD ConfEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD ConfEvtDriverUnload;
EVT_WDF_OBJECT_CONTEXT_CLEANUP ConfEvtDriverContextCleanup;
EVT_WDF_OBJECT_CONTEXT_CLEANUP ConfEvtDeviceContextCleanup;
EVT_WDF_OBJECT_CONTEXT_DESTROY ConfEvtDeviceContextDestroy;
EVT_WDF_DEVICE_PREPARE_HARDWARE ConfEvtDevicePrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE ConfEvtDeviceReleaseHardware;
EVT_WDF_DEVICE_D0_ENTRY ConfEvtDeviceD0Entry;
EVT_WDF_DEVICE_D0_EXIT ConfEvtDeviceD0Exit;
EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED ConfEvtDeviceD0EntryPostInterruptsEnabled;
EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED ConfEvtDeviceD0ExitPreInterruptsDisabled;
EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT ConfEvtDeviceSelfManagedIoInit;
EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP ConfEvtDeviceSelfManagedIoCleanup;
EVT_WDF_DEVICE_SURPRISE_REMOVAL ConfEvtDeviceSurpriseRemoval;
EVT_WDF_DEVICE_ARM_WAKE_FROM_S0 ConfEvtDeviceArmWakeFromS0;
EVT_WDF_DEVICE_DISARM_WAKE_FROM_S0 ConfEvtDeviceDisarmWakeFromS0;
EVT_WDF_DEVICE_FILE_CREATE ConfEvtDeviceFileCreate;
EVT_WDF_FILE_CLOSE ConfEvtFileClose;
EVT_WDF_FILE_CLEANUP ConfEvtFileCleanup;
EVT_WDF_IO_QUEUE_IO_READ ConfEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE ConfEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL ConfEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL ConfEvtIoInternalDeviceControl;
EVT_WDF_IO_QUEUE_IO_STOP ConfEvtIoStop;
EVT_WDF_IO_QUEUE_IO_RESUME ConfEvtIoResume;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE ConfEvtIoCanceledOnQueue;
EVT_WDF_REQUEST_CANCEL ConfEvtRequestCancel;
EVT_WDF_REQUEST_COMPLETION_ROUTINE ConfEvtRequestCompletion;
EVT_WDF_INTERRUPT_ISR ConfEvtInterruptIsr;
EVT_WDF_INTERRUPT_DPC ConfEvtInterruptDpc;
EVT_WDF_INTERRUPT_ENABLE ConfEvtInterruptEnable;
EVT_WDF_INTERRUPT_DISABLE ConfEvtInterruptDisable;
EVT_WDF_INTERRUPT_SYNCHRONIZE ConfEvtInterruptSynchronize;
EVT_WDF_PROGRAM_DMA ConfEvtProgramDma;
EVT_WDF_TIMER ConfEvtTimer;
EVT_WDF_WORKITEM ConfEvtWorkItem;
EVT_WDF_DPC ConfEvtDpc;
KBUGCHECK_CALLBACK_ROUTINE ConfBugCheckCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE ConfDumpIoCallback;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, ConfEvtDeviceAdd)
#pragma alloc_text(PAGE, ConfEvtDevicePrepareHardware)
#pragma alloc_text(PAGE, ConfEvtDeviceReleaseHardware)
#endif

/* ---- driver ------------------------------------------------------------------------------------ */

NTSTATUS
DriverEntry(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFDRIVER driver;
    WDF_DRIVER_VERSION_AVAILABLE_PARAMS version;
    NTSTATUS status;

    ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = ConfEvtDriverContextCleanup;
    WDF_DRIVER_CONFIG_INIT(&config, ConfEvtDeviceAdd);
    config.EvtDriverUnload = ConfEvtDriverUnload;
    config.DriverPoolTag = CONF_TAG;
    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config, &driver);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WDF_DRIVER_VERSION_AVAILABLE_PARAMS_INIT(&version, 1, 15);
    if (!WdfDriverIsVersionAvailable(driver, &version)) {
        KdPrint(("KMDF 1.15 is not available\n"));
    }
    if (WdfDriverWdmGetDriverObject(driver) != DriverObject || WdfGetDriver() != driver ||
        WdfDriverGetRegistryPath(driver) == NULL) {
        return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}

VOID
ConfEvtDriverUnload(
    _In_ WDFDRIVER Driver
    )
{
    UNREFERENCED_PARAMETER(Driver);
}

VOID
ConfEvtDriverContextCleanup(
    _In_ WDFOBJECT DriverObject
    )
{
    PDRIVER_OBJECT wdm = WdfDriverWdmGetDriverObject((WDFDRIVER)DriverObject);
    UNREFERENCED_PARAMETER(wdm);
}

/* ---- device add -------------------------------------------------------------------------------- */

static NTSTATUS
ConfReadSettings(
    _In_ WDFDEVICE Device,
    _Out_ PULONG Setting
    )
{
    WDFKEY key = NULL;
    WDFKEY subkey = NULL;
    WDFSTRING string = NULL;
    WDFCOLLECTION strings = NULL;
    UNICODE_STRING text;
    ULONG value = 0, length = 0, type = 0;
    UCHAR raw[16];
    USHORT needed = 0;
    WCHAR buffer[32];
    NTSTATUS status;
    DECLARE_CONST_UNICODE_STRING(settingName, L"Setting");
    DECLARE_CONST_UNICODE_STRING(subkeyName, L"Tuning");
    DECLARE_CONST_UNICODE_STRING(labelName, L"Label");
    DECLARE_CONST_UNICODE_STRING(listName, L"Names");
    DECLARE_UNICODE_STRING_SIZE(label, 32);

    *Setting = 1;
    status = WdfDriverOpenParametersRegistryKey(WdfDeviceGetDriver(Device), KEY_READ,
                                                WDF_NO_OBJECT_ATTRIBUTES, &key);
    if (NT_SUCCESS(status)) {
        if (NT_SUCCESS(WdfRegistryQueryULong(key, &settingName, &value))) {
            *Setting = value;
        }
        (void)WdfRegistryQueryValue(key, &settingName, sizeof(raw), raw, &length, &type);
        (void)WdfRegistryQueryUnicodeString(key, &labelName, &needed, &label);
        if (NT_SUCCESS(WdfStringCreate(NULL, WDF_NO_OBJECT_ATTRIBUTES, &string))) {
            if (NT_SUCCESS(WdfRegistryQueryString(key, &labelName, string))) {
                WdfStringGetUnicodeString(string, &text);
            }
            WdfObjectDelete(string);
        }
        if (NT_SUCCESS(WdfCollectionCreate(WDF_NO_OBJECT_ATTRIBUTES, &strings))) {
            (void)WdfRegistryQueryMultiString(key, &listName, WDF_NO_OBJECT_ATTRIBUTES, strings);
            if (WdfCollectionGetCount(strings) > 0) {
                WdfStringGetUnicodeString((WDFSTRING)WdfCollectionGetItem(strings, 0), &text);
            }
            WdfObjectDelete(strings);
        }
        if (NT_SUCCESS(WdfRegistryOpenKey(key, &subkeyName, KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &subkey))) {
            WdfRegistryClose(subkey);
        }
        WdfRegistryClose(key);
    }
    status = WdfDeviceOpenRegistryKey(Device, PLUGPLAY_REGKEY_DEVICE, KEY_READ | KEY_WRITE,
                                      WDF_NO_OBJECT_ATTRIBUTES, &key);
    if (NT_SUCCESS(status)) {
        (void)WdfRegistryAssignULong(key, &settingName, *Setting);
        WdfRegistryClose(key);
    }
    RtlZeroMemory(buffer, sizeof(buffer));
    (void)WdfDeviceQueryProperty(Device, DevicePropertyDeviceDescription, sizeof(buffer), buffer, &length);
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceAdd(
    _In_ WDFDRIVER Driver,
    _Inout_ PWDFDEVICE_INIT DeviceInit
    )
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnpPowerCallbacks;
    WDF_POWER_POLICY_EVENT_CALLBACKS powerPolicyCallbacks;
    WDF_FILEOBJECT_CONFIG fileConfig;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_INTERRUPT_CONFIG interruptConfig;
    WDF_DMA_ENABLER_CONFIG dmaConfig;
    WDF_TIMER_CONFIG timerConfig;
    WDF_WORKITEM_CONFIG workItemConfig;
    WDF_DPC_CONFIG dpcConfig;
    WDF_DEVICE_PNP_CAPABILITIES pnpCaps;
    WDF_DEVICE_POWER_CAPABILITIES powerCaps;
    WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS idleSettings;
    WDF_DEVICE_STATE deviceState;
    PCONF_DEVICE_CONTEXT context;
    WDFDEVICE device;
    NTSTATUS status;
    DECLARE_CONST_UNICODE_STRING(symbolicLink, L"\\DosDevices\\ConfKmdf");

    UNREFERENCED_PARAMETER(Driver);
    PAGED_CODE();

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpPowerCallbacks);
    pnpPowerCallbacks.EvtDevicePrepareHardware = ConfEvtDevicePrepareHardware;
    pnpPowerCallbacks.EvtDeviceReleaseHardware = ConfEvtDeviceReleaseHardware;
    pnpPowerCallbacks.EvtDeviceD0Entry = ConfEvtDeviceD0Entry;
    pnpPowerCallbacks.EvtDeviceD0Exit = ConfEvtDeviceD0Exit;
    pnpPowerCallbacks.EvtDeviceD0EntryPostInterruptsEnabled = ConfEvtDeviceD0EntryPostInterruptsEnabled;
    pnpPowerCallbacks.EvtDeviceD0ExitPreInterruptsDisabled = ConfEvtDeviceD0ExitPreInterruptsDisabled;
    pnpPowerCallbacks.EvtDeviceSelfManagedIoInit = ConfEvtDeviceSelfManagedIoInit;
    pnpPowerCallbacks.EvtDeviceSelfManagedIoCleanup = ConfEvtDeviceSelfManagedIoCleanup;
    pnpPowerCallbacks.EvtDeviceSurpriseRemoval = ConfEvtDeviceSurpriseRemoval;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpPowerCallbacks);

    WDF_POWER_POLICY_EVENT_CALLBACKS_INIT(&powerPolicyCallbacks);
    powerPolicyCallbacks.EvtDeviceArmWakeFromS0 = ConfEvtDeviceArmWakeFromS0;
    powerPolicyCallbacks.EvtDeviceDisarmWakeFromS0 = ConfEvtDeviceDisarmWakeFromS0;
    WdfDeviceInitSetPowerPolicyEventCallbacks(DeviceInit, &powerPolicyCallbacks);
    WdfDeviceInitSetPowerPolicyOwnership(DeviceInit, TRUE);

    WdfDeviceInitSetDeviceType(DeviceInit, FILE_DEVICE_UNKNOWN);
    WdfDeviceInitSetCharacteristics(DeviceInit, FILE_DEVICE_SECURE_OPEN, TRUE);
    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WdfDeviceInitSetExclusive(DeviceInit, FALSE);
    WdfDeviceInitSetPowerNotPageable(DeviceInit);
    (void)WdfDeviceInitAssignSDDLString(DeviceInit, &SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R);

    WDF_FILEOBJECT_CONFIG_INIT(&fileConfig, ConfEvtDeviceFileCreate, ConfEvtFileClose, ConfEvtFileCleanup);
    fileConfig.FileObjectClass = WdfFileObjectWdfCanUseFsContext;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CONF_FILE_CONTEXT);
    WdfDeviceInitSetFileObjectConfig(DeviceInit, &fileConfig, &attributes);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CONF_REQUEST_CONTEXT);
    WdfDeviceInitSetRequestAttributes(DeviceInit, &attributes);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CONF_DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = ConfEvtDeviceContextCleanup;
    attributes.EvtDestroyCallback = ConfEvtDeviceContextDestroy;
    attributes.SynchronizationScope = WdfSynchronizationScopeNone;
    attributes.ExecutionLevel = WdfExecutionLevelInheritFromParent;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    context = ConfGetDeviceContext(device);
    context->Device = device;
    (void)ConfReadSettings(device, &context->Setting);

    WDF_DEVICE_PNP_CAPABILITIES_INIT(&pnpCaps);
    pnpCaps.SurpriseRemovalOK = WdfTrue;
    pnpCaps.UINumber = 1;
    WdfDeviceSetPnpCapabilities(device, &pnpCaps);
    WDF_DEVICE_POWER_CAPABILITIES_INIT(&powerCaps);
    powerCaps.DeviceD1 = WdfFalse;
    powerCaps.DeviceState[PowerSystemWorking] = PowerDeviceD0;
    WdfDeviceSetPowerCapabilities(device, &powerCaps);
    WDF_DEVICE_STATE_INIT(&deviceState);
    deviceState.DontDisplayInUI = WdfTrue;
    WdfDeviceSetDeviceState(device, &deviceState);
    WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS_INIT(&idleSettings, IdleCannotWakeFromS0);
    idleSettings.IdleTimeout = 10000;
    (void)WdfDeviceAssignS0IdleSettings(device, &idleSettings);

    status = WdfDeviceCreateDeviceInterface(device, &GUID_DEVINTERFACE_CONF_KMDF, NULL);
    if (NT_SUCCESS(status)) {
        status = WdfDeviceCreateSymbolicLink(device, &symbolicLink);
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoRead = ConfEvtIoRead;
    queueConfig.EvtIoWrite = ConfEvtIoWrite;
    queueConfig.EvtIoDeviceControl = ConfEvtIoDeviceControl;
    queueConfig.EvtIoInternalDeviceControl = ConfEvtIoInternalDeviceControl;
    queueConfig.EvtIoStop = ConfEvtIoStop;
    queueConfig.EvtIoResume = ConfEvtIoResume;
    queueConfig.PowerManaged = WdfTrue;
    status = WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, &context->DefaultQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WDF_IO_QUEUE_CONFIG_INIT(&queueConfig, WdfIoQueueDispatchManual);
    queueConfig.EvtIoCanceledOnQueue = ConfEvtIoCanceledOnQueue;
    status = WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, &context->ManualQueue);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = WdfDeviceConfigureRequestDispatching(device, context->ManualQueue, WdfRequestTypeRead);
    if (!NT_SUCCESS(status) || WdfDeviceGetDefaultQueue(device) != context->DefaultQueue) {
        return status;
    }

    WDF_INTERRUPT_CONFIG_INIT(&interruptConfig, ConfEvtInterruptIsr, ConfEvtInterruptDpc);
    interruptConfig.EvtInterruptEnable = ConfEvtInterruptEnable;
    interruptConfig.EvtInterruptDisable = ConfEvtInterruptDisable;
    interruptConfig.AutomaticSerialization = TRUE;
    status = WdfInterruptCreate(device, &interruptConfig, WDF_NO_OBJECT_ATTRIBUTES, &context->Interrupt);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WdfDeviceSetAlignmentRequirement(device, FILE_QUAD_ALIGNMENT);
    WDF_DMA_ENABLER_CONFIG_INIT(&dmaConfig, WdfDmaProfileScatterGather64Duplex, 0x10000);
    status = WdfDmaEnablerCreate(device, &dmaConfig, WDF_NO_OBJECT_ATTRIBUTES, &context->DmaEnabler);
    if (NT_SUCCESS(status)) {
        WdfDmaEnablerSetMaximumScatterGatherElements(context->DmaEnabler, 32);
        status = WdfCommonBufferCreate(context->DmaEnabler, PAGE_SIZE, WDF_NO_OBJECT_ATTRIBUTES,
                                       &context->CommonBuffer);
    }
    if (!NT_SUCCESS(status)) {
        return status;
    }

    WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, ConfEvtTimer, 1000);
    timerConfig.AutomaticSerialization = TRUE;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CONF_TIMER_CONTEXT);
    attributes.ParentObject = device;
    status = WdfTimerCreate(&timerConfig, &attributes, &context->Timer);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    WdfObjectGet_CONF_TIMER_CONTEXT(context->Timer)->Device = device;

    WDF_WORKITEM_CONFIG_INIT(&workItemConfig, ConfEvtWorkItem);
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfWorkItemCreate(&workItemConfig, &attributes, &context->WorkItem);
    if (NT_SUCCESS(status)) {
        WDF_DPC_CONFIG_INIT(&dpcConfig, ConfEvtDpc);
        dpcConfig.AutomaticSerialization = FALSE;
        status = WdfDpcCreate(&dpcConfig, &attributes, &context->Dpc);
    }
    if (NT_SUCCESS(status)) {
        status = WdfSpinLockCreate(&attributes, &context->Lock);
    }
    if (NT_SUCCESS(status)) {
        status = WdfWaitLockCreate(&attributes, &context->WaitLock);
    }
    if (NT_SUCCESS(status)) {
        status = WdfMemoryCreate(&attributes, NonPagedPoolNx, CONF_TAG, 256, &context->Buffer, NULL);
    }
    if (NT_SUCCESS(status)) {
        status = WdfLookasideListCreate(WDF_NO_OBJECT_ATTRIBUTES, 64, NonPagedPoolNx, &attributes,
                                        CONF_TAG, &context->Lookaside);
    }
    if (NT_SUCCESS(status)) {
        status = WdfCollectionCreate(&attributes, &context->Children);
    }
    return status;
}

VOID
ConfEvtDeviceContextCleanup(
    _In_ WDFOBJECT Device
    )
{
    UNREFERENCED_PARAMETER(Device);
}

VOID
ConfEvtDeviceContextDestroy(
    _In_ WDFOBJECT Device
    )
{
    UNREFERENCED_PARAMETER(Device);
}

/* ---- PnP and power ------------------------------------------------------------------------------ */

NTSTATUS
ConfEvtDevicePrepareHardware(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesRaw,
    _In_ WDFCMRESLIST ResourcesTranslated
    )
{
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(Device);
    PCM_PARTIAL_RESOURCE_DESCRIPTOR raw, translated;
    ULONG i, count;
    UCHAR config[PCI_COMMON_HDR_LENGTH];
    NTSTATUS status;

    PAGED_CODE();

    count = WdfCmResourceListGetCount(ResourcesTranslated);
    for (i = 0; i < count; i++) {
        raw = WdfCmResourceListGetDescriptor(ResourcesRaw, i);
        translated = WdfCmResourceListGetDescriptor(ResourcesTranslated, i);
        if (raw == NULL || translated == NULL) {
            return STATUS_DEVICE_CONFIGURATION_ERROR;
        }
        switch (translated->Type) {
        case CmResourceTypePort:
            context->PortLength = translated->u.Port.Length;
            if (translated->Flags & CM_RESOURCE_PORT_IO) {
                context->PortBase = (PUCHAR)(ULONG_PTR)translated->u.Port.Start.QuadPart;
            } else {
                context->PortBase = (PUCHAR)MmMapIoSpace(translated->u.Port.Start, translated->u.Port.Length,
                                                         MmNonCached);
                context->PortMapped = TRUE;
            }
            break;
        case CmResourceTypeMemory:
            context->RegistersLength = translated->u.Memory.Length;
            context->Registers = MmMapIoSpaceEx(translated->u.Memory.Start, translated->u.Memory.Length,
                                                PAGE_READWRITE | PAGE_NOCACHE);
            if (context->Registers == NULL) {
                return STATUS_INSUFFICIENT_RESOURCES;
            }
            break;
        case CmResourceTypeInterrupt:
            if (translated->Flags & CM_RESOURCE_INTERRUPT_MESSAGE) {
                KdPrint(("%u messages\n", raw->u.MessageInterrupt.Raw.MessageCount));
            } else {
                KdPrint(("vector %u level %u\n", translated->u.Interrupt.Vector, translated->u.Interrupt.Level));
            }
            break;
        case CmResourceTypeDma:
        case CmResourceTypeBusNumber:
        case CmResourceTypeDevicePrivate:
        default:
            break;
        }
    }

    status = WdfFdoQueryForInterface(Device, &GUID_BUS_INTERFACE_STANDARD, (PINTERFACE)&context->BusInterface,
                                     sizeof(BUS_INTERFACE_STANDARD), 1, NULL);
    if (NT_SUCCESS(status)) {
        context->BusInterface.GetBusData(context->BusInterface.Context, PCI_WHICHSPACE_CONFIG, config,
                                         0, sizeof(config));
    }
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceReleaseHardware(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesTranslated
    )
{
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(ResourcesTranslated);
    PAGED_CODE();

    if (context->Registers != NULL) {
        MmUnmapIoSpace(context->Registers, context->RegistersLength);
        context->Registers = NULL;
    }
    if (context->PortMapped) {
        MmUnmapIoSpace(context->PortBase, context->PortLength);
    }
    if (context->BusInterface.InterfaceDereference != NULL) {
        context->BusInterface.InterfaceDereference(context->BusInterface.Context);
    }
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceD0Entry(
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE PreviousState
    )
{
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(Device);

    if (PreviousState == WdfPowerDeviceD3Final) {
        KeInitializeCallbackRecord(&context->BugCheckRecord);
        KeInitializeCallbackRecord(&context->DumpRecord);
        if (!KeRegisterBugCheckCallback(&context->BugCheckRecord, ConfBugCheckCallback, context,
                                        sizeof(*context), (PUCHAR)"ConfKmdf")) {
            return STATUS_UNSUCCESSFUL;
        }
        if (!KeRegisterBugCheckReasonCallback(&context->DumpRecord, ConfDumpIoCallback, KbCallbackDumpIo,
                                              (PUCHAR)"ConfKmdf")) {
            KeDeregisterBugCheckCallback(&context->BugCheckRecord);
            return STATUS_UNSUCCESSFUL;
        }
    }
    WdfTimerStart(context->Timer, WDF_REL_TIMEOUT_IN_SEC(1));
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceD0Exit(
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE TargetState
    )
{
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(Device);

    WdfTimerStop(context->Timer, TRUE);
    if (TargetState == WdfPowerDeviceD3Final) {
        KeDeregisterBugCheckCallback(&context->BugCheckRecord);
        KeDeregisterBugCheckReasonCallback(&context->DumpRecord);
    }
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceD0EntryPostInterruptsEnabled(
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE PreviousState
    )
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(PreviousState);
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceD0ExitPreInterruptsDisabled(
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE TargetState
    )
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(TargetState);
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtDeviceSelfManagedIoInit(
    _In_ WDFDEVICE Device
    )
{
    WdfIoQueueStart(ConfGetDeviceContext(Device)->ManualQueue);
    return STATUS_SUCCESS;
}

VOID
ConfEvtDeviceSelfManagedIoCleanup(
    _In_ WDFDEVICE Device
    )
{
    WdfIoQueuePurgeSynchronously(ConfGetDeviceContext(Device)->ManualQueue);
}

VOID
ConfEvtDeviceSurpriseRemoval(
    _In_ WDFDEVICE Device
    )
{
    UNREFERENCED_PARAMETER(Device);
}

NTSTATUS
ConfEvtDeviceArmWakeFromS0(
    _In_ WDFDEVICE Device
    )
{
    UNREFERENCED_PARAMETER(Device);
    return STATUS_SUCCESS;
}

VOID
ConfEvtDeviceDisarmWakeFromS0(
    _In_ WDFDEVICE Device
    )
{
    UNREFERENCED_PARAMETER(Device);
}

/* ---- file objects and I/O ------------------------------------------------------------------------ */

VOID
ConfEvtDeviceFileCreate(
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request,
    _In_ WDFFILEOBJECT FileObject
    )
{
    PCONF_FILE_CONTEXT file = ConfGetFileContext(FileObject);
    PUNICODE_STRING name = WdfFileObjectGetFileName(FileObject);

    UNREFERENCED_PARAMETER(name);
    file->Opens++;
    if (WdfFileObjectGetDevice(FileObject) != Device) {
        WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
        return;
    }
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

VOID
ConfEvtFileClose(
    _In_ WDFFILEOBJECT FileObject
    )
{
    UNREFERENCED_PARAMETER(FileObject);
}

VOID
ConfEvtFileCleanup(
    _In_ WDFFILEOBJECT FileObject
    )
{
    PFILE_OBJECT wdm = WdfFileObjectWdmGetFileObject(FileObject);
    UNREFERENCED_PARAMETER(wdm);
}

VOID
ConfEvtIoRead(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t Length
    )
{
    WDFMEMORY memory;
    NTSTATUS status;
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PCONF_REQUEST_CONTEXT requestContext = WdfObjectGet_CONF_REQUEST_CONTEXT(Request);

    requestContext->Sequence++;
    status = WdfRequestRetrieveOutputMemory(Request, &memory);
    if (NT_SUCCESS(status)) {
        status = WdfMemoryCopyFromBuffer(memory, 0, WdfMemoryGetBuffer(context->Buffer, NULL),
                                         Length < 256 ? Length : 256);
    }
    WdfRequestCompleteWithInformation(Request, status, NT_SUCCESS(status) ? Length : 0);
}

VOID
ConfEvtIoWrite(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t Length
    )
{
    PVOID buffer;
    size_t got = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Queue);
    status = WdfRequestRetrieveInputBuffer(Request, Length, &buffer, &got);
    if (NT_SUCCESS(status)) {
        status = WdfRequestMarkCancelableEx(Request, ConfEvtRequestCancel);
        if (NT_SUCCESS(status)) {
            status = WdfRequestUnmarkCancelable(Request);
        }
    }
    WdfRequestSetInformation(Request, got);
    WdfRequestComplete(Request, status);
}

VOID
ConfEvtIoDeviceControl(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t OutputBufferLength,
    _In_ size_t InputBufferLength,
    _In_ ULONG IoControlCode
    )
{
    WDF_REQUEST_PARAMETERS params;
    PULONG out;
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(WdfIoQueueGetDevice(Queue));

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    WDF_REQUEST_PARAMETERS_INIT(&params);
    WdfRequestGetParameters(Request, &params);
    switch (IoControlCode) {
    case CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS):
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&out, NULL);
        if (NT_SUCCESS(status)) {
            WdfSpinLockAcquire(context->Lock);
            *out = context->Setting;
            WdfSpinLockRelease(context->Lock);
            WdfRequestCompleteWithInformation(Request, status, sizeof(ULONG));
            return;
        }
        break;
    case CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS):
        status = WdfRequestForwardToIoQueue(Request, context->ManualQueue);
        if (NT_SUCCESS(status)) {
            return;
        }
        break;
    default:
        break;
    }
    WdfRequestComplete(Request, status);
}

VOID
ConfEvtIoInternalDeviceControl(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t OutputBufferLength,
    _In_ size_t InputBufferLength,
    _In_ ULONG IoControlCode
    )
{
    WDF_REQUEST_SEND_OPTIONS options;
    WDFIOTARGET target = WdfDeviceGetIoTarget(WdfIoQueueGetDevice(Queue));

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);
    WdfRequestFormatRequestUsingCurrentType(Request);
    WdfRequestSetCompletionRoutine(Request, ConfEvtRequestCompletion, WDF_NO_CONTEXT);
    WDF_REQUEST_SEND_OPTIONS_INIT(&options, 0);
    WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT(&options, WDF_REL_TIMEOUT_IN_MS(100));
    if (!WdfRequestSend(Request, target, &options)) {
        WdfRequestComplete(Request, WdfRequestGetStatus(Request));
    }
}

VOID
ConfEvtIoStop(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ ULONG ActionFlags
    )
{
    UNREFERENCED_PARAMETER(Queue);
    if (ActionFlags & WdfRequestStopActionSuspend) {
        WdfRequestStopAcknowledge(Request, FALSE);
    } else if (ActionFlags & WdfRequestStopActionPurge) {
        WdfRequestCancelSentRequest(Request);
    }
}

VOID
ConfEvtIoResume(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    )
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Request);
}

VOID
ConfEvtIoCanceledOnQueue(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    )
{
    UNREFERENCED_PARAMETER(Queue);
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

VOID
ConfEvtRequestCancel(
    _In_ WDFREQUEST Request
    )
{
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

VOID
ConfEvtRequestCompletion(
    _In_ WDFREQUEST Request,
    _In_ WDFIOTARGET Target,
    _In_ PWDF_REQUEST_COMPLETION_PARAMS Params,
    _In_ WDFCONTEXT Context
    )
{
    UNREFERENCED_PARAMETER(Target);
    UNREFERENCED_PARAMETER(Context);
    WdfRequestComplete(Request, Params->IoStatus.Status);
}

/* ---- interrupts, DMA, timers, work items, DPCs ----------------------------------------------------- */

BOOLEAN
ConfEvtInterruptIsr(
    _In_ WDFINTERRUPT Interrupt,
    _In_ ULONG MessageID
    )
{
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(WdfInterruptGetDevice(Interrupt));

    UNREFERENCED_PARAMETER(MessageID);
    if (context->Registers == NULL || READ_REGISTER_ULONG((PULONG)context->Registers) == 0) {
        return FALSE;
    }
    WRITE_REGISTER_ULONG((PULONG)context->Registers, 0);
    WdfInterruptQueueDpcForIsr(Interrupt);
    return TRUE;
}

VOID
ConfEvtInterruptDpc(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFOBJECT AssociatedObject
    )
{
    UNREFERENCED_PARAMETER(AssociatedObject);
    WdfInterruptSynchronize(Interrupt, ConfEvtInterruptSynchronize, NULL);
    WdfInterruptAcquireLock(Interrupt);
    WdfInterruptReleaseLock(Interrupt);
}

NTSTATUS
ConfEvtInterruptEnable(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFDEVICE AssociatedDevice
    )
{
    WDF_INTERRUPT_INFO info;

    UNREFERENCED_PARAMETER(AssociatedDevice);
    WDF_INTERRUPT_INFO_INIT(&info);
    WdfInterruptGetInfo(Interrupt, &info);
    return STATUS_SUCCESS;
}

NTSTATUS
ConfEvtInterruptDisable(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFDEVICE AssociatedDevice
    )
{
    UNREFERENCED_PARAMETER(Interrupt);
    UNREFERENCED_PARAMETER(AssociatedDevice);
    return STATUS_SUCCESS;
}

BOOLEAN
ConfEvtInterruptSynchronize(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFCONTEXT Context
    )
{
    UNREFERENCED_PARAMETER(Interrupt);
    UNREFERENCED_PARAMETER(Context);
    return TRUE;
}

BOOLEAN
ConfEvtProgramDma(
    _In_ WDFDMATRANSACTION Transaction,
    _In_ WDFDEVICE Device,
    _In_ WDFCONTEXT Context,
    _In_ WDF_DMA_DIRECTION Direction,
    _In_ PSCATTER_GATHER_LIST SgList
    )
{
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Direction);
    UNREFERENCED_PARAMETER(SgList);
    if (WdfDmaTransactionDmaCompleted(Transaction, &status)) {
        WdfDmaTransactionRelease(Transaction);
    }
    return TRUE;
}

VOID
ConfEvtTimer(
    _In_ WDFTIMER Timer
    )
{
    PCONF_TIMER_CONTEXT timer = WdfObjectGet_CONF_TIMER_CONTEXT(Timer);
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(timer->Device);

    if (WdfTimerGetParentObject(Timer) == timer->Device) {
        WdfWorkItemEnqueue(context->WorkItem);
        WdfDpcEnqueue(context->Dpc);
    }
}

VOID
ConfEvtWorkItem(
    _In_ WDFWORKITEM WorkItem
    )
{
    WDFDEVICE device = (WDFDEVICE)WdfWorkItemGetParentObject(WorkItem);
    PCONF_DEVICE_CONTEXT context = ConfGetDeviceContext(device);

    WdfWaitLockAcquire(context->WaitLock, NULL);
    context->Setting++;
    WdfWaitLockRelease(context->WaitLock);
}

VOID
ConfEvtDpc(
    _In_ WDFDPC Dpc
    )
{
    WDFOBJECT parent = WdfDpcGetParentObject(Dpc);
    UNREFERENCED_PARAMETER(parent);
}

/* ---- the bug-check callbacks ----------------------------------------------------------------------- */

VOID
ConfBugCheckCallback(
    _In_ PVOID Buffer,
    _In_ ULONG Length
    )
{
    PCONF_DEVICE_CONTEXT context = (PCONF_DEVICE_CONTEXT)Buffer;

    if (Length == sizeof(*context) && context->PortBase != NULL) {
        WRITE_PORT_UCHAR(context->PortBase, 1);
    }
}

VOID
ConfDumpIoCallback(
    _In_ KBUGCHECK_CALLBACK_REASON Reason,
    _In_ struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
    _Inout_ PVOID ReasonSpecificData,
    _In_ ULONG ReasonSpecificDataLength
    )
{
    PCONF_DEVICE_CONTEXT context = CONTAINING_RECORD(Record, CONF_DEVICE_CONTEXT, DumpRecord);
    PKBUGCHECK_DUMP_IO dumpIo = (PKBUGCHECK_DUMP_IO)ReasonSpecificData;

    UNREFERENCED_PARAMETER(Reason);
    if (ReasonSpecificDataLength >= sizeof(*dumpIo) && dumpIo->Type == KbDumpIoHeader && context->PortBase) {
        WRITE_PORT_UCHAR(context->PortBase, 2);
    }
}
