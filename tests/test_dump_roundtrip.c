/*
 * tests/test_dump_roundtrip.c — the dump round trip (the dump issue's proof): every bundled
 * example driver (one per reason plus legacy) in one bug check, written as a bitmap and as a
 * full dump, then read back with bcsim's reader: the bug check, every AddPages page at its
 * virtual and physical address, no RemovePages page, every triage block, every secondary
 * block by GUID with its exact bytes, and the DumpIo stream equal to the file.
 */
#include "bcsim_test.h"

#include <xxhash.h>
#include "bcsim/dump.h"
#include "internal.h"
#include "memory/memory.h"

#include <unistd.h>

static const char *modules[] = { "legacy_notify", "secondary_log", "dumpio_mirror",
                                 "pages_table", "multipart_blob", "triage_state" };
static char path[128];


static void roundtrip(uint32_t dump_type)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = dump_type;
    snprintf(path, sizeof(path), "/tmp/bcsim-roundtrip-%d-%u.dmp", (int)getpid(), dump_type);
    cfg.dump_path = path;
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    for (size_t i = 0; i < sizeof(modules) / sizeof(modules[0]); i++) {
        char m[512];
        snprintf(m, sizeof(m), "%s/%s.so", EXAMPLES_DIR, modules[i]);
        bcsim_driver_t *drv;
        assert_int_equal(bcsim_driver_load(sim, m, NULL, &drv), 0);
    }
    const uint64_t P[4] = { 0xAAAA, 0xBBBB, 0xCCCC, 0xDDDD };
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xDEADDEAD, P, &r), 0);
    assert_int_equal(r->dump_status, 0);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);

    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(path, &d), 0);
    const bcsim_dump_info_t *info = bcsim_dump_get_info(d);
    assert_int_equal(info->dump_type, dump_type == BCSIM_DUMP_FULL ? 1 : 5);
    assert_int_equal(info->bugcheck_code, 0xDEADDEAD);
    assert_int_equal(info->bugcheck_params[0], 0xAAAA);
    assert_int_equal(info->bugcheck_params[3], 0xDDDD);
    assert_false(info->truncated);
    assert_int_equal(info->file_size, r->dump_size);

    /* AddPages ranges: present by VA and by the PA MmGetPhysicalAddress reports; RemovePages: gone */
    uint32_t added = 0, removed = 0;
    for (uint32_t i = 0; i < r->range_count; i++) {
        const bcsim_range_t *rg = &r->ranges[i];
        uint8_t *want = malloc(rg->size), *got = malloc(rg->size);
        if (rg->reason == BCSIM_REASON_REMOVE_PAGES) {
            uint8_t b;
            assert_int_not_equal(bcsim_dump_read_virtual(d, rg->address, &b, 1, NULL), 0);
            removed++;
        } else {
            assert_true(bcsim__mem_read_harness(rg->address, want, rg->size));
            assert_int_equal(bcsim_dump_read_virtual(d, rg->address, got, rg->size, NULL), 0);
            assert_memory_equal(got, want, rg->size);
            if (rg->reason == BCSIM_REASON_ADD_PAGES) {
                for (uint64_t off = 0; off < rg->size; off += 0x1000) {
                    uint64_t pa;
                    assert_true(bcsim__mem_va_to_pa(rg->address + off, &pa));
                    assert_true(pa < (1ULL << 44));
                    uint64_t tpa;
                    assert_int_equal(bcsim_dump_translate(d, rg->address + off, &tpa), 0);
                    assert_int_equal(tpa, pa);
                    assert_int_equal(bcsim_dump_read_physical(d, pa, got, 0x1000, NULL), 0);
                    assert_memory_equal(got, want + off, 0x1000);
                }
                added++;
            }
        }
        free(want);
        free(got);
    }
    assert_int_equal(added, 3);
    assert_int_equal(removed, 1);

    /* every secondary block the run produced, by GUID, exact size; no extra blocks */
    assert_int_equal(bcsim_dump_blob_count(d), r->blob_count);
    for (uint32_t i = 0; i < r->blob_count; i++) {
        uint64_t total = 0, copied = 0;
        uint8_t *buf = malloc(r->blobs[i].size + 1);
        assert_int_equal(bcsim_dump_read_tagged(d, &r->blobs[i].guid, 0, buf, r->blobs[i].size,
                                                &total, &copied), 0);
        assert_int_equal(total, r->blobs[i].size);
        bcsim_dump_blob_t b;
        assert_int_equal(bcsim_dump_blob_get(d, i, &b), 0);
        assert_int_equal(b.data_offset, r->blobs[i].data_offset);
        free(buf);
    }

    /* the DumpIo stream is the file */
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    uint8_t *chunk = malloc(1 << 20);
    for (uint32_t k = 0; k < r->write_count; k++) {
        assert_int_equal(fread(chunk, 1, r->writes[k].length, f), r->writes[k].length);
        assert_int_equal(XXH3_64bits(chunk, r->writes[k].length), r->writes[k].hash);
    }
    assert_int_equal(fread(chunk, 1, 1, f), 0);
    free(chunk);
    fclose(f);
    bcsim_dump_close(d);
    bcsim_sim_destroy(sim);
    unlink(path);
}

static void bitmap_dump_round_trip(void **state)
{
    (void)state;
    roundtrip(BCSIM_DUMP_BITMAP);
}

static void full_dump_round_trip(void **state)
{
    (void)state;
    roundtrip(BCSIM_DUMP_FULL);
}

/* The DumpIo hash is libxxhash's XXH3-64 (seed 0), pinned on a fixed input: `xxhsum -H3` of a
 * file holding "bcsim" prints 70998f540e256c11, so users check a mirror with the stock tool. */
static void dumpio_hash_is_xxh3(void **state)
{
    (void)state;
    assert_int_equal(XXH3_64bits("bcsim", 5), 0x70998f540e256c11ULL);
}

/* With no DumpIo callback the chunks are neither copied to the DumpIo buffer nor hashed:
 * every write is still listed (type, offset, length) with hash 0. */
static void no_dumpio_callback_no_hash(void **state)
{
    (void)state;
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    snprintf(path, sizeof(path), "/tmp/bcsim-roundtrip-%d-nohash.dmp", (int)getpid());
    cfg.dump_path = path;
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    char m[512];
    snprintf(m, sizeof(m), "%s/secondary_log.so", EXAMPLES_DIR);
    bcsim_driver_t *drv;
    assert_int_equal(bcsim_driver_load(sim, m, NULL, &drv), 0);
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, NULL, &r), 0);
    assert_int_equal(r->dump_status, 0);
    assert_true(r->write_count >= 4);
    uint64_t off = 0;
    for (uint32_t k = 0; k < r->write_count; k++) {
        assert_int_equal(r->writes[k].hash, 0);
        assert_int_equal(r->writes[k].file_offset, off);
        off += r->writes[k].length;
    }
    assert_int_equal(off, r->dump_size);
    bcsim_sim_destroy(sim);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bitmap_dump_round_trip),
        cmocka_unit_test(full_dump_round_trip),
        cmocka_unit_test(dumpio_hash_is_xxh3),
        cmocka_unit_test(no_dumpio_callback_no_hash),
    };
    return cmocka_run_group_tests_name("dump_roundtrip", tests, NULL, NULL);
}
