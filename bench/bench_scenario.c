/*
 * bench/bench_scenario.c — the callback work of a scenario: `bench_scenario [--set K=V]...
 * [--dump PATH] MODULE...` loads the driver modules (as `bcsim run --driver` does) and times
 * the bug check alone: every callback of every reason and the DumpIo stream of the whole
 * dump, without process start, driver loading or (unless --dump) a file.
 */
#include "bench.h"

#include <string.h>

int main(int argc, char **argv)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_path = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--dump") && i + 1 < argc) {
            cfg.dump_path = argv[++i];
        } else if (!strcmp(argv[i], "--set") && i + 1 < argc) {
            char *eq = strchr(argv[++i], '=');
            if (!eq)
                bench_die("--set %s: expected KNOB=VALUE", argv[i]);
            *eq = 0;
            bench_set(&cfg, argv[i], eq + 1);
        } else {
            bench_die("usage: bench_scenario [--set KNOB=VALUE]... [--dump PATH] MODULE...");
        }
    }
    if (i == argc)
        bench_die("no driver module given");
    bcsim_sim_t *sim = bench_sim(&cfg);
    for (; i < argc; i++) {
        int rc = bcsim_driver_load(sim, argv[i], NULL, NULL);
        if (rc != 0)
            bench_die("%s: %s %s", argv[i], bcsim_strerror(rc), bcsim_last_error());
    }
    const bcsim_result_t *res;
    double s = bench_bugcheck(sim, &res);
    if (res->call_count == 0)
        bench_die("no callback ran");
    if (bcsim_result_count(res, BCSIM_SEV_VIOLATION) != 0)
        bench_die("the bug check reported violations");
    printf("%.6f\n", s);
    bcsim_sim_destroy(sim);
    return 0;
}
