/*
 * src/nt/wdf_io.c — I/O queues (wdfio.h), requests (wdfrequest.h), I/O targets (wdfiotarget.h)
 * and file objects (wdffileobject.h).
 *
 * bcsim delivers no I/O. Queues are created with their device, report themselves ready and empty,
 * and never call their callbacks; WdfIoQueueRetrieveNextRequest finds nothing. Requests the
 * driver creates itself exist as objects, but nothing sends them: the routines that act on a
 * request the framework would have delivered, or that send one, are stubs (UNIMPLEMENTED_ROUTINE
 * once per run, then the documented failure). File objects never exist.
 */
#include "wdf_private.h"

/* ---- queues ------------------------------------------------------------------------------------- */

/* WdfIoQueueCreate — Learn: a queue of the device (its parent, always); a default queue becomes
 * WdfDeviceGetDefaultQueue's; the framework deletes default queues itself. */
NTSTATUS WdfIoQueueCreate(WDFDEVICE Device, PWDF_IO_QUEUE_CONFIG Config, PWDF_OBJECT_ATTRIBUTES QueueAttributes,
                          WDFQUEUE *Queue)
{
    WDF_ENTER(WdfIoQueueCreate);
    if (Queue)
        *Queue = NULL;
    bcsim_wdf_device_t *d = (bcsim_wdf_device_t *)bcsim__wdf_object_ext(Device, BCSIM__WDF_DEVICE,
                                                                        BCSIM__X_WdfIoQueueCreate, caller);
    if (!d)
        return STATUS_INVALID_PARAMETER;
    if (!Config) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfIoQueueCreate, "Config", caller);
        return STATUS_INVALID_PARAMETER;
    }
    if (Config->Size != sizeof(WDF_IO_QUEUE_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    if (Config->DispatchType <= WdfIoQueueDispatchInvalid || Config->DispatchType >= WdfIoQueueDispatchMax)
        return STATUS_INVALID_PARAMETER;
    if (Config->DefaultQueue && d->DefaultQueue)
        return STATUS_WDF_BUSY;                   /* one default queue per device */
    bcsim_wdf_queue_t *ext = (bcsim_wdf_queue_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Device = Device;
    ext->Config = *Config;
    bcsim_wdf_attrs(QueueAttributes, &a);
    WDFQUEUE q = (WDFQUEUE)bcsim__wdf_object_new(BCSIM__WDF_QUEUE, &a, Device, BCSIM__WDF_PARENT_FIXED, ext,
                                                 caller, &status);
    if (!q)
        return status;
    if (Config->DefaultQueue)
        d->DefaultQueue = q;
    if (Queue)
        *Queue = q;
    return STATUS_SUCCESS;
}

static bcsim_wdf_queue_t *queue(WDFQUEUE Queue, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_queue_t *)bcsim__wdf_object_ext(Queue, BCSIM__WDF_QUEUE, id, caller);
}

WDF_IO_QUEUE_STATE WdfIoQueueGetState(WDFQUEUE Queue, PULONG QueueRequests, PULONG DriverRequests)
{
    WDF_ENTER(WdfIoQueueGetState);
    if (QueueRequests)
        *QueueRequests = 0;
    if (DriverRequests)
        *DriverRequests = 0;
    if (!queue(Queue, BCSIM__X_WdfIoQueueGetState, caller))
        return (WDF_IO_QUEUE_STATE)0;
    return (WDF_IO_QUEUE_STATE)(WdfIoQueueAcceptRequests | WdfIoQueueDispatchRequests | WdfIoQueueNoRequests |
                                WdfIoQueueDriverNoRequests);
}

VOID WdfIoQueueStart(WDFQUEUE Queue)
{
    WDF_ENTER(WdfIoQueueStart);
    queue(Queue, BCSIM__X_WdfIoQueueStart, caller);
}

VOID WdfIoQueueStop(WDFQUEUE Queue, PFN_WDF_IO_QUEUE_STATE StopComplete, WDFCONTEXT Context)
{
    WDF_ENTER(WdfIoQueueStop);
    UNREFERENCED_PARAMETER(StopComplete);
    UNREFERENCED_PARAMETER(Context);
    queue(Queue, BCSIM__X_WdfIoQueueStop, caller);
}

VOID WdfIoQueueStopSynchronously(WDFQUEUE Queue)
{
    WDF_ENTER(WdfIoQueueStopSynchronously);
    queue(Queue, BCSIM__X_WdfIoQueueStopSynchronously, caller);
}

WDFDEVICE WdfIoQueueGetDevice(WDFQUEUE Queue)
{
    WDF_ENTER(WdfIoQueueGetDevice);
    bcsim_wdf_queue_t *q = queue(Queue, BCSIM__X_WdfIoQueueGetDevice, caller);
    return q ? q->Device : NULL;
}

/* WdfIoQueueRetrieveNextRequest — Learn: STATUS_NO_MORE_ENTRIES when the queue is empty, which
 * a bcsim queue always is. */
NTSTATUS WdfIoQueueRetrieveNextRequest(WDFQUEUE Queue, WDFREQUEST *OutRequest)
{
    WDF_ENTER(WdfIoQueueRetrieveNextRequest);
    if (OutRequest)
        *OutRequest = NULL;
    if (!queue(Queue, BCSIM__X_WdfIoQueueRetrieveNextRequest, caller))
        return STATUS_INVALID_PARAMETER;
    return STATUS_NO_MORE_ENTRIES;
}

/* A queue never holds a request in bcsim: searching one finds nothing (Learn: the end of the
 * queue is STATUS_NO_MORE_ENTRIES; a FoundRequest that is not in the queue STATUS_NOT_FOUND). */
NTSTATUS WdfIoQueueRetrieveRequestByFileObject(WDFQUEUE Queue, WDFFILEOBJECT FileObject, WDFREQUEST *OutRequest)
{
    WDF_ENTER(WdfIoQueueRetrieveRequestByFileObject);
    UNREFERENCED_PARAMETER(FileObject);
    if (OutRequest)
        *OutRequest = NULL;
    if (!queue(Queue, BCSIM__X_WdfIoQueueRetrieveRequestByFileObject, caller))
        return STATUS_INVALID_PARAMETER;
    return STATUS_NO_MORE_ENTRIES;
}

NTSTATUS WdfIoQueueFindRequest(WDFQUEUE Queue, WDFREQUEST FoundRequest, WDFFILEOBJECT FileObject,
                               PWDF_REQUEST_PARAMETERS Parameters, WDFREQUEST *OutRequest)
{
    WDF_ENTER(WdfIoQueueFindRequest);
    UNREFERENCED_PARAMETER(FileObject);
    UNREFERENCED_PARAMETER(Parameters);
    if (OutRequest)
        *OutRequest = NULL;
    if (!queue(Queue, BCSIM__X_WdfIoQueueFindRequest, caller))
        return STATUS_INVALID_PARAMETER;
    return FoundRequest ? STATUS_NOT_FOUND : STATUS_NO_MORE_ENTRIES;
}

NTSTATUS WdfIoQueueRetrieveFoundRequest(WDFQUEUE Queue, WDFREQUEST FoundRequest, WDFREQUEST *OutRequest)
{
    WDF_ENTER(WdfIoQueueRetrieveFoundRequest);
    UNREFERENCED_PARAMETER(FoundRequest);
    if (OutRequest)
        *OutRequest = NULL;
    if (!queue(Queue, BCSIM__X_WdfIoQueueRetrieveFoundRequest, caller))
        return STATUS_INVALID_PARAMETER;
    return STATUS_NOT_FOUND;
}

VOID WdfIoQueuePurge(WDFQUEUE Queue, PFN_WDF_IO_QUEUE_STATE PurgeComplete, WDFCONTEXT Context)
{
    WDF_ENTER(WdfIoQueuePurge);
    UNREFERENCED_PARAMETER(PurgeComplete);
    UNREFERENCED_PARAMETER(Context);
    queue(Queue, BCSIM__X_WdfIoQueuePurge, caller);
}

VOID WdfIoQueuePurgeSynchronously(WDFQUEUE Queue)
{
    WDF_ENTER(WdfIoQueuePurgeSynchronously);
    queue(Queue, BCSIM__X_WdfIoQueuePurgeSynchronously, caller);
}

VOID WdfIoQueueDrain(WDFQUEUE Queue, PFN_WDF_IO_QUEUE_STATE DrainComplete, WDFCONTEXT Context)
{
    WDF_ENTER(WdfIoQueueDrain);
    UNREFERENCED_PARAMETER(DrainComplete);
    UNREFERENCED_PARAMETER(Context);
    queue(Queue, BCSIM__X_WdfIoQueueDrain, caller);
}

VOID WdfIoQueueDrainSynchronously(WDFQUEUE Queue)
{
    WDF_ENTER(WdfIoQueueDrainSynchronously);
    queue(Queue, BCSIM__X_WdfIoQueueDrainSynchronously, caller);
}

NTSTATUS WdfIoQueueReadyNotify(WDFQUEUE Queue, PFN_WDF_IO_QUEUE_STATE QueueReady, WDFCONTEXT Context)
{
    WDF_ENTER(WdfIoQueueReadyNotify);
    UNREFERENCED_PARAMETER(QueueReady);
    UNREFERENCED_PARAMETER(Context);
    return queue(Queue, BCSIM__X_WdfIoQueueReadyNotify, caller) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

/* ---- requests ------------------------------------------------------------------------------------ */

/* WdfRequestCreate — Learn: a driver-created request (for sending to an I/O target); the
 * target's device, else the driver, parents it. */
NTSTATUS WdfRequestCreate(PWDF_OBJECT_ATTRIBUTES RequestAttributes, WDFIOTARGET IoTarget, WDFREQUEST *Request)
{
    WDF_ENTER(WdfRequestCreate);
    if (!Request) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfRequestCreate, "Request", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Request = NULL;
    if (IoTarget && !bcsim__wdf_object_ext(IoTarget, BCSIM__WDF_IOTARGET, BCSIM__X_WdfRequestCreate, caller))
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_request_t *ext = (bcsim_wdf_request_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Target = IoTarget;
    bcsim_wdf_attrs(RequestAttributes, &a);
    *Request = (WDFREQUEST)bcsim__wdf_object_new(BCSIM__WDF_REQUEST, &a,
                                                 IoTarget ? bcsim__wdf_object_parent(IoTarget)
                                                          : bcsim__wdf_driver_of_caller(caller),
                                                 BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    return status;
}

NTSTATUS WdfRequestReuse(WDFREQUEST Request, PWDF_REQUEST_REUSE_PARAMS ReuseParams)
{
    WDF_ENTER(WdfRequestReuse);
    bcsim_wdf_request_t *r = (bcsim_wdf_request_t *)bcsim__wdf_object_ext(Request, BCSIM__WDF_REQUEST,
                                                                          BCSIM__X_WdfRequestReuse, caller);
    if (!r || !ReuseParams || ReuseParams->Size != sizeof(*ReuseParams))
        return STATUS_INVALID_PARAMETER;
    r->Status = ReuseParams->Status;
    return STATUS_SUCCESS;
}

NTSTATUS WdfRequestGetStatus(WDFREQUEST Request)
{
    WDF_ENTER(WdfRequestGetStatus);
    bcsim_wdf_request_t *r = (bcsim_wdf_request_t *)bcsim__wdf_object_ext(Request, BCSIM__WDF_REQUEST,
                                                                          BCSIM__X_WdfRequestGetStatus, caller);
    return r ? r->Status : STATUS_INVALID_PARAMETER;
}

/* The stubs: a request the framework delivers never exists in bcsim, and nothing is sent. */
#define WDF_STUB(name) bcsim__export_enter(BCSIM__X_##name, BCSIM__CALLER())

/* WdfRequestSend — Learn: FALSE if the request could not be sent. Stub: FALSE. */
BOOLEAN WdfRequestSend(WDFREQUEST Request, WDFIOTARGET Target, PWDF_REQUEST_SEND_OPTIONS Options)
{
    WDF_STUB(WdfRequestSend);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Target);
    UNREFERENCED_PARAMETER(Options);
    return FALSE;
}

VOID WdfRequestComplete(WDFREQUEST Request, NTSTATUS Status)
{
    WDF_STUB(WdfRequestComplete);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Status);
}

VOID WdfRequestCompleteWithInformation(WDFREQUEST Request, NTSTATUS Status, ULONG_PTR Information)
{
    WDF_STUB(WdfRequestCompleteWithInformation);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(Information);
}

VOID WdfRequestCompleteWithPriorityBoost(WDFREQUEST Request, NTSTATUS Status, CCHAR PriorityBoost)
{
    WDF_STUB(WdfRequestCompleteWithPriorityBoost);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Status);
    UNREFERENCED_PARAMETER(PriorityBoost);
}

VOID WdfRequestSetInformation(WDFREQUEST Request, ULONG_PTR Information)
{
    WDF_STUB(WdfRequestSetInformation);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Information);
}

