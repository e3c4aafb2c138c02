/*
 * tests/test_sequence.c — the bug-check sequence and every per-reason protocol rule of
 * dispatcher-model.md 6-7, including each malformed-output case, driven through a test
 * driver compiled against the shim (tests/drivers/sequence_drv.c).
 *
 * Learn pages: "Writing a Bug Check Reason Callback Routine", "KBUGCHECK_SECONDARY_DUMP_DATA",
 * "KBUGCHECK_SECONDARY_DUMP_DATA_EX", "KBUGCHECK_DUMP_IO", "KBUGCHECK_ADD_PAGES",
 * "KBUGCHECK_REMOVE_PAGES", "KBUGCHECK_TRIAGE_DUMP_DATA", "KeBugCheckEx",
 * "Reading Bug Check Callback Data".
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"
#include "drivers/sequence_drv.h"
#include "internal.h"
#include "memory/memory.h"

#include <unistd.h>

static char dump_path[128];
static const uint64_t P[4] = { 0xA1, 0xA2, 0xA3, 0xA4 };

typedef struct knob {
    const char *name, *value;
} knob_t;

static bcsim_sim_t *live_sim;   /* destroyed by the teardown if a failed assertion skipped done() */

static bcsim_sim_t *boot(uint32_t dump_type, bool builtin, const knob_t *knobs)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = dump_type;
    cfg.secondary_builtin = builtin;
    snprintf(dump_path, sizeof(dump_path), "/tmp/bcsim-test-seq-%d.dmp", (int)getpid());
    cfg.dump_path = dump_type != BCSIM_DUMP_NONE ? dump_path : NULL;
    for (; knobs && knobs->name; knobs++) {
        const char *why;
        assert_int_equal(bcsim_config_set(&cfg, knobs->name, knobs->value, &why), 0);
    }
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    live_sim = sim;
    sd_reset();
    return sim;
}

static const bcsim_result_t *crash(bcsim_sim_t *sim, uint32_t code)
{
    const bcsim_result_t *res;
    assert_int_equal(bcsim_sim_bugcheck(sim, code, P, &res), 0);
    return res;
}

static void done(bcsim_sim_t *sim)
{
    bcsim_sim_destroy(sim);
    live_sim = NULL;
    unlink(dump_path);
}

static int teardown(void **state)
{
    (void)state;
    if (live_sim)
        done(live_sim);
    return 0;
}

static uint32_t calls_of(const bcsim_result_t *r, int32_t reason, uint32_t phase)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->call_count; i++)
        n += r->calls[i].reason == reason && (phase == UINT32_MAX || r->calls[i].phase == phase);
    return n;
}

static const bcsim_call_t *call_of(const bcsim_result_t *r, int32_t reason, uint32_t phase, uint32_t k)
{
    for (uint32_t i = 0; i < r->call_count; i++)
        if (r->calls[i].reason == reason && (phase == UINT32_MAX || r->calls[i].phase == phase) && k-- == 0)
            return &r->calls[i];
    return NULL;
}

static uint8_t state_of(int slot)
{
    return ((uint8_t *)sd_record(slot))[0x2C];
}

/* ---- order of events (6) --------------------------------------------------------------------- */

/* Triage, AddPages, RemovePages, SecondaryDumpData size, MultiPart sizing, DumpIo header and
 * body, data requests, MultiPart data, DumpIo secondary, Complete, then legacy callbacks. */
static void phases_run_in_windows_order(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    int reasons[] = { 2, 3, 4, 5, 6, 7 };
    for (int i = 0; i < 6; i++)
        assert_true(sd_register(i, reasons[i], "order"));
    assert_true(sd_register_legacy((void *)0x505, 8));
    const bcsim_result_t *r = crash(sim, 0xE2);
    uint32_t last = 0;
    for (uint32_t i = 0; i < r->call_count; i++) {
        assert_true(r->calls[i].phase >= last);
        last = r->calls[i].phase;
    }
    uint32_t phases[] = { BCSIM_PHASE_TRIAGE, BCSIM_PHASE_ADD_PAGES, BCSIM_PHASE_REMOVE_PAGES,
                          BCSIM_PHASE_SECONDARY_SIZE, BCSIM_PHASE_MULTIPART_SIZE, BCSIM_PHASE_DUMP_HEADER,
                          BCSIM_PHASE_DUMP_BODY, BCSIM_PHASE_SECONDARY_DATA, BCSIM_PHASE_MULTIPART_DATA,
                          BCSIM_PHASE_DUMP_SECONDARY, BCSIM_PHASE_DUMP_COMPLETE, BCSIM_PHASE_LEGACY };
    for (size_t k = 0; k < sizeof(phases) / sizeof(phases[0]); k++) {
        bool seen = false;
        for (uint32_t i = 0; i < r->call_count; i++)
            seen |= r->calls[i].phase == phases[k];
        if (!seen)
            fail_msg("phase %s missing", bcsim_phase_name(phases[k]));
    }
    assert_int_equal(bcsim_test_violations(sim), 0);
    done(sim);
}

/* KiBugCheckData holds the code before the first callback runs (bugcheck-api.md 9). */
static void kibugcheckdata_is_filled_before_the_first_callback(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, NULL);
    assert_true(sd_register(0, 7, "first"));
    crash(sim, 0xE1000001);
    assert_int_equal(sd_seen_count(), 1);
    assert_int_equal(sd_seen(0)->ki_code, 0xE1000001);
    assert_int_equal(sd_seen(0)->bugcheck_code, 0xE1000001);
    assert_int_equal(sd_seen(0)->offset, 0xA1);
    done(sim);
}

