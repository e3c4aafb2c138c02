/*
 * tests/test_mm.c — the memory-manager routines (src/machine/mm.c, src/nt/mm_memory.c, src/nt/mm_mdl.c,
 * src/nt/hal_registers.c): MmIsAddressValid answers from the memory registry (paged pool
 * included, R7 inside callbacks), MmGetPhysicalAddress gives stable, page-consistent synthetic
 * addresses below 2^44 (driver-patterns.md 15), contiguous memory is page aligned and in the
 * dump, MmAllocatePagesForMdl pages stay out of the default dump until an AddPages callback
 * adds them by physical address, MDLs are built and probed, I/O-space mappings are modelled
 * device memory whose register accesses are logged and scriptable, and the 0xC4 subcodes of
 * dispatcher-model.md 9.2 (0x70, 0x73, 0x7E).
 *
 * Learn pages: "MmIsAddressValid", "MmGetPhysicalAddress", "MmGetVirtualForPhysical",
 * "MmAllocateContiguousMemory(SpecifyCache)", "MmFreeContiguousMemory", "MmMapIoSpace",
 * "MmUnmapIoSpace", "MmAllocatePagesForMdlEx", "MmFreePagesFromMdl",
 * "MmMapLockedPagesSpecifyCache", "IoAllocateMdl", "MmBuildMdlForNonPagedPool",
 * "MmProbeAndLockPages", "READ_REGISTER_ULONG", "Writing a Bug Check Reason Callback Routine".
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"
#include "drivers/mm_drv.h"

#include <unistd.h>

#define PAGE 4096ULL
#define MDL_PAGES_LOCKED 0x2
#define MDL_SOURCE_IS_NONPAGED_POOL 0x4
#define MDL_WRITE_OPERATION 0x80
#define STATUS_ACCESS_VIOLATION 0xC0000005u
#define DEVICE_PA 0xFED00000ULL

static const uint64_t P[4] = { 1, 2, 3, 4 };
static char dump_path[128];
static bcsim_sim_t *live_sim;

static bcsim_sim_t *boot(uint32_t dump_type, bool live)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = dump_type;
    cfg.live = live;
    cfg.secondary_builtin = false;
    snprintf(dump_path, sizeof(dump_path), "/tmp/bcsim-test-mm-%d.dmp", (int)getpid());
    cfg.dump_path = dump_type != BCSIM_DUMP_NONE ? dump_path : NULL;
    bcsim_sim_t *sim;
    assert_int_equal(bcsim_sim_create(&cfg, &sim), 0);
    live_sim = sim;
    return sim;
}

static int teardown(void **state)
{
    (void)state;
    if (live_sim)
        bcsim_sim_destroy(live_sim);
    live_sim = NULL;
    unlink(dump_path);
    return 0;
}

static const bcsim_result_t *crash(bcsim_sim_t *sim)
{
    const bcsim_result_t *r;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &r), 0);
    return r;
}

static const bcsim_violation_t *only(bcsim_sim_t *sim, uint32_t id)
{
    if (bcsim_sim_violation_count(sim) != 1 || bcsim_sim_violation(sim, 0)->id != id) {
        bcsim_test_dump_violations(sim);
        fail_msg("expected exactly one %s", bcsim_violation_name(id));
    }
    return bcsim_sim_violation(sim, 0);
}

/* ---- MmIsAddressValid ------------------------------------------------------------------------ */

