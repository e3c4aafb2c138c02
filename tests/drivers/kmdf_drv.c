/*
 * tests/drivers/kmdf_drv.c — a KMDF driver for tests/test_kmdf.c, written as KMDF drivers are:
 * DriverEntry calls WdfDriverCreate, EvtDriverDeviceAdd builds the device, the PnP and power
 * callbacks log what they were called with. kd_configure() chooses the behaviour before the
 * harness attaches the driver.
 */
#include <ntddk.h>
#include <wdf.h>
#include <initguid.h>
#include <wdmguid.h>
#include "kmdf_drv.h"

/* ---- the log -------------------------------------------------------------------------------- */

#define KD_LOG_MAX 256
static char KdLogText[KD_LOG_MAX][48];
static unsigned KdLogCount;

static void KdLog(const char *what, LONG value)
{
    char *out;
    unsigned n = 0;
    if (KdLogCount >= KD_LOG_MAX)
        return;
    out = KdLogText[KdLogCount++];
    while (*what && n < 40)
        out[n++] = *what++;
    if (value >= 0) {
        char digits[12];
        unsigned d = 0;
        out[n++] = '(';
        do {
            digits[d++] = (char)('0' + value % 10);
            value /= 10;
        } while (value && d < sizeof(digits));
        while (d)
            out[n++] = digits[--d];
        out[n++] = ')';
    }
    out[n] = 0;
}

static void KdLogName(const char *what, char name)
{
    char text[24];
    unsigned n = 0;
    while (*what && n < 20)
        text[n++] = *what++;
    text[n++] = name;
    text[n] = 0;
    KdLog(text, -1);
}

unsigned kd_log_count(void) { return KdLogCount; }
const char *kd_log(unsigned i) { return i < KdLogCount ? KdLogText[i] : ""; }

int kd_log_find(const char *entry)
{
    for (unsigned i = 0; i < KdLogCount; i++) {
        const char *a = KdLogText[i], *b = entry;
        while (*a && *a == *b) {
            a++;
            b++;
        }
        if (*a == 0 && *b == 0)
            return (int)i;
    }
    return -1;
}

/* ---- contexts --------------------------------------------------------------------------------- */

typedef struct _DEVICE_CONTEXT {
    KBUGCHECK_CALLBACK_RECORD Legacy;
    KBUGCHECK_REASON_CALLBACK_RECORD DumpIo;
    BOOLEAN Registered;
    WDFSPINLOCK Lock;
    WDFWAITLOCK WaitLock;
    WDFINTERRUPT Interrupts[2];
    ULONG Magic;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, KdGetDeviceContext)

typedef struct _EXTRA_CONTEXT {
    ULONG Value;
} EXTRA_CONTEXT, *PEXTRA_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE(EXTRA_CONTEXT)

typedef struct _NAME_CONTEXT {
    CHAR Name;
} NAME_CONTEXT, *PNAME_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(NAME_CONTEXT, KdName)

/* ---- state ------------------------------------------------------------------------------------ */

static unsigned KdFlags;
static WDFDRIVER KdDriver;
static WDFDEVICE KdDevice;
static WDFOBJECT KdObjects[3];
static kd_res_t KdRes[2][16];
static unsigned KdResCount[2];
static int KdPastEndNull;
static unsigned KdEnableIrql = 0xFF;
static WDFTIMER KdTimer;
static WDFDPC KdDpc;
static WDFWORKITEM KdWorkItem;
static unsigned KdQueueResults;

void kd_configure(unsigned flags)
{
    KdFlags = flags;
    KdLogCount = 0;
    KdDriver = NULL;
    KdDevice = NULL;
    KdObjects[0] = KdObjects[1] = KdObjects[2] = NULL;
    KdResCount[0] = KdResCount[1] = 0;
    KdPastEndNull = 0;
    KdEnableIrql = 0xFF;
    KdTimer = NULL;
    KdDpc = NULL;
    KdWorkItem = NULL;
    KdQueueResults = 0;
}

void *kd_device(void) { return KdDevice; }
void *kd_object(char name) { return name >= 'A' && name <= 'C' ? KdObjects[name - 'A'] : NULL; }

unsigned kd_resources(int translated, kd_res_t *out, unsigned max)
{
    unsigned n = KdResCount[translated ? 1 : 0];
    for (unsigned i = 0; i < n && i < max; i++)
        out[i] = KdRes[translated ? 1 : 0][i];
    return n;
}

int kd_descriptor_past_end_is_null(void) { return KdPastEndNull; }
unsigned kd_enable_irql(void) { return KdEnableIrql; }

unsigned kd_device_flags(void)
{
    PDEVICE_OBJECT dev = WdfDeviceWdmGetDeviceObject(KdDevice);
    return dev ? dev->Flags : 0xFFFFFFFFu;
}

/* ---- bug-check callbacks ------------------------------------------------------------------------ */

static KBUGCHECK_CALLBACK_ROUTINE KdLegacyCallback;
static KBUGCHECK_REASON_CALLBACK_ROUTINE KdDumpIoCallback;