/* No dump configured: no dump-time reasons run; triage and legacy still do (6.2). */
static void no_dump_runs_no_dump_time_callbacks(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, true, NULL);
    int reasons[] = { 2, 3, 4, 5, 6, 7 };
    for (int i = 0; i < 6; i++)
        assert_true(sd_register(i, reasons[i], "none"));
    assert_true(sd_register_legacy(NULL, 0));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 7, UINT32_MAX), 1);
    assert_int_equal(calls_of(r, BCSIM_REASON_LEGACY, UINT32_MAX), 1);
    assert_int_equal(r->call_count, 2);
    assert_int_equal(r->write_count, 0);
    done(sim);
}

/* POWER_FAILURE_SIMULATE: legacy callbacks only, no dump (7.10). */
static void power_failure_runs_legacy_callbacks_only(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    assert_true(sd_register(0, 7, "pf"));
    assert_true(sd_register(1, 3, "pf"));
    assert_true(sd_register_legacy(NULL, 0));
    const bcsim_result_t *r = crash(sim, 0xE5);
    assert_true(r->power_failure);
    assert_int_equal(r->call_count, 1);
    assert_int_equal(r->calls[0].reason, BCSIM_REASON_LEGACY);
    assert_int_equal(r->write_count, 0);
    assert_int_not_equal(access(dump_path, F_OK), 0);
    done(sim);
}

/* ---- legacy (7.1) --------------------------------------------------------------------------- */

/* Buffer and Length verbatim (a port number is not interpreted); BufferStarted during. */
static void legacy_gets_buffer_and_length_verbatim(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, NULL);
    assert_true(sd_register_legacy((void *)0x505, sizeof(void *)));
    crash(sim, 0xE2);
    assert_int_equal(sd_legacy_buffer(), 0x505);
    assert_int_equal(sd_legacy_length(), 8);
    assert_int_equal(sd_seen(0)->state, BCSIM_STATE_STARTED);
    done(sim);
}

/* ---- SecondaryDumpData (7.5) ------------------------------------------------------------------- */

/* Size request: OutBuffer NULL, zeroed scratch, InBuffer = scratch + 0x30 (0xFD0 bytes),
 * MaximumAllowed 64 MiB; data request: OutBuffer == InBuffer, record BufferStarted. */
static void secondary_size_then_data_request(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    assert_true(sd_register(0, 2, "sec"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(sd_seen_count(), 2);
    sd_seen_t *size = sd_seen(0), *data = sd_seen(1);
    assert_null(size->out_buffer_in);
    assert_int_equal(size->in_buffer_length, 0xFD0);
    assert_int_equal((uint64_t)size->in_buffer & 0xFFF, 0x30);
    assert_int_equal(size->maximum_allowed, 64u << 20);
    assert_int_equal(size->first_byte, 0);
    assert_int_equal(size->state, BCSIM_STATE_INSERTED);
    assert_ptr_equal(data->out_buffer_in, data->in_buffer);
    assert_int_equal(data->in_buffer_length, 0xFD0);
    assert_int_equal(data->first_byte, 0);    /* zeroed again before the data request */
    assert_int_equal(data->state, BCSIM_STATE_STARTED);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    assert_int_equal(r->blob_count, 1);
    assert_int_equal(r->blobs[0].size, 100);
    assert_int_equal(r->secondary_state, 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
    done(sim);
}

/* The driver's own resident buffer (larger than InBuffer) is accepted and read exactly. */
static void secondary_own_buffer_is_accepted(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(1, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "own"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(r->blob_count, 1);
    assert_int_equal(r->blobs[0].size, 5000);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    uint8_t buf[5000];
    uint64_t total = 0;
    bcsim_guid_t g = r->blobs[0].guid;
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 0, buf, sizeof(buf), &total, NULL), 0);
    assert_int_equal(total, 5000);
    assert_memory_equal(buf, sd_own_buffer(), 5000);
    bcsim_dump_close(d);
    done(sim);
}

/* A callback that ignores the phase and always fills InBuffer works too (driver-patterns 4). */
static void secondary_single_call_style_works(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(2, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "single"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(r->blob_count, 1);
    assert_int_equal(r->blobs[0].size, 0xFD0);
    assert_int_equal(bcsim_test_violations(sim), 0);
    done(sim);
}

/* OutBufferLength = MaximumAllowed + 1: invalid output; by default the whole phase is
 * abandoned (SecondaryDataState STATUS_INVALID_PARAMETER, no data requests). */
static void overlong_outbufferlength_abandons_the_phase(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_modes(3, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "long"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_SECONDARY_INVALID_OUTPUT));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    assert_int_equal(r->secondary_state, 0xC000000D);
    assert_int_equal(calls_of(r, 2, BCSIM_PHASE_SECONDARY_DATA), 0);
    assert_int_equal(r->blob_count, 0);
    done(sim);
}

/* secondary.on_invalid = skip_record: only that record loses its data. */
static void skip_record_keeps_the_other_producers(void **state)
{
    (void)state;
    knob_t k[] = { { "secondary.on_invalid", "skip_record" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, k);
    sd_set_modes(3, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "long"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_SECONDARY_INVALID_OUTPUT));
    assert_int_equal(r->secondary_state, 0);
    assert_int_equal(r->blob_count, 1);         /* the built-in block */
    done(sim);
}

/* OutBuffer inside the scratch page but not at InBuffer: invalid. */
static void outbuffer_elsewhere_in_scratch_is_invalid(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(4, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "inside"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_SECONDARY_INVALID_OUTPUT));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* Nothing on the size request: BufferFinished, never asked for data. */
static void nothing_on_size_request_means_no_data_request(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(5, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "empty"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 2, UINT32_MAX), 1);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    assert_int_equal(r->blob_count, 0);
    done(sim);
}

/* Zero GUID and duplicate GUIDs are accepted and reported (Doc: only the first block of a
 * GUID is accessible). */
static void zero_and_duplicate_guids_are_reported(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    assert_true(sd_register(0, 2, "a"));
    assert_true(sd_register(2, 2, "a-again"));   /* slots 0 and 2 both use GUID A */
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(r->blob_count, 2);
    assert_true(bcsim_result_has(r, BCSIM_V_DUPLICATE_GUID));
    done(sim);
    sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(6, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "zero"));
    r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_SECONDARY_ZERO_GUID));
    assert_int_equal(r->blob_count, 1);
    done(sim);
}

