/*
 * bcsim shim: the process-structure (Ps) part of wdm.h — the current process and thread as
 * opaque handles (wdk-surface.md 3.10, 3.15). The ntddk-only Ps routines (notify routines,
 * PsGetProcessId) are in ntddk_impl.h. Needs ntdef.h and ke.h first.
 */
#ifndef BCSIM_SHIM_PS_H
#define BCSIM_SHIM_PS_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/ps.h"
#endif

EXTERN_C_START

typedef struct _CLIENT_ID {
    HANDLE UniqueProcess;
    HANDLE UniqueThread;
} CLIENT_ID, *PCLIENT_ID;

/* bcsim: one simulated process ("System") and one thread; both are stable opaque pointers. */
NTKERNELAPI PEPROCESS NTAPI PsGetCurrentProcess(VOID);
NTKERNELAPI PETHREAD NTAPI PsGetCurrentThread(VOID);
NTKERNELAPI HANDLE NTAPI PsGetCurrentProcessId(VOID);
NTKERNELAPI HANDLE NTAPI PsGetCurrentThreadId(VOID);

EXTERN_C_END

#endif /* BCSIM_SHIM_PS_H */
