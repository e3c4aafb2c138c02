/*
 * src/dump/dump_reader.c — the dump reader (include/bcsim/dump.h): dump-format.md 14 and 12.3.
 *
 * Rules kept throughout (STYLE rule 10):
 *  - every value from the file is untrusted; offsets and sizes are 64-bit and every sum or
 *    product is overflow-checked before use;
 *  - nothing is read past EOF: all access goes through src_read(), which bounds-checks;
 *  - allocations are bounded by small constants or by a fraction of the file size
 *    (bitmap rank index: 8 bytes per 4 KiB of bitmap; blobs: at most MAX_BLOBS);
 *  - every loop is bounded by the file size or a constant, so a crafted file cannot hang.
 */
#include "bcsim/dump.h"

#include "dump/dump_format.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE BCSIM__DMP_PAGE
#define MAX_DIAGS 256u
#define MAX_BLOBS 1000000u
#define MAX_BITMAP_BITS (1ULL << 36)       /* PFNs of a 48-bit physical address space */
#define RANK_BLOCK 4096u                    /* bytes of bitmap per rank entry */
#define NO_OFFSET UINT64_MAX

struct bcsim_dump {
    int fd;                         /* -1 for memory */
    const uint8_t *mem;
    uint64_t size;
    bcsim_dump_info_t info;
    bcsim_dump_diag_t *diags;
    uint32_t ndiags, dropped;
    /* DumpType 1 */
    bcsim__dmp_run_t runs[BCSIM__DMP_MAX_RUNS];
    uint64_t run_first[BCSIM__DMP_MAX_RUNS];   /* pages before run i */
    uint32_t nruns;
    /* DumpType 5/6 */
    uint64_t bits;
    uint64_t *rank;                 /* set bits before each RANK_BLOCK of the bitmap */
    uint64_t nrank;
    uint8_t block[RANK_BLOCK];      /* cached bitmap block */
    uint64_t block_index;           /* UINT64_MAX = none */
    /* tagged data */
    bcsim_dump_blob_t *blobs;
    uint32_t nblobs;
};

/* ---- diagnostics ---------------------------------------------------------------------- */