static void validity_answers_from_the_registry(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    assert_true(mm_valid(mm_global()));
    assert_true(mm_valid(mm_nonpaged(64)));
    assert_true(mm_valid(mm_paged(64)));          /* paged pool is resident outside a bug check */
    assert_false(mm_valid(NULL));
    assert_false(mm_valid((void *)0x1000));
    void *reg = mm_io_map(DEVICE_PA, 64);
    assert_true(mm_valid(reg));
    mm_io_unmap(reg, 64);
    assert_false(mm_valid(reg));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Inside a bug-check callback (R7: allowed) paged pool is not valid: bcsim keeps it
 * inaccessible, as the callback must not touch it. */
static void paged_pool_is_invalid_during_a_bug_check(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    void *paged = mm_paged(64), *nonpaged = mm_nonpaged(64);
    assert_true(mm_register(MM_CB_VALIDITY, paged, nonpaged, mm_global(), NULL));
    crash(sim);
    const mm_seen_t *s = mm_seen();
    assert_int_equal(s->calls, 1);
    assert_false(s->valid[0]);
    assert_true(s->valid[1]);
    assert_true(s->valid[2]);
    assert_false(s->valid[3]);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Outside callbacks the documented maximum (DISPATCH_LEVEL) applies: 0x121, P1 = 2. */
static void validity_above_dispatch_outside_callbacks_is_0x121(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    assert_true(mm_valid_at_high(mm_global()));
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_TOO_HIGH);
    assert_int_equal(v->bugcheck_code, 0x121);
    assert_int_equal(v->bugcheck_params[0], 2);
    assert_int_equal(v->bugcheck_params[1], 15);
    assert_int_equal(v->bugcheck_params[2], 2);
}

/* R7: in a TriageDumpData callback only with KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE. */
static void triage_without_bugcheck_active_is_unsafe(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    assert_true(mm_register(MM_CB_TRIAGE_VALIDITY, mm_global(), NULL, NULL, NULL));
    crash(sim);
    assert_true(mm_seen()->valid[0]);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    bcsim_sim_destroy(sim);
    sim = boot(BCSIM_DUMP_NONE, true);                     /* live dump: Flags lack the bit */
    assert_true(mm_register(MM_CB_TRIAGE_VALIDITY, mm_global(), NULL, NULL, NULL));
    crash(sim);
    const bcsim_violation_t *v = only(sim, BCSIM_V_MMISADDRESSVALID_UNSAFE);
    assert_int_equal(v->severity, BCSIM_SEV_WARNING);
    assert_string_equal(v->component, "mm_drv");
    assert_int_equal(v->reason, BCSIM_REASON_TRIAGE_DUMP_DATA);
}

/* ---- physical addresses ------------------------------------------------------------------------- */

static void physical_addresses_are_stable_page_consistent_and_small(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    unsigned char *p = mm_nonpaged(3 * PAGE);
    unsigned char *objs[] = { p, p + 1, p + 4095, p + 2 * PAGE + 17, mm_global(), mm_paged(16) };
    for (size_t i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        unsigned long long pa = mm_pa(objs[i]);
        assert_true(pa != 0);
        assert_int_equal(pa, mm_pa(objs[i]));                        /* stable */
        assert_int_equal(pa & 0xFFF, (uintptr_t)objs[i] & 0xFFF);     /* same page offset */
        assert_true(pa < (1ULL << 44));                              /* PFN fits 32 bits */
        assert_ptr_equal(mm_va(pa), objs[i]);
    }
    assert_int_equal(mm_pa(p + 1), mm_pa(p) + 1);
    assert_int_equal(mm_pa((void *)0x1000), 0);
    assert_null(mm_va(0x1000));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* ---- contiguous memory --------------------------------------------------------------------------- */

static void contiguous_memory_is_aligned_contiguous_and_dumped(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false);
    unsigned char *p = mm_contig(3 * PAGE, ~0ULL >> 1);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % PAGE, 0);
    unsigned long long pa = mm_pa(p);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(mm_pa(p + i * PAGE), pa + i * PAGE);
        memset(p + i * PAGE, 'a' + i, PAGE);
    }
    /* constraints bcsim cannot meet give NULL: below 16 MiB (frames start at 256 MiB), or
     * three pages within an 8 KiB boundary */
    assert_null(mm_contig(PAGE, 0xFFFFFF));
    assert_null(mm_contig_ex(3 * PAGE, 0, ~0ULL >> 1, 2 * PAGE));
    unsigned char *q = mm_contig_ex(PAGE, 0, ~0ULL >> 1, 0);
    assert_non_null(q);
    mm_contig_free(q);
    assert_false(mm_valid(q));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    mm_contig_free(q);
    only(sim, BCSIM_V_POOL_INVALID_FREE);

    const bcsim_result_t *r = crash(sim);
    assert_int_equal(r->dump_status, 0);
    bcsim_dump_t *d;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    unsigned char page[PAGE], want[PAGE];
    for (int i = 0; i < 3; i++) {
        memset(want, 'a' + i, PAGE);
        assert_int_equal(bcsim_dump_read_physical(d, pa + i * PAGE, page, PAGE, NULL), 0);
        assert_memory_equal(page, want, PAGE);
    }
    assert_int_equal(bcsim_dump_read_virtual(d, (uintptr_t)p, page, PAGE, NULL), 0);
    assert_int_equal(page[0], 'a');
    bcsim_dump_close(d);
}

/* ---- pages for MDLs ------------------------------------------------------------------------------ */

/* Driver-owned physical pages: not in the dump's default page set; an AddPages callback that
 * adds them by physical address puts them in, with their content. */
