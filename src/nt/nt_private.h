/*
 * src/nt/nt_private.h — declarations shared by the src/nt files that the shim headers must not
 * carry: exports drivers declare themselves (header "-" in src/exports.inc, bugcheck-api.md 9,
 * wdk-surface.md 3.17), and the helpers bcsim's own stubs use. Driver-profile world only.
 */
#ifndef BCSIM_NT_PRIVATE_H
#define BCSIM_NT_PRIVATE_H

#include <ntifs.h>
#include "../bridge.h"

/* Data exports the WDK does not declare. */
extern PULONG_PTR KiBugCheckData;
extern ULONG NtBuildNumber;

/* Unwinding routines: exported by the kernel, not declared by its headers; drivers write these
 * prototypes locally (the types are in bcsim_shim/ke.h). */
PRUNTIME_FUNCTION RtlLookupFunctionEntry(_In_ ULONG64 ControlPc, _Out_ PULONG64 ImageBase,
                                         _Inout_opt_ PUNWIND_HISTORY_TABLE HistoryTable);
PEXCEPTION_ROUTINE RtlVirtualUnwind(_In_ ULONG HandlerType, _In_ ULONG64 ImageBase,
                                    _In_ ULONG64 ControlPc, _In_ PRUNTIME_FUNCTION FunctionEntry,
                                    _Inout_ PCONTEXT ContextRecord, _Out_ PVOID *HandlerData,
                                    _Out_ PULONG64 EstablisherFrame,
                                    _Inout_opt_ PKNONVOLATILE_CONTEXT_POINTERS ContextPointers);

#endif /* BCSIM_NT_PRIVATE_H */
