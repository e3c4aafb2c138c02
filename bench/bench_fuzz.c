/*
 * bench/bench_fuzz.c — fuzzing throughput: `bench_fuzz dispatch|direct N MODULE [SEED...]`
 * loads MODULE as a driver fuzzer does (bcsim_fuzz_config, bcsim_fuzz_setup) and times a
 * replay loop of N executions over the seeds (files or directories; none: the all-zero
 * input), each decoded with bcsim_fuzz_decode() and then either run through the dispatcher
 * (bcsim_fuzz_dispatch: list walk, guarded structures, output validation, records put back)
 * or given to the same callbacks called directly (bcsim_fuzz_direct). The loop is the same
 * on both sides, so executions per second compare like with like.
 */
#include "bench.h"
#include "bcsim/fuzz.h"

#include <dirent.h>
#include <string.h>

typedef struct seed {
    uint8_t *data;
    size_t size;
} seed_t;

static seed_t seeds[4096];
static size_t nseeds;

static void add_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f || nseeds == sizeof(seeds) / sizeof(seeds[0]))
        bench_die("%s: cannot read (or too many seeds)", path);
    uint8_t *buf = malloc(65536);
    size_t n = buf ? fread(buf, 1, 65536, f) : 0;
    fclose(f);
    if (!buf)
        bench_die("out of memory");
    seeds[nseeds++] = (seed_t){ buf, n };
}

static void add_seeds(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        add_file(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char p[4096];
        snprintf(p, sizeof(p), "%s/%s", path, e->d_name);
        DIR *sub = opendir(p);
        if (sub)
            closedir(sub);
        else
            add_file(p);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "dispatch") && strcmp(argv[1], "direct")))
        bench_die("usage: bench_fuzz dispatch|direct ITERATIONS MODULE [SEED...]");
    bool dispatch = !strcmp(argv[1], "dispatch");
    unsigned long iters = strtoul(argv[2], NULL, 0);
    for (int i = 4; i < argc; i++)
        add_seeds(argv[i]);
    static uint8_t zero[BCSIM_FUZZ_CALLS_OFFSET + BCSIM_FUZZ_CALL_SIZE];
    if (!nseeds)
        seeds[nseeds++] = (seed_t){ zero, sizeof(zero) };

    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    bcsim_fuzz_config(&cfg);
    bcsim_sim_t *sim = bench_sim(&cfg);
    int rc = bcsim_driver_load(sim, argv[3], NULL, NULL);
    if (rc != 0)
        bench_die("%s: %s %s", argv[3], bcsim_strerror(rc), bcsim_last_error());
    int32_t reasons[16];
    uint32_t nreasons;
    if (bcsim_fuzz_setup(sim, NULL) != 0 || (nreasons = bcsim_fuzz_reasons(reasons, 16)) == 0)
        bench_die("%s registers no bug-check callback", argv[3]);

    uint64_t calls = 0;
    double t0 = bench_now();
    for (unsigned long i = 0; i < iters; i++) {
        const seed_t *s = &seeds[i % nseeds];
        bcsim_fuzz_input_t in;
        bcsim_fuzz_decode(s->data, s->size, &in);
        int32_t reason = reasons[in.reason_select % nreasons];
        if (dispatch) {
            bcsim_fuzz_outcome_t out;
            if (bcsim_fuzz_dispatch(sim, reason, &in, &out) != 0)
                bench_die("input %zu halted the machine", (size_t)(i % nseeds));
            calls += out.calls;
        } else {
            calls += bcsim_fuzz_direct(reason, &in);
        }
    }
    double t1 = bench_now();
    if (calls == 0)
        bench_die("no callback was called");
    printf("%.6f\n", t1 - t0);
    bcsim_sim_destroy(sim);
    return 0;
}
