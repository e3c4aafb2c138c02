/*
 * src/nt/ke_checks.c — the shim functions behind PAGED_CODE() and __fastfail.
 */
#include "nt_private.h"

/* PAGED_CODE() — Learn: asserts the caller runs at IRQL <= APC_LEVEL (pageable code): above
 * it PAGED_CODE_AT_HIGH_IRQL (wdk-surface.md S17, src/verifier/irql.c). */
VOID (PAGED_CODE)(VOID)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_PAGED_CODE, caller);
    bcsim__paged_code(caller);
}

/* __fastfail — Learn (__fastfail intrinsic): terminates immediately; in kernel mode the system
 * bug checks with KERNEL_SECURITY_CHECK_FAILURE (0x139), P1 = the fail-fast code (3 for a
 * corrupted LIST_ENTRY, dispatcher-model.md 9.1). Never returns. */
void __fastfail(unsigned int Code)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___fastfail, caller);
    bcsim__bugcheck_from_driver(KERNEL_SECURITY_CHECK_FAILURE, Code, 0, 0, 0, caller);
}
