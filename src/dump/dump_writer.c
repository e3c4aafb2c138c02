/*
 * src/dump/dump_writer.c — the Windows 64-bit kernel dump, written as a stream of page-multiple
 * chunks (dump-format.md 1-8, 11, 13; dispatcher-model.md 7.7 for the chunking).
 *
 * Invariants:
 *  - the file is produced strictly sequentially; the sink sees every byte exactly once, in
 *    file order, and the concatenation of its chunks is the file;
 *  - the header is one 0x2000-byte chunk; every other chunk is a non-zero page multiple of
 *    at most body_chunk_pages pages (a stage's last chunk may be shorter);
 *  - RequiredDumpSpace, computed before the header is written, equals the bytes streamed
 *    (finish() checks it);
 *  - memory: the present bitset (caller's), the page tables, one chunk buffer (body chunks
 *    of consecutive pool frames may go to the sink in place, when the policy allows it);
 *  - the writer allocates nothing after create, so a sink that never returns (a nested
 *    bug check longjmps out of a DumpIo callback) leaks nothing; destroy is then the only
 *    valid call.
 */
#include "dump/dump_writer.h"

#include "dump/dump_format.h"
#include "internal.h"
#include "memory/memory.h"

#include <stdio.h>
#include <stdlib.h>

#define PAGE BCSIM__DMP_PAGE
#define ROUND_UP(x, a) (((x) + ((a) - 1)) & ~((uint64_t)(a) - 1))

/* ---- present-frame set --------------------------------------------------------------------- */

void bcsim__pfnset_init(bcsim__pfnset_t *s, uint64_t limit)
{
    memset(s, 0, sizeof(*s));
    s->limit = limit ? limit : (1ULL << 32);
}

void bcsim__pfnset_free(bcsim__pfnset_t *s)
{
    free(s->words);
    uint64_t limit = s->limit;
    memset(s, 0, sizeof(*s));
    s->limit = limit;
}

static int pfnset_reserve(bcsim__pfnset_t *s, uint64_t end_pfn)
{
    uint64_t need = (end_pfn + 63) / 64;
    if (need <= s->nwords)
        return 0;
    uint64_t ncap = s->nwords ? s->nwords : 1024;
    while (ncap < need)
        ncap *= 2;
    if (ncap > (s->limit + 63) / 64)
        ncap = (s->limit + 63) / 64;
    uint64_t *nw = realloc(s->words, ncap * sizeof(uint64_t));
    if (!nw)
        return BCSIM_ENOMEM;
    memset(nw + s->nwords, 0, (ncap - s->nwords) * sizeof(uint64_t));
    s->words = nw;
    s->nwords = ncap;
    return 0;
}

/* Sets or clears [first, end) word by word; returns the change in the count. */
static void pfnset_apply(bcsim__pfnset_t *s, uint64_t first, uint64_t end, bool set)
{
    while (first < end) {
        uint64_t wi = first / 64, bit = first % 64;
        uint64_t n = BCSIM_MIN(64 - bit, end - first);
        uint64_t mask = (n == 64 ? ~0ULL : ((1ULL << n) - 1)) << bit;
        uint64_t before = (uint64_t)__builtin_popcountll(s->words[wi] & mask);
        if (set) {
            s->words[wi] |= mask;
            s->count += n - before;
        } else {
            s->words[wi] &= ~mask;
            s->count -= before;
        }
        first += n;
    }
}

int bcsim__pfnset_add(bcsim__pfnset_t *s, uint64_t first, uint64_t count)
{
    if (count == 0)
        return 0;
    if (first >= s->limit || count > s->limit - first)
        return BCSIM_EINVAL;
    int rc = pfnset_reserve(s, first + count);
    if (rc)
        return rc;
    pfnset_apply(s, first, first + count, true);
    return 0;
}

void bcsim__pfnset_remove(bcsim__pfnset_t *s, uint64_t first, uint64_t count)
{
    uint64_t cap = s->nwords * 64;
    if (first >= cap || count == 0)
        return;
    uint64_t end = count > cap - first ? cap : first + count;
    pfnset_apply(s, first, end, false);
}

bool bcsim__pfnset_test(const bcsim__pfnset_t *s, uint64_t pfn)
{
    return pfn / 64 < s->nwords && (s->words[pfn / 64] >> (pfn % 64)) & 1;
}

uint64_t bcsim__pfnset_count(const bcsim__pfnset_t *s)
{
    return s->count;
}

bool bcsim__pfnset_max(const bcsim__pfnset_t *s, uint64_t *pfn)
{
    for (uint64_t i = s->nwords; i-- > 0;)
        if (s->words[i]) {
            *pfn = i * 64 + 63 - (uint64_t)__builtin_clzll(s->words[i]);
            return true;
        }
    return false;
}

/* First frame >= from whose bit equals `want`; nwords*64 if none. */
static uint64_t pfnset_scan(const bcsim__pfnset_t *s, uint64_t from, bool want)
{
    uint64_t cap = s->nwords * 64;
    while (from < cap) {
        uint64_t wi = from / 64;
        uint64_t w = want ? s->words[wi] : ~s->words[wi];
        w &= ~0ULL << (from % 64);
        if (w)
            return wi * 64 + (uint64_t)__builtin_ctzll(w);
        from = (wi + 1) * 64;
    }
    return cap;
}