static VOID KdLegacyCallback(PVOID Buffer, ULONG Length)
{
    PDEVICE_CONTEXT ctx = (PDEVICE_CONTEXT)Buffer;
    UNREFERENCED_PARAMETER(Length);
    KdLog("legacy callback", ctx->Magic == 0x4B4D4446 ? 1 : 0);
    if (KdFlags & KD_LOCKS_IN_CALLBACK) {
        LONGLONG zero = 0;
        WdfSpinLockAcquire(ctx->Lock);
        WdfSpinLockRelease(ctx->Lock);
        if (WdfWaitLockAcquire(ctx->WaitLock, &zero) == STATUS_SUCCESS)
            WdfWaitLockRelease(ctx->WaitLock);
        KdLog("device object", WdfDeviceWdmGetDeviceObject(KdDevice) != NULL);
    } else {
        /* What a careful callback does: its typed context and no locks. */
        KdLog("typed context", KdGetDeviceContext(WdfObjectContextGetObject(ctx)) == ctx);
    }
}

static VOID KdDumpIoCallback(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                             PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(ReasonSpecificData);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    KdLog("dumpio callback", -1);
}

/* ---- object callbacks --------------------------------------------------------------------------- */

static EVT_WDF_OBJECT_CONTEXT_CLEANUP KdObjectCleanup;
static EVT_WDF_OBJECT_CONTEXT_DESTROY KdObjectDestroy;
static EVT_WDF_OBJECT_CONTEXT_CLEANUP KdDeviceCleanup;
static EVT_WDF_OBJECT_CONTEXT_DESTROY KdDeviceDestroy;
static EVT_WDF_OBJECT_CONTEXT_CLEANUP KdDriverCleanup;

static VOID KdObjectCleanup(WDFOBJECT Object)
{
    PNAME_CONTEXT n = KdName(Object);
    KdLogName("cleanup:", n->Name);
}

static VOID KdObjectDestroy(WDFOBJECT Object)
{
    PNAME_CONTEXT n = KdName(Object);
    KdLogName("destroy:", n->Name);
    if (n->Name == 'A' && (KdFlags & KD_REFERENCE_B))
        WdfObjectDereference(KdObjects[1]);
}

static VOID KdDeviceCleanup(WDFOBJECT Object)
{
    UNREFERENCED_PARAMETER(Object);
    KdLog("cleanup:device", -1);
}

static VOID KdDeviceDestroy(WDFOBJECT Object)
{
    UNREFERENCED_PARAMETER(Object);
    KdLog("destroy:device", -1);
}

static VOID KdDriverCleanup(WDFOBJECT Object)
{
    UNREFERENCED_PARAMETER(Object);
    KdLog("cleanup:driver", -1);
}

static NTSTATUS KdNamedObject(WDFOBJECT Parent, CHAR Name, WDFOBJECT *Object)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, NAME_CONTEXT);
    attributes.ParentObject = Parent;
    attributes.EvtCleanupCallback = KdObjectCleanup;
    attributes.EvtDestroyCallback = KdObjectDestroy;
    if (Name == 'C') {
        WDFMEMORY memory;
        status = WdfMemoryCreate(&attributes, NonPagedPoolNx, 'CdK', 64, &memory, NULL);
        *Object = memory;
    } else {
        status = WdfObjectCreate(&attributes, Object);
    }
    if (NT_SUCCESS(status))
        KdName(*Object)->Name = Name;
    return status;
}

/* ---- PnP and power ------------------------------------------------------------------------------ */

static EVT_WDF_DRIVER_DEVICE_ADD KdEvtDeviceAdd;
static EVT_WDF_DRIVER_UNLOAD KdEvtDriverUnload;
static EVT_WDF_DEVICE_PREPARE_HARDWARE KdPrepareHardware;
static EVT_WDF_DEVICE_RELEASE_HARDWARE KdReleaseHardware;
static EVT_WDF_DEVICE_D0_ENTRY KdD0Entry;
static EVT_WDF_DEVICE_D0_EXIT KdD0Exit;
static EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED KdD0EntryPost;
static EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED KdD0ExitPre;
static EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT KdSmioInit;
static EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND KdSmioSuspend;
static EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH KdSmioFlush;
static EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP KdSmioCleanup;
static EVT_WDF_INTERRUPT_ISR KdIsr;
static EVT_WDF_INTERRUPT_DPC KdInterruptDpc;
static EVT_WDF_INTERRUPT_ENABLE KdInterruptEnable;
static EVT_WDF_INTERRUPT_DISABLE KdInterruptDisable;
static EVT_WDF_DMA_ENABLER_FILL KdDmaFill;
static EVT_WDF_DMA_ENABLER_FLUSH KdDmaFlush;
static EVT_WDF_DMA_ENABLER_ENABLE KdDmaEnable;
static EVT_WDF_DMA_ENABLER_DISABLE KdDmaDisable;
static EVT_WDF_DMA_ENABLER_SELFMANAGED_IO_START KdDmaStart;
static EVT_WDF_DMA_ENABLER_SELFMANAGED_IO_STOP KdDmaStop;
static EVT_WDF_TIMER KdTimerFunc;
static EVT_WDF_DPC KdDpcFunc;
static EVT_WDF_WORKITEM KdWorkItemFunc;
static EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KdIoDeviceControl;

static VOID KdEvtDriverUnload(WDFDRIVER Driver)
{
    KdLog("EvtDriverUnload", Driver == KdDriver);
}

