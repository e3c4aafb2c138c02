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
 * prototypes and the types locally (wdk-surface.md 3.17), so bcsim keeps its own mirrors of the
 * x64 layouts: RUNTIME_FUNCTION (12 bytes) and KNONVOLATILE_CONTEXT_POINTERS (16 floating then
 * 16 integer register pointers, CONTEXT order). */
typedef struct BCSIM_RUNTIME_FUNCTION {
    ULONG BeginAddress;
    ULONG EndAddress;
    ULONG UnwindData;
} BCSIM_RUNTIME_FUNCTION;
typedef struct BCSIM_NONVOLATILE_POINTERS {
    PM128A FloatingContext[16];
    PULONG64 IntegerContext[16];
} BCSIM_NONVOLATILE_POINTERS;
C_ASSERT(sizeof(BCSIM_RUNTIME_FUNCTION) == 12);
C_ASSERT(FIELD_OFFSET(BCSIM_NONVOLATILE_POINTERS, IntegerContext) == 0x80);

BCSIM_RUNTIME_FUNCTION *RtlLookupFunctionEntry(_In_ ULONG64 ControlPc, _Out_ PULONG64 ImageBase,
                                               _Inout_opt_ PVOID HistoryTable);
PEXCEPTION_ROUTINE RtlVirtualUnwind(_In_ ULONG HandlerType, _In_ ULONG64 ImageBase,
                                    _In_ ULONG64 ControlPc, _In_ BCSIM_RUNTIME_FUNCTION *FunctionEntry,
                                    _Inout_ PCONTEXT ContextRecord, _Out_ PVOID *HandlerData,
                                    _Out_ PULONG64 EstablisherFrame,
                                    _Inout_opt_ BCSIM_NONVOLATILE_POINTERS *ContextPointers);
/* Boot video (src/nt/inbv.c): kernel exports the WDK does not declare. */
BOOLEAN InbvIsBootDriverInstalled(VOID);
VOID InbvAcquireDisplayOwnership(VOID);
BOOLEAN InbvCheckDisplayOwnership(VOID);
VOID InbvNotifyDisplayOwnershipLost(PVOID Callback);
BOOLEAN InbvResetDisplay(VOID);
BOOLEAN InbvDisplayString(PUCHAR String);
BOOLEAN InbvEnableDisplayString(BOOLEAN Enable);
VOID InbvInstallDisplayStringFilter(PVOID Filter);
VOID InbvSetTextColor(ULONG Color);
VOID InbvSetScrollRegion(ULONG Left, ULONG Top, ULONG Right, ULONG Bottom);
VOID InbvSolidColorFill(ULONG Left, ULONG Top, ULONG Right, ULONG Bottom, ULONG Color);

/* RtlPcToFileHeader (src/nt/io_stack.c): exported, declared only by user-mode winnt.h. */
PVOID RtlPcToFileHeader(PVOID PcValue, PVOID *BaseOfImage);


#endif /* BCSIM_NT_PRIVATE_H */