/* An own buffer in paged pool on the data request: pageable memory (0xD1), State 4. */
static void paged_own_buffer_is_refused(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    void *paged = bcsim__pool_alloc(64, true, 0x6c705342, 16, 1, 0);
    sd_set_paged_buffer(paged);
    sd_set_modes(7, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "paged"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_SECONDARY_BUFFER_NOT_RESIDENT));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* Writing one byte past InBuffer hits the guard page at the instruction; the callback is
 * contained, the sequence continues and the dump is written. */
static void inbuffer_overrun_by_one_byte_is_caught(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_modes(8, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "overrun"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_INBUFFER_OVERRUN));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    assert_int_equal(r->dump_status, 0);
    assert_int_equal(r->blob_count, 1);         /* the built-in producer still ran */
    done(sim);
}

/* A data request longer than its size request (within limits) while the region has room:
 * written in full, a warning about this record. */
static void data_longer_than_size_request_is_noted(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(9, 0, 0, 0, 0);
    assert_true(sd_register(0, 2, "grow"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_SECONDARY_OVERGROWN));
    assert_false(bcsim_result_has(r, BCSIM_V_SECONDARY_INVALID_OUTPUT));
    assert_int_equal(r->blob_count, 1);
    assert_int_equal(r->blobs[0].size, 200);
    done(sim);
}

/* MaximumAllowed follows the dump configuration: 4 KiB per callback for small dumps. */
static void small_dump_limits_maximum_allowed(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_SMALL, false, NULL);
    assert_true(sd_register(0, 2, "small"));
    crash(sim, 0xE2);
    assert_int_equal(sd_seen(0)->maximum_allowed, 4096);
    done(sim);
}

/* ---- SecondaryDumpData budget and blame (7.5, updated) --------------------------------------- */

static uint32_t findings_named(const bcsim_result_t *r, uint32_t id, const char *component)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->violation_count; i++)
        n += r->violations[i].id == id &&
             (!component || (r->violations[i].component && !strcmp(r->violations[i].component, component)));
    return n;
}

static bool has_blob(const bcsim_result_t *r, uint32_t data1)
{
    for (uint32_t i = 0; i < r->blob_count; i++)
        if (r->blobs[i].guid.data1 == data1)
            return true;
    return false;
}

/* Ten records that each return exactly MaximumAllowed in a small dump (64 KiB total, 4 KiB
 * each; a 4 KiB block takes two framed pages): those that fit are written, the rest are left
 * out with an info finding, nobody gets a violation and bcsim's own block is still there. */
static void ten_records_at_maximum_allowed_in_a_small_dump_pass(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_SMALL, true, NULL);
    char names[10][8];
    for (int i = 0; i < 10; i++) {
        snprintf(names[i], sizeof(names[i]), "max%d", i);
        sd_set_slot_mode(i, 10);
        assert_true(sd_register(i, 2, names[i]));
    }
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_INVALID_OUTPUT, NULL), 0);
    uint32_t written = 0;
    for (int i = 0; i < 10; i++)
        written += has_blob(r, 0x11111111u + (uint32_t)i * 0x100);
    assert_true(written >= 6);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_LEFT_OUT, NULL), 10 - written);
    for (uint32_t i = 0; i < r->blob_count; i++)
        assert_true(r->blobs[i].size <= 4096);
    assert_true(r->blob_count == written + 1);                 /* + bcsim's own block */
    for (uint32_t i = 0; i < r->violation_count; i++)
        assert_true(!r->violations[i].component || strcmp(r->violations[i].component, "bcsim"));
    assert_int_equal(r->secondary_state, 0);
    done(sim);
}

/* A record that deregisters itself during its size request: the walk stops there (strict),
 * the finding is about that record and names its registration site; bcsim's own record,
 * which the truncated walk never reached, is asked for nothing and blamed for nothing. */
