/*
 * tests/conformance/drv_misc.c — the everyday kernel surface a callback TU touches
 * (wdk-surface.md 3.3, 3.6, 3.8, 3.10, 3.15): a checked build (DBG 1) with ASSERT; SAL
 * annotations the driver defines itself before the kit (every shim SAL macro is guarded);
 * IRQL and spin-lock macros; lists; Interlocked; MDL and IRP helpers; register and port I/O.
 * Compile-only conformance TU, C and C++.
 */
#define DBG 1
/* Some driver headers define a few annotations themselves when the kit does not. */
#define _IRQL_requires_(irql)
#define _IRQL_requires_max_(irql)
#define __drv_maxIRQL(irql)
#define _Must_inspect_result_

#include <ntddk.h>

typedef struct _MISC_ENTRY {
    LIST_ENTRY Link;
    SINGLE_LIST_ENTRY Single;
    ULONG Value;
} MISC_ENTRY, *PMISC_ENTRY;

typedef struct _MISC_STATE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Head;
    SINGLE_LIST_ENTRY Stack;
    volatile LONG Counter;
    volatile LONG64 Bytes;
    PVOID volatile Owner;
    KEVENT Event;
    KDPC Dpc;
    FAST_MUTEX Mutex;
    WORK_QUEUE_ITEM WorkItem;
} MISC_STATE, *PMISC_STATE;

static MISC_STATE g_Misc;

KDEFERRED_ROUTINE MiscDpc;
WORKER_THREAD_ROUTINE MiscWorker;
IO_COMPLETION_ROUTINE MiscCompletion;
DRIVER_DISPATCH MiscDispatch;

_Use_decl_annotations_
VOID MiscDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    (void)KeSetEvent((PRKEVENT)DeferredContext, IO_NO_INCREMENT, FALSE);
}

_Use_decl_annotations_
VOID MiscWorker(PVOID Parameter)
{
    PAGED_CODE();
    ExAcquireFastMutex(&g_Misc.Mutex);
    InterlockedExchangePointer(&g_Misc.Owner, Parameter);
    ExReleaseFastMutex(&g_Misc.Mutex);
}

_Use_decl_annotations_
NTSTATUS MiscCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    if (Irp->PendingReturned)
        IoMarkIrpPending(Irp);
    return STATUS_CONTINUE_COMPLETION;
}

_Use_decl_annotations_
NTSTATUS MiscDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG code = stack->Parameters.DeviceIoControl.IoControlCode;
    if (stack->MajorFunction == IRP_MJ_DEVICE_CONTROL &&
        code == CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)) {
        Irp->IoStatus.Status = STATUS_SUCCESS;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }
    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, MiscCompletion, NULL, TRUE, TRUE, TRUE);
    return IoCallDriver((PDEVICE_OBJECT)DeviceObject->DeviceExtension, Irp);
}

ULONG MiscLists(PMISC_ENTRY Entries, ULONG Count)
{
    ULONG i, sum = 0;
    PLIST_ENTRY link;
    InitializeListHead(&g_Misc.Head);
    g_Misc.Stack.Next = NULL;
    for (i = 0; i < Count; i++) {
        if (i & 1)
            InsertTailList(&g_Misc.Head, &Entries[i].Link);
        else
            InsertHeadList(&g_Misc.Head, &Entries[i].Link);
        PushEntryList(&g_Misc.Stack, &Entries[i].Single);
    }
    for (link = g_Misc.Head.Flink; link != &g_Misc.Head; link = link->Flink)
        sum += CONTAINING_RECORD(link, MISC_ENTRY, Link)->Value;
    while (!IsListEmpty(&g_Misc.Head))
        (void)RemoveHeadList(&g_Misc.Head);
    while (PopEntryList(&g_Misc.Stack) != NULL)
        ;
    ASSERT(IsListEmpty(&g_Misc.Head));
    return sum;
}

LONG MiscAtomics(VOID)
{
    ULONG index = 0;
    LONG old = InterlockedCompareExchange(&g_Misc.Counter, 1, 0);
    old += InterlockedIncrement(&g_Misc.Counter);
    old += InterlockedDecrement(&g_Misc.Counter);
    old += InterlockedExchangeAdd(&g_Misc.Counter, 4);
    old += InterlockedOr(&g_Misc.Counter, 0x10) + InterlockedAnd(&g_Misc.Counter, 0xFF) +
           InterlockedXor(&g_Misc.Counter, 1);
    (void)InterlockedAdd64(&g_Misc.Bytes, PAGE_SIZE);
    (void)InterlockedCompareExchange64(&g_Misc.Bytes, 0, PAGE_SIZE);
    if (BitScanForward(&index, (ULONG)old))
        old += (LONG)index;
    if (InterlockedBitTestAndSet(&g_Misc.Counter, 3))
        old++;
    KeMemoryBarrier();
    YieldProcessor();
    return old;
}

VOID MiscIrqlAndLocks(VOID)
{
    KIRQL oldIrql, lockIrql;
    KLOCK_QUEUE_HANDLE handle;
    KeInitializeSpinLock(&g_Misc.Lock);
    KeRaiseIrql(DISPATCH_LEVEL, &oldIrql);
    KeAcquireSpinLockAtDpcLevel(&g_Misc.Lock);
    KeReleaseSpinLockFromDpcLevel(&g_Misc.Lock);
    KeLowerIrql(oldIrql);
    KeAcquireSpinLock(&g_Misc.Lock, &lockIrql);
    KeReleaseSpinLock(&g_Misc.Lock, lockIrql);
    KeAcquireInStackQueuedSpinLock(&g_Misc.Lock, &handle);
    KeReleaseInStackQueuedSpinLock(&handle);
    oldIrql = KfRaiseIrql(HIGH_LEVEL);
    KfLowerIrql(oldIrql);
    KeInitializeEvent(&g_Misc.Event, NotificationEvent, FALSE);
    KeInitializeDpc(&g_Misc.Dpc, MiscDpc, &g_Misc.Event);
    (void)KeInsertQueueDpc(&g_Misc.Dpc, NULL, NULL);
    ExInitializeFastMutex(&g_Misc.Mutex);
    ExInitializeWorkItem(&g_Misc.WorkItem, MiscWorker, &g_Misc);
    ExQueueWorkItem(&g_Misc.WorkItem, DelayedWorkQueue);
}

ULONG MiscMemory(PVOID Buffer, ULONG Length)
{
    PMDL mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, NULL);
    PVOID mapped;
    ULONG bytes = 0;
    if (mdl == NULL)
        return 0;
    MmBuildMdlForNonPagedPool(mdl);
    mapped = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority | MdlMappingNoExecute);
    if (mapped != NULL)
        bytes = MmGetMdlByteCount(mdl) + (ULONG)(ULONG_PTR)MmGetMdlVirtualAddress(mdl);
    IoFreeMdl(mdl);
    bytes += (ULONG)BYTES_TO_PAGES(Length) + (ULONG)ROUND_TO_PAGES(Length) + BYTE_OFFSET(Buffer);
    bytes += (ULONG)MmGetPhysicalAddress(Buffer).LowPart;
    return bytes;
}

UCHAR MiscHardware(volatile ULONG *Registers)
{
    ULONG v = READ_REGISTER_ULONG(&Registers[0]);
    WRITE_REGISTER_ULONG(&Registers[1], v | 1);
    WRITE_PORT_UCHAR((PUCHAR)(ULONG_PTR)0x80, (UCHAR)v);
    return READ_PORT_UCHAR((PUCHAR)(ULONG_PTR)0x64);
}
