/*
 * src/nt/wdf_hw.c — interrupts (wdfinterrupt.h), DPCs (wdfdpc.h), timers (wdftimer.h), work items
 * (wdfworkitem.h), DMA enablers, common buffers and transactions (wdfdmaenabler.h,
 * wdfcommonbuffer.h, wdfdmatransaction.h).
 *
 * The objects are created as Learn describes (parents, configuration checks) and kept with their
 * device. No interrupt fires, and no DPC, timer or work item callback runs: queuing one records
 * it and returns what Learn says a first queuing returns. Interrupt enable/disable and the DMA
 * enabler callbacks run in the device's power sequence (src/machine/kmdf.c). DMA transactions are
 * created, but programming one needs a DMA adapter bcsim does not model: those routines are stubs.
 */
#include "wdf_private.h"

static void *parent_of(PWDF_OBJECT_ATTRIBUTES a)
{
    return a ? a->ParentObject : NULL;
}

/* ---- interrupts ------------------------------------------------------------------------------------ */

/* WdfInterruptCreate — Learn: an interrupt of the device (its parent); created in
 * EvtDriverDeviceAdd it takes the device's interrupt resources in order at the start; from
 * EvtDevicePrepareHardware it names its raw and translated descriptors (KMDF 1.11). */
NTSTATUS WdfInterruptCreate(WDFDEVICE Device, PWDF_INTERRUPT_CONFIG Configuration, PWDF_OBJECT_ATTRIBUTES Attributes,
                            WDFINTERRUPT *Interrupt)
{
    WDF_ENTER(WdfInterruptCreate);
    if (!Interrupt || !Configuration) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfInterruptCreate, !Interrupt ? "Interrupt" : "Configuration", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Interrupt = NULL;
    if (!bcsim__wdf_object_ext(Device, BCSIM__WDF_DEVICE, BCSIM__X_WdfInterruptCreate, caller))
        return STATUS_INVALID_PARAMETER;
    if (Configuration->Size != sizeof(WDF_INTERRUPT_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    if (!Configuration->EvtInterruptIsr)
        return STATUS_INVALID_PARAMETER;          /* Learn: the ISR is required */
    bcsim_wdf_interrupt_t *ext = (bcsim_wdf_interrupt_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Device = Device;
    ext->Config = *Configuration;
    if (Configuration->InterruptRaw && Configuration->InterruptTranslated) {
        ext->Raw = *Configuration->InterruptRaw;
        ext->Translated = *Configuration->InterruptTranslated;
        ext->HasResource = TRUE;
    }
    bcsim_wdf_attrs(Attributes, &a);
    WDFINTERRUPT h = (WDFINTERRUPT)bcsim__wdf_object_new(BCSIM__WDF_INTERRUPT, &a, Device, BCSIM__WDF_PARENT_FIXED,
                                                         ext, caller, &status);
    if (!h)
        return status;
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_INTERRUPT_ENABLE, (void *)Configuration->EvtInterruptEnable);
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_INTERRUPT_DISABLE, (void *)Configuration->EvtInterruptDisable);
    *Interrupt = h;
    return STATUS_SUCCESS;
}

int bcsim__wdf_nt_interrupt_bind(void *interrupt_ext, const void *translated_list_ext,
                                 const void *raw_list_ext, bcsim__u32 index)
{
    bcsim_wdf_interrupt_t *in = (bcsim_wdf_interrupt_t *)interrupt_ext;
    const CM_PARTIAL_RESOURCE_LIST *t = (const CM_PARTIAL_RESOURCE_LIST *)translated_list_ext;
    const CM_PARTIAL_RESOURCE_LIST *r = (const CM_PARTIAL_RESOURCE_LIST *)raw_list_ext;
    if (!in || in->HasResource || !t || !r)
        return in && in->HasResource;
    for (ULONG i = 0, n = 0; i < t->Count && i < r->Count; i++) {
        if (t->PartialDescriptors[i].Type != CmResourceTypeInterrupt)
            continue;
        if (n++ == index) {
            in->Raw = r->PartialDescriptors[i];
            in->Translated = t->PartialDescriptors[i];
            in->HasResource = TRUE;
            return 1;
        }
    }
    return 0;
}

unsigned char bcsim__wdf_nt_interrupt_irql(const void *interrupt_ext)
{
    const bcsim_wdf_interrupt_t *in = (const bcsim_wdf_interrupt_t *)interrupt_ext;
    if (!in || in->Config.PassiveHandling || !in->HasResource)
        return PASSIVE_LEVEL;
    if (in->Translated.Flags & CM_RESOURCE_INTERRUPT_MESSAGE)
        return (unsigned char)in->Translated.u.MessageInterrupt.Translated.Level;
    return (unsigned char)in->Translated.u.Interrupt.Level;
}

static bcsim_wdf_interrupt_t *interrupt(WDFINTERRUPT Interrupt, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_interrupt_t *)bcsim__wdf_object_ext(Interrupt, BCSIM__WDF_INTERRUPT, id, caller);
}

