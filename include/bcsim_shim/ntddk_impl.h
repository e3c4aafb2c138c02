/* bcsim shim: ntddk-only declarations (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_NTDDK_IMPL_H
#define BCSIM_SHIM_NTDDK_IMPL_H
EXTERN_C_START
__drv_preferredFunction("error logging or driver shutdown",
    "Whenever possible, all kernel-mode components should log an error and "
    "continue to run, rather than calling KeBugCheck")
NTKERNELAPI DECLSPEC_NORETURN VOID NTAPI KeBugCheck(_In_ ULONG BugCheckCode);
EXTERN_C_END
#endif