ULONG_PTR WdfRequestGetInformation(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestGetInformation);
    UNREFERENCED_PARAMETER(Request);
    return 0;
}

/* Buffer retrieval — Learn: STATUS_INVALID_DEVICE_REQUEST when the request has no such buffer. */
NTSTATUS WdfRequestRetrieveInputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength, PVOID *Buffer,
                                       size_t *Length)
{
    WDF_STUB(WdfRequestRetrieveInputBuffer);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(MinimumRequiredLength);
    if (Buffer)
        *Buffer = NULL;
    if (Length)
        *Length = 0;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRetrieveOutputBuffer(WDFREQUEST Request, size_t MinimumRequiredSize, PVOID *Buffer,
                                        size_t *Length)
{
    WDF_STUB(WdfRequestRetrieveOutputBuffer);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(MinimumRequiredSize);
    if (Buffer)
        *Buffer = NULL;
    if (Length)
        *Length = 0;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRetrieveInputMemory(WDFREQUEST Request, WDFMEMORY *Memory)
{
    WDF_STUB(WdfRequestRetrieveInputMemory);
    UNREFERENCED_PARAMETER(Request);
    if (Memory)
        *Memory = NULL;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRetrieveOutputMemory(WDFREQUEST Request, WDFMEMORY *Memory)
{
    WDF_STUB(WdfRequestRetrieveOutputMemory);
    UNREFERENCED_PARAMETER(Request);
    if (Memory)
        *Memory = NULL;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRetrieveInputWdmMdl(WDFREQUEST Request, PMDL *Mdl)
{
    WDF_STUB(WdfRequestRetrieveInputWdmMdl);
    UNREFERENCED_PARAMETER(Request);
    if (Mdl)
        *Mdl = NULL;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRetrieveOutputWdmMdl(WDFREQUEST Request, PMDL *Mdl)
{
    WDF_STUB(WdfRequestRetrieveOutputWdmMdl);
    UNREFERENCED_PARAMETER(Request);
    if (Mdl)
        *Mdl = NULL;
    return STATUS_INVALID_DEVICE_REQUEST;
}

VOID WdfRequestGetParameters(WDFREQUEST Request, PWDF_REQUEST_PARAMETERS Parameters)
{
    WDF_STUB(WdfRequestGetParameters);
    UNREFERENCED_PARAMETER(Request);
    if (Parameters && Parameters->Size == sizeof(*Parameters))
        WDF_REQUEST_PARAMETERS_INIT(Parameters);
}

WDFQUEUE WdfRequestGetIoQueue(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestGetIoQueue);
    UNREFERENCED_PARAMETER(Request);
    return NULL;
}

WDFFILEOBJECT WdfRequestGetFileObject(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestGetFileObject);
    UNREFERENCED_PARAMETER(Request);
    return NULL;
}

KPROCESSOR_MODE WdfRequestGetRequestorMode(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestGetRequestorMode);
    UNREFERENCED_PARAMETER(Request);
    return KernelMode;
}

PIRP WdfRequestWdmGetIrp(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestWdmGetIrp);
    UNREFERENCED_PARAMETER(Request);
    return NULL;
}

VOID WdfRequestMarkCancelable(WDFREQUEST Request, PFN_WDF_REQUEST_CANCEL EvtRequestCancel)
{
    WDF_STUB(WdfRequestMarkCancelable);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(EvtRequestCancel);
}

NTSTATUS WdfRequestMarkCancelableEx(WDFREQUEST Request, PFN_WDF_REQUEST_CANCEL EvtRequestCancel)
{
    WDF_STUB(WdfRequestMarkCancelableEx);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(EvtRequestCancel);
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestUnmarkCancelable(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestUnmarkCancelable);
    UNREFERENCED_PARAMETER(Request);
    return STATUS_INVALID_DEVICE_REQUEST;
}

BOOLEAN WdfRequestIsCanceled(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestIsCanceled);
    UNREFERENCED_PARAMETER(Request);
    return FALSE;
}