/* WdfInterruptQueueDpcForIsr — Learn: TRUE if queued, FALSE if already queued and not yet run. */
BOOLEAN WdfInterruptQueueDpcForIsr(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptQueueDpcForIsr);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptQueueDpcForIsr, caller);
    if (!in || in->DpcQueued)
        return FALSE;
    in->DpcQueued = TRUE;
    return TRUE;
}

BOOLEAN WdfInterruptQueueWorkItemForIsr(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptQueueWorkItemForIsr);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptQueueWorkItemForIsr, caller);
    if (!in || in->WorkItemQueued)
        return FALSE;
    in->WorkItemQueued = TRUE;
    return TRUE;
}

/* WdfInterruptSynchronize — Learn: calls the callback at the interrupt's DIRQL holding its lock
 * and returns what it returns. */
BOOLEAN WdfInterruptSynchronize(WDFINTERRUPT Interrupt, PFN_WDF_INTERRUPT_SYNCHRONIZE Callback, WDFCONTEXT Context)
{
    WDF_ENTER(WdfInterruptSynchronize);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptSynchronize, caller);
    if (!in || !Callback)
        return FALSE;
    KIRQL old = bcsim__spin_acquire(BCSIM__X_WdfInterruptSynchronize, (volatile bcsim__u64 *)&in->Lock.Lock, 0,
                                    caller);
    unsigned char dirql = bcsim__wdf_nt_interrupt_irql(in);
    if (dirql > bcsim__irql_current())
        bcsim__irql_swap(dirql);
    BOOLEAN r = Callback(Interrupt, Context);
    bcsim__spin_release(BCSIM__X_WdfInterruptSynchronize, (volatile bcsim__u64 *)&in->Lock.Lock, old, 1, caller);
    return r;
}

/* WdfInterruptAcquireLock / WdfInterruptReleaseLock — Learn: the interrupt's spin lock, raising to
 * its DIRQL; <= DIRQL. In a bug-check callback it is a spin lock like any other. */
VOID WdfInterruptAcquireLock(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptAcquireLock);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptAcquireLock, caller);
    if (!in)
        return;
    in->Lock.OldIrql = bcsim__spin_acquire(BCSIM__X_WdfInterruptAcquireLock,
                                           (volatile bcsim__u64 *)&in->Lock.Lock, 0, caller);
    unsigned char dirql = bcsim__wdf_nt_interrupt_irql(in);
    if (dirql > bcsim__irql_current())
        bcsim__irql_swap(dirql);
}

VOID WdfInterruptReleaseLock(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptReleaseLock);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptReleaseLock, caller);
    if (in)
        bcsim__spin_release(BCSIM__X_WdfInterruptReleaseLock, (volatile bcsim__u64 *)&in->Lock.Lock,
                            in->Lock.OldIrql, 1, caller);
}

VOID WdfInterruptEnable(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptEnable);
    interrupt(Interrupt, BCSIM__X_WdfInterruptEnable, caller);
}

VOID WdfInterruptDisable(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptDisable);
    interrupt(Interrupt, BCSIM__X_WdfInterruptDisable, caller);
}

