/*
 * bcsim shim: wdmsec.h — the predefined SDDL strings for device objects (what
 * WdfDeviceInitAssignSDDLString and WdfControlDeviceInitAllocate take). Each is a constant
 * UNICODE_STRING with "select any" linkage, so every translation unit may include the header.
 */
#ifndef _WDMSEC_H_
#define _WDMSEC_H_

#include <wdm.h>

#ifdef __cplusplus
#  define BCSIM_WDMSEC_LINKAGE extern "C" DECLSPEC_SELECTANY
#else
#  define BCSIM_WDMSEC_LINKAGE DECLSPEC_SELECTANY
#endif
#define BCSIM_WDMSEC_STRING(_var, _text)                                                        \
    BCSIM_WDMSEC_LINKAGE const WCHAR _var##_buffer[] = _text;                                     \
    BCSIM_WDMSEC_LINKAGE const UNICODE_STRING _var = {                                            \
        (USHORT)(sizeof(_text) - sizeof(WCHAR)), (USHORT)sizeof(_text), (PWCH)_var##_buffer }

BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_KERNEL_ONLY, L"D:P");
#define SDDL_DEVOBJ_INF_SUPPLIED SDDL_DEVOBJ_KERNEL_ONLY
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL, L"D:P(A;;GA;;;SY)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_ALL, L"D:P(A;;GA;;;SY)(A;;GA;;;BA)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_RX, L"D:P(A;;GA;;;SY)(A;;GRGX;;;BA)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R, L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW, L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGW;;;WD)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX, L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGWGX;;;WD)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R,
                    L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGW;;;WD)(A;;GR;;;RC)");
BCSIM_WDMSEC_STRING(SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX,
                    L"D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGWGX;;;WD)(A;;GRGWGX;;;RC)");

#endif /* _WDMSEC_H_ */
