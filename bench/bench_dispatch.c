/*
 * bench/bench_dispatch.c — dispatch scaling: `bench_dispatch N` boots a machine with a driver
 * that registers N SecondaryDumpData records (drivers/bench_records.c) and times one bug
 * check (kernel dump streamed to DumpIo only, no file): both secondary-data passes walk the
 * list and call every record.
 */
#include "bench.h"

void bench_records_set_count(unsigned count);
unsigned long long bench_records_calls(void);
void *bench_records_driver_entry(void);

int main(int argc, char **argv)
{
    if (argc != 2)
        bench_die("usage: bench_dispatch RECORDS");
    unsigned n = (unsigned)strtoul(argv[1], NULL, 0);
    bench_records_set_count(n);
    bcsim_sim_t *sim = bench_boot_with(NULL, "bench_records", bench_records_driver_entry());
    const bcsim_result_t *res;
    double s = bench_bugcheck(sim, &res);
    if (bench_records_calls() < n)
        bench_die("%llu callback calls for %u records", bench_records_calls(), n);
    if (bcsim_result_count(res, BCSIM_SEV_VIOLATION) != 0)
        bench_die("the bug check reported violations");
    printf("%.6f\n", s);
    bcsim_sim_destroy(sim);
    return 0;
}