bool bcsim__pfnset_next_run(const bcsim__pfnset_t *s, uint64_t from, uint64_t *base,
                            uint64_t *count)
{
    uint64_t b = pfnset_scan(s, from, true);
    if (b >= s->nwords * 64)
        return false;
    uint64_t e = pfnset_scan(s, b, false);
    *base = b;
    *count = e - b;
    return true;
}

uint64_t bcsim__pfnset_runs(const bcsim__pfnset_t *s)
{
    uint64_t n = 0, b, c, from = 0;
    while (bcsim__pfnset_next_run(s, from, &b, &c)) {
        n++;
        from = b + c;
    }
    return n;
}

/* ---- secondary-region layout ---------------------------------------------------------------- */

bool bcsim__blob_place(uint64_t at, uint32_t size, bool packed, bcsim__blob_place_t *o)
{
    if (at > (1ULL << 62) || (at & 7))
        return false;
    uint64_t hdr_end = at + BCSIM__DMP_BLOB_HEADER_SIZE;
    memset(o, 0, sizeof(*o));
    o->header = at;
    if (packed) {
        o->data = hdr_end;
        o->next = ROUND_UP(hdr_end + size, 8);
        o->post_pad = (uint32_t)(o->next - hdr_end - size);
        return true;
    }
    uint64_t page_end = ROUND_UP(hdr_end, PAGE);
    if (size <= page_end - hdr_end) {
        o->data = hdr_end;
        o->post_pad = (uint32_t)(page_end - hdr_end - size);
        o->next = page_end;
    } else {
        o->pre_pad = (uint32_t)(page_end - hdr_end);
        o->data = page_end;
        o->post_pad = (uint32_t)(ROUND_UP((uint64_t)size, PAGE) - size);
        o->next = page_end + ROUND_UP((uint64_t)size, PAGE);
    }
    return true;
}

uint64_t bcsim__blob_region_add(uint64_t *cursor, uint32_t size, bool packed)
{
    bcsim__blob_place_t pl;
    uint64_t at = *cursor ? *cursor : BCSIM__DMP_BLOB_FILE_HEADER_SIZE;
    if (*cursor == UINT64_MAX || !bcsim__blob_place(at, size, packed, &pl)) {
        *cursor = UINT64_MAX;
        return UINT64_MAX;
    }
    *cursor = pl.next;
    return ROUND_UP(pl.next, PAGE);
}

uint64_t bcsim__blob_region_size(const uint32_t *sizes, size_t n, bool packed)
{
    uint64_t cursor = 0, size = 0;
    for (size_t i = 0; i < n; i++)
        size = bcsim__blob_region_add(&cursor, sizes[i], packed);
    return size;
}

/* ---- the writer ------------------------------------------------------------------------------ */

enum wstate {
    W_NEW, W_HEADER, W_BODY, W_REGION, W_BLOB, W_REGION_DONE, W_FINISHED, W_FAILED,
};

typedef struct frame_src {      /* a registry region's frames, sorted by pfn */
    uint64_t pfn, pages, va;
} frame_src_t;

struct bcsim__dump_writer {
    bcsim__dump_params_t p;
    bcsim__pfnset_t *present;
    bcsim__dump_sink_fn sink;
    void *ctx;
    enum wstate state;
    int rc;                     /* sticky error */
    char err[256];

    /* page tables: table i is at PFN BCSIM__PML4_PFN + i; table 0 is the PML4 */
    uint64_t (*tables)[512];
    uint64_t ntables, captables;
    frame_src_t *frames;
    size_t nframes;

    /* layout */
    bcsim__dmp_run_t runs[BCSIM__DMP_MAX_RUNS];   /* type 1: the runs written */
    uint32_t nruns;
    bcsim__dmp_run_t pmd[BCSIM__DMP_MAX_RUNS];    /* the header's descriptor */
    uint32_t npmd;
    uint64_t pages;             /* page-data pages */
    uint64_t bitmap_bits;       /* type 5 */
    uint64_t first_page;        /* file offset of page data */
    uint64_t tagged;            /* T */
    uint64_t file_size;         /* RequiredDumpSpace */

    /* stream */
    bcsim__dmp_header64_t *hdr; /* kept here: a sink may longjmp away (nested bug check) */
    uint8_t *chunk;
    uint64_t chunk_bytes, chunk_fill;
    uint32_t chunk_type;
    uint64_t written;           /* bytes handed to the sink */
    bool in_place;              /* the sink is being handed simulated memory itself */

    /* secondary region */
    uint64_t roff;              /* region bytes emitted */
    uint64_t next_hdr;          /* region offset of the next blob header */
    bcsim__blob_place_t blob;
    uint32_t blob_size, blob_fill;
};

static __thread char create_err[320];

static int fail(bcsim__dump_writer_t *w, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(bcsim__dump_writer_t *w, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->err, sizeof(w->err), fmt, ap);
    va_end(ap);
    w->rc = rc;
    w->state = W_FAILED;
    return rc;
}

void bcsim__dump_params_init(bcsim__dump_params_t *p)
{
    memset(p, 0, sizeof(*p));
    p->dump_type = BCSIM__DMP_TYPE_BITMAP_FULL;
    p->build_number = BCSIM__DMP_DEFAULT_BUILD;
    p->number_processors = 1;
    p->regs.mxcsr = BCSIM__DMP_DEFAULT_MXCSR;
    p->body_chunk_pages = 16;
    p->comment = "bcsim simulated crash dump";
}

/* ---- page tables (spec 13.4) ---- */

