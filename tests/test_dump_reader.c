/*
 * tests/test_dump_reader.c — src/dump/dump_reader.c distrusts every byte (STYLE rule 10): each
 * defect of dump-format.md 12.3 and each check of 14 gives a clear error or warning, and no
 * input (truncated anywhere, random corruption) crashes, hangs or reads past the end.
 */
#include "bcsim_test.h"
#include "dump_testlib.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static const bcsim_guid_t GA = { 0x11111111, 0x2222, 0x3333, { 4, 4, 5, 5, 5, 5, 5, 5 } };
static const bcsim_guid_t GB = { 0xAAAAAAAA, 0xBBBB, 0xCCCC, { 0xD, 0xD, 0xE, 0xE, 0xE, 0xE, 0xE, 0xE } };

typedef struct dumpbuf {
    uint8_t *b;
    uint64_t len;
    uint64_t t;          /* tagged offset */
    void *va;            /* a mapped buffer */
} dumpbuf_t;

/* A valid dump of a few pool pages (two data runs plus the tables), with two blobs. */
static void make(dumpbuf_t *out, uint32_t type, bool packed)
{
    uint8_t *np = bcsim__pool_alloc(2 * 4096, false, 0x74736554, 4096, 0, 0);
    uint8_t *os = bcsim__os_alloc(64, 16);
    assert_non_null(np);
    assert_non_null(os);
    dt_fill(np, 2 * 4096, 11);
    dt_fill(os, 64, 12);
    bcsim__pfnset_t set;
    bcsim__pfnset_init(&set, 0);
    assert_int_equal(dt_add_va(&set, np, 2 * 4096), 0);
    assert_int_equal(dt_add_va(&set, os, 64), 0);
    bcsim__dump_params_t p;
    bcsim__dump_params_init(&p);
    p.dump_type = type;
    p.secondary_packed = packed;
    p.bugcheck_code = 0xD1;
    uint8_t a[40];
    dt_fill(a, sizeof(a), 13);
    dt_blob_t blobs[] = { { GA, a, sizeof(a) }, { GB, "hello", 5 } };
    dt_sink_t s;
    dt_sink_init(&s);
    assert_int_equal(dt_write(&p, &set, blobs, 2, &s, NULL), 0);
    out->b = s.buf;
    out->len = s.len;
    out->va = np;
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open_memory(s.buf, s.len, &d), 0);
    out->t = bcsim_dump_get_info(d)->tagged_offset;
    bcsim_dump_close(d);
    bcsim__pfnset_free(&set);
}

/* Every read operation, on whatever the reader accepted. Must not crash. */
static void exercise(bcsim_dump_t *d)
{
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    uint8_t buf[0x2100];
    uint64_t done, pa, total, copied;
    for (uint32_t i = 0; i < 44; i++)
        bcsim_dump_run_get(d, i, &pa, &done);
    uint64_t pfns[] = { 0, 1, 0x1AD, 0x1AE, 0x1B0, 0x10000, 0x10001, 0x10002, 0x10010,
                        0xFFFFFFFFULL, UINT64_MAX >> 12 };
    for (size_t i = 0; i < sizeof(pfns) / sizeof(pfns[0]); i++) {
        bcsim_dump_page_offset(d, pfns[i], &pa);
        bcsim_dump_read_physical(d, pfns[i] << 12 | 0xF00, buf, 0x300, &done);
    }
    bcsim_dump_read_physical(d, UINT64_MAX - 4, buf, 16, &done);
    uint64_t vas[] = { 0, 0x7F0000000000ULL, 0xFFFFF6FB7DBED000ULL, 0xFFFF800000000000ULL,
                       0x0000900000000000ULL, in->context_rip, in->context_rsp };
    for (size_t i = 0; i < sizeof(vas) / sizeof(vas[0]); i++) {
        bcsim_dump_translate(d, vas[i], &pa);
        bcsim_dump_read_virtual(d, vas[i], buf, 0x1800, &done);
    }
    for (uint32_t i = 0; i < bcsim_dump_blob_count(d) + 1; i++) {
        bcsim_dump_blob_t b;
        if (bcsim_dump_blob_get(d, i, &b) == 0) {
            bcsim_dump_read_blob(d, i, 0, buf, sizeof(buf), &copied);
            bcsim_dump_read_tagged(d, &b.guid, 1, buf, 8, &total, &copied);
        }
    }
    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++)
        assert_non_null(bcsim_dump_diag_get(d, i)->message);
    (void)bcsim_dump_error(d);
}