BOOLEAN WdfRequestCancelSentRequest(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestCancelSentRequest);
    UNREFERENCED_PARAMETER(Request);
    return FALSE;
}

NTSTATUS WdfRequestForwardToIoQueue(WDFREQUEST Request, WDFQUEUE DestinationQueue)
{
    WDF_STUB(WdfRequestForwardToIoQueue);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(DestinationQueue);
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRequeue(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestRequeue);
    UNREFERENCED_PARAMETER(Request);
    return STATUS_INVALID_DEVICE_REQUEST;
}

VOID WdfRequestStopAcknowledge(WDFREQUEST Request, BOOLEAN Requeue)
{
    WDF_STUB(WdfRequestStopAcknowledge);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Requeue);
}

VOID WdfRequestFormatRequestUsingCurrentType(WDFREQUEST Request)
{
    WDF_STUB(WdfRequestFormatRequestUsingCurrentType);
    UNREFERENCED_PARAMETER(Request);
}

VOID WdfRequestSetCompletionRoutine(WDFREQUEST Request, PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
                                    WDFCONTEXT CompletionContext)
{
    WDF_STUB(WdfRequestSetCompletionRoutine);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(CompletionRoutine);
    UNREFERENCED_PARAMETER(CompletionContext);
}

VOID WdfRequestGetCompletionParams(WDFREQUEST Request, PWDF_REQUEST_COMPLETION_PARAMS Params)
{
    WDF_STUB(WdfRequestGetCompletionParams);
    UNREFERENCED_PARAMETER(Request);
    if (Params && Params->Size == sizeof(*Params))
        WDF_REQUEST_COMPLETION_PARAMS_INIT(Params);
}