PKINTERRUPT WdfInterruptWdmGetInterrupt(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptWdmGetInterrupt);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptWdmGetInterrupt, caller);
    return in ? (PKINTERRUPT)(void *)in->KInterrupt : NULL;
}

/* WdfInterruptGetInfo — Learn: the vector, IRQL, mode and affinity of the translated resource. */
VOID WdfInterruptGetInfo(WDFINTERRUPT Interrupt, PWDF_INTERRUPT_INFO Info)
{
    WDF_ENTER(WdfInterruptGetInfo);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptGetInfo, caller);
    if (!in || !Info || Info->Size != sizeof(*Info))
        return;
    WDF_INTERRUPT_INFO_INIT(Info);
    if (!in->HasResource)
        return;
    const CM_PARTIAL_RESOURCE_DESCRIPTOR *t = &in->Translated;
    Info->MessageSignaled = (t->Flags & CM_RESOURCE_INTERRUPT_MESSAGE) != 0;
    Info->Mode = (t->Flags & CM_RESOURCE_INTERRUPT_LATCHED) ? Latched : LevelSensitive;
    Info->ShareDisposition = t->ShareDisposition;
    if (Info->MessageSignaled) {
        Info->Vector = t->u.MessageInterrupt.Translated.Vector;
        Info->Irql = (KIRQL)t->u.MessageInterrupt.Translated.Level;
        Info->TargetProcessorSet = t->u.MessageInterrupt.Translated.Affinity;
    } else {
        Info->Vector = t->u.Interrupt.Vector;
        Info->Irql = (KIRQL)t->u.Interrupt.Level;
        Info->TargetProcessorSet = t->u.Interrupt.Affinity;
    }
}

WDFDEVICE WdfInterruptGetDevice(WDFINTERRUPT Interrupt)
{
    WDF_ENTER(WdfInterruptGetDevice);
    bcsim_wdf_interrupt_t *in = interrupt(Interrupt, BCSIM__X_WdfInterruptGetDevice, caller);
    return in ? in->Device : NULL;
}

/* ---- DPCs, timers, work items: a parent is required (Learn: a device, a queue, ...) ----------- */

