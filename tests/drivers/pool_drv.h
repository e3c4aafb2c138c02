/* tests/drivers/pool_drv.h — the harness-side view of tests/drivers/pool_drv.c. */
#ifndef POOL_DRV_H
#define POOL_DRV_H
#include <stddef.h>
void *pl_alloc2(unsigned long long flags, size_t bytes, unsigned tag);
void *pl_alloc3(unsigned long long flags, size_t bytes, unsigned tag, int with_params);
void *pl_alloc_tag(int pool_type, size_t bytes, unsigned tag);
void *pl_alloc_priority(int pool_type, size_t bytes, unsigned tag);
void *pl_alloc_untagged(int pool_type, size_t bytes);
void *pl_alloc_zero(int pool_type, size_t bytes, unsigned tag);
void *pl_alloc_uninitialized(int pool_type, size_t bytes, unsigned tag);
void pl_free(void *p);
void pl_free_tag(void *p, unsigned tag);
void pl_free2(void *p, unsigned tag);
/* Inside __try/__except: the exception code (0 if none), the result in *out. */
int pl_alloc2_catching(unsigned long long flags, size_t bytes, unsigned tag, void **out);
int pl_alloc_quota_catching(int pool_type, size_t bytes, unsigned tag, void **out);
/* For bcsim_sim_call: ExAllocatePool2 with POOL_FLAG_RAISE_ON_FAILURE of an impossible size,
 * no __try around it. */
void pl_raise_unhandled(void *unused);
void pl_use_after_free(void *unused);
/* At a raised IRQL (raised, done, lowered back). */
void *pl_alloc2_at(unsigned char irql, unsigned long long flags, size_t bytes, unsigned tag);
void pl_free_at(unsigned char irql, void *p);
/* A legacy callback allocating and freeing nonpaged pool with ExAllocatePool2. */
unsigned char pl_register(void);
#endif
