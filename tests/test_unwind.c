/*
 * tests/test_unwind.c — stack walks over real frames (src/machine/unwind.c, src/machine/capture.S,
 * src/nt/rtl_stack.c): RtlCaptureStackBackTrace, RtlGetCallersAddress, RtlCaptureContext,
 * RtlLookupFunctionEntry and RtlVirtualUnwind return the driver's own frames and registers, and
 * a walk from a bug-check callback ends (Rip 0) at the simulated kernel stack's base.
 *
 * Learn pages: "RtlCaptureStackBackTrace" (BackTrace[0] is the return address of the most recent
 * call, identical traces hash alike), "RtlCaptureContext"; RtlLookupFunctionEntry and
 * RtlVirtualUnwind as README "Stack walks" models them.
 */
#include "bcsim_test.h"
#include "drivers/unwind_drv.h"

static const uint64_t P[4] = { 0, 0, 0, 0 };

/* Return address `ra` lies inside function `fn` (code of a few hundred bytes at most). */
static bool inside(void *ra, void *fn)
{
    return (uintptr_t)ra > (uintptr_t)fn && (uintptr_t)ra - (uintptr_t)fn < 0x400;
}

static void check_chain(const uw_seen_t *s)
{
    assert_true(s->n >= 3);
    assert_true(inside(s->frames[0], s->level2));
    assert_true(inside(s->frames[1], s->level1));
    assert_true(inside(s->frames[2], s->top));
    /* Function table entries cover the functions exactly. */
    assert_ptr_equal(s->fn_of_frame[0], s->level2);
    assert_ptr_equal(s->fn_of_frame[1], s->level1);
    assert_ptr_equal(s->fn_of_frame[2], s->top);
    unsigned sum = 0;
    for (unsigned i = 0; i < s->n; i++)
        sum += (unsigned)(uintptr_t)s->frames[i];
    assert_int_equal(s->hash, sum);
    assert_ptr_equal(s->callers[0], s->frames[1]);
    assert_ptr_equal(s->callers[1], s->frames[2]);
    assert_true(s->lookup_of_data_is_null);
    /* The frames lie on the stack IoGetStackLimits names; RtlPcToFileHeader's image is the
     * ImageBase of the function table entry. */
    assert_true(s->stack_low < s->stack_high);
    assert_ptr_equal(s->initial_stack, (void *)(uintptr_t)s->stack_high);
    assert_true(s->remaining > 0 && s->remaining < s->stack_high - s->stack_low);
    assert_non_null(s->image_of_frame0);
    assert_ptr_equal(s->image_base_of_frame0, s->image_of_frame0);
    /* RtlCaptureContext: the caller's registers; ContextFlags CONTEXT_FULL | CONTEXT_SEGMENTS. */
    assert_int_equal(s->rbx_captured, s->rbx_expected);
    assert_int_equal(s->context_flags, 0x10000F);
    /* The RtlVirtualUnwind walk visits the same return addresses. */
    assert_true(s->walk_n >= 2);
    assert_ptr_equal(s->walk[0], s->frames[1]);
    assert_ptr_equal(s->walk[1], s->frames[2]);
}

static void walk_on_a_thread_stack_returns_the_callers(void **state)
{
    (void)state;
    uw_run();
    check_chain(uw_seen());
}

static void walk_in_a_callback_ends_at_the_kernel_stack_base(void **state)
{
    bcsim_sim_t *sim = *state;
    const bcsim_result_t *r;
    assert_true(uw_register());
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    const uw_seen_t *s = uw_seen();
    check_chain(s);
    assert_true(s->walk_ended);
    assert_true(s->walk_n < 16);
    /* The back trace stops where the walk does: the last frame is the stack's entry. */
    assert_int_equal(s->n, s->walk_n + 1);
    /* On the simulated kernel stack: 24 KiB (1 MiB in sanitizer builds). */
    assert_true(s->stack_high - s->stack_low <= (1u << 20));
    assert_int_equal(bcsim_test_violations(sim), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(walk_on_a_thread_stack_returns_the_callers),
        BCSIM_TEST(walk_in_a_callback_ends_at_the_kernel_stack_base),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
