/*
 * src/memory/memory.c — the memory registry: every range of driver-visible memory bcsim knows,
 * its class (dispatcher-model.md 8.3) and its synthetic physical frames (dump-format.md 13).
 *
 * Arenas (reserved once, committed in chunks):
 *   nonpaged pool  a memfd mapped twice: the driver view, and a harness alias that stays
 *                  readable when the driver view of a freed block is made inaccessible;
 *   paged pool     the same; the driver view is also made inaccessible while a bug check
 *                  runs, the harness alias stays readable for the dump writer;
 * Pool blocks (the verifier's special pool, knob pool.special, on with the verifier): every
 * block starts on a page of its own, as Driver Verifier's special pool places it, so a freed
 * block's pages can be made inaccessible in the driver view: a later access faults and is
 * reported with its allocation and free sites. Freed blocks stay inaccessible for a bounded
 * quarantine (pool.quarantine bytes, oldest first); only then may their pages serve a new
 * block. With the special pool off, blocks are packed and never reused.
 *   OS             bcsim's own structures (list heads, KiBugCheckData, reason-specific data,
 *                  scratch pages), some ending at a guard page.
 *
 * Frames: PML4 at PFN 0x1AD and page tables above it are the dump writer's business; every
 * registered dumpable range gets a block of frames from a bump allocator starting at
 * BCSIM__PFN_DATA_BASE, so the set of frames stays dense (few physical-memory runs) and
 * below 2^32 (driver-patterns.md 15).
 */
#include "internal.h"
#include "memory/memory.h"

#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#define NONPAGED_RESERVE (64ULL << 30)
#define PAGED_RESERVE (8ULL << 30)
#define OS_RESERVE (1ULL << 30)
#define PAGES_RESERVE (16ULL << 30)
#define CHUNK (2ULL << 20)
#define REDZONE 16

typedef struct arena {
    const char *name;
    uint8_t *base;            /* driver view */
    uint8_t *alias;           /* harness view (paged only) */
    uint64_t reserve;
    uint64_t cur;             /* bump offset */
    uint64_t committed;       /* bytes committed from base */
    int fd;                   /* memfd (pool arenas) */
    uint32_t mclass;
    bool paged;
    bool dual;                /* driver view + harness alias of one memfd */
    BCSIM_VEC(bcsim__alloc_t) allocs;  /* ascending by address */
    /* special pool: freed spans in quarantine (FIFO), spans released for reuse */
    BCSIM_VEC(uint64_t) quarantine;    /* allocation addresses, oldest first */
    size_t quarantine_head;
    uint64_t quarantine_bytes;
    BCSIM_VEC(uint64_t) reusable;      /* allocation addresses whose span may be reused */
} arena_t;

static struct {
    bool up;
    BCSIM_VEC(bcsim__region_t) regions;  /* sorted by start, non-overlapping */
    size_t last;                         /* lookup cache */
    uint64_t next_pfn;
    arena_t nonpaged, paged, os;
    arena_t pages;                       /* whole-page blocks for the Mm routines */
    uint64_t os_small_cur, os_small_end; /* small-object sub-allocator in the OS arena */
    bool paged_protected;
} M;

/* ---- regions ----------------------------------------------------------------------- */

