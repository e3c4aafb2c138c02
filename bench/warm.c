/*
 * bench/warm.c — `bench_warm MIB`: touches MIB MiB of fresh memory and exits. run.sh runs it
 * before each timed run of the dump and copy rows so that both sides take warm free pages:
 * on a VM whose host reclaims free guest memory (free page reporting), the first touch of
 * a reclaimed page faults on the host, and which side meets such pages would otherwise be
 * decided by what ran before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    size_t bytes = (size_t)strtoul(argc > 1 ? argv[1] : "0", NULL, 0) << 20;
    char *p = malloc(bytes ? bytes : 1);
    if (!p) {
        fprintf(stderr, "bench_warm: out of memory\n");
        return 2;
    }
    memset(p, 1, bytes);
    volatile char sink = bytes ? p[bytes - 1] : 0;
    (void)sink;
    free(p);
    return 0;
}
