/*
 * bcsim shim: the KMDF I/O surface, part of wdf.h — requests (wdfrequest.h), I/O queues
 * (wdfio.h), I/O targets (wdfiotarget.h) and file objects (wdffileobject.h).
 *
 * bcsim delivers no I/O: queues are created and started with the device, but no request ever
 * reaches a driver, so the request routines exist for the compiler (their handles cannot be
 * valid) and report themselves as stubs if they are ever called.
 */
#ifndef BCSIM_SHIM_WDF_IO_H
#define BCSIM_SHIM_WDF_IO_H

#ifndef BCSIM_SHIM_WDF_H
#  error "include <wdf.h>, not bcsim_shim/wdf_io.h"
#endif

WDF_EXTERN_C_START

/* ---- wdfrequest.h ------------------------------------------------------------------------------ */
typedef enum _WDF_REQUEST_TYPE {
    WdfRequestTypeCreate = IRP_MJ_CREATE,
    WdfRequestTypeCreateNamedPipe = IRP_MJ_CREATE_NAMED_PIPE,
    WdfRequestTypeClose = IRP_MJ_CLOSE,
    WdfRequestTypeRead = IRP_MJ_READ,
    WdfRequestTypeWrite = IRP_MJ_WRITE,
    WdfRequestTypeQueryInformation = IRP_MJ_QUERY_INFORMATION,
    WdfRequestTypeSetInformation = IRP_MJ_SET_INFORMATION,
    WdfRequestTypeQueryEA = IRP_MJ_QUERY_EA,
    WdfRequestTypeSetEA = IRP_MJ_SET_EA,
    WdfRequestTypeFlushBuffers = IRP_MJ_FLUSH_BUFFERS,
    WdfRequestTypeQueryVolumeInformation = IRP_MJ_QUERY_VOLUME_INFORMATION,
    WdfRequestTypeSetVolumeInformation = IRP_MJ_SET_VOLUME_INFORMATION,
    WdfRequestTypeDirectoryControl = IRP_MJ_DIRECTORY_CONTROL,
    WdfRequestTypeFileSystemControl = IRP_MJ_FILE_SYSTEM_CONTROL,
    WdfRequestTypeDeviceControl = IRP_MJ_DEVICE_CONTROL,
    WdfRequestTypeDeviceControlInternal = IRP_MJ_INTERNAL_DEVICE_CONTROL,
    WdfRequestTypeShutdown = IRP_MJ_SHUTDOWN,
    WdfRequestTypeLockControl = IRP_MJ_LOCK_CONTROL,
    WdfRequestTypeCleanup = IRP_MJ_CLEANUP,
    WdfRequestTypeCreateMailSlot = IRP_MJ_CREATE_MAILSLOT,
    WdfRequestTypeQuerySecurity = IRP_MJ_QUERY_SECURITY,
    WdfRequestTypeSetSecurity = IRP_MJ_SET_SECURITY,
    WdfRequestTypePower = IRP_MJ_POWER,
    WdfRequestTypeSystemControl = IRP_MJ_SYSTEM_CONTROL,
    WdfRequestTypeDeviceChange = IRP_MJ_DEVICE_CHANGE,
    WdfRequestTypeQueryQuota = IRP_MJ_QUERY_QUOTA,
    WdfRequestTypeSetQuota = IRP_MJ_SET_QUOTA,
    WdfRequestTypePnp = IRP_MJ_PNP,
    WdfRequestTypeOther,
    WdfRequestTypeUsb,
    WdfRequestTypeNoFormat = 0xFF,
    WdfRequestTypeMax
} WDF_REQUEST_TYPE;

typedef enum _WDF_REQUEST_REUSE_FLAGS {
    WDF_REQUEST_REUSE_NO_FLAGS = 0x00000000,
    WDF_REQUEST_REUSE_SET_NEW_IRP = 0x00000001
} WDF_REQUEST_REUSE_FLAGS;

typedef enum _WDF_REQUEST_STOP_ACTION_FLAGS {
    WdfRequestStopActionInvalid = 0,
    WdfRequestStopActionSuspend = 0x01,
    WdfRequestStopActionPurge = 0x2,
    WdfRequestStopRequestCancelable = 0x10000000
} WDF_REQUEST_STOP_ACTION_FLAGS;

