/*
 * src/machine/mm.c — the memory manager's policy behind the Mm routines (src/nt/mm_memory.c,
 * src/nt/mm_mdl.c): address validity from the memory registry (R7), synthetic physical
 * addresses (dump-format.md 13, driver-patterns.md 15), physically contiguous memory, pages
 * for MDLs, I/O-space mappings.
 *
 * Model (bcsim's, where Windows is undocumented):
 *   - MmIsAddressValid answers "would this access fault now": mapped nonpaged memory, stacks
 *     and I/O-space mappings are valid; paged pool is valid except while a bug check keeps it
 *     inaccessible; freed images, guard pages and unknown memory are not.
 *   - Contiguous memory is a block of whole pages with consecutive frames, in the dump.
 *   - MmAllocatePagesForMdl pages are driver-owned physical pages: they have frames but are
 *     not in the dump's default page set (a driver adds them by physical address from an
 *     AddPages callback), and they live at one fixed host address, which is also what
 *     MmMapLockedPagesSpecifyCache "maps" them to.
 *   - MmMapIoSpace creates modelled device memory (class MMIO, never dumped) and remembers the
 *     physical address the driver gave, so MmGetPhysicalAddress/MmGetVirtualForPhysical
 *     translate it back. Plain loads and stores on it are not logged; READ/WRITE_REGISTER_*
 *     are (src/machine/ports.c).
 */
#include "internal.h"
#include "verifier/contain.h"
#include "rsd.h"
#include "machine/machine.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>

static const char CONTIGUOUS[] = "contiguous memory";
static const char DRIVER_PAGES[] = "driver pages (MDL)";
static const char IO_SPACE[] = "I/O space";

typedef struct io_map {
    uint64_t va, pa, bytes;      /* page-aligned block */
    bool live;
} io_map_t;

static BCSIM_VEC(io_map_t) io_maps;

void bcsim__mm_shutdown(void)
{
    BCSIM_VEC_FREE(&io_maps);
}

static bool in_callback(void)
{
    const bcsim__frame_t *f = bcsim__frame_current();
    return f && f->is_callback;
}

/* ---- MmIsAddressValid ------------------------------------------------------------------------ */

int bcsim__mm_address_valid(const void *va, void *caller)
{
    uint8_t irql = bcsim__m.irql;
    if (in_callback()) {
        /* R7: allowed in bug-check callbacks, for TriageDumpData only with BUGCHECK_ACTIVE. */
        const bcsim_call_t *c = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
        if (c && c->reason == BCSIM_REASON_TRIAGE_DUMP_DATA &&
            !(bcsim__run.triage_flags & BCSIM__KB_TRIAGE_FLAG_BUGCHECK_ACTIVE)) {
            bcsim__report_t r = { .id = BCSIM_V_MMISADDRESSVALID_UNSAFE, .reason = BCSIM__NO_REASON,
                                  .pc = (uint64_t)caller, .address = (uint64_t)va,
                                  .dedupe = (uint64_t)caller };
            bcsim__violation(&r, "Flags %#x lack KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE",
                             bcsim__run.triage_flags);
        }
    } else if (irql > BCSIM_IRQL_DISPATCH) {
        bcsim__report_t r = { .id = BCSIM_V_IRQL_TOO_HIGH, .reason = BCSIM__NO_REASON,
                              .pc = (uint64_t)caller, .bugcheck_code = BCSIM_BC_DRIVER_VIOLATION,
                              .bugcheck_params = { 2, irql, BCSIM_IRQL_DISPATCH, 0 },
                              .dedupe = (uint64_t)caller };
        bcsim__violation(&r, "MmIsAddressValid called at %s (%u) outside a bug-check callback; its "
                         "maximum is DISPATCH_LEVEL (2)", bcsim__irql_name(irql), irql);
    }
    const bcsim__region_t *reg = bcsim__mem_find((uint64_t)va);
    if (!reg)
        return 0;
    switch (reg->mclass) {
    case BCSIM__MEM_NONPAGED:
    case BCSIM__MEM_STACK:
    case BCSIM__MEM_MMIO:
        return 1;
    case BCSIM__MEM_PAGED:
        return !bcsim__paged_is_protected();
    default:
        return 0;
    }
}

/* ---- physical addresses -------------------------------------------------------------------------- */

