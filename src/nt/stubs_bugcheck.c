/*
 * src/nt/stubs_bugcheck.c — bug-check related routines bcsim does not implement yet
 * (bugcheck-api.md 6, 11; the harness model for the triage helpers is in src/phase_triage.c).
 */
#include "nt_private.h"

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