typedef enum _WDF_REQUEST_SEND_OPTIONS_FLAGS {
    WDF_REQUEST_SEND_OPTION_TIMEOUT = 0x00000001,
    WDF_REQUEST_SEND_OPTION_SYNCHRONOUS = 0x00000002,
    WDF_REQUEST_SEND_OPTION_IGNORE_TARGET_STATE = 0x00000004,
    WDF_REQUEST_SEND_OPTION_SEND_AND_FORGET = 0x00000008,
    WDF_REQUEST_SEND_OPTION_IMPERSONATE_CLIENT = 0x00010000,
    WDF_REQUEST_SEND_OPTION_IMPERSONATION_IGNORE_FAILURE = 0x00020000
} WDF_REQUEST_SEND_OPTIONS_FLAGS;

typedef struct _WDF_REQUEST_PARAMETERS {
    USHORT Size;
    UCHAR MinorFunction;
    WDF_REQUEST_TYPE Type;
    union {
        struct {
            PIO_SECURITY_CONTEXT SecurityContext;
            ULONG Options;
            USHORT POINTER_ALIGNMENT FileAttributes;
            USHORT ShareAccess;
            ULONG POINTER_ALIGNMENT EaLength;
        } Create;
        struct {
            size_t Length;
            ULONG POINTER_ALIGNMENT Key;
            LONGLONG DeviceOffset;
        } Read;
        struct {
            size_t Length;
            ULONG POINTER_ALIGNMENT Key;
            LONGLONG DeviceOffset;
        } Write;
        struct {
            size_t OutputBufferLength;
            size_t POINTER_ALIGNMENT InputBufferLength;
            ULONG POINTER_ALIGNMENT IoControlCode;
            PVOID Type3InputBuffer;
        } DeviceIoControl;
        struct {
            PVOID Arg1;
            PVOID Arg2;
            ULONG POINTER_ALIGNMENT IoControlCode;
            PVOID Arg4;
        } Others;
    } Parameters;
} WDF_REQUEST_PARAMETERS, *PWDF_REQUEST_PARAMETERS;

BCSIM_SHIM_INLINE VOID WDF_REQUEST_PARAMETERS_INIT(_Out_ PWDF_REQUEST_PARAMETERS Parameters)
{
    RtlZeroMemory(Parameters, sizeof(WDF_REQUEST_PARAMETERS));
    Parameters->Size = sizeof(WDF_REQUEST_PARAMETERS);
}

typedef struct _WDF_REQUEST_SEND_OPTIONS {
    ULONG Size;
    ULONG Flags;
    LONGLONG Timeout;
} WDF_REQUEST_SEND_OPTIONS, *PWDF_REQUEST_SEND_OPTIONS;

BCSIM_SHIM_INLINE VOID WDF_REQUEST_SEND_OPTIONS_INIT(_Out_ PWDF_REQUEST_SEND_OPTIONS Options,
                                                     _In_ ULONG Flags)
{
    RtlZeroMemory(Options, sizeof(WDF_REQUEST_SEND_OPTIONS));
    Options->Size = sizeof(WDF_REQUEST_SEND_OPTIONS);
    Options->Flags = Flags;
}

BCSIM_SHIM_INLINE VOID WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT(_Inout_ PWDF_REQUEST_SEND_OPTIONS Options,
                                                            _In_ LONGLONG Timeout)
{
    Options->Flags |= WDF_REQUEST_SEND_OPTION_TIMEOUT;
    Options->Timeout = Timeout;
}

typedef struct _WDF_REQUEST_REUSE_PARAMS {
    ULONG Size;
    ULONG Flags;
    NTSTATUS Status;
    PIRP NewIrp;
} WDF_REQUEST_REUSE_PARAMS, *PWDF_REQUEST_REUSE_PARAMS;

BCSIM_SHIM_INLINE VOID WDF_REQUEST_REUSE_PARAMS_INIT(_Out_ PWDF_REQUEST_REUSE_PARAMS Params,
                                                     _In_ ULONG Flags, _In_ NTSTATUS Status)
{
    RtlZeroMemory(Params, sizeof(WDF_REQUEST_REUSE_PARAMS));
    Params->Size = sizeof(WDF_REQUEST_REUSE_PARAMS);
    Params->Flags = Flags;
    Params->Status = Status;
}