/* Opens a (modified) buffer; returns rc and keeps the handle in *out (or closes it). */
static int open_buf(const uint8_t *b, uint64_t len, bcsim_dump_t **out)
{
    bcsim_dump_t *d = NULL;
    int rc = bcsim_dump_open_memory(b, len, &d);
    assert_non_null(d);
    exercise(d);
    if (out)
        *out = d;
    else
        bcsim_dump_close(d);
    return rc;
}

static void show(const bcsim_dump_t *d)
{
    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++)
        printf("  %s: %s\n", bcsim_dump_severity_name(bcsim_dump_diag_get(d, i)->severity),
               bcsim_dump_diag_get(d, i)->message);
}

/* rc == want and a diagnostic of at least sev containing needle. */
static void expect(const uint8_t *b, uint64_t len, int want, uint32_t sev, const char *needle)
{
    bcsim_dump_t *d;
    int rc = open_buf(b, len, &d);
    if (rc != want || !dt_has_diag(d, sev, needle)) {
        printf("  expected rc %d and \"%s\", got rc %d:\n", want, needle, rc);
        show(d);
    }
    assert_int_equal(rc, want);
    assert_true(dt_has_diag(d, sev, needle));
    bcsim_dump_close(d);
}

/* ---- valid input ---------------------------------------------------------------------- */

static void valid_dumps_open_cleanly(void **state)
{
    (void)state;
    for (uint32_t type = 1; type <= 5; type += 4)
        for (int packed = 0; packed < 2; packed++) {
            dumpbuf_t x;
            make(&x, type, packed);
            bcsim_dump_t *d;
            assert_int_equal(open_buf(x.b, x.len, &d), 0);
            if (dt_has_diag(d, BCSIM_DIAG_WARNING, ""))
                show(d);
            assert_false(dt_has_diag(d, BCSIM_DIAG_WARNING, ""));
            const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
            assert_true(in->is_64bit && in->usable && in->virtual_ok && in->has_tagged);
            assert_int_equal(in->blob_count, 2);
            assert_int_equal(in->bugcheck_code, 0xD1);
            assert_string_equal(in->bugcheck_name, "DRIVER_IRQL_NOT_LESS_OR_EQUAL");
            assert_int_equal(in->pages_in_file, in->page_count);
            uint8_t v[16];
            assert_int_equal(bcsim_dump_read_virtual(d, (uint64_t)x.va, v, 16, NULL), 0);
            assert_memory_equal(v, x.va, 16);
            bcsim_dump_close(d);
            free(x.b);
        }
}

/* ---- header ------------------------------------------------------------------------------- */

static void not_page_signature_is_rejected(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    x.b[0] = 'X';
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "signature at 0x0 is 'XAGE'");
    expect(x.b, 3, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "too short");
    expect(x.b, 0, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "too short");
    free(x.b);
}

static void dump32_header_is_unsupported(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    memcpy(x.b + 4, "DUMP", 4);
    dt_put32(x.b, 0x28, 0x50);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), BCSIM_EFORMAT);
    assert_true(dt_has_diag(d, BCSIM_DIAG_ERROR, "32-bit (x86) kernel dump"));
    assert_true(bcsim_dump_get_info(d)->is_32bit);
    assert_int_equal(bcsim_dump_get_info(d)->bugcheck_code, 0x50);
    assert_false(bcsim_dump_get_info(d)->usable);
    bcsim_dump_close(d);
    memcpy(x.b + 4, "DU32", 4);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "expected 'DU64'");
    free(x.b);
}

static void header_shorter_than_0x2000_is_rejected(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 5, false);
    expect(x.b, 0x1FFF, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "truncated header");
    expect(x.b, 8, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "truncated header");
    free(x.b);
}

static void dump_type_2_is_header_only(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    dt_put32(x.b, 0xF98, 2);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "header only"));
    assert_false(bcsim_dump_get_info(d)->usable);
    uint8_t b[8];
    assert_int_equal(bcsim_dump_read_physical(d, 0x1AD000, b, 8, NULL), BCSIM_ESTATE);
    assert_int_equal(bcsim_dump_translate(d, 0, (uint64_t *)b), BCSIM_ESTATE);
    bcsim_dump_close(d);
    dt_put32(x.b, 0xF98, 0x12345);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "not a known dump type");
    free(x.b);
}

static void mxcsr_mismatch_and_machine_type_warn(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 5, false);
    dt_put32(x.b, 0x460, 0x1F81);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "kdmp-parser rejects");
    dt_put32(x.b, 0x460, 0x1F80);
    dt_put32(x.b, 0x30, 0x14C);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "MachineImageType at 0x30 is 0x14c");
    free(x.b);
}

