/*
 * src/nt/stubs_rtl.c — Rtl routines bcsim does not implement yet: assertions, context capture
 * and unwinding. Each stub enters the verifier gate and returns the
 * documented failure value.
 */
#include "nt_private.h"

/* RtlAssert — the failure path of ASSERT/NT_ASSERT in DBG builds. Stub: returns (the finding
 * comes from the gate's "stub" report until the verifier turns it into an assertion finding). */
VOID RtlAssert(PVOID VoidFailedAssertion, PVOID VoidFileName, ULONG LineNumber, PSTR MutableMessage)
{
    bcsim__export_enter(BCSIM__X_RtlAssert, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(VoidFailedAssertion);
    UNREFERENCED_PARAMETER(VoidFileName);
    UNREFERENCED_PARAMETER(LineNumber);
    UNREFERENCED_PARAMETER(MutableMessage);
}

/* RtlCaptureContext — Learn: no return value. Stub: a zeroed context with ContextFlags 0. */
VOID RtlCaptureContext(PCONTEXT ContextRecord)
{
    bcsim__export_enter(BCSIM__X_RtlCaptureContext, BCSIM__CALLER());
    memset(ContextRecord, 0, sizeof(*ContextRecord));
}

/* RtlLookupFunctionEntry — returns NULL when no function table entry is found. */
PRUNTIME_FUNCTION RtlLookupFunctionEntry(ULONG64 ControlPc, PULONG64 ImageBase,
                                         PUNWIND_HISTORY_TABLE HistoryTable)
{
    bcsim__export_enter(BCSIM__X_RtlLookupFunctionEntry, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(ControlPc);
    UNREFERENCED_PARAMETER(HistoryTable);
    if (ImageBase)
        *ImageBase = 0;
    return NULL;
}

/* RtlVirtualUnwind — Stub: no language handler (NULL); the context is left unchanged. */
PEXCEPTION_ROUTINE RtlVirtualUnwind(ULONG HandlerType, ULONG64 ImageBase, ULONG64 ControlPc,
                                    PRUNTIME_FUNCTION FunctionEntry, PCONTEXT ContextRecord,
                                    PVOID *HandlerData, PULONG64 EstablisherFrame,
                                    PKNONVOLATILE_CONTEXT_POINTERS ContextPointers)
{
    bcsim__export_enter(BCSIM__X_RtlVirtualUnwind, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(HandlerType);
    UNREFERENCED_PARAMETER(ImageBase);
    UNREFERENCED_PARAMETER(ControlPc);
    UNREFERENCED_PARAMETER(FunctionEntry);
    UNREFERENCED_PARAMETER(ContextRecord);
    UNREFERENCED_PARAMETER(ContextPointers);
    if (HandlerData)
        *HandlerData = NULL;
    if (EstablisherFrame)
        *EstablisherFrame = 0;
    return NULL;
}
