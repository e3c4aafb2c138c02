/*
 * tests/test_dump_writer.c — src/dump/dump_writer.c: the present-frame set, the secondary-region
 * framing (dump-format.md 11.2), the page tables (13.4), the header (3-5), both layouts
 * (7, 8) and the chunk stream (dispatcher-model.md 7.7); every dump is read back with
 * src/dump/dump_reader.c and must satisfy the writer contract of dump-format.md 12.2.
 */
#include "bcsim_test.h"
#include "dump/dump_file.h"
#include "dump_testlib.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static const bcsim_guid_t GA = { 0x12345678, 0x1234, 0x5678, { 1, 2, 3, 4, 5, 6, 7, 8 } };
static const bcsim_guid_t GB = { 0xCAFEF00D, 0xBEEF, 0x0001, { 9, 9, 9, 9, 9, 9, 9, 9 } };

/* A small machine image: a nonpaged buffer over 3 pages, a paged one, an OS page. */
typedef struct world {
    uint8_t *np, *pg, *os;
    bcsim__pfnset_t set;
} world_t;

static void world_make(world_t *w)
{
    w->np = bcsim__pool_alloc(3 * 4096 + 100, false, 0x74736554, 4096, 0, 0);
    w->pg = bcsim__pool_alloc(5000, true, 0x67617050, 16, 1, 0);
    w->os = bcsim__os_alloc(256, 16);
    assert_non_null(w->np);
    assert_non_null(w->pg);
    assert_non_null(w->os);
    dt_fill(w->np, 3 * 4096 + 100, 1);
    dt_fill(w->pg, 5000, 2);
    dt_fill(w->os, 256, 3);
    bcsim__pfnset_init(&w->set, 0);
    assert_int_equal(dt_add_va(&w->set, w->np, 3 * 4096 + 100), 0);
    assert_int_equal(dt_add_va(&w->set, w->pg, 5000), 0);
    assert_int_equal(dt_add_va(&w->set, w->os, 256), 0);
}

static void params(bcsim__dump_params_t *p, uint32_t type)
{
    bcsim__dump_params_init(p);
    p->dump_type = type;
    p->bugcheck_code = 0xE2;
    p->bugcheck_params[0] = 0x1111;
    p->bugcheck_params[3] = 0x4444;
    p->system_time = 133000000000000000ULL;
    p->uptime_100ns = 12345678;
    p->regs.rip = 0xFFFFF80000001234ULL;
    p->regs.rsp = 0x7FFF0000ULL;
    p->regs.mxcsr = 0x1FA0;
    p->comment = "bcsim test dump";
    p->body_chunk_pages = 3;
}

/* ---- present-frame set ---------------------------------------------------------------- */

static void pfnset_tracks_ranges_count_and_runs(void **state)
{
    (void)state;
    bcsim__pfnset_t s;
    bcsim__pfnset_init(&s, 0x100000);
    assert_int_equal(bcsim__pfnset_add(&s, 10, 100), 0);
    assert_int_equal(bcsim__pfnset_add(&s, 50, 100), 0);     /* overlap counts once */
    assert_int_equal(bcsim__pfnset_count(&s), 140);
    bcsim__pfnset_remove(&s, 60, 10);
    assert_int_equal(bcsim__pfnset_count(&s), 130);
    assert_false(bcsim__pfnset_test(&s, 65));
    assert_true(bcsim__pfnset_test(&s, 59));
    assert_int_equal(bcsim__pfnset_runs(&s), 2);
    uint64_t b, c, m;
    assert_true(bcsim__pfnset_next_run(&s, 0, &b, &c));
    assert_int_equal(b, 10);
    assert_int_equal(c, 50);
    assert_true(bcsim__pfnset_next_run(&s, 60, &b, &c));
    assert_int_equal(b, 70);
    assert_int_equal(c, 80);
    assert_true(bcsim__pfnset_max(&s, &m));
    assert_int_equal(m, 149);
    assert_int_equal(bcsim__pfnset_add(&s, 0xFFFFF, 2), BCSIM_EINVAL); /* past the limit */
    assert_int_equal(bcsim__pfnset_count(&s), 130);
    bcsim__pfnset_remove(&s, 0, UINT64_MAX);
    assert_int_equal(bcsim__pfnset_count(&s), 0);
    assert_false(bcsim__pfnset_max(&s, &m));
    bcsim__pfnset_free(&s);
}