static NTSTATUS KdSetupDevice(WDFDEVICE device)
{
    PDEVICE_CONTEXT ctx = KdGetDeviceContext(device);
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    ctx->Magic = 0x4B4D4446;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = device;
    status = WdfSpinLockCreate(&attributes, &ctx->Lock);
    if (NT_SUCCESS(status))
        status = WdfWaitLockCreate(&attributes, &ctx->WaitLock);
    if (!NT_SUCCESS(status))
        return status;

    if (KdFlags & KD_OBJECTS) {
        if (!NT_SUCCESS(status = KdNamedObject(device, 'A', &KdObjects[0])) ||
            !NT_SUCCESS(status = KdNamedObject(KdObjects[0], 'B', &KdObjects[1])) ||
            !NT_SUCCESS(status = KdNamedObject(device, 'C', &KdObjects[2])))
            return status;
        if (KdFlags & KD_REFERENCE_B)
            WdfObjectReference(KdObjects[1]);
    }
    if (KdFlags & KD_INTERRUPTS) {
        for (int i = 0; i < 2; i++) {
            WDF_INTERRUPT_CONFIG config;
            WDF_INTERRUPT_CONFIG_INIT(&config, KdIsr, KdInterruptDpc);
            config.EvtInterruptEnable = KdInterruptEnable;
            config.EvtInterruptDisable = KdInterruptDisable;
            status = WdfInterruptCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES, &ctx->Interrupts[i]);
            if (!NT_SUCCESS(status))
                return status;
        }
    }
    if (KdFlags & KD_DMA) {
        WDF_DMA_ENABLER_CONFIG config;
        WDFDMAENABLER enabler;
        WDF_DMA_ENABLER_CONFIG_INIT(&config, WdfDmaProfileScatterGather64, 0x10000);
        config.EvtDmaEnablerFill = KdDmaFill;
        config.EvtDmaEnablerFlush = KdDmaFlush;
        config.EvtDmaEnablerEnable = KdDmaEnable;
        config.EvtDmaEnablerDisable = KdDmaDisable;
        config.EvtDmaEnablerSelfManagedIoStart = KdDmaStart;
        config.EvtDmaEnablerSelfManagedIoStop = KdDmaStop;
        status = WdfDmaEnablerCreate(device, &config, WDF_NO_OBJECT_ATTRIBUTES, &enabler);
        if (!NT_SUCCESS(status))
            return status;
    }
    if (KdFlags & KD_QUEUE_TIMERS) {
        WDF_IO_QUEUE_CONFIG queueConfig;
        WDF_TIMER_CONFIG timerConfig;
        WDF_DPC_CONFIG dpcConfig;
        WDF_WORKITEM_CONFIG workConfig;
        WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchParallel);
        queueConfig.EvtIoDeviceControl = KdIoDeviceControl;
        status = WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
        if (!NT_SUCCESS(status))
            return status;
        WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, KdTimerFunc, 10);
        WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
        attributes.ParentObject = device;
        if (!NT_SUCCESS(status = WdfTimerCreate(&timerConfig, &attributes, &KdTimer)))
            return status;
        WDF_DPC_CONFIG_INIT(&dpcConfig, KdDpcFunc);
        dpcConfig.AutomaticSerialization = FALSE;
        if (!NT_SUCCESS(status = WdfDpcCreate(&dpcConfig, &attributes, &KdDpc)))
            return status;
        WDF_WORKITEM_CONFIG_INIT(&workConfig, KdWorkItemFunc);
        if (!NT_SUCCESS(status = WdfWorkItemCreate(&workConfig, &attributes, &KdWorkItem)))
            return status;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS KdEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnp;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFDEVICE device;
    NTSTATUS status;

    KdLog("DeviceAdd", Driver == KdDriver);
    if (KdFlags & KD_NO_DEVICE)
        return STATUS_SUCCESS;

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnp);
    pnp.EvtDevicePrepareHardware = KdPrepareHardware;
    pnp.EvtDeviceReleaseHardware = KdReleaseHardware;
    pnp.EvtDeviceD0Entry = KdD0Entry;
    pnp.EvtDeviceD0Exit = KdD0Exit;
    pnp.EvtDeviceD0EntryPostInterruptsEnabled = KdD0EntryPost;
    pnp.EvtDeviceD0ExitPreInterruptsDisabled = KdD0ExitPre;
    if (KdFlags & KD_SMIO) {
        pnp.EvtDeviceSelfManagedIoInit = KdSmioInit;
        pnp.EvtDeviceSelfManagedIoSuspend = KdSmioSuspend;
        pnp.EvtDeviceSelfManagedIoFlush = KdSmioFlush;
        pnp.EvtDeviceSelfManagedIoCleanup = KdSmioCleanup;
    }
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnp);
    WdfDeviceInitSetDeviceType(DeviceInit, FILE_DEVICE_UNKNOWN);
    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoDirect);
    WdfDeviceInitSetExclusive(DeviceInit, TRUE);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = KdDeviceCleanup;
    attributes.EvtDestroyCallback = KdDeviceDestroy;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status))
        return status;
    KdDevice = device;
    status = KdSetupDevice(device);
    if (!NT_SUCCESS(status))
        return status;
    return (KdFlags & KD_FAIL_ADD) ? STATUS_INSUFFICIENT_RESOURCES : STATUS_SUCCESS;
}

