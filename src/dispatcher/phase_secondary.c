/*
 * src/dispatcher/phase_secondary.c — KbCallbackSecondaryDumpData (dispatcher-model.md 7.5) and
 * KbCallbackSecondaryMultiPartDumpData (7.6), plus bcsim's built-in producer.
 *
 * Size pass (6.1 step 8b): size requests (OutBuffer NULL), then the multi-part sizing sweep;
 * it fixes SecondaryDataState and the size of the secondary-data region, which the header
 * (written next) records. Data pass (8e): data requests (OutBuffer == InBuffer), then the
 * multi-part data sweep; each block goes to the dump as it is produced.
 *
 * Region accounting follows the framing of dump-format.md 11.2 exactly, so the scratch
 * geometry matches: while no block has been emitted in a pass, InBuffer = scratch + 0x30
 * (room for the blob file header and one blob header), afterwards scratch + 0x20.
 */
#include "dispatcher/phases.h"
#include "rsd.h"
#include "dump/dump_writer.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>
#include <stdlib.h>

#define BLOB_FILE_HEADER 0x10u
#define BLOB_HEADER 0x20u
#define PAGE 0x1000u

/* {6263736d-0001-4000-8062-75696c74696e} — "bcsm" ... "builtin" */
static const bcsim_guid_t builtin_guid = { 0x6263736d, 0x0001, 0x4000,
                                           { 0x80, 0x62, 0x75, 0x69, 0x6c, 0x74, 0x69, 0x6e } };

typedef struct mp_rec {            /* a multi-part record's sizing sweep */
    const void *record;
    bcsim_guid_t guid;
    uint64_t total;
    bool truncated;                /* it asked for more than its limits allowed */
    BCSIM_VEC(uint32_t) parts;
    BCSIM_VEC(uint32_t) maxima;    /* MaximumAllowed of each part (the data sweep repeats it) */
} mp_rec_t;

/* Consecutive empty parts that still ask for more: a callback that makes no progress. */
#define MP_EMPTY_PARTS_MAX 64u

static void mp_free(mp_rec_t *m)
{
    BCSIM_VEC_FREE(&m->parts);
    BCSIM_VEC_FREE(&m->maxima);
}

/* A record the size pass reserved space for (7.5 size pass step 7, 7.6 step 7). */
typedef struct reservation {
    uint64_t announced;            /* bytes announced (MultiPart: the sizing total) */
    uint64_t framed;               /* region bytes it needs after another block (pending) */
    bool emitted;                  /* the data pass has dealt with it */
} reservation_t;

static struct {
    bool skip;                     /* limits rule the phase out */
    bool aborted;                  /* invalid output with on_invalid(_data) = abort_phase */
    uint64_t total_limit, per_cb_limit;
    uint64_t aside;                /* region bytes kept for the built-in block until it is sized */
    uint64_t region;               /* region bytes reserved by the size pass (0 = none) */
    uint64_t offset;               /* framing cursor within the region, this pass */
    uint64_t pending;              /* data pass: region bytes reserved by records not yet called */
    uint64_t serial_at_size;       /* registrations before the size pass began */
    bool size_walk_cut;            /* the size pass's reason-2 walk ended early */
    bcsim__map_t reserved;         /* record -> index into res */
    BCSIM_VEC(reservation_t) res;
    BCSIM_VEC(mp_rec_t) mp;
    BCSIM_VEC(bcsim_guid_t) guids; /* emitted in this dump (duplicates, Doc: first wins) */
} S;

static bcsim__rrec_t *builtin_record;

/* ---- framing (dump-format.md 11.2) ---------------------------------------------------------- */

/* Offset of the next blob header after a blob of n bytes whose header is at h: the
 * writer's own placement rule, so the size pass reserves exactly what it will write. */
static uint64_t framed_next(uint64_t h, uint64_t n, bool packed)
{
    bcsim__blob_place_t pl;
    if (n > UINT32_MAX || !bcsim__blob_place(h, (uint32_t)n, packed, &pl))
        return UINT64_MAX / 2;
    return pl.next;
}

/* Region bytes a block of n bytes takes when another block precedes it: page-granular
 * framing puts every header after the first at a page start, packed framing at an 8-byte
 * boundary, so this does not depend on where it lands. */
static uint64_t framed_size(uint64_t n, bool packed)
{
    return framed_next(0x10000, n, packed) - 0x10000;
}

static uint64_t region_size_for(uint64_t end, bool packed)
{
    (void)packed;
    return (end + PAGE - 1) / PAGE * PAGE;
}

uint64_t bcsim__secondary_region_size(void)
{
    return S.region;
}

