/*
 * bcsim shim: intrin.h — MSVC intrinsics for driver translation units (wdk-surface.md 3.8).
 * Built on compiler builtins and inline assembly only; never includes <immintrin.h> or any
 * libc header (S1). Privileged intrinsics are routed to bcsim (S13). See
 * bcsim_shim/intrin_impl.h.
 */
#ifndef BCSIM_SHIM_INTRIN_H
#define BCSIM_SHIM_INTRIN_H
#include <bcsim_shim/intrin_impl.h>
#endif /* BCSIM_SHIM_INTRIN_H */
