/*
 * src/nt/ke_processor.c — the processor and the current process/thread as bcsim simulates them:
 * one processor (number 0, group 0) and one system process with one thread, each an opaque,
 * stable object (wdk-surface.md 3.10 "Processor / time", "Process / image"). Pure functions.
 */
#include "nt_private.h"

/* Opaque objects: zeroed, nonpaged storage whose address is the handle. Drivers must not look
 * inside (the layouts are the kernel's); if they do they read zeros rather than fault. */
static ULONG_PTR bcsim_system_process[0x100] __attribute__((__aligned__(64)));
static ULONG_PTR bcsim_system_thread[0x100] __attribute__((__aligned__(64)));

#define BCSIM_SYSTEM_PID ((HANDLE)(ULONG_PTR)4)   /* the System process's id on Windows */
#define BCSIM_SYSTEM_TID ((HANDLE)(ULONG_PTR)8)

/* KeGetCurrentProcessorNumber — Learn: the number of the current processor; bcsim: always 0. */
ULONG KeGetCurrentProcessorNumber(VOID)
{
    bcsim__export_enter(BCSIM__X_KeGetCurrentProcessorNumber, BCSIM__CALLER());
    return 0;
}

/* KeGetCurrentProcessorNumberEx — Learn: the system-assigned processor index; optionally fills
 * the group-relative number. */
ULONG KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber)
{
    bcsim__export_enter(BCSIM__X_KeGetCurrentProcessorNumberEx, BCSIM__CALLER());
    if (ProcNumber) {
        ProcNumber->Group = 0;
        ProcNumber->Number = 0;
        ProcNumber->Reserved = 0;
    }
    return 0;
}

/* KeGetProcessorNumberFromIndex — Learn: STATUS_SUCCESS and the group-relative number of the
 * processor with that system-wide index; STATUS_INVALID_PARAMETER for an index that names no
 * processor (bcsim has one: index 0). */
NTSTATUS KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber)
{
    bcsim__export_enter(BCSIM__X_KeGetProcessorNumberFromIndex, BCSIM__CALLER());
    if (ProcIndex != 0 || !ProcNumber)
        return STATUS_INVALID_PARAMETER;
    ProcNumber->Group = 0;
    ProcNumber->Number = 0;
    ProcNumber->Reserved = 0;
    return STATUS_SUCCESS;
}

/* KeGetProcessorIndexFromNumber — Learn: the system-wide index, INVALID_PROCESSOR_INDEX for a
 * number that names no processor. */
ULONG KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber)
{
    bcsim__export_enter(BCSIM__X_KeGetProcessorIndexFromNumber, BCSIM__CALLER());
    return ProcNumber && ProcNumber->Group == 0 && ProcNumber->Number == 0 ? 0 : INVALID_PROCESSOR_INDEX;
}

USHORT KeQueryActiveGroupCount(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryActiveGroupCount, BCSIM__CALLER());
    return 1;
}

USHORT KeQueryMaximumGroupCount(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryMaximumGroupCount, BCSIM__CALLER());
    return 1;
}

/* KeSetSystemAffinityThreadEx — Learn: the previous affinity; the thread runs on the processors
 * given, which on one processor changes nothing. */
KAFFINITY KeSetSystemAffinityThreadEx(KAFFINITY Affinity)
{
    bcsim__export_enter(BCSIM__X_KeSetSystemAffinityThreadEx, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Affinity);
    return 1;
}

VOID KeRevertToUserAffinityThreadEx(KAFFINITY Affinity)
{
    bcsim__export_enter(BCSIM__X_KeRevertToUserAffinityThreadEx, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Affinity);
}

/* KeIpiGenericCall — Learn: runs the routine on every processor at IPI_LEVEL and returns what it
 * returned on the calling processor: here once, on the one processor. From a bug-check callback
 * (HIGH_LEVEL) the IRQL stays where it is. */