static void mdl_pages_are_dumped_only_when_added(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false);
    unsigned long long pfn[2] = { 0 };
    void *mapped = NULL;
    void *mdl = mm_pages_mdl(2 * PAGE, pfn, 2, &mapped);
    assert_non_null(mdl);
    assert_non_null(mapped);
    assert_int_equal(pfn[1], pfn[0] + 1);
    assert_true(pfn[0] < (1ULL << 32));
    assert_int_equal(mm_pa(mapped), pfn[0] * PAGE);
    assert_int_equal(((unsigned char *)mapped)[PAGE], 'B');

    crash(sim);
    bcsim_dump_t *d;
    uint64_t off;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    assert_int_equal(bcsim_dump_page_offset(d, pfn[0], &off), BCSIM_ENOTFOUND);
    assert_int_equal(bcsim_dump_page_offset(d, pfn[1], &off), BCSIM_ENOTFOUND);
    bcsim_dump_close(d);

    assert_int_equal(bcsim_sim_reboot(sim), 0);
    assert_true(mm_register(MM_CB_ADD_PAGES, (void *)(uintptr_t)(pfn[0] * PAGE), (void *)2, NULL, NULL));
    const bcsim_result_t *r = crash(sim);
    assert_int_equal(mm_seen()->calls, 1);
    assert_int_equal(r->range_count, 1);
    assert_true(r->ranges[0].physical);
    assert_int_equal(r->ranges[0].address, pfn[0] * PAGE);
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    unsigned char page[PAGE], want[PAGE];
    for (int i = 0; i < 2; i++) {
        memset(want, 'A' + i, PAGE);
        assert_int_equal(bcsim_dump_read_physical(d, (pfn[0] + i) * PAGE, page, PAGE, NULL), 0);
        assert_memory_equal(page, want, PAGE);
    }
    bcsim_dump_close(d);

    assert_int_equal(bcsim_sim_reboot(sim), 0);
    mm_pages_mdl_free(mdl, mapped);
    assert_false(mm_valid(mapped));
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void mdl_pages_above_dispatch_is_0xC4_0x7E(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    assert_non_null(mm_pages_mdl_at_high());
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_TOO_HIGH);
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], 0x7E);
    assert_int_equal(v->bugcheck_params[1], 15);
    assert_int_equal(v->bugcheck_params[2], 2);
}

/* ---- MDLs over driver buffers --------------------------------------------------------------------- */

static void mdl_for_nonpaged_pool_lists_its_frames(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    unsigned char *buf = (unsigned char *)mm_nonpaged(3 * PAGE) + 100;
    unsigned long long pfns[4];
    unsigned flags = 0;
    void *sysva = NULL;
    int pages = mm_mdl_build(buf, 5000, pfns, 4, &flags, &sysva);
    assert_int_equal(pages, 2);
    for (int i = 0; i < pages; i++)
        assert_int_equal(pfns[i], mm_pa((void *)(((uintptr_t)buf & ~0xFFFULL) + i * PAGE)) / PAGE);
    assert_true(flags & MDL_SOURCE_IS_NONPAGED_POOL);
    assert_ptr_equal(sysva, buf);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

static void probe_and_lock_locks_or_raises(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    unsigned locked = 0, unlocked = 0;
    assert_int_equal(mm_probe(mm_nonpaged(256), 256, &locked, &unlocked), 0);
    assert_true(locked & MDL_PAGES_LOCKED);
    assert_true(locked & MDL_WRITE_OPERATION);
    assert_false(unlocked & MDL_PAGES_LOCKED);
    assert_int_equal((uint32_t)mm_probe((void *)0x1000, 64, &locked, &unlocked), STATUS_ACCESS_VIOLATION);
    assert_false(locked & MDL_PAGES_LOCKED);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* Pageable memory is probed at IRQL <= APC_LEVEL: at DISPATCH_LEVEL 0xC4/0x70 (P3 the MDL). */
static void probing_pageable_memory_at_dispatch_is_0xC4_0x70(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    void *np = mm_nonpaged(64);
    mm_probe_at_dispatch(np, 64);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    mm_probe_at_dispatch(mm_paged(64), 64);
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_TOO_HIGH);
    assert_int_equal(v->bugcheck_code, 0xC4);
    assert_int_equal(v->bugcheck_params[0], 0x70);
    assert_int_equal(v->bugcheck_params[1], 2);
    assert_true(v->bugcheck_params[2] != 0);
}

/* ---- I/O space and registers ------------------------------------------------------------------------ */

static void io_space_above_dispatch_is_0xC4_0x73(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_NONE, false);
    assert_non_null(mm_io_map_at_high(DEVICE_PA, 0x2000));
    const bcsim_violation_t *v = only(sim, BCSIM_V_IRQL_TOO_HIGH);
    assert_int_equal(v->bugcheck_params[0], 0x73);
    assert_int_equal(v->bugcheck_params[1], 15);
    assert_int_equal(v->bugcheck_params[2], DEVICE_PA);
    assert_int_equal(v->bugcheck_params[3], 0x2000);
}