static int64_t table_new(bcsim__dump_writer_t *w)
{
    if (BCSIM__PML4_PFN + w->ntables + 1 > BCSIM__PFN_DATA_BASE)
        return -1;
    if (w->ntables == w->captables) {
        uint64_t ncap = w->captables ? w->captables * 2 : 16;
        void *nt = realloc(w->tables, ncap * sizeof(*w->tables));
        if (!nt)
            return -2;
        w->tables = nt;
        w->captables = ncap;
    }
    memset(w->tables[w->ntables], 0, sizeof(*w->tables));
    return (int64_t)w->ntables++;
}

/* Index of the table an intermediate entry points at, creating it. */
static int64_t table_child(bcsim__dump_writer_t *w, uint64_t parent, unsigned idx)
{
    uint64_t e = w->tables[parent][idx];
    if (e & BCSIM__PTE_P)
        return (int64_t)(((e & BCSIM__PTE_ADDR_MASK) >> 12) - BCSIM__PML4_PFN);
    int64_t t = table_new(w);
    if (t < 0)
        return t;
    w->tables[parent][idx] = ((BCSIM__PML4_PFN + (uint64_t)t) << 12) | BCSIM__PTE_INTERMEDIATE;
    return t;
}

static int map_page(bcsim__dump_writer_t *w, uint64_t va, uint64_t pfn, bool exec)
{
    int64_t pdpt = table_child(w, 0, (va >> 39) & 511);
    int64_t pd = pdpt < 0 ? pdpt : table_child(w, (uint64_t)pdpt, (va >> 30) & 511);
    int64_t pt = pd < 0 ? pd : table_child(w, (uint64_t)pd, (va >> 21) & 511);
    if (pt < 0)
        return pt == -2 ? BCSIM_ENOMEM : BCSIM_EINVAL;
    w->tables[pt][(va >> 12) & 511] =
        (pfn << 12) | BCSIM__PTE_LEAF | (exec ? 0 : BCSIM__PTE_XD);
    return 0;
}

static int frame_cmp(const void *a, const void *b)
{
    const frame_src_t *x = a, *y = b;
    return x->pfn < y->pfn ? -1 : x->pfn > y->pfn;
}

static int build_tables(bcsim__dump_writer_t *w)
{
    if (table_new(w) != 0)
        return fail(w, BCSIM_ENOMEM, "out of memory for the PML4");
    w->tables[0][BCSIM__PML4_SELF_INDEX] = BCSIM__DMP_DTB | BCSIM__PTE_SELF;

    size_t nr = 0;
    const bcsim__region_t *r = bcsim__mem_regions(&nr);
    w->frames = calloc(nr ? nr : 1, sizeof(*w->frames));
    if (!w->frames)
        return fail(w, BCSIM_ENOMEM, "out of memory for the frame index");
    for (size_t i = 0; i < nr; i++) {
        if (!r[i].pfn_base || r[i].mclass == BCSIM__MEM_MMIO)
            continue;
        uint64_t pages = (r[i].end - r[i].start) >> 12;
        w->frames[w->nframes++] = (frame_src_t){ r[i].pfn_base, pages, r[i].start };
        bool exec = (r[i].flags & BCSIM__MF_EXEC) != 0;
        for (uint64_t k = 0; k < pages; k++) {
            uint64_t va = r[i].start + (k << 12);
            if (va >= BCSIM__VA_LIMIT)
                break; /* not a lower-half user address: cannot happen on Linux */
            int rc = map_page(w, va, r[i].pfn_base + k, exec);
            if (rc == BCSIM_ENOMEM)
                return fail(w, rc, "out of memory for page tables");
            if (rc)
                return fail(w, rc, "page tables need more than %llu frames below PFN 0x%llx",
                            (unsigned long long)(BCSIM__PFN_DATA_BASE - BCSIM__PML4_PFN),
                            (unsigned long long)BCSIM__PFN_DATA_BASE);
        }
    }
    qsort(w->frames, w->nframes, sizeof(*w->frames), frame_cmp);
    uint64_t tend = BCSIM__PML4_PFN + w->ntables;
    for (size_t i = 0; i < w->nframes; i++)
        if (w->frames[i].pfn < tend && w->frames[i].pfn + w->frames[i].pages > BCSIM__PML4_PFN)
            return fail(w, BCSIM_EINVAL,
                        "registry frames 0x%llx.. collide with page-table frames 0x%llx-0x%llx",
                        (unsigned long long)w->frames[i].pfn,
                        (unsigned long long)BCSIM__PML4_PFN, (unsigned long long)tend - 1);
    int rc = bcsim__pfnset_add(w->present, BCSIM__PML4_PFN, w->ntables);
    if (rc)
        return fail(w, rc, "cannot add the %llu page-table frames to the present set",
                    (unsigned long long)w->ntables);
    return 0;
}

/* ---- layout ---- */

typedef struct span { uint64_t b, e; } span_t;

static int span_cmp(const void *a, const void *b)
{
    const span_t *x = a, *y = b;
    return x->b < y->b ? -1 : x->b > y->b;
}

static int u64_desc(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x > y ? -1 : x < y;
}

/* Type 5's descriptor: the simulated physical space (table frames, the data frames memory.c
 * handed out, anything else present), merged across its smallest gaps to <= 42 runs. */
