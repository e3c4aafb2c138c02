/*
 * src/nt/ke_crashdump.c — KeInitializeCrashDumpHeader (wdk-surface.md 3.17): a DUMP_HEADER64
 * of a complete memory dump of the simulated machine (src/dump/dump_header.c).
 */
#include "nt_private.h"

/* KeInitializeCrashDumpHeader — Learn: DumpType must be DUMP_TYPE_FULL and Flags 0;
 * BufferNeeded receives the header size; STATUS_SUCCESS or an NTSTATUS error; the header holds
 * no exception record and no secondary dump data; any level. bcsim: STATUS_INVALID_PARAMETER
 * for another type or flags, STATUS_BUFFER_TOO_SMALL for a buffer under 0x2000 bytes. */
NTSTATUS KeInitializeCrashDumpHeader(ULONG DumpType, ULONG Flags, PVOID Buffer, ULONG BufferSize,
                                     PULONG BufferNeeded)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeInitializeCrashDumpHeader, caller);
    return bcsim__crash_dump_header(DumpType, Flags, Buffer, BufferSize, (bcsim__u32 *)BufferNeeded,
                                    caller);
}
