/*
 * tests/test_records_property.c — random interleavings of KeInitializeCallbackRecord,
 * KeRegister and KeDeregister routines, field corruption, bug checks and reboots over 128 records,
 * checked after every step against a model of dispatcher-model.md 2-5: every return value,
 * every State byte, checksum validity, and each list's exact membership and order as
 * bcsim_records_next() walks it, plus bcsim's own bookkeeping. 100,000 steps.
 */
#include "bcsim_test.h"
#include "drivers/records_drv.h"
#include "internal.h"

#define N 64           /* records per kind (records_drv.c has 64 of each) */
#define STEPS 100000

typedef struct model_rec {
    bool legacy;
    int index;
    uint8_t state;
    bool linked;
    bool modified;     /* a checksum-relevant field changed after registration */
    int32_t reason;
} model_rec_t;

static model_rec_t recs[2 * N];
/* Lists in call order: indices into recs. */
static int legacy_list[2 * N], reason_list[2 * N], pages_list[2 * N];
static int n_legacy, n_reason, n_pages;

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static void *addr(int r)
{
    return recs[r].legacy ? td_legacy(recs[r].index) : td_reason(recs[r].index);
}

static uint8_t *state_byte(int r)
{
    return (uint8_t *)addr(r) + (recs[r].legacy ? 0x38 : 0x2C);
}

static int *list_of(int r, int **count)
{
    if (recs[r].legacy) {
        *count = &n_legacy;
        return legacy_list;
    }
    if (recs[r].reason == 4 || recs[r].reason == 6) {
        *count = &n_pages;
        return pages_list;
    }
    *count = &n_reason;
    return reason_list;
}

static void list_insert(int r)
{
    int *n;
    int *l = list_of(r, &n);
    if (!recs[r].legacy && recs[r].reason == 7) {
        l[(*n)++] = r;                       /* TriageDumpData: tail */
    } else {
        memmove(l + 1, l, (size_t)*n * sizeof(int));
        l[0] = r;                            /* everything else: head */
        (*n)++;
    }
}

static void list_remove(int r)
{
    int *n;
    int *l = list_of(r, &n);
    for (int i = 0; i < *n; i++)
        if (l[i] == r) {
            memmove(l + i, l + i + 1, (size_t)(*n - i - 1) * sizeof(int));
            (*n)--;
            return;
        }
    fail_msg("model: record %d not in its list", r);
}

static void check_list(uint32_t which, const int *l, int n, uint64_t step)
{
    bcsim_record_iter_t it;
    bcsim_record_info_t info;
    bcsim_records_begin(&it, which);
    for (int i = 0; i < n; i++) {
        if (!bcsim_records_next(&it, &info))
            fail_msg("step %llu: list %u ends after %d of %d records", (unsigned long long)step, which, i, n);
        if (info.record != addr(l[i]))
            fail_msg("step %llu: list %u position %d holds %p, the model says %p",
                     (unsigned long long)step, which, i, info.record, addr(l[i]));
        if (info.checksum_valid == recs[l[i]].modified)
            fail_msg("step %llu: record %d checksum_valid %d, modified %d", (unsigned long long)step,
                     l[i], info.checksum_valid, recs[l[i]].modified);
        if (info.state != recs[l[i]].state)
            fail_msg("step %llu: record %d State %u, the model says %u", (unsigned long long)step, l[i],
                     info.state, recs[l[i]].state);
    }
    if (bcsim_records_next(&it, &info))
        fail_msg("step %llu: list %u has more records than the model's %d", (unsigned long long)step, which, n);
}

static void check_all(uint64_t step)
{
    for (int r = 0; r < 2 * N; r++)
        if (*state_byte(r) != recs[r].state)
            fail_msg("step %llu: record %d State byte %u, the model says %u", (unsigned long long)step, r,
                     *state_byte(r), recs[r].state);
    check_list(BCSIM_LIST_LEGACY, legacy_list, n_legacy, step);
    check_list(BCSIM_LIST_REASON, reason_list, n_reason, step);
    check_list(BCSIM_LIST_PAGES, pages_list, n_pages, step);
    /* bcsim's bookkeeping: a record it believes linked is exactly one the model has linked */
    for (int r = 0; r < 2 * N; r++) {
        uint64_t *idx = bcsim__map_get(&bcsim__m.recinfo, (uint64_t)addr(r));
        bool linked = idx && bcsim__m.recs.v[*idx].linked;
        if (linked != recs[r].linked)
            fail_msg("step %llu: bookkeeping says record %d linked=%d, the model %d",
                     (unsigned long long)step, r, linked, recs[r].linked);
    }
}

static const int32_t reasons[] = { 1, 2, 3, 4, 6, 7 };

