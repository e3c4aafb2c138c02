/*
 * bench/bench.h — what the benchmark programs share: a monotonic clock, a fatal error, and
 * a machine created from the defaults plus a few benchmark knobs.
 *
 * Every program times one operation in-process and prints its duration in seconds (one
 * number on stdout); bench/run.sh repeats the programs and takes medians, so process start,
 * driver loading and the building of simulated memory never count.
 */
#ifndef BCSIM_BENCH_H
#define BCSIM_BENCH_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bcsim.h"

static inline double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static inline _Noreturn void bench_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline _Noreturn void bench_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

/* Sets a knob or dies. */
static inline void bench_set(bcsim_config_t *cfg, const char *knob, const char *value)
{
    const char *err = NULL;
    if (bcsim_config_set(cfg, knob, value, &err) != 0)
        bench_die("--set %s=%s: %s", knob, value, err ? err : "invalid");
}

static inline bcsim_sim_t *bench_sim(const bcsim_config_t *cfg)
{
    bcsim_sim_t *sim = NULL;
    int rc = bcsim_sim_create(cfg, &sim);
    if (rc != 0)
        bench_die("cannot create the simulated machine: %s", bcsim_strerror(rc));
    return sim;
}

/* A machine with the default knobs writing its dump to dump_path (NULL: DumpIo only), and a
 * driver linked into the program (its DriverEntry) loaded into it; dies on failure. */
static inline bcsim_sim_t *bench_boot_with(const char *dump_path, const char *name, void *entry)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_path = dump_path;
    bcsim_sim_t *sim = bench_sim(&cfg);
    int rc = bcsim_driver_attach(sim, name, entry, NULL, NULL);
    if (rc != 0)
        bench_die("%s failed to load: %s", name, bcsim_strerror(rc));
    return sim;
}

/* Runs the bug check the CLI runs by default (0xE2) and returns its duration in seconds. */
static inline double bench_bugcheck(bcsim_sim_t *sim, const bcsim_result_t **res)
{
    static const uint64_t params[4] = { 0, 0, 0, 0 };
    double t0 = bench_now();
    int rc = bcsim_sim_bugcheck(sim, 0xE2, params, res);
    double t1 = bench_now();
    if (rc != 0)
        bench_die("bug check failed: %s", bcsim_strerror(rc));
    if ((*res)->dump_status != 0)
        bench_die("dump failed: %s", (*res)->dump_error ? (*res)->dump_error : "?");
    return t1 - t0;
}

#endif /* BCSIM_BENCH_H */