/* Region bytes drivers may still reserve: the total, less what is reserved and what is kept
 * for bcsim's own block (7.5 "Built-in producer": it never competes with driver records). */
static uint64_t available(void)
{
    uint64_t used = S.offset + S.aside;
    return used >= S.total_limit ? 0 : S.total_limit - used;
}

static reservation_t *reservation_of(const void *r)
{
    uint64_t *i = bcsim__map_get(&S.reserved, (uint64_t)r);
    return i ? &S.res.v[*i] : NULL;
}

static void reserve(const void *r, uint64_t announced, uint64_t framed)
{
    reservation_t *v = BCSIM_VEC_PUSH(&S.res);
    if (!v)
        return;
    *v = (reservation_t){ .announced = announced, .framed = framed };
    bcsim__map_put(&S.reserved, (uint64_t)r, S.res.n - 1);
}

/* An info finding about a record the data pass leaves out (7.5 data pass: "no data request,
 * no violation, an info finding that says why"); once per record and bug check, never about
 * bcsim's own record. */
static void left_out(const bcsim__rrec_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void left_out(const bcsim__rrec_t *r, const char *fmt, ...)
{
    if (r == builtin_record)
        return;
    const bcsim__recinfo_t *ri = bcsim__record_info(r);
    bcsim__report_t rep = { .id = BCSIM_V_SECONDARY_LEFT_OUT, .reason = r->reason,
                            .component = bcsim__rec_component(r, false),
                            .pc = ri ? ri->site : (uint64_t)r->routine, .address = (uint64_t)r,
                            .dedupe = (uint64_t)r };
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&rep, fmt, ap);
    va_end(ap);
}

/* ---- limits ---------------------------------------------------------------------------------- */

static void limits(void)
{
    const bcsim_config_t *c = &bcsim__m.cfg;
    uint32_t t = bcsim__run.dump_type;
    uint64_t total = 0, per = 0;
    if (t == BCSIM_DUMP_FULL || t == BCSIM_DUMP_BITMAP) {
        total = 256ULL << 20;
        per = 64ULL << 20;
    } else if (t == BCSIM_DUMP_SMALL) {
        total = 64ULL << 10;
        per = 4ULL << 10;
    }
    if (t != BCSIM_DUMP_HEADER && t != BCSIM_DUMP_NONE) {
        if (c->secondary_total)
            total = c->secondary_total;
        if (c->secondary_per_callback)
            per = c->secondary_per_callback;
    }
    S.total_limit = total;
    S.per_cb_limit = per;
    S.skip = per < PAGE || total < per;
}

static void inbuffer_geometry(bcsim__sdd_t *d, bool emitted)
{
    uint32_t fixed = bcsim__m.cfg.secondary_inbuffer;
    uint32_t off = emitted ? BLOB_HEADER : BLOB_FILE_HEADER + BLOB_HEADER;
    if (fixed && fixed <= PAGE)
        off = PAGE - fixed;
    d->in_buffer = bcsim__osb.scratch + off;
    d->in_buffer_length = PAGE - off;
}

/* ---- output validation (7.5 size pass steps 4-6, data pass step 4) --------------------------- */

int bcsim__sdd_check_output(const bcsim__sdd_t *d, uint64_t maximum, bool data_pass, char *why,
                            size_t why_size, bool *paged_buffer)
{
    *paged_buffer = false;
    if (!d->out_buffer || d->out_buffer_length == 0)
        return BCSIM__SDD_NONE;
    uint64_t ob = (uint64_t)d->out_buffer, len = d->out_buffer_length;
    uint64_t scr = (uint64_t)bcsim__osb.scratch;
    if (len > maximum) {
        snprintf(why, why_size, "OutBufferLength %llu exceeds MaximumAllowed %llu",
                 (unsigned long long)len, (unsigned long long)maximum);
        return BCSIM__SDD_INVALID;
    }
    if (ob >= scr && ob < scr + PAGE) {
        if (ob != (uint64_t)d->in_buffer) {
            snprintf(why, why_size, "OutBuffer %#llx points into the scratch page but not at InBuffer %#llx",
                     (unsigned long long)ob, (unsigned long long)d->in_buffer);
            return BCSIM__SDD_INVALID;
        }
        if (len > d->in_buffer_length) {
            snprintf(why, why_size, "OutBuffer == InBuffer but OutBufferLength %llu exceeds InBufferLength %u",
                     (unsigned long long)len, d->in_buffer_length);
            return BCSIM__SDD_INVALID;
        }
        return BCSIM__SDD_OK;
    }
    /* The driver's own buffer: resident, nonpaged, allocated before the bug check (R9). */
    if (data_pass && !bcsim__mem_is(ob, len, BCSIM__MC_RESIDENT)) {
        bool known;
        *paged_buffer = bcsim__mem_class_of(ob, &known) == BCSIM__MEM_PAGED && known;
        snprintf(why, why_size, "OutBuffer %#llx (%llu bytes) is in %s", (unsigned long long)ob,
                 (unsigned long long)len, bcsim__mem_describe(ob));
        return BCSIM__SDD_INVALID;
    }
    return BCSIM__SDD_OK;
}