bcsim__u64 bcsim__mm_va_to_pa(const void *va)
{
    uint64_t pa;
    if (bcsim__mem_va_to_pa((uint64_t)va, &pa))
        return pa;
    for (size_t i = 0; i < io_maps.n; i++) {
        const io_map_t *m = &io_maps.v[i];
        if (m->live && (uint64_t)va >= m->va && (uint64_t)va < m->va + m->bytes)
            return m->pa + ((uint64_t)va - m->va);
    }
    return 0;
}

void *bcsim__mm_pa_to_va(bcsim__u64 pa)
{
    uint64_t va;
    if (bcsim__mem_pa_to_va(pa, &va)) {
        const bcsim__region_t *r = bcsim__mem_find(va);
        if (r && r->mclass != BCSIM__MEM_FREED)
            return (void *)va;
    }
    for (size_t i = 0; i < io_maps.n; i++) {
        const io_map_t *m = &io_maps.v[i];
        if (m->live && pa >= m->pa && pa < m->pa + m->bytes)
            return (void *)(m->va + (pa - m->pa));
    }
    return NULL;
}

/* ---- contiguous memory ------------------------------------------------------------------------- */

void *bcsim__mm_contiguous_alloc(bcsim__u64 bytes, bcsim__u64 lowest, bcsim__u64 highest,
                                 bcsim__u64 boundary, void *caller)
{
    (void)caller;
    if (bytes == 0 || bytes > (1ULL << 30))
        return NULL;
    BCSIM__CRITICAL_ENTER();
    uint8_t *p = bcsim__mem_pages_alloc(bytes, BCSIM__MEM_NONPAGED, BCSIM__MF_DUMP, CONTIGUOUS);
    BCSIM__CRITICAL_LEAVE();
    if (!p)
        return NULL;
    uint64_t first, last;
    bcsim__mem_va_to_pa((uint64_t)p, &first);
    bcsim__mem_va_to_pa((uint64_t)p + BCSIM_PAGE_ROUND_UP(bytes) - 1, &last);
    /* The caller's physical constraints; bcsim's frames start at 256 MiB, so a request for
     * memory below that (ISA DMA) cannot be met. */
    bool fits = first >= lowest && last <= highest &&
                (!boundary || (first / boundary) == (last / boundary));
    if (!fits) {
        bcsim__mem_pages_free(p);
        return NULL;
    }
    return p;
}

void bcsim__mm_contiguous_free(void *va, void *caller)
{
    const bcsim__region_t *r = bcsim__mem_find((uint64_t)va);
    if (r && r->name == CONTIGUOUS && r->start == (uint64_t)va && bcsim__mem_pages_free(va))
        return;
    bcsim__report_t rep = { .id = BCSIM_V_POOL_INVALID_FREE, .reason = BCSIM__NO_REASON,
                            .pc = (uint64_t)caller, .address = (uint64_t)va,
                            .dedupe = (uint64_t)caller };
    bcsim__violation(&rep, "MmFreeContiguousMemory(%p): not memory MmAllocateContiguousMemory returned "
                     "(%s)", va, bcsim__mem_describe((uint64_t)va));
}

/* ---- I/O space ----------------------------------------------------------------------------------- */

void *bcsim__mm_io_map(bcsim__u64 pa, bcsim__u64 bytes, void *caller)
{
    (void)caller;
    if (bytes == 0 || bytes > (1ULL << 30))
        return NULL;
    uint64_t off = pa & 0xFFF, len = BCSIM_PAGE_ROUND_UP(off + bytes);
    BCSIM__CRITICAL_ENTER();
    uint8_t *p = bcsim__mem_pages_alloc(len, BCSIM__MEM_MMIO, 0, IO_SPACE);
    io_map_t *m = p ? BCSIM_VEC_PUSH(&io_maps) : NULL;
    if (m)
        *m = (io_map_t){ .va = (uint64_t)p, .pa = pa - off, .bytes = len, .live = true };
    BCSIM__CRITICAL_LEAVE();
    if (p && !m) {
        bcsim__mem_pages_free(p);
        return NULL;
    }
    return p ? p + off : NULL;
}

