/* tests/consumer/harness.c — a harness program built without CMake, as the README says:
 *   cc harness.c $(pkg-config --cflags --libs bcsim)
 * It boots a simulated machine, runs a bug check and checks the result. */
#include <bcsim.h>
#include <stdio.h>

int main(void)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = BCSIM_DUMP_NONE;
    bcsim_sim_t *sim;
    if (bcsim_sim_create(&cfg, &sim) != 0)
        return 2;
    const uint64_t p[4] = { 1, 2, 3, 4 };
    const bcsim_result_t *res;
    int rc = bcsim_sim_bugcheck(sim, 0xE2, p, &res);
    int ok = rc == 0 && res && res->code == 0xE2 && res->params[3] == 4;
    printf("harness: bcsim %s, bug check %#x: %s\n", bcsim_version(), res ? res->code : 0,
           ok ? "ok" : "FAILED");
    bcsim_sim_destroy(sim);
    return ok ? 0 : 1;
}