/* The callback's outputs against the inputs the dispatcher gave it: InBuffer, InBufferLength
 * and MaximumAllowed are _In_ fields a callback may overwrite; the limits are the OS's. */
static int check_returned(const bcsim__sdd_t *d, const bcsim__sdd_t *given, bool data_pass,
                          char *why, size_t why_size, bool *paged)
{
    bcsim__sdd_t judged = *d;
    judged.in_buffer = given->in_buffer;
    judged.in_buffer_length = given->in_buffer_length;
    return bcsim__sdd_check_output(&judged, given->maximum_allowed, data_pass, why, why_size, paged);
}

bool bcsim__sdd_unmapped_own_buffer(const bcsim__sdd_t *d)
{
    return (uint64_t)d->out_buffer >= 0x10000 && !bcsim__mem_find((uint64_t)d->out_buffer) &&
           !bcsim__probe_read(d->out_buffer, 1);
}

static void note_call(uint32_t call, const bcsim__sdd_t *d)
{
    bcsim_call_t *c = bcsim__call(call);
    if (!c)
        return;
    c->bytes = d->out_buffer ? d->out_buffer_length : 0;
    c->guid = d->guid;
    c->has_guid = d->out_buffer && d->out_buffer_length;
}

/* ---- reason 2: the size pass ------------------------------------------------------------------ */

/* Invalid output (7.5 size pass step 8, data pass step 4): a finding against this record,
 * State 4; then the knob for the pass says whether the phase goes on. @return true to stop
 * the pass. */
static bool invalid_output(bcsim__rrec_t *r, uint32_t call, uint8_t during, const char *why,
                           bool paged, uint64_t ob)
{
    bcsim__call_finding(r, call, paged ? BCSIM_V_SECONDARY_BUFFER_NOT_RESIDENT : BCSIM_V_SECONDARY_INVALID_OUTPUT,
                        ob, "%s", why);
    bcsim__state_after(r, false, during, 4, call);
    bool data_pass = bcsim__run.phase == BCSIM_PHASE_SECONDARY_DATA ||
                     bcsim__run.phase == BCSIM_PHASE_MULTIPART_DATA;
    bool abort_phase = data_pass ? bcsim__m.cfg.secondary_abort_on_invalid_data
                                 : !bcsim__m.cfg.secondary_skip_record_on_invalid;
    if (abort_phase) {
        S.aborted = true;
        return true; /* stop the pass */
    }
    return false;
}

/* One SecondaryDumpData request (7.5): the scratch page and the structure zeroed, InBuffer's
 * geometry, MaximumAllowed, OutBuffer NULL (the size request, State 1 during the call) or
 * InBuffer (the data request, State 2); the callback runs and what it returned is checked
 * against what it was given. @return true when it returned a block to act on (*call is its
 * call); false when the record is already settled (a fault or hang: BufferIncomplete; nothing
 * to give: BufferFinished and, after a size request, no data request (step 3); invalid
 * output), with *stop saying whether the pass stops. */
static bool sdd_request(bcsim__rrec_t *r, uint64_t maximum, bool data, uint32_t *call, bool *stop)
{
    bcsim__sdd_t *d = bcsim__osb.sdd;
    uint8_t during = data ? 2 : 1;
    memset(bcsim__osb.scratch, 0, PAGE);
    memset(d, 0, sizeof(*d));
    inbuffer_geometry(d, S.offset > BLOB_FILE_HEADER);
    d->maximum_allowed = (uint32_t)BCSIM_MIN(maximum, UINT32_MAX);
    d->out_buffer = data ? d->in_buffer : NULL;
    d->out_buffer_length = 0;
    bcsim__sdd_t given = *d;
    bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine, .data = d,
                       .data_len = sizeof(*d), .irql = BCSIM_IRQL_HIGH, .state_during = during };
    int out = bcsim__invoke(&cb);
    note_call(cb.call, d);
    *call = cb.call;
    *stop = false;
    if (out != BCSIM_OUTCOME_RETURNED) {
        bcsim__state_after(r, false, during, 4, cb.call);
        return false;
    }
    char why[256];
    bool paged;
    switch (check_returned(d, &given, data, why, sizeof(why), &paged)) {
    case BCSIM__SDD_NONE:
        bcsim__state_after(r, false, during, 3, cb.call);
        return false;
    case BCSIM__SDD_INVALID:
        *stop = invalid_output(r, cb.call, during, why, paged, (uint64_t)d->out_buffer);
        return false;
    default:
        return true;
    }
}