/* ---- framing (spec 11.2) ---------------------------------------------------------------- */

static void page_granular_framing_fills_pages(void **state)
{
    (void)state;
    bcsim__blob_place_t pl;
    /* first blob: header at 0x10, 0xFD0 bytes fit exactly in the first page */
    assert_true(bcsim__blob_place(0x10, 0xFD0, false, &pl));
    assert_int_equal(pl.data, 0x30);
    assert_int_equal(pl.pre_pad, 0);
    assert_int_equal(pl.post_pad, 0);
    assert_int_equal(pl.next, 0x1000);
    /* one more byte: data moves to the next page */
    assert_true(bcsim__blob_place(0x10, 0xFD1, false, &pl));
    assert_int_equal(pl.pre_pad, 0xFD0);
    assert_int_equal(pl.data, 0x1000);
    assert_int_equal(pl.post_pad, 0x1000 - 0xFD1);
    assert_int_equal(pl.next, 0x2000);
    /* later blob at a page start: 100 bytes, PostPad to the page end */
    assert_true(bcsim__blob_place(0x3000, 100, false, &pl));
    assert_int_equal(pl.data, 0x3020);
    assert_int_equal(pl.post_pad, 0x1000 - 0x20 - 100);
    assert_int_equal(pl.next, 0x4000);
    uint32_t sizes[] = { 100, 0x1800, 10 };
    /* 0x10..0x1000 | PrePad to 0x2000, 0x1800 bytes to 0x4000 | 0x4000..0x5000 */
    assert_int_equal(bcsim__blob_region_size(sizes, 3, false), 0x5000);
    assert_int_equal(bcsim__blob_region_size(sizes, 0, false), 0);
}

static void packed_framing_aligns_to_8(void **state)
{
    (void)state;
    bcsim__blob_place_t pl;
    assert_true(bcsim__blob_place(0x10, 13, true, &pl));
    assert_int_equal(pl.data, 0x30);
    assert_int_equal(pl.post_pad, 3);
    assert_int_equal(pl.next, 0x40);
    uint32_t sizes[] = { 100, 0x1800, 10 };
    /* 0x10 + (0x20+0x68) + (0x20+0x1800) + (0x20+0x10) = 0x18d8 -> 0x2000 */
    assert_int_equal(bcsim__blob_region_size(sizes, 3, true), 0x2000);
    uint64_t cursor = 0;
    assert_int_equal(bcsim__blob_region_add(&cursor, 100, true), 0x1000);
    assert_int_equal(cursor, 0x98);
    assert_false(bcsim__blob_place(0x11, 1, true, &pl));   /* misaligned header */
}

/* ---- whole dumps ------------------------------------------------------------------------- */

static void check_stream(const dt_sink_t *s, uint64_t file_size)
{
    assert_true(s->order_ok);
    assert_int_equal(s->len, file_size);
    assert_true(s->nchunks >= 2);
    assert_int_equal(s->chunks[0].type, BCSIM_DUMP_IO_HEADER);
    assert_int_equal(s->chunks[0].len, 0x2000);
    for (uint32_t i = 1; i < s->nchunks && i < 4096; i++) {
        assert_int_not_equal(s->chunks[i].type, BCSIM_DUMP_IO_HEADER);
        assert_true(s->chunks[i].len <= 3 * 0x1000);
    }
}

