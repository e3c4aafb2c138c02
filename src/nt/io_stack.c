/*
 * src/nt/io_stack.c — the current thread's stack and the image around an address, as crash
 * handlers bound and label their stack walks: IoGetStackLimits, IoGetRemainingStackSize,
 * IoGetInitialStack (Learn: any IRQL since Windows Server 2003 SP1), RtlPcToFileHeader (a kernel
 * export the WDK does not declare). The stack is the one the caller runs on: the simulated kernel
 * stack inside a bug-check callback (src/machine/unwind.c).
 */
#include "nt_private.h"

/* The bounds of the stack this call runs on ([0, 0] if bcsim does not know it). */
static BOOLEAN CurrentStack(ULONG64 *Low, ULONG64 *High)
{
    ULONG64 sp = (ULONG64)(ULONG_PTR)__builtin_frame_address(0);
    if (bcsim__stack_bounds(sp, Low, High))
        return TRUE;
    *Low = *High = 0;
    return FALSE;
}

VOID IoGetStackLimits(PULONG_PTR LowLimit, PULONG_PTR HighLimit)
{
    bcsim__export_enter(BCSIM__X_IoGetStackLimits, BCSIM__CALLER());
    ULONG64 lo, hi;
    CurrentStack(&lo, &hi);
    *LowLimit = lo;
    *HighLimit = hi;
}

/* Learn: the amount of available stack space. */
ULONG_PTR IoGetRemainingStackSize(VOID)
{
    bcsim__export_enter(BCSIM__X_IoGetRemainingStackSize, BCSIM__CALLER());
    ULONG64 lo, hi, sp = (ULONG64)(ULONG_PTR)__builtin_frame_address(0);
    return CurrentStack(&lo, &hi) && sp > lo ? sp - lo : 0;
}

/* Learn: the initial base of the current thread's stack (its highest address). */
PVOID IoGetInitialStack(VOID)
{
    bcsim__export_enter(BCSIM__X_IoGetInitialStack, BCSIM__CALLER());
    ULONG64 lo, hi;
    return CurrentStack(&lo, &hi) ? (PVOID)(ULONG_PTR)hi : NULL;
}

/* The base address of the image containing PcValue (also in *BaseOfImage), NULL if none. For a
 * bcsim module that is its lowest mapped address, the ImageBase RtlLookupFunctionEntry gives. */
PVOID RtlPcToFileHeader(PVOID PcValue, PVOID *BaseOfImage)
{
    bcsim__export_enter(BCSIM__X_RtlPcToFileHeader, BCSIM__CALLER());
    PVOID base = bcsim__module_base(PcValue);
    if (BaseOfImage)
        *BaseOfImage = base;
    return base;
}
