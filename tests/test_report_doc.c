/*
 * tests/test_report_doc.c — src/report/report_doc.c (a report read back from its JSON, which the
 * supervising `bcsim run` renders every report from) and sim/channel.c (the frames it arrives
 * in): a bug check of every bundled example survives JSON -> document -> JSON unchanged, the
 * text report from the document is byte for byte the one from the result, malformed input is a
 * one-line error naming the JSON path, and the channel reader skips what is not a frame.
 */
#include "bcsim_test.h"

#include "bcsim/report.h"
#include "channel.h"
#include "report/report_doc.h"

#include <jansson.h>
#include <unistd.h>

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must point at the built example modules"
#endif

static const char *const modules[] = { "secondary_log", "dumpio_mirror", "pages_table", "triage_state",
                                       "legacy_notify", "multipart_blob" };

static char *text_of(const bcsim_result_t *res, const bcsim_violation_t *extra, uint32_t n, int form)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bcsim_report_opts_t o = { .title = "t", .verbose = true };
    if (form == 't')
        bcsim_report_text(f, res, extra, n, &o);
    else if (form == 'a')
        bcsim_report_tap(f, res, extra, n, &o);
    else if (form == 'u')
        bcsim_report_junit(f, res, extra, n, &o);
    else
        bcsim_report_json(f, res, extra, n, &o);
    fclose(f);
    return buf;
}

static void every_example_round_trips(void **state)
{
    (void)state;
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    for (size_t i = 0; i < sizeof(modules) / sizeof(modules[0]); i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s.so", EXAMPLES_DIR, modules[i]);
        assert_int_equal(bcsim_driver_load(sim, path, NULL, NULL), 0);
    }
    const bcsim_result_t *res;
    uint64_t p[4] = { 1, 2, 3, 4 };
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xD1, p, &res), 0);
    assert_true(res->call_count > 10 && res->write_count > 0 && res->blob_count > 0);
    /* a finding outside the bug check too */
    bcsim_violation_t extra = res->violations[0];
    extra.message = "an extra finding";
    char *json = text_of(res, &extra, 1, 'j');
    bcsim__report_doc_t *d = bcsim__report_doc_new();
    char err[256];
    assert_int_equal(bcsim__report_doc_load(d, json, strlen(json), err, sizeof(err)), 0);
    uint32_t n;
    const bcsim_violation_t *dx = bcsim__report_doc_extra(d, &n);
    assert_int_equal(n, 1);
    const bcsim_result_t *back = bcsim__report_doc_result(d);
    assert_non_null(back);
    assert_int_equal(back->call_count, res->call_count);
    assert_int_equal(back->violation_count, res->violation_count);
    for (int form = 0; form < 4; form++) {
        int f = "jtau"[form];
        char *a = text_of(res, &extra, 1, f), *b = text_of(back, dx, n, f);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    bcsim__report_doc_free(d);
    free(json);
    bcsim_sim_destroy(sim);
}

static void malformed_reports_name_the_path(void **state)
{
    (void)state;
    static const struct { const char *json, *why; } bad[] = {
        { "[]", "expected an object" },
        { "{\"calls\": 5}", "calls: expected an array" },
        { "{\"calls\": [{\"seq\": 0}]}", "report.calls[0]: missing \"record\"" },
        { "{\"findings\": [{\"name\": \"NOT_A_FINDING\", \"severity\": \"violation\", \"message\": \"m\"}]}",
          "is not a finding bcsim knows" },
        { "{\"bugcheck\": {\"code\": \"0xzz\", \"params\": [0, 0, 0, 0]}}", "'0xzz' is not a number" },
        { "{\"dumpio_writes\": [{\"type\": \"KbDumpIoBody\", \"file_offset\": 0, \"length\": 1, \"xxh3\": \"12\"}]}",
          "xxh3: expected 16 hex digits" },
        { "{\"calls\": [", "invalid JSON" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bcsim__report_doc_t *d = bcsim__report_doc_new();
        char err[256] = "";
        assert_int_equal(bcsim__report_doc_load(d, bad[i].json, strlen(bad[i].json), err, sizeof(err)),
                         BCSIM_EFORMAT);
        if (!strstr(err, bad[i].why))
            fail_msg("'%s': '%s' does not say '%s'", bad[i].json, err, bad[i].why);
        bcsim__report_doc_free(d);
    }
}

/* Frames from a pipe, with a driver's junk between them and a frame cut short at the end. */
static void channel_reader_skips_junk_and_drops_a_cut_frame(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    chan_t c;
    assert_int_equal(chan_child_init(&c, p[1], 7, NULL, 0), 0);
    assert_true(chan_send_text(&c, CHAN_LINE, "one"));
    assert_int_equal(write(c.fd, "BCSM junk\xff\xff", 11), 11);
    assert_true(chan_send_text(&c, CHAN_NOTE, "two"));
    assert_int_equal(write(c.fd, "BCSM\x01\0\0\0\x07\0\0\0\x09\0\0\0\x40\0\0\0cut", 23), 23);
    close(c.fd);
    chan_reader_t r = { 0 };
    char buf[4096];
    ssize_t k;
    while ((k = read(p[0], buf, sizeof(buf))) > 0)
        assert_true(chan_reader_feed(&r, buf, (size_t)k));
    close(p[0]);
    chan_frame_t f;
    assert_true(chan_reader_next(&r, &f));
    assert_int_equal(f.type, CHAN_LINE);
    assert_int_equal(f.cell, 7);
    assert_string_equal(f.payload, "one");
    free(f.payload);
    assert_true(chan_reader_next(&r, &f));
    assert_int_equal(f.type, CHAN_NOTE);
    assert_int_equal(f.seq, 2);
    assert_string_equal(f.payload, "two");
    free(f.payload);
    assert_false(chan_reader_next(&r, &f));     /* the cut frame waits for bytes that never come */
    assert_int_equal(r.skipped, 11);
    chan_reader_free(&r);
}

/* The pipe gone (a driver closed every descriptor): frames go to the shared area instead. */
static void channel_falls_back_to_the_overflow_area(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    static uint8_t area[4096];
    memset(area, 0, sizeof(area));
    chan_t c;
    assert_int_equal(chan_child_init(&c, p[1], 1, area, sizeof(area)), 0);
    close(c.fd);
    assert_true(chan_send_text(&c, CHAN_RESULT, "{\"kind\": \"bugcheck\"}"));
    char big[5000];
    memset(big, 'x', sizeof(big));
    assert_false(chan_send(&c, CHAN_LINE, big, sizeof(big)));   /* does not fit: not sent, no overrun */
    chan_reader_t r = { 0 };
    chan_reader_from_overflow(&r, area, sizeof(area));
    chan_frame_t f;
    assert_true(chan_reader_next(&r, &f));
    assert_int_equal(f.type, CHAN_RESULT);
    assert_string_equal(f.payload, "{\"kind\": \"bugcheck\"}");
    free(f.payload);
    assert_false(chan_reader_next(&r, &f));
    chan_reader_free(&r);
    close(p[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_example_round_trips),
        cmocka_unit_test(malformed_reports_name_the_path),
        cmocka_unit_test(channel_reader_skips_junk_and_drops_a_cut_frame),
        cmocka_unit_test(channel_falls_back_to_the_overflow_area),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
