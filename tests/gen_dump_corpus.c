/*
 * tests/gen_dump_corpus.c — writes the seed corpus of fuzz/fuzz_dump_reader.c: small valid
 * DumpType 1 and 5 dumps with secondary data (both framings), and one broken variant per
 * defect of dump-format.md 12.3 / 14. The file name's prefix is what test_dump_corpus
 * expects the reader to say: valid- (no warning), note- (notes only), warn- (usable with a
 * warning), err- (not usable).
 *
 *   build/tests/gen_dump_corpus fuzz/corpus/fuzz_dump_reader
 *
 * The dumps map one two-page buffer of this program (so the page tables, the self-map and
 * virtual reads are exercised) and keep every seed a few dozen KiB.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump_testlib.h"

static uint8_t mem[2 * 4096] __attribute__((aligned(4096)));
static const bcsim_guid_t GA = { 0x0BC51A00, 0x0001, 0x0002, { 0x80, 0, 0, 0, 0, 0, 0, 1 } };
static const bcsim_guid_t GB = { 0x0BC51A00, 0x0001, 0x0002, { 0x80, 0, 0, 0, 0, 0, 0, 2 } };
static const char *outdir;
static int failures;

static void save(const char *name, const uint8_t *b, uint64_t len)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", outdir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "gen_dump_corpus: cannot write %s: %s\n", path, strerror(errno));
        failures++;
    }
}

typedef struct seed {
    uint8_t *b;
    uint64_t len, t;
} seed_t;

static seed_t make(uint32_t type, bool packed, const dt_blob_t *blobs, size_t n)
{
    bcsim__pfnset_t set;
    bcsim__pfnset_init(&set, 0);
    if (dt_add_va(&set, mem, sizeof(mem)) != 0)
        abort();
    bcsim__dump_params_t p;
    bcsim__dump_params_init(&p);
    p.dump_type = type;
    p.secondary_packed = packed;
    p.bugcheck_code = 0xE2;
    p.bugcheck_params[0] = 0xB5;
    p.system_time = 133500000000000000ULL;
    p.uptime_100ns = 600000000ULL;
    p.regs.rip = (uint64_t)mem + 0x10;
    p.regs.rsp = (uint64_t)mem + 0x1FF0;
    p.comment = "bcsim fuzz seed";
    dt_sink_t s;
    dt_sink_init(&s);
    const char *err = NULL;
    if (dt_write(&p, &set, blobs, n, &s, &err) != 0) {
        fprintf(stderr, "gen_dump_corpus: %s\n", err);
        exit(1);
    }
    bcsim__pfnset_free(&set);
    bcsim_dump_t *d;
    if (bcsim_dump_open_memory(s.buf, s.len, &d) != 0)
        abort();
    seed_t out = { s.buf, s.len, bcsim_dump_get_info(d)->tagged_offset };
    bcsim_dump_close(d);
    return out;
}

static seed_t copy(const seed_t *x)
{
    seed_t y = *x;
    y.b = malloc(x->len);
    memcpy(y.b, x->b, x->len);
    return y;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_dump_corpus DIR\n");
        return 2;
    }
    outdir = argv[1];
    if (bcsim__memory_init() != 0 ||
        bcsim__mem_register((uint64_t)mem, (uint64_t)mem + sizeof(mem), BCSIM__MEM_NONPAGED,
                            BCSIM__MF_DUMP, -1, "seed buffer") != 0) {
        fprintf(stderr, "gen_dump_corpus: cannot set up the memory registry\n");
        return 1;
    }
    dt_fill(mem, 256, 42);               /* a little data; zeros compress in git */
    dt_fill(mem + 0x1000, 64, 43);
    memcpy(mem, "bcsim seed page", 15);
    uint8_t a[40];
    dt_fill(a, sizeof(a), 5);
    dt_blob_t two[] = { { GA, a, sizeof(a) }, { GB, "hello", 5 } };
    dt_blob_t dup[] = { { GA, a, sizeof(a) }, { GA, "hidden", 6 } };
    bcsim_guid_t zero = { 0, 0, 0, { 0 } };
    dt_blob_t zer[] = { { zero, "z", 1 } };

    seed_t f1 = make(1, false, two, 2), f1p = make(1, true, two, 2);
    seed_t b5 = make(5, false, two, 2), b5p = make(5, true, two, 2);
    save("valid-full-page-granular", f1.b, f1.len);
    save("valid-full-packed", f1p.b, f1p.len);
    save("valid-bitmap-page-granular", b5.b, b5.len);
    save("valid-bitmap-packed", b5p.b, b5p.len);
    seed_t x = make(1, false, dup, 2);
    save("warn-blob-duplicate-guid", x.b, x.len);
    free(x.b);
    x = make(5, true, zer, 1);
    save("warn-blob-zero-guid", x.b, x.len);
    free(x.b);

