/*
 * src/nt/stubs_wdf.c — the minimal WDF routines (wdk-surface.md 3.16), not implemented yet.
 * Each stub enters the verifier gate and returns NULL.
 */
#include "nt_private.h"
#include <wdf.h>

/* WdfDeviceWdmGetDeviceObject — Learn: the WDM device object. Stub: NULL. */
PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(WDFDEVICE Device)
{
    bcsim__export_enter(BCSIM__X_WdfDeviceWdmGetDeviceObject, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Device);
    return NULL;
}

/* WdfObjectGetTypedContextWorker — the per-object context store behind the accessors of
 * WDF_DECLARE_CONTEXT_TYPE_WITH_NAME. Stub: NULL (no object has a context yet). */
PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle, PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo)
{
    bcsim__export_enter(BCSIM__X_WdfObjectGetTypedContextWorker, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Handle);
    UNREFERENCED_PARAMETER(TypeInfo);
    return NULL;
}
