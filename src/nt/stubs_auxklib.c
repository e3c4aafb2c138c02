/*
 * src/nt/stubs_auxklib.c — the Auxiliary Kernel-Mode Library (aux_klib.h; on Windows the static
 * library Aux_Klib.lib), not implemented yet (bugcheck-api.md 10). Each stub enters the verifier
 * gate and returns the documented failure value.
 */
#include "nt_private.h"
#include <aux_klib.h>

/* AuxKlibInitialize — Learn: STATUS_SUCCESS or an NTSTATUS error. Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS AuxKlibInitialize(VOID)
{
    bcsim__export_enter(BCSIM__X_AuxKlibInitialize, BCSIM__CALLER());
    return STATUS_NOT_IMPLEMENTED;
}

/* AuxKlibQueryModuleInformation — Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS AuxKlibQueryModuleInformation(PULONG BufferSize, ULONG ElementSize, PVOID QueryInfo)
{
    bcsim__export_enter(BCSIM__X_AuxKlibQueryModuleInformation, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(BufferSize);
    UNREFERENCED_PARAMETER(ElementSize);
    UNREFERENCED_PARAMETER(QueryInfo);
    return STATUS_NOT_IMPLEMENTED;
}

/* AuxKlibGetBugCheckData — Learn: STATUS_SUCCESS or STATUS_INFO_LENGTH_MISMATCH. Stub:
 * STATUS_NOT_IMPLEMENTED. */
NTSTATUS AuxKlibGetBugCheckData(PKBUGCHECK_DATA BugCheckData)
{
    bcsim__export_enter(BCSIM__X_AuxKlibGetBugCheckData, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(BugCheckData);
    return STATUS_NOT_IMPLEMENTED;
}

/* AuxKlibGetImageExportDirectory — Learn: a pointer to the export directory. Stub: NULL. */
PIMAGE_EXPORT_DIRECTORY AuxKlibGetImageExportDirectory(PVOID ImageBase)
{
    bcsim__export_enter(BCSIM__X_AuxKlibGetImageExportDirectory, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(ImageBase);
    return NULL;
}