static void check_header(const uint8_t *b, uint64_t size, uint32_t type)
{
    assert_memory_equal(b, "PAGEDU64", 8);
    assert_int_equal(dt_get32(b, 0x30), 0x8664);
    assert_int_equal(dt_get32(b, 0x38), 0xE2);
    assert_int_equal(dt_get64(b, 0x40), 0x1111);
    assert_int_equal(dt_get64(b, 0x58), 0x4444);
    assert_int_equal(dt_get64(b, 0x10), 0x1AD000);
    assert_int_equal(dt_get32(b, 0x37C), 0x1FA0);
    assert_int_equal(dt_get32(b, 0x460), 0x1FA0);
    assert_int_equal(dt_get64(b, 0x440), 0xFFFFF80000001234ULL);
    assert_int_equal(dt_get32(b, 0xF98), type);
    assert_int_equal(dt_get64(b, 0xFA0), size);
    assert_string_equal((const char *)b + 0xFB0, "bcsim test dump");
    assert_int_equal(dt_get32(b, 0xF00), 0x80000003);
    assert_int_equal(dt_get64(b, 0xF10), 0xFFFFF80000001234ULL);
    assert_memory_equal(b + 0x1058, "PAGEPAGE", 8);     /* _reserved0 keeps the filler */
    assert_memory_equal(b + 0x1FF8, "PAGEPAGE", 8);
    assert_memory_equal(b + 0x348 + 0x4D0, "PAGE", 4); /* unused tail of the context area */
    assert_int_equal(dt_get32(b, 0x3C), 0);
    assert_int_equal(dt_get32(b, 0x344), 0);
    /* the descriptor: 1..42 runs, ascending, non-overlapping, NumberOfPages = sum */
    uint32_t nr = dt_get32(b, 0x88);
    assert_true(nr >= 1 && nr <= 42);
    uint64_t sum = 0, prev_end = 0;
    for (uint32_t i = 0; i < nr; i++) {
        uint64_t base = dt_get64(b, 0x98 + 16 * i), cnt = dt_get64(b, 0xA0 + 16 * i);
        assert_true(cnt >= 1);
        assert_true(i == 0 || base > prev_end);   /* sorted, disjoint, maximal */
        prev_end = base + cnt;
        sum += cnt;
    }
    assert_int_equal(dt_get64(b, 0x90), sum);
}