static void required_dump_space_is_compared_with_the_file(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    dt_put64(x.b, 0xFA0, x.len + 0x1000);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "truncated: RequiredDumpSpace"));
    assert_true(bcsim_dump_get_info(d)->truncated);
    bcsim_dump_close(d);
    dt_put64(x.b, 0xFA0, x.len - 0x1000);
    expect(x.b, x.len, 0, BCSIM_DIAG_NOTE, "longer than RequiredDumpSpace");
    dt_put64(x.b, 0xFA0, 0x4547415045474150ULL);
    expect(x.b, x.len, 0, BCSIM_DIAG_NOTE, "RequiredDumpSpace at 0xFA0 is not set");
    free(x.b);
}

static void dtb_problems_disable_virtual_reads(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    dt_put64(x.b, 0x10, 0x1AD000 | 0x1);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "not page-aligned");
    dt_put64(x.b, 0x10, 0x5000);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "virtual reads are unavailable"));
    assert_false(bcsim_dump_get_info(d)->virtual_ok);
    uint64_t pa;
    assert_int_equal(bcsim_dump_translate(d, 0x1000, &pa), BCSIM_ESTATE);
    bcsim_dump_close(d);
    free(x.b);
}

/* ---- DumpType 1 runs --------------------------------------------------------------------- */

static void number_of_runs_defects_are_rejected(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    dt_put32(x.b, 0x88, 0x45474150);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "NumberOfRuns at 0x88 is 'PAGE'");
    dt_put32(x.b, 0x88, 0);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "NumberOfRuns at 0x88 is 0");
    dt_put32(x.b, 0x88, 0x81);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "at most 42");
    free(x.b);
}

static void run_order_overlap_and_counts_are_checked(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    uint32_t nr = dt_get32(x.b, 0x88);
    assert_true(nr >= 2);
    uint8_t saved[0x20];
    memcpy(saved, x.b + 0x98, 0x20);
    /* unsorted: swap runs 0 and 1 */
    memcpy(x.b + 0x98, saved + 0x10, 0x10);
    memcpy(x.b + 0xA8, saved, 0x10);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "is not sorted after");
    /* overlap: run 1 starts inside run 0 */
    memcpy(x.b + 0x98, saved, 0x20);
    dt_put64(x.b, 0xA8, dt_get64(saved, 0));
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "overlaps");
    memcpy(x.b + 0x98, saved, 0x20);
    dt_put64(x.b, 0xA0, 0);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "PageCount 0");
    memcpy(x.b + 0x98, saved, 0x20);
    dt_put64(x.b, 0xA0, UINT64_MAX);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "beyond 2^48");
    memcpy(x.b + 0x98, saved, 0x20);
    dt_put64(x.b, 0x90, dt_get64(x.b, 0x90) + 1);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "NumberOfPages at 0x90");
    dt_put64(x.b, 0x90, 0x4547415045474150ULL);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "'PAGEPAGE'");
    free(x.b);
}

/* ---- truncation ------------------------------------------------------------------------- */

static void truncation_anywhere_is_safe(void **state)
{
    (void)state;
    for (uint32_t type = 1; type <= 5; type += 4) {
        dumpbuf_t x;
        make(&x, type, false);
        uint64_t first = type == 1 ? 0x2000 : dt_get64(x.b, 0x2020);
        uint64_t cuts[] = { 0, 1, 4, 7, 8, 9, 0x87, 0x88, 0x1000, 0x1FFF, 0x2000, 0x2001,
                            0x2037, 0x2038, 0x2039, first - 1, first, first + 1,
                            x.t - 1, x.t, x.t + 8, x.t + 0x10, x.t + 0x18, x.t + 0x30,
                            x.t + 0x40, x.len - 1 };
        for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++)
            if (cuts[i] <= x.len) {
                int rc = open_buf(x.b, cuts[i], NULL);
                assert_true(rc == 0 || rc == BCSIM_EFORMAT);
                if (cuts[i] < 0x2000)
                    assert_int_equal(rc, BCSIM_EFORMAT);
            }
        for (uint64_t cut = 0x2000; cut <= x.len; cut += 0x1000) {
            bcsim_dump_t *d;
            int rc = open_buf(x.b, cut, &d);
            const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
            if (cut >= first && cut < x.t) {
                /* in the page data: usable for what is there, flagged truncated */
                assert_int_equal(rc, 0);
                assert_true(in->truncated);
                assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "truncated"));
                uint64_t missing = (cut - first) / 0x1000;
                assert_int_equal(in->pages_in_file, missing);
            }
            bcsim_dump_close(d);
        }
        free(x.b);
    }
}