/* ---- I/O targets --------------------------------------------------------------------------------- */

static bcsim_wdf_iotarget_t *target(WDFIOTARGET IoTarget, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_iotarget_t *)bcsim__wdf_object_ext(IoTarget, BCSIM__WDF_IOTARGET, id, caller);
}

PDEVICE_OBJECT WdfIoTargetWdmGetTargetDeviceObject(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetWdmGetTargetDeviceObject);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetWdmGetTargetDeviceObject, caller);
    return t ? t->TargetDevice : NULL;
}

/* WdfIoTargetCreate — Learn: a remote I/O target of the device (its default parent), closed until
 * WdfIoTargetOpen. */
NTSTATUS WdfIoTargetCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES IoTargetAttributes, WDFIOTARGET *IoTarget)
{
    WDF_ENTER(WdfIoTargetCreate);
    if (!IoTarget) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfIoTargetCreate, "IoTarget", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *IoTarget = NULL;
    if (!bcsim__wdf_object_check(Device, BCSIM__WDF_DEVICE, BCSIM__X_WdfIoTargetCreate, caller))
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_iotarget_t *t = (bcsim_wdf_iotarget_t *)bcsim_wdf_ext(sizeof(*t));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!t)
        return STATUS_INSUFFICIENT_RESOURCES;
    t->Device = Device;
    t->Remote = TRUE;
    t->State = WdfIoTargetClosed;
    bcsim_wdf_attrs(IoTargetAttributes, &a);
    *IoTarget = (WDFIOTARGET)bcsim__wdf_object_new(BCSIM__WDF_IOTARGET, &a, Device, BCSIM__WDF_PARENT_DEFAULT,
                                                   t, caller, &status);
    return status;
}