static bool size_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__rrec_t *r = rec;
    bcsim__sdd_t *d = bcsim__osb.sdd;
    bool builtin = r == builtin_record;
    bool packed = bcsim__m.cfg.secondary_packed;
    /* The total is used up: the pass reaches this record but has nothing to offer it. */
    uint64_t avail = builtin ? S.aside : available();
    if (avail == 0) {
        left_out(r, "not asked for data: the secondary-data total (%llu bytes) was used up before the size pass reached it",
                 (unsigned long long)S.total_limit);
        return false;
    }
    uint32_t call;
    bool stop;
    if (!sdd_request(r, BCSIM_MIN(S.per_cb_limit, avail), false, &call, &stop))
        return stop;
    if (bcsim__sdd_unmapped_own_buffer(d))
        bcsim__call_finding(r, call, BCSIM_V_SECONDARY_INVALID_OUTPUT, (uint64_t)d->out_buffer,
                            "OutBuffer %#llx returned by the size request is not mapped (checked again in the data request)",
                            (unsigned long long)d->out_buffer);
    /* Step 7: reserve its framed size if it still fits; otherwise no reservation (State stays
     * 1, no data request) and the pass goes on: smaller records may still fit. */
    uint64_t next = framed_next(S.offset, d->out_buffer_length, packed);
    uint64_t used = next - S.offset;
    if (builtin) {
        S.aside = 0;
    } else if (used > available()) {
        left_out(r, "not asked for data: its %u bytes need %llu bytes of the secondary-data region and %llu are left",
                 d->out_buffer_length, (unsigned long long)used, (unsigned long long)available());
        return false;
    }
    S.offset = next;
    reserve(r, d->out_buffer_length, framed_size(d->out_buffer_length, packed));
    return false;
}

/* ---- reason 5: the sizing sweep (7.6 steps 1-7) ------------------------------------------------ */

static void fill_ex(bcsim__sddx_t *x, uint64_t maximum)
{
    x->guid = (bcsim_guid_t){ 0 };
    x->maximum_allowed = (uint32_t)BCSIM_MIN(maximum, UINT32_MAX);
    x->dump_type = bcsim__run.dump_type == BCSIM_DUMP_SMALL ? 4u : bcsim__run.dump_type;
    x->bugcheck_code = (uint32_t)bcsim__m.bugcheck_data[0];
    memcpy(x->bugcheck_params, &bcsim__m.bugcheck_data[1], sizeof(x->bugcheck_params));
}

static void note_call_ex(uint32_t call, const bcsim__sddx_t *x)
{
    bcsim_call_t *c = bcsim__call(call);
    if (!c)
        return;
    c->bytes = x->out_buffer ? x->out_buffer_length : 0;
    c->guid = x->guid;
    c->has_guid = x->out_buffer_length != 0;
    c->flags = x->flags;
}

