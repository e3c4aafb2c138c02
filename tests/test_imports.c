/*
 * tests/test_imports.c — a module importing what bcsim does not provide still loads
 * (src/machine/imports.c): each routine import is a stub that reports UNRESOLVED_IMPORT at the driver's
 * call site and returns 0, a data import reads as zeros, UNRESOLVED_IMPORTS (info) lists them
 * once at load; a module whose imports all resolve reports neither. The classification behind
 * `bcsim imports` (implemented, stub, runtime, unresolved) for modules built by the helper or not.
 */
#include "bcsim_test.h"
#include "machine/imports.h"

static int find(const bcsim__import_list_t *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].name, name))
            return (int)i;
    return -1;
}

static const bcsim_violation_t *first(bcsim_sim_t *sim, uint32_t id)
{
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++)
        if (bcsim_sim_violation(sim, i)->id == id)
            return bcsim_sim_violation(sim, i);
    return NULL;
}

static void module_with_unresolved_imports_loads_and_runs(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *d = NULL;
    assert_int_equal(bcsim_driver_load(sim, UNRESOLVED_MODULE, NULL, &d), 0);
    assert_int_equal(bcsim_driver_status(d), 0);          /* the stub's 0: STATUS_SUCCESS */
    /* Listed once at load, sorted, data marked. */
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNRESOLVED_IMPORTS), 1);
    const bcsim_violation_t *v = first(sim, BCSIM_V_UNRESOLVED_IMPORTS);
    assert_int_equal(v->severity, BCSIM_SEV_INFO);
    assert_non_null(strstr(v->message, "3: HalDisplayString, InitSafeBootMode (data), ZwQuerySystemInformation"));
    assert_non_null(strstr(v->file, "unresolved_mod.so"));
    /* Each call: a warning at the driver's line. */
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNRESOLVED_IMPORT), 2);
    v = first(sim, BCSIM_V_UNRESOLVED_IMPORT);
    assert_int_equal(v->severity, BCSIM_SEV_WARNING);
    assert_non_null(strstr(v->file, "unresolved_mod.c"));
    assert_true(v->line > 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

static void module_loads_again_on_a_new_machine(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *d = NULL;
    /* The stubs of an earlier load stay in the process; a new load binds to them again. */
    assert_int_equal(bcsim_driver_load(sim, UNRESOLVED_MODULE, NULL, &d), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNRESOLVED_IMPORTS), 1);
}

static void resolved_module_reports_no_unresolved_import(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *d = NULL;
    assert_int_equal(bcsim_driver_load(sim, EXAMPLES_DIR "/secondary_log.so", NULL, &d), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNRESOLVED_IMPORTS), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNRESOLVED_IMPORT), 0);
}

static void imports_are_classified(void **state)
{
    (void)state;
    bcsim__import_list_t l;
    char err[256];
    assert_int_equal(bcsim__imports_scan(UNRESOLVED_MODULE, &l, err, sizeof(err)), 0);
    int i;
    assert_true((i = find(&l, "HalDisplayString")) >= 0);
    assert_int_equal(l.v[i].status, BCSIM__IMPORT_UNRESOLVED);
    assert_false(l.v[i].data);
    assert_true((i = find(&l, "ZwQuerySystemInformation")) >= 0);   /* called only by pointer */
    assert_int_equal(l.v[i].status, BCSIM__IMPORT_UNRESOLVED);
    assert_true((i = find(&l, "InitSafeBootMode")) >= 0);
    assert_true(l.v[i].data);
    assert_true((i = find(&l, "DbgPrint")) >= 0);
    assert_int_equal(l.v[i].status, BCSIM__IMPORT_IMPLEMENTED);
    assert_true(l.v[i].export_id >= 0);
    assert_true((i = find(&l, "IoDeleteDevice")) >= 0);
    assert_int_equal(l.v[i].status, BCSIM__IMPORT_STUB);
    assert_true((i = find(&l, "strlen")) >= 0);
    assert_int_equal(l.v[i].status, BCSIM__IMPORT_RUNTIME);
    assert_non_null(l.v[i].provider);              /* the C library (or a sanitizer interceptor) */
    for (size_t k = 1; k < l.n; k++)
        assert_true(strcmp(l.v[k - 1].name, l.v[k].name) < 0);
    bcsim__imports_free(&l);
}

static void plain_library_is_scanned_but_not_loaded(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim__import_list_t l;
    char err[256];
    assert_int_equal(bcsim__imports_scan(PLAIN_LIBRARY, &l, err, sizeof(err)), 0);
    bcsim__imports_free(&l);
    bcsim_driver_t *d = NULL;
    assert_int_equal(bcsim_driver_load(sim, PLAIN_LIBRARY, NULL, &d), BCSIM_ENOTDRIVER);
}

static void not_an_elf_object_is_an_error(void **state)
{
    (void)state;
    bcsim__import_list_t l;
    char err[256] = "";
    assert_int_equal(bcsim__imports_scan(__FILE__, &l, err, sizeof(err)), BCSIM_EFORMAT);
    assert_non_null(strstr(err, "not an x86-64 ELF shared object"));
    assert_int_equal(bcsim__imports_scan("/nonexistent/x.so", &l, err, sizeof(err)), BCSIM_ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(module_with_unresolved_imports_loads_and_runs),
        BCSIM_TEST(module_loads_again_on_a_new_machine),
        BCSIM_TEST(resolved_module_reports_no_unresolved_import),
        BCSIM_TEST(imports_are_classified),
        BCSIM_TEST(plain_library_is_scanned_but_not_loaded),
        BCSIM_TEST(not_an_elf_object_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