static size_t region_lower_bound(uint64_t addr)
{
    size_t lo = 0, hi = M.regions.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (M.regions.v[mid].end <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const bcsim__region_t *bcsim__mem_find(uint64_t addr)
{
    if (M.last < M.regions.n) {
        const bcsim__region_t *r = &M.regions.v[M.last];
        if (addr >= r->start && addr < r->end)
            return r;
    }
    size_t i = region_lower_bound(addr);
    if (i < M.regions.n && addr >= M.regions.v[i].start && addr < M.regions.v[i].end) {
        M.last = i;
        return &M.regions.v[i];
    }
    return NULL;
}

static bool same_kind(const bcsim__region_t *a, const bcsim__region_t *b)
{
    return a->mclass == b->mclass && a->flags == b->flags && a->image == b->image &&
           a->alias_delta == b->alias_delta && a->name == b->name;
}

static int region_insert(bcsim__region_t r)
{
    if (r.start >= r.end)
        return 0;
    if (r.flags & (BCSIM__MF_DUMP | BCSIM__MF_FRAMES)) {
        r.pfn_base = M.next_pfn;
        M.next_pfn += (r.end - r.start) >> BCSIM_PAGE_SHIFT;
    }
    size_t i = region_lower_bound(r.start);
    if (i < M.regions.n && M.regions.v[i].start < r.end)
        return BCSIM_EINVAL; /* overlaps an existing range */
    /* Merge with the predecessor when contiguous in VA and in frames. */
    if (i > 0) {
        bcsim__region_t *p = &M.regions.v[i - 1];
        bool frames_follow = !(r.flags & (BCSIM__MF_DUMP | BCSIM__MF_FRAMES)) ||
            p->pfn_base + ((p->end - p->start) >> BCSIM_PAGE_SHIFT) == r.pfn_base;
        if (p->end == r.start && same_kind(p, &r) && frames_follow &&
            (p->pfn_base != 0) == (r.pfn_base != 0)) {
            p->end = r.end;
            return 0;
        }
    }
    if (!BCSIM_VEC_RESERVE(&M.regions, M.regions.n + 1))
        return BCSIM_ENOMEM;
    memmove(&M.regions.v[i + 1], &M.regions.v[i], (M.regions.n - i) * sizeof(r));
    M.regions.v[i] = r;
    M.regions.n++;
    M.last = i;
    return 0;
}

int bcsim__mem_register(uint64_t start, uint64_t end, uint32_t mclass, uint32_t flags,
                        int32_t image, const char *name)
{
    bcsim__region_t r = {
        .start = BCSIM_PAGE_ROUND_DOWN(start),
        .end = BCSIM_PAGE_ROUND_UP(end),
        .mclass = mclass,
        .flags = flags,
        .image = image,
        .name = name,
    };
    /* Image segments may share a page with a neighbour segment: register only the part
     * not already known. */
    uint64_t s = r.start;
    while (s < r.end) {
        const bcsim__region_t *hit = bcsim__mem_find(s);
        if (hit) {
            s = hit->end;
            continue;
        }
        size_t i = region_lower_bound(s);
        uint64_t e = r.end;
        if (i < M.regions.n && M.regions.v[i].start < e)
            e = M.regions.v[i].start;
        bcsim__region_t part = r;
        part.start = s;
        part.end = e;
        int rc = region_insert(part);
        if (rc)
            return rc;
        s = e;
    }
    return 0;
}

void bcsim__mem_reclassify_image(int32_t image, uint32_t mclass)
{
    for (size_t i = 0; i < M.regions.n; i++)
        if (M.regions.v[i].image == image) {
            M.regions.v[i].mclass = mclass;
            if (mclass == BCSIM__MEM_FREED)
                M.regions.v[i].flags &= ~(BCSIM__MF_DUMP | BCSIM__MF_EXEC);
        }
}

const bcsim__region_t *bcsim__mem_regions(size_t *count)
{
    *count = M.regions.n;
    return M.regions.v;
}

uint64_t bcsim__mem_max_pfn(void)
{
    return M.next_pfn;
}

bool bcsim__mem_va_to_pa(uint64_t va, uint64_t *pa)
{
    const bcsim__region_t *r = bcsim__mem_find(va);
    if (!r || !r->pfn_base)
        return false;
    *pa = ((r->pfn_base + ((va - r->start) >> BCSIM_PAGE_SHIFT)) << BCSIM_PAGE_SHIFT) |
          (va & 0xFFF);
    return true;
}

bool bcsim__mem_pa_to_va(uint64_t pa, uint64_t *va)
{
    uint64_t pfn = pa >> BCSIM_PAGE_SHIFT;
    for (size_t i = 0; i < M.regions.n; i++) {
        const bcsim__region_t *r = &M.regions.v[i];
        uint64_t pages = (r->end - r->start) >> BCSIM_PAGE_SHIFT;
        if (r->pfn_base && pfn >= r->pfn_base && pfn < r->pfn_base + pages) {
            *va = r->start + ((pfn - r->pfn_base) << BCSIM_PAGE_SHIFT) + (pa & 0xFFF);
            return true;
        }
    }
    return false;
}

/* ---- arenas and pool ---------------------------------------------------------------- */

static arena_t *arena_of(uint64_t addr)
{
    arena_t *as[] = { &M.nonpaged, &M.paged, &M.os };
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(as); i++)
        if (as[i]->base && addr >= (uint64_t)as[i]->base &&
            addr < (uint64_t)as[i]->base + as[i]->reserve)
            return as[i];
    return NULL;
}

static int arena_reserve(arena_t *a, const char *name, uint64_t size, bool paged, bool dual)
{
    memset(a, 0, sizeof(*a));
    a->name = name;
    a->reserve = size;
    a->paged = paged;
    a->dual = dual;
    a->fd = -1;
    a->mclass = paged ? BCSIM__MEM_PAGED : BCSIM__MEM_NONPAGED;
    a->base = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (a->base == MAP_FAILED)
        return BCSIM_ENOMEM;
    if (dual) {
        a->fd = memfd_create(paged ? "bcsim-paged-pool" : "bcsim-nonpaged-pool", MFD_CLOEXEC);
        if (a->fd < 0 || ftruncate(a->fd, (off_t)size) != 0)
            return BCSIM_ENOMEM;
        a->alias = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (a->alias == MAP_FAILED)
            return BCSIM_ENOMEM;
    }
    return 0;
}

static void arena_release(arena_t *a)
{
    if (a->base && a->base != MAP_FAILED)
        munmap(a->base, a->reserve);
    if (a->alias && a->alias != MAP_FAILED)
        munmap(a->alias, a->reserve);
    if (a->fd >= 0)
        close(a->fd);
    BCSIM_VEC_FREE(&a->allocs);
    BCSIM_VEC_FREE(&a->quarantine);
    BCSIM_VEC_FREE(&a->reusable);
    memset(a, 0, sizeof(*a));
    a->fd = -1;
}

/* Commits [committed, upto) of the arena and registers it. */
static int arena_commit(arena_t *a, uint64_t upto, uint32_t extra_flags)
{
    if (upto <= a->committed)
        return 0;
    uint64_t need = BCSIM_PAGE_ROUND_UP(upto) - a->committed;
    uint64_t len = a == &M.os ? need : BCSIM_MAX(need, CHUNK);
    len = BCSIM_PAGE_ROUND_UP(len);
    if (a->committed + len > a->reserve)
        return BCSIM_ENOMEM;
    uint8_t *at = a->base + a->committed;
    if (a->dual) {
        void *v = mmap(at, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, a->fd,
                       (off_t)a->committed);
        void *w = mmap(a->alias + a->committed, len, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_FIXED, a->fd, (off_t)a->committed);
        if (v == MAP_FAILED || w == MAP_FAILED)
            return BCSIM_ENOMEM;
        if (a->paged && M.paged_protected)
            mprotect(at, len, PROT_NONE);
    } else if (mprotect(at, len, PROT_READ | PROT_WRITE) != 0) {
        return BCSIM_ENOMEM;
    }
    int rc = bcsim__mem_register((uint64_t)at, (uint64_t)at + len, a->mclass,
                                 BCSIM__MF_DUMP | extra_flags, -1, a->name);
    if (rc)
        return rc;
    if (a->dual) {
        bcsim__region_t *r = (bcsim__region_t *)bcsim__mem_find((uint64_t)at);
        r->alias_delta = (int64_t)((uint64_t)a->alias - (uint64_t)a->base);
    }
    a->committed += len;
    return 0;
}

static bool special_pool(void)
{
    return bcsim__m.cfg.verifier && bcsim__m.cfg.pool_special;
}

static uint64_t span_of(const bcsim__alloc_t *al)
{
    return BCSIM_PAGE_ROUND_UP(BCSIM_MAX(al->size, 1));
}

static bcsim__alloc_t *alloc_lookup(arena_t *a, uint64_t addr, bool exact);

/* The driver view of a special-pool span: inaccessible while the block is freed. The paged
 * arena's whole driver view is also inaccessible during a bug check (bcsim__paged_protect). */
static void span_protect(arena_t *a, uint64_t addr, uint64_t len, bool inaccessible)
{
    if (!inaccessible && a->paged && M.paged_protected)
        return;
    mprotect((void *)addr, len, inaccessible ? PROT_NONE : PROT_READ | PROT_WRITE);
}

/* A span whose quarantine ended, taken for a new block of the same page count: zeroed
 * (pool is handed out zeroed, README "Pool") and accessible again. */
static bcsim__alloc_t *reuse_span(arena_t *a, uint64_t span)
{
    for (size_t i = a->reusable.n; i-- > 0;) {
        bcsim__alloc_t *al = alloc_lookup(a, a->reusable.v[i], true);
        if (!al || span_of(al) != span)
            continue;
        a->reusable.v[i] = a->reusable.v[--a->reusable.n];
        memset(a->alias + (al->addr - (uint64_t)a->base), 0, span);
        span_protect(a, al->addr, span, false);
        return al;
    }
    return NULL;
}

void *bcsim__pool_alloc(uint64_t size, bool paged, uint32_t tag, uint32_t align,
                        int32_t pool_type, uint64_t site)
{
    arena_t *a = paged ? &M.paged : &M.nonpaged;
    if (!a->base || size > a->reserve)
        return NULL;
    if (align < 16)
        align = 16;
    /* Learn (ExAllocatePool2): a block of PAGE_SIZE or more is page aligned; a smaller one
     * does not cross a page boundary. The special pool gives every block its own pages. */
    bool special = special_pool();
    if (size >= BCSIM_PAGE_SIZE || special)
        align = BCSIM_PAGE_SIZE;
    bcsim__alloc_t *al = special ? reuse_span(a, BCSIM_PAGE_ROUND_UP(BCSIM_MAX(size, 1))) : NULL;
    if (!al) {
        uint64_t off = (a->cur + (special ? 0 : REDZONE) + align - 1) & ~((uint64_t)align - 1);
        if (size < BCSIM_PAGE_SIZE && (off & 0xFFF) + size > BCSIM_PAGE_SIZE)
            off = BCSIM_PAGE_ROUND_UP(off);
        uint64_t end = off + (special ? BCSIM_PAGE_ROUND_UP(BCSIM_MAX(size, 1)) : size);
        if (end > a->reserve)
            return NULL;
        if (arena_commit(a, end, BCSIM__MF_POOL) != 0)
            return NULL;
        al = BCSIM_VEC_PUSH(&a->allocs);
        if (!al)
            return NULL;
        al->addr = (uint64_t)a->base + off;
        a->cur = special ? end : off + (size ? size : 1);
    }
    al->size = size;
    al->tag = tag;
    al->paged = paged;
    al->site = site;
    al->free_site = 0;
    al->freed = false;
    al->special = special;
    al->pool_type = pool_type;
    return (void *)al->addr;
}

static bcsim__alloc_t *alloc_lookup(arena_t *a, uint64_t addr, bool exact)
{
    size_t lo = 0, hi = a->allocs.n;
    while (lo < hi) { /* last allocation with addr <= target */
        size_t mid = (lo + hi) / 2;
        if (a->allocs.v[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    bcsim__alloc_t *al = &a->allocs.v[lo - 1];
    if (exact)
        return al->addr == addr ? al : NULL;
    return addr < al->addr + BCSIM_MAX(al->size, 1) ? al : NULL;
}

const bcsim__alloc_t *bcsim__pool_find(uint64_t addr)
{
    arena_t *a = arena_of(addr);
    if (!a || a == &M.os)
        return NULL;
    return alloc_lookup(a, addr, false);
}

int bcsim__pool_free(void *p, uint64_t site, const bcsim__alloc_t **out)
{
    arena_t *a = arena_of((uint64_t)p);
    bcsim__alloc_t *al = (a && a != &M.os) ? alloc_lookup(a, (uint64_t)p, true) : NULL;
    if (out)
        *out = al;
    if (!al)
        return 1;
    if (al->freed)
        return 2;
    al->freed = true;
    al->free_site = site;
    if (!al->special)
        return 0;
    /* Quarantine: the block's pages are inaccessible to the driver until enough newer frees
     * push it out (pool.quarantine bytes); then its span may serve a new block. */
    uint64_t span = span_of(al);
    span_protect(a, al->addr, span, true);
    uint64_t *q = BCSIM_VEC_PUSH(&a->quarantine);
    if (q)
        *q = al->addr;
    a->quarantine_bytes += span;
    while (a->quarantine_bytes > bcsim__m.cfg.pool_quarantine && a->quarantine_head < a->quarantine.n) {
        uint64_t old = a->quarantine.v[a->quarantine_head++];
        const bcsim__alloc_t *o = alloc_lookup(a, old, true);
        if (!o)
            continue;
        a->quarantine_bytes -= span_of(o);
        uint64_t *r = BCSIM_VEC_PUSH(&a->reusable);
        if (r)
            *r = old;
    }
    if (a->quarantine_head > 4096 && a->quarantine_head * 2 > a->quarantine.n) {
        memmove(a->quarantine.v, a->quarantine.v + a->quarantine_head,
                (a->quarantine.n - a->quarantine_head) * sizeof(uint64_t));
        a->quarantine.n -= a->quarantine_head;
        a->quarantine_head = 0;
    }
    return 0;
}

bool bcsim__pool_quarantined(uint64_t addr, const bcsim__alloc_t **out)
{
    const bcsim__alloc_t *al = bcsim__pool_find(addr);
    if (!al || !al->freed || !al->special || addr >= al->addr + span_of(al))
        return false;
    if (out)
        *out = al;
    return true;
}

/* Re-applies the quarantine after the whole paged view was made accessible again. */
static void requarantine(arena_t *a)
{
    for (size_t i = a->quarantine_head; i < a->quarantine.n; i++) {
        const bcsim__alloc_t *al = alloc_lookup(a, a->quarantine.v[i], true);
        if (al && al->freed)
            mprotect((void *)al->addr, span_of(al), PROT_NONE);
    }
}

void bcsim__paged_protect(bool inaccessible)
{
    /* With the verifier off pageable memory stays accessible, as on a machine without
     * Driver Verifier's IRQL checking where the page happened to be resident. */
    if (inaccessible && !bcsim__m.cfg.verifier)
        return;
    if (M.paged_protected == inaccessible)
        return;
    M.paged_protected = inaccessible;
    if (M.paged.committed)
        mprotect(M.paged.base, M.paged.committed,
                 inaccessible ? PROT_NONE : PROT_READ | PROT_WRITE);
    if (!inaccessible)
        requarantine(&M.paged);
}

bool bcsim__paged_is_protected(void)
{
    return M.paged_protected;
}

/* ---- page blocks (src/machine/mm.c: contiguous memory, pages for MDLs, I/O-space mappings) ------ *
 * Each block is its own region, so its frames (if any) are physically contiguous; an
 * unregistered inaccessible page separates blocks. Never reused within a boot. */

void *bcsim__mem_pages_alloc(uint64_t bytes, uint32_t mclass, uint32_t flags, const char *name)
{
    arena_t *a = &M.pages;
    uint64_t len = BCSIM_PAGE_ROUND_UP(bytes ? bytes : 1);
    if (!a->base || len > a->reserve || a->cur + len + BCSIM_PAGE_SIZE > a->reserve)
        return NULL;
    uint8_t *at = a->base + a->cur;
    if (mprotect(at, len, PROT_READ | PROT_WRITE) != 0)
        return NULL;
    if (bcsim__mem_register((uint64_t)at, (uint64_t)at + len, mclass, flags, -1, name) != 0) {
        mprotect(at, len, PROT_NONE);
        return NULL;
    }
    a->cur += len + BCSIM_PAGE_SIZE;
    return at;
}

/* The block becomes freed memory: inaccessible, no frames, never dumped. */
bool bcsim__mem_pages_free(void *p)
{
    bcsim__region_t *r = (bcsim__region_t *)bcsim__mem_find((uint64_t)p);
    arena_t *a = &M.pages;
    if (!r || (uint64_t)p != r->start || !a->base || r->start < (uint64_t)a->base ||
        r->start >= (uint64_t)a->base + a->reserve || r->mclass == BCSIM__MEM_FREED)
        return false;
    mprotect((void *)r->start, r->end - r->start, PROT_NONE);
    r->mclass = BCSIM__MEM_FREED;
    r->flags = 0;
    r->pfn_base = 0;
    return true;
}

/* ---- OS structures ------------------------------------------------------------------- */

void *bcsim__os_alloc(uint64_t size, uint32_t align)
{
    if (align < 16)
        align = 16;
    uint64_t p = (M.os_small_cur + align - 1) & ~((uint64_t)align - 1);
    if (!M.os_small_cur || p + size > M.os_small_end) {
        uint64_t len = BCSIM_PAGE_ROUND_UP(BCSIM_MAX(size + align, 0x10000));
        uint64_t off = M.os.cur;
        if (arena_commit(&M.os, off + len, BCSIM__MF_OS) != 0)
            return NULL;
        M.os.cur = off + len;
        M.os_small_cur = (uint64_t)M.os.base + off;
        M.os_small_end = M.os_small_cur + len;
        p = (M.os_small_cur + align - 1) & ~((uint64_t)align - 1);
    }
    M.os_small_cur = p + size;
    return (void *)p;
}

void *bcsim__os_alloc_guarded(uint64_t size, const char *guard_name)
{
    uint64_t data = BCSIM_PAGE_ROUND_UP(size ? size : 1);
    uint64_t off = M.os.cur;
    if (arena_commit(&M.os, off + data, BCSIM__MF_OS) != 0)
        return NULL;
    /* The guard page is reserved but never committed: PROT_NONE, registered as GUARD so
     * the registry never calls it readable and the dump writer skips it. */
    uint8_t *guard = M.os.base + off + data;
    if (off + data + BCSIM_PAGE_SIZE > M.os.reserve)
        return NULL;
    M.os.cur = off + data + BCSIM_PAGE_SIZE;
    M.os.committed = M.os.cur;          /* later commits start after the guard */
    bcsim__mem_register((uint64_t)guard, (uint64_t)guard + BCSIM_PAGE_SIZE, BCSIM__MEM_GUARD,
                        0, -1, guard_name ? guard_name : "guard");
    return guard - size;
}

void *bcsim__os_alloc_bridge(bcsim__u64 size)
{
    void *p = bcsim__os_alloc(size, 16);
    if (p)
        memset(p, 0, size);
    return p;
}

/* ---- classification -------------------------------------------------------------------- */

bool bcsim__mem_is(uint64_t addr, uint64_t len, uint32_t class_mask)
{
    if (len == 0)
        len = 1;
    if (addr + len < addr)
        return false;
    uint64_t end = addr + len;
    for (uint64_t a = addr; a < end;) {
        const bcsim__region_t *r = bcsim__mem_find(a);
        if (!r || !(class_mask & BCSIM__MC(r->mclass)))
            return false;
        if (r->flags & BCSIM__MF_POOL) {
            /* Inside a pool chunk: the bytes must belong to a live allocation. */
            const bcsim__alloc_t *al = bcsim__pool_find(a);
            if (!al || al->freed)
                return false;
            uint64_t ae = al->addr + BCSIM_MAX(al->size, 1);
            a = BCSIM_MIN(ae, end);
            continue;
        }
        a = r->end;
    }
    return true;
}

uint32_t bcsim__mem_class_of(uint64_t addr, bool *known)
{
    const bcsim__region_t *r = bcsim__mem_find(addr);
    *known = r != NULL;
    return r ? r->mclass : BCSIM__MEM_NONPAGED;
}

bool bcsim__mem_is_exec(uint64_t addr)
{
    const bcsim__region_t *r = bcsim__mem_find(addr);
    return r && (r->flags & BCSIM__MF_EXEC) && r->mclass == BCSIM__MEM_NONPAGED;
}

const char *bcsim__mem_describe(uint64_t addr)
{
    const bcsim__region_t *r = bcsim__mem_find(addr);
    if (!r)
        return addr < 0x10000 ? "an invalid (near-NULL) address" : "memory bcsim does not know";
    if (r->flags & BCSIM__MF_POOL) {
        const bcsim__alloc_t *al = bcsim__pool_find(addr);
        if (!al)
            return r->mclass == BCSIM__MEM_PAGED ? "unallocated paged pool" : "unallocated nonpaged pool";
        if (al->freed)
            return al->paged ? "freed paged pool" : "freed nonpaged pool";
    }
    switch (r->mclass) {
    case BCSIM__MEM_NONPAGED: return (r->flags & BCSIM__MF_IMAGE) ? "a driver image" : "nonpaged memory";
    case BCSIM__MEM_PAGED: return "paged pool";
    case BCSIM__MEM_STACK: return "a stack";
    case BCSIM__MEM_GUARD: return "a guard page";
    case BCSIM__MEM_FREED: return "an unloaded driver image";
    case BCSIM__MEM_MMIO: return "device (MMIO) memory";
    }
    return "unknown memory";
}

bool bcsim__probe_read(const void *p, size_t n)
{
    if (n == 0)
        return true;
    if ((uint64_t)p + n < (uint64_t)p)
        return false;
    char buf[256];
    for (size_t done = 0; done < n;) {
        size_t k = BCSIM_MIN(n - done, sizeof(buf));
        struct iovec local = { buf, k }, remote = { (char *)p + done, k };
        if (process_vm_readv(getpid(), &local, 1, &remote, 1, 0) != (ssize_t)k)
            return false;
        done += k;
    }
    return true;
}

bool bcsim__probe_write(void *p, size_t n)
{
    if (n == 0)
        return true;
    char buf[256];
    for (size_t done = 0; done < n;) {
        size_t k = BCSIM_MIN(n - done, sizeof(buf));
        struct iovec local = { buf, k }, remote = { (char *)p + done, k };
        if (process_vm_readv(getpid(), &local, 1, &remote, 1, 0) != (ssize_t)k ||
            process_vm_writev(getpid(), &local, 1, &remote, 1, 0) != (ssize_t)k)
            return false;
        done += k;
    }
    return true;
}

/* The harness reads driver memory wholesale (dump pages, Component strings): image pages
 * hold the redzones ASan puts between globals, and the callback stack may keep poisoned
 * frames of an abandoned callback. Those bytes are real memory; read them unchecked
 * (bcsim__raw_copy). */
bool bcsim__mem_read_harness(uint64_t addr, void *dst, size_t n)
{
    uint8_t *d = dst;
    while (n) {
        const bcsim__region_t *r = bcsim__mem_find(addr);
        if (!r || r->mclass == BCSIM__MEM_GUARD || r->mclass == BCSIM__MEM_MMIO ||
            r->mclass == BCSIM__MEM_FREED)
            return false;
        size_t k = BCSIM_MIN(n, r->end - addr);
        bcsim__raw_copy(d, (const void *)(addr + (uint64_t)r->alias_delta), k);
        d += k;
        addr += k;
        n -= k;
    }
    return true;
}

const void *bcsim__mem_pool_view(uint64_t addr, size_t n)
{
    const bcsim__region_t *r = bcsim__mem_find(addr);
    if (!r || !(r->flags & BCSIM__MF_POOL) || r->mclass == BCSIM__MEM_GUARD ||
        r->mclass == BCSIM__MEM_MMIO || r->mclass == BCSIM__MEM_FREED || n > r->end - addr)
        return NULL;
    return (const void *)(addr + (uint64_t)r->alias_delta);
}

/* ---- lifetime ---------------------------------------------------------------------- */

int bcsim__memory_init(void)
{
    if (M.up)
        return 0;
    memset(&M, 0, sizeof(M));
    M.next_pfn = BCSIM__PFN_DATA_BASE;
    int rc = arena_reserve(&M.os, "bcsim OS", OS_RESERVE, false, false);
    if (!rc)
        rc = arena_reserve(&M.nonpaged, "nonpaged pool", NONPAGED_RESERVE, false, true);
    if (!rc)
        rc = arena_reserve(&M.paged, "paged pool", PAGED_RESERVE, true, true);
    if (!rc)
        rc = arena_reserve(&M.pages, "page blocks", PAGES_RESERVE, false, false);
    if (rc) {
        bcsim__memory_fini();
        return rc;
    }
    M.up = true;
    return 0;
}

void bcsim__memory_fini(void)
{
    bcsim__paged_protect(false);
    arena_release(&M.os);
    arena_release(&M.nonpaged);
    arena_release(&M.paged);
    arena_release(&M.pages);
    BCSIM_VEC_FREE(&M.regions);
    memset(&M, 0, sizeof(M));
}
