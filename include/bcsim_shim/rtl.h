/* bcsim shim: Rtl memory routines and list helpers, part of wdm.h (core subset; the
 * shim-surface work completes it). */
#ifndef BCSIM_SHIM_RTL_H
#define BCSIM_SHIM_RTL_H

#include <string.h>

#define RtlEqualMemory(d, s, l)  (!memcmp((d), (s), (l)))
#define RtlMoveMemory(d, s, l)   memmove((d), (s), (l))
#define RtlCopyMemory(d, s, l)   memcpy((d), (s), (l))
#define RtlFillMemory(d, l, f)   memset((d), (f), (l))
#define RtlZeroMemory(d, l)      memset((d), 0, (l))
#define RtlSecureZeroMemory(d, l) memset((d), 0, (l))

#endif /* BCSIM_SHIM_RTL_H */
