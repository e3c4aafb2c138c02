/*
 * src/nt/stubs_auxklib.c — the Aux_Klib routine bcsim does not implement (the others are in
 * auxklib.c): bcsim's driver images are ELF modules, without a PE export directory.
 */
#include "nt_private.h"
#include <aux_klib.h>

/* AuxKlibGetImageExportDirectory — Learn: a pointer to the export directory. Stub: NULL. */
PIMAGE_EXPORT_DIRECTORY AuxKlibGetImageExportDirectory(PVOID ImageBase)
{
    bcsim__export_enter(BCSIM__X_AuxKlibGetImageExportDirectory, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(ImageBase);
    return NULL;
}