static void KdCopyResource(kd_res_t *out, PCM_PARTIAL_RESOURCE_DESCRIPTOR d, int translated)
{
    out->type = d->Type;
    out->share = d->ShareDisposition;
    out->flags = d->Flags;
    out->start = 0;
    out->length = out->level = out->vector = out->message_count = 0;
    out->affinity = 0;
    switch (d->Type) {
    case CmResourceTypePort:
        out->start = (unsigned long long)d->u.Port.Start.QuadPart;
        out->length = d->u.Port.Length;
        break;
    case CmResourceTypeMemory:
        out->start = (unsigned long long)d->u.Memory.Start.QuadPart;
        out->length = d->u.Memory.Length;
        break;
    case CmResourceTypeInterrupt:
        if ((d->Flags & CM_RESOURCE_INTERRUPT_MESSAGE) && !translated) {
            out->message_count = d->u.MessageInterrupt.Raw.MessageCount;
            out->vector = d->u.MessageInterrupt.Raw.Vector;
            out->affinity = d->u.MessageInterrupt.Raw.Affinity;
        } else if (d->Flags & CM_RESOURCE_INTERRUPT_MESSAGE) {
            out->level = d->u.MessageInterrupt.Translated.Level;
            out->vector = d->u.MessageInterrupt.Translated.Vector;
            out->affinity = d->u.MessageInterrupt.Translated.Affinity;
        } else {
            out->level = d->u.Interrupt.Level;
            out->vector = d->u.Interrupt.Vector;
            out->affinity = d->u.Interrupt.Affinity;
        }
        break;
    case CmResourceTypeDma:
        out->start = d->u.Dma.Channel;
        break;
    case CmResourceTypeBusNumber:
        out->start = d->u.BusNumber.Start;
        out->length = d->u.BusNumber.Length;
        break;
    default:
        break;
    }
}

static NTSTATUS KdPrepareHardware(WDFDEVICE Device, WDFCMRESLIST Raw, WDFCMRESLIST Translated)
{
    WDFCMRESLIST lists[2];
    lists[0] = Raw;
    lists[1] = Translated;
    KdLog("PrepareHardware", Device == KdDevice);
    for (int l = 0; l < 2; l++) {
        ULONG count = WdfCmResourceListGetCount(lists[l]);
        KdResCount[l] = count;
        for (ULONG i = 0; i < count && i < 16; i++) {
            PCM_PARTIAL_RESOURCE_DESCRIPTOR d = WdfCmResourceListGetDescriptor(lists[l], i);
            if (d)
                KdCopyResource(&KdRes[l][i], d, l);
        }
        if (l == 1)
            KdPastEndNull = WdfCmResourceListGetDescriptor(lists[l], count) == NULL;
    }
    return (KdFlags & KD_FAIL_PREPARE) ? STATUS_DEVICE_CONFIGURATION_ERROR : STATUS_SUCCESS;
}

static NTSTATUS KdReleaseHardware(WDFDEVICE Device, WDFCMRESLIST Translated)
{
    KdLog("ReleaseHardware", WdfCmResourceListGetCount(Translated) == KdResCount[1] && Device == KdDevice);
    return STATUS_SUCCESS;
}

