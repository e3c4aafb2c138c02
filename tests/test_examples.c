/*
 * tests/test_examples.c — each bundled example driver (examples/drivers/) through a whole bug
 * check, asserting the exact call sequence, arguments and record states the spec prescribes
 * (dispatcher-model.md 6-7), and what reached the dump (read back with the dump reader).
 *
 * Learn pages: "Writing a Bug Check Reason Callback Routine", "KBUGCHECK_CALLBACK_ROUTINE",
 * "KBUGCHECK_SECONDARY_DUMP_DATA", "KBUGCHECK_SECONDARY_DUMP_DATA_EX", "KBUGCHECK_DUMP_IO",
 * "KBUGCHECK_ADD_PAGES", "KBUGCHECK_REMOVE_PAGES", "KBUGCHECK_TRIAGE_DUMP_DATA".
 */
#include "bcsim_test.h"

#include <xxhash.h>
#include "bcsim/dump.h"

#include <unistd.h>

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must point at the built example modules"
#endif

static const uint64_t P[4] = { 0x1111, 0x2222, 0x3333, 0x4444 };
static char dump_path[256];

typedef struct fixture {
    bcsim_sim_t *sim;
    bcsim_driver_t *drv;
    const bcsim_result_t *res;
} fixture_t;

static fixture_t *boot_and_crash(void **state, const char *module, uint32_t dump_type)
{
    fixture_t *f = calloc(1, sizeof(*f));
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = dump_type;
    snprintf(dump_path, sizeof(dump_path), "/tmp/bcsim-test-examples-%d.dmp", (int)getpid());
    cfg.dump_path = dump_type != BCSIM_DUMP_NONE ? dump_path : NULL;
    assert_int_equal(bcsim_sim_create(&cfg, &f->sim), 0);
    char path[512];
    snprintf(path, sizeof(path), "%s/%s.so", EXAMPLES_DIR, module);
    assert_int_equal(bcsim_driver_load(f->sim, path, NULL, &f->drv), 0);
    assert_int_equal(bcsim_sim_bugcheck(f->sim, 0xE2, P, &f->res), 0);
    assert_non_null(f->res);
    *state = f;
    return f;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    if (f) {
        bcsim_sim_destroy(f->sim);
        free(f);
    }
    unlink(dump_path);
    return 0;
}

static const bcsim_call_t *nth_call(const bcsim_result_t *r, int32_t reason, uint32_t n)
{
    for (uint32_t i = 0; i < r->call_count; i++)
        if (r->calls[i].reason == reason && n-- == 0)
            return &r->calls[i];
    return NULL;
}

static uint32_t count_calls(const bcsim_result_t *r, int32_t reason)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->call_count; i++)
        n += r->calls[i].reason == reason;
    return n;
}

static void no_violations(const bcsim_result_t *r)
{
    char buf[1024];
    for (uint32_t i = 0; i < r->violation_count; i++)
        if (r->violations[i].severity == BCSIM_SEV_VIOLATION) {
            bcsim_violation_format(&r->violations[i], buf, sizeof(buf));
            fail_msg("unexpected finding: %s", buf);
        }
}

/* Legacy: called after the dump with Buffer/Length as registered, BufferStarted then
 * BufferFinished; it read KiBugCheckData and wrote the code's low byte to its port. */
static void legacy_notify_gets_its_buffer_after_the_dump(void **state)
{
    fixture_t *f = boot_and_crash(state, "legacy_notify", BCSIM_DUMP_BITMAP);
    const bcsim_result_t *r = f->res;
    no_violations(r);
    assert_int_equal(count_calls(r, BCSIM_REASON_LEGACY), 1);
    const bcsim_call_t *c = nth_call(r, BCSIM_REASON_LEGACY, 0);
    assert_int_equal(c->phase, BCSIM_PHASE_LEGACY);
    assert_string_equal(c->routine, "NotifyBugCheck");
    assert_string_equal(c->component, "legacy_notify");
    assert_int_equal(c->state_before, BCSIM_STATE_INSERTED);
    assert_int_equal(c->state_after, BCSIM_STATE_FINISHED);
    /* the legacy call is the last one: after every dump write */
    assert_int_equal(c->seq, r->call_count - 1);
    assert_true(r->write_count > 0);
    assert_int_equal(r->port_count, 1);
    assert_int_equal(r->ports[0].address, 0x505);
    assert_true(r->ports[0].write);
    assert_int_equal(r->ports[0].width, 1);
    assert_int_equal(r->ports[0].value, 0xE2);
    assert_int_equal(r->ports[0].irql, 15);
    assert_non_null(strstr(r->dbgprint, "legacy_notify: bug check 0x000000E2"));
}

/* SecondaryDumpData: one size request (OutBuffer NULL), one data request (OutBuffer ==
 * InBuffer); the 6000-byte log does not fit the scratch page, so it hands out its own buffer;
 * the block is in the dump under its GUID with the exact bytes. */