/* The mapping remembers the device address; register accesses from a callback are performed,
 * logged (address, width, value, IRQL, callback) and scriptable; device memory is never dumped. */
static void io_space_registers_are_logged_and_scriptable(void **state)
{
    (void)state;
    bcsim_sim_t *sim = boot(BCSIM_DUMP_BITMAP, false);
    unsigned char *reg = mm_io_map(DEVICE_PA + 0x10, 0x100);
    assert_non_null(reg);
    assert_int_equal((uintptr_t)reg & 0xFFF, 0x10);
    assert_int_equal(mm_pa(reg + 4), DEVICE_PA + 0x14);
    assert_ptr_equal(mm_va(DEVICE_PA + 0x14), reg + 4);
    const uint64_t script[] = { 7, 9 };
    assert_int_equal(bcsim_sim_port_script(sim, (uintptr_t)(reg + 8), true, script, 2), 0);
    assert_true(mm_register(MM_CB_REGISTERS, reg, NULL, NULL, NULL));
    const bcsim_result_t *r = crash(sim);
    const mm_seen_t *s = mm_seen();
    assert_int_equal(s->reg_read[0], 0x1234);          /* the memory's value */
    assert_int_equal(s->reg_read[1], 7);               /* the script, in order */
    assert_int_equal(s->reg_read[2], 9);
    assert_int_equal(s->reg_read[3], 0x0201);          /* the buffer write reached the memory */
    assert_int_equal(r->port_count, 1 + 3 + 4 + 1);
    const bcsim_port_access_t *a = &r->ports[0];
    assert_int_equal(a->address, (uintptr_t)(reg + 4));
    assert_true(a->write);
    assert_true(a->is_register);
    assert_int_equal(a->width, 4);
    assert_int_equal(a->value, 0x1234);
    assert_int_equal(a->irql, 15);
    assert_int_equal(a->call_seq, 0);
    assert_false(r->ports[1].write);
    assert_int_equal(r->ports[1].value, 0x1234);
    assert_int_equal(r->ports[2].value, 7);
    assert_int_equal(r->ports[4].width, 1);
    assert_int_equal(r->ports[8].width, 2);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
    bcsim_dump_t *d;
    uint64_t pa;
    assert_int_equal(bcsim_dump_open(dump_path, &d), 0);
    assert_int_equal(bcsim_dump_translate(d, (uintptr_t)reg, &pa), BCSIM_ENOTFOUND);
    bcsim_dump_close(d);
    mm_io_unmap(reg, 0x100);
    assert_int_equal(mm_pa(reg + 4), 0);
    assert_false(mm_valid(reg));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(validity_answers_from_the_registry, teardown),
        cmocka_unit_test_teardown(paged_pool_is_invalid_during_a_bug_check, teardown),
        cmocka_unit_test_teardown(validity_above_dispatch_outside_callbacks_is_0x121, teardown),
        cmocka_unit_test_teardown(triage_without_bugcheck_active_is_unsafe, teardown),
        cmocka_unit_test_teardown(physical_addresses_are_stable_page_consistent_and_small, teardown),
        cmocka_unit_test_teardown(contiguous_memory_is_aligned_contiguous_and_dumped, teardown),
        cmocka_unit_test_teardown(mdl_pages_are_dumped_only_when_added, teardown),
        cmocka_unit_test_teardown(mdl_pages_above_dispatch_is_0xC4_0x7E, teardown),
        cmocka_unit_test_teardown(mdl_for_nonpaged_pool_lists_its_frames, teardown),
        cmocka_unit_test_teardown(probe_and_lock_locks_or_raises, teardown),
        cmocka_unit_test_teardown(probing_pageable_memory_at_dispatch_is_0xC4_0x70, teardown),
        cmocka_unit_test_teardown(io_space_above_dispatch_is_0xC4_0x73, teardown),
        cmocka_unit_test_teardown(io_space_registers_are_logged_and_scriptable, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