static bool mp_size_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__rrec_t *r = rec;
    bcsim__sddx_t *x = bcsim__osb.sddx;
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    mp_rec_t m = { .record = r };
    memset(x, 0, sizeof(*x));
    x->context = NULL;
    x->flags = cfg->multipart_no_device_access_input ? BCSIM__KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS : 0;
    uint32_t last = UINT32_MAX, empty_run = 0;
    bool runaway = false, bad = false;
    for (uint32_t part = 0;; part++) {
        /* The per-callback limit bounds the record's whole block; each part may take what is
         * left of it and of the total. A record that still has data when either is used up,
         * or after multipart.max_parts parts, is cut there (7.6 step 6, knob-bounded). */
        uint64_t maximum = BCSIM_MIN(S.per_cb_limit - m.total, available());
        if (part >= cfg->multipart_max_parts || maximum == 0) {
            m.truncated = true;
            break;
        }
        x->in_buffer = NULL;
        x->in_buffer_length = 0;
        x->out_buffer = NULL;
        x->out_buffer_length = 0;
        fill_ex(x, maximum);
        if (cfg->multipart_no_device_access_input)
            x->flags |= BCSIM__KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS;
        bcsim__run.no_device_access = cfg->multipart_no_device_access_input;
        bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine, .data = x,
                           .data_len = sizeof(*x), .irql = BCSIM_IRQL_HIGH, .state_during = 1 };
        int out = bcsim__invoke(&cb);
        bcsim__run.no_device_access = false;
        last = cb.call;
        note_call_ex(cb.call, x);
        if (out != BCSIM_OUTCOME_RETURNED) {
            bad = true;
            break;
        }
        uint32_t allowed = (uint32_t)BCSIM_MIN(maximum, UINT32_MAX);
        if (x->out_buffer_length > allowed) {
            char why[160];
            snprintf(why, sizeof(why), "part %u: OutBufferLength %u exceeds MaximumAllowed %u", part,
                     x->out_buffer_length, allowed);
            mp_free(&m);
            return invalid_output(r, cb.call, 1, why, false, (uint64_t)x->out_buffer);
        }
        if (x->out_buffer_length) {
            if (m.total == 0)
                m.guid = x->guid;
            else if (memcmp(&m.guid, &x->guid, sizeof(m.guid)))
                bcsim__call_finding(r, cb.call, BCSIM_V_MULTIPART_GUID_CHANGED, (uint64_t)r,
                                    "part %u changed the GUID; the first part's GUID tags the block", part);
        }
        uint32_t *slot = BCSIM_VEC_PUSH(&m.parts);
        if (slot)
            *slot = x->out_buffer_length;
        uint32_t *mx = BCSIM_VEC_PUSH(&m.maxima);
        if (mx)
            *mx = allowed;
        m.total += x->out_buffer_length;
        bool more = x->flags & BCSIM__KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        if (bcsim__rec_state(r, false) != 1 || !more)
            break;
        empty_run = x->out_buffer_length ? 0 : empty_run + 1;
        if (empty_run >= MP_EMPTY_PARTS_MAX) {
            runaway = true;
            break;
        }
    }
    if (runaway) {
        bcsim__call_finding(r, last, BCSIM_V_MULTIPART_RUNAWAY, (uint64_t)r,
                            "%u consecutive empty parts with ADDITIONAL_DATA set (after %zu parts, %llu bytes)",
                            MP_EMPTY_PARTS_MAX, m.parts.n, (unsigned long long)m.total);
        bad = true;
    } else if (m.truncated) {
        bool parts_bound = m.parts.n >= cfg->multipart_max_parts;
        bool total_bound = !parts_bound && m.total < S.per_cb_limit;
        bcsim__call_finding(r, last, BCSIM_V_MULTIPART_TRUNCATED, (uint64_t)r,
                            "%llu bytes in %zu parts kept; it set ADDITIONAL_DATA after %s",
                            (unsigned long long)m.total, m.parts.n,
                            parts_bound ? bcsim__strfmt("multipart.max_parts (%u) parts", cfg->multipart_max_parts)
                            : total_bound ? "the secondary-data total was used up"
                                          : bcsim__strfmt("the per-callback limit of %llu bytes",
                                                          (unsigned long long)S.per_cb_limit));
    }
    if (bad || m.total == 0) {
        bcsim__state_after(r, false, 1, bad ? 4 : 3, last);
        mp_free(&m);
        return false;
    }
    /* Its framed size, as the data sweep will emit it: one blob, or one per part. */
    bool packed = cfg->secondary_packed;
    uint64_t next = S.offset, framed = 0;
    if (cfg->multipart_blob_per_part) {
        for (size_t i = 0; i < m.parts.n; i++)
            if (m.parts.v[i]) {
                next = framed_next(next, m.parts.v[i], packed);
                framed += framed_size(m.parts.v[i], packed);
            }
    } else {
        next = framed_next(next, m.total, packed);
        framed = framed_size(m.total, packed);
    }
    if (next - S.offset > available()) {
        left_out(r, "not asked for data: its %llu bytes need %llu bytes of the secondary-data region and %llu are left",
                 (unsigned long long)m.total, (unsigned long long)(next - S.offset),
                 (unsigned long long)available());
        mp_free(&m);
        return false;
    }
    S.offset = next;
    reserve(r, m.total, framed);
    mp_rec_t *slot = BCSIM_VEC_PUSH(&S.mp);
    if (slot)
        *slot = m;
    else
        mp_free(&m);
    return false;
}

/* The built-in block's framed size, set aside before the pass (7.5): it is text of at most
 * 256 bytes, which page-granular framing puts in one page wherever it lands. */
static uint64_t builtin_aside(void)
{
    if (!builtin_record || builtin_record->state != 1)
        return 0;
    return bcsim__m.cfg.secondary_packed ? framed_size(256, true) + BLOB_FILE_HEADER : PAGE;
}