/* WdfIoTargetOpen — Learn: opens the target on an existing device object or by name, started
 * afterwards. bcsim's machine has no object namespace: a name is STATUS_OBJECT_NAME_NOT_FOUND
 * (what Windows returns for a name nothing created). */
NTSTATUS WdfIoTargetOpen(WDFIOTARGET IoTarget, PWDF_IO_TARGET_OPEN_PARAMS OpenParams)
{
    WDF_ENTER(WdfIoTargetOpen);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetOpen, caller);
    if (!OpenParams) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfIoTargetOpen, "OpenParams", caller);
        return STATUS_INVALID_PARAMETER;
    }
    if (!t || OpenParams->Size != sizeof(*OpenParams))
        return STATUS_INVALID_PARAMETER;
    switch (OpenParams->Type) {
    case WdfIoTargetOpenUseExistingDevice:
        if (!OpenParams->TargetDeviceObject)
            return STATUS_INVALID_PARAMETER;
        t->TargetDevice = OpenParams->TargetDeviceObject;
        t->TargetFile = OpenParams->TargetFileObject;
        break;
    case WdfIoTargetOpenReopen:
        if (!t->TargetDevice)
            return STATUS_INVALID_DEVICE_STATE;
        break;
    case WdfIoTargetOpenByName:
    case WdfIoTargetOpenLocalTargetByFile:
        return STATUS_OBJECT_NAME_NOT_FOUND;
    default:
        return STATUS_INVALID_PARAMETER;
    }
    t->State = WdfIoTargetStarted;
    return STATUS_SUCCESS;
}

