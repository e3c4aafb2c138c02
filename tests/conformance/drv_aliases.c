/*
 * tests/conformance/drv_aliases.c — includes as Windows resolves them (wdk-surface.md S10): the
 * capitalised spellings Learn uses, quoted includes of system headers, and every shim header a
 * driver may include on its own, in an order drivers use. Compile-only conformance TU.
 */
#include "Ntifs.h"
#include <Ntddk.h>
#include <Wdm.h>
#include <Aux_klib.h>
#include <Ntstrsafe.h>
#include <Wdf.h>
#include "ntimage.h"
#include <intrin.h>
#include <specstrings.h>
#include <sal.h>
#include <driverspecs.h>
#include <bugcodes.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <stddef.h>
#include <excpt.h>
#include <guiddef.h>
#include <evntrace.h>
#include <ntiodump.h>
#include <wpprecorder.h>
#include <ndis.h>

ULONG AliasesCheck(PVOID ImageBase)
{
    PIMAGE_DOS_HEADER dos = (PIMAGE_DOS_HEADER)ImageBase;
    PIMAGE_NT_HEADERS64 nt;
    if (dos->e_magic != IMAGE_DOS_SIGNATURE)
        return 0;
    nt = (PIMAGE_NT_HEADERS64)((PUCHAR)ImageBase + dos->e_lfanew);
    if (nt->Signature != IMAGE_NT_SIGNATURE || nt->FileHeader.Machine != IMAGE_FILE_MACHINE_AMD64)
        return 0;
    return nt->OptionalHeader.SizeOfImage + (ULONG)strlen("x") + (ULONG)__min(1, 2) + (ULONG)_countof("ab");
}