static void reset_pass_state(void)
{
    S.aborted = false;
    S.region = 0;
    S.size_walk_cut = false;
    S.pending = 0;
    bcsim__map_clear(&S.reserved);
    BCSIM_VEC_CLEAR(&S.res);
    for (size_t i = 0; i < S.mp.n; i++)
        mp_free(&S.mp.v[i]);
    BCSIM_VEC_CLEAR(&S.mp);
    BCSIM_VEC_CLEAR(&S.guids);
}

void bcsim__phase_secondary_size(void)
{
    limits();
    reset_pass_state();
    bcsim__run.secondary_state = BCSIM_STATUS_SUCCESS;
    if (S.skip)
        return;
    S.offset = BLOB_FILE_HEADER;
    S.aside = builtin_aside();
    S.serial_at_size = bcsim__m.records_ever;
    bcsim__walk_opts_t o = { .reason = BCSIM_REASON_SECONDARY_DUMP_DATA };
    bcsim__run.phase = BCSIM_PHASE_SECONDARY_SIZE;
    S.size_walk_cut = !bcsim__walk(bcsim__m.lists.reason, &o, size_visit, NULL);
    if (!S.aborted) {
        o.reason = BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA;
        bcsim__run.phase = BCSIM_PHASE_MULTIPART_SIZE;
        bcsim__walk(bcsim__m.lists.reason, &o, mp_size_visit, NULL);
    }
    S.aside = 0;
    if (S.aborted) {
        bcsim__run.secondary_state = (uint32_t)BCSIM_STATUS_INVALID_PARAMETER;
        S.region = 0;
        return;
    }
    S.region = S.offset > BLOB_FILE_HEADER ? region_size_for(S.offset, bcsim__m.cfg.secondary_packed) : 0;
}

/* ---- the data pass --------------------------------------------------------------------------- */

static void emit(bcsim__rrec_t *r, uint32_t call, const bcsim_guid_t *g, const void *data,
                 uint64_t size, const char *component)
{
    static const bcsim_guid_t zero;
    if (!memcmp(g, &zero, sizeof(zero)))
        bcsim__call_finding(r, call, BCSIM_V_SECONDARY_ZERO_GUID, (uint64_t)r, "%llu-byte block",
                            (unsigned long long)size);
    for (size_t i = 0; i < S.guids.n; i++)
        if (!memcmp(&S.guids.v[i], g, sizeof(*g))) {
            char gb[40];
            bcsim__call_finding(r, call, BCSIM_V_DUPLICATE_GUID, (uint64_t)r, "%s", bcsim_guid_format(g, gb));
            break;
        }
    bcsim_guid_t *slot = BCSIM_VEC_PUSH(&S.guids);
    if (slot)
        *slot = *g;
    bcsim__dump_blob(g, data, size, component);
}

/* Why a record visited by the data pass holds no reservation (the size pass said so already
 * when it could not fit it: the finding is deduplicated). */
static void explain_left_out(const bcsim__rrec_t *r)
{
    const bcsim__recinfo_t *ri = bcsim__record_info(r);
    if (ri && ri->serial > S.serial_at_size)
        left_out(r, "not asked for data: registered after the size pass walked the list");
    else if (S.size_walk_cut)
        left_out(r, "not asked for data: the size pass's list walk ended before it reached this record");
    else
        left_out(r, "not asked for data: it holds no reservation from the size pass");
}

/* The data request of a record with a reservation (7.5 data pass steps 1-7). */
static bool data_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__rrec_t *r = rec;
    bcsim__sdd_t *d = bcsim__osb.sdd;
    bool packed = bcsim__m.cfg.secondary_packed;
    reservation_t *res = reservation_of(r);
    if (!res || res->emitted) {
        if (!res)
            explain_left_out(r);
        return false;
    }
    res->emitted = true;
    S.pending -= BCSIM_MIN(S.pending, res->framed);
    uint32_t call;
    bool stop;
    if (!sdd_request(r, BCSIM_MIN(S.per_cb_limit, S.region), true, &call, &stop))
        return stop;
    uint64_t len = d->out_buffer_length;
    /* Step 5: more than announced is written in full only where no record still to be called
     * needs the space; otherwise truncated to the reservation (or dropped). The finding is
     * about this record, never another. */
    uint64_t keep = len;
    bool fits = framed_next(S.offset, len, packed) + S.pending <= S.region;
    if (len > res->announced) {
        bool drop = bcsim__m.cfg.secondary_overgrow_drop;
        if (!fits)
            keep = drop ? 0 : res->announced;
        bcsim__call_finding(r, call, BCSIM_V_SECONDARY_OVERGROWN, (uint64_t)r,
                            "size request %llu bytes, data request %llu bytes; %s",
                            (unsigned long long)res->announced, (unsigned long long)len,
                            fits ? "written in full (the space was free)"
                                 : drop ? "the block was dropped (secondary.overgrow = drop)"
                                        : "truncated to the reserved size");
    } else if (len < res->announced) {
        bcsim__call_finding(r, call, BCSIM_V_SECONDARY_SIZE_CHANGED, (uint64_t)r,
                            "size request %llu bytes, data request %llu bytes",
                            (unsigned long long)res->announced, (unsigned long long)len);
    }
    bcsim_call_t *c = bcsim__call(call);
    /* Copy out before anything else runs: OutBuffer may be the scratch page. */
    uint8_t *copy = keep ? malloc(keep) : NULL;
    if (copy && bcsim__mem_read_harness((uint64_t)d->out_buffer, copy, keep)) {
        S.offset = framed_next(S.offset, keep, packed);
        emit(r, call, &d->guid, copy, keep, c ? c->component : NULL);
    }
    free(copy);
    bcsim__state_after(r, false, 2, 3, call);
    return false;
}