static NTSTATUS KdD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState)
{
    PDEVICE_CONTEXT ctx = KdGetDeviceContext(Device);
    KdLog("D0Entry", (LONG)PreviousState);
    if (KdFlags & KD_FAIL_D0_ENTRY)
        return STATUS_DEVICE_NOT_READY;
    if (KdFlags & KD_REGISTER) {
        KeInitializeCallbackRecord(&ctx->Legacy);
        KeInitializeCallbackRecord(&ctx->DumpIo);
        ctx->Registered = KeRegisterBugCheckCallback(&ctx->Legacy, KdLegacyCallback, ctx, sizeof(*ctx),
                                                     (PUCHAR)"kmdf_drv");
        if (!KeRegisterBugCheckReasonCallback(&ctx->DumpIo, KdDumpIoCallback, KbCallbackDumpIo,
                                              (PUCHAR)"kmdf_drv"))
            ctx->Registered = FALSE;
    }
    if (KdFlags & KD_DELETE_A_IN_D0)
        WdfObjectDelete(KdObjects[0]);
    if (KdFlags & KD_QUEUE_TIMERS) {
        unsigned r = 0;
        r |= WdfTimerStart(KdTimer, WDF_REL_TIMEOUT_IN_MS(10)) ? 1u : 0u;
        r |= WdfTimerStart(KdTimer, WDF_REL_TIMEOUT_IN_MS(10)) ? 2u : 0u;
        r |= WdfDpcEnqueue(KdDpc) ? 4u : 0u;
        r |= WdfDpcEnqueue(KdDpc) ? 8u : 0u;
        WdfWorkItemEnqueue(KdWorkItem);
        KdQueueResults = r;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS KdD0EntryPost(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState)
{
    UNREFERENCED_PARAMETER(Device);
    KdLog("D0EntryPostInterruptsEnabled", (LONG)PreviousState);
    return STATUS_SUCCESS;
}

static NTSTATUS KdD0ExitPre(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState)
{
    UNREFERENCED_PARAMETER(Device);
    KdLog("D0ExitPreInterruptsDisabled", (LONG)TargetState);
    return STATUS_SUCCESS;
}

static NTSTATUS KdD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState)
{
    PDEVICE_CONTEXT ctx = KdGetDeviceContext(Device);
    KdLog("D0Exit", (LONG)TargetState);
    if (KdFlags & KD_QUEUE_TIMERS)
        KdQueueResults |= WdfTimerStop(KdTimer, TRUE) ? 16u : 0u;
    if ((KdFlags & KD_REGISTER) && !(KdFlags & KD_FORGET) && ctx->Registered) {
        KeDeregisterBugCheckCallback(&ctx->Legacy);
        KeDeregisterBugCheckReasonCallback(&ctx->DumpIo);
        ctx->Registered = FALSE;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS KdSmioInit(WDFDEVICE Device) { UNREFERENCED_PARAMETER(Device); KdLog("SelfManagedIoInit", -1); return STATUS_SUCCESS; }
static NTSTATUS KdSmioSuspend(WDFDEVICE Device) { UNREFERENCED_PARAMETER(Device); KdLog("SelfManagedIoSuspend", -1); return STATUS_SUCCESS; }
static VOID KdSmioFlush(WDFDEVICE Device) { UNREFERENCED_PARAMETER(Device); KdLog("SelfManagedIoFlush", -1); }
static VOID KdSmioCleanup(WDFDEVICE Device) { UNREFERENCED_PARAMETER(Device); KdLog("SelfManagedIoCleanup", -1); }

static int KdInterruptIndex(WDFINTERRUPT Interrupt)
{
    PDEVICE_CONTEXT ctx = KdGetDeviceContext(WdfInterruptGetDevice(Interrupt));
    return Interrupt == ctx->Interrupts[0] ? 0 : Interrupt == ctx->Interrupts[1] ? 1 : 9;
}

static BOOLEAN KdIsr(WDFINTERRUPT Interrupt, ULONG MessageID)
{
    UNREFERENCED_PARAMETER(MessageID);
    KdLog("ISR", KdInterruptIndex(Interrupt));
    return FALSE;
}

static VOID KdInterruptDpc(WDFINTERRUPT Interrupt, WDFOBJECT AssociatedObject)
{
    UNREFERENCED_PARAMETER(AssociatedObject);
    KdLog("InterruptDpc", KdInterruptIndex(Interrupt));
}

static NTSTATUS KdInterruptEnable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice)
{
    UNREFERENCED_PARAMETER(AssociatedDevice);
    if (KdEnableIrql == 0xFF)
        KdEnableIrql = KeGetCurrentIrql();
    KdLog("InterruptEnable", KdInterruptIndex(Interrupt));
    return STATUS_SUCCESS;
}

static NTSTATUS KdInterruptDisable(WDFINTERRUPT Interrupt, WDFDEVICE AssociatedDevice)
{
    UNREFERENCED_PARAMETER(AssociatedDevice);
    KdLog("InterruptDisable", KdInterruptIndex(Interrupt));
    return STATUS_SUCCESS;
}

static NTSTATUS KdDmaFill(WDFDMAENABLER E) { UNREFERENCED_PARAMETER(E); KdLog("DmaFill", -1); return STATUS_SUCCESS; }
static NTSTATUS KdDmaFlush(WDFDMAENABLER E) { UNREFERENCED_PARAMETER(E); KdLog("DmaFlush", -1); return STATUS_SUCCESS; }
static NTSTATUS KdDmaEnable(WDFDMAENABLER E) { UNREFERENCED_PARAMETER(E); KdLog("DmaEnable", -1); return STATUS_SUCCESS; }
static NTSTATUS KdDmaDisable(WDFDMAENABLER E) { UNREFERENCED_PARAMETER(E); KdLog("DmaDisable", -1); return STATUS_SUCCESS; }
static NTSTATUS KdDmaStart(WDFDMAENABLER E) { UNREFERENCED_PARAMETER(E); KdLog("DmaSelfManagedIoStart", -1); return STATUS_SUCCESS; }
static NTSTATUS KdDmaStop(WDFDMAENABLER E) { UNREFERENCED_PARAMETER(E); KdLog("DmaSelfManagedIoStop", -1); return STATUS_SUCCESS; }

static VOID KdTimerFunc(WDFTIMER Timer) { UNREFERENCED_PARAMETER(Timer); KdLog("timer ran", -1); }
static VOID KdDpcFunc(WDFDPC Dpc) { UNREFERENCED_PARAMETER(Dpc); KdLog("dpc ran", -1); }
static VOID KdWorkItemFunc(WDFWORKITEM WorkItem) { UNREFERENCED_PARAMETER(WorkItem); KdLog("work item ran", -1); }

static VOID KdIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength,
                              size_t InputBufferLength, ULONG IoControlCode)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);
    WdfRequestComplete(Request, STATUS_INVALID_DEVICE_REQUEST);
}

unsigned kd_queue_results(void) { return KdQueueResults; }

/* ---- DriverEntry -------------------------------------------------------------------------------- */

DRIVER_INITIALIZE KdDriverEntry;

static USHORT KdWideLength(PCWSTR s)
{
    USHORT n = 0;
    while (s && s[n])
        n++;
    return n;
}

