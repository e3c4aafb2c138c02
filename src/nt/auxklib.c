/*
 * src/nt/auxklib.c — the Auxiliary Kernel-Mode Library (aux_klib.h; on Windows the static
 * library Aux_Klib.lib): bugcheck-api.md 10, driver-patterns.md 8 and 19. The contract
 * findings and the module table are src/machine/auxklib.c's; AuxKlibGetImageExportDirectory stays a
 * stub (bcsim's driver images are ELF modules without a PE export directory).
 */
#include "nt_private.h"
#include <aux_klib.h>

/* AuxKlibInitialize — Learn: must be called before the other routines; STATUS_SUCCESS;
 * PASSIVE_LEVEL. */
NTSTATUS AuxKlibInitialize(VOID)
{
    bcsim__export_enter(BCSIM__X_AuxKlibInitialize, BCSIM__CALLER());
    return bcsim__auxklib_initialize();
}

/* AuxKlibQueryModuleInformation — Learn: with QueryInfo NULL, the bytes needed in *BufferSize;
 * otherwise an array of AUX_MODULE_BASIC_INFO or AUX_MODULE_EXTENDED_INFO (ElementSize says
 * which); STATUS_BUFFER_TOO_SMALL if *BufferSize is too small; PASSIVE_LEVEL. */
NTSTATUS AuxKlibQueryModuleInformation(PULONG BufferSize, ULONG ElementSize, PVOID QueryInfo)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_AuxKlibQueryModuleInformation, caller);
    return bcsim__auxklib_modules((bcsim__u32 *)BufferSize, ElementSize, QueryInfo, caller);
}

/* AuxKlibGetBugCheckData — Learn: the code and parameters of the bug check in progress; only
 * from a bug-check callback, after AuxKlibInitialize; STATUS_INFO_LENGTH_MISMATCH when
 * BugCheckDataSize is not sizeof(KBUGCHECK_DATA). */
NTSTATUS AuxKlibGetBugCheckData(PKBUGCHECK_DATA BugCheckData)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_AuxKlibGetBugCheckData, caller);
    return bcsim__auxklib_bugcheck_data(BugCheckData, caller);
}
