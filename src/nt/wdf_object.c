/*
 * src/nt/wdf_object.c — the framework object routines (wdfobject.h), the framework verifier's
 * routines (wdfverifier.h) and the one place the harness calls driver callbacks through their
 * WDF types (bcsim__wdf_nt_invoke). The object model itself is src/machine/kmdf.c.
 */
#include "wdf_private.h"

void *bcsim_wdf_ext(ULONG size)
{
    return bcsim__os_alloc_bridge(size);
}

const void *bcsim_wdf_type_key(PCWDF_OBJECT_CONTEXT_TYPE_INFO info)
{
    if (!info)
        return NULL;
    return info->UniqueType ? (const void *)info->UniqueType : (const void *)info;
}

void bcsim_wdf_attrs(const WDF_OBJECT_ATTRIBUTES *a, bcsim__wdf_attrs_t *out)
{
    RtlZeroMemory(out, sizeof(*out));
    if (!a)
        return;
    out->present = 1;
    out->valid = a->Size == sizeof(WDF_OBJECT_ATTRIBUTES);
    out->cleanup = (void *)a->EvtCleanupCallback;
    out->destroy = (void *)a->EvtDestroyCallback;
    out->parent = a->ParentObject;
    if (a->ContextTypeInfo) {
        PCWDF_OBJECT_CONTEXT_TYPE_INFO t = (PCWDF_OBJECT_CONTEXT_TYPE_INFO)bcsim_wdf_type_key(a->ContextTypeInfo);
        out->ctx_type = t;
        out->ctx_name = t->ContextName;
        out->ctx_size = t->ContextSize > a->ContextSizeOverride ? t->ContextSize : a->ContextSizeOverride;
    }
}

/* WdfObjectGetTypedContextWorker — Learn: the context of that type, NULL if the object has
 * none; any IRQL (bug-check callbacks use it to reach their device context). */
PVOID FASTCALL WdfObjectGetTypedContextWorker(WDFOBJECT Handle, PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo)
{
    WDF_ENTER(WdfObjectGetTypedContextWorker);
    return bcsim__wdf_context(Handle, bcsim_wdf_type_key(TypeInfo), caller);
}

/* WdfObjectAllocateContext — Learn: adds a context of the attributes' type; the attributes must
 * name a context type and no parent; STATUS_OBJECT_NAME_COLLISION if the type is already there. */
NTSTATUS WdfObjectAllocateContext(WDFOBJECT Handle, PWDF_OBJECT_ATTRIBUTES ContextAttributes,
                                  PVOID *Context)
{
    WDF_ENTER(WdfObjectAllocateContext);
    bcsim__wdf_attrs_t a;
    bcsim_wdf_attrs(ContextAttributes, &a);
    return bcsim__wdf_context_allocate(Handle, &a, Context, caller);
}

/* WdfObjectContextGetObject — Learn: the object a context pointer belongs to; any IRQL. */
WDFOBJECT FASTCALL WdfObjectContextGetObject(PVOID ContextPointer)
{
    WDF_ENTER(WdfObjectContextGetObject);
    return bcsim__wdf_context_object(ContextPointer, caller);
}

/* WdfObjectReferenceActual / WdfObjectDereferenceActual — Learn: a reference keeps the object
 * (its destroy callback waits for the last dereference); a dereference without a reference is
 * the framework's WDF_OBJECT_ERROR. */
VOID WdfObjectReferenceActual(WDFOBJECT Handle, PVOID Tag, LONG Line, PCSTR File)
{
    WDF_ENTER(WdfObjectReferenceActual);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(Line);
    UNREFERENCED_PARAMETER(File);
    bcsim__wdf_object_reference(Handle, 1, BCSIM__X_WdfObjectReferenceActual, caller);
}

VOID WdfObjectDereferenceActual(WDFOBJECT Handle, PVOID Tag, LONG Line, PCSTR File)
{
    WDF_ENTER(WdfObjectDereferenceActual);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(Line);
    UNREFERENCED_PARAMETER(File);
    bcsim__wdf_object_reference(Handle, -1, BCSIM__X_WdfObjectDereferenceActual, caller);
}

/* WdfObjectCreate — Learn: a general object, the driver object its default parent. */
NTSTATUS WdfObjectCreate(PWDF_OBJECT_ATTRIBUTES Attributes, WDFOBJECT *Object)
{
    WDF_ENTER(WdfObjectCreate);
    if (!Object) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfObjectCreate, "Object", caller);
        return STATUS_INVALID_PARAMETER;
    }
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    bcsim_wdf_attrs(Attributes, &a);
    *Object = bcsim__wdf_object_new(BCSIM__WDF_OBJECT, &a, bcsim__wdf_driver_of_caller(caller),
                                    BCSIM__WDF_PARENT_DEFAULT, NULL, caller, &status);
    return status;
}

/* WdfObjectDelete — Learn: deletes the object and its children once no reference is left;
 * drivers cannot delete the objects the framework deletes itself. */
VOID WdfObjectDelete(WDFOBJECT Object)
{
    WDF_ENTER(WdfObjectDelete);
    bcsim__wdf_object_delete(Object, BCSIM__X_WdfObjectDelete, caller);
}

