/*
 * src/nt/mm_routines.c — MmGetSystemRoutineAddress and its name table (wdk-surface.md 3.13),
 * and MmSizeOfMdl.
 *
 * The table is built from src/exports.inc: every kernel or HAL export the shim declares (wdm.h,
 * ntddk.h, ntifs.h) or bcsim defines undeclared ("-"), stubs included (a stub reports itself
 * when called). Aux_Klib, WDF, ntstrsafe and intrinsics are not kernel exports and resolve to
 * NULL, as on Windows. Every inventory row must be declared here (by a shim header or
 * nt_private.h), which keeps the inventory and the headers honest at compile time.
 */
#include "nt_private.h"
#include <aux_klib.h>
#include <wdf.h>
#include <ntstrsafe.h>
#include <ndis.h>

enum { KIND_FUNC, KIND_DATA };

typedef struct routine {
    const char *name;
    const char *header;
    int kind;
    const void *address;
} routine_t;

#define FUNC KIND_FUNC
#define DATA KIND_DATA
static const routine_t routines[] = {
#define BCSIM__EXPORT_ENUM(name, header, kind, status, max_irql, report) \
    { #name, header, kind, (const void *)&name },
#include "../exports.inc"
#undef BCSIM__EXPORT_ENUM
};
#undef FUNC
#undef DATA

/* Data exports whose variable in bcsim is the driver's import slot (a pointer the WDK or the
 * driver declares): the export itself is what the pointer points at (bugcheck-api.md 9). */
static const char *const pointer_slots[] = { "KiBugCheckData", "KdDebuggerEnabled",
                                             "KdDebuggerNotPresent" };

/* Not exports at all, although the inventory lists them for the verifier gate. */
static const char *const not_exports[] = { "PAGED_CODE" };

static BOOLEAN is_kernel_header(const char *h)
{
    return !strcmp(h, "wdm.h") || !strcmp(h, "ntddk.h") || !strcmp(h, "ntifs.h") ||
           !strcmp(h, "-");
}

static BOOLEAN in_list(const char *name, const char *const *list, ULONG n)
{
    for (ULONG i = 0; i < n; i++)
        if (!strcmp(name, list[i]))
            return TRUE;
    return FALSE;
}

static PVOID resolve(const char *name)
{
    for (ULONG i = 0; i < RTL_NUMBER_OF(routines); i++) {
        const routine_t *r = &routines[i];
        if (strcmp(r->name, name) || !is_kernel_header(r->header) ||
            in_list(name, not_exports, RTL_NUMBER_OF(not_exports)))
            continue;
        if (r->kind == KIND_DATA && in_list(name, pointer_slots, RTL_NUMBER_OF(pointer_slots)))
            return *(PVOID const *)r->address;
        return (PVOID)r->address;
    }
    return NULL;
}

/* MmGetSystemRoutineAddress — Learn: resolves kernel and HAL exports by name, returns NULL if
 * the routine cannot be found; PASSIVE_LEVEL. Names are case-sensitive ASCII; a name that is
 * not ASCII or longer than any export cannot match. */
PVOID MmGetSystemRoutineAddress(PUNICODE_STRING SystemRoutineName)
{
    bcsim__export_enter(BCSIM__X_MmGetSystemRoutineAddress, BCSIM__CALLER());
    char name[128];
    ULONG n = 0;
    BOOLEAN ascii = TRUE;
    if (SystemRoutineName && SystemRoutineName->Buffer) {
        ULONG chars = SystemRoutineName->Length / sizeof(WCHAR);
        for (; n < chars && n + 1 < sizeof(name); n++) {
            WCHAR c = SystemRoutineName->Buffer[n];
            if (c == 0 || c > 0x7E)
                ascii = FALSE;
            name[n] = (char)(c > 0x7E ? '?' : c);
        }
        if (n < chars)
            ascii = FALSE;
    }
    name[n] = 0;
    PVOID address = ascii && n ? resolve(name) : NULL;
    bcsim__note_routine_lookup(name, address != NULL);
    return address;
}

/* MmSizeOfMdl — Learn: the bytes an MDL describing [Base, Base + Length) needs: the header plus
 * one PFN_NUMBER per page spanned. */
SIZE_T MmSizeOfMdl(PVOID Base, SIZE_T Length)
{
    bcsim__export_enter(BCSIM__X_MmSizeOfMdl, BCSIM__CALLER());
    return sizeof(MDL) + sizeof(PFN_NUMBER) * ADDRESS_AND_SIZE_TO_SPAN_PAGES(Base, Length);
}
