/*
 * src/nt/stubs_bugcheck.c — bug-check related routines bcsim does not implement yet
 * (bugcheck-api.md 6, 11; the harness model for the triage helpers is in src/phase_triage.c).
 */
#include "nt_private.h"

/* KeInitializeTriageDumpDataArray — Learn: an NTSTATUS. Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS KeInitializeTriageDumpDataArray(PKTRIAGE_DUMP_DATA_ARRAY KtriageDumpDataArray, ULONG Size)
{
    bcsim__export_enter(BCSIM__X_KeInitializeTriageDumpDataArray, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(KtriageDumpDataArray);
    UNREFERENCED_PARAMETER(Size);
    return STATUS_NOT_IMPLEMENTED;
}

/* KeAddTriageDumpDataBlock — Learn: STATUS_SUCCESS if added, else an NTSTATUS. Stub:
 * STATUS_NOT_IMPLEMENTED. */
NTSTATUS KeAddTriageDumpDataBlock(PKTRIAGE_DUMP_DATA_ARRAY KtriageDumpDataArray, PVOID Address, SIZE_T Size)
{
    bcsim__export_enter(BCSIM__X_KeAddTriageDumpDataBlock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(KtriageDumpDataArray);
    UNREFERENCED_PARAMETER(Address);
    UNREFERENCED_PARAMETER(Size);
    return STATUS_NOT_IMPLEMENTED;
}

/* KeInitializeCrashDumpHeader — Learn: an NTSTATUS. Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS KeInitializeCrashDumpHeader(ULONG DumpType, ULONG Flags, PVOID Buffer, ULONG BufferSize,
                                     PULONG BufferNeeded)
{
    bcsim__export_enter(BCSIM__X_KeInitializeCrashDumpHeader, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(DumpType);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(BufferSize);
    UNREFERENCED_PARAMETER(BufferNeeded);
    return STATUS_NOT_IMPLEMENTED;
}
