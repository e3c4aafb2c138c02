/*
 * src/machine/lookups.c — what drivers looked up through MmGetSystemRoutineAddress
 * (wdk-surface.md 3.13). For now a pair of counters: resolved and unresolved names.
 */
#include "internal.h"

static uint64_t lookups[2];

void bcsim__note_routine_lookup(const char *name, int found)
{
    (void)name;
    lookups[found ? 1 : 0]++;
}

bcsim__u64 bcsim__routine_lookup_count(int found)
{
    return lookups[found ? 1 : 0];
}