static int build_space_runs(bcsim__dump_writer_t *w)
{
    uint64_t n_present_runs = bcsim__pfnset_runs(w->present);
    size_t cap = (size_t)n_present_runs + 2;
    span_t *sp = calloc(cap, sizeof(*sp));
    uint64_t *gaps = calloc(cap, sizeof(*gaps));
    if (!sp || !gaps) {
        free(sp);
        free(gaps);
        return fail(w, BCSIM_ENOMEM, "out of memory for the memory descriptor");
    }
    size_t n = 0;
    sp[n++] = (span_t){ BCSIM__PML4_PFN, BCSIM__PML4_PFN + w->ntables };
    if (bcsim__mem_max_pfn() > BCSIM__PFN_DATA_BASE)
        sp[n++] = (span_t){ BCSIM__PFN_DATA_BASE, bcsim__mem_max_pfn() };
    uint64_t b, c, from = 0;
    while (n < cap && bcsim__pfnset_next_run(w->present, from, &b, &c)) {
        sp[n++] = (span_t){ b, b + c };
        from = b + c;
    }
    qsort(sp, n, sizeof(*sp), span_cmp);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && sp[i].b <= sp[m - 1].e) {
            sp[m - 1].e = BCSIM_MAX(sp[m - 1].e, sp[i].e);
            continue;
        }
        sp[m++] = sp[i];
    }
    if (m > BCSIM__DMP_MAX_RUNS) {
        /* Keep the 41 widest gaps; close the rest (ties: the earliest ones stay open). */
        for (size_t i = 0; i + 1 < m; i++)
            gaps[i] = sp[i + 1].b - sp[i].e;
        qsort(gaps, m - 1, sizeof(*gaps), u64_desc);
        uint64_t thr = gaps[BCSIM__DMP_MAX_RUNS - 2];
        size_t above = 0;
        for (size_t i = 0; i < BCSIM__DMP_MAX_RUNS - 1; i++)
            above += gaps[i] > thr;
        size_t keep_eq = BCSIM__DMP_MAX_RUNS - 1 - above, k = 0;
        for (size_t i = 1; i < m; i++) {
            uint64_t g = sp[i].b - sp[k].e;
            bool keep = g > thr || (g == thr && keep_eq > 0);
            if (keep) {
                if (g == thr)
                    keep_eq--;
                sp[++k] = sp[i];
            } else {
                sp[k].e = sp[i].e;
            }
        }
        m = k + 1;
    }
    w->npmd = (uint32_t)m;
    for (size_t i = 0; i < m; i++)
        w->pmd[i] = (bcsim__dmp_run_t){ sp[i].b, sp[i].e - sp[i].b };
    free(sp);
    free(gaps);
    return 0;
}

static int compute_layout(bcsim__dump_writer_t *w)
{
    if (w->p.dump_type == BCSIM__DMP_TYPE_HEADER) {
        /* Header only (dispatcher-model.md 6.2): the 0x2000-byte header and nothing else;
         * DumpIo sees Header, then Complete. */
        w->pages = 0;
        w->first_page = BCSIM__DMP_HEADER_SIZE;
        w->tagged = BCSIM__DMP_HEADER_SIZE;
        w->file_size = BCSIM__DMP_HEADER_SIZE;
        if (w->p.min_file_size > w->file_size)
            w->file_size = ROUND_UP(w->p.min_file_size, PAGE);
        return 0;
    }
    w->pages = bcsim__pfnset_count(w->present);
    if (w->p.dump_type == BCSIM__DMP_TYPE_FULL) {
        uint64_t runs = bcsim__pfnset_runs(w->present);
        if (runs > BCSIM__DMP_MAX_RUNS)
            return fail(w, BCSIM_EINVAL,
                        "the present frames form %llu runs; a DumpType 1 header holds at most %u",
                        (unsigned long long)runs, BCSIM__DMP_MAX_RUNS);
        uint64_t b, c, from = 0;
        while (bcsim__pfnset_next_run(w->present, from, &b, &c)) {
            w->runs[w->nruns++] = (bcsim__dmp_run_t){ b, c };
            from = b + c;
        }
        memcpy(w->pmd, w->runs, sizeof(w->runs));
        w->npmd = w->nruns;
        w->first_page = BCSIM__DMP_HEADER_SIZE;
    } else {
        uint64_t maxpfn = 0;
        bcsim__pfnset_max(w->present, &maxpfn); /* never empty: the PML4 is present */
        w->bitmap_bits = ROUND_UP(maxpfn + 1, 64);
        w->first_page = ROUND_UP(BCSIM__DMP_BITMAP_DATA_OFFSET + w->bitmap_bits / 8, PAGE);
        int rc = build_space_runs(w);
        if (rc)
            return rc;
    }
    /* pages < 2^32 and secondary_size checked by create: no overflow below 2^63 */
    w->tagged = w->first_page + w->pages * PAGE;
    w->file_size = w->tagged + w->p.secondary_size;
    if (w->p.min_file_size > w->file_size)
        w->file_size = ROUND_UP(w->p.min_file_size, PAGE);
    return 0;
}

