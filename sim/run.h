/*
 * sim/run.h — `bcsim run`'s plan, shared by the parent (sim/cmd_run.c: options, supervision,
 * reports, outputs) and the boot children (sim/boot.c: one simulated boot each).
 */
#ifndef BCSIM_SIM_RUN_H
#define BCSIM_SIM_RUN_H

#include "bcsim.h"
#include "bcsim/scenario.h"
#include "channel.h"

#define EXIT_VIOLATIONS 1
#define EXIT_USAGE 2
#define EXIT_INTERNAL 3
#define EXIT_OUTPUT 4        /* an output asked for (dump, report file, stdout) was not written */

typedef struct run_plan {
    const char **drivers;
    uint32_t ndrivers;
    bcsim_scenario_t *scenario;
    const char *scenario_path;
    uint32_t nbugchecks;
    /* command-line bug check (used when there is no scenario) */
    uint32_t code;
    uint64_t params[4];
    /* overrides */
    const char *dump_path;
    int dump_type;
    int live;
    bool no_contain;
    uint32_t timeout_ms;
    uint32_t deadline_ms;            /* --deadline-ms; 0 = the knob */
    bool deadline_set;
    const char **knobs;              /* "name=value" */
    uint32_t nknobs;
    /* output */
    const char *json_path, *tap_path, *junit_path;
    bool quiet, verbose, color, unload_check;
    const char *const *expect;       /* NULL-terminated, or NULL */
    /* what the plan owns (freed by plan_free) */
    char **owned_drivers;            /* the bundled examples' paths */
    uint32_t nowned_drivers;
    struct csv *expect_owned;        /* --expect-violations */
} run_plan_t;

/* One boot: the unload check, or bug check `bc` (0-based). */
typedef struct boot_job {
    const run_plan_t *plan;
    bool unload;
    uint32_t bc;
    int dump_fd;                     /* the dump file the parent created, -1 for none */
    const char *dump_path;           /* the path it will be published at (names it) */
} boot_job_t;

/* The configuration of a boot, as the child will use it (knobs, scenario, overrides). The
 * parent calls it first to validate the knobs and learn the deadline. 0 or EXIT_USAGE (with
 * the message on stderr). bc = UINT32_MAX for the unload check (global scenario config). */
int boot_configure(const run_plan_t *p, uint32_t bc, bcsim_config_t *cfg);

/* Runs a boot in this process, sending everything through `chan` (sim/boot.c). */
int boot_run(const boot_job_t *job, chan_t *chan);

/* The dump path of bug check bc (scenario "dump" or --dump), or NULL. */
const char *boot_dump_path(const run_plan_t *p, uint32_t bc);

#endif /* BCSIM_SIM_RUN_H */