static NTSTATUS KdCreateControlDevice(void)
{
    DECLARE_CONST_UNICODE_STRING(name, L"\\Device\\KmdfDrvControl");
    DECLARE_CONST_UNICODE_STRING(link, L"\\DosDevices\\KmdfDrvControl");
    WDF_OBJECT_ATTRIBUTES attributes;
    PWDFDEVICE_INIT init;
    WDFDEVICE device;
    NTSTATUS status;

    init = WdfControlDeviceInitAllocate(KdDriver, &SDDL_DEVOBJ_SYS_ALL_ADM_ALL);
    if (init == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    WdfDeviceInitSetExclusive(init, FALSE);
    status = WdfDeviceInitAssignName(init, &name);
    if (!NT_SUCCESS(status)) {
        WdfDeviceInitFree(init);
        return status;
    }
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    attributes.EvtCleanupCallback = KdDeviceCleanup;
    status = WdfDeviceCreate(&init, &attributes, &device);
    if (!NT_SUCCESS(status)) {
        WdfDeviceInitFree(init);
        return status;
    }
    KdDevice = device;
    status = WdfDeviceCreateSymbolicLink(device, &link);
    if (!NT_SUCCESS(status))
        return status;
    WdfControlFinishInitializing(device);
    KdLog("control device", (WdfDeviceWdmGetDeviceObject(device)->Flags & DO_DEVICE_INITIALIZING) ? 1 : 0);
    return STATUS_SUCCESS;
}

NTSTATUS KdDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, (KdFlags & KD_NON_PNP) && !(KdFlags & KD_NON_PNP_WITH_ADD)
                                        ? WDF_NO_EVENT_CALLBACK : KdEvtDeviceAdd);
    if (KdFlags & KD_DRIVER_UNLOAD)
        config.EvtDriverUnload = KdEvtDriverUnload;
    if (KdFlags & KD_NON_PNP)
        config.DriverInitFlags |= WdfDriverInitNonPnpDriver;
    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.EvtCleanupCallback = KdDriverCleanup;
    status = WdfDriverCreate(DriverObject, RegistryPath, &attributes, &config, &KdDriver);
    KdLog("DriverEntry", NT_SUCCESS(status) && WdfDriverWdmGetDriverObject(KdDriver) == DriverObject &&
                             WdfGetDriver() == KdDriver &&
                             KdWideLength(WdfDriverGetRegistryPath(KdDriver)) == RegistryPath->Length / 2);
    if (!NT_SUCCESS(status)) {
        KdLog("WdfDriverCreate failed", (LONG)(status & 0xFFFF));
        return status;
    }
    if (KdFlags & KD_CREATE_TWICE) {
        WDFDRIVER again;
        KdLog("second WdfDriverCreate", (LONG)(WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                                                               &config, &again) & 0xFFFF));
    }
    if (KdFlags & KD_FAIL_ENTRY)
        return STATUS_INSUFFICIENT_RESOURCES;
    if (KdFlags & KD_NON_PNP)
        status = KdCreateControlDevice();
    return status;
}

void *kd_driver_entry(void) { return (void *)KdDriverEntry; }

/* ---- contexts from the test ---------------------------------------------------------------------- */

void *kd_get_context(void *object, int type)
{
    return type == 1 ? (void *)KdGetDeviceContext((WDFOBJECT)object)
                     : (void *)WdfObjectGet_EXTRA_CONTEXT((WDFOBJECT)object);
}

void *kd_get_context_macro(void *object, int type)
{
    return type == 1 ? (void *)WdfObjectGetTypedContext((WDFOBJECT)object, DEVICE_CONTEXT)
                     : (void *)WdfObjectGetTypedContext((WDFOBJECT)object, EXTRA_CONTEXT);
}

int kd_allocate_context(void *object, int type, void **context)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    if (type == 1) {
        WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    } else {
        WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
        WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(&attributes, EXTRA_CONTEXT);
    }
    return WdfObjectAllocateContext((WDFOBJECT)object, &attributes, context);
}

void *kd_context_object(void *context)
{
    return WdfObjectContextGetObject(context);
}

/* ---- misuse ------------------------------------------------------------------------------------- */

long long kd_misuse(int what)
{
    WDFMEMORY memory = NULL;
    ULONG garbage[4] = { 0x12345678, 0, 0, 0 };
    size_t size = 0;
    switch (what) {
    case 1:
        WdfObjectDelete(KdDevice);
        return 0;
    case 2:
        if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 0, 32, &memory, NULL)))
            return -1;
        WdfObjectDelete(memory);
        return (long long)(ULONG_PTR)WdfMemoryGetBuffer(memory, &size);
    case 3:
        return (long long)(ULONG_PTR)WdfDeviceWdmGetDeviceObject((WDFDEVICE)garbage);
    case 4:
        return (long long)(ULONG_PTR)WdfDeviceWdmGetDeviceObject((WDFDEVICE)WdfDeviceGetDefaultQueue(KdDevice));
    case 5:
        if (!NT_SUCCESS(WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 0, 32, &memory, NULL)))
            return -1;
        WdfObjectDereference(memory);
        WdfObjectDelete(memory);
        return 0;
    case 6:
        return WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 0, 32, NULL, NULL);
    case 7:
        WdfObjectDelete(KdDevice);
        return 0;
    default:
        return -1;
    }
}

/* ---- registry -------------------------------------------------------------------------------------- */

typedef struct {
    WCHAR text[64];
    UNICODE_STRING us;
} KD_NAME;

static PCUNICODE_STRING KdWide(KD_NAME *n, const char *s)
{
    USHORT i = 0;
    while (s[i] && i < 63) {
        n->text[i] = (WCHAR)(UCHAR)s[i];
        i++;
    }
    n->text[i] = 0;
    n->us.Buffer = n->text;
    n->us.Length = (USHORT)(i * sizeof(WCHAR));
    n->us.MaximumLength = (USHORT)((i + 1) * sizeof(WCHAR));
    return &n->us;
}

static NTSTATUS KdOpenRoot(int root, ACCESS_MASK access, WDFKEY *key)
{
    switch (root) {
    case 1:
        return WdfDriverOpenParametersRegistryKey(KdDriver, access, WDF_NO_OBJECT_ATTRIBUTES, key);
    case 2:
        return WdfDeviceOpenRegistryKey(KdDevice, PLUGPLAY_REGKEY_DEVICE, access, WDF_NO_OBJECT_ATTRIBUTES, key);
    default:
        return WdfDeviceOpenRegistryKey(KdDevice, PLUGPLAY_REGKEY_DRIVER, access, WDF_NO_OBJECT_ATTRIBUTES, key);
    }
}

