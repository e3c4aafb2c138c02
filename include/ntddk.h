/*
 * bcsim shim: ntddk.h — wdm.h plus the ntddk-only items (wdk-surface.md 2). Defines _NTDDK_.
 */
#ifndef _NTDDK_
#define _NTDDK_
#define BCSIM_SHIM_NTDDK_H 1

#include <wdm.h>
#include <bcsim_shim/ntddk_impl.h>

#endif /* _NTDDK_ */