static void check_readback(world_t *w, const uint8_t *buf, uint64_t len, bool dup_expected)
{
    bcsim_dump_t *d = NULL;
    int rc = bcsim_dump_open_memory(buf, len, &d);
    for (uint32_t i = 0; rc && i < bcsim_dump_diag_count(d); i++)
        printf("  diag: %s\n", bcsim_dump_diag_get(d, i)->message);
    assert_int_equal(rc, 0);
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    assert_true(in->usable);
    assert_true(in->virtual_ok);
    assert_false(in->truncated);
    assert_int_equal(in->bugcheck_code, 0xE2);
    assert_string_equal(in->bugcheck_name, "MANUALLY_INITIATED_CRASH");
    assert_int_equal(in->required_dump_space, len);
    assert_false(dt_has_diag(d, BCSIM_DIAG_WARNING, "MxCsr"));

    /* physical: the pages MmGetPhysicalAddress names hold the pool bytes */
    uint8_t tmp[3 * 4096 + 100];
    uint64_t pa;
    assert_true(bcsim__mem_va_to_pa((uint64_t)w->np, &pa));
    assert_int_equal(bcsim_dump_read_physical(d, pa, tmp, 4096, NULL), 0);
    assert_memory_equal(tmp, w->np, 4096);
    assert_true(bcsim__mem_va_to_pa((uint64_t)w->pg, &pa));
    assert_int_equal(bcsim_dump_read_physical(d, pa, tmp, 16, NULL), 0);
    assert_memory_equal(tmp, w->pg, 16);
    /* virtual: through the dump's page tables, across page boundaries */
    assert_int_equal(bcsim_dump_read_virtual(d, (uint64_t)w->np, tmp, sizeof(tmp), NULL), 0);
    assert_memory_equal(tmp, w->np, sizeof(tmp));
    assert_int_equal(bcsim_dump_read_virtual(d, (uint64_t)w->pg, tmp, 5000, NULL), 0);
    assert_memory_equal(tmp, w->pg, 5000);
    assert_int_equal(bcsim_dump_read_virtual(d, (uint64_t)w->os, tmp, 256, NULL), 0);
    assert_memory_equal(tmp, w->os, 256);
    uint64_t va_pa;
    assert_int_equal(bcsim_dump_translate(d, (uint64_t)w->np + 5, &va_pa), 0);
    assert_true(bcsim__mem_va_to_pa((uint64_t)w->np + 5, &pa));
    assert_int_equal(va_pa, pa);
    /* the self-map: PML4 index 0x1ED at every level lands on the PML4 itself */
    assert_int_equal(bcsim_dump_translate(d, 0xFFFFF6FB7DBED000ULL, &va_pa), 0);
    assert_int_equal(va_pa, 0x1AD000);
    /* an unmapped address */
    assert_int_equal(bcsim_dump_translate(d, 0x1000, &va_pa), BCSIM_ENOTFOUND);
    assert_int_equal(bcsim_dump_translate(d, 0x0000900000000000ULL, &va_pa), BCSIM_EINVAL);

    /* secondary data */
    assert_true(in->has_tagged);
    assert_int_equal(in->blob_build_number, 0xF0000000u | 22000);
    uint8_t out[0x1800];
    uint64_t total = 0, copied = 0;
    assert_int_equal(bcsim_dump_read_tagged(d, &GA, 0, out, sizeof(out), &total, &copied), 0);
    assert_int_equal(total, 100);
    assert_int_equal(copied, 100);
    uint8_t expect_a[100];
    dt_fill(expect_a, 100, 7);
    assert_memory_equal(out, expect_a, 100);
    /* partial read with an offset */
    assert_int_equal(bcsim_dump_read_tagged(d, &GA, 10, out, 5, &total, &copied), 0);
    assert_int_equal(copied, 5);
    assert_memory_equal(out, expect_a + 10, 5);
    assert_int_equal(bcsim_dump_read_tagged(d, &GA, 101, out, 5, &total, &copied), BCSIM_EINVAL);
    uint8_t expect_b[0x1800];
    dt_fill(expect_b, sizeof(expect_b), 8);
    assert_int_equal(bcsim_dump_read_tagged(d, &GB, 0, out, sizeof(out), &total, &copied), 0);
    assert_int_equal(total, 0x1800);
    assert_memory_equal(out, expect_b, 0x1800);
    bcsim_guid_t none = { 1, 2, 3, { 0 } };
    assert_int_equal(bcsim_dump_read_tagged(d, &none, 0, out, 1, &total, &copied), BCSIM_ENOTFOUND);
    if (dup_expected) {
        assert_int_equal(bcsim_dump_blob_count(d), 3);
        assert_int_equal(bcsim_dump_tag_count(d, &GA), 2);
        assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "appears 2 times"));
        /* the hidden block is still reachable by enumeration */
        bcsim_dump_blob_t b;
        assert_int_equal(bcsim_dump_blob_get(d, 2, &b), 0);
        assert_false(b.first_of_tag);
        assert_int_equal(b.size, 10);
        assert_int_equal(bcsim_dump_read_blob(d, 2, 0, out, 10, &copied), 0);
        assert_memory_equal(out, "0123456789", 10);
    }
    bcsim_dump_close(d);
}

