/*
 * src/nt/inbv.c — the boot video (Inbv) routines crash handlers use to write on the blue screen.
 * They are kernel exports the WDK does not declare (drivers prototype them), with no Learn page;
 * bcsim's model: there is one text screen, its contents kept for the report (src/machine/screen.c,
 * bcsim_result_t.screen). The display driver is installed, a driver that acquires the display
 * owns it, colours, fills, scroll regions and string filters change nothing the report shows.
 * Any IRQL: they exist to be called from a bug check.
 */
#include "nt_private.h"

static BOOLEAN DisplayOwned;

/* TRUE: the boot display driver is present. */
BOOLEAN InbvIsBootDriverInstalled(VOID)
{
    bcsim__export_enter(BCSIM__X_InbvIsBootDriverInstalled, BCSIM__CALLER());
    return TRUE;
}

VOID InbvAcquireDisplayOwnership(VOID)
{
    bcsim__export_enter(BCSIM__X_InbvAcquireDisplayOwnership, BCSIM__CALLER());
    DisplayOwned = TRUE;
}

/* TRUE once a driver acquired the display. */
BOOLEAN InbvCheckDisplayOwnership(VOID)
{
    bcsim__export_enter(BCSIM__X_InbvCheckDisplayOwnership, BCSIM__CALLER());
    return DisplayOwned;
}

VOID InbvNotifyDisplayOwnershipLost(PVOID Callback)
{
    bcsim__export_enter(BCSIM__X_InbvNotifyDisplayOwnershipLost, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Callback);
    DisplayOwned = FALSE;
}

/* Clears the screen; TRUE. */
BOOLEAN InbvResetDisplay(VOID)
{
    bcsim__export_enter(BCSIM__X_InbvResetDisplay, BCSIM__CALLER());
    bcsim__screen_reset();
    return TRUE;
}

/* The text goes on the screen (the report's); TRUE if display strings are enabled. */
BOOLEAN InbvDisplayString(PUCHAR String)
{
    bcsim__export_enter(BCSIM__X_InbvDisplayString, BCSIM__CALLER());
    return bcsim__screen_write((const char *)String, 4096) ? TRUE : FALSE;
}

/* Returns whether display strings were enabled before. */
BOOLEAN InbvEnableDisplayString(BOOLEAN Enable)
{
    bcsim__export_enter(BCSIM__X_InbvEnableDisplayString, BCSIM__CALLER());
    return bcsim__screen_enable(Enable) ? TRUE : FALSE;
}

VOID InbvInstallDisplayStringFilter(PVOID Filter)
{
    bcsim__export_enter(BCSIM__X_InbvInstallDisplayStringFilter, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Filter);
}

VOID InbvSetTextColor(ULONG Color)
{
    bcsim__export_enter(BCSIM__X_InbvSetTextColor, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Color);
}

VOID InbvSetScrollRegion(ULONG Left, ULONG Top, ULONG Right, ULONG Bottom)
{
    bcsim__export_enter(BCSIM__X_InbvSetScrollRegion, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Left);
    UNREFERENCED_PARAMETER(Top);
    UNREFERENCED_PARAMETER(Right);
    UNREFERENCED_PARAMETER(Bottom);
}

VOID InbvSolidColorFill(ULONG Left, ULONG Top, ULONG Right, ULONG Bottom, ULONG Color)
{
    bcsim__export_enter(BCSIM__X_InbvSolidColorFill, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Left);
    UNREFERENCED_PARAMETER(Top);
    UNREFERENCED_PARAMETER(Right);
    UNREFERENCED_PARAMETER(Bottom);
    UNREFERENCED_PARAMETER(Color);
}
