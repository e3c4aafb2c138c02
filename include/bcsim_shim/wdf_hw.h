/*
 * bcsim shim: interrupts (wdfinterrupt.h), DPCs (wdfdpc.h), timers (wdftimer.h), work items
 * (wdfworkitem.h), DMA enablers, common buffers and transactions (wdfdmaenabler.h,
 * wdfcommonbuffer.h, wdfdmatransaction.h), part of wdf.h.
 *
 * bcsim creates these objects and keeps them with their device; no interrupt fires, and no DPC,
 * timer or work item callback runs (least of all during a bug check, when the machine runs
 * nothing else). Interrupt enable/disable and the DMA enabler callbacks are part of the power
 * sequence and run there.
 */
#ifndef BCSIM_SHIM_WDF_HW_H
#define BCSIM_SHIM_WDF_HW_H

#ifndef BCSIM_SHIM_WDF_H
#  error "include <wdf.h>, not bcsim_shim/wdf_hw.h"
#endif

WDF_EXTERN_C_START

/* ---- wdfinterrupt.h ---------------------------------------------------------------------------- */
typedef enum _WDF_INTERRUPT_POLARITY {
    WdfInterruptPolarityUnknown = 0,
    WdfInterruptActiveHigh,
    WdfInterruptActiveLow
} WDF_INTERRUPT_POLARITY, *PWDF_INTERRUPT_POLARITY;

typedef enum _WDF_INTERRUPT_POLICY {
    WdfIrqPolicyMachineDefault = 0,
    WdfIrqPolicyAllCloseProcessors,
    WdfIrqPolicyOneCloseProcessor,
    WdfIrqPolicyAllProcessorsInMachine,
    WdfIrqPolicySpecifiedProcessors,
    WdfIrqPolicySpreadMessagesAcrossAllProcessors
} WDF_INTERRUPT_POLICY, *PWDF_INTERRUPT_POLICY;

typedef enum _WDF_INTERRUPT_PRIORITY {
    WdfIrqPriorityUndefined = 0,
    WdfIrqPriorityLow,
    WdfIrqPriorityNormal,
    WdfIrqPriorityHigh
} WDF_INTERRUPT_PRIORITY, *PWDF_INTERRUPT_PRIORITY;

typedef
_Function_class_(EVT_WDF_INTERRUPT_ISR)
_IRQL_requires_same_
BOOLEAN
NTAPI
EVT_WDF_INTERRUPT_ISR(
    _In_ WDFINTERRUPT Interrupt,
    _In_ ULONG MessageID
    );
typedef EVT_WDF_INTERRUPT_ISR *PFN_WDF_INTERRUPT_ISR;

typedef
_Function_class_(EVT_WDF_INTERRUPT_SYNCHRONIZE)
_IRQL_requires_same_
BOOLEAN
NTAPI
EVT_WDF_INTERRUPT_SYNCHRONIZE(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFCONTEXT Context
    );
typedef EVT_WDF_INTERRUPT_SYNCHRONIZE *PFN_WDF_INTERRUPT_SYNCHRONIZE;

typedef
_Function_class_(EVT_WDF_INTERRUPT_DPC)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_INTERRUPT_DPC(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFOBJECT AssociatedObject
    );
typedef EVT_WDF_INTERRUPT_DPC *PFN_WDF_INTERRUPT_DPC;

typedef
_Function_class_(EVT_WDF_INTERRUPT_ENABLE)
_IRQL_requires_same_
NTSTATUS
NTAPI
EVT_WDF_INTERRUPT_ENABLE(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFDEVICE AssociatedDevice
    );
typedef EVT_WDF_INTERRUPT_ENABLE *PFN_WDF_INTERRUPT_ENABLE;

typedef
_Function_class_(EVT_WDF_INTERRUPT_DISABLE)
_IRQL_requires_same_
NTSTATUS
NTAPI
EVT_WDF_INTERRUPT_DISABLE(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFDEVICE AssociatedDevice
    );
typedef EVT_WDF_INTERRUPT_DISABLE *PFN_WDF_INTERRUPT_DISABLE;

typedef
_Function_class_(EVT_WDF_INTERRUPT_WORKITEM)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_INTERRUPT_WORKITEM(
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFOBJECT AssociatedObject
    );