typedef struct _WDF_REQUEST_COMPLETION_PARAMS {
    ULONG Size;
    WDF_REQUEST_TYPE Type;
    IO_STATUS_BLOCK IoStatus;
    union {
        struct {
            WDFMEMORY Buffer;
            size_t Length;
            size_t Offset;
        } Write;
        struct {
            WDFMEMORY Buffer;
            size_t Length;
            size_t Offset;
        } Read;
        struct {
            ULONG IoControlCode;
            struct {
                WDFMEMORY Buffer;
                size_t Offset;
            } Input;
            struct {
                WDFMEMORY Buffer;
                size_t Offset;
                size_t Length;
            } Output;
        } Ioctl;
        struct {
            union {
                PVOID Ptr;
                ULONG_PTR Value;
            } Argument1;
            union {
                PVOID Ptr;
                ULONG_PTR Value;
            } Argument2;
            union {
                PVOID Ptr;
                ULONG_PTR Value;
            } Argument3;
            union {
                PVOID Ptr;
                ULONG_PTR Value;
            } Argument4;
        } Others;
        struct {
            PVOID Completion;
        } Usb;
    } Parameters;
} WDF_REQUEST_COMPLETION_PARAMS, *PWDF_REQUEST_COMPLETION_PARAMS;

BCSIM_SHIM_INLINE VOID WDF_REQUEST_COMPLETION_PARAMS_INIT(_Out_ PWDF_REQUEST_COMPLETION_PARAMS Params)
{
    RtlZeroMemory(Params, sizeof(WDF_REQUEST_COMPLETION_PARAMS));
    Params->Size = sizeof(WDF_REQUEST_COMPLETION_PARAMS);
    Params->Type = WdfRequestTypeNoFormat;
}