void bcsim__mm_io_unmap(void *va, bcsim__u64 bytes, void *caller)
{
    (void)bytes;
    uint64_t page = BCSIM_PAGE_ROUND_DOWN((uint64_t)va);
    for (size_t i = 0; i < io_maps.n; i++) {
        io_map_t *m = &io_maps.v[i];
        if (m->live && m->va == page) {
            m->live = false;
            bcsim__mem_pages_free((void *)page);
            return;
        }
    }
    bcsim__report_t r = { .id = BCSIM_V_INVALID_MEMORY_ACCESS, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .address = (uint64_t)va, .dedupe = (uint64_t)caller };
    bcsim__violation(&r, "MmUnmapIoSpace(%p): not a mapping MmMapIoSpace returned", va);
}

/* ---- pages for MDLs ---------------------------------------------------------------------------- */

void *bcsim__mm_pages_alloc(bcsim__u64 bytes, bcsim__u64 *first_pfn)
{
    if (bytes == 0 || bytes > (1ULL << 30))
        return NULL;
    BCSIM__CRITICAL_ENTER();
    uint8_t *p = bcsim__mem_pages_alloc(bytes, BCSIM__MEM_NONPAGED, BCSIM__MF_FRAMES, DRIVER_PAGES);
    BCSIM__CRITICAL_LEAVE();
    uint64_t pa = 0;
    if (p)
        bcsim__mem_va_to_pa((uint64_t)p, &pa);
    *first_pfn = pa >> BCSIM_PAGE_SHIFT;
    return p;
}

void bcsim__mm_pages_free(bcsim__u64 first_pfn, bcsim__u64 pages, void *caller)
{
    (void)pages;
    uint64_t va;
    if (bcsim__mem_pa_to_va(first_pfn << BCSIM_PAGE_SHIFT, &va)) {
        const bcsim__region_t *r = bcsim__mem_find(va);
        if (r && r->name == DRIVER_PAGES && r->start == va && bcsim__mem_pages_free((void *)va))
            return;
    }
    bcsim__report_t rep = { .id = BCSIM_V_POOL_INVALID_FREE, .reason = BCSIM__NO_REASON,
                            .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
    bcsim__violation(&rep, "MmFreePagesFromMdl: frame %#llx is not the start of pages "
                     "MmAllocatePagesForMdl returned", (unsigned long long)first_pfn);
}

void *bcsim__mm_mdl_storage(bcsim__u64 bytes)
{
    BCSIM__CRITICAL_ENTER();
    void *p = bcsim__pool_alloc(bytes, false, 0x206c644d /* 'Mdl ' */, 16, 0,
                                (uint64_t)__builtin_return_address(0));
    BCSIM__CRITICAL_LEAVE();
    return p;
}

void bcsim__mm_mdl_storage_free(void *mdl, void *caller)
{
    const bcsim__alloc_t *al;
    if (bcsim__pool_free(mdl, (uint64_t)caller, &al) == 0)
        return;
    bcsim__report_t r = { .id = BCSIM_V_POOL_INVALID_FREE, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .address = (uint64_t)mdl, .dedupe = (uint64_t)caller };
    bcsim__violation(&r, "IoFreeMdl(%p): %s", mdl, al ? "freed twice" : "not an MDL IoAllocateMdl returned");
}

/* ---- MmProbeAndLockPages ----------------------------------------------------------------------- */

bcsim__i32 bcsim__mm_probe(const void *va, bcsim__u64 bytes, int write, void *mdl, void *caller)
{
    (void)write;
    if (!bcsim__mem_is((uint64_t)va, bytes, BCSIM__MC_READABLE))
        return BCSIM_STATUS_ACCESS_VIOLATION;
    /* Learn: pageable memory only at IRQL <= APC_LEVEL (above DISPATCH_LEVEL the gate reported). */
    uint8_t irql = bcsim__m.irql;
    if (irql == BCSIM_IRQL_DISPATCH && !bcsim__mem_is((uint64_t)va, bytes, BCSIM__MC_RESIDENT)) {
        bcsim__report_t r = { .id = BCSIM_V_IRQL_TOO_HIGH, .reason = BCSIM__NO_REASON,
                              .pc = (uint64_t)caller, .address = (uint64_t)va,
                              .bugcheck_code = BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION,
                              .bugcheck_params = { 0x70, irql, (uint64_t)mdl, 0 },
                              .dedupe = (uint64_t)caller };
        bcsim__violation(&r, "MmProbeAndLockPages of pageable memory at DISPATCH_LEVEL (2); pageable "
                         "memory needs <= APC_LEVEL");
    }
    return 0;
}
