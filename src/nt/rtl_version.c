/*
 * src/nt/rtl_version.c — what the simulated machine says its Windows version is:
 * NtBuildNumber and RtlGetVersion, both from the configured build (bcsim_config_t.build_number,
 * knob `build`; the dump header's MinorVersion says the same).
 *
 * Learn: "RtlGetVersion" (returns STATUS_SUCCESS; the caller sets dwOSVersionInfoSize to the
 * size of RTL_OSVERSIONINFOW or RTL_OSVERSIONINFOEXW; PASSIVE_LEVEL), wdk-surface.md 3
 * (RTL_OSVERSIONINFOEXW). bcsim reports Windows 10.0 (every build since Windows 10), platform
 * VER_PLATFORM_WIN32_NT, no service pack, a workstation product. Undocumented, bcsim's choice:
 * a NULL pointer or a size that is neither structure's gives STATUS_INVALID_PARAMETER and
 * writes nothing.
 */
#include "nt_private.h"

void bcsim__nt_set_build_number(bcsim__u32 build)
{
    NtBuildNumber = 0xF0000000U | (build & 0x0FFFFFFFU);
}

NTSTATUS RtlGetVersion(PRTL_OSVERSIONINFOW lpVersionInformation)
{
    bcsim__export_enter(BCSIM__X_RtlGetVersion, BCSIM__CALLER());
    PRTL_OSVERSIONINFOW v = lpVersionInformation;
    if (!v || (v->dwOSVersionInfoSize != sizeof(RTL_OSVERSIONINFOW) &&
               v->dwOSVersionInfoSize != sizeof(RTL_OSVERSIONINFOEXW)))
        return STATUS_INVALID_PARAMETER;
    v->dwMajorVersion = 10;
    v->dwMinorVersion = 0;
    v->dwBuildNumber = NtBuildNumber & 0x0FFFFFFFU;
    v->dwPlatformId = VER_PLATFORM_WIN32_NT;
    RtlZeroMemory(v->szCSDVersion, sizeof(v->szCSDVersion));
    if (v->dwOSVersionInfoSize == sizeof(RTL_OSVERSIONINFOEXW)) {
        PRTL_OSVERSIONINFOEXW x = (PRTL_OSVERSIONINFOEXW)v;
        x->wServicePackMajor = 0;
        x->wServicePackMinor = 0;
        x->wSuiteMask = 0;
        x->wProductType = VER_NT_WORKSTATION;
        x->wReserved = 0;
    }
    return STATUS_SUCCESS;
}
