/*
 * bench/bench_dump.c — dump writing: `bench_dump MIB PATH` boots a machine with a driver that
 * owns MIB MiB of nonpaged pool (drivers/bench_memory.c), then times one bug check writing a
 * kernel (bitmap) dump of it to PATH ("-": no file, the DumpIo stream only). No DumpIo
 * callback is registered, so the time is the dump writer's and the file's.
 */
#include "bench.h"

#include <string.h>

void bench_memory_set_mib(unsigned mib);
void *bench_memory_driver_entry(void);

int main(int argc, char **argv)
{
    if (argc != 3)
        bench_die("usage: bench_dump MIB PATH|-");
    unsigned mib = (unsigned)strtoul(argv[1], NULL, 0);
    bench_memory_set_mib(mib);
    bcsim_sim_t *sim = bench_boot_with(strcmp(argv[2], "-") ? argv[2] : NULL, "bench_memory",
                                       bench_memory_driver_entry());
    const bcsim_result_t *res;
    double s = bench_bugcheck(sim, &res);
    if (res->dump_size < (uint64_t)mib << 20)
        bench_die("dump of %llu bytes is smaller than the %u MiB of memory",
                  (unsigned long long)res->dump_size, mib);
    printf("%.6f\n", s);
    bcsim_sim_destroy(sim);
    return 0;
}