int bcsim__dump_writer_create(const bcsim__dump_params_t *p, bcsim__pfnset_t *present,
                              bcsim__dump_sink_fn sink, void *ctx, bcsim__dump_writer_t **out,
                              const char **err)
{
    *out = NULL;
    const char *why = NULL;
    if (!p || !present || !sink)
        why = "missing parameters";
    else if (p->dump_type != BCSIM__DMP_TYPE_FULL && p->dump_type != BCSIM__DMP_TYPE_BITMAP_FULL &&
             p->dump_type != BCSIM__DMP_TYPE_HEADER)
        why = "DumpType must be 1 (full), 3 (header only) or 5 (bitmap)";
    else if (p->dump_type == BCSIM__DMP_TYPE_HEADER && p->secondary_size)
        why = "a header-only dump has no secondary region";
    else if (p->secondary_size % PAGE || p->secondary_size > (1ULL << 48))
        why = "secondary region size must be a page multiple below 2^48";
    else if (p->body_chunk_pages == 0 || p->body_chunk_pages > 0x10000)
        why = "body_chunk_pages must be 1..65536";
    else if (p->min_file_size > (1ULL << 52))
        why = "min_file_size too large";
    else if (present->limit > (1ULL << 36))
        why = "present-set limit beyond 2^36 frames";
    if (why) {
        snprintf(create_err, sizeof(create_err), "dump writer: %s", why);
        if (err)
            *err = create_err;
        return BCSIM_EINVAL;
    }
    bcsim__dump_writer_t *w = calloc(1, sizeof(*w));
    if (!w) {
        if (err)
            *err = "dump writer: out of memory";
        return BCSIM_ENOMEM;
    }
    w->p = *p;
    w->present = present;
    w->sink = sink;
    w->ctx = ctx;
    w->chunk_bytes = (uint64_t)p->body_chunk_pages * PAGE;
    w->chunk = malloc(w->chunk_bytes);
    w->hdr = malloc(sizeof(*w->hdr));
    int rc = w->chunk && w->hdr ? 0 : fail(w, BCSIM_ENOMEM, "out of memory for the chunk buffer");
    if (!rc)
        rc = build_tables(w);
    if (!rc)
        rc = compute_layout(w);
    if (rc) {
        snprintf(create_err, sizeof(create_err), "dump writer: %s", w->err);
        if (err)
            *err = create_err;
        bcsim__dump_writer_destroy(w);
        return rc;
    }
    w->state = W_NEW;
    *out = w;
    return 0;
}

void bcsim__dump_writer_destroy(bcsim__dump_writer_t *w)
{
    if (!w)
        return;
    free(w->tables);
    free(w->frames);
    free(w->chunk);
    free(w->hdr);
    free(w);
}

bool bcsim__dump_writer_in_place(const bcsim__dump_writer_t *w) { return w->in_place; }
uint64_t bcsim__dump_writer_file_size(const bcsim__dump_writer_t *w) { return w->file_size; }
uint64_t bcsim__dump_writer_tagged_offset(const bcsim__dump_writer_t *w) { return w->tagged; }
uint64_t bcsim__dump_writer_page_count(const bcsim__dump_writer_t *w) { return w->pages; }
uint64_t bcsim__dump_writer_written(const bcsim__dump_writer_t *w) { return w->written; }
const char *bcsim__dump_writer_error(const bcsim__dump_writer_t *w) { return w->err; }

uint64_t bcsim__dump_writer_page_offset(const bcsim__dump_writer_t *w, uint64_t pfn)
{
    if (!bcsim__pfnset_test(w->present, pfn))
        return UINT64_MAX;
    /* rank: present frames below pfn (runs and bitmap order are both ascending PFN) */
    uint64_t rank = 0;
    for (uint64_t i = 0; i < pfn / 64; i++)
        rank += (uint64_t)__builtin_popcountll(w->present->words[i]);
    if (pfn % 64)
        rank += (uint64_t)__builtin_popcountll(w->present->words[pfn / 64] &
                                               ((1ULL << (pfn % 64)) - 1));
    return w->first_page + rank * PAGE;
}

/* ---- stream ---- */

/* One chunk to the sink: the chunk buffer, or (in_place) simulated memory itself. */
static int deliver(bcsim__dump_writer_t *w, const void *buf, uint64_t len, bool in_place)
{
    w->in_place = in_place;
    int rc = w->sink(w->ctx, w->chunk_type, buf, (uint32_t)len);
    w->in_place = false;
    if (rc)
        return fail(w, rc, "dump sink failed at file offset 0x%llx (%s)",
                    (unsigned long long)w->written, bcsim_strerror(rc));
    w->written += len;
    return 0;
}

static int flush(bcsim__dump_writer_t *w)
{
    if (!w->chunk_fill)
        return 0;
    if (w->chunk_fill % PAGE)
        return fail(w, BCSIM_EINTERNAL, "internal: chunk of 0x%llx bytes is not a page multiple",
                    (unsigned long long)w->chunk_fill);
    int rc = deliver(w, w->chunk, w->chunk_fill, false);
    if (!rc)
        w->chunk_fill = 0;
    return rc;
}

