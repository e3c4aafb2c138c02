/*
 * bcsim shim: aux_klib.h — the Auxiliary Kernel-Mode Library (wdk-surface.md 2,
 * bugcheck-api.md 5.10, 6, 10). On Windows these routines come from the static library
 * Aux_Klib.lib, not from the kernel; bcsim provides them. Declarations are inside the
 * NTDDI_VERSION >= NTDDI_VISTA block, as in the WDK.
 */
#ifndef _AUX_KLIB_H
#define _AUX_KLIB_H
#define BCSIM_SHIM_AUX_KLIB_H 1

#include <ntdef.h>
#ifndef PIMAGE_EXPORT_DIRECTORY
#  include <ntimage.h>
#endif

EXTERN_C_START

#if (NTDDI_VERSION >= NTDDI_VISTA)

#define AUX_KLIB_MODULE_PATH_LEN 256

typedef struct _AUX_MODULE_BASIC_INFO {
    PVOID ImageBase;
} AUX_MODULE_BASIC_INFO, *PAUX_MODULE_BASIC_INFO;

typedef struct _AUX_MODULE_EXTENDED_INFO {
    AUX_MODULE_BASIC_INFO BasicInfo;
    ULONG ImageSize;
    USHORT FileNameOffset;
    UCHAR FullPathName[AUX_KLIB_MODULE_PATH_LEN];
} AUX_MODULE_EXTENDED_INFO, *PAUX_MODULE_EXTENDED_INFO;

/* bugcheck-api.md 5.10: the caller sets BugCheckDataSize = sizeof(KBUGCHECK_DATA). */
typedef struct _KBUGCHECK_DATA {
    ULONG BugCheckDataSize;
    ULONG BugCheckCode;
    ULONG_PTR Parameter1;
    ULONG_PTR Parameter2;
    ULONG_PTR Parameter3;
    ULONG_PTR Parameter4;
} KBUGCHECK_DATA, *PKBUGCHECK_DATA;

#if defined(__x86_64__)
C_ASSERT(sizeof(AUX_MODULE_EXTENDED_INFO) == 0x110);
C_ASSERT(FIELD_OFFSET(AUX_MODULE_EXTENDED_INFO, ImageSize) == 0x8);
C_ASSERT(FIELD_OFFSET(AUX_MODULE_EXTENDED_INFO, FileNameOffset) == 0xC);
C_ASSERT(FIELD_OFFSET(AUX_MODULE_EXTENDED_INFO, FullPathName) == 0xE);
C_ASSERT(sizeof(KBUGCHECK_DATA) == 0x28);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_DATA, Parameter1) == 0x08);
C_ASSERT(FIELD_OFFSET(KBUGCHECK_DATA, Parameter4) == 0x20);
#endif

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
__stdcall
AuxKlibInitialize(
    VOID
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
__stdcall
AuxKlibQueryModuleInformation(
    _Inout_ PULONG BufferSize,
    _In_ ULONG ElementSize,
    _Out_writes_bytes_opt_(*BufferSize) PVOID QueryInfo
    );

/* Learn: callable only from a BugCheckCallback routine. */
NTSTATUS
AuxKlibGetBugCheckData(
    _Inout_ PKBUGCHECK_DATA BugCheckData
    );

PIMAGE_EXPORT_DIRECTORY
AuxKlibGetImageExportDirectory(
    _In_ PVOID ImageBase
    );

#endif /* NTDDI_VERSION >= NTDDI_VISTA */

EXTERN_C_END

#endif /* _AUX_KLIB_H */
