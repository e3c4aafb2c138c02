/*
 * src/phase_secondary.c — KbCallbackSecondaryDumpData (dispatcher-model.md 7.5) and
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
#include "phases.h"
#include "rsd.h"
#include "dump_writer.h"

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
    BCSIM_VEC(uint32_t) parts;
} mp_rec_t;

static struct {
    bool skip;                     /* limits rule the phase out */
    bool aborted;                  /* invalid output with secondary.on_invalid = abort_phase */
    uint64_t total_limit, per_cb_limit;
    uint64_t region;               /* region bytes reserved by the size pass (0 = none) */
    uint64_t offset;               /* framing cursor within the region, this pass */
    uint64_t remaining;            /* what MaximumAllowed may still grant */
    bcsim__map_t size_of;          /* record -> size-pass length + 1 */
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

static uint64_t region_size_for(uint64_t end, bool packed)
{
    (void)packed;
    return (end + PAGE - 1) / PAGE * PAGE;
}

uint64_t bcsim__secondary_region_size(void)
{
    return S.region;
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

static bool invalid_output(bcsim__rrec_t *r, uint32_t call, uint8_t during, const char *why,
                           bool paged, uint64_t ob)
{
    bcsim__call_finding(r, call, paged ? BCSIM_V_SECONDARY_BUFFER_NOT_RESIDENT : BCSIM_V_SECONDARY_INVALID_OUTPUT,
                        ob, "%s", why);
    bcsim__state_after(r, false, during, 4, call);
    if (!bcsim__m.cfg.secondary_skip_record_on_invalid) {
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
    uint32_t call;
    bool stop;
    if (!sdd_request(r, BCSIM_MIN(S.per_cb_limit, S.remaining), false, &call, &stop))
        return stop;
    if (bcsim__sdd_unmapped_own_buffer(d))
        bcsim__call_finding(r, call, BCSIM_V_SECONDARY_INVALID_OUTPUT, (uint64_t)d->out_buffer,
                            "OutBuffer %#llx returned by the size request is not mapped (checked again in the data request)",
                            (unsigned long long)d->out_buffer);
    /* Step 7: reserve its framed size. */
    uint64_t start = S.offset;
    S.offset = framed_next(S.offset, d->out_buffer_length, bcsim__m.cfg.secondary_packed);
    uint64_t used = S.offset - start + (start == BLOB_FILE_HEADER ? BLOB_FILE_HEADER : 0);
    S.remaining = used >= S.remaining ? 0 : S.remaining - used;
    bcsim__map_put(&S.size_of, (uint64_t)r, (uint64_t)d->out_buffer_length + 1);
    return S.remaining == 0;
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
    uint32_t last = UINT32_MAX;
    bool runaway = false, bad = false;
    for (uint32_t part = 0;; part++) {
        if (part >= cfg->multipart_max_parts) {
            runaway = true;
            break;
        }
        uint64_t maximum = BCSIM_MIN(S.per_cb_limit, S.remaining);
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
            BCSIM_VEC_FREE(&m.parts);
            return invalid_output(r, cb.call, 1, why, false, (uint64_t)x->out_buffer);
        }
        if (x->out_buffer_length) {
            if (m.parts.n == 0)
                m.guid = x->guid;
            else if (memcmp(&m.guid, &x->guid, sizeof(m.guid)))
                bcsim__call_finding(r, cb.call, BCSIM_V_MULTIPART_GUID_CHANGED, (uint64_t)r,
                                    "part %u changed the GUID; the first part's GUID tags the block", part);
        }
        uint32_t *slot = BCSIM_VEC_PUSH(&m.parts);
        if (slot)
            *slot = x->out_buffer_length;
        m.total += x->out_buffer_length;
        if (m.total > S.per_cb_limit) {
            runaway = true;
            break;
        }
        if (bcsim__rec_state(r, false) != 1 || !(x->flags & BCSIM__KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA))
            break;
    }
    if (runaway) {
        bcsim__call_finding(r, last, BCSIM_V_MULTIPART_RUNAWAY, (uint64_t)r,
                            "stopped after %zu parts and %llu bytes (bounds: %u parts, %llu bytes per callback)",
                            m.parts.n, (unsigned long long)m.total, cfg->multipart_max_parts,
                            (unsigned long long)S.per_cb_limit);
        bad = true;
    }
    if (bad || m.total == 0) {
        bcsim__state_after(r, false, 1, bad ? 4 : 3, last);
        BCSIM_VEC_FREE(&m.parts);
        return false;
    }
    uint64_t start = S.offset;
    if (cfg->multipart_blob_per_part) {
        for (size_t i = 0; i < m.parts.n; i++)
            if (m.parts.v[i])
                S.offset = framed_next(S.offset, m.parts.v[i], cfg->secondary_packed);
    } else {
        S.offset = framed_next(S.offset, m.total, cfg->secondary_packed);
    }
    uint64_t used = S.offset - start + (start == BLOB_FILE_HEADER ? BLOB_FILE_HEADER : 0);
    S.remaining = used >= S.remaining ? 0 : S.remaining - used;
    mp_rec_t *slot = BCSIM_VEC_PUSH(&S.mp);
    if (slot)
        *slot = m;
    else
        BCSIM_VEC_FREE(&m.parts);
    return S.remaining == 0;
}

void bcsim__phase_secondary_size(void)
{
    limits();
    S.aborted = false;
    S.region = 0;
    bcsim__map_clear(&S.size_of);
    for (size_t i = 0; i < S.mp.n; i++)
        BCSIM_VEC_FREE(&S.mp.v[i].parts);
    BCSIM_VEC_CLEAR(&S.mp);
    BCSIM_VEC_CLEAR(&S.guids);
    bcsim__run.secondary_state = BCSIM_STATUS_SUCCESS;
    if (S.skip)
        return;
    S.offset = BLOB_FILE_HEADER;
    S.remaining = S.total_limit;
    bcsim__walk_opts_t o = { .reason = BCSIM_REASON_SECONDARY_DUMP_DATA };
    bcsim__run.phase = BCSIM_PHASE_SECONDARY_SIZE;
    bcsim__walk(bcsim__m.lists.reason, &o, size_visit, NULL);
    if (!S.aborted && S.remaining) {
        o.reason = BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA;
        bcsim__run.phase = BCSIM_PHASE_MULTIPART_SIZE;
        bcsim__walk(bcsim__m.lists.reason, &o, mp_size_visit, NULL);
    }
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

static bool data_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__rrec_t *r = rec;
    bcsim__sdd_t *d = bcsim__osb.sdd;
    uint64_t left = S.region > S.offset ? S.region - S.offset : 0;
    uint32_t call;
    bool stop;
    if (!sdd_request(r, BCSIM_MIN(S.per_cb_limit, S.region), true, &call, &stop))
        return stop;
    uint64_t next = framed_next(S.offset, d->out_buffer_length, bcsim__m.cfg.secondary_packed);
    if (next - S.offset > left) {
        char why[256];
        snprintf(why, sizeof(why), "OutBufferLength %u does not fit in the %llu bytes the size request reserved",
                 d->out_buffer_length, (unsigned long long)left);
        return invalid_output(r, call, 2, why, false, (uint64_t)d->out_buffer);
    }
    uint64_t *sz = bcsim__map_get(&S.size_of, (uint64_t)r);
    if (sz && *sz - 1 != d->out_buffer_length)
        bcsim__call_finding(r, call, BCSIM_V_SECONDARY_SIZE_CHANGED, (uint64_t)r,
                            "size request %llu bytes, data request %u bytes", (unsigned long long)(*sz - 1),
                            d->out_buffer_length);
    bcsim_call_t *c = bcsim__call(call);
    /* Copy out before anything else runs: OutBuffer may be the scratch page. */
    uint8_t *copy = malloc(d->out_buffer_length);
    if (copy && bcsim__mem_read_harness((uint64_t)d->out_buffer, copy, d->out_buffer_length)) {
        S.offset = next;
        emit(r, call, &d->guid, copy, d->out_buffer_length, c ? c->component : NULL);
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
    if (!m || !m->total)
        return false;
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
        fill_ex(x, BCSIM_MIN(S.per_cb_limit, S.region));
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
    else if (!bad && more)
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
    bcsim__map_clear(&S.size_of);
    for (size_t i = 0; i < S.mp.n; i++)
        BCSIM_VEC_FREE(&S.mp.v[i].parts);
    BCSIM_VEC_FREE(&S.mp);
    BCSIM_VEC_FREE(&S.guids);
    memset(&S, 0, sizeof(S));
}