/* Appends len bytes (NULL = zeros) of one chunk type; full chunks go to the sink. */
static int emit(bcsim__dump_writer_t *w, uint32_t type, const void *data, uint64_t len)
{
    const uint8_t *src = data;
    if (w->chunk_fill && w->chunk_type != type) {
        int rc = flush(w);
        if (rc)
            return rc;
    }
    w->chunk_type = type;
    while (len) {
        uint64_t k = BCSIM_MIN(len, w->chunk_bytes - w->chunk_fill);
        if (src) {
            memcpy(w->chunk + w->chunk_fill, src, k);
            src += k;
        } else {
            memset(w->chunk + w->chunk_fill, 0, k);
        }
        w->chunk_fill += k;
        len -= k;
        if (w->chunk_fill == w->chunk_bytes) {
            int rc = flush(w);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int check_state(bcsim__dump_writer_t *w, enum wstate want, const char *what)
{
    if (w->state == W_FAILED)
        return w->rc;
    if (w->state != want)
        return fail(w, BCSIM_ESTATE, "dump writer: %s called out of order", what);
    return 0;
}

/* ---- header ---- */

static void fill_header(const bcsim__dump_writer_t *w, bcsim__dmp_header64_t *h)
{
    const bcsim__dump_params_t *p = &w->p;
    uint32_t *u = (uint32_t *)h;
    for (size_t i = 0; i < sizeof(*h) / 4; i++)
        u[i] = BCSIM__DMP_SIGNATURE;

    h->signature = BCSIM__DMP_SIGNATURE;
    h->valid_dump = BCSIM__DMP_VALID_DUMP64;
    h->major_version = BCSIM__DMP_MAJOR_VERSION;
    h->minor_version = p->build_number;
    h->directory_table_base = BCSIM__DMP_DTB;
    h->pfn_data_base = 0;
    h->ps_loaded_module_list = p->ps_loaded_module_list;
    h->ps_active_process_head = 0;
    h->machine_image_type = BCSIM__DMP_MACHINE_AMD64;
    h->number_processors = p->number_processors;
    h->bug_check_code = p->bugcheck_code;
    h->pad_03c = 0;
    for (int i = 0; i < 4; i++)
        h->bug_check_parameter[i] = p->bugcheck_params[i];
    memset(h->version_user, 0, sizeof(h->version_user));
    h->kd_debugger_data_block = 0;

    /* the whole 704-byte union, including its 4 bytes of padding at 0x344 */
    memset((uint8_t *)h + offsetof(bcsim__dmp_header64_t, physical_memory_block), 0,
           offsetof(bcsim__dmp_header64_t, context) -
               offsetof(bcsim__dmp_header64_t, physical_memory_block));
    bcsim__dmp_pmd_t *pmd = &h->physical_memory_block;
    pmd->number_of_runs = w->npmd;
    for (uint32_t i = 0; i < w->npmd; i++) {
        pmd->run[i] = w->pmd[i];
        pmd->number_of_pages += w->pmd[i].page_count;
    }

    /* CONTEXT: 0x4D0 bytes; the rest of the 3000-byte area keeps the filler */
    bcsim__amd64_context_t *c = &h->context;
    memset(c, 0, sizeof(*c));
    c->context_flags = BCSIM__CONTEXT_FULL | BCSIM__CONTEXT_SEGMENTS;
    c->mx_csr = p->regs.mxcsr;
    c->flt_save.mx_csr = p->regs.mxcsr;
    c->flt_save.mx_csr_mask = 0xFFFF;
    c->flt_save.control_word = BCSIM__DMP_DEFAULT_FPU_CW;
    c->seg_cs = BCSIM__KGDT64_R0_CODE;
    c->seg_ss = BCSIM__KGDT64_R0_DATA;
    c->seg_ds = c->seg_es = c->seg_gs = BCSIM__KGDT64_R3_DATA;
    c->seg_fs = BCSIM__KGDT64_R3_CMTEB;
    c->eflags = p->regs.eflags;
    c->rax = p->regs.rax; c->rcx = p->regs.rcx; c->rdx = p->regs.rdx; c->rbx = p->regs.rbx;
    c->rsp = p->regs.rsp; c->rbp = p->regs.rbp; c->rsi = p->regs.rsi; c->rdi = p->regs.rdi;
    c->r8 = p->regs.r8; c->r9 = p->regs.r9; c->r10 = p->regs.r10; c->r11 = p->regs.r11;
    c->r12 = p->regs.r12; c->r13 = p->regs.r13; c->r14 = p->regs.r14; c->r15 = p->regs.r15;
    c->rip = p->regs.rip;

    memset(&h->exception, 0, sizeof(h->exception));
    h->exception.exception_code = (uint32_t)BCSIM_STATUS_BREAKPOINT;
    h->exception.exception_flags = BCSIM__EXCEPTION_NONCONTINUABLE;
    h->exception.exception_address = p->regs.rip;

    h->dump_type = p->dump_type;
    h->pad_f9c = 0;
    h->required_dump_space = (int64_t)w->file_size;
    h->system_time = (int64_t)p->system_time;
    memset(h->comment, 0, sizeof(h->comment));
    if (p->comment)
        for (size_t i = 0; i < sizeof(h->comment) - 1 && p->comment[i]; i++) {
            unsigned char ch = (unsigned char)p->comment[i];
            h->comment[i] = (char)(ch >= 0x20 && ch < 0x7F ? ch : '?');
        }
    h->system_up_time = (int64_t)p->uptime_100ns;
    h->mini_dump_fields = 0;
    h->secondary_data_state = (uint32_t)p->secondary_state;
    h->product_type = BCSIM__DMP_PRODUCT_WORKSTATION;
    h->suite_mask = 0;
    h->writer_status = 0;
    h->unused1 = 0;
    h->kd_secondary_version = 0;
    h->unused[0] = h->unused[1] = 0;
    h->attributes = 0;
    h->boot_id = p->boot_id;
}

int bcsim__dump_writer_header(bcsim__dump_writer_t *w)
{
    int rc = check_state(w, W_NEW, "header");
    if (rc)
        return rc;
    fill_header(w, w->hdr);
    rc = w->sink(w->ctx, BCSIM_DUMP_IO_HEADER, w->hdr, (uint32_t)sizeof(*w->hdr));
    if (rc)
        return fail(w, rc, "dump sink failed writing the header (%s)", bcsim_strerror(rc));
    w->written = sizeof(*w->hdr);
    w->state = W_HEADER;
    return 0;
}

/* ---- body ---- */

/* The registry region holding frame pfn, or NULL. */
static const frame_src_t *frame_source(const bcsim__dump_writer_t *w, uint64_t pfn)
{
    size_t lo = 0, hi = w->nframes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->frames[mid].pfn + w->frames[mid].pages <= pfn)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->nframes && pfn >= w->frames[lo].pfn ? &w->frames[lo] : NULL;
}

static void read_frame(const bcsim__dump_writer_t *w, uint64_t pfn, uint8_t *dst)
{
    if (pfn >= BCSIM__PML4_PFN && pfn < BCSIM__PML4_PFN + w->ntables) {
        memcpy(dst, w->tables[pfn - BCSIM__PML4_PFN], PAGE);
        return;
    }
    const frame_src_t *f = frame_source(w, pfn);
    if (f && bcsim__mem_read_harness(f->va + ((pfn - f->pfn) << 12), dst, PAGE))
        return;
    memset(dst, 0, PAGE); /* unknown or unreadable frame: a zero page */
}

/* Frames [pfn, pfn + n) as consecutive pool memory the sink may read in place, or NULL. */
static const void *frames_in_place(const bcsim__dump_writer_t *w, uint64_t pfn, uint64_t n)
{
    if (pfn < BCSIM__PML4_PFN + w->ntables)
        return NULL;
    const frame_src_t *f = frame_source(w, pfn);
    if (!f || pfn + n > f->pfn + f->pages)
        return NULL;
    return bcsim__mem_pool_view(f->va + ((pfn - f->pfn) << 12), n * PAGE);
}

int bcsim__dump_writer_body(bcsim__dump_writer_t *w)
{
    int rc = check_state(w, W_HEADER, "body");
    if (rc)
        return rc;
    if (w->p.dump_type == BCSIM__DMP_TYPE_HEADER) {
        w->state = W_BODY;   /* no body */
        return 0;
    }
    if (w->p.dump_type == BCSIM__DMP_TYPE_BITMAP_FULL) {
        bcsim__dmp_bitmap_header_t bh;
        memset(&bh, 0, sizeof(bh));
        bh.signature = BCSIM__DMP_BITMAP_SDMP;
        bh.valid_dump = BCSIM__DMP_VALID_DUMP32;
        bh.first_page = w->first_page;
        bh.total_present_pages = w->pages;
        bh.pages = w->bitmap_bits;
        rc = emit(w, BCSIM_DUMP_IO_BODY, &bh, sizeof(bh));
        if (!rc)
            rc = emit(w, BCSIM_DUMP_IO_BODY, w->present->words, w->bitmap_bits / 8);
        if (!rc)
            rc = emit(w, BCSIM_DUMP_IO_BODY, NULL,
                      w->first_page - BCSIM__DMP_BITMAP_DATA_OFFSET - w->bitmap_bits / 8);
        if (rc)
            return rc;
    }
    /* A chunk that starts empty holds the next min(left, body_chunk_pages) frames either
     * way; when they are consecutive pool memory (and the policy allows it) the sink gets
     * them in place, saving the copy: a 1 GiB dump is mostly that. */
    uint64_t b, c, from = 0, left = w->pages;
    while (bcsim__pfnset_next_run(w->present, from, &b, &c)) {
        for (uint64_t pfn = b; pfn < b + c;) {
            if (w->chunk_fill && w->chunk_type != BCSIM_DUMP_IO_BODY && (rc = flush(w)))
                return rc;
            w->chunk_type = BCSIM_DUMP_IO_BODY;
            uint64_t n = BCSIM_MIN(left, (uint64_t)w->p.body_chunk_pages);
            const void *src;
            if (!w->chunk_fill && n <= b + c - pfn && w->p.in_place && w->p.in_place(w->ctx) &&
                (src = frames_in_place(w, pfn, n)) != NULL) {
                if ((rc = deliver(w, src, n * PAGE, true)))
                    return rc;
                pfn += n;
                left -= n;
                continue;
            }
            read_frame(w, pfn, w->chunk + w->chunk_fill);
            w->chunk_fill += PAGE;
            pfn++;
            left--;
            if (w->chunk_fill == w->chunk_bytes && (rc = flush(w)))
                return rc;
        }
        from = b + c;
    }
    if ((rc = flush(w)))
        return rc;
    if (w->written != w->tagged)
        return fail(w, BCSIM_EINTERNAL, "internal: body ended at 0x%llx, expected 0x%llx",
                    (unsigned long long)w->written, (unsigned long long)w->tagged);
    w->state = W_BODY;
    return 0;
}

/* ---- secondary region ---- */

int bcsim__dump_secondary_begin(bcsim__dump_writer_t *w)
{
    int rc = check_state(w, W_BODY, "secondary_begin");
    if (rc)
        return rc;
    if (!w->p.secondary_size)
        return fail(w, BCSIM_ESTATE, "dump writer: no secondary region was reserved");
    bcsim__dmp_blob_file_header_t fh = {
        .signature1 = BCSIM__DMP_BLOB_SIGNATURE1,
        .signature2 = BCSIM__DMP_BLOB_SIGNATURE2,
        .header_size = BCSIM__DMP_BLOB_FILE_HEADER_SIZE,
        .build_number = BCSIM__DMP_BLOB_BUILD_FREE | w->p.build_number,
    };
    if ((rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, &fh, sizeof(fh))))
        return rc;
    w->roff = sizeof(fh);
    w->next_hdr = sizeof(fh);
    w->state = W_REGION;
    return 0;
}

bool bcsim__dump_secondary_fits(const bcsim__dump_writer_t *w, uint32_t size)
{
    bcsim__blob_place_t pl;
    return (w->state == W_REGION) && bcsim__blob_place(w->next_hdr, size, w->p.secondary_packed, &pl) &&
           pl.next <= w->p.secondary_size;
}

int bcsim__dump_secondary_blob_begin(bcsim__dump_writer_t *w, const bcsim_guid_t *tag,
                                     uint32_t size)
{
    int rc = check_state(w, W_REGION, "secondary_blob_begin");
    if (rc)
        return rc;
    bcsim__blob_place_t pl;
    if (!bcsim__blob_place(w->next_hdr, size, w->p.secondary_packed, &pl) ||
        pl.next > w->p.secondary_size) {
        /* refused, not failed: the caller may go on with other blobs */
        snprintf(w->err, sizeof(w->err),
                 "blob of 0x%x bytes does not fit the 0x%llx-byte secondary region "
                 "(0x%llx used)", size, (unsigned long long)w->p.secondary_size,
                 (unsigned long long)w->next_hdr);
        return BCSIM_EINVAL;
    }
    bcsim__dmp_blob_header_t bh = {
        .header_size = BCSIM__DMP_BLOB_HEADER_SIZE,
        .tag = *tag,
        .data_size = size,
        .pre_pad = pl.pre_pad,
        .post_pad = pl.post_pad,
    };
    if ((rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, NULL, pl.header - w->roff)) ||
        (rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, &bh, sizeof(bh))) ||
        (rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, NULL, pl.pre_pad)))
        return rc;
    w->roff = pl.data;
    w->blob = pl;
    w->blob_size = size;
    w->blob_fill = 0;
    w->state = W_BLOB;
    return 0;
}