static void secondary_log_block_reaches_the_dump(void **state)
{
    fixture_t *f = boot_and_crash(state, "secondary_log", BCSIM_DUMP_BITMAP);
    const bcsim_result_t *r = f->res;
    no_violations(r);
    const bcsim_call_t *size = NULL, *data = NULL;
    for (uint32_t i = 0; i < r->call_count; i++) {
        if (r->calls[i].reason != BCSIM_REASON_SECONDARY_DUMP_DATA ||
            strcmp(r->calls[i].component, "secondary_log"))
            continue;
        if (r->calls[i].phase == BCSIM_PHASE_SECONDARY_SIZE)
            size = &r->calls[i];
        else if (r->calls[i].phase == BCSIM_PHASE_SECONDARY_DATA)
            data = &r->calls[i];
    }
    assert_non_null(size);
    assert_non_null(data);
    assert_true(size->seq < data->seq);
    assert_int_equal(size->state_after, BCSIM_STATE_INSERTED);   /* stays 1: data follows */
    assert_int_equal(data->state_before, BCSIM_STATE_INSERTED);
    assert_int_equal(data->state_after, BCSIM_STATE_FINISHED);
    assert_int_equal(size->bytes, data->bytes);
    assert_true(data->bytes > 0x1000);
    bcsim_guid_t g;
    assert_int_equal(bcsim_guid_parse("{5ec0da7a-1095-4d2e-9b4e-3d3f3d6c6f67}", &g), 0);
    assert_memory_equal(&data->guid, &g, sizeof(g));
    /* the file: the block by GUID with those bytes (a text log of "event" lines) */
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    uint8_t buf[8192];
    uint64_t total = 0;
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 0, buf, sizeof(buf), &total, NULL), 0);
    assert_int_equal(total, data->bytes);
    assert_memory_equal(buf, "secondary_log: event 0", 22);
    bcsim_dump_close(d);
}

/* DumpIo: every chunk of the file in order, Offset -1, page-aligned page-multiple buffers,
 * Header -> Body -> SecondaryData -> one Complete; the driver's own contract checks (which
 * bug-check on a violation) pass, and the concatenated writes equal the file. */
static void dumpio_mirror_sees_the_whole_file_in_order(void **state)
{
    fixture_t *f = boot_and_crash(state, "dumpio_mirror", BCSIM_DUMP_BITMAP);
    const bcsim_result_t *r = f->res;
    no_violations(r);
    assert_false(r->nested);
    uint32_t n = count_calls(r, BCSIM_REASON_DUMP_IO);
    assert_int_equal(n, r->write_count + 1);
    uint32_t last_type = 0;
    uint64_t off = 0;
    for (uint32_t i = 0, k = 0; i < r->call_count; i++) {
        const bcsim_call_t *c = &r->calls[i];
        if (c->reason != BCSIM_REASON_DUMP_IO)
            continue;
        assert_true(c->io_type >= last_type);
        assert_int_equal(c->io_offset, UINT64_MAX);
        last_type = c->io_type;
        if (c->io_type == BCSIM_DUMP_IO_COMPLETE) {
            assert_int_equal(c->io_length, 0);
            assert_int_equal(c->state_after, BCSIM_STATE_FINISHED);
            continue;
        }
        assert_int_equal(c->state_after, BCSIM_STATE_INSERTED);
        assert_int_equal(c->io_length % 0x1000, 0);
        assert_int_equal(r->writes[k].file_offset, off);
        off += r->writes[k].length;
        k++;
    }
    assert_int_equal(last_type, BCSIM_DUMP_IO_COMPLETE);
    assert_int_equal(off, r->dump_size);
    /* the stream equals the file */
    FILE *fp = fopen(dump_path, "rb");
    assert_non_null(fp);
    uint8_t *chunk = malloc(1 << 20);
    for (uint32_t k = 0; k < r->write_count; k++) {
        assert_int_equal(fread(chunk, 1, r->writes[k].length, fp), r->writes[k].length);
        assert_int_equal(XXH3_64bits(chunk, r->writes[k].length), r->writes[k].hash);
    }
    assert_int_equal(fread(chunk, 1, 1, fp), 0);
    free(chunk);
    fclose(fp);
    assert_non_null(strstr(r->dbgprint, "dumpio_mirror:"));
}

/* AddPages/RemovePages: Context carries the index, ADDITIONAL_RANGES_EXIST twice, the state
 * areas are in the dump at their virtual addresses, the secrets page is not. */
