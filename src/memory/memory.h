/*
 * src/memory/memory.h — the memory model (src/memory/memory.c, images.c): every range of
 * driver-visible memory bcsim knows, with its class and synthetic physical frames
 * (dump-format.md 13), the pool allocator's table, OS structures, and the image registry.
 */
#ifndef BCSIM_SRC_MEMORY_MEMORY_H
#define BCSIM_SRC_MEMORY_MEMORY_H

#include "internal.h"

typedef enum bcsim__mclass {
    BCSIM__MEM_NONPAGED = 0,  /* nonpaged pool, images, bcsim OS structures */
    BCSIM__MEM_PAGED = 1,     /* paged pool: inaccessible while a bug check runs */
    BCSIM__MEM_STACK = 2,
    BCSIM__MEM_GUARD = 3,     /* inaccessible page after an OS buffer */
    BCSIM__MEM_FREED = 4,     /* unloaded driver image */
    BCSIM__MEM_MMIO = 5,      /* modelled device registers: never dumped */
} bcsim__mclass_t;

#define BCSIM__MF_EXEC 0x1u     /* contains executable code */
#define BCSIM__MF_DUMP 0x2u     /* in the default page set of dumps */
#define BCSIM__MF_IMAGE 0x4u    /* a driver (or host) image segment */
#define BCSIM__MF_OS 0x8u       /* bcsim's own OS structures */
#define BCSIM__MF_POOL 0x10u    /* a pool arena chunk (allocation table applies) */
#define BCSIM__MF_FRAMES 0x20u  /* has frames but is not in the default page set
                                   (MmAllocatePagesForMdl pages: added by physical address) */

typedef struct bcsim__region {
    uint64_t start, end;        /* [start, end), page aligned */
    uint32_t mclass;            /* bcsim__mclass_t */
    uint32_t flags;             /* BCSIM__MF_* */
    uint64_t pfn_base;          /* 0 = no frames (never dumped) */
    int64_t alias_delta;        /* harness-readable copy at start + alias_delta */
    int32_t image;              /* owning image index, -1 */
    const char *name;
} bcsim__region_t;

/* A pool allocation (for fault reports and use-after-free / double-free checks). */
typedef struct bcsim__alloc {
    uint64_t addr, size;
    uint32_t tag;
    bool paged, freed;
    bool special;               /* on pages of its own (the verifier's special pool) */
    uint64_t site;              /* return address of the allocating call */
    uint64_t free_site;         /* return address of the freeing call (0 while live) */
    int32_t pool_type;
} bcsim__alloc_t;

/* The first frame the registry hands out; frames below are the dump writer's page tables. */
#define BCSIM__PFN_DATA_BASE 0x10000ULL

int bcsim__memory_init(void);
void bcsim__memory_fini(void);
void bcsim__memory_reset_pools(void);
const bcsim__region_t *bcsim__mem_find(uint64_t addr);
/* Registers [start, end) (page-rounded outward) with a class; assigns frames when DUMP or FRAMES. */
int bcsim__mem_register(uint64_t start, uint64_t end, uint32_t mclass, uint32_t flags,
                        int32_t image, const char *name);
void bcsim__mem_reclassify_image(int32_t image, uint32_t mclass);
/* true if every byte of [addr, addr+len) is known, readable driver memory in a class from
 * class_mask (1u << bcsim__mclass_t), and not inside a freed pool block. */
bool bcsim__mem_is(uint64_t addr, uint64_t len, uint32_t class_mask);
#define BCSIM__MC(c) (1u << (c))
#define BCSIM__MC_RESIDENT (BCSIM__MC(BCSIM__MEM_NONPAGED))
#define BCSIM__MC_READABLE (BCSIM__MC(BCSIM__MEM_NONPAGED) | BCSIM__MC(BCSIM__MEM_PAGED) | BCSIM__MC(BCSIM__MEM_STACK))
/* Best class description of an address for messages ("paged pool", "a stack", ...). */
const char *bcsim__mem_describe(uint64_t addr);
uint32_t bcsim__mem_class_of(uint64_t addr, bool *known);
bool bcsim__mem_is_exec(uint64_t addr);
/* Host-level probe: can the process read/write these bytes at all (no fault)? */
bool bcsim__probe_read(const void *p, size_t n);
bool bcsim__probe_write(void *p, size_t n);
/* Reads bytes for the harness even from protected paged pool (through its alias). */
bool bcsim__mem_read_harness(uint64_t addr, void *dst, size_t n);
/* [addr, addr + n) inside one pool region, as the harness may read it in place (paged pool
 * through its alias); NULL otherwise (images and stacks may hold sanitizer-poisoned bytes). */
const void *bcsim__mem_pool_view(uint64_t addr, size_t n);
/* Synthetic physical address; false if the address has no frame. */
bool bcsim__mem_va_to_pa(uint64_t va, uint64_t *pa);
bool bcsim__mem_pa_to_va(uint64_t pa, uint64_t *va);
uint64_t bcsim__mem_max_pfn(void);  /* one past the highest frame in use */
const bcsim__region_t *bcsim__mem_regions(size_t *count);
/* Pool. */
void *bcsim__pool_alloc(uint64_t size, bool paged, uint32_t tag, uint32_t align,
                        int32_t pool_type, uint64_t site);
/* 0 ok, 1 not an allocation, 2 already freed */
int bcsim__pool_free(void *p, uint64_t site, const bcsim__alloc_t **out);
const bcsim__alloc_t *bcsim__pool_find(uint64_t addr);
/* Is addr in a freed special-pool block whose pages are still inaccessible (quarantine)? */
bool bcsim__pool_quarantined(uint64_t addr, const bcsim__alloc_t **out);
void bcsim__paged_protect(bool inaccessible);
bool bcsim__paged_is_protected(void);
/* Whole pages for the Mm routines (src/machine/mm.c): a region of its own with this class and flags
 * (frames when DUMP or FRAMES). NULL if the arena is exhausted. */
void *bcsim__mem_pages_alloc(uint64_t bytes, uint32_t mclass, uint32_t flags, const char *name);
/* Frees a block from bcsim__mem_pages_alloc (by its start): false if it is not one. */
bool bcsim__mem_pages_free(void *p);
/* OS structures (list heads, KiBugCheckData, reason-specific data, scratch pages). */
void *bcsim__os_alloc(uint64_t size, uint32_t align);
/* A buffer ending exactly at a page boundary followed by an inaccessible guard page. */
void *bcsim__os_alloc_guarded(uint64_t size, const char *guard_name);

/* ---- the image registry (src/memory/images.c) --------------------------------------------- */
/* Index of the image containing addr (driver modules first), -1 if none. */
int32_t bcsim__image_of(uint64_t addr);
/* Registers the loaded ELF object containing any_addr: its PT_LOAD segments become image
 * memory (code executable, all of it in dumps). @return the index, -1. Symbol caches of the
 * verifier are the caller's to invalidate. */
int32_t bcsim__image_register_object(const char *name, const char *path, uint64_t any_addr,
                                     void *handle, bool host);
const bcsim__image_t *bcsim__image_get(int32_t idx);

#endif /* BCSIM_SRC_MEMORY_MEMORY_H */
