/*
 * bcsim shim: the kernel (Ke) part of wdm.h — IRQL, spin locks, processors and time,
 * dispatcher objects (events, waits, DPCs), processor state (CONTEXT, EXCEPTION_RECORD) and
 * the debugger data exports (wdk-surface.md 3.3, 3.10, 3.12, 3.15; bugcheck-api.md 3).
 *
 * S13: IRQL is simulated. KeGetCurrentIrql/KfRaiseIrql/KfLowerIrql are real bcsim functions
 * (the WDK's x64 versions are inline CR8 accesses, which fault in user mode); KeRaiseIrql and
 * KeLowerIrql keep the WDK's macro shapes over them. Needs ntdef.h first.
 */
#ifndef BCSIM_SHIM_KE_H
#define BCSIM_SHIM_KE_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/ke.h"
#endif

#include <bcsim_shim/intrin_impl.h>

EXTERN_C_START

/* ---- IRQL levels (bugcheck-api.md 3) -------------------------------------------------- */
#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#if defined(__x86_64__)
#  define CMCI_LEVEL 5
#  define CLOCK_LEVEL 13
#  define IPI_LEVEL 14
#  define DRS_LEVEL 14
#  define POWER_LEVEL 14
#  define PROFILE_LEVEL 15
#  define HIGH_LEVEL 15
#else   /* x86, for the compile-only layout test */
#  define CMCI_LEVEL 5
#  define PROFILE_LEVEL 27
#  define CLOCK1_LEVEL 28
#  define CLOCK2_LEVEL 28
#  define CLOCK_LEVEL 28
#  define IPI_LEVEL 29
#  define POWER_LEVEL 30
#  define HIGH_LEVEL 31
#endif

/* ---- opaque kernel objects (wdk-surface.md 3.15) ------------------------------------------ */
struct _KTHREAD;
struct _ETHREAD;
struct _KPROCESS;
struct _EPROCESS;
struct _KINTERRUPT;
struct _KDPC;
struct _CONTEXT;
struct _EXCEPTION_RECORD;
typedef struct _KTHREAD *PKTHREAD, *PRKTHREAD;
typedef struct _ETHREAD *PETHREAD;
typedef struct _KPROCESS *PKPROCESS, *PRKPROCESS;
typedef struct _EPROCESS *PEPROCESS;
typedef struct _KINTERRUPT *PKINTERRUPT;

/* ---- IRQL routines --------------------------------------------------------------------------- */
_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_saves_
NTHALAPI
KIRQL
NTAPI
KeGetCurrentIrql(
    VOID
    );

_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_raises_(NewIrql)
_IRQL_saves_
NTHALAPI
KIRQL
FASTCALL
KfRaiseIrql(
    _In_ KIRQL NewIrql
    );

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI
VOID
FASTCALL
KfLowerIrql(
    _In_ _IRQL_restores_ KIRQL NewIrql
    );

/* The WDK's macro shapes (drivers call both the Ke and the Kf names). */
#define KeRaiseIrql(a, b) (*(b) = KfRaiseIrql(a))
#define KeLowerIrql(a) KfLowerIrql(a)

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
NTKERNELAPI
KIRQL
NTAPI
KeRaiseIrqlToDpcLevel(
    VOID
    );

/* ---- spin locks ----------------------------------------------------------------------------- */
NTKERNELAPI
VOID
NTAPI
KeInitializeSpinLock(
    _Out_ PKSPIN_LOCK SpinLock
    );

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI
KIRQL
KeAcquireSpinLockRaiseToDpc(
    _Inout_ PKSPIN_LOCK SpinLock
    );

/* x64 form: the acquire is the RaiseToDpc routine (Learn: KeAcquireSpinLock macro). */
#define KeAcquireSpinLock(SpinLock, OldIrql) \
    (*(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock))

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
KeReleaseSpinLock(
    _Inout_ PKSPIN_LOCK SpinLock,
    _In_ _IRQL_restores_ KIRQL NewIrql
    );

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
KeAcquireSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock
    );

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
KeReleaseSpinLockFromDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock
    );

_Must_inspect_result_
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI
BOOLEAN
FASTCALL
KeTryToAcquireSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock
    );

typedef struct _KSPIN_LOCK_QUEUE {
    struct _KSPIN_LOCK_QUEUE *volatile Next;
    PKSPIN_LOCK volatile Lock;
} KSPIN_LOCK_QUEUE, *PKSPIN_LOCK_QUEUE;