NTSTATUS WdfDpcCreate(PWDF_DPC_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes, WDFDPC *Dpc)
{
    WDF_ENTER(WdfDpcCreate);
    if (!Dpc || !Config) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfDpcCreate, !Dpc ? "Dpc" : "Config", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Dpc = NULL;
    if (Config->Size != sizeof(WDF_DPC_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    bcsim_wdf_dpc_t *ext = (bcsim_wdf_dpc_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Config = *Config;
    bcsim_wdf_attrs(Attributes, &a);
    *Dpc = (WDFDPC)bcsim__wdf_object_new(BCSIM__WDF_DPC, &a, parent_of(Attributes), BCSIM__WDF_PARENT_REQUIRED,
                                         ext, caller, &status);
    return status;
}

static bcsim_wdf_dpc_t *dpc(WDFDPC Dpc, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_dpc_t *)bcsim__wdf_object_ext(Dpc, BCSIM__WDF_DPC, id, caller);
}

/* WdfDpcEnqueue — Learn: TRUE if queued, FALSE if already queued. */
BOOLEAN WdfDpcEnqueue(WDFDPC Dpc)
{
    WDF_ENTER(WdfDpcEnqueue);
    bcsim_wdf_dpc_t *d = dpc(Dpc, BCSIM__X_WdfDpcEnqueue, caller);
    if (!d || d->Queued)
        return FALSE;
    d->Queued = TRUE;
    return TRUE;
}

/* WdfDpcCancel — Learn: TRUE if the DPC was queued and is now removed. */
BOOLEAN WdfDpcCancel(WDFDPC Dpc, BOOLEAN Wait)
{
    WDF_ENTER(WdfDpcCancel);
    UNREFERENCED_PARAMETER(Wait);
    bcsim_wdf_dpc_t *d = dpc(Dpc, BCSIM__X_WdfDpcCancel, caller);
    BOOLEAN was = d && d->Queued;
    if (d)
        d->Queued = FALSE;
    return was;
}

WDFOBJECT WdfDpcGetParentObject(WDFDPC Dpc)
{
    WDF_ENTER(WdfDpcGetParentObject);
    return dpc(Dpc, BCSIM__X_WdfDpcGetParentObject, caller) ? bcsim__wdf_object_parent(Dpc) : NULL;
}

PKDPC WdfDpcWdmGetDpc(WDFDPC Dpc)
{
    WDF_ENTER(WdfDpcWdmGetDpc);
    bcsim_wdf_dpc_t *d = dpc(Dpc, BCSIM__X_WdfDpcWdmGetDpc, caller);
    return d ? &d->Dpc : NULL;
}

NTSTATUS WdfTimerCreate(PWDF_TIMER_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes, WDFTIMER *Timer)
{
    WDF_ENTER(WdfTimerCreate);
    if (!Timer || !Config) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfTimerCreate, !Timer ? "Timer" : "Config", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Timer = NULL;
    if (Config->Size != sizeof(WDF_TIMER_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    bcsim_wdf_timer_t *ext = (bcsim_wdf_timer_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Config = *Config;
    bcsim_wdf_attrs(Attributes, &a);
    *Timer = (WDFTIMER)bcsim__wdf_object_new(BCSIM__WDF_TIMER, &a, parent_of(Attributes),
                                             BCSIM__WDF_PARENT_REQUIRED, ext, caller, &status);
    return status;
}

static bcsim_wdf_timer_t *timer(WDFTIMER Timer, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_timer_t *)bcsim__wdf_object_ext(Timer, BCSIM__WDF_TIMER, id, caller);
}

/* WdfTimerStart — Learn: TRUE if the timer was already in the system's timer queue. */
BOOLEAN WdfTimerStart(WDFTIMER Timer, LONGLONG DueTime)
{
    WDF_ENTER(WdfTimerStart);
    UNREFERENCED_PARAMETER(DueTime);
    bcsim_wdf_timer_t *t = timer(Timer, BCSIM__X_WdfTimerStart, caller);
    BOOLEAN was = t && t->Queued;
    if (t)
        t->Queued = TRUE;
    return was;
}

/* WdfTimerStop — Learn: TRUE if the timer was in the queue. */
BOOLEAN WdfTimerStop(WDFTIMER Timer, BOOLEAN Wait)
{
    WDF_ENTER(WdfTimerStop);
    UNREFERENCED_PARAMETER(Wait);
    bcsim_wdf_timer_t *t = timer(Timer, BCSIM__X_WdfTimerStop, caller);
    BOOLEAN was = t && t->Queued;
    if (t)
        t->Queued = FALSE;
    return was;
}

WDFOBJECT WdfTimerGetParentObject(WDFTIMER Timer)
{
    WDF_ENTER(WdfTimerGetParentObject);
    return timer(Timer, BCSIM__X_WdfTimerGetParentObject, caller) ? bcsim__wdf_object_parent(Timer) : NULL;
}

NTSTATUS WdfWorkItemCreate(PWDF_WORKITEM_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes, WDFWORKITEM *WorkItem)
{
    WDF_ENTER(WdfWorkItemCreate);
    if (!WorkItem || !Config) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfWorkItemCreate, !WorkItem ? "WorkItem" : "Config", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *WorkItem = NULL;
    if (Config->Size != sizeof(WDF_WORKITEM_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    bcsim_wdf_workitem_t *ext = (bcsim_wdf_workitem_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Config = *Config;
    bcsim_wdf_attrs(Attributes, &a);
    *WorkItem = (WDFWORKITEM)bcsim__wdf_object_new(BCSIM__WDF_WORKITEM, &a, parent_of(Attributes),
                                                   BCSIM__WDF_PARENT_REQUIRED, ext, caller, &status);
    return status;
}

VOID WdfWorkItemEnqueue(WDFWORKITEM WorkItem)
{
    WDF_ENTER(WdfWorkItemEnqueue);
    bcsim_wdf_workitem_t *w = (bcsim_wdf_workitem_t *)bcsim__wdf_object_ext(WorkItem, BCSIM__WDF_WORKITEM,
                                                                            BCSIM__X_WdfWorkItemEnqueue, caller);
    if (w)
        w->Queued = TRUE;
}

WDFOBJECT WdfWorkItemGetParentObject(WDFWORKITEM WorkItem)
{
    WDF_ENTER(WdfWorkItemGetParentObject);
    return bcsim__wdf_object_ext(WorkItem, BCSIM__WDF_WORKITEM, BCSIM__X_WdfWorkItemGetParentObject, caller)
               ? bcsim__wdf_object_parent(WorkItem)
               : NULL;
}

/* WdfWorkItemFlush — Learn: waits until a queued work item has run; it never runs in bcsim, so
 * the flush returns at once (the item stays queued). */
VOID WdfWorkItemFlush(WDFWORKITEM WorkItem)
{
    WDF_ENTER(WdfWorkItemFlush);
    bcsim__wdf_object_ext(WorkItem, BCSIM__WDF_WORKITEM, BCSIM__X_WdfWorkItemFlush, caller);
}

/* ---- DMA ------------------------------------------------------------------------------------------- */

/* WdfDmaEnablerCreate — Learn: a DMA enabler of the device (its parent); its callbacks run when
 * the device enters and leaves D0. */
NTSTATUS WdfDmaEnablerCreate(WDFDEVICE Device, PWDF_DMA_ENABLER_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes,
                             WDFDMAENABLER *DmaEnablerHandle)
{
    WDF_ENTER(WdfDmaEnablerCreate);
    if (!DmaEnablerHandle || !Config) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfDmaEnablerCreate, !Config ? "Config" : "DmaEnablerHandle", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *DmaEnablerHandle = NULL;
    if (!bcsim__wdf_object_ext(Device, BCSIM__WDF_DEVICE, BCSIM__X_WdfDmaEnablerCreate, caller))
        return STATUS_INVALID_PARAMETER;
    if (Config->Size != sizeof(WDF_DMA_ENABLER_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    if (Config->Profile <= WdfDmaProfileInvalid || Config->Profile >= WdfDmaProfileMaximum ||
        Config->MaximumLength == 0)
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_dma_t *ext = (bcsim_wdf_dma_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Device = Device;
    ext->Config = *Config;
    ext->MaximumFragments = 0x20;
    bcsim_wdf_attrs(Attributes, &a);
    WDFDMAENABLER h = (WDFDMAENABLER)bcsim__wdf_object_new(BCSIM__WDF_DMAENABLER, &a, Device,
                                                           BCSIM__WDF_PARENT_FIXED, ext, caller, &status);
    if (!h)
        return status;
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_DMA_FILL, (void *)Config->EvtDmaEnablerFill);
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_DMA_FLUSH, (void *)Config->EvtDmaEnablerFlush);
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_DMA_ENABLE, (void *)Config->EvtDmaEnablerEnable);
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_DMA_DISABLE, (void *)Config->EvtDmaEnablerDisable);
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_DMA_SMIO_START, (void *)Config->EvtDmaEnablerSelfManagedIoStart);
    bcsim__wdf_object_set_event(h, BCSIM__WDF_EV_DMA_SMIO_STOP, (void *)Config->EvtDmaEnablerSelfManagedIoStop);
    *DmaEnablerHandle = h;
    return STATUS_SUCCESS;
}

static bcsim_wdf_dma_t *dma(WDFDMAENABLER DmaEnabler, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_dma_t *)bcsim__wdf_object_ext(DmaEnabler, BCSIM__WDF_DMAENABLER, id, caller);
}

size_t WdfDmaEnablerGetMaximumLength(WDFDMAENABLER DmaEnabler)
{
    WDF_ENTER(WdfDmaEnablerGetMaximumLength);
    bcsim_wdf_dma_t *d = dma(DmaEnabler, BCSIM__X_WdfDmaEnablerGetMaximumLength, caller);
    return d ? d->Config.MaximumLength : 0;
}

size_t WdfDmaEnablerGetMaximumScatterGatherElements(WDFDMAENABLER DmaEnabler)
{
    WDF_ENTER(WdfDmaEnablerGetMaximumScatterGatherElements);
    bcsim_wdf_dma_t *d = dma(DmaEnabler, BCSIM__X_WdfDmaEnablerGetMaximumScatterGatherElements, caller);
    return d ? d->MaximumFragments : 0;
}

VOID WdfDmaEnablerSetMaximumScatterGatherElements(WDFDMAENABLER DmaEnabler, size_t MaximumFragments)
{
    WDF_ENTER(WdfDmaEnablerSetMaximumScatterGatherElements);
    bcsim_wdf_dma_t *d = dma(DmaEnabler, BCSIM__X_WdfDmaEnablerSetMaximumScatterGatherElements, caller);
    if (d && MaximumFragments)
        d->MaximumFragments = MaximumFragments;
}

/* WdfDmaEnablerWdmGetDmaAdapter — Learn: the WDM DMA adapter. Stub: NULL (bcsim models no DMA
 * adapters). */
PDMA_ADAPTER WdfDmaEnablerWdmGetDmaAdapter(WDFDMAENABLER DmaEnabler, WDF_DMA_DIRECTION DmaDirection)
{
    bcsim__export_enter(BCSIM__X_WdfDmaEnablerWdmGetDmaAdapter, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DmaEnabler);
    UNREFERENCED_PARAMETER(DmaDirection);
    return NULL;
}

/* WdfCommonBufferCreate — Learn: a buffer both the processor and the device reach (physically
 * contiguous), the DMA enabler its parent. */
NTSTATUS WdfCommonBufferCreate(WDFDMAENABLER DmaEnabler, size_t Length, PWDF_OBJECT_ATTRIBUTES Attributes,
                               WDFCOMMONBUFFER *CommonBuffer)
{
    WDF_ENTER(WdfCommonBufferCreate);
    if (!CommonBuffer) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfCommonBufferCreate, "CommonBuffer", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *CommonBuffer = NULL;
    if (!dma(DmaEnabler, BCSIM__X_WdfCommonBufferCreate, caller) || Length == 0)
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_common_buffer_t *ext = (bcsim_wdf_common_buffer_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Va = bcsim__mm_contiguous_alloc(Length, 0, ~0ULL, 0, caller);
    if (!ext->Va)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->La.QuadPart = (LONGLONG)bcsim__mm_va_to_pa(ext->Va);
    ext->Length = Length;
    bcsim_wdf_attrs(Attributes, &a);
    *CommonBuffer = (WDFCOMMONBUFFER)bcsim__wdf_object_new(BCSIM__WDF_COMMONBUFFER, &a, DmaEnabler,
                                                           BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    if (!*CommonBuffer)
        bcsim__mm_contiguous_free(ext->Va, caller);
    return status;
}

/* WdfCommonBufferCreateWithConfig — Learn: the same with an alignment requirement (a mask). The
 * buffer is page aligned, which satisfies any mask below a page; a larger one is refused as
 * STATUS_INVALID_PARAMETER (bcsim's choice: Windows aligns as asked). */
NTSTATUS WdfCommonBufferCreateWithConfig(WDFDMAENABLER DmaEnabler, size_t Length, PWDF_COMMON_BUFFER_CONFIG Config,
                                         PWDF_OBJECT_ATTRIBUTES Attributes, WDFCOMMONBUFFER *CommonBuffer)
{
    WDF_ENTER(WdfCommonBufferCreateWithConfig);
    if (!Config || !CommonBuffer) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfCommonBufferCreateWithConfig, !Config ? "Config" : "CommonBuffer",
                                  caller);
        if (CommonBuffer)
            *CommonBuffer = NULL;
        return STATUS_INVALID_PARAMETER;
    }
    *CommonBuffer = NULL;
    if (Config->Size != sizeof(*Config) || Config->AlignmentRequirement >= PAGE_SIZE)
        return STATUS_INVALID_PARAMETER;
    return WdfCommonBufferCreate(DmaEnabler, Length, Attributes, CommonBuffer);
}

static bcsim_wdf_common_buffer_t *common(WDFCOMMONBUFFER CommonBuffer, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_common_buffer_t *)bcsim__wdf_object_ext(CommonBuffer, BCSIM__WDF_COMMONBUFFER, id, caller);
}

PVOID WdfCommonBufferGetAlignedVirtualAddress(WDFCOMMONBUFFER CommonBuffer)
{
    WDF_ENTER(WdfCommonBufferGetAlignedVirtualAddress);
    bcsim_wdf_common_buffer_t *c = common(CommonBuffer, BCSIM__X_WdfCommonBufferGetAlignedVirtualAddress, caller);
    return c ? c->Va : NULL;
}

PHYSICAL_ADDRESS WdfCommonBufferGetAlignedLogicalAddress(WDFCOMMONBUFFER CommonBuffer)
{
    WDF_ENTER(WdfCommonBufferGetAlignedLogicalAddress);
    bcsim_wdf_common_buffer_t *c = common(CommonBuffer, BCSIM__X_WdfCommonBufferGetAlignedLogicalAddress, caller);
    PHYSICAL_ADDRESS none;
    none.QuadPart = 0;
    return c ? c->La : none;
}

size_t WdfCommonBufferGetLength(WDFCOMMONBUFFER CommonBuffer)
{
    WDF_ENTER(WdfCommonBufferGetLength);
    bcsim_wdf_common_buffer_t *c = common(CommonBuffer, BCSIM__X_WdfCommonBufferGetLength, caller);
    return c ? c->Length : 0;
}

/* WdfDmaTransactionCreate — Learn: a transaction of the DMA enabler (its default parent). */
NTSTATUS WdfDmaTransactionCreate(WDFDMAENABLER DmaEnabler, PWDF_OBJECT_ATTRIBUTES Attributes,
                                 WDFDMATRANSACTION *DmaTransaction)
{
    WDF_ENTER(WdfDmaTransactionCreate);
    if (!DmaTransaction) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfDmaTransactionCreate, "DmaTransaction", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *DmaTransaction = NULL;
    if (!dma(DmaEnabler, BCSIM__X_WdfDmaTransactionCreate, caller))
        return STATUS_INVALID_PARAMETER;
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    bcsim_wdf_attrs(Attributes, &a);
    *DmaTransaction = (WDFDMATRANSACTION)bcsim__wdf_object_new(BCSIM__WDF_DMATRANSACTION, &a, DmaEnabler,
                                                               BCSIM__WDF_PARENT_DEFAULT, DmaEnabler, caller, &status);
    return status;
}

/* Programming a transaction needs a DMA adapter: stubs, with Learn's failure values. */
#define WDF_STUB(name) bcsim__export_enter(BCSIM__X_##name, BCSIM__CALLER())

NTSTATUS WdfDmaTransactionInitialize(WDFDMATRANSACTION DmaTransaction, PFN_WDF_PROGRAM_DMA EvtProgramDmaFunction,
                                     WDF_DMA_DIRECTION DmaDirection, PMDL Mdl, PVOID VirtualAddress, size_t Length)
{
    WDF_STUB(WdfDmaTransactionInitialize);
    UNREFERENCED_PARAMETER(DmaTransaction);
    UNREFERENCED_PARAMETER(EvtProgramDmaFunction);
    UNREFERENCED_PARAMETER(DmaDirection);
    UNREFERENCED_PARAMETER(Mdl);
    UNREFERENCED_PARAMETER(VirtualAddress);
    UNREFERENCED_PARAMETER(Length);
    return STATUS_NOT_SUPPORTED;
}

NTSTATUS WdfDmaTransactionInitializeUsingRequest(WDFDMATRANSACTION DmaTransaction, WDFREQUEST Request,
                                                 PFN_WDF_PROGRAM_DMA EvtProgramDmaFunction,
                                                 WDF_DMA_DIRECTION DmaDirection)
{
    WDF_STUB(WdfDmaTransactionInitializeUsingRequest);
    UNREFERENCED_PARAMETER(DmaTransaction);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(EvtProgramDmaFunction);
    UNREFERENCED_PARAMETER(DmaDirection);
    return STATUS_NOT_SUPPORTED;
}

NTSTATUS WdfDmaTransactionExecute(WDFDMATRANSACTION DmaTransaction, WDFCONTEXT Context)
{
    WDF_STUB(WdfDmaTransactionExecute);
    UNREFERENCED_PARAMETER(DmaTransaction);
    UNREFERENCED_PARAMETER(Context);
    return STATUS_NOT_SUPPORTED;
}

BOOLEAN WdfDmaTransactionDmaCompleted(WDFDMATRANSACTION DmaTransaction, NTSTATUS *Status)
{
    WDF_STUB(WdfDmaTransactionDmaCompleted);
    UNREFERENCED_PARAMETER(DmaTransaction);
    if (Status)
        *Status = STATUS_NOT_SUPPORTED;
    return TRUE;
}

NTSTATUS WdfDmaTransactionRelease(WDFDMATRANSACTION DmaTransaction)
{
    WDF_STUB(WdfDmaTransactionRelease);
    UNREFERENCED_PARAMETER(DmaTransaction);
    return STATUS_NOT_SUPPORTED;
}

size_t WdfDmaTransactionGetBytesTransferred(WDFDMATRANSACTION DmaTransaction)
{
    WDF_STUB(WdfDmaTransactionGetBytesTransferred);
    UNREFERENCED_PARAMETER(DmaTransaction);
    return 0;
}

WDFDEVICE WdfDmaTransactionGetDevice(WDFDMATRANSACTION DmaTransaction)
{
    WDF_ENTER(WdfDmaTransactionGetDevice);
    WDFDMAENABLER e = (WDFDMAENABLER)bcsim__wdf_object_ext(DmaTransaction, BCSIM__WDF_DMATRANSACTION,
                                                           BCSIM__X_WdfDmaTransactionGetDevice, caller);
    bcsim_wdf_dma_t *d = e ? dma(e, BCSIM__X_WdfDmaTransactionGetDevice, caller) : NULL;
    return d ? d->Device : NULL;
}

/* Transfers never run (no DMA adapter): the routines that follow one are stubs. */
WDFREQUEST WdfDmaTransactionGetRequest(WDFDMATRANSACTION DmaTransaction)
{
    WDF_STUB(WdfDmaTransactionGetRequest);
    UNREFERENCED_PARAMETER(DmaTransaction);
    return NULL;
}

size_t WdfDmaTransactionGetCurrentDmaTransferLength(WDFDMATRANSACTION DmaTransaction)
{
    WDF_STUB(WdfDmaTransactionGetCurrentDmaTransferLength);
    UNREFERENCED_PARAMETER(DmaTransaction);
    return 0;
}

VOID WdfDmaTransactionSetMaximumLength(WDFDMATRANSACTION DmaTransaction, size_t MaximumLength)
{
    WDF_STUB(WdfDmaTransactionSetMaximumLength);
    UNREFERENCED_PARAMETER(DmaTransaction);
    UNREFERENCED_PARAMETER(MaximumLength);
}

BOOLEAN WdfDmaTransactionDmaCompletedWithLength(WDFDMATRANSACTION DmaTransaction, size_t TransferredLength,
                                                NTSTATUS *Status)
{
    WDF_STUB(WdfDmaTransactionDmaCompletedWithLength);
    UNREFERENCED_PARAMETER(DmaTransaction);
    UNREFERENCED_PARAMETER(TransferredLength);
    if (Status)
        *Status = STATUS_NOT_SUPPORTED;
    return TRUE;
}

BOOLEAN WdfDmaTransactionDmaCompletedFinal(WDFDMATRANSACTION DmaTransaction, size_t FinalTransferredLength,
                                           NTSTATUS *Status)
{
    WDF_STUB(WdfDmaTransactionDmaCompletedFinal);
    UNREFERENCED_PARAMETER(DmaTransaction);
    UNREFERENCED_PARAMETER(FinalTransferredLength);
    if (Status)
        *Status = STATUS_NOT_SUPPORTED;
    return TRUE;
}