typedef EVT_WDF_INTERRUPT_WORKITEM *PFN_WDF_INTERRUPT_WORKITEM;

typedef struct _WDF_INTERRUPT_CONFIG {
    ULONG Size;
    WDFSPINLOCK SpinLock;
    WDF_TRI_STATE ShareVector;
    BOOLEAN FloatingSave;
    BOOLEAN AutomaticSerialization;
    PFN_WDF_INTERRUPT_ISR EvtInterruptIsr;
    PFN_WDF_INTERRUPT_DPC EvtInterruptDpc;
    PFN_WDF_INTERRUPT_ENABLE EvtInterruptEnable;
    PFN_WDF_INTERRUPT_DISABLE EvtInterruptDisable;
    PFN_WDF_INTERRUPT_WORKITEM EvtInterruptWorkItem;
    PCM_PARTIAL_RESOURCE_DESCRIPTOR InterruptRaw;
    PCM_PARTIAL_RESOURCE_DESCRIPTOR InterruptTranslated;
    WDFWAITLOCK WaitLock;
    BOOLEAN PassiveHandling;
    WDF_TRI_STATE ReportInactiveOnPowerDown;
    BOOLEAN CanWakeDevice;
} WDF_INTERRUPT_CONFIG, *PWDF_INTERRUPT_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_INTERRUPT_CONFIG_INIT(_Out_ PWDF_INTERRUPT_CONFIG Configuration,
                                                 _In_ PFN_WDF_INTERRUPT_ISR EvtInterruptIsr,
                                                 _In_opt_ PFN_WDF_INTERRUPT_DPC EvtInterruptDpc)
{
    RtlZeroMemory(Configuration, sizeof(WDF_INTERRUPT_CONFIG));
    Configuration->Size = sizeof(WDF_INTERRUPT_CONFIG);
    Configuration->ShareVector = WdfUseDefault;
    Configuration->EvtInterruptIsr = EvtInterruptIsr;
    Configuration->EvtInterruptDpc = EvtInterruptDpc;
    Configuration->ReportInactiveOnPowerDown = WdfUseDefault;
}

typedef struct _WDF_INTERRUPT_INFO {
    ULONG Size;
    ULONG64 Reserved1;
    KAFFINITY TargetProcessorSet;
    ULONG Reserved2;
    ULONG MessageNumber;
    ULONG Vector;
    KIRQL Irql;
    KINTERRUPT_MODE Mode;
    WDF_INTERRUPT_POLARITY Polarity;
    BOOLEAN MessageSignaled;
    UCHAR ShareDisposition;
    USHORT Group;
} WDF_INTERRUPT_INFO, *PWDF_INTERRUPT_INFO;