VOID WdfIoTargetCloseForQueryRemove(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetCloseForQueryRemove);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetCloseForQueryRemove, caller);
    if (t)
        t->State = WdfIoTargetClosedForQueryRemove;
}

VOID WdfIoTargetClose(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetClose);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetClose, caller);
    if (t)
        t->State = WdfIoTargetClosed;
}

/* WdfIoTargetStart — Learn: STATUS_INVALID_DEVICE_STATE unless the target is open. */
NTSTATUS WdfIoTargetStart(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetStart);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetStart, caller);
    if (!t)
        return STATUS_INVALID_PARAMETER;
    if (t->State != WdfIoTargetStarted && t->State != WdfIoTargetStopped)
        return STATUS_INVALID_DEVICE_STATE;
    t->State = WdfIoTargetStarted;
    return STATUS_SUCCESS;
}

VOID WdfIoTargetStop(WDFIOTARGET IoTarget, WDF_IO_TARGET_SENT_IO_ACTION Action)
{
    WDF_ENTER(WdfIoTargetStop);
    UNREFERENCED_PARAMETER(Action);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetStop, caller);
    if (t && t->State == WdfIoTargetStarted)
        t->State = WdfIoTargetStopped;
}

WDF_IO_TARGET_STATE WdfIoTargetGetState(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetGetState);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetGetState, caller);
    return t ? t->State : WdfIoTargetStateUndefined;
}

WDFDEVICE WdfIoTargetGetDevice(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetGetDevice);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetGetDevice, caller);
    return t ? t->Device : NULL;
}

PFILE_OBJECT WdfIoTargetWdmGetTargetFileObject(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetWdmGetTargetFileObject);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetWdmGetTargetFileObject, caller);
    return t ? t->TargetFile : NULL;
}