static void write_and_check(void **state, uint32_t type, bool packed)
{
    (void)state;
    world_t w;
    world_make(&w);
    uint8_t a[100], b[0x1800];
    dt_fill(a, sizeof(a), 7);
    dt_fill(b, sizeof(b), 8);
    dt_blob_t blobs[] = { { GA, a, sizeof(a) }, { GB, b, sizeof(b) }, { GA, "0123456789", 10 } };
    bcsim__dump_params_t p;
    params(&p, type);
    p.secondary_packed = packed;
    dt_sink_t s;
    dt_sink_init(&s);
    const char *err = NULL;
    int rc = dt_write(&p, &w.set, blobs, 3, &s, &err);
    if (rc)
        printf("  writer: %s\n", err);
    assert_int_equal(rc, 0);
    check_stream(&s, s.len);
    check_header(s.buf, s.len, type);
    /* page-table frames were added to the present set */
    assert_true(bcsim__pfnset_test(&w.set, 0x1AD));
    assert_true(bcsim__pfnset_test(&w.set, 0x1AE));
    uint64_t npages = bcsim__pfnset_count(&w.set);
    uint64_t t;
    if (type == 1) {
        assert_int_equal(dt_get64(s.buf, 0x90), npages);
        t = 0x2000 + npages * 0x1000;
    } else {
        assert_memory_equal(s.buf + 0x2000, "SDMPDUMP", 8);
        uint64_t first = dt_get64(s.buf, 0x2020), present = dt_get64(s.buf, 0x2028);
        uint64_t bits = dt_get64(s.buf, 0x2030);
        assert_int_equal(first % 0x1000, 0);
        assert_int_equal(bits % 64, 0);
        assert_true(first >= 0x2038 + bits / 8);
        uint64_t pop = 0;
        for (uint64_t i = 0; i < bits / 8; i++)
            pop += (uint64_t)__builtin_popcount(s.buf[0x2038 + i]);
        assert_int_equal(pop, present);
        assert_int_equal(present, npages);
        uint64_t maxpfn;
        assert_true(bcsim__pfnset_max(&w.set, &maxpfn));
        assert_int_equal(bits, (maxpfn + 1 + 63) / 64 * 64);
        t = first + npages * 0x1000;
        /* the type-5 descriptor describes the simulated space (not 'PAGE', <= 42 runs) */
        assert_int_not_equal(dt_get32(s.buf, 0x88), 0x45474150);
    }
    assert_memory_equal(s.buf + t, "DumpBlob", 8);
    assert_int_equal(dt_get32(s.buf, t + 8), 0x10);
    assert_int_equal(s.len % 0x1000, 0);
    /* PML4: exactly one self-reference, at 0x1ED, P|RW; nothing else points at it */
    uint64_t maxpfn_all = 0;
    assert_true(bcsim__pfnset_max(&w.set, &maxpfn_all));
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    uint64_t off;
    assert_int_equal(bcsim_dump_page_offset(d, 0x1AD, &off), 0);
    const uint64_t *pml4 = (const uint64_t *)(s.buf + off);
    assert_int_equal(pml4[0x1ED], 0x1AD003);
    for (uint64_t tp = 0x1AD; bcsim__pfnset_test(&w.set, tp); tp++) {
        assert_int_equal(bcsim_dump_page_offset(d, tp, &off), 0);
        const uint64_t *e = (const uint64_t *)(s.buf + off);
        for (int i = 0; i < 512; i++) {
            if (tp == 0x1AD && i == 0x1ED)
                continue;
            if (e[i] & 1)
                assert_int_not_equal(e[i] & 0x000FFFFFFFFFF000ULL, 0x1AD000);
            if (tp == 0x1AD && (e[i] & 1)) {
                /* volatility3's DTB scan: no large-page bit, nothing past the dump's memory */
                assert_int_equal(e[i] & 0x80, 0);
                assert_true((e[i] & 0x000FFFFFFFFFF000ULL) >> 12 <= maxpfn_all);
            }
        }
    }
    bcsim_dump_close(d);
    check_readback(&w, s.buf, s.len, true);
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

static void full_dump_page_granular_reads_back(void **state) { write_and_check(state, 1, false); }
static void full_dump_packed_reads_back(void **state) { write_and_check(state, 1, true); }
static void bitmap_dump_page_granular_reads_back(void **state) { write_and_check(state, 5, false); }
static void bitmap_dump_packed_reads_back(void **state) { write_and_check(state, 5, true); }

/* Leaf PTE bits: P|RW|A|D, XD on data, U/S = 0. */
static void leaf_entries_are_kernel_data_mappings(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    bcsim__dump_params_t p;
    params(&p, 1);
    dt_sink_t s;
    dt_sink_init(&s);
    assert_int_equal(dt_write(&p, &w.set, NULL, 0, &s, NULL), 0);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    uint64_t va = (uint64_t)w.np, e = 0;
    uint64_t table = 0x1AD000;
    for (int level = 3; level >= 0; level--) {
        uint64_t idx = (va >> (12 + 9 * level)) & 511;
        assert_int_equal(bcsim_dump_read_physical(d, table + idx * 8, &e, 8, NULL), 0);
        if (level > 0) {
            assert_int_equal(e & 0xFFF, 0x23);         /* P|RW|A */
            table = e & 0x000FFFFFFFFFF000ULL;
        }
    }
    assert_int_equal(e & 0xFFF, 0x63);                 /* P|RW|A|D, U/S clear */
    assert_true(e >> 63);                              /* XD: pool is not code */
    assert_false(bcsim_dump_get_info(d)->has_tagged);  /* no region: file ends at T */
    bcsim_dump_close(d);
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

/* dump.min_size: zero pages after the region; everything still parses. */
static void min_size_pads_with_zero_pages(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    bcsim__dump_params_t p;
    params(&p, 5);
    p.min_file_size = 16ull << 20;
    uint8_t a[100];
    dt_fill(a, sizeof(a), 7);
    dt_blob_t blobs[] = { { GA, a, 100 } };
    dt_sink_t s;
    dt_sink_init(&s);
    assert_int_equal(dt_write(&p, &w.set, blobs, 1, &s, NULL), 0);
    assert_int_equal(s.len, 16ull << 20);
    assert_int_equal(dt_get64(s.buf, 0xFA0), 16ull << 20);
    assert_true(s.order_ok);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    assert_int_equal(bcsim_dump_blob_count(d), 1);
    bcsim_dump_close(d);
    /* without a region the padding is BODY */
    dt_sink_free(&s);
    dt_sink_init(&s);
    assert_int_equal(dt_write(&p, &w.set, NULL, 0, &s, NULL), 0);
    assert_int_equal(s.len, 16ull << 20);
    uint32_t last = s.nchunks < 4096 ? s.nchunks - 1 : 4095;
    assert_int_equal(s.chunks[last].type, BCSIM_DUMP_IO_BODY);
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    assert_false(bcsim_dump_get_info(d)->has_tagged);
    bcsim_dump_close(d);
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

/* More than 42 runs cannot be described by a DumpType 1 header. */
static void full_dump_with_43_runs_is_refused(void **state)
{
    (void)state;
    bcsim__pfnset_t set;
    bcsim__pfnset_init(&set, 0);
    for (uint64_t i = 0; i < 43; i++)
        assert_int_equal(bcsim__pfnset_add(&set, 0x20000 + 2 * i, 1), 0);
    bcsim__dump_params_t p;
    params(&p, 1);
    dt_sink_t s;
    dt_sink_init(&s);
    const char *err = NULL;
    assert_int_equal(dt_write(&p, &set, NULL, 0, &s, &err), BCSIM_EINVAL);
    assert_non_null(strstr(err, "runs"));
    assert_int_equal(s.len, 0);
    /* a bitmap dump takes them, and its descriptor is merged to <= 42 runs */
    params(&p, 5);
    assert_int_equal(dt_write(&p, &set, NULL, 0, &s, &err), 0);
    assert_true(dt_get32(s.buf, 0x88) <= 42);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    assert_int_equal(bcsim_dump_get_info(d)->page_count, bcsim__pfnset_count(&set));
    bcsim_dump_close(d);
    dt_sink_free(&s);
    bcsim__pfnset_free(&set);
}

/* The sink's error stops the writer and comes back from the call. */
static void sink_error_stops_the_writer(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    bcsim__dump_params_t p;
    params(&p, 5);
    dt_sink_t s;
    dt_sink_init(&s);
    s.fail_at = 3;
    const char *err = NULL;
    assert_int_equal(dt_write(&p, &w.set, NULL, 0, &s, &err), BCSIM_EIO);
    assert_non_null(strstr(err, "sink"));
    assert_int_equal(s.nchunks, 2);
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

/* Blobs beyond the reserved region are refused without corrupting the region. */
static void blob_larger_than_the_region_is_refused(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    bcsim__dump_params_t p;
    params(&p, 1);
    p.secondary_size = 0x1000;
    dt_sink_t s;
    dt_sink_init(&s);
    bcsim__dump_writer_t *wr;
    assert_int_equal(bcsim__dump_writer_create(&p, &w.set, dt_sink, &s, &wr, NULL), 0);
    assert_int_equal(bcsim__dump_writer_header(wr), 0);
    assert_int_equal(bcsim__dump_writer_body(wr), 0);
    assert_int_equal(bcsim__dump_secondary_begin(wr), 0);
    assert_true(bcsim__dump_secondary_fits(wr, 0xFD0));
    assert_false(bcsim__dump_secondary_fits(wr, 0xFD1));
    uint8_t big[0x2000] = { 0 };
    assert_int_equal(bcsim__dump_secondary_blob(wr, &GA, big, sizeof(big)), BCSIM_EINVAL);
    assert_int_equal(bcsim__dump_secondary_blob(wr, &GB, "abc", 3), 0);
    /* a multi-part blob: declared size, parts, missing bytes zero-filled */
    assert_int_equal(bcsim__dump_secondary_end(wr), 0);
    assert_int_equal(bcsim__dump_writer_finish(wr), 0);
    assert_int_equal(s.len, bcsim__dump_writer_file_size(wr));
    bcsim__dump_writer_destroy(wr);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    assert_int_equal(bcsim_dump_blob_count(d), 1);
    bcsim_dump_close(d);
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

static void multipart_blob_is_assembled_from_parts(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    bcsim__dump_params_t p;
    params(&p, 5);
    p.secondary_size = bcsim__blob_region_size((uint32_t[]){ 0x2100 }, 1, false);
    dt_sink_t s;
    dt_sink_init(&s);
    bcsim__dump_writer_t *wr;
    assert_int_equal(bcsim__dump_writer_create(&p, &w.set, dt_sink, &s, &wr, NULL), 0);
    assert_int_equal(bcsim__dump_writer_header(wr), 0);
    assert_int_equal(bcsim__dump_writer_body(wr), 0);
    assert_int_equal(bcsim__dump_secondary_begin(wr), 0);
    assert_int_equal(bcsim__dump_secondary_blob_begin(wr, &GA, 0x2100), 0);
    uint8_t part[0x1000];
    memset(part, 0xAB, sizeof(part));
    assert_int_equal(bcsim__dump_secondary_blob_append(wr, part, 0x1000), 0);
    memset(part, 0xCD, sizeof(part));
    assert_int_equal(bcsim__dump_secondary_blob_append(wr, part, 0x1000), 0);
    /* 0x100 bytes missing: zero-filled at finish */
    assert_int_equal(bcsim__dump_writer_finish(wr), 0);
    bcsim__dump_writer_destroy(wr);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    uint8_t out[0x2100];
    uint64_t total, copied;
    assert_int_equal(bcsim_dump_read_tagged(d, &GA, 0, out, sizeof(out), &total, &copied), 0);
    assert_int_equal(total, 0x2100);
    assert_int_equal(out[0], 0xAB);
    assert_int_equal(out[0x1FFF], 0xCD);
    assert_int_equal(out[0x20FF], 0);
    bcsim_dump_close(d);
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

/* Calls out of order fail cleanly. */
static void out_of_order_calls_are_refused(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    bcsim__dump_params_t p;
    params(&p, 5);
    dt_sink_t s;
    dt_sink_init(&s);
    bcsim__dump_writer_t *wr;
    assert_int_equal(bcsim__dump_writer_create(&p, &w.set, dt_sink, &s, &wr, NULL), 0);
    assert_int_equal(bcsim__dump_writer_body(wr), BCSIM_ESTATE);
    assert_non_null(strstr(bcsim__dump_writer_error(wr), "out of order"));
    bcsim__dump_writer_destroy(wr);
    p.dump_type = 2;
    const char *err;
    assert_int_equal(bcsim__dump_writer_create(&p, &w.set, dt_sink, &s, &wr, &err), BCSIM_EINVAL);
    assert_non_null(strstr(err, "DumpType"));
    dt_sink_free(&s);
    bcsim__pfnset_free(&w.set);
}

/* ---- the file sink: the sink's concatenation == the file's bytes ----------------------- */

static int file_tee(void *ctx, const void *buf, uint32_t len)
{
    return bcsim__dump_file_write(ctx, buf, len);
}

static void stream_equals_file_bytes(void **state)
{
    (void)state;
    world_t w;
    world_make(&w);
    char dir[] = "/tmp/bcsim-dw-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/crash.dmp", dir);
    for (uint32_t type = 1; type <= 5; type += 4) {
        bcsim__dump_file_t *f;
        char err[256];
        assert_int_equal(bcsim__dump_file_open(path, 0, &f, err, sizeof(err)), 0);
        bcsim__dump_params_t p;
        params(&p, type);
        uint8_t a[100];
        dt_fill(a, sizeof(a), 7);
        dt_blob_t blobs[] = { { GA, a, 100 } };
        dt_sink_t s;
        dt_sink_init(&s);
        s.tee = file_tee;
        s.tee_ctx = f;
        assert_int_equal(dt_write(&p, &w.set, blobs, 1, &s, NULL), 0);
        assert_int_equal(bcsim__dump_file_commit(f, s.len), 0);
        bcsim__dump_file_close(f);
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        uint8_t *fb = malloc(s.len + 1);
        assert_int_equal(fread(fb, 1, s.len + 1, fp), s.len);
        fclose(fp);
        assert_memory_equal(fb, s.buf, s.len);
        free(fb);
        /* and the reader opens the file itself */
        bcsim_dump_t *d;
        assert_int_equal(bcsim_dump_open(path, &d), 0);
        assert_int_equal(bcsim_dump_get_info(d)->file_size, s.len);
        uint8_t tmp[256];
        assert_int_equal(bcsim_dump_read_virtual(d, (uint64_t)w.os, tmp, 256, NULL), 0);
        assert_memory_equal(tmp, w.os, 256);
        bcsim_dump_close(d);
        dt_sink_free(&s);
    }
    unlink(path);
    rmdir(dir);
    bcsim__pfnset_free(&w.set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(pfnset_tracks_ranges_count_and_runs),
        BCSIM_TEST(page_granular_framing_fills_pages),
        BCSIM_TEST(packed_framing_aligns_to_8),
        BCSIM_TEST(full_dump_page_granular_reads_back),
        BCSIM_TEST(full_dump_packed_reads_back),
        BCSIM_TEST(bitmap_dump_page_granular_reads_back),
        BCSIM_TEST(bitmap_dump_packed_reads_back),
        BCSIM_TEST(leaf_entries_are_kernel_data_mappings),
        BCSIM_TEST(min_size_pads_with_zero_pages),
        BCSIM_TEST(full_dump_with_43_runs_is_refused),
        BCSIM_TEST(sink_error_stops_the_writer),
        BCSIM_TEST(blob_larger_than_the_region_is_refused),
        BCSIM_TEST(multipart_blob_is_assembled_from_parts),
        BCSIM_TEST(out_of_order_calls_are_refused),
        BCSIM_TEST(stream_equals_file_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