typedef
_Function_class_(EVT_WDF_REQUEST_CANCEL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_REQUEST_CANCEL(
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_REQUEST_CANCEL *PFN_WDF_REQUEST_CANCEL;

typedef
_Function_class_(EVT_WDF_REQUEST_COMPLETION_ROUTINE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_REQUEST_COMPLETION_ROUTINE(
    _In_ WDFREQUEST Request,
    _In_ WDFIOTARGET Target,
    _In_ PWDF_REQUEST_COMPLETION_PARAMS Params,
    _In_ WDFCONTEXT Context
    );
typedef EVT_WDF_REQUEST_COMPLETION_ROUTINE *PFN_WDF_REQUEST_COMPLETION_ROUTINE;

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES RequestAttributes,
    _In_opt_ WDFIOTARGET IoTarget,
    _Out_ WDFREQUEST *Request
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestReuse(
    _In_ WDFREQUEST Request,
    _In_ PWDF_REQUEST_REUSE_PARAMS ReuseParams
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfRequestSend(
    _In_ WDFREQUEST Request,
    _In_ WDFIOTARGET Target,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS Options
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestGetStatus(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestComplete(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestCompleteWithInformation(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ ULONG_PTR Information
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestCompleteWithPriorityBoost(
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ CCHAR PriorityBoost
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestSetInformation(
    _In_ WDFREQUEST Request,
    _In_ ULONG_PTR Information
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG_PTR
WdfRequestGetInformation(
    _In_ WDFREQUEST Request
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveInputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_(*Length) PVOID *Buffer,
    _Out_opt_ size_t *Length
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveOutputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredSize,
    _Outptr_result_bytebuffer_(*Length) PVOID *Buffer,
    _Out_opt_ size_t *Length
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveInputMemory(
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY *Memory
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveOutputMemory(
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY *Memory
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveInputWdmMdl(
    _In_ WDFREQUEST Request,
    _Outptr_ PMDL *Mdl
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveOutputWdmMdl(
    _In_ WDFREQUEST Request,
    _Outptr_ PMDL *Mdl
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestGetParameters(
    _In_ WDFREQUEST Request,
    _Out_ PWDF_REQUEST_PARAMETERS Parameters
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFQUEUE
WdfRequestGetIoQueue(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFFILEOBJECT
WdfRequestGetFileObject(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
KPROCESSOR_MODE
WdfRequestGetRequestorMode(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PIRP
WdfRequestWdmGetIrp(
    _In_ WDFREQUEST Request
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveUnsafeUserInputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID *InputBuffer,
    _Out_opt_ size_t *Length
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRetrieveUnsafeUserOutputBuffer(
    _In_ WDFREQUEST Request,
    _In_ size_t MinimumRequiredLength,
    _Outptr_result_bytebuffer_maybenull_(*Length) PVOID *OutputBuffer,
    _Out_opt_ size_t *Length
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRequestProbeAndLockUserBufferForRead(
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY *MemoryObject
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRequestProbeAndLockUserBufferForWrite(
    _In_ WDFREQUEST Request,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ size_t Length,
    _Out_ WDFMEMORY *MemoryObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestWdmFormatUsingStackLocation(
    _In_ WDFREQUEST Request,
    _In_ PIO_STACK_LOCATION Stack
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestMarkCancelable(
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestMarkCancelableEx(
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestUnmarkCancelable(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfRequestIsCanceled(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfRequestCancelSentRequest(
    _In_ WDFREQUEST Request
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestForwardToIoQueue(
    _In_ WDFREQUEST Request,
    _In_ WDFQUEUE DestinationQueue
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfRequestRequeue(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestStopAcknowledge(
    _In_ WDFREQUEST Request,
    _In_ BOOLEAN Requeue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestFormatRequestUsingCurrentType(
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestSetCompletionRoutine(
    _In_ WDFREQUEST Request,
    _In_opt_ PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ WDFCONTEXT CompletionContext
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfRequestGetCompletionParams(
    _In_ WDFREQUEST Request,
    _Out_ PWDF_REQUEST_COMPLETION_PARAMS Params
    );

/* ---- wdfio.h ----------------------------------------------------------------------------------- */
typedef enum _WDF_IO_QUEUE_DISPATCH_TYPE {
    WdfIoQueueDispatchInvalid = 0,
    WdfIoQueueDispatchSequential,
    WdfIoQueueDispatchParallel,
    WdfIoQueueDispatchManual,
    WdfIoQueueDispatchMax
} WDF_IO_QUEUE_DISPATCH_TYPE;

typedef enum _WDF_IO_QUEUE_STATE {
    WdfIoQueueAcceptRequests = 0x01,
    WdfIoQueueDispatchRequests = 0x02,
    WdfIoQueueNoRequests = 0x04,
    WdfIoQueueDriverNoRequests = 0x08,
    WdfIoQueuePnpHeld = 0x10
} WDF_IO_QUEUE_STATE;

#define WDF_IO_QUEUE_IDLE(_state) \
    ((((_state) & WdfIoQueueNoRequests) != 0) && (((_state) & WdfIoQueueDriverNoRequests) != 0))
#define WDF_IO_QUEUE_READY(_state) \
    ((((_state) & WdfIoQueueDispatchRequests) != 0) && (((_state) & WdfIoQueueAcceptRequests) != 0))
#define WDF_IO_QUEUE_STOPPED(_state) \
    ((((_state) & WdfIoQueueDispatchRequests) == 0) && (((_state) & WdfIoQueueAcceptRequests) != 0) && \
     (((_state) & WdfIoQueueDriverNoRequests) != 0))
#define WDF_IO_QUEUE_DRAINED(_state) \
    ((((_state) & WdfIoQueueAcceptRequests) == 0) && (((_state) & WdfIoQueueDispatchRequests) != 0))
#define WDF_IO_QUEUE_PURGED(_state) \
    ((((_state) & WdfIoQueueAcceptRequests) == 0) && (((_state) & WdfIoQueueDispatchRequests) == 0))

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_DEFAULT)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_DEFAULT(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_QUEUE_IO_DEFAULT *PFN_WDF_IO_QUEUE_IO_DEFAULT;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_STOP)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_STOP(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ ULONG ActionFlags
    );
typedef EVT_WDF_IO_QUEUE_IO_STOP *PFN_WDF_IO_QUEUE_IO_STOP;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_RESUME)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_RESUME(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_QUEUE_IO_RESUME *PFN_WDF_IO_QUEUE_IO_RESUME;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_READ)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_READ(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t Length
    );
typedef EVT_WDF_IO_QUEUE_IO_READ *PFN_WDF_IO_QUEUE_IO_READ;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_WRITE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_WRITE(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t Length
    );
typedef EVT_WDF_IO_QUEUE_IO_WRITE *PFN_WDF_IO_QUEUE_IO_WRITE;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t OutputBufferLength,
    _In_ size_t InputBufferLength,
    _In_ ULONG IoControlCode
    );
typedef EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL *PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ size_t OutputBufferLength,
    _In_ size_t InputBufferLength,
    _In_ ULONG IoControlCode
    );
typedef EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL *PFN_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE *PFN_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_STATE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_STATE(
    _In_ WDFQUEUE Queue,
    _In_ WDFCONTEXT Context
    );
typedef EVT_WDF_IO_QUEUE_STATE *PFN_WDF_IO_QUEUE_STATE;

typedef struct _WDF_IO_QUEUE_CONFIG {
    ULONG Size;
    WDF_IO_QUEUE_DISPATCH_TYPE DispatchType;
    WDF_TRI_STATE PowerManaged;
    BOOLEAN AllowZeroLengthRequests;
    BOOLEAN DefaultQueue;
    PFN_WDF_IO_QUEUE_IO_DEFAULT EvtIoDefault;
    PFN_WDF_IO_QUEUE_IO_READ EvtIoRead;
    PFN_WDF_IO_QUEUE_IO_WRITE EvtIoWrite;
    PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoDeviceControl;
    PFN_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL EvtIoInternalDeviceControl;
    PFN_WDF_IO_QUEUE_IO_STOP EvtIoStop;
    PFN_WDF_IO_QUEUE_IO_RESUME EvtIoResume;
    PFN_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE EvtIoCanceledOnQueue;
    union {
        struct {
            ULONG NumberOfPresentedRequests;
        } Parallel;
    } Settings;
    WDFDRIVER Driver;
} WDF_IO_QUEUE_CONFIG, *PWDF_IO_QUEUE_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_IO_QUEUE_CONFIG_INIT(_Out_ PWDF_IO_QUEUE_CONFIG Config,
                                                _In_ WDF_IO_QUEUE_DISPATCH_TYPE DispatchType)
{
    RtlZeroMemory(Config, sizeof(WDF_IO_QUEUE_CONFIG));
    Config->Size = sizeof(WDF_IO_QUEUE_CONFIG);
    Config->PowerManaged = WdfUseDefault;
    Config->DispatchType = DispatchType;
    if (Config->DispatchType == WdfIoQueueDispatchParallel)
        Config->Settings.Parallel.NumberOfPresentedRequests = (ULONG)-1;
}

BCSIM_SHIM_INLINE VOID WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(_Out_ PWDF_IO_QUEUE_CONFIG Config,
                                                              _In_ WDF_IO_QUEUE_DISPATCH_TYPE DispatchType)
{
    WDF_IO_QUEUE_CONFIG_INIT(Config, DispatchType);
    Config->DefaultQueue = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoQueueCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_IO_QUEUE_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES QueueAttributes,
    _Out_opt_ WDFQUEUE *Queue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDF_IO_QUEUE_STATE
WdfIoQueueGetState(
    _In_ WDFQUEUE Queue,
    _Out_opt_ PULONG QueueRequests,
    _Out_opt_ PULONG DriverRequests
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfIoQueueStart(
    _In_ WDFQUEUE Queue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfIoQueueStop(
    _In_ WDFQUEUE Queue,
    _When_(Context != 0, _In_) _When_(Context == 0, _In_opt_) PFN_WDF_IO_QUEUE_STATE StopComplete,
    _When_(StopComplete != 0, _In_) _When_(StopComplete == 0, _In_opt_) WDFCONTEXT Context
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfIoQueueStopSynchronously(
    _In_ WDFQUEUE Queue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
WdfIoQueueGetDevice(
    _In_ WDFQUEUE Queue
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoQueueRetrieveNextRequest(
    _In_ WDFQUEUE Queue,
    _Out_ WDFREQUEST *OutRequest
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoQueueRetrieveRequestByFileObject(
    _In_ WDFQUEUE Queue,
    _In_ WDFFILEOBJECT FileObject,
    _Out_ WDFREQUEST *OutRequest
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoQueueFindRequest(
    _In_ WDFQUEUE Queue,
    _In_opt_ WDFREQUEST FoundRequest,
    _In_opt_ WDFFILEOBJECT FileObject,
    _Inout_opt_ PWDF_REQUEST_PARAMETERS Parameters,
    _Out_ WDFREQUEST *OutRequest
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoQueueRetrieveFoundRequest(
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST FoundRequest,
    _Out_ WDFREQUEST *OutRequest
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfIoQueuePurge(
    _In_ WDFQUEUE Queue,
    _When_(Context != 0, _In_) _When_(Context == 0, _In_opt_) PFN_WDF_IO_QUEUE_STATE PurgeComplete,
    _When_(PurgeComplete != 0, _In_) _When_(PurgeComplete == 0, _In_opt_) WDFCONTEXT Context
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfIoQueuePurgeSynchronously(
    _In_ WDFQUEUE Queue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfIoQueueDrain(
    _In_ WDFQUEUE Queue,
    _When_(Context != 0, _In_) _When_(Context == 0, _In_opt_) PFN_WDF_IO_QUEUE_STATE DrainComplete,
    _When_(DrainComplete != 0, _In_) _When_(DrainComplete == 0, _In_opt_) WDFCONTEXT Context
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfIoQueueDrainSynchronously(
    _In_ WDFQUEUE Queue
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoQueueReadyNotify(
    _In_ WDFQUEUE Queue,
    _In_opt_ PFN_WDF_IO_QUEUE_STATE QueueReady,
    _In_opt_ WDFCONTEXT Context
    );

/* ---- wdfiotarget.h ----------------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDEVICE_OBJECT
WdfIoTargetWdmGetTargetDeviceObject(
    _In_ WDFIOTARGET IoTarget
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetSendIoctlSynchronously(
    _In_ WDFIOTARGET IoTarget,
    _In_opt_ WDFREQUEST Request,
    _In_ ULONG IoctlCode,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR InputBuffer,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR OutputBuffer,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _Out_opt_ PULONG_PTR BytesReturned
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetSendInternalIoctlSynchronously(
    _In_ WDFIOTARGET IoTarget,
    _In_opt_ WDFREQUEST Request,
    _In_ ULONG IoctlCode,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR InputBuffer,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR OutputBuffer,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _Out_opt_ PULONG_PTR BytesReturned
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetFormatRequestForIoctl(
    _In_ WDFIOTARGET IoTarget,
    _In_ WDFREQUEST Request,
    _In_ ULONG IoctlCode,
    _In_opt_ WDFMEMORY InputBuffer,
    _In_opt_ PWDFMEMORY_OFFSET InputBufferOffset,
    _In_opt_ WDFMEMORY OutputBuffer,
    _In_opt_ PWDFMEMORY_OFFSET OutputBufferOffset
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetFormatRequestForInternalIoctl(
    _In_ WDFIOTARGET IoTarget,
    _In_ WDFREQUEST Request,
    _In_ ULONG IoctlCode,
    _In_opt_ WDFMEMORY InputBuffer,
    _In_opt_ PWDFMEMORY_OFFSET InputBufferOffset,
    _In_opt_ WDFMEMORY OutputBuffer,
    _In_opt_ PWDFMEMORY_OFFSET OutputBufferOffset
    );

/* Remote I/O targets: created, opened (an existing device object; a name resolves to nothing on
 * bcsim's machine), started, stopped and closed; nothing is ever sent (see the sending routines). */
typedef enum _WDF_IO_TARGET_STATE {
    WdfIoTargetStateUndefined = 0,
    WdfIoTargetStarted,
    WdfIoTargetStopped,
    WdfIoTargetClosedForQueryRemove,
    WdfIoTargetClosed,
    WdfIoTargetDeleted,
    WdfIoTargetPurged
} WDF_IO_TARGET_STATE, *PWDF_IO_TARGET_STATE;

typedef enum _WDF_IO_TARGET_OPEN_TYPE {
    WdfIoTargetOpenUndefined = 0,
    WdfIoTargetOpenUseExistingDevice = 1,
    WdfIoTargetOpenByName = 2,
    WdfIoTargetOpenReopen = 3,
    WdfIoTargetOpenLocalTargetByFile = 4
} WDF_IO_TARGET_OPEN_TYPE;

typedef enum _WDF_IO_TARGET_SENT_IO_ACTION {
    WdfIoTargetSentIoUndefined = 0,
    WdfIoTargetCancelSentIo,
    WdfIoTargetWaitForSentIoToComplete,
    WdfIoTargetLeaveSentIoPending
} WDF_IO_TARGET_SENT_IO_ACTION;

typedef
_Function_class_(EVT_WDF_IO_TARGET_QUERY_REMOVE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_IO_TARGET_QUERY_REMOVE(
    _In_ WDFIOTARGET IoTarget
    );
typedef EVT_WDF_IO_TARGET_QUERY_REMOVE *PFN_WDF_IO_TARGET_QUERY_REMOVE;

typedef
_Function_class_(EVT_WDF_IO_TARGET_REMOVE_CANCELED)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_IO_TARGET_REMOVE_CANCELED(
    _In_ WDFIOTARGET IoTarget
    );
typedef EVT_WDF_IO_TARGET_REMOVE_CANCELED *PFN_WDF_IO_TARGET_REMOVE_CANCELED;

typedef
_Function_class_(EVT_WDF_IO_TARGET_REMOVE_COMPLETE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_IO_TARGET_REMOVE_COMPLETE(
    _In_ WDFIOTARGET IoTarget
    );
typedef EVT_WDF_IO_TARGET_REMOVE_COMPLETE *PFN_WDF_IO_TARGET_REMOVE_COMPLETE;

typedef struct _WDF_IO_TARGET_OPEN_PARAMS {
    ULONG Size;
    WDF_IO_TARGET_OPEN_TYPE Type;
    PFN_WDF_IO_TARGET_QUERY_REMOVE EvtIoTargetQueryRemove;
    PFN_WDF_IO_TARGET_REMOVE_CANCELED EvtIoTargetRemoveCanceled;
    PFN_WDF_IO_TARGET_REMOVE_COMPLETE EvtIoTargetRemoveComplete;
    PDEVICE_OBJECT TargetDeviceObject;            /* WdfIoTargetOpenUseExistingDevice */
    PFILE_OBJECT TargetFileObject;
    UNICODE_STRING TargetDeviceName;              /* WdfIoTargetOpenByName */
    ACCESS_MASK DesiredAccess;
    ULONG ShareAccess;
    ULONG FileAttributes;
    ULONG CreateDisposition;
    ULONG CreateOptions;
    PVOID EaBuffer;
    ULONG EaBufferLength;
    PLONGLONG AllocationSize;
    ULONG FileInformation;                        /* out: FILE_OPENED, ... */
    UNICODE_STRING FileName;                      /* WdfIoTargetOpenLocalTargetByFile */
} WDF_IO_TARGET_OPEN_PARAMS, *PWDF_IO_TARGET_OPEN_PARAMS;

BCSIM_SHIM_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_EXISTING_DEVICE(_Out_ PWDF_IO_TARGET_OPEN_PARAMS Params,
                                                                      _In_ PDEVICE_OBJECT DeviceObject)
{
    RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
    Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
    Params->Type = WdfIoTargetOpenUseExistingDevice;
    Params->TargetDeviceObject = DeviceObject;
}

BCSIM_SHIM_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_CREATE_BY_NAME(_Out_ PWDF_IO_TARGET_OPEN_PARAMS Params,
                                                                     _In_ PCUNICODE_STRING TargetDeviceName,
                                                                     _In_ ACCESS_MASK DesiredAccess)
{
    RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
    Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
    Params->Type = WdfIoTargetOpenByName;
    Params->TargetDeviceName = *TargetDeviceName;
    Params->DesiredAccess = DesiredAccess;
    Params->CreateOptions = FILE_NON_DIRECTORY_FILE;
}

BCSIM_SHIM_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(_Out_ PWDF_IO_TARGET_OPEN_PARAMS Params,
                                                                   _In_ PCUNICODE_STRING TargetDeviceName,
                                                                   _In_ ACCESS_MASK DesiredAccess)
{
    WDF_IO_TARGET_OPEN_PARAMS_INIT_CREATE_BY_NAME(Params, TargetDeviceName, DesiredAccess);
    Params->CreateDisposition = FILE_OPEN;
}

BCSIM_SHIM_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_REOPEN(_Out_ PWDF_IO_TARGET_OPEN_PARAMS Params)
{
    RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
    Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
    Params->Type = WdfIoTargetOpenReopen;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetCreate(
    _In_ WDFDEVICE Device,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES IoTargetAttributes,
    _Out_ WDFIOTARGET *IoTarget
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetOpen(
    _In_ WDFIOTARGET IoTarget,
    _In_ PWDF_IO_TARGET_OPEN_PARAMS OpenParams
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfIoTargetCloseForQueryRemove(
    _In_ WDFIOTARGET IoTarget
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfIoTargetClose(
    _In_ WDFIOTARGET IoTarget
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetStart(
    _In_ WDFIOTARGET IoTarget
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfIoTargetStop(
    _In_ WDFIOTARGET IoTarget,
    _In_ WDF_IO_TARGET_SENT_IO_ACTION Action
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDF_IO_TARGET_STATE
WdfIoTargetGetState(
    _In_ WDFIOTARGET IoTarget
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
WdfIoTargetGetDevice(
    _In_ WDFIOTARGET IoTarget
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PFILE_OBJECT
WdfIoTargetWdmGetTargetFileObject(
    _In_ WDFIOTARGET IoTarget
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDEVICE_OBJECT
WdfIoTargetWdmGetTargetPhysicalDevice(
    _In_ WDFIOTARGET IoTarget
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetQueryTargetProperty(
    _In_ WDFIOTARGET IoTarget,
    _In_ DEVICE_REGISTRY_PROPERTY DeviceProperty,
    _In_ ULONG BufferLength,
    _Out_writes_bytes_opt_(BufferLength) PVOID PropertyBuffer,
    _Out_ PULONG ResultLength
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetSendReadSynchronously(
    _In_ WDFIOTARGET IoTarget,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR OutputBuffer,
    _In_opt_ PLONGLONG DeviceOffset,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _Out_opt_ PULONG_PTR BytesRead
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetSendWriteSynchronously(
    _In_ WDFIOTARGET IoTarget,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR InputBuffer,
    _In_opt_ PLONGLONG DeviceOffset,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _Out_opt_ PULONG_PTR BytesWritten
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetFormatRequestForRead(
    _In_ WDFIOTARGET IoTarget,
    _In_ WDFREQUEST Request,
    _In_opt_ WDFMEMORY OutputBuffer,
    _In_opt_ PWDFMEMORY_OFFSET OutputBufferOffset,
    _In_opt_ PLONGLONG DeviceOffset
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfIoTargetFormatRequestForWrite(
    _In_ WDFIOTARGET IoTarget,
    _In_ WDFREQUEST Request,
    _In_opt_ WDFMEMORY InputBuffer,
    _In_opt_ PWDFMEMORY_OFFSET InputBufferOffset,
    _In_opt_ PLONGLONG DeviceOffset
    );

/* ---- wdffileobject.h --------------------------------------------------------------------------- */
typedef enum _WDF_FILEOBJECT_CLASS {
    WdfFileObjectInvalid = 0,
    WdfFileObjectNotRequired = 1,
    WdfFileObjectWdfCanUseFsContext = 2,
    WdfFileObjectWdfCanUseFsContext2 = 3,
    WdfFileObjectWdfCannotUseFsContexts = 4,
    WdfFileObjectCanBeOptional = (int)0x80000000
} WDF_FILEOBJECT_CLASS, *PWDF_FILEOBJECT_CLASS;

typedef
_Function_class_(EVT_WDF_DEVICE_FILE_CREATE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_FILE_CREATE(
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request,
    _In_ WDFFILEOBJECT FileObject
    );
typedef EVT_WDF_DEVICE_FILE_CREATE *PFN_WDF_DEVICE_FILE_CREATE;

typedef
_Function_class_(EVT_WDF_FILE_CLOSE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_FILE_CLOSE(
    _In_ WDFFILEOBJECT FileObject
    );
typedef EVT_WDF_FILE_CLOSE *PFN_WDF_FILE_CLOSE;

typedef
_Function_class_(EVT_WDF_FILE_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_FILE_CLEANUP(
    _In_ WDFFILEOBJECT FileObject
    );
typedef EVT_WDF_FILE_CLEANUP *PFN_WDF_FILE_CLEANUP;

typedef struct _WDF_FILEOBJECT_CONFIG {
    ULONG Size;
    PFN_WDF_DEVICE_FILE_CREATE EvtDeviceFileCreate;
    PFN_WDF_FILE_CLOSE EvtFileClose;
    PFN_WDF_FILE_CLEANUP EvtFileCleanup;
    WDF_TRI_STATE AutoForwardCleanupClose;
    WDF_FILEOBJECT_CLASS FileObjectClass;
} WDF_FILEOBJECT_CONFIG, *PWDF_FILEOBJECT_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_FILEOBJECT_CONFIG_INIT(_Out_ PWDF_FILEOBJECT_CONFIG FileEventCallbacks,
                                                  _In_opt_ PFN_WDF_DEVICE_FILE_CREATE EvtDeviceFileCreate,
                                                  _In_opt_ PFN_WDF_FILE_CLOSE EvtFileClose,
                                                  _In_opt_ PFN_WDF_FILE_CLEANUP EvtFileCleanup)
{
    RtlZeroMemory(FileEventCallbacks, sizeof(WDF_FILEOBJECT_CONFIG));
    FileEventCallbacks->Size = sizeof(WDF_FILEOBJECT_CONFIG);
    FileEventCallbacks->EvtDeviceFileCreate = EvtDeviceFileCreate;
    FileEventCallbacks->EvtFileClose = EvtFileClose;
    FileEventCallbacks->EvtFileCleanup = EvtFileCleanup;
    FileEventCallbacks->FileObjectClass = WdfFileObjectWdfCannotUseFsContexts;
    FileEventCallbacks->AutoForwardCleanupClose = WdfUseDefault;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
PUNICODE_STRING
WdfFileObjectGetFileName(
    _In_ WDFFILEOBJECT FileObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG
WdfFileObjectGetFlags(
    _In_ WDFFILEOBJECT FileObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
WdfFileObjectGetDevice(
    _In_ WDFFILEOBJECT FileObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PFILE_OBJECT
WdfFileObjectWdmGetFileObject(
    _In_ WDFFILEOBJECT FileObject
    );

WDF_EXTERN_C_END

#endif /* BCSIM_SHIM_WDF_IO_H */
