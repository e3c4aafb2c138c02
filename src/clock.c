/*
 * src/clock.c — the virtual clock (the verifier issue: "stall loops run instantly and
 * deterministically"). Interrupt time counts 100 ns units since boot; the performance
 * counter runs at 10 MHz on the same time base. Reading the clock advances it a little, so
 * loops that poll it without stalling still end; KeStallExecutionProcessor advances it by
 * the requested time without sleeping.
 */
#include "internal.h"

/* Boot time of the simulated machine: 2026-01-01T00:00:00Z as a FILETIME. */
#define BOOT_FILETIME (1767225600ULL * 10000000ULL + 116444736000000000ULL)

static uint64_t now;

uint64_t bcsim__clock_now_100ns(void)
{
    return now;
}

void bcsim__clock_advance_100ns(uint64_t d)
{
    now += d;
}

void bcsim__clock_reset(void)
{
    now = 0;
}

uint64_t bcsim__clock_system_time(void)
{
    return BOOT_FILETIME + now;
}