int bcsim__dump_secondary_blob_append(bcsim__dump_writer_t *w, const void *data, uint32_t len)
{
    int rc = check_state(w, W_BLOB, "secondary_blob_append");
    if (rc)
        return rc;
    if (len > w->blob_size - w->blob_fill)
        return fail(w, BCSIM_EINVAL, "blob data exceeds its declared size 0x%x", w->blob_size);
    if ((rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, data, len)))
        return rc;
    w->blob_fill += len;
    w->roff += len;
    return 0;
}

int bcsim__dump_secondary_blob_end(bcsim__dump_writer_t *w)
{
    int rc = check_state(w, W_BLOB, "secondary_blob_end");
    if (rc)
        return rc;
    uint64_t rest = (uint64_t)(w->blob_size - w->blob_fill) + w->blob.post_pad;
    if ((rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, NULL, rest)))
        return rc;
    w->roff = w->blob.next;
    w->next_hdr = w->blob.next;
    w->state = W_REGION;
    return 0;
}

int bcsim__dump_secondary_blob(bcsim__dump_writer_t *w, const bcsim_guid_t *tag,
                               const void *data, uint32_t size)
{
    int rc = bcsim__dump_secondary_blob_begin(w, tag, size);
    if (!rc)
        rc = bcsim__dump_secondary_blob_append(w, data, size);
    if (!rc)
        rc = bcsim__dump_secondary_blob_end(w);
    return rc;
}

