/*
 * bcsim shim: ntifs.h — ntddk.h plus the ntifs-only items drivers use. Defines _NTIFS_.
 */
#ifndef _NTIFS_
#define _NTIFS_
#define BCSIM_SHIM_NTIFS_H 1

#include <ntddk.h>
#include <bcsim_shim/ntifs_impl.h>

#endif /* _NTIFS_ */