/* WdfObjectAcquireLock / WdfObjectReleaseLock — Learn: the object's synchronization lock (a spin
 * lock for dispatch-level objects), <= DISPATCH_LEVEL. */
VOID WdfObjectAcquireLock(WDFOBJECT Object)
{
    WDF_ENTER(WdfObjectAcquireLock);
    bcsim__wdf_object_lock(Object, 1, BCSIM__X_WdfObjectAcquireLock, caller);
}

VOID WdfObjectReleaseLock(WDFOBJECT Object)
{
    WDF_ENTER(WdfObjectReleaseLock);
    bcsim__wdf_object_lock(Object, 0, BCSIM__X_WdfObjectReleaseLock, caller);
}

/* WdfVerifierDbgBreakPoint — Learn: breaks into a kernel debugger if one is running; bcsim's
 * machine has none, so nothing happens. */
VOID WdfVerifierDbgBreakPoint(VOID)
{
    WDF_ENTER(WdfVerifierDbgBreakPoint);
    UNREFERENCED_PARAMETER(caller);
}

/* WdfVerifierKeBugCheck — Learn: KeBugCheckEx when the framework's verifier is on. */
VOID WdfVerifierKeBugCheck(ULONG BugCheckCode, ULONG_PTR BugCheckParameter1,
                           ULONG_PTR BugCheckParameter2, ULONG_PTR BugCheckParameter3,
                           ULONG_PTR BugCheckParameter4)
{
    WDF_ENTER(WdfVerifierKeBugCheck);
    bcsim__bugcheck_from_driver(BugCheckCode, BugCheckParameter1, BugCheckParameter2,
                                BugCheckParameter3, BugCheckParameter4, caller);
}

/* ---- the harness calls driver callbacks here, with their WDF types ------------------------------ */
bcsim__i32 bcsim__wdf_nt_invoke(enum bcsim__wdf_event ev, void *fn, void *a, void *b, void *c,
                                bcsim__u32 value)
{
    switch (ev) {
    case BCSIM__WDF_EV_DEVICE_ADD:
        return ((PFN_WDF_DRIVER_DEVICE_ADD)fn)((WDFDRIVER)a, (PWDFDEVICE_INIT)b);
    case BCSIM__WDF_EV_DRIVER_UNLOAD:
        ((PFN_WDF_DRIVER_UNLOAD)fn)((WDFDRIVER)a);
        return STATUS_SUCCESS;
    case BCSIM__WDF_EV_PREPARE_HARDWARE:
        return ((PFN_WDF_DEVICE_PREPARE_HARDWARE)fn)((WDFDEVICE)a, (WDFCMRESLIST)b, (WDFCMRESLIST)c);
    case BCSIM__WDF_EV_RELEASE_HARDWARE:
        return ((PFN_WDF_DEVICE_RELEASE_HARDWARE)fn)((WDFDEVICE)a, (WDFCMRESLIST)b);
    case BCSIM__WDF_EV_D0_ENTRY:
    case BCSIM__WDF_EV_D0_ENTRY_POST_INTERRUPTS:
    case BCSIM__WDF_EV_D0_EXIT_PRE_INTERRUPTS:
    case BCSIM__WDF_EV_D0_EXIT:
        return ((PFN_WDF_DEVICE_D0_ENTRY)fn)((WDFDEVICE)a, (WDF_POWER_DEVICE_STATE)value);
    case BCSIM__WDF_EV_SMIO_INIT:
    case BCSIM__WDF_EV_SMIO_SUSPEND:
    case BCSIM__WDF_EV_SMIO_RESTART:
    case BCSIM__WDF_EV_QUERY_REMOVE:
    case BCSIM__WDF_EV_QUERY_STOP:
        return ((PFN_WDF_DEVICE_SELF_MANAGED_IO_INIT)fn)((WDFDEVICE)a);
    case BCSIM__WDF_EV_SMIO_FLUSH:
    case BCSIM__WDF_EV_SMIO_CLEANUP:
    case BCSIM__WDF_EV_SURPRISE_REMOVAL:
        ((PFN_WDF_DEVICE_SELF_MANAGED_IO_FLUSH)fn)((WDFDEVICE)a);
        return STATUS_SUCCESS;
    case BCSIM__WDF_EV_INTERRUPT_ENABLE:
    case BCSIM__WDF_EV_INTERRUPT_DISABLE:
        return ((PFN_WDF_INTERRUPT_ENABLE)fn)((WDFINTERRUPT)a, (WDFDEVICE)b);
    case BCSIM__WDF_EV_DMA_FILL:
    case BCSIM__WDF_EV_DMA_ENABLE:
    case BCSIM__WDF_EV_DMA_SMIO_START:
    case BCSIM__WDF_EV_DMA_SMIO_STOP:
    case BCSIM__WDF_EV_DMA_DISABLE:
    case BCSIM__WDF_EV_DMA_FLUSH:
        return ((PFN_WDF_DMA_ENABLER_FILL)fn)((WDFDMAENABLER)a);
    case BCSIM__WDF_EV_CLEANUP:
    case BCSIM__WDF_EV_DESTROY:
        ((PFN_WDF_OBJECT_CONTEXT_CLEANUP)fn)((WDFOBJECT)a);
        return STATUS_SUCCESS;
    default:
        return STATUS_NOT_SUPPORTED;
    }
}
