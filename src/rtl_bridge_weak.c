/*
 * src/rtl_bridge_weak.c — TEMPORARY weak fallbacks for bridge functions the string/debug
 * family calls but whose owners (memory.c, contain.c) have not defined yet. A strong
 * definition anywhere in the library replaces them; delete this file once memory.c defines
 * bcsim__pool_alloc_bridge / bcsim__pool_free_bridge and contain.c bcsim__debugbreak.
 */
#include "internal.h"

__attribute__((weak))
void *bcsim__pool_alloc_bridge(bcsim__u64 size, int paged, bcsim__u32 tag, void *caller)
{
    return bcsim__pool_alloc(size, paged != 0, tag, 16, paged ? 1 : 0, (uint64_t)caller);
}

__attribute__((weak))
void bcsim__pool_free_bridge(void *p, void *caller)
{
    (void)bcsim__pool_free(p, (uint64_t)caller, NULL);
}

/* The real one raises STATUS_BREAKPOINT through contain.c (a BREAKPOINT finding). */
__attribute__((weak))
void bcsim__debugbreak(void *caller)
{
    (void)caller;
}