static void truncated_page_read_fails_with_eio(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.t - 0x1000, &d), 0);   /* last page missing */
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    assert_int_equal(in->pages_in_file + 1, in->page_count);
    /* the last present page is the highest PFN */
    uint64_t base = 0, cnt = 0;
    uint32_t nr = in->run_count;
    assert_int_equal(bcsim_dump_run_get(d, nr - 1, &base, &cnt), 0);
    uint8_t b[16];
    uint64_t done = 99;
    assert_int_equal(bcsim_dump_read_physical(d, (base + cnt - 1) << 12, b, 16, &done), BCSIM_EIO);
    assert_int_equal(done, 0);
    assert_int_equal(bcsim_dump_read_physical(d, 0x1AD000, b, 16, &done), 0);
    assert_int_equal(bcsim_dump_read_physical(d, 0x1000, b, 16, &done), BCSIM_ENOTFOUND);
    bcsim_dump_close(d);
    free(x.b);
}

/* ---- DumpType 5 bitmap ------------------------------------------------------------------- */

static void bitmap_header_defects_are_rejected(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 5, false);
    memcpy(x.b + 0x2000, "XDMP", 4);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "expected 'SDMP' or 'FDMP'");
    memcpy(x.b + 0x2000, "FDMP", 4);
    expect(x.b, x.len, 0, BCSIM_DIAG_NOTE, "'FDMP'");
    memcpy(x.b + 0x2000, "SDMP", 4);
    memcpy(x.b + 0x2004, "DU64", 4);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "bitmap ValidDump at 0x2004");
    memcpy(x.b + 0x2004, "DUMP", 4);
    uint64_t pop = dt_get64(x.b, 0x2028);
    dt_put64(x.b, 0x2028, pop + 1);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "TotalPresentPages at 0x2028");
    dt_put64(x.b, 0x2028, pop);
    free(x.b);
}

static void bitmap_sizes_are_bounded_by_the_file(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 5, false);
    uint64_t bits = dt_get64(x.b, 0x2030), first = dt_get64(x.b, 0x2020);
    dt_put64(x.b, 0x2030, (x.len - 0x2038) * 8 + 64);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "extends past the end of the file");
    dt_put64(x.b, 0x2030, UINT64_MAX);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "more PFNs than 2^48");
    dt_put64(x.b, 0x2030, 0);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "bit count at 0x2030 is 0");
    dt_put64(x.b, 0x2030, bits + 8);   /* one more (zero) byte of bitmap */
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "not a multiple of 64");
    dt_put64(x.b, 0x2030, bits);
    dt_put64(x.b, 0x2020, 0x2038);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "lies inside the header or bitmap");
    dt_put64(x.b, 0x2020, x.len + 0x1000);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "past the end of the file");
    dt_put64(x.b, 0x2020, UINT64_MAX);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "past the end of the file");
    dt_put64(x.b, 0x2020, first + 8);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "not page-aligned");
    dt_put64(x.b, 0x2020, first);
    /* an empty bitmap */
    uint8_t *zero = calloc(1, bits / 8);
    memcpy(x.b + 0x2038, zero, bits / 8);
    free(zero);
    expect(x.b, x.len, BCSIM_EFORMAT, BCSIM_DIAG_ERROR, "no bit set");
    free(x.b);
}

/* ---- tagged data -------------------------------------------------------------------------- */

static void tagged_region_garbage_is_reported(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    uint8_t save[0x40];
    memcpy(save, x.b + x.t, sizeof(save));
    memcpy(x.b + x.t, "garbage!garbage!", 16);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "malformed tagged-data header"));
    assert_int_equal(bcsim_dump_blob_count(d), 0);
    assert_false(bcsim_dump_get_info(d)->has_tagged);
    bcsim_dump_close(d);
    memcpy(x.b + x.t, save, sizeof(save));
    dt_put32(x.b, x.t + 8, 0xFFFFFFF0);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "HeaderSize 0xfffffff0");
    dt_put32(x.b, x.t + 8, 4);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "HeaderSize 0x4");
    memcpy(x.b + x.t, save, sizeof(save));
    memset(x.b + x.t, 0, 16);
    expect(x.b, x.len, 0, BCSIM_DIAG_NOTE, "no tagged data");
    free(x.b);
}

