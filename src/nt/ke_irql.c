/*
 * src/nt/ke_irql.c — the IRQL routines on bcsim's simulated IRQL (wdk-surface.md S13,
 * bugcheck-api.md 3): the WDK's x64 forms read and write CR8, which faults in user mode.
 * KeRaiseIrql/KeLowerIrql are the headers' macros over KfRaiseIrql/KfLowerIrql. The rules
 * (0xC4/0x30, 0xC4/0x31, lowering inside a bug-check callback) are src/verifier/irql.c's.
 */
#include "nt_private.h"

/* KeGetCurrentIrql — Learn: returns the current IRQL; any level. */
KIRQL KeGetCurrentIrql(VOID)
{
    bcsim__export_enter(BCSIM__X_KeGetCurrentIrql, BCSIM__CALLER());
    return bcsim__irql_current();
}

/* KfRaiseIrql (KeRaiseIrql) — Learn: raises to NewIrql and returns the previous IRQL;
 * NewIrql below the current IRQL is an error (Driver Verifier 0xC4/0x30). */
KIRQL FASTCALL KfRaiseIrql(KIRQL NewIrql)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KfRaiseIrql, caller);
    return bcsim__irql_raise(NewIrql, caller);
}

/* KfLowerIrql (KeLowerIrql) — Learn: restores the IRQL KeRaiseIrql returned; NewIrql above the
 * current IRQL is an error (0xC4/0x31). */
VOID FASTCALL KfLowerIrql(KIRQL NewIrql)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KfLowerIrql, caller);
    bcsim__irql_lower(NewIrql, caller);
}

/* KeRaiseIrqlToDpcLevel — Learn: raises to DISPATCH_LEVEL, returns the previous IRQL; callers
 * run at IRQL <= DISPATCH_LEVEL (above it this would lower: 0xC4/0x30). */
KIRQL KeRaiseIrqlToDpcLevel(VOID)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeRaiseIrqlToDpcLevel, caller);
    return bcsim__irql_raise(DISPATCH_LEVEL, caller);
}

/* KeRaiseIrqlToSynchLevel — Learn: raises to SYNCH_LEVEL (12 on x64), returns the previous IRQL. */
KIRQL KeRaiseIrqlToSynchLevel(VOID)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeRaiseIrqlToSynchLevel, caller);
    return bcsim__irql_raise(SYNCH_LEVEL, caller);
}