static void op_init(int r)
{
    if (recs[r].legacy)
        td_init_legacy(recs[r].index);
    else
        td_init_reason(recs[r].index);
    recs[r].state = 0;                       /* linked records stay linked (re-init while registered) */
}

static void op_register(int r)
{
    bool expect;
    if (!recs[r].legacy && !recs[r].linked)
        recs[r].reason = reasons[next_rand() % (sizeof(reasons) / sizeof(reasons[0]))];
    if (recs[r].state != 0)
        expect = false;                      /* only from BufferEmpty */
    else if (recs[r].linked)
        expect = false;                      /* duplicate check */
    else
        expect = true;
    unsigned char got = recs[r].legacy ? td_register_legacy(recs[r].index, "prop")
                                       : td_register_reason(recs[r].index, recs[r].reason, "prop");
    if (got != expect)
        fail_msg("register record %d returned %u, the model says %d (state %u linked %d)", r, got, expect,
                 recs[r].state, recs[r].linked);
    if (expect) {
        recs[r].state = 1;
        recs[r].linked = true;
        recs[r].modified = false;
        list_insert(r);
    }
}

static void op_deregister(int r)
{
    bool expect = recs[r].state == 1;
    unsigned char got = recs[r].legacy ? td_deregister_legacy(recs[r].index)
                                       : td_deregister_reason(recs[r].index);
    if (got != expect)
        fail_msg("deregister record %d returned %u, the model says %d", r, got, expect);
    if (expect) {
        recs[r].state = 0;
        recs[r].linked = false;
        list_remove(r);
    }
}

/* Toggle a checksum-relevant field: legacy Length, reason Component. */
static void op_corrupt(int r)
{
    if (!recs[r].linked)
        return;
    if (recs[r].legacy)
        ((uint32_t *)addr(r))[0x20 / 4] ^= 1;
    else
        ((uint8_t **)addr(r))[0x18 / 8] += recs[r].modified ? -1 : 1;
    recs[r].modified = !recs[r].modified;
}

static void op_bugcheck(bcsim_sim_t *sim)
{
    TdLogCount = 0;
    const bcsim_result_t *res;
    const uint64_t p[4] = { 0 };
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, p, &res), 0);
    /* dump none: reserved 1 (-> 3), triage (no array -> 4), legacy (-> 3) run; the rest wait */
    for (int r = 0; r < 2 * N; r++) {
        if (recs[r].state != 1 || recs[r].modified)
            continue;
        if (recs[r].legacy || recs[r].reason == 1)
            recs[r].state = 3;
        else if (recs[r].reason == 7)
            recs[r].state = 4;
    }
    /* the machine halted: check, then reboot (lists forgotten, driver memory kept) */
    for (int r = 0; r < 2 * N; r++)
        if (*state_byte(r) != recs[r].state)
            fail_msg("after the bug check record %d State %u, the model says %u", r, *state_byte(r),
                     recs[r].state);
    assert_int_equal(bcsim_sim_reboot(sim), 0);
    /* a reboot returns still-registered records (State 1) to BufferEmpty */
    for (int r = 0; r < 2 * N; r++) {
        if (recs[r].linked && recs[r].state == 1)
            recs[r].state = 0;
        recs[r].linked = false;
    }
    n_legacy = n_reason = n_pages = 0;
}

static void random_interleavings_keep_lists_and_bookkeeping_consistent(void **state)
{
    bcsim_sim_t *sim = *state;
    td_reset();
    for (int i = 0; i < N; i++) {
        recs[i] = (model_rec_t){ .legacy = true, .index = i };
        recs[N + i] = (model_rec_t){ .legacy = false, .index = i, .reason = 2 };
    }
    n_legacy = n_reason = n_pages = 0;
    for (uint64_t step = 0; step < STEPS; step++) {
        int r = (int)(next_rand() % (2 * N));
        uint32_t op = next_rand() % 1000;
        if (op < 300)
            op_init(r);
        else if (op < 650)
            op_register(r);
        else if (op < 900)
            op_deregister(r);
        else if (op < 999)
            op_corrupt(r);
        else
            op_bugcheck(sim);
        /* every step: the touched record; every 64 steps: everything */
        if (*state_byte(r) != recs[r].state)
            fail_msg("step %llu: record %d State %u, the model says %u", (unsigned long long)step, r,
                     *state_byte(r), recs[r].state);
        if ((step & 63) == 0 || op >= 999)
            check_all(step);
    }
    check_all(STEPS);
    /* misuse is reported (re-registration, double registration...), never a crash */
    assert_true(bcsim_sim_violation_count(sim) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(random_interleavings_keep_lists_and_bookkeeping_consistent),
    };
    return cmocka_run_group_tests_name("records_property", tests, NULL, NULL);
}