static void blob_sizes_that_overflow_end_the_walk(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 5, true);
    uint64_t h = x.t + 0x10;   /* first blob header */
    uint8_t save[0x20];
    memcpy(save, x.b + h, 0x20);
    static const uint32_t fields[] = { 0x14, 0x18, 0x1C };
    for (size_t i = 0; i < 3; i++) {
        memcpy(x.b + h, save, 0x20);
        dt_put32(x.b, h + fields[i], 0xFFFFFFFF);
        bcsim_dump_t *d;
        assert_int_equal(open_buf(x.b, x.len, &d), 0);
        assert_true(dt_has_diag(d, BCSIM_DIAG_WARNING, "extends past the end of the file"));
        assert_int_equal(bcsim_dump_blob_count(d), 0);
        bcsim_dump_close(d);
    }
    memcpy(x.b + h, save, 0x20);
    dt_put32(x.b, h, 0x10);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "is below 0x20");
    dt_put32(x.b, h, 0x24);   /* next header misaligned */
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "not 8-byte aligned");
    memcpy(x.b + h, save, 0x20);
    memset(x.b + h + 4, 0, 16);
    expect(x.b, x.len, 0, BCSIM_DIAG_WARNING, "zero GUID");
    free(x.b);
}

static void guid_forms_and_read_tagged_semantics(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    bcsim_guid_t g;
    /* WinDbg's 8-4-4-16 form names the same tag */
    assert_int_equal(bcsim_guid_parse("{aaaaaaaa-bbbb-cccc-0d0d0e0e0e0e0e0e}", &g), 0);
    uint8_t b[8];
    uint64_t total = 0, copied = 0;
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 0, b, sizeof(b), &total, &copied), 0);
    assert_int_equal(total, 5);
    assert_int_equal(copied, 5);
    assert_memory_equal(b, "hello", 5);
    assert_int_equal(bcsim_guid_parse("AAAAAAAA-BBBB-CCCC-0D0D-0E0E0E0E0E0E", &g), 0);
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 5, b, sizeof(b), &total, &copied), 0);
    assert_int_equal(copied, 0);
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 6, b, sizeof(b), &total, &copied), BCSIM_EINVAL);
    bcsim_dump_close(d);
    free(x.b);
}

/* 1 GiB and 2 MiB pages (the writer makes only 4 KiB ones; real dumps have all three). */
static void large_pages_translate(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 1, false);
    bcsim_dump_t *d;
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    uint64_t va = (uint64_t)x.va, e, off;
    /* the PML4 entry, then the PDPT entry's file offset */
    assert_int_equal(bcsim_dump_read_physical(d, 0x1AD000 + ((va >> 39) & 511) * 8, &e, 8, NULL), 0);
    uint64_t pdpt = e & 0x000FFFFFFFFFF000ULL;
    assert_int_equal(bcsim_dump_page_offset(d, pdpt >> 12, &off), 0);
    uint64_t pdpte_off = off + ((va >> 30) & 511) * 8, pdpte = dt_get64(x.b, pdpte_off);
    uint64_t pd = pdpte & 0x000FFFFFFFFFF000ULL;
    assert_int_equal(bcsim_dump_page_offset(d, pd >> 12, &off), 0);
    uint64_t pde_off = off + ((va >> 21) & 511) * 8;
    bcsim_dump_close(d);

    dt_put64(x.b, pde_off, 0x40000000ULL | 0x80 | 0x63);        /* 2 MiB page */
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    uint64_t pa;
    assert_int_equal(bcsim_dump_translate(d, va, &pa), 0);
    assert_int_equal(pa, 0x40000000ULL | (va & 0x1FFFFF));
    uint8_t b[4];
    assert_int_equal(bcsim_dump_read_virtual(d, va, b, 4, NULL), BCSIM_ENOTFOUND); /* not dumped */
    bcsim_dump_close(d);

    dt_put64(x.b, pdpte_off, 0x80000000ULL | 0x80 | 0x63);      /* 1 GiB page */
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    assert_int_equal(bcsim_dump_translate(d, va, &pa), 0);
    assert_int_equal(pa, 0x80000000ULL | (va & 0x3FFFFFFF));
    bcsim_dump_close(d);

    dt_put64(x.b, pdpte_off, pdpte & ~1ULL);                    /* not present */
    assert_int_equal(open_buf(x.b, x.len, &d), 0);
    assert_int_equal(bcsim_dump_translate(d, va, &pa), BCSIM_ENOTFOUND);
    bcsim_dump_close(d);
    free(x.b);
}