#define VARIANT(name, base, ...) do { seed_t v = copy(&(base)); __VA_ARGS__; save(name, v.b, v.len); free(v.b); } while (0)
    /* header */
    VARIANT("err-signature", f1, memcpy(v.b, "XAGE", 4));
    VARIANT("err-dump32-header", f1, memcpy(v.b + 4, "DUMP", 4));
    VARIANT("err-truncated-header", f1, v.len = 0x1000);
    VARIANT("warn-dumptype-2", f1, dt_put32(v.b, 0xF98, 2));
    VARIANT("err-dumptype-unknown", f1, dt_put32(v.b, 0xF98, 0x12345));
    VARIANT("warn-mxcsr-mismatch", f1, dt_put32(v.b, 0x460, 0x1F81));
    VARIANT("warn-machine-i386", f1, dt_put32(v.b, 0x30, 0x14C));
    VARIANT("warn-required-space-beyond-file", f1, dt_put64(v.b, 0xFA0, v.len + 0x1000));
    VARIANT("warn-dtb-not-in-dump", f1, dt_put64(v.b, 0x10, 0x5000));
    /* DumpType 1 runs */
    VARIANT("err-runs-page", f1, dt_put32(v.b, 0x88, 0x45474150));
    VARIANT("err-runs-zero", f1, dt_put32(v.b, 0x88, 0));
    VARIANT("err-runs-0x81", f1, dt_put32(v.b, 0x88, 0x81));
    VARIANT("err-runs-unsorted", f1,
            uint8_t r0[16]; memcpy(r0, v.b + 0x98, 16); memcpy(v.b + 0x98, v.b + 0xA8, 16);
            memcpy(v.b + 0xA8, r0, 16));
    VARIANT("err-runs-overlap", f1, dt_put64(v.b, 0xA8, dt_get64(v.b, 0x98)));
    VARIANT("err-runs-pagecount-zero", f1, dt_put64(v.b, 0xA0, 0));
    VARIANT("err-number-of-pages", f1, dt_put64(v.b, 0x90, dt_get64(v.b, 0x90) + 1));
    VARIANT("warn-truncated-in-page-data", f1, v.len = v.t - 0x1800);
    /* DumpType 5 bitmap */
    VARIANT("err-bitmap-signature", b5, memcpy(v.b + 0x2000, "XDMP", 4));
    VARIANT("err-bitmap-validdump", b5, memcpy(v.b + 0x2004, "DU64", 4));
    VARIANT("note-bitmap-fdmp", b5, memcpy(v.b + 0x2000, "FDMP", 4));
    VARIANT("err-bitmap-popcount", b5, dt_put64(v.b, 0x2028, dt_get64(v.b, 0x2028) + 1));
    VARIANT("warn-bitmap-firstpage-unaligned", b5, dt_put64(v.b, 0x2020, dt_get64(v.b, 0x2020) + 8));
    VARIANT("warn-bitmap-bits-not-multiple-of-64", b5, dt_put64(v.b, 0x2030, dt_get64(v.b, 0x2030) + 8));
    VARIANT("err-bitmap-beyond-file", b5, dt_put64(v.b, 0x2030, (v.len - 0x2038) * 8 + 64));
    VARIANT("err-bitmap-firstpage-overlaps", b5, dt_put64(v.b, 0x2020, 0x2038));
    VARIANT("warn-truncated-bitmap-pages", b5, v.len = v.t - 0x1000);
    /* tagged data */
    VARIANT("warn-tagged-garbage", f1, memcpy(v.b + v.t, "garbage!garbage!", 16));
    VARIANT("warn-blob-datasize-overflow", f1, dt_put32(v.b, v.t + 0x10 + 0x14, 0xFFFFFFFF));
    VARIANT("warn-blob-prepad-overflow", b5p, dt_put32(v.b, v.t + 0x10 + 0x18, 0xFFFFFFF8));
    VARIANT("warn-blob-headersize-small", b5p, dt_put32(v.b, v.t + 0x10, 0x8));
    VARIANT("warn-blob-file-headersize", f1, dt_put32(v.b, v.t + 8, 0x7FFFFFFF));
#undef VARIANT
    free(f1.b);
    free(f1p.b);
    free(b5.b);
    free(b5p.b);
    bcsim__memory_fini();
    return failures ? 1 : 0;
}
