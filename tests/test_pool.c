/*
 * tests/test_pool.c — the pool routines (src/nt/ex_pool.c over src/machine/pool.c and the arenas of
 * src/memory/memory.c): POOL_FLAGS and POOL_TYPE decoding, failures and raising forms, tags, sizes,
 * alignment, paged vs nonpaged, and Driver Verifier's pool rules (dispatcher-model.md 8.2, 9.2:
 * 0xC4/0x00, 0x01, 0x02, 0x10, 0x11, 0x12).
 *
 * Learn pages: "ExAllocatePool2", "ExAllocatePool3", "POOL_FLAGS", "POOL_TYPE",
 * "ExAllocatePoolWithTag", "ExAllocatePoolWithQuotaTag", "ExFreePoolWithTag", "ExFreePool2",
 * "Bug Check 0xC4".
 */
#include "bcsim_test.h"
#include "drivers/pool_drv.h"
#include "internal.h"
#include "memory/memory.h"

#define F_QUOTA 0x1ULL
#define F_UNINIT 0x2ULL
#define F_CACHE 0x8ULL
#define F_RESERVED1 0x10ULL
#define F_RAISE 0x20ULL
#define F_NONPAGED 0x40ULL
#define F_NONPAGED_EXEC 0x80ULL
#define F_PAGED 0x100ULL
#define TAG 0x31747354u               /* 'Tst1' */
#define NONPAGED_POOL 0
#define PAGED_POOL 1
#define NONPAGED_CACHE_ALIGNED 4
#define PAGED_CACHE_ALIGNED 5
#define PAGED_POOL_SESSION 33
#define NONPAGED_POOL_NX 512
#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE 8
#define STATUS_INSUFFICIENT_RESOURCES 0xC000009Au
#define HUGE ((size_t)1 << 40)

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static uint32_t class_of(const void *p)
{
    bool known;
    uint32_t c = bcsim__mem_class_of((uint64_t)p, &known);
    assert_true(known);
    return c;
}

static const bcsim_violation_t *only(bcsim_sim_t *sim, uint32_t id)
{
    const bcsim_violation_t *found = NULL;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        if (v->id != id) {
            bcsim_test_dump_violations(sim);
            fail_msg("unexpected %s", v->name);
        }
        assert_null(found);
        found = v;
    }
    assert_non_null(found);
    return found;
}

/* ---- ExAllocatePool2 ------------------------------------------------------------------------- */

