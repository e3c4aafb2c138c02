/*
 * src/nt/stubs_rtl.c — Rtl routines bcsim does not implement yet: assertions. Each stub enters
 * the verifier gate and returns the documented failure value. (Context capture and unwinding
 * are src/nt/rtl_stack.c.)
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
