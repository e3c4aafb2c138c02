/*
 * tests/bcsim_test.h — what every cmocka test of bcsim includes: cmocka (with the headers
 * cmocka 1.1.5 expects before it), the harness API, and small helpers.
 */
#ifndef BCSIM_TEST_H
#define BCSIM_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bcsim.h"

/* A fresh simulated machine per test case: setup/teardown for cmocka_unit_test_setup_teardown. */
static inline int bcsim_test_setup(void **state)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = BCSIM_DUMP_NONE;
    cfg.secondary_builtin = false; /* tests that count list entries; enabled where wanted */
    bcsim_sim_t *sim = NULL;
    if (bcsim_sim_create(&cfg, &sim) != 0)
        return -1;
    *state = sim;
    return 0;
}

static inline int bcsim_test_teardown(void **state)
{
    bcsim_sim_destroy((bcsim_sim_t *)*state);
    return 0;
}

#define BCSIM_TEST(fn) cmocka_unit_test_setup_teardown(fn, bcsim_test_setup, bcsim_test_teardown)

/* Number of findings with this id since the machine booted. */
static inline unsigned bcsim_test_count(bcsim_sim_t *sim, uint32_t id)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++)
        n += bcsim_sim_violation(sim, i)->id == id;
    return n;
}

/* Prints every finding (for failing tests). */
static inline void bcsim_test_dump_violations(bcsim_sim_t *sim)
{
    char buf[1024];
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++) {
        bcsim_violation_format(bcsim_sim_violation(sim, i), buf, sizeof(buf));
        printf("  finding: %s\n", buf);
    }
}

/* Findings of severity VIOLATION (what fails a run). */
static inline unsigned bcsim_test_violations(bcsim_sim_t *sim)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++)
        n += bcsim_sim_violation(sim, i)->severity == BCSIM_SEV_VIOLATION;
    if (n)
        bcsim_test_dump_violations(sim);
    return n;
}

#endif /* BCSIM_TEST_H */