/* ---- files -------------------------------------------------------------------------------- */

static void open_reports_missing_files_and_directories(void **state)
{
    (void)state;
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open("/nonexistent/bcsim.dmp", &d), BCSIM_ENOENT);
    assert_non_null(strstr(bcsim_dump_error(d), "No such file"));
    bcsim_dump_close(d);
    assert_int_equal(bcsim_dump_open("/tmp", &d), BCSIM_EIO);
    assert_non_null(strstr(bcsim_dump_error(d), "directory"));
    bcsim_dump_close(d);
}

/* A sparse 64 GiB file (bigger than memory) opens at once: nothing is read whole. */
static void huge_sparse_file_is_not_read_whole(void **state)
{
    (void)state;
    dumpbuf_t x;
    make(&x, 5, false);
    char path[] = "/tmp/bcsim-dr-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* claim a bitmap of 2^30 bits (128 MiB, sparse zeros but the first block) */
    dt_put64(x.b, 0x2030, 1ULL << 30);
    dt_put64(x.b, 0x2020, 0x2038 + (1ULL << 27) + 0xFC8);
    assert_int_equal(pwrite(fd, x.b, x.len, 0), (ssize_t)x.len);
    if (ftruncate(fd, 64LL << 30) != 0) {
        close(fd);
        unlink(path);
        free(x.b);
        skip();
    }
    close(fd);
    bcsim_dump_t *d;
    int rc = bcsim_dump_open(path, &d);
    assert_true(rc == 0 || rc == BCSIM_EFORMAT);
    assert_int_equal(bcsim_dump_get_info(d)->file_size, 64ULL << 30);
    exercise(d);
    bcsim_dump_close(d);
    unlink(path);
    free(x.b);
}

/* ---- random corruption -------------------------------------------------------------------- */

static void random_corruption_never_crashes(void **state)
{
    (void)state;
    for (uint32_t type = 1; type <= 5; type += 4) {
        dumpbuf_t x;
        make(&x, type, type == 5);
        uint8_t *m = malloc(x.len);
        uint32_t r = 0x1234567u + type;
        for (int iter = 0; iter < 1500; iter++) {
            memcpy(m, x.b, x.len);
            int n = 1 + iter % 8;
            for (int k = 0; k < n; k++) {
                r ^= r << 13; r ^= r >> 17; r ^= r << 5;
                uint64_t area[] = { 0x80, 0x2100, x.t + 0x200, x.len };
                uint64_t lim = area[(r >> 24) & 3];
                uint64_t off = (uint64_t)r % (lim < x.len ? lim : x.len);
                if ((r & 0xF000) == 0) /* sometimes a whole field */
                    dt_put64(m, off & ~7ULL, ((uint64_t)r << 32) | r);
                else
                    m[off] = (uint8_t)(r >> 8);
            }
            uint64_t len = (r & 0x30000) == 0 ? (r % x.len) : x.len;
            open_buf(m, len, NULL);
        }
        free(m);
        free(x.b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(valid_dumps_open_cleanly),
        BCSIM_TEST(not_page_signature_is_rejected),
        BCSIM_TEST(dump32_header_is_unsupported),
        BCSIM_TEST(header_shorter_than_0x2000_is_rejected),
        BCSIM_TEST(dump_type_2_is_header_only),
        BCSIM_TEST(mxcsr_mismatch_and_machine_type_warn),
        BCSIM_TEST(required_dump_space_is_compared_with_the_file),
        BCSIM_TEST(dtb_problems_disable_virtual_reads),
        BCSIM_TEST(number_of_runs_defects_are_rejected),
        BCSIM_TEST(run_order_overlap_and_counts_are_checked),
        BCSIM_TEST(truncation_anywhere_is_safe),
        BCSIM_TEST(truncated_page_read_fails_with_eio),
        BCSIM_TEST(bitmap_header_defects_are_rejected),
        BCSIM_TEST(bitmap_sizes_are_bounded_by_the_file),
        BCSIM_TEST(tagged_region_garbage_is_reported),
        BCSIM_TEST(blob_sizes_that_overflow_end_the_walk),
        BCSIM_TEST(guid_forms_and_read_tagged_semantics),
        BCSIM_TEST(large_pages_translate),
        BCSIM_TEST(open_reports_missing_files_and_directories),
        BCSIM_TEST(huge_sparse_file_is_not_read_whole),
        BCSIM_TEST(random_corruption_never_crashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