static void pages_table_adds_three_ranges_and_removes_one(void **state)
{
    fixture_t *f = boot_and_crash(state, "pages_table", BCSIM_DUMP_BITMAP);
    const bcsim_result_t *r = f->res;
    no_violations(r);
    assert_int_equal(count_calls(r, BCSIM_REASON_ADD_PAGES), 3);
    assert_int_equal(count_calls(r, BCSIM_REASON_REMOVE_PAGES), 1);
    for (uint32_t i = 0; i < 3; i++) {
        const bcsim_call_t *c = nth_call(r, BCSIM_REASON_ADD_PAGES, i);
        assert_int_equal(c->count, 2);
        assert_int_equal(c->flags, i < 2 ? 0x80000001u : 0x1u);
        assert_int_equal(c->state_before, BCSIM_STATE_INSERTED);
    }
    assert_int_equal(nth_call(r, BCSIM_REASON_ADD_PAGES, 2)->state_after, BCSIM_STATE_FINISHED);
    assert_int_equal(nth_call(r, BCSIM_REASON_REMOVE_PAGES, 0)->state_after, BCSIM_STATE_FINISHED);
    assert_int_equal(r->range_count, 4);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    for (uint32_t i = 0; i < 3; i++) {
        uint8_t page[0x1000];
        assert_int_equal(bcsim_dump_read_virtual(d, r->ranges[i].address, page, sizeof(page), NULL), 0);
        assert_int_equal(page[0], 0xA0 + i);
        assert_int_equal(page[0xFFF], 0xA0 + i);
    }
    uint8_t secret[16];
    assert_int_not_equal(bcsim_dump_read_virtual(d, r->ranges[3].address, secret, sizeof(secret), NULL), 0);
    bcsim_dump_close(d);
}

/* Multi-part: sizing sweep then data sweep, five 4 KiB parts each, Context from NULL,
 * ADDITIONAL_DATA on all but the last part; one 20 KiB block under the driver's GUID. */
static void multipart_blob_is_chunked_and_reassembled(void **state)
{
    fixture_t *f = boot_and_crash(state, "multipart_blob", BCSIM_DUMP_BITMAP);
    const bcsim_result_t *r = f->res;
    no_violations(r);
    uint32_t sizing = 0, data = 0;
    for (uint32_t i = 0; i < r->call_count; i++) {
        const bcsim_call_t *c = &r->calls[i];
        if (c->reason != BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA)
            continue;
        uint32_t k = c->phase == BCSIM_PHASE_MULTIPART_SIZE ? sizing++ : data++;
        assert_int_equal(c->bytes, 4096);
        assert_int_equal(!!(c->flags & 1), k < 4);
    }
    assert_int_equal(sizing, 5);
    assert_int_equal(data, 5);
    bcsim_guid_t g;
    assert_int_equal(bcsim_guid_parse("{b10bb10b-5eca-4a11-8d7a-6d756c746970}", &g), 0);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    uint8_t *blob = malloc(20480);
    uint64_t total = 0;
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 0, blob, 20480, &total, NULL), 0);
    assert_int_equal(total, 20480);
    for (uint32_t i = 0; i < 20480; i++)
        if (blob[i] != (uint8_t)(i * 7 + (i >> 12)))
            fail_msg("byte %u of the reassembled blob differs", i);
    free(blob);
    bcsim_dump_close(d);
}

/* Triage: one call with BUGCHECK_ACTIVE and the bug-check fields; the array is accepted
 * (BufferFinished) and both blocks are in the dump. */
static void triage_state_array_is_accepted(void **state)
{
    fixture_t *f = boot_and_crash(state, "triage_state", BCSIM_DUMP_BITMAP);
    const bcsim_result_t *r = f->res;
    no_violations(r);
    assert_int_equal(count_calls(r, BCSIM_REASON_TRIAGE_DUMP_DATA), 1);
    const bcsim_call_t *c = nth_call(r, BCSIM_REASON_TRIAGE_DUMP_DATA, 0);
    assert_int_equal(c->phase, BCSIM_PHASE_TRIAGE);
    assert_int_equal(c->state_after, BCSIM_STATE_FINISHED);
    assert_int_equal(c->count, 2);
    assert_int_equal(r->range_count, 2);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    uint8_t sig[8];
    assert_int_equal(bcsim_dump_read_virtual(d, r->ranges[0].address, sig, 8, NULL), 0);
    assert_memory_equal(sig, "DEST", 4);
    assert_int_equal(sig[4], 3);
    char text[40];
    assert_int_equal(bcsim_dump_read_virtual(d, r->ranges[1].address, text, sizeof(text), NULL), 0);
    assert_memory_equal(text, "triage_state: controller timed out", 34);
    bcsim_dump_close(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(legacy_notify_gets_its_buffer_after_the_dump, teardown),
        cmocka_unit_test_teardown(secondary_log_block_reaches_the_dump, teardown),
        cmocka_unit_test_teardown(dumpio_mirror_sees_the_whole_file_in_order, teardown),
        cmocka_unit_test_teardown(pages_table_adds_three_ranges_and_removes_one, teardown),
        cmocka_unit_test_teardown(multipart_blob_is_chunked_and_reassembled, teardown),
        cmocka_unit_test_teardown(triage_state_array_is_accepted, teardown),
    };
    return cmocka_run_group_tests_name("examples", tests, NULL, NULL);
}