int kd_reg_ulong(int root, const char *sub, const char *name, unsigned *value)
{
    WDFKEY key, subkey;
    KD_NAME n, s;
    ULONG v = 0xDEADBEEF;
    NTSTATUS status = KdOpenRoot(root, KEY_READ, &key);
    if (!NT_SUCCESS(status))
        return status;
    if (sub) {
        status = WdfRegistryOpenKey(key, KdWide(&s, sub), KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &subkey);
        if (NT_SUCCESS(status)) {
            status = WdfRegistryQueryULong(subkey, KdWide(&n, name), &v);
            WdfRegistryClose(subkey);
        }
    } else {
        status = WdfRegistryQueryULong(key, KdWide(&n, name), &v);
    }
    WdfRegistryClose(key);
    *value = v;
    return status;
}

int kd_reg_string(int root, const char *name, char *out, unsigned cap)
{
    WDFKEY key;
    WDFSTRING string;
    UNICODE_STRING us;
    KD_NAME n;
    NTSTATUS status = KdOpenRoot(root, KEY_READ, &key);
    out[0] = 0;
    if (!NT_SUCCESS(status))
        return status;
    status = WdfStringCreate(NULL, WDF_NO_OBJECT_ATTRIBUTES, &string);
    if (NT_SUCCESS(status)) {
        status = WdfRegistryQueryString(key, KdWide(&n, name), string);
        if (NT_SUCCESS(status)) {
            unsigned i;
            WdfStringGetUnicodeString(string, &us);
            for (i = 0; i < us.Length / 2 && i + 1 < cap; i++)
                out[i] = (char)us.Buffer[i];
            out[i] = 0;
        }
        WdfObjectDelete(string);
    }
    WdfRegistryClose(key);
    return status;
}

int kd_reg_multi_count(int root, const char *name, unsigned *count)
{
    WDFKEY key;
    WDFCOLLECTION strings;
    KD_NAME n;
    NTSTATUS status = KdOpenRoot(root, KEY_READ, &key);
    *count = 0;
    if (!NT_SUCCESS(status))
        return status;
    status = WdfCollectionCreate(WDF_NO_OBJECT_ATTRIBUTES, &strings);
    if (NT_SUCCESS(status)) {
        status = WdfRegistryQueryMultiString(key, KdWide(&n, name), WDF_NO_OBJECT_ATTRIBUTES, strings);
        *count = WdfCollectionGetCount(strings);
        WdfObjectDelete(strings);
    }
    WdfRegistryClose(key);
    return status;
}

int kd_reg_value(int root, const char *name, void *buf, unsigned cap, unsigned *length, unsigned *type)
{
    WDFKEY key;
    KD_NAME n;
    ULONG len = 0, t = 0xFFFF;
    NTSTATUS status = KdOpenRoot(root, KEY_READ, &key);
    if (!NT_SUCCESS(status))
        return status;
    status = WdfRegistryQueryValue(key, KdWide(&n, name), cap, buf, &len, &t);
    WdfRegistryClose(key);
    *length = len;
    *type = t;
    return status;
}

int kd_reg_assign_ulong(int root, const char *name, unsigned value)
{
    WDFKEY key;
    KD_NAME n;
    NTSTATUS status = KdOpenRoot(root, KEY_WRITE, &key);
    if (!NT_SUCCESS(status))
        return status;
    status = WdfRegistryAssignULong(key, KdWide(&n, name), value);
    WdfRegistryClose(key);
    return status;
}

int kd_reg_create_subkey(int root, const char *sub, unsigned *disposition)
{
    WDFKEY key, subkey;
    KD_NAME s;
    ULONG d = 0;
    NTSTATUS status = KdOpenRoot(root, KEY_WRITE, &key);
    if (!NT_SUCCESS(status))
        return status;
    status = WdfRegistryCreateKey(key, KdWide(&s, sub), KEY_WRITE, REG_OPTION_NON_VOLATILE, &d,
                                  WDF_NO_OBJECT_ATTRIBUTES, &subkey);
    if (NT_SUCCESS(status))
        WdfRegistryClose(subkey);
    WdfRegistryClose(key);
    *disposition = d;
    return status;
}

/* ---- bus interface, properties ------------------------------------------------------------------- */

int kd_bus_read(void *buf, unsigned offset, unsigned length, unsigned *got)
{
    BUS_INTERFACE_STANDARD bus;
    NTSTATUS status;
    RtlZeroMemory(&bus, sizeof(bus));
    *got = 0;
    status = WdfFdoQueryForInterface(KdDevice, &GUID_BUS_INTERFACE_STANDARD, (PINTERFACE)&bus,
                                     sizeof(BUS_INTERFACE_STANDARD), 1, NULL);
    if (!NT_SUCCESS(status))
        return status;
    *got = bus.GetBusData(bus.Context, PCI_WHICHSPACE_CONFIG, buf, offset, length);
    bus.InterfaceDereference(bus.Context);
    return status;
}

int kd_property_ulong(int property, unsigned *value)
{
    ULONG v = 0, len = 0;
    NTSTATUS status = WdfDeviceQueryProperty(KdDevice, (DEVICE_REGISTRY_PROPERTY)property, sizeof(v), &v, &len);
    *value = v;
    return status;
}

int kd_property_string(int property, char *out, unsigned cap)
{
    WCHAR buf[128];
    ULONG len = 0, i;
    NTSTATUS status = WdfDeviceQueryProperty(KdDevice, (DEVICE_REGISTRY_PROPERTY)property, sizeof(buf), buf, &len);
    out[0] = 0;
    if (!NT_SUCCESS(status))
        return status;
    for (i = 0; i < len / 2 && buf[i] && i + 1 < cap; i++)
        out[i] = (char)buf[i];
    out[i] = 0;
    return status;
}