typedef struct _KLOCK_QUEUE_HANDLE {
    KSPIN_LOCK_QUEUE LockQueue;
    KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
FASTCALL
KeAcquireInStackQueuedSpinLock(
    _Inout_ PKSPIN_LOCK SpinLock,
    _Out_ PKLOCK_QUEUE_HANDLE LockHandle
    );

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
FASTCALL
KeAcquireInStackQueuedSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock,
    _Out_ PKLOCK_QUEUE_HANDLE LockHandle
    );

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
FASTCALL
KeReleaseInStackQueuedSpinLock(
    _In_ PKLOCK_QUEUE_HANDLE LockHandle
    );

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
FASTCALL
KeReleaseInStackQueuedSpinLockFromDpcLevel(
    _In_ PKLOCK_QUEUE_HANDLE LockHandle
    );

/* ---- barriers (wdk-surface.md 3.8) ----------------------------------------------------------- */
BCSIM_SHIM_INLINE VOID KeMemoryBarrier(VOID) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
#define KeMemoryBarrierWithoutFence() _ReadWriteBarrier()
#define YieldProcessor() _mm_pause()
#define MemoryBarrier() __faststorefence()
#define FastFence() __faststorefence()

/* ---- Interlocked and bit routines (wdk-surface.md 3.10): the WDK's names for the intrinsics.
 * Object-like macros, as in the WDK, so &InterlockedIncrement and decltype work. The x64
 * forms are all full barriers; the Acquire/Release/NoFence variants map to them. */
#define InterlockedIncrement _InterlockedIncrement
#define InterlockedIncrement16 _InterlockedIncrement16
#define InterlockedIncrement64 _InterlockedIncrement64
#define InterlockedDecrement _InterlockedDecrement
#define InterlockedDecrement16 _InterlockedDecrement16
#define InterlockedDecrement64 _InterlockedDecrement64
#define InterlockedExchange _InterlockedExchange
#define InterlockedExchange8 _InterlockedExchange8
#define InterlockedExchange16 _InterlockedExchange16
#define InterlockedExchange64 _InterlockedExchange64
#define InterlockedExchangePointer _InterlockedExchangePointer
#define InterlockedExchangeAdd _InterlockedExchangeAdd
#define InterlockedExchangeAdd8 _InterlockedExchangeAdd8
#define InterlockedExchangeAdd16 _InterlockedExchangeAdd16
#define InterlockedExchangeAdd64 _InterlockedExchangeAdd64
#define InterlockedCompareExchange _InterlockedCompareExchange
#define InterlockedCompareExchange8 _InterlockedCompareExchange8
#define InterlockedCompareExchange16 _InterlockedCompareExchange16
#define InterlockedCompareExchange64 _InterlockedCompareExchange64
#define InterlockedCompareExchangePointer _InterlockedCompareExchangePointer
#define InterlockedOr _InterlockedOr
#define InterlockedOr8 _InterlockedOr8
#define InterlockedOr16 _InterlockedOr16
#define InterlockedOr64 _InterlockedOr64
#define InterlockedAnd _InterlockedAnd
#define InterlockedAnd8 _InterlockedAnd8
#define InterlockedAnd16 _InterlockedAnd16
#define InterlockedAnd64 _InterlockedAnd64
#define InterlockedXor _InterlockedXor
#define InterlockedXor8 _InterlockedXor8
#define InterlockedXor16 _InterlockedXor16
#define InterlockedXor64 _InterlockedXor64
#define InterlockedBitTestAndSet _interlockedbittestandset
#define InterlockedBitTestAndReset _interlockedbittestandreset
#define InterlockedBitTestAndSet64 _interlockedbittestandset64
#define InterlockedBitTestAndReset64 _interlockedbittestandreset64
#define InterlockedIncrementAcquire InterlockedIncrement
#define InterlockedIncrementRelease InterlockedIncrement
#define InterlockedIncrementNoFence InterlockedIncrement
#define InterlockedDecrementAcquire InterlockedDecrement
#define InterlockedDecrementRelease InterlockedDecrement
#define InterlockedDecrementNoFence InterlockedDecrement
#define InterlockedExchangeNoFence InterlockedExchange
#define InterlockedExchangeAcquire64 InterlockedExchange64
#define InterlockedExchangeAddNoFence InterlockedExchangeAdd
#define InterlockedCompareExchangeAcquire InterlockedCompareExchange
#define InterlockedCompareExchangeRelease InterlockedCompareExchange
#define InterlockedCompareExchangeNoFence InterlockedCompareExchange
#define InterlockedCompareExchangeAcquire64 InterlockedCompareExchange64
#define InterlockedCompareExchangeRelease64 InterlockedCompareExchange64
#define InterlockedCompareExchangeNoFence64 InterlockedCompareExchange64
#define InterlockedCompareExchangePointerAcquire InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerRelease InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerNoFence InterlockedCompareExchangePointer
#define InterlockedExchangePointerNoFence InterlockedExchangePointer
#define InterlockedOrAcquire InterlockedOr
#define InterlockedOrRelease InterlockedOr
#define InterlockedOrNoFence InterlockedOr
#define InterlockedAndAcquire InterlockedAnd
#define InterlockedAndRelease InterlockedAnd
#define InterlockedAndNoFence InterlockedAnd
#define InterlockedXorAcquire InterlockedXor
#define InterlockedXorRelease InterlockedXor
#define InterlockedXorNoFence InterlockedXor
#define InterlockedExchangeAddSizeT(a, b) InterlockedExchangeAdd64((LONG64 *)(a), (LONG64)(b))
#define InterlockedIncrementSizeT(a) InterlockedIncrement64((LONG64 *)(a))
#define InterlockedDecrementSizeT(a) InterlockedDecrement64((LONG64 *)(a))