static void alloc2_nonpaged_is_zeroed_nonpaged_and_tagged(void **state)
{
    bcsim_sim_t *sim = *state;
    unsigned char *p = pl_alloc2(F_NONPAGED, 100, TAG);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    assert_true(all_zero(p, 100));
    assert_int_equal(class_of(p), BCSIM__MEM_NONPAGED);
    const bcsim__alloc_t *al = bcsim__pool_find((uint64_t)p);
    assert_non_null(al);
    assert_int_equal(al->addr, (uint64_t)p);
    assert_int_equal(al->size, 100);
    assert_int_equal(al->tag, TAG);
    assert_false(al->paged);
    assert_int_equal(al->pool_type, NONPAGED_POOL_NX);
    memset(p, 0xAB, 100);
    pl_free_tag(p, TAG);
    assert_true(bcsim__pool_find((uint64_t)p)->freed);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void alloc2_paged_comes_from_paged_pool(void **state)
{
    bcsim_sim_t *sim = *state;
    void *p = pl_alloc2(F_PAGED, 64, TAG);
    assert_non_null(p);
    assert_int_equal(class_of(p), BCSIM__MEM_PAGED);
    assert_true(bcsim__pool_find((uint64_t)p)->paged);
    void *x = pl_alloc2(F_NONPAGED_EXEC, 64, TAG);
    assert_int_equal(class_of(x), BCSIM__MEM_NONPAGED);
    assert_int_equal(bcsim__pool_find((uint64_t)x)->pool_type, NONPAGED_POOL);
    pl_free(p);
    pl_free2(x, TAG);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Learn: a block of PAGE_SIZE or more is page aligned; a smaller one is 16-byte aligned and does
 * not cross a page; POOL_FLAG_CACHE_ALIGNED gives a cache line. */
static void alloc2_alignment(void **state)
{
    bcsim_sim_t *sim = *state;
    for (size_t n = 1; n < 3 * 4096; n = n * 3 + 7) {
        uintptr_t p = (uintptr_t)pl_alloc2(F_NONPAGED, n, TAG);
        assert_true(p);
        assert_int_equal(p % 16, 0);
        if (n >= 4096)
            assert_int_equal(p % 4096, 0);
        else
            assert_true(p / 4096 == (p + n - 1) / 4096);
    }
    for (int i = 0; i < 8; i++) {
        uintptr_t p = (uintptr_t)pl_alloc2(F_NONPAGED | F_CACHE, 24, TAG);
        assert_int_equal(p % 64, 0);
        assert_int_equal(bcsim__pool_find(p)->pool_type, NONPAGED_POOL_NX + 4);
    }
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* bcsim never reuses pool, so "uninitialized" memory is zero too (documented model). */
static void alloc2_uninitialized_and_quota_are_accepted(void **state)
{
    bcsim_sim_t *sim = *state;
    void *p = pl_alloc2(F_NONPAGED | F_UNINIT | F_QUOTA, 256, TAG);
    assert_non_null(p);
    assert_true(all_zero(p, 256));
    /* unknown optional (high 32) bits are ignored */
    assert_non_null(pl_alloc2(F_PAGED | (1ULL << 40), 8, TAG));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Learn: NULL for a zero tag or invalid POOL_FLAGS (not exactly one pool kind, reserved or
 * unknown required bits). */
static void alloc2_invalid_requests_return_null(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_null(pl_alloc2(0, 16, TAG));
    assert_null(pl_alloc2(F_NONPAGED | F_PAGED, 16, TAG));
    assert_null(pl_alloc2(F_NONPAGED | F_NONPAGED_EXEC, 16, TAG));
    assert_null(pl_alloc2(F_NONPAGED | F_RESERVED1, 16, TAG));
    assert_null(pl_alloc2(F_NONPAGED | 0x1000, 16, TAG));
    assert_null(pl_alloc2(F_NONPAGED, 16, 0));
    assert_null(pl_alloc2(F_NONPAGED, HUGE, TAG));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* POOL_FLAG_RAISE_ON_FAILURE: STATUS_INSUFFICIENT_RESOURCES instead of NULL, caught by the
 * driver's __except; without failure it does not raise. */
static void alloc2_raise_on_failure_raises(void **state)
{
    (void)state;
    void *p;
    assert_int_equal((uint32_t)pl_alloc2_catching(F_NONPAGED | F_RAISE, HUGE, TAG, &p),
                     STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal((uint32_t)pl_alloc2_catching(F_RAISE, 16, TAG, &p), STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(pl_alloc2_catching(F_NONPAGED | F_RAISE, 16, TAG, &p), 0);
    assert_non_null(p);
}

/* Unhandled, the exception is KMODE_EXCEPTION_NOT_HANDLED with the status as P1. */
static void unhandled_raise_bug_checks_0x1E(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(bcsim_sim_call(sim, pl_raise_unhandled, NULL), BCSIM_EBUGCHECK);
    const bcsim_result_t *r = bcsim_sim_last_result(sim);
    assert_int_equal(r->code, 0x1E);
    assert_int_equal(r->params[0], STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNHANDLED_EXCEPTION), 1);
}

static void alloc3_takes_extended_parameters(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_non_null(pl_alloc3(F_NONPAGED, 32, TAG, 0));
    assert_non_null(pl_alloc3(F_PAGED, 32, TAG, 1));
    assert_null(pl_alloc3(F_NONPAGED, 32, TAG, -1));      /* a count without an array */
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* ---- POOL_TYPE routines ------------------------------------------------------------------------ */

static void pool_types_decide_paged_or_nonpaged(void **state)
{
    bcsim_sim_t *sim = *state;
    const struct { int type; bool paged; uint32_t align; } t[] = {
        { NONPAGED_POOL, false, 16 }, { PAGED_POOL, true, 16 }, { NONPAGED_CACHE_ALIGNED, false, 64 },
        { PAGED_CACHE_ALIGNED, true, 64 }, { PAGED_POOL_SESSION, true, 16 }, { NONPAGED_POOL_NX, false, 16 },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        void *p = pl_alloc_tag(t[i].type, 40, TAG);
        assert_non_null(p);
        assert_int_equal(bcsim__pool_find((uint64_t)p)->paged, t[i].paged);
        assert_int_equal(bcsim__pool_find((uint64_t)p)->pool_type, t[i].type);
        assert_int_equal(class_of(p), t[i].paged ? BCSIM__MEM_PAGED : BCSIM__MEM_NONPAGED);
        assert_int_equal((uintptr_t)p % t[i].align, 0);
    }
    assert_non_null(pl_alloc_priority(PAGED_POOL, 8, TAG));
    assert_true(all_zero(pl_alloc_zero(NONPAGED_POOL_NX, 300, TAG), 300));
    assert_non_null(pl_alloc_uninitialized(NONPAGED_POOL_NX, 8, TAG));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* ExAllocatePool (deprecated) tags its blocks 'None'. */
static void untagged_allocations_are_tagged_None(void **state)
{
    (void)state;
    void *p = pl_alloc_untagged(NONPAGED_POOL, 8);
    assert_memory_equal(&bcsim__pool_find((uint64_t)p)->tag, "None", 4);
}

/* Learn: ExAllocatePoolWithQuotaTag raises on failure unless POOL_QUOTA_FAIL_INSTEAD_OF_RAISE. */
static void quota_allocation_raises_unless_told_not_to(void **state)
{
    (void)state;
    void *p;
    assert_int_equal((uint32_t)pl_alloc_quota_catching(NONPAGED_POOL, HUGE, TAG, &p),
                     STATUS_INSUFFICIENT_RESOURCES);
    assert_int_equal(pl_alloc_quota_catching(NONPAGED_POOL | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, HUGE, TAG, &p), 0);
    assert_null(p);
    assert_int_equal(pl_alloc_quota_catching(PAGED_POOL, 64, TAG, &p), 0);
    assert_non_null(p);
}

/* ---- Driver Verifier's pool rules ---------------------------------------------------------------- */

static void zero_byte_allocation_is_0xC4_0x00(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_non_null(pl_alloc2(F_NONPAGED, 0, TAG));
    const bcsim_violation_t *v = only(sim, BCSIM_V_POOL_ZERO_SIZE);
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], 0x00);
    assert_int_equal(v->bugcheck_params[2], NONPAGED_POOL_NX);
}

static void double_free_is_0xC4_0x10(void **state)
{
    bcsim_sim_t *sim = *state;
    void *p = pl_alloc2(F_NONPAGED, 32, TAG);
    pl_free(p);
    pl_free(p);
    const bcsim_violation_t *v = only(sim, BCSIM_V_POOL_INVALID_FREE);
    assert_int_equal(v->bugcheck_params[0], 0x10);
    assert_int_equal(v->bugcheck_params[1], (uint64_t)p);
    assert_non_null(strstr(v->message, "freed twice"));
}

static void free_of_a_non_allocation_is_0xC4_0x10(void **state)
{
    bcsim_sim_t *sim = *state;
    char *p = pl_alloc2(F_NONPAGED, 32, TAG);
    pl_free(p + 8);                          /* inside a block, not its start */
    const bcsim_violation_t *v = only(sim, BCSIM_V_POOL_INVALID_FREE);
    assert_int_equal(v->bugcheck_params[1], (uint64_t)(p + 8));
    assert_false(bcsim__pool_find((uint64_t)p)->freed);
}

static void free_with_the_wrong_tag_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    void *p = pl_alloc2(F_NONPAGED, 32, TAG);
    void *q = pl_alloc2(F_NONPAGED, 32, TAG);
    pl_free_tag(q, 0);                       /* a zero tag frees like ExFreePool */
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    pl_free_tag(p, TAG + 1);
    only(sim, BCSIM_V_POOL_INVALID_FREE);
}

/* At DISPATCH_LEVEL nonpaged pool is fine; paged pool is 0xC4/0x01 (P2 IRQL, P3 pool type, P4
 * size) and its free 0xC4/0x11. */
static void paged_pool_at_dispatch_is_0xC4_0x01(void **state)
{
    bcsim_sim_t *sim = *state;
    void *np = pl_alloc2_at(2, F_NONPAGED, 16, TAG);
    pl_free_at(2, np);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    void *p = pl_alloc2_at(2, F_PAGED, 77, TAG);
    assert_non_null(p);                      /* the allocation is still made */
    const bcsim_violation_t *v = only(sim, BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL);
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], 0x01);
    assert_int_equal(v->bugcheck_params[1], 2);
    assert_int_equal(v->bugcheck_params[2], PAGED_POOL);
    assert_int_equal(v->bugcheck_params[3], 77);
    pl_free_at(2, p);
    uint32_t n = bcsim_sim_violation_count(sim);
    const bcsim_violation_t *f = bcsim_sim_violation(sim, n - 1);
    assert_int_equal(f->id, BCSIM_V_POOL_FREE_AT_HIGH_IRQL);
    assert_int_equal(f->bugcheck_params[0], 0x11);
    assert_int_equal(f->bugcheck_params[3], (uint64_t)p);
}

/* R2 in a bug-check callback: 0xC4/0x02 (P2 15), the free 0xC4/0x12, once each. */
static void allocation_in_a_callback_is_0xC4_0x02(void **state)
{
    bcsim_sim_t *sim = *state;
    const uint64_t P[4] = { 0 };
    const bcsim_result_t *r;
    assert_true(pl_register());
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    assert_int_equal(r->violation_count, 2);
    assert_int_equal(r->violations[0].id, BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL);
    assert_int_equal(r->violations[0].bugcheck_params[0], 0x02);
    assert_int_equal(r->violations[0].bugcheck_params[1], 15);
    assert_int_equal(r->violations[0].bugcheck_params[2], NONPAGED_POOL_NX);
    assert_int_equal(r->violations[0].bugcheck_params[3], 48);
    assert_string_equal(r->violations[0].component, "pool_drv");
    assert_int_equal(r->violations[1].id, BCSIM_V_POOL_FREE_AT_HIGH_IRQL);
    assert_int_equal(r->violations[1].bugcheck_params[0], 0x12);
}

/* ---- the special pool: freed pool stays inaccessible (quarantine) ---------------------------- */

/* Every block starts on a page of its own; a freed block's pages fault. */
static void special_pool_gives_each_block_its_own_pages(void **state)
{
    (void)state;
    void *a = pl_alloc2(F_NONPAGED, 24, TAG), *b = pl_alloc2(F_NONPAGED, 24, TAG);
    assert_int_equal((uint64_t)a & 0xFFF, 0);
    assert_int_equal((uint64_t)b & 0xFFF, 0);
    assert_true((uint64_t)b - (uint64_t)a >= 0x1000 || (uint64_t)a - (uint64_t)b >= 0x1000);
    pl_free(a);
    assert_false(bcsim__probe_read(a, 1));
    assert_true(bcsim__probe_read(b, 24));
    assert_true(bcsim__pool_quarantined((uint64_t)a + 8, NULL));
    assert_false(bcsim__pool_quarantined((uint64_t)b, NULL));
}

/* Driver code that reads a freed block (outside any callback) is the finding Driver Verifier's
 * special pool raises, with the allocation and free sites; the machine bug-checks 0xD5. */
static void read_of_freed_pool_is_0xD5_with_both_sites(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(bcsim_sim_call(sim, pl_use_after_free, NULL), BCSIM_EBUGCHECK);
    const bcsim_violation_t *v = only(sim, BCSIM_V_POOL_USE_AFTER_FREE);
    assert_int_equal(v->bugcheck_code, 0xD5);
    assert_int_equal(v->bugcheck_params[1], 0);            /* a read */
    assert_non_null(strstr(v->file, "pool_drv.c"));
    assert_non_null(strstr(v->message, "allocated at"));
    assert_non_null(strstr(v->message, "freed at"));
    assert_non_null(strstr(v->message, "pool_drv.c"));
    assert_int_equal(bcsim_sim_last_result(sim)->code, 0xD5);
}

/* The quarantine is bounded: with pool.quarantine = 0 a freed span serves the next block of the
 * same size at once (zeroed); by default the next block gets new pages. */
static void quarantine_is_bounded_by_its_knob(void **state)
{
    bcsim_sim_t *sim = *state;
    void *a = pl_alloc2(F_NONPAGED, 100, TAG);
    memset(a, 0x5A, 100);
    pl_free(a);
    void *b = pl_alloc2(F_NONPAGED, 100, TAG);
    assert_ptr_not_equal(a, b);
    bcsim_sim_config(sim)->pool_quarantine = 0;
    pl_free(b);
    void *c = pl_alloc2(F_NONPAGED, 100, TAG);
    assert_ptr_equal(b, c);
    assert_true(all_zero(c, 100));
    assert_true(bcsim__probe_read(c, 100));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* With the verifier off there is no special pool: blocks are packed, as without Driver
 * Verifier, and nothing is made inaccessible. */
static void no_special_pool_without_the_verifier(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_sim_config(sim)->verifier = false;
    void *a = pl_alloc2(F_NONPAGED, 24, TAG), *b = pl_alloc2(F_NONPAGED, 24, TAG);
    assert_true((uint64_t)b - (uint64_t)a < 0x1000);
    pl_free(a);
    assert_true(bcsim__probe_read(a, 24));
    assert_false(bcsim__pool_quarantined((uint64_t)a, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(special_pool_gives_each_block_its_own_pages),
        BCSIM_TEST(read_of_freed_pool_is_0xD5_with_both_sites),
        BCSIM_TEST(quarantine_is_bounded_by_its_knob),
        BCSIM_TEST(no_special_pool_without_the_verifier),
        BCSIM_TEST(alloc2_nonpaged_is_zeroed_nonpaged_and_tagged),
        BCSIM_TEST(alloc2_paged_comes_from_paged_pool),
        BCSIM_TEST(alloc2_alignment),
        BCSIM_TEST(alloc2_uninitialized_and_quota_are_accepted),
        BCSIM_TEST(alloc2_invalid_requests_return_null),
        BCSIM_TEST(alloc2_raise_on_failure_raises),
        BCSIM_TEST(unhandled_raise_bug_checks_0x1E),
        BCSIM_TEST(alloc3_takes_extended_parameters),
        BCSIM_TEST(pool_types_decide_paged_or_nonpaged),
        BCSIM_TEST(untagged_allocations_are_tagged_None),
        BCSIM_TEST(quota_allocation_raises_unless_told_not_to),
        BCSIM_TEST(zero_byte_allocation_is_0xC4_0x00),
        BCSIM_TEST(double_free_is_0xC4_0x10),
        BCSIM_TEST(free_of_a_non_allocation_is_0xC4_0x10),
        BCSIM_TEST(free_with_the_wrong_tag_is_reported),
        BCSIM_TEST(paged_pool_at_dispatch_is_0xC4_0x01),
        BCSIM_TEST(allocation_in_a_callback_is_0xC4_0x02),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