int bcsim__dump_secondary_end(bcsim__dump_writer_t *w)
{
    int rc = check_state(w, W_REGION, "secondary_end");
    if (rc)
        return rc;
    if ((rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, NULL, w->p.secondary_size - w->roff)))
        return rc;
    w->roff = w->p.secondary_size;
    w->state = W_REGION_DONE;
    return flush(w);
}

int bcsim__dump_writer_finish(bcsim__dump_writer_t *w)
{
    int rc;
    if (w->state == W_FAILED)
        return w->rc;
    if (w->state == W_BLOB && (rc = bcsim__dump_secondary_blob_end(w)))
        return rc;
    if (w->state == W_REGION && (rc = bcsim__dump_secondary_end(w)))
        return rc;
    if (w->state == W_BODY) {
        /* a reserved region never opened: zeros (the reader finds no tagged data) */
        if (w->p.secondary_size &&
            (rc = emit(w, BCSIM_DUMP_IO_SECONDARY_DATA, NULL, w->p.secondary_size)))
            return rc;
        w->state = W_REGION_DONE;
    }
    if ((rc = check_state(w, W_REGION_DONE, "finish")))
        return rc;
    uint64_t primary = w->tagged + w->p.secondary_size;
    uint32_t pad_type = w->p.secondary_size ? BCSIM_DUMP_IO_SECONDARY_DATA : BCSIM_DUMP_IO_BODY;
    if ((rc = emit(w, pad_type, NULL, w->file_size - primary)) || (rc = flush(w)))
        return rc;
    if (w->written != w->file_size)
        return fail(w, BCSIM_EINTERNAL, "internal: wrote 0x%llx bytes, RequiredDumpSpace 0x%llx",
                    (unsigned long long)w->written, (unsigned long long)w->file_size);
    w->state = W_FINISHED;
    return 0;
}