/* ---- memory ---------------------------------------------------------------------------------------- */

int kd_memory_roundtrip(void)
{
    WDFMEMORY memory;
    WDF_OBJECT_ATTRIBUTES attributes;
    UCHAR in[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, out[8];
    PUCHAR buffer;
    size_t size = 0;
    int result = 0;

    WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
    attributes.ParentObject = KdDevice;
    if (!NT_SUCCESS(WdfMemoryCreate(&attributes, NonPagedPoolNx, 'MdK', 16, &memory, (PVOID *)&buffer)))
        return 1;
    if (WdfMemoryGetBuffer(memory, &size) != buffer || size != 16)
        result = 2;
    else if (!NT_SUCCESS(WdfMemoryCopyFromBuffer(memory, 4, in, sizeof(in))) || buffer[4] != 1 || buffer[11] != 8)
        result = 3;
    else if (!NT_SUCCESS(WdfMemoryCopyToBuffer(memory, 5, out, 4)) || out[0] != 2 || out[3] != 5)
        result = 4;
    else if (WdfMemoryCopyFromBuffer(memory, 12, in, sizeof(in)) != STATUS_BUFFER_TOO_SMALL)
        result = 5;
    else if (WdfMemoryCopyFromBuffer(memory, 20, in, 1) != STATUS_INVALID_BUFFER_SIZE)
        result = 6;
    else if (WdfMemoryCopyToBuffer(memory, 12, out, sizeof(out)) != STATUS_BUFFER_TOO_SMALL)
        result = 7;
    WdfObjectDelete(memory);
    return result;
}

/* ---- remote I/O targets and aligned common buffers ----------------------------------------------- */

int kd_iotarget(long *out, unsigned max)
{
    WDFIOTARGET target = NULL;
    WDF_IO_TARGET_OPEN_PARAMS params;
    DECLARE_CONST_UNICODE_STRING(name, L"\\Device\\Nowhere");
    unsigned n = 0;
#define KD_PUT(v) do { if (n < max) out[n] = (long)(v); n++; } while (0)
    KD_PUT(WdfIoTargetCreate(KdDevice, WDF_NO_OBJECT_ATTRIBUTES, &target));      /* 0 */
    KD_PUT(WdfIoTargetGetState(target));                                         /* 1 */
    WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(&params, &name, GENERIC_READ);
    KD_PUT(WdfIoTargetOpen(target, &params));                                    /* 2 */
    KD_PUT(WdfIoTargetStart(target));                                            /* 3 */
    WDF_IO_TARGET_OPEN_PARAMS_INIT_EXISTING_DEVICE(&params, WdfDeviceWdmGetDeviceObject(KdDevice));
    KD_PUT(WdfIoTargetOpen(target, &params));                                    /* 4 */
    KD_PUT(WdfIoTargetGetState(target));                                         /* 5 */
    KD_PUT(WdfIoTargetWdmGetTargetDeviceObject(target) == WdfDeviceWdmGetDeviceObject(KdDevice)); /* 6 */
    WdfIoTargetStop(target, WdfIoTargetCancelSentIo);
    KD_PUT(WdfIoTargetGetState(target));                                         /* 7 */
    KD_PUT(WdfIoTargetStart(target));                                            /* 8 */
    KD_PUT(WdfIoTargetGetDevice(target) == KdDevice);                            /* 9 */
    KD_PUT(WdfIoTargetSendReadSynchronously(target, NULL, NULL, NULL, NULL, NULL)); /* 10 */
    WdfIoTargetClose(target);
    KD_PUT(WdfIoTargetGetState(target));                                         /* 11 */
    WdfObjectDelete(target);
#undef KD_PUT
    return (int)n;
}

int kd_common_buffer(unsigned alignment, unsigned long long *logical)
{
    WDF_DMA_ENABLER_CONFIG dmaConfig;
    WDF_COMMON_BUFFER_CONFIG config;
    WDFDMAENABLER enabler;
    WDFCOMMONBUFFER buffer;
    NTSTATUS status;
    WDF_DMA_ENABLER_CONFIG_INIT(&dmaConfig, WdfDmaProfilePacket64, 0x1000);
    status = WdfDmaEnablerCreate(KdDevice, &dmaConfig, WDF_NO_OBJECT_ATTRIBUTES, &enabler);
    if (!NT_SUCCESS(status))
        return status;
    WDF_COMMON_BUFFER_CONFIG_INIT(&config, alignment);
    status = WdfCommonBufferCreateWithConfig(enabler, 100, &config, WDF_NO_OBJECT_ATTRIBUTES, &buffer);
    *logical = NT_SUCCESS(status) ? (unsigned long long)WdfCommonBufferGetAlignedLogicalAddress(buffer).QuadPart : 0;
    if (NT_SUCCESS(status) && WdfCommonBufferGetLength(buffer) != 100)
        status = STATUS_UNSUCCESSFUL;
    return status;
}

/* Searching the default queue (KD_QUEUE_TIMERS): NTSTATUS of RetrieveNext, Find, RetrieveFound. */
void kd_queue_search(int *out)
{
    WDFQUEUE queue = WdfDeviceGetDefaultQueue(KdDevice);
    WDFREQUEST request = (WDFREQUEST)1;
    out[0] = WdfIoQueueRetrieveNextRequest(queue, &request);
    out[1] = WdfIoQueueFindRequest(queue, NULL, NULL, NULL, &request);
    out[2] = WdfIoQueueRetrieveFoundRequest(queue, (WDFREQUEST)KdDevice, &request);
    out[3] = request == NULL;
}
