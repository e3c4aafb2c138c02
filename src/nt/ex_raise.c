/*
 * src/nt/ex_raise.c — ExRaiseStatus over bcsim's structured exceptions (include/excpt.h,
 * src/verifier/contain.c): the innermost driver __try frame of the running call takes the exception
 * (GetExceptionCode() is the status); without one it is unhandled and the running call's
 * containment reports it (KMODE_EXCEPTION_NOT_HANDLED, 0x1E).
 */
#include "nt_private.h"

/* ExRaiseStatus — Learn: raises an exception with the given status; never returns to the
 * caller. IRQL <= APC_LEVEL. */
VOID ExRaiseStatus(NTSTATUS Status)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExRaiseStatus, caller);
    bcsim__raise_status(Status, caller);
}
