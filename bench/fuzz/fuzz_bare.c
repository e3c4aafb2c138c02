/*
 * bench/fuzz/fuzz_bare.c — the baseline of the fuzz throughput benchmark: a libFuzzer target
 * that decodes its input exactly as the per-reason driver fuzzer does
 * (fuzz/driver/bcsim_fuzz_driver.c) and calls the same driver's callback routine directly
 * with the same structure contents (bcsim_fuzz_direct()): no list walk, no dispatcher, no
 * containment, no guard pages, no output validation. fuzz_throughput.sh divides the
 * dispatcher fuzzer's executions per second by this one's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bcsim.h"
#include "bcsim/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int32_t reasons[16];
static uint32_t nreasons;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    bcsim_config_t cfg;
    bcsim_sim_t *sim;
    bcsim_config_init(&cfg);
    bcsim_fuzz_config(&cfg);
    const char *path = getenv("BCSIM_FUZZ_DRIVER") ? getenv("BCSIM_FUZZ_DRIVER") : BCSIM_FUZZ_DRIVER_PATH;
    bcsim_fuzz_options_t opts = { .keep_driver_data = true };
    if (bcsim_sim_create(&cfg, &sim) || bcsim_driver_load(sim, path, NULL, NULL) ||
        bcsim_fuzz_setup(sim, &opts)) {
        fprintf(stderr, "fuzz_bare: cannot load %s\n", path);
        exit(2);
    }
    nreasons = bcsim_fuzz_reasons(reasons, 16);
    if (!nreasons)
        exit(2);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bcsim_fuzz_input_t in;
    bcsim_fuzz_decode(data, size, &in);
    int32_t want = in.reason_select == 0xFF ? BCSIM_REASON_LEGACY : in.reason_select;
    int32_t reason = reasons[in.reason_select % nreasons];
    for (uint32_t i = 0; i < nreasons; i++)
        if (reasons[i] == want)
            reason = want;
    bcsim_fuzz_direct(reason, &in);
    return 0;
}