static void self_deregistration_in_size_request_blames_nobody_else(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_slot_mode(0, 11);
    assert_true(sd_register(0, 2, "leaver"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(findings_named(r, BCSIM_V_WALK_TRUNCATED, "leaver"), 1);
    for (uint32_t i = 0; i < r->violation_count; i++) {
        assert_non_null(r->violations[i].component);
        assert_string_not_equal(r->violations[i].component, "bcsim");
    }
    for (uint32_t i = 0; i < r->violation_count; i++)
        if (r->violations[i].id == BCSIM_V_WALK_TRUNCATED) {
            assert_non_null(strstr(r->violations[i].file, "sequence_drv.c"));
            assert_true(r->violations[i].line > 0);
        }
    assert_true(sd_deregistered());
    done(sim);
}

/* A record registered from inside a size callback: not reached by the size pass (LIFO head
 * insert), so it gets no data request and no violation, only an info finding. */
static void record_registered_during_size_pass_is_left_out(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_slot_mode(0, 12);
    assert_true(sd_register(0, 2, "registrar"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_LEFT_OUT, "late"), 1);
    for (uint32_t i = 0; i < r->call_count; i++)
        assert_true(!r->calls[i].component || strcmp(r->calls[i].component, "late"));
    assert_int_equal(r->blob_count, 2);                        /* registrar + bcsim */
    assert_int_equal(state_of(5), BCSIM_STATE_INSERTED);       /* never called */
    done(sim);
}

/* X announces 16 bytes and delivers 0x1800 (within MaximumAllowed) while Y and bcsim's own
 * block still need their space: X is truncated to its reservation and gets the warning; Y,
 * which announced and delivered 16 bytes, gets nothing. */
static void overgrowth_is_pinned_on_the_record_that_grew(void **state)
{
    (void)state;
    knob_t k[] = { { "secondary.total", "16KiB" }, { "secondary.per_callback", "8KiB" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, k);
    sd_set_slot_mode(1, 14);
    assert_true(sd_register(1, 2, "Y"));
    sd_set_slot_mode(0, 13);
    assert_true(sd_register(0, 2, "X"));                       /* head: called first */
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_OVERGROWN, "X"), 1);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_OVERGROWN, "Y"), 0);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_SIZE_CHANGED, "Y"), 0);
    assert_int_equal(r->blob_count, 3);
    assert_int_equal(r->blobs[0].size, 16);                    /* X, truncated */
    assert_int_equal(r->blobs[1].size, 16);                    /* Y, whole */
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    assert_int_equal(state_of(1), BCSIM_STATE_FINISHED);
    done(sim);
    /* secondary.overgrow = drop: X's block is dropped instead. */
    knob_t k2[] = { { "secondary.total", "16KiB" }, { "secondary.per_callback", "8KiB" },
                    { "secondary.overgrow", "drop" }, { 0, 0 } };
    sim = boot(BCSIM_DUMP_BITMAP, true, k2);
    sd_set_slot_mode(1, 14);
    assert_true(sd_register(1, 2, "Y"));
    sd_set_slot_mode(0, 13);
    assert_true(sd_register(0, 2, "X"));
    r = crash(sim, 0xE2);
    assert_int_equal(r->blob_count, 2);
    assert_int_equal(r->blobs[0].size, 16);                    /* Y */
    done(sim);
}

/* An invalid output in the data pass skips that record only; the records after it still get
 * their data requests (secondary.on_invalid_data = abort_phase restores the old behaviour). */