/* Learn: InterlockedAdd — adds and returns the resulting value (FORCEINLINE in the WDK too). */
BCSIM_SHIM_INLINE LONG InterlockedAdd(_Inout_ _Interlocked_operand_ LONG volatile *Addend, _In_ LONG Value)
{
    return InterlockedExchangeAdd(Addend, Value) + Value;
}
BCSIM_SHIM_INLINE LONG64 InterlockedAdd64(_Inout_ _Interlocked_operand_ LONG64 volatile *Addend, _In_ LONG64 Value)
{
    return InterlockedExchangeAdd64(Addend, Value) + Value;
}

/* Ordered plain accesses (WDK FORCEINLINE helpers). */
BCSIM_SHIM_INLINE LONG ReadAcquire(_In_ LONG const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
BCSIM_SHIM_INLINE LONG ReadNoFence(_In_ LONG const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
BCSIM_SHIM_INLINE LONG64 ReadAcquire64(_In_ LONG64 const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
BCSIM_SHIM_INLINE LONG64 ReadNoFence64(_In_ LONG64 const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
BCSIM_SHIM_INLINE PVOID ReadPointerAcquire(_In_ PVOID const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
BCSIM_SHIM_INLINE PVOID ReadPointerNoFence(_In_ PVOID const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
BCSIM_SHIM_INLINE VOID WriteRelease(_Out_ LONG volatile *Destination, _In_ LONG Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
BCSIM_SHIM_INLINE VOID WriteNoFence(_Out_ LONG volatile *Destination, _In_ LONG Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
BCSIM_SHIM_INLINE VOID WriteRelease64(_Out_ LONG64 volatile *Destination, _In_ LONG64 Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
BCSIM_SHIM_INLINE VOID WriteNoFence64(_Out_ LONG64 volatile *Destination, _In_ LONG64 Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
BCSIM_SHIM_INLINE VOID WritePointerRelease(_Out_ PVOID volatile *Destination, _In_ PVOID Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
BCSIM_SHIM_INLINE VOID WritePointerNoFence(_Out_ PVOID volatile *Destination, _In_ PVOID Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }

#define BitScanForward _BitScanForward
#define BitScanReverse _BitScanReverse
#define BitScanForward64 _BitScanForward64
#define BitScanReverse64 _BitScanReverse64
#define BitTest _bittest
#define BitTestAndComplement _bittestandcomplement
#define BitTestAndSet _bittestandset
#define BitTestAndReset _bittestandreset
#define BitTest64 _bittest64
#define BitTestAndComplement64 _bittestandcomplement64
#define BitTestAndSet64 _bittestandset64
#define BitTestAndReset64 _bittestandreset64
#define PopulationCount64 __popcnt64

/* ---- processors (bcsim simulates one processor) ------------------------------------------------ */
typedef struct _PROCESSOR_NUMBER {
    USHORT Group;
    UCHAR Number;
    UCHAR Reserved;
} PROCESSOR_NUMBER, *PPROCESSOR_NUMBER;

#define ALL_PROCESSOR_GROUPS 0xffff
#define MAXIMUM_PROCESSORS 64

NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumber(VOID);
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumberEx(_Out_opt_ PPROCESSOR_NUMBER ProcNumber);
NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCount(_Out_opt_ PKAFFINITY ActiveProcessors);
NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCountEx(_In_ USHORT GroupNumber);
NTKERNELAPI ULONG NTAPI KeQueryMaximumProcessorCount(VOID);
NTKERNELAPI ULONG NTAPI KeQueryMaximumProcessorCountEx(_In_ USHORT GroupNumber);
NTKERNELAPI KAFFINITY NTAPI KeQueryActiveProcessors(VOID);
NTKERNELAPI NTSTATUS NTAPI KeGetProcessorNumberFromIndex(_In_ ULONG ProcIndex,
                                                         _Out_ PPROCESSOR_NUMBER ProcNumber);
#define INVALID_PROCESSOR_INDEX 0xffffffffU
NTKERNELAPI ULONG NTAPI KeGetProcessorIndexFromNumber(_In_ PPROCESSOR_NUMBER ProcNumber);
NTKERNELAPI USHORT NTAPI KeQueryActiveGroupCount(VOID);
NTKERNELAPI USHORT NTAPI KeQueryMaximumGroupCount(VOID);

/* Affinity (one processor: every affinity is processor 0's). */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI KAFFINITY NTAPI KeSetSystemAffinityThreadEx(_In_ KAFFINITY Affinity);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeRevertToUserAffinityThreadEx(_In_ KAFFINITY Affinity);

/* A routine run on every processor at IPI_LEVEL. */
typedef
_Function_class_(KIPI_BROADCAST_WORKER)
_IRQL_requires_(IPI_LEVEL)
ULONG_PTR
KIPI_BROADCAST_WORKER(
    _In_ ULONG_PTR Argument
    );
typedef KIPI_BROADCAST_WORKER *PKIPI_BROADCAST_WORKER;

_IRQL_requires_max_(IPI_LEVEL)
NTKERNELAPI ULONG_PTR NTAPI KeIpiGenericCall(_In_ PKIPI_BROADCAST_WORKER BroadcastFunction,
                                             _In_ ULONG_PTR Context);

/* ---- threads --------------------------------------------------------------------------------- */
NTKERNELAPI PKTHREAD NTAPI KeGetCurrentThread(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeEnterCriticalRegion(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeLeaveCriticalRegion(VOID);

/* ---- time (virtual: bcsim's clock) ----------------------------------------------------------- */
NTKERNELAPI VOID NTAPI KeQuerySystemTime(_Out_ PLARGE_INTEGER CurrentTime);
NTKERNELAPI VOID NTAPI KeQuerySystemTimePrecise(_Out_ PLARGE_INTEGER CurrentTime);
NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTime(VOID);
NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTimePrecise(_Out_ PULONG64 QpcTimeStamp);
NTKERNELAPI VOID NTAPI KeQueryTickCount(_Out_ PLARGE_INTEGER CurrentCount);
NTKERNELAPI ULONGLONG NTAPI KeQueryUnbiasedInterruptTime(VOID);
NTKERNELAPI USHORT NTAPI KeGetCurrentNodeNumber(VOID);
NTKERNELAPI BOOLEAN NTAPI KeAreAllApcsDisabled(VOID);

/* ---- NMI callbacks (registered; bcsim delivers no NMI) ---------------------------------------- */
typedef
_Function_class_(NMI_CALLBACK)
_IRQL_requires_same_
BOOLEAN
NMI_CALLBACK(
    _In_opt_ PVOID Context,
    _In_ BOOLEAN Handled
    );
typedef NMI_CALLBACK *PNMI_CALLBACK;

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI KeRegisterNmiCallback(_In_ PNMI_CALLBACK CallbackRoutine, _In_opt_ PVOID Context);
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeDeregisterNmiCallback(_In_ PVOID Handle);
NTKERNELAPI ULONG NTAPI KeQueryTimeIncrement(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI
NTSTATUS
NTAPI
KeDelayExecutionThread(
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_ PLARGE_INTEGER Interval
    );

/* ---- dispatcher objects ---------------------------------------------------------------------- */
typedef enum _EVENT_TYPE {
    NotificationEvent = 0,
    SynchronizationEvent = 1
} EVENT_TYPE;

typedef enum _WAIT_TYPE {
    WaitAll = 0,
    WaitAny = 1,
    WaitNotification = 2,
    WaitDequeue = 3
} WAIT_TYPE;

typedef enum _KWAIT_REASON {
    Executive = 0,
    FreePage = 1,
    PageIn = 2,
    PoolAllocation = 3,
    DelayExecution = 4,
    Suspended = 5,
    UserRequest = 6,
    WrExecutive = 7,
    WrFreePage = 8,
    WrPageIn = 9,
    WrPoolAllocation = 10,
    WrDelayExecution = 11,
    WrSuspended = 12,
    WrUserRequest = 13,
    WrEventPair = 14,
    WrQueue = 15,
    WrLpcReceive = 16,
    WrLpcReply = 17,
    WrVirtualMemory = 18,
    WrPageOut = 19,
    WrRendezvous = 20
} KWAIT_REASON;

#define THREAD_WAIT_OBJECTS 3
#define MAXIMUM_WAIT_OBJECTS 64
#define EVENT_INCREMENT 1
#define SEMAPHORE_INCREMENT 1

/* Contents are the kernel's; only the sizes matter to drivers (x64: 0x18). */
typedef struct _DISPATCHER_HEADER {
    union {
        struct {
            UCHAR Type;
            UCHAR Signalling;
            UCHAR Size;
            UCHAR Reserved1;
        };
        volatile LONG Lock;
        LONG LockNV;
    };
    LONG SignalState;
    LIST_ENTRY WaitListHead;
} DISPATCHER_HEADER, *PDISPATCHER_HEADER;

typedef struct _KEVENT {
    DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT, *PRKEVENT;

typedef struct _KWAIT_BLOCK {
    LIST_ENTRY WaitListEntry;
    UCHAR WaitType;
    volatile UCHAR BlockState;
    USHORT WaitKey;
#if defined(_WIN64)
    LONG SpareLong;
#endif
    PVOID Thread;
    PVOID Object;
    PVOID SparePtr;
} KWAIT_BLOCK, *PKWAIT_BLOCK, *PRKWAIT_BLOCK;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
KeInitializeEvent(
    _Out_ PRKEVENT Event,
    _In_ EVENT_TYPE Type,
    _In_ BOOLEAN State
    );

_When_(Wait == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL))
NTKERNELAPI
LONG
NTAPI
KeSetEvent(
    _Inout_ PRKEVENT Event,
    _In_ KPRIORITY Increment,
    _In_ _Literal_ BOOLEAN Wait
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
KeClearEvent(
    _Inout_ PRKEVENT Event
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
LONG
NTAPI
KeResetEvent(
    _Inout_ PRKEVENT Event
    );

NTKERNELAPI
LONG
NTAPI
KeReadStateEvent(
    _In_ PRKEVENT Event
    );

_When_((Timeout == NULL || *Timeout != 0), _IRQL_requires_max_(APC_LEVEL))
_When_((Timeout != NULL && *Timeout == 0), _IRQL_requires_max_(DISPATCH_LEVEL))
NTKERNELAPI
NTSTATUS
NTAPI
KeWaitForSingleObject(
    _In_ _Points_to_data_ PVOID Object,
    _In_ _Strict_type_match_ KWAIT_REASON WaitReason,
    _In_ __drv_strictType(KPROCESSOR_MODE / enum _MODE, __drv_typeConst) KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout
    );

_When_((Timeout == NULL || *Timeout != 0), _IRQL_requires_max_(APC_LEVEL))
_When_((Timeout != NULL && *Timeout == 0), _IRQL_requires_max_(DISPATCH_LEVEL))
NTKERNELAPI
NTSTATUS
NTAPI
KeWaitForMultipleObjects(
    _In_ ULONG Count,
    _In_reads_(Count) PVOID Object[],
    _In_ _Strict_type_match_ WAIT_TYPE WaitType,
    _In_ _Strict_type_match_ KWAIT_REASON WaitReason,
    _In_ __drv_strictType(KPROCESSOR_MODE / enum _MODE, __drv_typeConst) KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout,
    _Out_opt_ PKWAIT_BLOCK WaitBlockArray
    );

/* ---- DPCs ------------------------------------------------------------------------------------- */
typedef
_Function_class_(KDEFERRED_ROUTINE)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
KDEFERRED_ROUTINE(
    _In_ struct _KDPC *Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    );
typedef KDEFERRED_ROUTINE *PKDEFERRED_ROUTINE;

typedef struct _KDPC {
    union {
        ULONG TargetInfoAsUlong;
        struct {
            UCHAR Type;
            UCHAR Importance;
            volatile USHORT Number;
        };
    };
    SINGLE_LIST_ENTRY DpcListEntry;
    KAFFINITY ProcessorHistory;
    PKDEFERRED_ROUTINE DeferredRoutine;
    PVOID DeferredContext;
    PVOID SystemArgument1;
    PVOID SystemArgument2;
    __volatile PVOID DpcData;
} KDPC, *PKDPC, *PRKDPC;

NTKERNELAPI
VOID
NTAPI
KeInitializeDpc(
    _Out_ __drv_aliasesMem PRKDPC Dpc,
    _In_ PKDEFERRED_ROUTINE DeferredRoutine,
    _In_opt_ __drv_aliasesMem PVOID DeferredContext
    );

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI
BOOLEAN
NTAPI
KeInsertQueueDpc(
    _Inout_ PRKDPC Dpc,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ __drv_aliasesMem PVOID SystemArgument2
    );

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI
BOOLEAN
NTAPI
KeRemoveQueueDpc(
    _Inout_ PRKDPC Dpc
    );

/* ---- APC object (only for its size inside the IRP) ---------------------------------------------- */
typedef struct _KAPC {
    UCHAR Type;
    UCHAR AllFlags;
    UCHAR Size;
    UCHAR SpareByte1;
    ULONG SpareLong0;
    struct _KTHREAD *Thread;
    LIST_ENTRY ApcListEntry;
    PVOID Reserved[3];
    PVOID NormalContext;
    PVOID SystemArgument1;
    PVOID SystemArgument2;
    CCHAR ApcStateIndex;
    KPROCESSOR_MODE ApcMode;
    BOOLEAN Inserted;
} KAPC, *PKAPC, *PRKAPC;

/* ---- exceptions and processor state -------------------------------------------------------------- */
#define EXCEPTION_MAXIMUM_PARAMETERS 15
#define EXCEPTION_NONCONTINUABLE 0x1
#define EXCEPTION_UNWINDING 0x2
#define EXCEPTION_EXIT_UNWIND 0x4
#define EXCEPTION_STACK_INVALID 0x8
#define EXCEPTION_NESTED_CALL 0x10
#define EXCEPTION_TARGET_UNWIND 0x20
#define EXCEPTION_COLLIDED_UNWIND 0x40

typedef struct _EXCEPTION_RECORD {
    NTSTATUS ExceptionCode;
    ULONG ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    PVOID ExceptionAddress;
    ULONG NumberParameters;
    ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD, *PEXCEPTION_RECORD;

typedef struct _EXCEPTION_RECORD32 {
    NTSTATUS ExceptionCode;
    ULONG ExceptionFlags;
    ULONG ExceptionRecord;
    ULONG ExceptionAddress;
    ULONG NumberParameters;
    ULONG ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD32, *PEXCEPTION_RECORD32;

typedef struct _EXCEPTION_RECORD64 {
    NTSTATUS ExceptionCode;
    ULONG ExceptionFlags;
    ULONG64 ExceptionRecord;
    ULONG64 ExceptionAddress;
    ULONG NumberParameters;
    ULONG __unusedAlignment;
    ULONG64 ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD64, *PEXCEPTION_RECORD64;

#if defined(__x86_64__)

/* AMD64 CONTEXT: the layout of dump-format.md 5.1 (0x4D0 bytes, 16-byte aligned). */
#define CONTEXT_AMD64            0x00100000U
#define CONTEXT_CONTROL          (CONTEXT_AMD64 | 0x00000001U)
#define CONTEXT_INTEGER          (CONTEXT_AMD64 | 0x00000002U)
#define CONTEXT_SEGMENTS         (CONTEXT_AMD64 | 0x00000004U)
#define CONTEXT_FLOATING_POINT   (CONTEXT_AMD64 | 0x00000008U)
#define CONTEXT_DEBUG_REGISTERS  (CONTEXT_AMD64 | 0x00000010U)
#define CONTEXT_FULL             (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_FLOATING_POINT)
#define CONTEXT_ALL              (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_SEGMENTS | \
                                  CONTEXT_FLOATING_POINT | CONTEXT_DEBUG_REGISTERS)

typedef struct DECLSPEC_ALIGN(16) _XSAVE_FORMAT {
    USHORT ControlWord;
    USHORT StatusWord;
    UCHAR TagWord;
    UCHAR Reserved1;
    USHORT ErrorOpcode;
    ULONG ErrorOffset;
    USHORT ErrorSelector;
    USHORT Reserved2;
    ULONG DataOffset;
    USHORT DataSelector;
    USHORT Reserved3;
    ULONG MxCsr;
    ULONG MxCsr_Mask;
    M128A FloatRegisters[8];
    M128A XmmRegisters[16];
    UCHAR Reserved4[96];
} XSAVE_FORMAT, *PXSAVE_FORMAT;
typedef XSAVE_FORMAT XMM_SAVE_AREA32, *PXMM_SAVE_AREA32;

typedef struct DECLSPEC_ALIGN(16) _CONTEXT {
    ULONG64 P1Home;
    ULONG64 P2Home;
    ULONG64 P3Home;
    ULONG64 P4Home;
    ULONG64 P5Home;
    ULONG64 P6Home;
    ULONG ContextFlags;
    ULONG MxCsr;
    USHORT SegCs;
    USHORT SegDs;
    USHORT SegEs;
    USHORT SegFs;
    USHORT SegGs;
    USHORT SegSs;
    ULONG EFlags;
    ULONG64 Dr0;
    ULONG64 Dr1;
    ULONG64 Dr2;
    ULONG64 Dr3;
    ULONG64 Dr6;
    ULONG64 Dr7;
    ULONG64 Rax;
    ULONG64 Rcx;
    ULONG64 Rdx;
    ULONG64 Rbx;
    ULONG64 Rsp;
    ULONG64 Rbp;
    ULONG64 Rsi;
    ULONG64 Rdi;
    ULONG64 R8;
    ULONG64 R9;
    ULONG64 R10;
    ULONG64 R11;
    ULONG64 R12;
    ULONG64 R13;
    ULONG64 R14;
    ULONG64 R15;
    ULONG64 Rip;
    union {
        XMM_SAVE_AREA32 FltSave;
        struct {
            M128A Header[2];
            M128A Legacy[8];
            M128A Xmm0;
            M128A Xmm1;
            M128A Xmm2;
            M128A Xmm3;
            M128A Xmm4;
            M128A Xmm5;
            M128A Xmm6;
            M128A Xmm7;
            M128A Xmm8;
            M128A Xmm9;
            M128A Xmm10;
            M128A Xmm11;
            M128A Xmm12;
            M128A Xmm13;
            M128A Xmm14;
            M128A Xmm15;
        };
    };
    M128A VectorRegister[26];
    ULONG64 VectorControl;
    ULONG64 DebugControl;
    ULONG64 LastBranchToRip;
    ULONG64 LastBranchFromRip;
    ULONG64 LastExceptionToRip;
    ULONG64 LastExceptionFromRip;
} CONTEXT, *PCONTEXT;

C_ASSERT(sizeof(XMM_SAVE_AREA32) == 0x200);
C_ASSERT(FIELD_OFFSET(XMM_SAVE_AREA32, MxCsr) == 0x18);
C_ASSERT(FIELD_OFFSET(XMM_SAVE_AREA32, FloatRegisters) == 0x20);
C_ASSERT(FIELD_OFFSET(XMM_SAVE_AREA32, XmmRegisters) == 0xA0);
C_ASSERT(sizeof(CONTEXT) == 0x4D0);
C_ASSERT(__alignof__(CONTEXT) == 16);
C_ASSERT(FIELD_OFFSET(CONTEXT, ContextFlags) == 0x30);
C_ASSERT(FIELD_OFFSET(CONTEXT, MxCsr) == 0x34);
C_ASSERT(FIELD_OFFSET(CONTEXT, SegCs) == 0x38);
C_ASSERT(FIELD_OFFSET(CONTEXT, SegSs) == 0x42);
C_ASSERT(FIELD_OFFSET(CONTEXT, EFlags) == 0x44);
C_ASSERT(FIELD_OFFSET(CONTEXT, Dr0) == 0x48);
C_ASSERT(FIELD_OFFSET(CONTEXT, Dr7) == 0x70);
C_ASSERT(FIELD_OFFSET(CONTEXT, Rax) == 0x78);
C_ASSERT(FIELD_OFFSET(CONTEXT, Rsp) == 0x98);
C_ASSERT(FIELD_OFFSET(CONTEXT, R8) == 0xB8);
C_ASSERT(FIELD_OFFSET(CONTEXT, R15) == 0xF0);
C_ASSERT(FIELD_OFFSET(CONTEXT, Rip) == 0xF8);
C_ASSERT(FIELD_OFFSET(CONTEXT, FltSave) == 0x100);
C_ASSERT(FIELD_OFFSET(CONTEXT, FltSave.MxCsr) == 0x118);
C_ASSERT(FIELD_OFFSET(CONTEXT, Xmm0) == 0x1A0);
C_ASSERT(FIELD_OFFSET(CONTEXT, VectorRegister) == 0x300);
C_ASSERT(FIELD_OFFSET(CONTEXT, VectorControl) == 0x4A0);
C_ASSERT(FIELD_OFFSET(CONTEXT, DebugControl) == 0x4A8);
C_ASSERT(FIELD_OFFSET(CONTEXT, LastBranchToRip) == 0x4B0);
C_ASSERT(FIELD_OFFSET(CONTEXT, LastExceptionFromRip) == 0x4C8);
C_ASSERT(sizeof(EXCEPTION_RECORD) == 0x98);
C_ASSERT(FIELD_OFFSET(EXCEPTION_RECORD, ExceptionAddress) == 0x10);
C_ASSERT(FIELD_OFFSET(EXCEPTION_RECORD, NumberParameters) == 0x18);
C_ASSERT(FIELD_OFFSET(EXCEPTION_RECORD, ExceptionInformation) == 0x20);

#else   /* x86 CONTEXT (dump-format.md 5.2), for the compile-only x86 layout test */

#define CONTEXT_i386             0x00010000U
#define CONTEXT_CONTROL          (CONTEXT_i386 | 0x00000001U)
#define CONTEXT_INTEGER          (CONTEXT_i386 | 0x00000002U)
#define CONTEXT_SEGMENTS         (CONTEXT_i386 | 0x00000004U)
#define CONTEXT_FLOATING_POINT   (CONTEXT_i386 | 0x00000008U)
#define CONTEXT_DEBUG_REGISTERS  (CONTEXT_i386 | 0x00000010U)
#define CONTEXT_EXTENDED_REGISTERS (CONTEXT_i386 | 0x00000020U)
#define CONTEXT_FULL             (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_SEGMENTS)
#define SIZE_OF_80387_REGISTERS  80
#define MAXIMUM_SUPPORTED_EXTENSION 512

typedef struct _FLOATING_SAVE_AREA {
    ULONG ControlWord;
    ULONG StatusWord;
    ULONG TagWord;
    ULONG ErrorOffset;
    ULONG ErrorSelector;
    ULONG DataOffset;
    ULONG DataSelector;
    UCHAR RegisterArea[SIZE_OF_80387_REGISTERS];
    ULONG Spare0;
} FLOATING_SAVE_AREA, *PFLOATING_SAVE_AREA;

typedef struct _CONTEXT {
    ULONG ContextFlags;
    ULONG Dr0;
    ULONG Dr1;
    ULONG Dr2;
    ULONG Dr3;
    ULONG Dr6;
    ULONG Dr7;
    FLOATING_SAVE_AREA FloatSave;
    ULONG SegGs;
    ULONG SegFs;
    ULONG SegEs;
    ULONG SegDs;
    ULONG Edi;
    ULONG Esi;
    ULONG Ebx;
    ULONG Edx;
    ULONG Ecx;
    ULONG Eax;
    ULONG Ebp;
    ULONG Eip;
    ULONG SegCs;
    ULONG EFlags;
    ULONG Esp;
    ULONG SegSs;
    UCHAR ExtendedRegisters[MAXIMUM_SUPPORTED_EXTENSION];
} CONTEXT, *PCONTEXT;

#endif

typedef struct _EXCEPTION_POINTERS {
    PEXCEPTION_RECORD ExceptionRecord;
    PCONTEXT ContextRecord;
} EXCEPTION_POINTERS, *PEXCEPTION_POINTERS;

/* The language-specific handler type (used by RtlVirtualUnwind's local prototypes). */
typedef
EXCEPTION_DISPOSITION
NTAPI
EXCEPTION_ROUTINE(
    _Inout_ struct _EXCEPTION_RECORD *ExceptionRecord,
    _In_ PVOID EstablisherFrame,
    _Inout_ struct _CONTEXT *ContextRecord,
    _In_ PVOID DispatcherContext
    );
typedef EXCEPTION_ROUTINE *PEXCEPTION_ROUTINE;

/* ---- unwinding (wdk-surface.md 3.17) ----------------------------------------------------------------
 * RtlLookupFunctionEntry and RtlVirtualUnwind are kernel exports the kernel headers do not declare,
 * and neither are their types (RUNTIME_FUNCTION, UNWIND_HISTORY_TABLE,
 * KNONVOLATILE_CONTEXT_POINTERS, UNW_FLAG_*): drivers write the prototypes and define the types
 * themselves, so the shim declares none of them (a tree's own definitions would collide).
 * IMAGE_RUNTIME_FUNCTION_ENTRY, the PE exception-directory entry, is in ntimage.h. */

/* ---- debugger data exports (wdk-surface.md 3.12, S15) --------------------------------------------
 * The WDK declares these as PBOOLEAN for kernel-mode builds and reads them through the macros;
 * bcsim's pointers point at bcsim-owned BOOLEANs (no debugger attached by default). */
extern PBOOLEAN KdDebuggerNotPresent;
extern PBOOLEAN KdDebuggerEnabled;
#ifndef KD_DEBUGGER_ENABLED
#  define KD_DEBUGGER_ENABLED *KdDebuggerEnabled
#endif
#ifndef KD_DEBUGGER_NOT_PRESENT
#  define KD_DEBUGGER_NOT_PRESENT *KdDebuggerNotPresent
#endif

/* ---- paged code (S17) -----------------------------------------------------------------------------
 * PAGED_CODE() calls a bcsim function that checks the simulated IRQL (<= APC_LEVEL) and reports a
 * finding otherwise. The function is named PAGED_CODE itself (declared with the name in
 * parentheses so the function-like macro does not apply), so findings name the macro. */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI (PAGED_CODE)(VOID);
#ifndef PAGED_CODE
#  define PAGED_CODE() (PAGED_CODE)()
#endif
#ifndef PAGED_CODE_LOCKED
#  define PAGED_CODE_LOCKED() ((void)0)
#endif
#ifndef NOP_FUNCTION
#  define NOP_FUNCTION ((void)0)
#endif

EXTERN_C_END

#endif /* BCSIM_SHIM_KE_H */