ULONG_PTR KeIpiGenericCall(PKIPI_BROADCAST_WORKER BroadcastFunction, ULONG_PTR Context)
{
    bcsim__export_enter(BCSIM__X_KeIpiGenericCall, BCSIM__CALLER());
    UCHAR old = bcsim__irql_current();
    if (old < IPI_LEVEL)
        bcsim__irql_swap(IPI_LEVEL);
    ULONG_PTR result = BroadcastFunction(Context);
    if (old < IPI_LEVEL)
        bcsim__irql_swap(old);
    return result;
}

/* KeQueryActiveProcessorCount — Learn: the number of active processors, optionally the mask. */
ULONG KeQueryActiveProcessorCount(PKAFFINITY ActiveProcessors)
{
    bcsim__export_enter(BCSIM__X_KeQueryActiveProcessorCount, BCSIM__CALLER());
    if (ActiveProcessors)
        *ActiveProcessors = 1;
    return 1;
}

/* ...Ex — Learn: the count in one group, or in all groups for ALL_PROCESSOR_GROUPS. */
ULONG KeQueryActiveProcessorCountEx(USHORT GroupNumber)
{
    bcsim__export_enter(BCSIM__X_KeQueryActiveProcessorCountEx, BCSIM__CALLER());
    return (GroupNumber == 0 || GroupNumber == ALL_PROCESSOR_GROUPS) ? 1 : 0;
}

ULONG KeQueryMaximumProcessorCount(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryMaximumProcessorCount, BCSIM__CALLER());
    return 1;
}

ULONG KeQueryMaximumProcessorCountEx(USHORT GroupNumber)
{
    bcsim__export_enter(BCSIM__X_KeQueryMaximumProcessorCountEx, BCSIM__CALLER());
    return (GroupNumber == 0 || GroupNumber == ALL_PROCESSOR_GROUPS) ? 1 : 0;
}

KAFFINITY KeQueryActiveProcessors(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryActiveProcessors, BCSIM__CALLER());
    return 1;
}

PKTHREAD KeGetCurrentThread(VOID)
{
    bcsim__export_enter(BCSIM__X_KeGetCurrentThread, BCSIM__CALLER());
    return (PKTHREAD)(PVOID)bcsim_system_thread;
}

PETHREAD PsGetCurrentThread(VOID)
{
    bcsim__export_enter(BCSIM__X_PsGetCurrentThread, BCSIM__CALLER());
    return (PETHREAD)(PVOID)bcsim_system_thread;
}

PEPROCESS PsGetCurrentProcess(VOID)
{
    bcsim__export_enter(BCSIM__X_PsGetCurrentProcess, BCSIM__CALLER());
    return (PEPROCESS)(PVOID)bcsim_system_process;
}

/* IoGetCurrentProcess — the same object as PsGetCurrentProcess (the WDK defines one as the other). */
PEPROCESS IoGetCurrentProcess(VOID)
{
    bcsim__export_enter(BCSIM__X_IoGetCurrentProcess, BCSIM__CALLER());
    return (PEPROCESS)(PVOID)bcsim_system_process;
}

HANDLE PsGetCurrentProcessId(VOID)
{
    bcsim__export_enter(BCSIM__X_PsGetCurrentProcessId, BCSIM__CALLER());
    return BCSIM_SYSTEM_PID;
}

HANDLE PsGetCurrentThreadId(VOID)
{
    bcsim__export_enter(BCSIM__X_PsGetCurrentThreadId, BCSIM__CALLER());
    return BCSIM_SYSTEM_TID;
}

/* PsGetProcessId — Learn: the id of the given process; bcsim knows only its one process. */
HANDLE PsGetProcessId(PEPROCESS Process)
{
    bcsim__export_enter(BCSIM__X_PsGetProcessId, BCSIM__CALLER());
    return Process == (PEPROCESS)(PVOID)bcsim_system_process ? BCSIM_SYSTEM_PID : NULL;
}