/* WdfIoTargetWdmGetTargetPhysicalDevice — Learn: the PDO of the target's stack; for the default
 * target the device's PDO, for a remote target none bcsim knows (NULL). */
PDEVICE_OBJECT WdfIoTargetWdmGetTargetPhysicalDevice(WDFIOTARGET IoTarget)
{
    WDF_ENTER(WdfIoTargetWdmGetTargetPhysicalDevice);
    bcsim_wdf_iotarget_t *t = target(IoTarget, BCSIM__X_WdfIoTargetWdmGetTargetPhysicalDevice, caller);
    return t && !t->Remote ? t->TargetDevice : NULL;
}

/* Sending — Learn: a failure status when the target cannot take the request. Stubs:
 * STATUS_INVALID_DEVICE_STATE (no driver below bcsim's device answers I/O). */
NTSTATUS WdfIoTargetSendIoctlSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
                                           PWDF_MEMORY_DESCRIPTOR InputBuffer, PWDF_MEMORY_DESCRIPTOR OutputBuffer,
                                           PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesReturned)
{
    WDF_STUB(WdfIoTargetSendIoctlSynchronously);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(IoctlCode);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(RequestOptions);
    if (BytesReturned)
        *BytesReturned = 0;
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetSendInternalIoctlSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
                                                   PWDF_MEMORY_DESCRIPTOR InputBuffer,
                                                   PWDF_MEMORY_DESCRIPTOR OutputBuffer,
                                                   PWDF_REQUEST_SEND_OPTIONS RequestOptions,
                                                   PULONG_PTR BytesReturned)
{
    WDF_STUB(WdfIoTargetSendInternalIoctlSynchronously);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(IoctlCode);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(RequestOptions);
    if (BytesReturned)
        *BytesReturned = 0;
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetFormatRequestForIoctl(WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
                                          WDFMEMORY InputBuffer, PWDFMEMORY_OFFSET InputBufferOffset,
                                          WDFMEMORY OutputBuffer, PWDFMEMORY_OFFSET OutputBufferOffset)
{
    WDF_STUB(WdfIoTargetFormatRequestForIoctl);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(IoctlCode);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(InputBufferOffset);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(OutputBufferOffset);
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetFormatRequestForInternalIoctl(WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
                                                  WDFMEMORY InputBuffer, PWDFMEMORY_OFFSET InputBufferOffset,
                                                  WDFMEMORY OutputBuffer, PWDFMEMORY_OFFSET OutputBufferOffset)
{
    WDF_STUB(WdfIoTargetFormatRequestForInternalIoctl);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(IoctlCode);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(InputBufferOffset);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(OutputBufferOffset);
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetQueryTargetProperty(WDFIOTARGET IoTarget, DEVICE_REGISTRY_PROPERTY DeviceProperty,
                                        ULONG BufferLength, PVOID PropertyBuffer, PULONG ResultLength)
{
    WDF_STUB(WdfIoTargetQueryTargetProperty);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(DeviceProperty);
    UNREFERENCED_PARAMETER(BufferLength);
    UNREFERENCED_PARAMETER(PropertyBuffer);
    if (ResultLength)
        *ResultLength = 0;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfIoTargetSendReadSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
                                          PWDF_MEMORY_DESCRIPTOR OutputBuffer, PLONGLONG DeviceOffset,
                                          PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesRead)
{
    WDF_STUB(WdfIoTargetSendReadSynchronously);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(DeviceOffset);
    UNREFERENCED_PARAMETER(RequestOptions);
    if (BytesRead)
        *BytesRead = 0;
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetSendWriteSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
                                           PWDF_MEMORY_DESCRIPTOR InputBuffer, PLONGLONG DeviceOffset,
                                           PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesWritten)
{
    WDF_STUB(WdfIoTargetSendWriteSynchronously);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(DeviceOffset);
    UNREFERENCED_PARAMETER(RequestOptions);
    if (BytesWritten)
        *BytesWritten = 0;
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetFormatRequestForRead(WDFIOTARGET IoTarget, WDFREQUEST Request, WDFMEMORY OutputBuffer,
                                         PWDFMEMORY_OFFSET OutputBufferOffset, PLONGLONG DeviceOffset)
{
    WDF_STUB(WdfIoTargetFormatRequestForRead);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(OutputBufferOffset);
    UNREFERENCED_PARAMETER(DeviceOffset);
    return STATUS_INVALID_DEVICE_STATE;
}

NTSTATUS WdfIoTargetFormatRequestForWrite(WDFIOTARGET IoTarget, WDFREQUEST Request, WDFMEMORY InputBuffer,
                                          PWDFMEMORY_OFFSET InputBufferOffset, PLONGLONG DeviceOffset)
{
    WDF_STUB(WdfIoTargetFormatRequestForWrite);
    UNREFERENCED_PARAMETER(IoTarget);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(InputBuffer);
    UNREFERENCED_PARAMETER(InputBufferOffset);
    UNREFERENCED_PARAMETER(DeviceOffset);
    return STATUS_INVALID_DEVICE_STATE;
}

/* ---- user buffers of a request (no request ever arrives) ------------------------------------------ */

static NTSTATUS no_user_buffer(PVOID *Buffer, size_t *Length)
{
    if (Buffer)
        *Buffer = NULL;
    if (Length)
        *Length = 0;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestRetrieveUnsafeUserInputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength,
                                                 PVOID *InputBuffer, size_t *Length)
{
    WDF_STUB(WdfRequestRetrieveUnsafeUserInputBuffer);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(MinimumRequiredLength);
    return no_user_buffer(InputBuffer, Length);
}

NTSTATUS WdfRequestRetrieveUnsafeUserOutputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength,
                                                  PVOID *OutputBuffer, size_t *Length)
{
    WDF_STUB(WdfRequestRetrieveUnsafeUserOutputBuffer);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(MinimumRequiredLength);
    return no_user_buffer(OutputBuffer, Length);
}

NTSTATUS WdfRequestProbeAndLockUserBufferForRead(WDFREQUEST Request, PVOID Buffer, size_t Length,
                                                 WDFMEMORY *MemoryObject)
{
    WDF_STUB(WdfRequestProbeAndLockUserBufferForRead);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    if (MemoryObject)
        *MemoryObject = NULL;
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS WdfRequestProbeAndLockUserBufferForWrite(WDFREQUEST Request, PVOID Buffer, size_t Length,
                                                  WDFMEMORY *MemoryObject)
{
    WDF_STUB(WdfRequestProbeAndLockUserBufferForWrite);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    if (MemoryObject)
        *MemoryObject = NULL;
    return STATUS_INVALID_DEVICE_REQUEST;
}

VOID WdfRequestWdmFormatUsingStackLocation(WDFREQUEST Request, PIO_STACK_LOCATION Stack)
{
    WDF_STUB(WdfRequestWdmFormatUsingStackLocation);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(Stack);
}

/* ---- file objects (never created in bcsim) ------------------------------------------------------- */

PUNICODE_STRING WdfFileObjectGetFileName(WDFFILEOBJECT FileObject)
{
    WDF_STUB(WdfFileObjectGetFileName);
    UNREFERENCED_PARAMETER(FileObject);
    return NULL;
}

ULONG WdfFileObjectGetFlags(WDFFILEOBJECT FileObject)
{
    WDF_STUB(WdfFileObjectGetFlags);
    UNREFERENCED_PARAMETER(FileObject);
    return 0;
}

WDFDEVICE WdfFileObjectGetDevice(WDFFILEOBJECT FileObject)
{
    WDF_STUB(WdfFileObjectGetDevice);
    UNREFERENCED_PARAMETER(FileObject);
    return NULL;
}

PFILE_OBJECT WdfFileObjectWdmGetFileObject(WDFFILEOBJECT FileObject)
{
    WDF_STUB(WdfFileObjectWdmGetFileObject);
    UNREFERENCED_PARAMETER(FileObject);
    return NULL;
}