BCSIM_SHIM_INLINE VOID WDF_INTERRUPT_INFO_INIT(_Out_ PWDF_INTERRUPT_INFO Info)
{
    RtlZeroMemory(Info, sizeof(WDF_INTERRUPT_INFO));
    Info->Size = sizeof(WDF_INTERRUPT_INFO);
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfInterruptCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFINTERRUPT *Interrupt
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
BOOLEAN
WdfInterruptQueueDpcForIsr(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
BOOLEAN
WdfInterruptQueueWorkItemForIsr(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfInterruptSynchronize(
    _In_ WDFINTERRUPT Interrupt,
    _In_ PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
    _In_ WDFCONTEXT Context
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
VOID
WdfInterruptAcquireLock(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
VOID
WdfInterruptReleaseLock(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfInterruptEnable(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfInterruptDisable(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PKINTERRUPT
WdfInterruptWdmGetInterrupt(
    _In_ WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfInterruptGetInfo(
    _In_ WDFINTERRUPT Interrupt,
    _Out_ PWDF_INTERRUPT_INFO Info
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
WDFDEVICE
WdfInterruptGetDevice(
    _In_ WDFINTERRUPT Interrupt
    );

/* ---- wdfdpc.h ---------------------------------------------------------------------------------- */
typedef
_Function_class_(EVT_WDF_DPC)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_DPC(
    _In_ WDFDPC Dpc
    );
typedef EVT_WDF_DPC *PFN_WDF_DPC;

typedef struct _WDF_DPC_CONFIG {
    ULONG Size;
    PFN_WDF_DPC EvtDpcFunc;
    BOOLEAN AutomaticSerialization;
} WDF_DPC_CONFIG, *PWDF_DPC_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_DPC_CONFIG_INIT(_Out_ PWDF_DPC_CONFIG Config, _In_ PFN_WDF_DPC EvtDpcFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_DPC_CONFIG));
    Config->Size = sizeof(WDF_DPC_CONFIG);
    Config->EvtDpcFunc = EvtDpcFunc;
    Config->AutomaticSerialization = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDpcCreate(
    _In_ PWDF_DPC_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDPC *Dpc
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
BOOLEAN
WdfDpcEnqueue(
    _In_ WDFDPC Dpc
    );

/* DISPATCH_LEVEL, PASSIVE_LEVEL when Wait is TRUE. */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfDpcCancel(
    _In_ WDFDPC Dpc,
    _In_ BOOLEAN Wait
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
WDFOBJECT
WdfDpcGetParentObject(
    _In_ WDFDPC Dpc
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
PKDPC
WdfDpcWdmGetDpc(
    _In_ WDFDPC Dpc
    );

/* ---- wdftimer.h -------------------------------------------------------------------------------- */
#define TolerableDelayUnlimited ((ULONG)-1)

typedef
_Function_class_(EVT_WDF_TIMER)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_TIMER(
    _In_ WDFTIMER Timer
    );
typedef EVT_WDF_TIMER *PFN_WDF_TIMER;

typedef struct _WDF_TIMER_CONFIG {
    ULONG Size;
    PFN_WDF_TIMER EvtTimerFunc;
    ULONG Period;
    BOOLEAN AutomaticSerialization;
    ULONG TolerableDelay;
    BOOLEAN UseHighResolutionTimer;
} WDF_TIMER_CONFIG, *PWDF_TIMER_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_TIMER_CONFIG_INIT(_Out_ PWDF_TIMER_CONFIG Config, _In_ PFN_WDF_TIMER EvtTimerFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
    Config->Size = sizeof(WDF_TIMER_CONFIG);
    Config->EvtTimerFunc = EvtTimerFunc;
    Config->Period = 0;
    Config->AutomaticSerialization = TRUE;
    Config->TolerableDelay = 0;
}

BCSIM_SHIM_INLINE VOID WDF_TIMER_CONFIG_INIT_PERIODIC(_Out_ PWDF_TIMER_CONFIG Config,
                                                      _In_ PFN_WDF_TIMER EvtTimerFunc, _In_ LONG Period)
{
    RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
    Config->Size = sizeof(WDF_TIMER_CONFIG);
    Config->EvtTimerFunc = EvtTimerFunc;
    Config->Period = (ULONG)Period;
    Config->AutomaticSerialization = TRUE;
    Config->TolerableDelay = 0;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfTimerCreate(
    _In_ PWDF_TIMER_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFTIMER *Timer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfTimerStart(
    _In_ WDFTIMER Timer,
    _In_ LONGLONG DueTime
    );

/* DISPATCH_LEVEL, PASSIVE_LEVEL when Wait is TRUE. */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfTimerStop(
    _In_ WDFTIMER Timer,
    _In_ BOOLEAN Wait
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
WdfTimerGetParentObject(
    _In_ WDFTIMER Timer
    );

/* ---- wdfworkitem.h ----------------------------------------------------------------------------- */
typedef
_Function_class_(EVT_WDF_WORKITEM)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_WORKITEM(
    _In_ WDFWORKITEM WorkItem
    );
typedef EVT_WDF_WORKITEM *PFN_WDF_WORKITEM;

typedef struct _WDF_WORKITEM_CONFIG {
    ULONG Size;
    PFN_WDF_WORKITEM EvtWorkItemFunc;
    BOOLEAN AutomaticSerialization;
} WDF_WORKITEM_CONFIG, *PWDF_WORKITEM_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_WORKITEM_CONFIG_INIT(_Out_ PWDF_WORKITEM_CONFIG Config,
                                                _In_ PFN_WDF_WORKITEM EvtWorkItemFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_WORKITEM_CONFIG));
    Config->Size = sizeof(WDF_WORKITEM_CONFIG);
    Config->EvtWorkItemFunc = EvtWorkItemFunc;
    Config->AutomaticSerialization = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfWorkItemCreate(
    _In_ PWDF_WORKITEM_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFWORKITEM *WorkItem
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfWorkItemEnqueue(
    _In_ WDFWORKITEM WorkItem
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
WdfWorkItemGetParentObject(
    _In_ WDFWORKITEM WorkItem
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfWorkItemFlush(
    _In_ WDFWORKITEM WorkItem
    );

/* ---- wdfdmaenabler.h, wdfcommonbuffer.h, wdfdmatransaction.h ---------------------------------- */
typedef enum _WDF_DMA_PROFILE {
    WdfDmaProfileInvalid = 0,
    WdfDmaProfilePacket,
    WdfDmaProfileScatterGather,
    WdfDmaProfilePacket64,
    WdfDmaProfileScatterGather64,
    WdfDmaProfileScatterGatherDuplex,
    WdfDmaProfileScatterGather64Duplex,
    WdfDmaProfileSystem,
    WdfDmaProfileSystemDuplex,
    WdfDmaProfileMaximum
} WDF_DMA_PROFILE;

typedef enum _WDF_DMA_DIRECTION {
    WdfDmaDirectionReadFromDevice = FALSE,
    WdfDmaDirectionWriteToDevice = TRUE
} WDF_DMA_DIRECTION;

typedef enum _WDF_DMA_ENABLER_CONFIG_FLAGS {
    WDF_DMA_ENABLER_CONFIG_NO_SGLIST_PREALLOCATION = 0x00000001,
    WDF_DMA_ENABLER_CONFIG_REQUIRE_SINGLE_TRANSFER = 0x00000002
} WDF_DMA_ENABLER_CONFIG_FLAGS;

#define BCSIM_WDF_DMA_EVENT(_x)                                                                 \
    typedef _Function_class_(EVT_WDF_DMA_ENABLER_##_x) _IRQL_requires_same_                       \
    _IRQL_requires_max_(PASSIVE_LEVEL) NTSTATUS NTAPI EVT_WDF_DMA_ENABLER_##_x(                   \
        _In_ WDFDMAENABLER DmaEnabler);                                                           \
    typedef EVT_WDF_DMA_ENABLER_##_x *PFN_WDF_DMA_ENABLER_##_x
BCSIM_WDF_DMA_EVENT(FILL);
BCSIM_WDF_DMA_EVENT(FLUSH);
BCSIM_WDF_DMA_EVENT(ENABLE);
BCSIM_WDF_DMA_EVENT(DISABLE);
BCSIM_WDF_DMA_EVENT(SELFMANAGED_IO_START);
BCSIM_WDF_DMA_EVENT(SELFMANAGED_IO_STOP);

struct _SCATTER_GATHER_LIST;
typedef
_Function_class_(EVT_WDF_PROGRAM_DMA)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN
NTAPI
EVT_WDF_PROGRAM_DMA(
    _In_ WDFDMATRANSACTION Transaction,
    _In_ WDFDEVICE Device,
    _In_ WDFCONTEXT Context,
    _In_ WDF_DMA_DIRECTION Direction,
    _In_ struct _SCATTER_GATHER_LIST *SgList
    );
typedef EVT_WDF_PROGRAM_DMA *PFN_WDF_PROGRAM_DMA;

typedef struct _WDF_DMA_ENABLER_CONFIG {
    ULONG Size;
    WDF_DMA_PROFILE Profile;
    size_t MaximumLength;
    PFN_WDF_DMA_ENABLER_FILL EvtDmaEnablerFill;
    PFN_WDF_DMA_ENABLER_FLUSH EvtDmaEnablerFlush;
    PFN_WDF_DMA_ENABLER_DISABLE EvtDmaEnablerDisable;
    PFN_WDF_DMA_ENABLER_ENABLE EvtDmaEnablerEnable;
    PFN_WDF_DMA_ENABLER_SELFMANAGED_IO_START EvtDmaEnablerSelfManagedIoStart;
    PFN_WDF_DMA_ENABLER_SELFMANAGED_IO_STOP EvtDmaEnablerSelfManagedIoStop;
    ULONG AddressWidthOverride;
    ULONG WdmDmaVersionOverride;
    ULONG Flags;
} WDF_DMA_ENABLER_CONFIG, *PWDF_DMA_ENABLER_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_DMA_ENABLER_CONFIG_INIT(_Out_ PWDF_DMA_ENABLER_CONFIG Config,
                                                   _In_ WDF_DMA_PROFILE Profile,
                                                   _In_ size_t MaximumLength)
{
    RtlZeroMemory(Config, sizeof(WDF_DMA_ENABLER_CONFIG));
    Config->Size = sizeof(WDF_DMA_ENABLER_CONFIG);
    Config->Profile = Profile;
    Config->MaximumLength = MaximumLength;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDmaEnablerCreate(
    _In_ WDFDEVICE Device,
    _In_ PWDF_DMA_ENABLER_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDMAENABLER *DmaEnablerHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
size_t
WdfDmaEnablerGetMaximumLength(
    _In_ WDFDMAENABLER DmaEnabler
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
size_t
WdfDmaEnablerGetMaximumScatterGatherElements(
    _In_ WDFDMAENABLER DmaEnabler
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDmaEnablerSetMaximumScatterGatherElements(
    _In_ WDFDMAENABLER DmaEnabler,
    _In_ size_t MaximumFragments
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDMA_ADAPTER
WdfDmaEnablerWdmGetDmaAdapter(
    _In_ WDFDMAENABLER DmaEnabler,
    _In_ WDF_DMA_DIRECTION DmaDirection
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfCommonBufferCreate(
    _In_ WDFDMAENABLER DmaEnabler,
    _In_ size_t Length,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFCOMMONBUFFER *CommonBuffer
    );

typedef struct _WDF_COMMON_BUFFER_CONFIG {
    ULONG Size;
    ULONG AlignmentRequirement;       /* an alignment mask: FILE_*_ALIGNMENT */
} WDF_COMMON_BUFFER_CONFIG, *PWDF_COMMON_BUFFER_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_COMMON_BUFFER_CONFIG_INIT(_Out_ PWDF_COMMON_BUFFER_CONFIG Config,
                                                     _In_ ULONG AlignmentRequirement)
{
    RtlZeroMemory(Config, sizeof(WDF_COMMON_BUFFER_CONFIG));
    Config->Size = sizeof(WDF_COMMON_BUFFER_CONFIG);
    Config->AlignmentRequirement = AlignmentRequirement;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfCommonBufferCreateWithConfig(
    _In_ WDFDMAENABLER DmaEnabler,
    _In_ size_t Length,
    _In_ PWDF_COMMON_BUFFER_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFCOMMONBUFFER *CommonBuffer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PVOID
WdfCommonBufferGetAlignedVirtualAddress(
    _In_ WDFCOMMONBUFFER CommonBuffer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PHYSICAL_ADDRESS
WdfCommonBufferGetAlignedLogicalAddress(
    _In_ WDFCOMMONBUFFER CommonBuffer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
size_t
WdfCommonBufferGetLength(
    _In_ WDFCOMMONBUFFER CommonBuffer
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDmaTransactionCreate(
    _In_ WDFDMAENABLER DmaEnabler,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDMATRANSACTION *DmaTransaction
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDmaTransactionInitialize(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_ PFN_WDF_PROGRAM_DMA EvtProgramDmaFunction,
    _In_ WDF_DMA_DIRECTION DmaDirection,
    _In_ PMDL Mdl,
    _In_ PVOID VirtualAddress,
    _In_ size_t Length
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDmaTransactionInitializeUsingRequest(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_PROGRAM_DMA EvtProgramDmaFunction,
    _In_ WDF_DMA_DIRECTION DmaDirection
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDmaTransactionExecute(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_opt_ WDFCONTEXT Context
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfDmaTransactionDmaCompleted(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _Out_ NTSTATUS *Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDmaTransactionRelease(
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
size_t
WdfDmaTransactionGetBytesTransferred(
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
WdfDmaTransactionGetDevice(
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFREQUEST
WdfDmaTransactionGetRequest(
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
size_t
WdfDmaTransactionGetCurrentDmaTransferLength(
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDmaTransactionSetMaximumLength(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_ size_t MaximumLength
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfDmaTransactionDmaCompletedWithLength(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_ size_t TransferredLength,
    _Out_ NTSTATUS *Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
WdfDmaTransactionDmaCompletedFinal(
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_ size_t FinalTransferredLength,
    _Out_ NTSTATUS *Status
    );

WDF_EXTERN_C_END

#endif /* BCSIM_SHIM_WDF_HW_H */