static void invalid_data_output_skips_only_that_record(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_slot_mode(1, 14);
    assert_true(sd_register(1, 2, "after"));
    sd_set_slot_mode(0, 15);
    assert_true(sd_register(0, 2, "bad"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(findings_named(r, BCSIM_V_SECONDARY_INVALID_OUTPUT, "bad"), 1);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 1);
    assert_true(has_blob(r, 0xbbbbbbbbu + 0x100));             /* "after" (slot 1: GUID B) */
    assert_int_equal(r->blob_count, 2);                        /* after + bcsim */
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    assert_int_equal(state_of(1), BCSIM_STATE_FINISHED);
    done(sim);
    knob_t k[] = { { "secondary.on_invalid_data", "abort_phase" }, { 0, 0 } };
    sim = boot(BCSIM_DUMP_BITMAP, true, k);
    sd_set_slot_mode(1, 14);
    assert_true(sd_register(1, 2, "after"));
    sd_set_slot_mode(0, 15);
    assert_true(sd_register(0, 2, "bad"));
    r = crash(sim, 0xE2);
    assert_int_equal(r->blob_count, 0);
    done(sim);
}

/* ---- DumpIo (7.7) ----------------------------------------------------------------------------- */

/* knob dumpio.offsets = real: true file offsets instead of -1. */
static void dumpio_real_offsets_knob(void **state)
{
    (void)state;
    knob_t k[] = { { "dumpio.offsets", "real" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, k);
    assert_true(sd_register(0, 3, "io"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    uint64_t off = 0;
    int n = sd_seen_count();
    for (int i = 0; i < n - 1; i++) {
        assert_int_equal(sd_seen(i)->offset, off);
        off += sd_seen(i)->length;
    }
    assert_int_equal(sd_seen(n - 1)->type, BCSIM_DUMP_IO_COMPLETE);
    assert_int_equal(sd_seen(n - 1)->offset, UINT64_MAX);
    assert_null(sd_seen(n - 1)->buffer);
    assert_int_equal(off, r->dump_size);
    done(sim);
}

/* Header-only configuration (6.2): DumpIo sees the header, then Complete; no Body and no
 * SecondaryData write (secondary data is not collected), and the file is the 0x2000-byte
 * DUMP_TYPE_HEADER header that the reader opens. */
static void header_only_dump_streams_header_then_complete(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_HEADER, true, NULL);
    assert_true(sd_register(0, 3, "io"));
    assert_true(sd_register(1, 2, "sd"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    int n = sd_seen_count();
    int dumpio = 0;
    for (int i = 0; i < n; i++) {
        if (sd_seen(i)->reason != 3)
            continue;
        assert_true(sd_seen(i)->type == 1 || sd_seen(i)->type == 4);   /* Header or Complete */
        dumpio++;
    }
    assert_int_equal(dumpio, 2);
    assert_int_equal(sd_seen(n - 1)->type, 4);
    assert_int_equal(calls_of(r, 2, UINT32_MAX), 0);
    assert_int_equal(r->dump_status, 0);
    assert_int_equal(r->dump_size, 0x2000);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    bcsim_dump_close(d);
    done(sim);
}

/* A DumpIo callback that deregisters itself on its first call gets exactly one call; in the
 * strict walk the record after it misses that one write (driver-patterns 2). */
static void dumpio_self_deregistration_gets_one_call(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_modes(0, 1, 0, 0, 0);
    assert_true(sd_register(1, 3, "second"));   /* registered first: runs second */
    assert_true(sd_register(0, 3, "self"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    uint32_t self = 0, second = 0;
    for (uint32_t i = 0; i < r->call_count; i++) {
        if (r->calls[i].reason != 3)
            continue;
        if (r->calls[i].record == sd_record(0))
            self++;
        else
            second++;
    }
    assert_int_equal(self, 1);
    assert_int_equal(second, r->write_count);   /* missed the first write, got Complete */
    assert_int_equal(state_of(0), BCSIM_STATE_EMPTY);
    assert_int_equal(state_of(1), BCSIM_STATE_FINISHED);
    assert_true(bcsim_result_has(r, BCSIM_V_WALK_TRUNCATED));
    done(sim);
}

/* A DumpIo callback that changes the buffer: reported once; the file keeps the original. */
static void dumpio_buffer_changes_do_not_reach_the_file(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_modes(0, 2, 0, 0, 0);
    assert_true(sd_register(0, 3, "scribble"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 1);
    assert_true(bcsim_result_has(r, BCSIM_V_DUMPIO_BUFFER_MODIFIED));
    FILE *f = fopen(dump_path, "rb");
    assert_non_null(f);
    char sig[8];
    assert_int_equal(fread(sig, 1, 8, f), 8);
    assert_memory_equal(sig, "PAGEDU64", 8);
    fclose(f);
    done(sim);
}

/* KeBugCheckEx inside a DumpIo callback: a nested bug check; by default nothing else runs
 * (no legacy callbacks), the displayed code is the nested one, the dump stays truncated. */
static void nested_bugcheck_in_dumpio_halts(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    sd_set_modes(0, 3, 0, 0, 0);
    assert_true(sd_register(0, 3, "assert"));
    assert_true(sd_register_legacy(NULL, 0));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(r->nested);
    assert_int_equal(r->code, 0xE2);
    assert_int_equal(r->displayed_code, 0xE0DD0002);
    assert_true(r->halted_early);
    assert_true(bcsim_result_has(r, BCSIM_V_NESTED_BUGCHECK));
    assert_int_equal(calls_of(r, BCSIM_REASON_LEGACY, UINT32_MAX), 0);
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    extern unsigned long long *KiBugCheckData;
    assert_int_equal(KiBugCheckData[0], 0xE0DD0002);
    bcsim_dump_t *d = NULL;
    bcsim_dump_open(dump_path, &d);               /* a truncated dump: usable, with a diagnostic */
    assert_non_null(d);
    assert_true(bcsim_dump_get_info(d)->truncated);
    bcsim_dump_close(d);
    done(sim);
}

/* nested = contain: reported, first bug check restored, the sequence goes on. */
static void nested_contain_continues(void **state)
{
    (void)state;
    knob_t k[] = { { "nested", "contain" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, k);
    sd_set_modes(0, 3, 0, 0, 0);
    assert_true(sd_register(0, 3, "assert"));
    assert_true(sd_register_legacy(NULL, 0));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(r->nested);
    assert_false(r->halted_early);
    assert_int_equal(calls_of(r, BCSIM_REASON_LEGACY, UINT32_MAX), 1);
    extern unsigned long long *KiBugCheckData;
    assert_int_equal(KiBugCheckData[0], 0xE2);
    done(sim);
}

/* Turning the built-in producer off with no other producer: no SecondaryData writes at all. */
static void builtin_producer_guarantees_secondary_writes(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, true, NULL);
    const bcsim_result_t *r = crash(sim, 0xE2);
    uint32_t sec = 0;
    for (uint32_t i = 0; i < r->write_count; i++)
        sec += r->writes[i].type == BCSIM_DUMP_IO_SECONDARY_DATA;
    assert_true(sec >= 1);
    assert_int_equal(r->blob_count, 1);
    assert_string_equal(r->blobs[0].component, "bcsim");
    done(sim);
    sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    r = crash(sim, 0xE2);
    for (uint32_t i = 0; i < r->write_count; i++)
        assert_int_not_equal(r->writes[i].type, BCSIM_DUMP_IO_SECONDARY_DATA);
    done(sim);
}

/* ---- AddPages / RemovePages (7.4) ------------------------------------------------------------ */

/* Structure zeroed once; Context preserved between calls; Flags/Address/Count zero before
 * each call; ADDITIONAL_RANGES_EXIST continues; the pages go into the dump. */
static void add_pages_loop_preserves_context(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    assert_true(sd_register(0, 4, "add"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(sd_seen_count(), 3);
    for (int i = 0; i < 3; i++) {
        assert_ptr_equal(sd_seen(i)->context, (void *)(uintptr_t)i);
        assert_int_equal(sd_seen(i)->flags, 0);
        assert_int_equal(sd_seen(i)->offset, 0);
        assert_int_equal(sd_seen(i)->length, 0);
        assert_int_equal(sd_seen(i)->bugcheck_code, 0xE2);
    }
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    assert_int_equal(r->range_count, 3);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    for (int i = 0; i < 3; i++) {
        uint8_t b;
        assert_int_equal(bcsim_dump_read_virtual(d, (uint64_t)sd_pages_area(i) + 5, &b, 1, NULL), 0);
        assert_int_equal(b, 0xC0 + i);
    }
    bcsim_dump_close(d);
    done(sim);
}

/* Both address flags: rejected with STATUS_INVALID_PARAMETER, State 4. */
static void both_address_flags_are_rejected(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 1, 0, 0);
    assert_true(sd_register(0, 4, "both"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_PAGES_INVALID_FLAGS));
    assert_int_equal(call_of(r, 4, UINT32_MAX, 0)->status, (int32_t)0xC000000D);
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    assert_int_equal(r->range_count, 0);
    done(sim);
}

/* An unknown flag bit: rejected with STATUS_INVALID_PARAMETER_4. */
static void unknown_flag_bits_are_rejected(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 3, 0, 0);
    assert_true(sd_register(0, 4, "unknown"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(call_of(r, 4, UINT32_MAX, 0)->status, (int32_t)0xC00000F2);
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* Neither flag: a finding, treated as physical by default; rejected with the knob. */
static void neither_flag_is_physical_with_a_finding(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    uint64_t pa;
    assert_true(bcsim__mem_va_to_pa((uint64_t)sd_pages_area(1), &pa));
    sd_set_physical(pa);
    sd_set_modes(0, 0, 2, 0, 0);
    assert_true(sd_register(0, 4, "neither"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_PAGES_NO_ADDRESS_FLAG));
    assert_int_equal(r->range_count, 1);
    assert_true(r->ranges[0].physical);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    done(sim);
    knob_t k[] = { { "pages.neither_flag", "reject" }, { 0, 0 } };
    sim = boot(BCSIM_DUMP_BITMAP, false, k);
    sd_set_physical(pa);
    sd_set_modes(0, 0, 2, 0, 0);
    assert_true(sd_register(0, 4, "neither"));
    r = crash(sim, 0xE2);
    assert_int_equal(r->range_count, 0);
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* A callback that always sets ADDITIONAL_RANGES_EXIST is stopped by the call bound. */
static void endless_additional_ranges_are_bounded(void **state)
{
    (void)state;
    knob_t k[] = { { "pages.max_calls", "50" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, k);
    sd_set_modes(0, 0, 4, 0, 0);
    assert_true(sd_register(0, 4, "runaway"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 4, UINT32_MAX), 50);
    assert_true(bcsim_result_has(r, BCSIM_V_PAGES_RUNAWAY));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* Count 0 ends the loop even with ADDITIONAL_RANGES_EXIST. */
static void count_zero_ends_the_loop(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 5, 0, 0);
    assert_true(sd_register(0, 4, "zero"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 4, UINT32_MAX), 1);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    done(sim);
}

/* A range that is not mapped memory is rejected. */
static void unmapped_range_is_rejected(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 6, 0, 0);
    assert_true(sd_register(0, 4, "unmapped"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_PAGES_INVALID_RANGE));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* RemovePages takes pages out of the dump (after AddPages ran). */
static void remove_pages_takes_pages_out(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    assert_true(sd_register(0, 6, "remove"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(r->range_count, 3);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    uint8_t b;
    assert_int_not_equal(bcsim_dump_read_virtual(d, (uint64_t)sd_pages_area(0), &b, 1, NULL), 0);
    bcsim_dump_close(d);
    done(sim);
}

/* ---- SecondaryMultiPartDumpData (7.6) ------------------------------------------------------- */

/* Context NULL at the start of each sweep and preserved within it; three parts; one block
 * of the three parts in order; DumpType and bug-check fields filled. */
static void multipart_sweeps_and_one_block(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    assert_true(sd_register(0, 5, "multi"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(sd_seen_count(), 6);
    for (int sweep = 0; sweep < 2; sweep++)
        for (int i = 0; i < 3; i++) {
            sd_seen_t *s = sd_seen(sweep * 3 + i);
            assert_ptr_equal(s->context, (void *)(uintptr_t)i);
            assert_int_equal(s->type, 5);
            assert_int_equal(s->bugcheck_code, 0xE2);
            if (sweep == 0) {
                assert_null(s->in_buffer);
                assert_null(s->out_buffer_in);
            } else {
                assert_int_equal(s->in_buffer_length, 0x1000);
                assert_ptr_equal(s->out_buffer_in, s->in_buffer);
            }
        }
    assert_int_equal(r->blob_count, 1);
    assert_int_equal(r->blobs[0].size, 9000);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    uint8_t *buf = malloc(9000);
    uint64_t total;
    bcsim_guid_t g = r->blobs[0].guid;
    assert_int_equal(bcsim_dump_read_tagged(d, &g, 0, buf, 9000, &total, NULL), 0);
    assert_memory_equal(buf, sd_own_buffer(), 9000);
    free(buf);
    bcsim_dump_close(d);
    assert_int_equal(bcsim_test_violations(sim), 0);
    done(sim);
}

/* Endless ADDITIONAL_DATA with data in every part: the part bound cuts it there; what it
 * gave is kept (a warning, not a violation: a large block and a loop look alike). */
static void endless_additional_data_is_cut_at_the_part_bound(void **state)
{
    (void)state;
    knob_t k[] = { { "multipart.max_parts", "20" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, k);
    sd_set_modes(0, 0, 0, 1, 0);
    assert_true(sd_register(0, 5, "endless"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 5, BCSIM_PHASE_MULTIPART_SIZE), 20);
    assert_true(bcsim_result_has(r, BCSIM_V_MULTIPART_TRUNCATED));
    assert_false(bcsim_result_has(r, BCSIM_V_MULTIPART_RUNAWAY));
    assert_false(bcsim_result_has(r, BCSIM_V_MULTIPART_PART_MISMATCH));
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_int_equal(r->blob_count, 1);
    assert_int_equal(r->blobs[0].size, 20 * 16);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    done(sim);
}

/* Endless ADDITIONAL_DATA with nothing in the parts: no progress, a runaway; the record
 * contributes nothing. */
static void endless_empty_parts_are_a_runaway(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 0, 4, 0);
    assert_true(sd_register(0, 5, "runaway"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 5, UINT32_MAX), 64);
    assert_true(bcsim_result_has(r, BCSIM_V_MULTIPART_RUNAWAY));
    assert_int_equal(r->blob_count, 0);
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* A block larger than the per-callback limit (small dump: 4 KiB), chunked by MaximumAllowed
 * as real drivers do: the parts up to the limit are kept, the record is cut there (warning),
 * and the data sweep sees the same MaximumAllowed per part, so its parts match. */
static void multipart_larger_than_its_limit_is_cut_not_failed(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_SMALL, true, NULL);
    sd_set_modes(0, 0, 0, 5, 0);                  /* 9000 bytes, chunks capped by MaximumAllowed */
    assert_true(sd_register(0, 5, "big"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(bcsim_result_count(r, BCSIM_SEV_VIOLATION), 0);
    assert_true(bcsim_result_has(r, BCSIM_V_MULTIPART_TRUNCATED));
    assert_false(bcsim_result_has(r, BCSIM_V_MULTIPART_PART_MISMATCH));
    assert_int_equal(r->blob_count, 2);           /* the record's 4 KiB + bcsim's own */
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    done(sim);
}

/* A GUID that changes between parts: the first part's GUID tags the block. */
static void multipart_guid_change_is_reported(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 0, 2, 0);
    assert_true(sd_register(0, 5, "guid"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_MULTIPART_GUID_CHANGED));
    assert_int_equal(r->blobs[0].guid.data1, 0x11111111);
    done(sim);
}

/* Everything in one call (no ADDITIONAL_DATA): one part per sweep. */
static void multipart_single_call_works(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    sd_set_modes(0, 0, 0, 3, 0);
    assert_true(sd_register(0, 5, "one"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(calls_of(r, 5, UINT32_MAX), 2);
    assert_int_equal(r->blobs[0].size, 9000);
    done(sim);
}

/* ---- TriageDumpData (7.3) --------------------------------------------------------------------- */

/* Flags BUGCHECK_ACTIVE, MaxVirtMemSize 32 MiB, code and parameters; array accepted. */
static void triage_inputs_and_accepted_array(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false, NULL);
    assert_true(sd_register(0, 7, "triage"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    sd_seen_t *s = sd_seen(0);
    assert_int_equal(s->flags, 1);
    assert_int_equal(s->maximum_allowed, 0x2000000);
    assert_null(s->out_buffer_in);
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    assert_int_equal(r->range_count, 2);
    assert_ptr_equal((void *)r->ranges[0].address, sd_triage_block());
    done(sim);
}

/* Live-dump mode clears BUGCHECK_ACTIVE. */
static void live_mode_clears_bugcheck_active(void **state)
{
    (void)state;
    knob_t k[] = { { "triage.bugcheck_active", "false" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, k);
    assert_true(sd_register(0, 7, "live"));
    crash(sim, 0xE2);
    assert_int_equal(sd_seen(0)->flags, 0);
    done(sim);
}

/* DataArray NULL: State 4, no finding. */
static void triage_without_array_is_quiet(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, NULL);
    sd_set_modes(0, 0, 0, 0, 1);
    assert_true(sd_register(0, 7, "none"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    assert_int_equal(r->violation_count, 0);
    done(sim);
}

/* An array describing more than MaxVirtMemSize is rejected. */
static void triage_over_max_virt_mem_is_rejected(void **state)
{
    (void)state;
    knob_t k[] = { { "triage.max_virt_mem", "4096" }, { 0, 0 } };
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, k);
    sd_set_modes(0, 0, 0, 0, 2);
    assert_true(sd_register(0, 7, "big"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_TRIAGE_TOO_LARGE));
    assert_int_equal(state_of(0), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

/* NumBlocksUsed > NumBlocksTotal is rejected. */
static void triage_invalid_array_is_rejected(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, NULL);
    sd_set_modes(0, 0, 0, 0, 3);
    assert_true(sd_register(0, 7, "bad"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_TRIAGE_INVALID_ARRAY));
    done(sim);
}

/* The same array returned by two records in one bug check: the second is rejected. */
static void triage_array_returned_twice_is_rejected(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false, NULL);
    assert_true(sd_register(0, 7, "one"));
    assert_true(sd_register(1, 7, "two"));
    const bcsim_result_t *r = crash(sim, 0xE2);
    assert_true(bcsim_result_has(r, BCSIM_V_TRIAGE_INVALID_ARRAY));
    assert_int_equal(state_of(0), BCSIM_STATE_FINISHED);
    assert_int_equal(state_of(1), BCSIM_STATE_INCOMPLETE);
    done(sim);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(phases_run_in_windows_order, teardown),
        cmocka_unit_test_teardown(kibugcheckdata_is_filled_before_the_first_callback, teardown),
        cmocka_unit_test_teardown(no_dump_runs_no_dump_time_callbacks, teardown),
        cmocka_unit_test_teardown(power_failure_runs_legacy_callbacks_only, teardown),
        cmocka_unit_test_teardown(legacy_gets_buffer_and_length_verbatim, teardown),
        cmocka_unit_test_teardown(secondary_size_then_data_request, teardown),
        cmocka_unit_test_teardown(secondary_own_buffer_is_accepted, teardown),
        cmocka_unit_test_teardown(secondary_single_call_style_works, teardown),
        cmocka_unit_test_teardown(overlong_outbufferlength_abandons_the_phase, teardown),
        cmocka_unit_test_teardown(skip_record_keeps_the_other_producers, teardown),
        cmocka_unit_test_teardown(outbuffer_elsewhere_in_scratch_is_invalid, teardown),
        cmocka_unit_test_teardown(nothing_on_size_request_means_no_data_request, teardown),
        cmocka_unit_test_teardown(zero_and_duplicate_guids_are_reported, teardown),
        cmocka_unit_test_teardown(paged_own_buffer_is_refused, teardown),
        cmocka_unit_test_teardown(inbuffer_overrun_by_one_byte_is_caught, teardown),
        cmocka_unit_test_teardown(data_longer_than_size_request_is_noted, teardown),
        cmocka_unit_test_teardown(small_dump_limits_maximum_allowed, teardown),
        cmocka_unit_test_teardown(ten_records_at_maximum_allowed_in_a_small_dump_pass, teardown),
        cmocka_unit_test_teardown(self_deregistration_in_size_request_blames_nobody_else, teardown),
        cmocka_unit_test_teardown(record_registered_during_size_pass_is_left_out, teardown),
        cmocka_unit_test_teardown(overgrowth_is_pinned_on_the_record_that_grew, teardown),
        cmocka_unit_test_teardown(invalid_data_output_skips_only_that_record, teardown),
        cmocka_unit_test_teardown(dumpio_real_offsets_knob, teardown),
        cmocka_unit_test_teardown(header_only_dump_streams_header_then_complete, teardown),
        cmocka_unit_test_teardown(dumpio_self_deregistration_gets_one_call, teardown),
        cmocka_unit_test_teardown(dumpio_buffer_changes_do_not_reach_the_file, teardown),
        cmocka_unit_test_teardown(nested_bugcheck_in_dumpio_halts, teardown),
        cmocka_unit_test_teardown(nested_contain_continues, teardown),
        cmocka_unit_test_teardown(builtin_producer_guarantees_secondary_writes, teardown),
        cmocka_unit_test_teardown(add_pages_loop_preserves_context, teardown),
        cmocka_unit_test_teardown(both_address_flags_are_rejected, teardown),
        cmocka_unit_test_teardown(unknown_flag_bits_are_rejected, teardown),
        cmocka_unit_test_teardown(neither_flag_is_physical_with_a_finding, teardown),
        cmocka_unit_test_teardown(endless_additional_ranges_are_bounded, teardown),
        cmocka_unit_test_teardown(count_zero_ends_the_loop, teardown),
        cmocka_unit_test_teardown(unmapped_range_is_rejected, teardown),
        cmocka_unit_test_teardown(remove_pages_takes_pages_out, teardown),
        cmocka_unit_test_teardown(multipart_sweeps_and_one_block, teardown),
        cmocka_unit_test_teardown(endless_additional_data_is_cut_at_the_part_bound, teardown),
        cmocka_unit_test_teardown(endless_empty_parts_are_a_runaway, teardown),
        cmocka_unit_test_teardown(multipart_larger_than_its_limit_is_cut_not_failed, teardown),
        cmocka_unit_test_teardown(multipart_guid_change_is_reported, teardown),
        cmocka_unit_test_teardown(multipart_single_call_works, teardown),
        cmocka_unit_test_teardown(triage_inputs_and_accepted_array, teardown),
        cmocka_unit_test_teardown(live_mode_clears_bugcheck_active, teardown),
        cmocka_unit_test_teardown(triage_without_array_is_quiet, teardown),
        cmocka_unit_test_teardown(triage_over_max_virt_mem_is_rejected, teardown),
        cmocka_unit_test_teardown(triage_invalid_array_is_rejected, teardown),
        cmocka_unit_test_teardown(triage_array_returned_twice_is_rejected, teardown),
    };
    return cmocka_run_group_tests_name("sequence", tests, NULL, NULL);
}
