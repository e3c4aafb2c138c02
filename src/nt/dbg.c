/*
 * src/nt/dbg.c — DbgPrint & co., the Windows-named debug-output entry points (thin: the
 * formatter is src/report/fmt.c, the log, filter and IRQL findings src/machine/dbglog.c). Driver profile.
 */
#include <wdm.h>
#include "../bridge.h"

/* Learn (DbgPrintEx): "any single call to DbgPrintEx will only transmit 512 bytes of
 * information"; the prefix of vDbgPrintExWithPrefix counts towards it. */
#define DBG_MAX_MESSAGE 512

static ULONG dbg_vprint(PCCH Prefix, ULONG ComponentId, ULONG Level, PCCH Format, va_list *ap,
                        void *caller)
{
    char text[DBG_MAX_MESSAGE];
    size_t used = 0;
    unsigned flags = 0;
    if (Prefix)
        while (Prefix[used] && used < sizeof(text) - 1) {
            text[used] = Prefix[used];
            used++;
        }
    int n = bcsim__fmt_bridge(text + used, sizeof(text) - used, Format, (void *)ap, &flags);
    if (n > 0)
        used += (size_t)n < sizeof(text) - 1 - used ? (size_t)n : sizeof(text) - 1 - used;
    text[used] = '\0';
    bcsim__dbgprint_emit(text, used, ComponentId, Level, flags, caller);
    return (ULONG)STATUS_SUCCESS;
}

/* DbgPrint — Learn: since Windows Vista it behaves as DbgPrintEx(DPFLTR_DEFAULT_ID,
 * DPFLTR_INFO_LEVEL, ...); callable at IRQL <= DIRQL. */
ULONG __cdecl DbgPrint(PCSTR Format, ...)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_DbgPrint, caller);
    va_list ap;
    va_start(ap, Format);
    ULONG r = dbg_vprint(NULL, DPFLTR_DEFAULT_ID, DPFLTR_INFO_LEVEL, Format, &ap, caller);
    va_end(ap);
    return r;
}

/* DbgPrintEx — Learn: sends the string if ComponentId / Level pass the component filter
 * mask; returns STATUS_SUCCESS; IRQL <= DIRQL, Unicode conversions only at PASSIVE_LEVEL. */
ULONG __cdecl DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_DbgPrintEx, caller);
    va_list ap;
    va_start(ap, Format);
    ULONG r = dbg_vprint(NULL, ComponentId, Level, Format, &ap, caller);
    va_end(ap);
    return r;
}

/* vDbgPrintEx — Learn: DbgPrintEx with a va_list. */
ULONG NTAPI vDbgPrintEx(ULONG ComponentId, ULONG Level, PCCH Format, va_list arglist)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_vDbgPrintEx, caller);
    va_list ap;
    va_copy(ap, arglist);   /* a va_list parameter has decayed: pass a real one by address */
    ULONG r = dbg_vprint(NULL, ComponentId, Level, Format, &ap, caller);
    va_end(ap);
    return r;
}

/* vDbgPrintExWithPrefix — Learn: vDbgPrintEx with Prefix printed in front of the message. */
ULONG NTAPI vDbgPrintExWithPrefix(PCCH Prefix, ULONG ComponentId, ULONG Level, PCCH Format,
                                  va_list arglist)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_vDbgPrintExWithPrefix, caller);
    va_list ap;
    va_copy(ap, arglist);
    ULONG r = dbg_vprint(Prefix, ComponentId, Level, Format, &ap, caller);
    va_end(ap);
    return r;
}

/* DbgSetDebugFilterState — sets or clears Level's bits in ComponentId's filter mask. */
NTSTATUS NTAPI DbgSetDebugFilterState(ULONG ComponentId, ULONG Level, BOOLEAN State)
{
    bcsim__export_enter(BCSIM__X_DbgSetDebugFilterState, BCSIM__CALLER());
    return bcsim__dbg_filter_set(ComponentId, Level, State != FALSE);
}

/* DbgQueryDebugFilterState — TRUE / FALSE: would such a message be shown. */
NTSTATUS NTAPI DbgQueryDebugFilterState(ULONG ComponentId, ULONG Level)
{
    bcsim__export_enter(BCSIM__X_DbgQueryDebugFilterState, BCSIM__CALLER());
    return bcsim__dbg_filter_query(ComponentId, Level);
}

/* DbgBreakPoint — Learn: breaks into the kernel debugger; with none attached Windows bug
 * checks. bcsim raises a breakpoint exception through contain.c (a BREAKPOINT finding). */
VOID NTAPI DbgBreakPoint(VOID)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_DbgBreakPoint, caller);
    bcsim__debugbreak(caller);
}

/* KdRefreshDebuggerNotPresent — Learn: refreshes KD_DEBUGGER_NOT_PRESENT and returns it.
 * bcsim never has a kernel debugger attached (wdk-surface.md 3.12). */
BOOLEAN KdRefreshDebuggerNotPresent(VOID)
{
    bcsim__export_enter(BCSIM__X_KdRefreshDebuggerNotPresent, BCSIM__CALLER());
    return TRUE;
}
