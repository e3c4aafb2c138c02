/*
 * bcsim shim: stdlib.h for driver translation units (wdk-surface.md 3.11, S1).
 * Pollution-free: no sys/types.h, no intN_t, no malloc (drivers allocate from pool).
 */
#ifndef BCSIM_SHIM_STDLIB_H
#define BCSIM_SHIM_STDLIB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int abs(int v);
long long llabs(long long v);
/* labs: Windows long is 32-bit; bind to abs so the LLP64 meaning holds. The C name is a macro so
 * the declaration does not clash with the compiler's built-in labs(long). */
int bcsim_crt_labs(int v) __asm__("abs");
#define labs bcsim_crt_labs
long long _abs64(long long v) __asm__("llabs");
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
int atoi(const char *s);

#ifndef __min
#  define __min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef __max
#  define __max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef _countof
#  define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif
#ifndef __cplusplus   /* as MSVC's stdlib.h: min/max macros in C only */
#  ifndef min
#    define min(a, b) (((a) < (b)) ? (a) : (b))
#  endif
#  ifndef max
#    define max(a, b) (((a) > (b)) ? (a) : (b))
#  endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_SHIM_STDLIB_H */