/* A data-sweep part (7.6 step 10): InBuffer's scratch page, or readable nonpaged memory. */
bool bcsim__sddx_part_resident(const bcsim__sddx_t *x)
{
    uint64_t ob = (uint64_t)x->out_buffer, got = x->out_buffer ? x->out_buffer_length : 0;
    uint64_t scr = (uint64_t)bcsim__osb.scratch;
    return !got || bcsim__mem_is(ob, got, BCSIM__MC_RESIDENT) ||
           (ob >= scr && ob + got <= scr + PAGE);
}

static mp_rec_t *mp_find(const void *r)
{
    for (size_t i = 0; i < S.mp.n; i++)
        if (S.mp.v[i].record == r)
            return &S.mp.v[i];
    return NULL;
}

static bool mp_data_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__rrec_t *r = rec;
    mp_rec_t *m = mp_find(r);
    reservation_t *res = reservation_of(r);
    if (!m || !m->total || !res || res->emitted) {
        if (!res)
            explain_left_out(r);
        return false;
    }
    res->emitted = true;
    S.pending -= BCSIM_MIN(S.pending, res->framed);
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    bcsim__sddx_t *x = bcsim__osb.sddx;
    uint8_t *blob = calloc(1, m->total ? m->total : 1);
    if (!blob)
        return false;
    memset(x, 0, sizeof(*x));
    x->context = NULL;
    x->flags = 0;
    uint64_t pos = 0;
    size_t part = 0;
    uint32_t last = UINT32_MAX;
    bool bad = false, more = true;
    uint32_t first_call = UINT32_MAX;     /* an index: the call vector moves as it grows */
    for (; part < m->parts.n && more; part++) {
        memset(bcsim__osb.scratch, 0, PAGE);
        x->in_buffer = bcsim__osb.scratch;
        x->in_buffer_length = PAGE;
        x->out_buffer = x->in_buffer;
        x->out_buffer_length = 0;
        fill_ex(x, part < m->maxima.n ? m->maxima.v[part] : BCSIM_MIN(S.per_cb_limit, S.region));
        if (cfg->multipart_no_device_access_input)
            x->flags |= BCSIM__KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS;
        bcsim__run.no_device_access = cfg->multipart_no_device_access_input;
        bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine, .data = x,
                           .data_len = sizeof(*x), .irql = BCSIM_IRQL_HIGH, .state_during = 1 };
        int out = bcsim__invoke(&cb);
        bcsim__run.no_device_access = false;
        last = cb.call;
        note_call_ex(cb.call, x);
        if (first_call == UINT32_MAX)
            first_call = cb.call;
        if (out != BCSIM_OUTCOME_RETURNED) {
            bad = true;
            break;
        }
        uint32_t want = m->parts.v[part];
        uint32_t got = x->out_buffer ? x->out_buffer_length : 0;
        if (!bcsim__sddx_part_resident(x)) {
            char why[200];
            snprintf(why, sizeof(why), "part %zu: OutBuffer %#llx (%u bytes) is in %s", part,
                     (unsigned long long)x->out_buffer, got, bcsim__mem_describe((uint64_t)x->out_buffer));
            free(blob);
            return invalid_output(r, cb.call, 1, why, false, (uint64_t)x->out_buffer);
        }
        if (got != want)
            bcsim__call_finding(r, cb.call, BCSIM_V_MULTIPART_PART_MISMATCH, (uint64_t)r,
                                "part %zu: %u bytes in the data sweep, %u in the sizing sweep; %s", part, got,
                                want, got > want ? "truncated" : "zero-padded");
        uint32_t n = BCSIM_MIN(got, want);
        if (n)
            bcsim__mem_read_harness((uint64_t)x->out_buffer, blob + pos, n);
        pos += want;
        more = x->flags & BCSIM__KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        if (bcsim__rec_state(r, false) != 1)
            break;
    }
    if (!bad && part < m->parts.n)
        bcsim__call_finding(r, last, BCSIM_V_MULTIPART_PART_MISMATCH, (uint64_t)r,
                            "data sweep ended after %zu of %zu parts; the rest is zero-filled", part, m->parts.n);
    else if (!bad && more && !m->truncated)
        bcsim__call_finding(r, last, BCSIM_V_MULTIPART_PART_MISMATCH, (uint64_t)r,
                            "data sweep asked for more than the %zu parts of the sizing sweep; extra parts ignored",
                            m->parts.n);
    if (!bad) {
        const bcsim_call_t *c0 = bcsim__call(first_call);
        const char *comp = c0 ? c0->component : NULL;
        if (cfg->multipart_blob_per_part) {
            uint64_t off = 0;
            for (size_t i = 0; i < m->parts.n; i++) {
                if (m->parts.v[i])
                    emit(r, last, &m->guid, blob + off, m->parts.v[i], comp);
                off += m->parts.v[i];
            }
        } else {
            emit(r, last, &m->guid, blob, m->total, comp);
        }
    }
    free(blob);
    bcsim__state_after(r, false, 1, bad ? 4 : 3, last);
    return false;
}