static void diag(bcsim_dump_t *d, uint32_t sev, uint64_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void diag_add(bcsim_dump_t *d, uint32_t sev, uint64_t off, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
static void diag_add(bcsim_dump_t *d, uint32_t sev, uint64_t off, const char *fmt, va_list ap)
{
    if (!d->diags) {
        d->diags = calloc(MAX_DIAGS, sizeof(*d->diags));
        if (!d->diags)
            return;
    }
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0 || !msg)
        return;
    d->diags[d->ndiags++] = (bcsim_dump_diag_t){ sev, off, msg };
}

/* Keeps the first MAX_DIAGS - 2 findings (errors may use one more slot); the last slot is
 * for the "more not kept" note. */
static void diag(bcsim_dump_t *d, uint32_t sev, uint64_t off, const char *fmt, ...)
{
    uint32_t limit = sev == BCSIM_DIAG_ERROR ? MAX_DIAGS - 1 : MAX_DIAGS - 2;
    if (d->ndiags >= limit) {
        d->dropped++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    diag_add(d, sev, off, fmt, ap);
    va_end(ap);
}

static void diag_final(bcsim_dump_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void diag_final(bcsim_dump_t *d, const char *fmt, ...)
{
    if (d->ndiags >= MAX_DIAGS)
        return;
    va_list ap;
    va_start(ap, fmt);
    diag_add(d, BCSIM_DIAG_NOTE, NO_OFFSET, fmt, ap);
    va_end(ap);
}

uint32_t bcsim_dump_diag_count(const bcsim_dump_t *d) { return d ? d->ndiags : 0; }

const bcsim_dump_diag_t *bcsim_dump_diag_get(const bcsim_dump_t *d, uint32_t i)
{
    return d && i < d->ndiags ? &d->diags[i] : NULL;
}

const char *bcsim_dump_error(const bcsim_dump_t *d)
{
    for (uint32_t i = 0; d && i < d->ndiags; i++)
        if (d->diags[i].severity == BCSIM_DIAG_ERROR)
            return d->diags[i].message;
    return NULL;
}

static bool has_error(const bcsim_dump_t *d)
{
    return bcsim_dump_error(d) != NULL;
}

const char *bcsim_dump_severity_name(uint32_t s)
{
    return s == BCSIM_DIAG_ERROR ? "error" : s == BCSIM_DIAG_WARNING ? "warning" : "note";
}

const char *bcsim_dump_type_name(uint32_t t)
{
    static const char *const n[] = {
        "DUMP_TYPE_UNKNOWN", "DUMP_TYPE_FULL", "DUMP_TYPE_SUMMARY", "DUMP_TYPE_HEADER",
        "DUMP_TYPE_TRIAGE", "DUMP_TYPE_BITMAP_FULL", "DUMP_TYPE_BITMAP_KERNEL",
        "DUMP_TYPE_AUTOMATIC", "KernelMemoryDump (RDMP)", "KernelAndUserMemoryDump (RDMP)",
        "CompleteMemoryDump (RDMP)",
    };
    return t < BCSIM_ARRAY_SIZE(n) ? n[t] : n[0];
}

/* "PAGE" or "\x01\x02.." for messages. */
static const char *fourcc(uint32_t v, char buf[20])
{
    char *p = buf;
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)(v >> (8 * i));
        if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\')
            *p++ = (char)c;
        else
            p += sprintf(p, "\\x%02x", c);
    }
    *p = 0;
    return buf;
}

/* ---- bounded reads ----------------------------------------------------------------------- */

/* Reads exactly len bytes at off, or fails (past EOF, I/O error). */
static bool src_read(const bcsim_dump_t *d, uint64_t off, void *buf, uint64_t len)
{
    if (len == 0)
        return off <= d->size;
    if (off > d->size || len > d->size - off)
        return false;
    if (d->mem) {
        memcpy(buf, d->mem + off, len);
        return true;
    }
    uint8_t *p = buf;
    while (len) {
        size_t k = len > (1u << 30) ? (1u << 30) : (size_t)len;
        ssize_t r = pread(d->fd, p, k, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        off += (uint64_t)r;
        len -= (uint64_t)r;
    }
    return true;
}

static bool all_zero(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* ---- DumpType 1: runs ------------------------------------------------------------------- */

static void parse_runs(bcsim_dump_t *d, const bcsim__dmp_header64_t *h)
{
    const bcsim__dmp_pmd_t *pmd = &h->physical_memory_block;
    char cc[20];
    uint32_t nr = pmd->number_of_runs;
    d->info.run_count = nr;
    d->info.number_of_pages = pmd->number_of_pages;
    d->info.data_offset = BCSIM__DMP_HEADER_SIZE;
    if (nr == BCSIM__DMP_SIGNATURE) {
        diag(d, BCSIM_DIAG_ERROR, 0x88, "NumberOfRuns at 0x88 is '%s' (0x%08x): the physical "
             "memory descriptor was never written", fourcc(nr, cc), nr);
        return;
    }
    if (nr == 0) {
        diag(d, BCSIM_DIAG_ERROR, 0x88, "NumberOfRuns at 0x88 is 0: the dump describes no "
             "physical memory");
        return;
    }
    if (nr > BCSIM__DMP_MAX_RUNS) {
        diag(d, BCSIM_DIAG_ERROR, 0x88, "NumberOfRuns at 0x88 is %u (0x%x): at most %u runs "
             "fit the header", nr, nr, BCSIM__DMP_MAX_RUNS);
        return;
    }
    uint64_t total = 0, prev_end = 0;
    bool bad = false;
    for (uint32_t i = 0; i < nr; i++) {
        uint64_t off = 0x98 + 0x10 * (uint64_t)i;
        uint64_t base = pmd->run[i].base_page, count = pmd->run[i].page_count;
        if (count == 0) {
            diag(d, BCSIM_DIAG_ERROR, off + 8, "run %u at 0x%llx has PageCount 0", i,
                 (unsigned long long)off);
            bad = true;
            continue;
        }
        if (base > MAX_BITMAP_BITS || count > MAX_BITMAP_BITS - base) {
            diag(d, BCSIM_DIAG_ERROR, off, "run %u at 0x%llx (BasePage 0x%llx, PageCount "
                 "0x%llx) lies beyond 2^48 bytes of physical memory", i,
                 (unsigned long long)off, (unsigned long long)base, (unsigned long long)count);
            bad = true;
            continue;
        }
        if (i > 0 && base < prev_end) {
            bool unsorted = base < d->runs[d->nruns ? d->nruns - 1 : 0].base_page;
            diag(d, BCSIM_DIAG_ERROR, off, "run %u at 0x%llx (BasePage 0x%llx) %s the "
                 "previous run (which ends at PFN 0x%llx)", i, (unsigned long long)off,
                 (unsigned long long)base, unsorted ? "is not sorted after" : "overlaps",
                 (unsigned long long)prev_end);
            bad = true;
        }
        d->runs[d->nruns] = pmd->run[i];
        d->run_first[d->nruns] = total;
        d->nruns++;
        total += count; /* each count < 2^36, at most 42 of them: no overflow */
        if (base + count > prev_end)
            prev_end = base + count;
    }
    if (pmd->number_of_pages == BCSIM__DMP_PAGE_PATTERN64) {
        diag(d, BCSIM_DIAG_ERROR, 0x90, "NumberOfPages at 0x90 is 'PAGEPAGE': the descriptor "
             "was never written");
        bad = true;
    } else if (!bad && pmd->number_of_pages != total) {
        diag(d, BCSIM_DIAG_ERROR, 0x90, "NumberOfPages at 0x90 is 0x%llx but the runs hold "
             "0x%llx pages", (unsigned long long)pmd->number_of_pages,
             (unsigned long long)total);
        bad = true;
    }
    if (bad) {
        d->nruns = 0;
        return;
    }
    d->info.page_count = total;
    d->info.usable = true;
}

/* ---- DumpType 5/6: bitmap ----------------------------------------------------------------- */

static bool load_block(bcsim_dump_t *d, uint64_t bi)
{
    if (d->block_index == bi)
        return true;
    uint64_t bytes = (d->bits + 7) / 8;
    uint64_t start = bi * RANK_BLOCK;
    uint64_t n = BCSIM_MIN((uint64_t)RANK_BLOCK, bytes - start);
    memset(d->block, 0, sizeof(d->block));
    if (!src_read(d, BCSIM__DMP_BITMAP_DATA_OFFSET + start, d->block, n)) {
        d->block_index = UINT64_MAX;
        return false;
    }
    /* bits at or past the bit count do not exist */
    uint64_t first_bit = start * 8, last_bit = first_bit + n * 8;
    if (last_bit > d->bits) {
        uint64_t keep = d->bits - first_bit; /* bits of this block that count */
        uint64_t byte = keep / 8;
        if (keep % 8)
            d->block[byte++] &= (uint8_t)((1u << (keep % 8)) - 1);
        memset(d->block + byte, 0, RANK_BLOCK - byte);
    }
    d->block_index = bi;
    return true;
}

static uint64_t block_popcount(const uint8_t *b, uint64_t nbits)
{
    uint64_t n = 0, i = 0;
    for (; i + 64 <= nbits; i += 64) {
        uint64_t w;
        memcpy(&w, b + i / 8, 8);
        n += (uint64_t)__builtin_popcountll(w);
    }
    for (; i < nbits; i++)
        n += (b[i / 8] >> (i % 8)) & 1;
    return n;
}

static void parse_bitmap(bcsim_dump_t *d, uint32_t type)
{
    char cc[20], cc2[20];
    if (type == BCSIM__DMP_TYPE_BITMAP_KERNEL)
        diag(d, BCSIM_DIAG_NOTE, 0xF98, "DumpType 6 (bitmap kernel / live kernel dump): read "
             "as a bitmap dump; volatility3 rejects this type");
    bcsim__dmp_bitmap_header_t bh;
    if (!src_read(d, BCSIM__DMP_BITMAP_OFFSET, &bh, sizeof(bh))) {
        diag(d, BCSIM_DIAG_ERROR, d->size, "file ends at 0x%llx inside the bitmap header at "
             "0x2000 (0x38 bytes)", (unsigned long long)d->size);
        return;
    }
    d->info.bitmap_signature = bh.signature;
    d->info.bitmap_bits = bh.pages;
    d->info.first_page = bh.first_page;
    d->info.total_present_pages = bh.total_present_pages;
    d->info.data_offset = bh.first_page;
    bool bad = false;
    if (bh.signature == BCSIM__DMP_BITMAP_FDMP) {
        diag(d, BCSIM_DIAG_NOTE, 0x2000, "bitmap signature at 0x2000 is 'FDMP' (full bitmap): "
             "radare2 rejects it");
    } else if (bh.signature != BCSIM__DMP_BITMAP_SDMP) {
        diag(d, BCSIM_DIAG_ERROR, 0x2000, "bitmap signature at 0x2000 is '%s' (0x%08x), "
             "expected 'SDMP' or 'FDMP'", fourcc(bh.signature, cc), bh.signature);
        bad = true;
    }
    if (bh.valid_dump != BCSIM__DMP_VALID_DUMP32) {
        diag(d, BCSIM_DIAG_ERROR, 0x2004, "bitmap ValidDump at 0x2004 is '%s' (0x%08x), "
             "expected 'DUMP'", fourcc(bh.valid_dump, cc2), bh.valid_dump);
        bad = true;
    }
    uint64_t bits = bh.pages;
    uint64_t room = d->size - BCSIM__DMP_BITMAP_DATA_OFFSET; /* size >= 0x2038 here */
    if (bits == 0) {
        diag(d, BCSIM_DIAG_ERROR, 0x2030, "bitmap bit count at 0x2030 is 0: no page can be "
             "present");
        return;
    }
    if (bits > MAX_BITMAP_BITS) {
        diag(d, BCSIM_DIAG_ERROR, 0x2030, "bitmap bit count at 0x2030 is 0x%llx: more PFNs "
             "than 2^48 bytes of physical memory", (unsigned long long)bits);
        return;
    }
    uint64_t bytes = (bits + 7) / 8;
    if (bytes > room) {
        diag(d, BCSIM_DIAG_ERROR, 0x2030, "bitmap of 0x%llx bits (0x%llx bytes at 0x2038) "
             "extends past the end of the file (0x%llx bytes)", (unsigned long long)bits,
             (unsigned long long)bytes, (unsigned long long)d->size);
        return;
    }
    if (bits % 64)
        diag(d, BCSIM_DIAG_WARNING, 0x2030, "bitmap bit count at 0x2030 (0x%llx) is not a "
             "multiple of 64: kdmp-parser and LeechCore ignore the bits after the last whole "
             "byte / 64-bit word", (unsigned long long)bits);
    uint64_t bitmap_end = BCSIM__DMP_BITMAP_DATA_OFFSET + bytes;
    if (bh.first_page < bitmap_end) {
        diag(d, BCSIM_DIAG_ERROR, 0x2020, "FirstPage at 0x2020 (0x%llx) lies inside the "
             "header or bitmap, which end at 0x%llx", (unsigned long long)bh.first_page,
             (unsigned long long)bitmap_end);
        bad = true;
    } else if (bh.first_page > d->size) {
        diag(d, BCSIM_DIAG_ERROR, 0x2020, "FirstPage at 0x2020 (0x%llx) is past the end of "
             "the file (0x%llx bytes)", (unsigned long long)bh.first_page,
             (unsigned long long)d->size);
        bad = true;
    }
    if (bh.first_page % PAGE)
        diag(d, BCSIM_DIAG_WARNING, 0x2020, "FirstPage at 0x2020 (0x%llx) is not page-aligned "
             "(LeechCore rejects it)", (unsigned long long)bh.first_page);

    /* popcount and rank index, one block at a time (bounded by the file) */
    d->bits = bits;
    d->nrank = (bytes + RANK_BLOCK - 1) / RANK_BLOCK;
    d->rank = malloc(d->nrank * sizeof(uint64_t));
    if (!d->rank) {
        diag(d, BCSIM_DIAG_ERROR, 0x2038, "out of memory indexing a bitmap of 0x%llx bits",
             (unsigned long long)bits);
        return;
    }
    uint64_t pop = 0;
    for (uint64_t bi = 0; bi < d->nrank; bi++) {
        d->rank[bi] = pop;
        if (!load_block(d, bi)) {
            diag(d, BCSIM_DIAG_ERROR, 0x2038 + bi * RANK_BLOCK, "cannot read the bitmap at "
                 "0x%llx", (unsigned long long)(0x2038 + bi * RANK_BLOCK));
            return;
        }
        pop += block_popcount(d->block, (uint64_t)RANK_BLOCK * 8);
    }
    if (pop == 0) {
        diag(d, BCSIM_DIAG_ERROR, 0x2038, "the bitmap at 0x2038 has no bit set: no page is "
             "present");
        bad = true;
    }
    if (bh.total_present_pages != pop) {
        diag(d, BCSIM_DIAG_ERROR, 0x2028, "TotalPresentPages at 0x2028 is 0x%llx but the "
             "bitmap has 0x%llx bits set", (unsigned long long)bh.total_present_pages,
             (unsigned long long)pop);
        bad = true;
    }
    if (bad)
        return;
    d->info.page_count = pop;
    d->info.usable = true;
}

/* ---- page lookup ------------------------------------------------------------------------- */

/* 0 with the file offset, ENOTFOUND, ESTATE, EIO (page past EOF). */
static int page_offset(bcsim_dump_t *d, uint64_t pfn, uint64_t *off)
{
    if (!d->info.usable)
        return BCSIM_ESTATE;
    uint64_t index;
    if (d->info.dump_type == BCSIM__DMP_TYPE_FULL) {
        uint32_t lo = 0, hi = d->nruns;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (d->runs[mid].base_page + d->runs[mid].page_count <= pfn)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo >= d->nruns || pfn < d->runs[lo].base_page)
            return BCSIM_ENOTFOUND;
        index = d->run_first[lo] + (pfn - d->runs[lo].base_page);
    } else {
        if (pfn >= d->bits)
            return BCSIM_ENOTFOUND;
        uint64_t bit = pfn % ((uint64_t)RANK_BLOCK * 8), bi = pfn / ((uint64_t)RANK_BLOCK * 8);
        if (!load_block(d, bi))
            return BCSIM_EIO;
        if (!((d->block[bit / 8] >> (bit % 8)) & 1))
            return BCSIM_ENOTFOUND;
        index = d->rank[bi] + block_popcount(d->block, bit);
    }
    /* index < page_count <= 2^36; data_offset <= file size: no overflow */
    uint64_t o = d->info.data_offset + index * PAGE;
    *off = o;
    if (o > d->size || PAGE > d->size - o)
        return BCSIM_EIO;
    return 0;
}

int bcsim_dump_page_offset(bcsim_dump_t *d, uint64_t pfn, uint64_t *offset)
{
    uint64_t o = 0;
    int rc = page_offset(d, pfn, &o);
    if (!rc && offset)
        *offset = o;
    return rc;
}

int bcsim_dump_read_physical(bcsim_dump_t *d, uint64_t pa, void *buf, uint64_t len,
                             uint64_t *done)
{
    uint64_t got = 0;
    int rc = 0;
    if (done)
        *done = 0;
    if (!d->info.usable)
        return BCSIM_ESTATE;
    if (pa + len < pa)
        return BCSIM_EINVAL;
    uint8_t *p = buf;
    while (got < len) {
        uint64_t a = pa + got, off;
        uint64_t k = BCSIM_MIN(len - got, PAGE - (a % PAGE));
        rc = page_offset(d, a / PAGE, &off);
        if (rc)
            break;
        if (!src_read(d, off + a % PAGE, p + got, k)) {
            rc = BCSIM_EIO;
            break;
        }
        got += k;
    }
    if (done)
        *done = got;
    return rc;
}

/* ---- virtual memory (spec 13.3) ------------------------------------------------------------ */

static int read_entry(bcsim_dump_t *d, uint64_t table_pa, uint64_t index, uint64_t *e)
{
    int rc = bcsim_dump_read_physical(d, table_pa + index * 8, e, 8, NULL);
    return rc == BCSIM_EIO ? BCSIM_EIO : rc ? BCSIM_ENOTFOUND : 0;
}

int bcsim_dump_translate(bcsim_dump_t *d, uint64_t va, uint64_t *pa)
{
    if (!d->info.virtual_ok)
        return BCSIM_ESTATE;
    uint64_t top = va >> 47;
    if (top != 0 && top != 0x1FFFF)
        return BCSIM_EINVAL;
    uint64_t e;
    int rc = read_entry(d, d->info.directory_table_base & BCSIM__PTE_ADDR_MASK,
                        (va >> 39) & 511, &e);
    if (rc || !(e & BCSIM__PTE_P))
        return rc ? rc : BCSIM_ENOTFOUND;
    if ((rc = read_entry(d, e & BCSIM__PTE_ADDR_MASK, (va >> 30) & 511, &e)) || !(e & BCSIM__PTE_P))
        return rc ? rc : BCSIM_ENOTFOUND;
    if (e & BCSIM__PTE_PS) {
        *pa = (e & BCSIM__PTE_1G_MASK) | (va & 0x3FFFFFFFULL);
        return 0;
    }
    if ((rc = read_entry(d, e & BCSIM__PTE_ADDR_MASK, (va >> 21) & 511, &e)) || !(e & BCSIM__PTE_P))
        return rc ? rc : BCSIM_ENOTFOUND;
    if (e & BCSIM__PTE_PS) {
        *pa = (e & BCSIM__PTE_2M_MASK) | (va & 0x1FFFFFULL);
        return 0;
    }
    if ((rc = read_entry(d, e & BCSIM__PTE_ADDR_MASK, (va >> 12) & 511, &e)) || !(e & BCSIM__PTE_P))
        return rc ? rc : BCSIM_ENOTFOUND;
    *pa = (e & BCSIM__PTE_ADDR_MASK) | (va & 0xFFF);
    return 0;
}

int bcsim_dump_read_virtual(bcsim_dump_t *d, uint64_t va, void *buf, uint64_t len,
                            uint64_t *done)
{
    uint64_t got = 0;
    int rc = 0;
    if (done)
        *done = 0;
    if (!d->info.virtual_ok)
        return BCSIM_ESTATE;
    if (va + len < va)
        return BCSIM_EINVAL;
    uint8_t *p = buf;
    while (got < len) {
        uint64_t a = va + got, pa, n = 0;
        uint64_t k = BCSIM_MIN(len - got, PAGE - (a % PAGE));
        if ((rc = bcsim_dump_translate(d, a, &pa)))
            break;
        rc = bcsim_dump_read_physical(d, pa, p + got, k, &n);
        got += n;
        if (rc)
            break;
    }
    if (done)
        *done = got;
    return rc;
}

/* ---- tagged data (spec 11.3) -------------------------------------------------------------- */

static int guid_cmp(const bcsim_guid_t *a, const bcsim_guid_t *b)
{
    return memcmp(a, b, sizeof(*a));
}

static int blob_order(const void *a, const void *b, void *base)
{
    const bcsim_dump_blob_t *blobs = base;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    int c = guid_cmp(&blobs[x].guid, &blobs[y].guid);
    return c ? c : (x < y ? -1 : x > y);
}

static void check_tags(bcsim_dump_t *d)
{
    if (!d->nblobs)
        return;
    uint32_t *idx = malloc((size_t)d->nblobs * sizeof(uint32_t));
    if (!idx)
        return;
    for (uint32_t i = 0; i < d->nblobs; i++)
        idx[i] = i;
    qsort_r(idx, d->nblobs, sizeof(uint32_t), blob_order, d->blobs);
    static const bcsim_guid_t zero;
    for (uint32_t i = 0; i < d->nblobs;) {
        uint32_t j = i + 1;
        while (j < d->nblobs && !guid_cmp(&d->blobs[idx[j]].guid, &d->blobs[idx[i]].guid))
            j++;
        bcsim_dump_blob_t *first = &d->blobs[idx[i]];
        first->first_of_tag = true;
        char g[40];
        bcsim_guid_format(&first->guid, g);
        if (!guid_cmp(&first->guid, &zero))
            diag(d, BCSIM_DIAG_WARNING, first->header_offset + 4, "blob at 0x%llx has the zero "
                 "GUID as its tag", (unsigned long long)first->header_offset);
        if (j - i > 1)
            diag(d, BCSIM_DIAG_WARNING, d->blobs[idx[i + 1]].header_offset + 4, "tag %s "
                 "appears %u times (first at 0x%llx): only the first block is readable by tag",
                 g, j - i, (unsigned long long)first->header_offset);
        i = j;
    }
    free(idx);
}

static void walk_tagged(bcsim_dump_t *d)
{
    uint64_t t = d->info.tagged_offset;
    char c1[20], c2[20];
    if (t >= d->size)
        return;
    uint64_t rest = d->size - t;
    bcsim__dmp_blob_file_header_t fh;
    if (rest < sizeof(fh) || !src_read(d, t, &fh, sizeof(fh))) {
        diag(d, BCSIM_DIAG_NOTE, t, "no tagged data: only 0x%llx bytes after the page data "
             "at 0x%llx", (unsigned long long)rest, (unsigned long long)t);
        return;
    }
    if (all_zero(&fh, sizeof(fh))) {
        diag(d, BCSIM_DIAG_NOTE, t, "no tagged data: zeros after the page data at 0x%llx",
             (unsigned long long)t);
        return;
    }
    if (fh.signature1 != BCSIM__DMP_BLOB_SIGNATURE1 || fh.signature2 != BCSIM__DMP_BLOB_SIGNATURE2) {
        diag(d, BCSIM_DIAG_WARNING, t, "malformed tagged-data header at 0x%llx: signatures "
             "'%s%s', expected 'DumpBlob'", (unsigned long long)t, fourcc(fh.signature1, c1),
             fourcc(fh.signature2, c2));
        return;
    }
    if (fh.header_size < sizeof(fh) || fh.header_size > rest) {
        diag(d, BCSIM_DIAG_WARNING, t + 8, "malformed tagged-data header at 0x%llx: "
             "HeaderSize 0x%x (must be 0x10..0x%llx)", (unsigned long long)t, fh.header_size,
             (unsigned long long)rest);
        return;
    }
    d->info.has_tagged = true;
    d->info.blob_build_number = fh.build_number;
    uint64_t p = t + fh.header_size;
    uint32_t cap = 0;
    for (;;) {
        bcsim__dmp_blob_header_t bh;
        if (d->size - p < sizeof(bh) || !src_read(d, p, &bh, sizeof(bh)))
            break;
        if (all_zero(&bh, sizeof(bh)))
            break;
        if (p % 8) {
            diag(d, BCSIM_DIAG_WARNING, p, "blob header at 0x%llx is not 8-byte aligned; walk "
                 "stopped", (unsigned long long)p);
            break;
        }
        if (bh.header_size < sizeof(bh)) {
            diag(d, BCSIM_DIAG_WARNING, p, "blob header at 0x%llx: HeaderSize 0x%x is below "
                 "0x20; walk stopped", (unsigned long long)p, bh.header_size);
            break;
        }
        /* four u32 values: the sum is below 2^34, p below 2^63 */
        uint64_t data = p + bh.header_size + bh.pre_pad;
        uint64_t end = data + bh.data_size + bh.post_pad;
        if (end > d->size) {
            diag(d, BCSIM_DIAG_WARNING, p, "blob at 0x%llx (HeaderSize 0x%x, PrePad 0x%x, "
                 "DataSize 0x%x, PostPad 0x%x) extends past the end of the file at 0x%llx; "
                 "walk stopped", (unsigned long long)p, bh.header_size, bh.pre_pad,
                 bh.data_size, bh.post_pad, (unsigned long long)d->size);
            break;
        }
        if (d->nblobs >= MAX_BLOBS) {
            diag(d, BCSIM_DIAG_WARNING, p, "more than %u blobs; walk stopped at 0x%llx",
                 MAX_BLOBS, (unsigned long long)p);
            break;
        }
        if (d->nblobs == cap) {
            uint32_t ncap = cap ? cap * 2 : 16;
            void *nb = realloc(d->blobs, (size_t)ncap * sizeof(*d->blobs));
            if (!nb) {
                diag(d, BCSIM_DIAG_WARNING, p, "out of memory listing blobs; walk stopped");
                break;
            }
            d->blobs = nb;
            cap = ncap;
        }
        d->blobs[d->nblobs++] = (bcsim_dump_blob_t){
            .guid = bh.tag, .header_offset = p, .data_offset = data, .size = bh.data_size,
        };
        p = end;
    }
    d->info.blob_count = d->nblobs;
    check_tags(d);
}

uint32_t bcsim_dump_blob_count(const bcsim_dump_t *d) { return d ? d->nblobs : 0; }

int bcsim_dump_blob_get(const bcsim_dump_t *d, uint32_t i, bcsim_dump_blob_t *out)
{
    if (!d || i >= d->nblobs)
        return BCSIM_ENOTFOUND;
    *out = d->blobs[i];
    return 0;
}

int bcsim_dump_read_blob(bcsim_dump_t *d, uint32_t i, uint64_t offset, void *buf,
                         uint64_t len, uint64_t *copied)
{
    if (copied)
        *copied = 0;
    if (!d || i >= d->nblobs)
        return BCSIM_ENOTFOUND;
    const bcsim_dump_blob_t *b = &d->blobs[i];
    if (offset > b->size)
        return BCSIM_EINVAL;
    uint64_t n = BCSIM_MIN(len, b->size - offset);
    if (!src_read(d, b->data_offset + offset, buf, n))
        return BCSIM_EIO;
    if (copied)
        *copied = n;
    return 0;
}

int bcsim_dump_find_tag(const bcsim_dump_t *d, const bcsim_guid_t *tag, uint32_t *index)
{
    for (uint32_t i = 0; d && i < d->nblobs; i++)
        if (!guid_cmp(&d->blobs[i].guid, tag)) {
            if (index)
                *index = i;
            return 0;
        }
    return BCSIM_ENOTFOUND;
}

uint32_t bcsim_dump_tag_count(const bcsim_dump_t *d, const bcsim_guid_t *tag)
{
    uint32_t n = 0;
    for (uint32_t i = 0; d && i < d->nblobs; i++)
        n += !guid_cmp(&d->blobs[i].guid, tag);
    return n;
}

int bcsim_dump_read_tagged(bcsim_dump_t *d, const bcsim_guid_t *tag, uint64_t offset,
                           void *buf, uint64_t buf_size, uint64_t *total_size,
                           uint64_t *copied)
{
    uint32_t i;
    if (copied)
        *copied = 0;
    if (total_size)
        *total_size = 0;
    if (bcsim_dump_find_tag(d, tag, &i))
        return BCSIM_ENOTFOUND;
    if (total_size)
        *total_size = d->blobs[i].size;
    return bcsim_dump_read_blob(d, i, offset, buf, buf_size, copied);
}

/* ---- open ------------------------------------------------------------------------------- */

static uint64_t opt_ptr(uint64_t v)
{
    return v == BCSIM__DMP_PAGE_PATTERN64 ? 0 : v;
}

static void parse_32bit(bcsim_dump_t *d)
{
    bcsim_dump_info_t *in = &d->info;
    in->is_32bit = true;
    uint32_t v[5];
    if (src_read(d, BCSIM__DMP32_MAJOR_VERSION, v, 8)) {
        in->major_version = v[0];
        in->minor_version = v[1];
    }
    if (src_read(d, BCSIM__DMP32_MACHINE_IMAGE_TYPE, v, 4))
        in->machine_image_type = v[0];
    if (src_read(d, BCSIM__DMP32_BUG_CHECK_CODE, v, 20)) {
        in->bugcheck_code = v[0];
        for (int i = 0; i < 4; i++)
            in->bugcheck_params[i] = v[1 + i];
        in->bugcheck_name = bcsim_bugcheck_name(v[0]);
    }
    if (src_read(d, BCSIM__DMP32_DUMP_TYPE, v, 4))
        in->dump_type = v[0];
    diag(d, BCSIM_DIAG_ERROR, 4, "32-bit (x86) kernel dump ('PAGE' + 'DUMP'): unsupported; "
         "bcsim reads 64-bit dumps ('PAGE' + 'DU64') only");
}

static void parse_header(bcsim_dump_t *d, const bcsim__dmp_header64_t *h)
{
    bcsim_dump_info_t *in = &d->info;
    in->major_version = h->major_version;
    in->minor_version = h->minor_version;
    in->directory_table_base = h->directory_table_base;
    in->pfn_database = opt_ptr(h->pfn_data_base);
    in->ps_loaded_module_list = opt_ptr(h->ps_loaded_module_list);
    in->ps_active_process_head = opt_ptr(h->ps_active_process_head);
    in->kd_debugger_data_block = opt_ptr(h->kd_debugger_data_block);
    in->machine_image_type = h->machine_image_type;
    in->number_processors = h->number_processors;
    in->bugcheck_code = h->bug_check_code;
    for (int i = 0; i < 4; i++)
        in->bugcheck_params[i] = h->bug_check_parameter[i];
    in->bugcheck_name = bcsim_bugcheck_name(h->bug_check_code);
    in->system_time = (uint64_t)h->system_time;
    in->system_uptime = (uint64_t)h->system_up_time;
    memcpy(in->comment, h->comment, sizeof(h->comment));
    in->comment[128] = 0;
    in->secondary_data_state = h->secondary_data_state;
    in->product_type = h->product_type;
    in->attributes = h->attributes;
    in->boot_id = h->boot_id;
    in->context_mxcsr = h->context.mx_csr;
    in->fltsave_mxcsr = h->context.flt_save.mx_csr;
    in->context_rip = h->context.rip;
    in->context_rsp = h->context.rsp;
    in->dump_type = h->dump_type;
    in->required_dump_space = (uint64_t)h->required_dump_space;

    if (h->machine_image_type != BCSIM__DMP_MACHINE_AMD64)
        diag(d, BCSIM_DIAG_WARNING, 0x30, "MachineImageType at 0x30 is 0x%x, not 0x8664 "
             "(AMD64): LeechCore rejects it and x64 page tables may not apply",
             h->machine_image_type);
    if (h->context.mx_csr != h->context.flt_save.mx_csr)
        diag(d, BCSIM_DIAG_WARNING, 0x37C, "CONTEXT.MxCsr at 0x37C (0x%x) differs from "
             "FltSave.MxCsr at 0x460 (0x%x): kdmp-parser rejects the dump",
             h->context.mx_csr, h->context.flt_save.mx_csr);

    switch (h->dump_type) {
    case BCSIM__DMP_TYPE_FULL:
        parse_runs(d, h);
        break;
    case BCSIM__DMP_TYPE_BITMAP_FULL:
    case BCSIM__DMP_TYPE_BITMAP_KERNEL:
        parse_bitmap(d, h->dump_type);
        break;
    case 2: case 3: case 4: case 7: case 8: case 9: case 10:
        diag(d, BCSIM_DIAG_WARNING, 0xF98, "DumpType %u (%s): header only, bcsim reads page "
             "data of DumpType 1 and 5 dumps", h->dump_type, bcsim_dump_type_name(h->dump_type));
        break;
    default:
        diag(d, BCSIM_DIAG_ERROR, 0xF98, "DumpType at 0xF98 is 0x%x: not a known dump type",
             h->dump_type);
        break;
    }
}

static void check_layout(bcsim_dump_t *d)
{
    bcsim_dump_info_t *in = &d->info;
    /* page data: data_offset <= size and page_count <= 2^36 were checked */
    if (in->usable) {
        uint64_t avail = d->size >= in->data_offset ? (d->size - in->data_offset) / PAGE : 0;
        in->pages_in_file = BCSIM_MIN(avail, in->page_count);
        in->tagged_offset = in->data_offset + in->page_count * PAGE;
        if (in->pages_in_file < in->page_count) {
            in->truncated = true;
            diag(d, BCSIM_DIAG_WARNING, d->size, "truncated: the page data needs 0x%llx "
                 "bytes (to 0x%llx) but the file ends at 0x%llx; %llu of %llu pages are "
                 "missing", (unsigned long long)(in->page_count * PAGE),
                 (unsigned long long)in->tagged_offset, (unsigned long long)d->size,
                 (unsigned long long)(in->page_count - in->pages_in_file),
                 (unsigned long long)in->page_count);
        }
    }
    uint64_t req = in->required_dump_space;
    if (req == BCSIM__DMP_PAGE_PATTERN64 || req == 0) {
        in->required_dump_space = 0;
        diag(d, BCSIM_DIAG_NOTE, 0xFA0, "RequiredDumpSpace at 0xFA0 is not set");
    } else if (req > d->size) {
        if (!in->truncated)
            diag(d, BCSIM_DIAG_WARNING, 0xFA0, "truncated: RequiredDumpSpace at 0xFA0 is "
                 "0x%llx bytes but the file has 0x%llx", (unsigned long long)req,
                 (unsigned long long)d->size);
        in->truncated = true;
    } else if (req < d->size) {
        diag(d, BCSIM_DIAG_NOTE, 0xFA0, "the file (0x%llx bytes) is longer than "
             "RequiredDumpSpace at 0xFA0 (0x%llx)", (unsigned long long)d->size,
             (unsigned long long)req);
    }
    if (!in->usable)
        return;
    walk_tagged(d);
    uint64_t dtb = in->directory_table_base;
    if (dtb & 0xFFF)
        diag(d, BCSIM_DIAG_WARNING, 0x10, "DirectoryTableBase at 0x10 (0x%llx) is not "
             "page-aligned; using 0x%llx", (unsigned long long)dtb,
             (unsigned long long)(dtb & ~0xFFFULL));
    uint64_t off;
    int rc = page_offset(d, (dtb & BCSIM__PTE_ADDR_MASK) / PAGE, &off);
    if (rc == 0)
        in->virtual_ok = true;
    else
        diag(d, BCSIM_DIAG_WARNING, 0x10, "the PML4 page at DirectoryTableBase 0x%llx is %s: "
             "virtual reads are unavailable", (unsigned long long)dtb,
             rc == BCSIM_EIO ? "past the end of the truncated file" : "not in the dump");
}

static int parse(bcsim_dump_t *d)
{
    char cc[20];
    bcsim_dump_info_t *in = &d->info;
    in->file_size = d->size;
    d->block_index = UINT64_MAX;
    uint32_t sig[2];
    if (!src_read(d, 0, sig, 8)) {
        diag(d, BCSIM_DIAG_ERROR, 0, "not a kernel dump: the file is %llu bytes, too short "
             "for a dump header", (unsigned long long)d->size);
        return BCSIM_EFORMAT;
    }
    in->signature = sig[0];
    in->valid_dump = sig[1];
    if (sig[0] != BCSIM__DMP_SIGNATURE) {
        diag(d, BCSIM_DIAG_ERROR, 0, "not a kernel dump: signature at 0x0 is '%s' (0x%08x), "
             "expected 'PAGE'", fourcc(sig[0], cc), sig[0]);
        return BCSIM_EFORMAT;
    }
    if (sig[1] == BCSIM__DMP_VALID_DUMP32) {
        parse_32bit(d);
        return BCSIM_EFORMAT;
    }
    if (sig[1] != BCSIM__DMP_VALID_DUMP64) {
        diag(d, BCSIM_DIAG_ERROR, 4, "not a 64-bit kernel dump: ValidDump at 0x4 is '%s' "
             "(0x%08x), expected 'DU64'", fourcc(sig[1], cc), sig[1]);
        return BCSIM_EFORMAT;
    }
    in->is_64bit = true;
    bcsim__dmp_header64_t *h = malloc(sizeof(*h));
    if (!h)
        return BCSIM_ENOMEM;
    if (!src_read(d, 0, h, sizeof(*h))) {
        diag(d, BCSIM_DIAG_ERROR, d->size, "truncated header: the file is 0x%llx bytes, a "
             "64-bit dump header needs 0x2000", (unsigned long long)d->size);
        free(h);
        return BCSIM_EFORMAT;
    }
    parse_header(d, h);
    free(h);
    check_layout(d);
    if (d->dropped)
        diag_final(d, "%u more diagnostics not kept", d->dropped);
    return has_error(d) ? BCSIM_EFORMAT : 0;
}

static bcsim_dump_t *dump_new(void)
{
    bcsim_dump_t *d = calloc(1, sizeof(*d));
    if (d)
        d->fd = -1;
    return d;
}

int bcsim_dump_open_memory(const void *data, uint64_t size, bcsim_dump_t **out)
{
    if (!out)
        return BCSIM_EINVAL;
    *out = NULL;
    if (!data && size)
        return BCSIM_EINVAL;
    bcsim_dump_t *d = dump_new();
    if (!d)
        return BCSIM_ENOMEM;
    static const uint8_t empty[1];
    d->mem = data ? data : empty;
    d->size = size;
    *out = d;
    return parse(d);
}

int bcsim_dump_open(const char *path, bcsim_dump_t **out)
{
    if (!out || !path)
        return BCSIM_EINVAL;
    *out = NULL;
    bcsim_dump_t *d = dump_new();
    if (!d)
        return BCSIM_ENOMEM;
    *out = d;
    /* The type first, and no blocking open: a FIFO (or a terminal) named as a dump must be an
     * error, not a wait for a writer that never comes. */
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        diag(d, BCSIM_DIAG_ERROR, NO_OFFSET, "cannot open '%s': %s", path, strerror(e));
        return e == ENOENT ? BCSIM_ENOENT : BCSIM_EIO;
    }
    if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode) && !S_ISDIR(st.st_mode)) {
        diag(d, BCSIM_DIAG_ERROR, NO_OFFSET, "cannot read '%s': not a regular file (%s)", path,
             S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISCHR(st.st_mode) ? "a character device"
             : S_ISSOCK(st.st_mode) ? "a socket" : "a special file");
        return BCSIM_EIO;
    }
    d->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (d->fd < 0 || fstat(d->fd, &st) != 0) {
        int e = errno;
        diag(d, BCSIM_DIAG_ERROR, NO_OFFSET, "cannot open '%s': %s", path, strerror(e));
        return e == ENOENT ? BCSIM_ENOENT : BCSIM_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        diag(d, BCSIM_DIAG_ERROR, NO_OFFSET, "cannot read '%s': it is a directory", path);
        return BCSIM_EIO;
    }
    if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
        diag(d, BCSIM_DIAG_ERROR, NO_OFFSET, "cannot read '%s': not a regular file", path);
        return BCSIM_EIO;
    }
    if (S_ISBLK(st.st_mode)) {
        off_t end = lseek(d->fd, 0, SEEK_END);
        d->size = end > 0 ? (uint64_t)end : 0;
    } else {
        d->size = (uint64_t)st.st_size;
    }
    return parse(d);
}

void bcsim_dump_close(bcsim_dump_t *d)
{
    if (!d)
        return;
    if (d->fd >= 0)
        close(d->fd);
    for (uint32_t i = 0; i < d->ndiags; i++)
        free((char *)d->diags[i].message);
    free(d->diags);
    free(d->rank);
    free(d->blobs);
    free(d);
}

const bcsim_dump_info_t *bcsim_dump_get_info(const bcsim_dump_t *d)
{
    return &d->info;
}

int bcsim_dump_run_get(const bcsim_dump_t *d, uint32_t index, uint64_t *base_pfn,
                       uint64_t *page_count)
{
    if (!d || d->info.dump_type != BCSIM__DMP_TYPE_FULL || index >= d->nruns)
        return BCSIM_ENOTFOUND;
    if (base_pfn)
        *base_pfn = d->runs[index].base_page;
    if (page_count)
        *page_count = d->runs[index].page_count;
    return 0;
}