void bcsim__phase_secondary_data(void)
{
    if (S.skip || S.aborted || !S.region)
        return;
    S.offset = BLOB_FILE_HEADER;
    S.pending = 0;
    for (size_t i = 0; i < S.res.n; i++)
        S.pending += S.res.v[i].framed;
    bcsim__walk_opts_t o = { .reason = BCSIM_REASON_SECONDARY_DUMP_DATA };
    bcsim__run.phase = BCSIM_PHASE_SECONDARY_DATA;
    bcsim__walk(bcsim__m.lists.reason, &o, data_visit, NULL);
    if (!S.aborted) {
        o.reason = BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA;
        bcsim__run.phase = BCSIM_PHASE_MULTIPART_DATA;
        bcsim__walk(bcsim__m.lists.reason, &o, mp_data_visit, NULL);
    }
}

/* ---- the built-in producer (7.5): a block of run metadata in every dump ------------------------ */

static void builtin_callback(int32_t reason, void *record, void *data, uint32_t length)
{
    (void)reason;
    (void)record;
    if (length < sizeof(bcsim__sdd_t))
        return;
    bcsim__sdd_t *d = data;
    char text[256];
    int n = snprintf(text, sizeof(text),
                     "bcsim %s simulated bug check %#llx (%#llx, %#llx, %#llx, %#llx) build %u\n",
                     bcsim_version(), (unsigned long long)bcsim__m.bugcheck_data[0],
                     (unsigned long long)bcsim__m.bugcheck_data[1],
                     (unsigned long long)bcsim__m.bugcheck_data[2],
                     (unsigned long long)bcsim__m.bugcheck_data[3],
                     (unsigned long long)bcsim__m.bugcheck_data[4], bcsim__m.cfg.build_number);
    if (n < 0 || (uint32_t)n > d->in_buffer_length)
        return;
    d->guid = builtin_guid;
    memcpy(d->in_buffer, text, (size_t)n);
    d->out_buffer = d->in_buffer;
    d->out_buffer_length = (uint32_t)n;
}

void bcsim__secondary_boot(void)
{
    builtin_record = NULL;
    if (!bcsim__m.cfg.secondary_builtin)
        return;
    builtin_record = bcsim__os_alloc(sizeof(bcsim__rrec_t), 16);
    if (!builtin_record)
        return;
    static uint8_t component[] = "bcsim";
    bcsim__record_note_init(&builtin_record->state, NULL);
    builtin_record->state = 0;
    bcsim__record_register_reason(builtin_record, (void *)builtin_callback,
                                  BCSIM_REASON_SECONDARY_DUMP_DATA, component, NULL);
}

void bcsim__secondary_shutdown(void)
{
    bcsim__map_clear(&S.reserved);
    BCSIM_VEC_FREE(&S.res);
    for (size_t i = 0; i < S.mp.n; i++)
        mp_free(&S.mp.v[i]);
    BCSIM_VEC_FREE(&S.mp);
    BCSIM_VEC_FREE(&S.guids);
    memset(&S, 0, sizeof(S));
}
