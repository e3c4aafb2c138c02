/*
 * src/base/state.c — the state every room reads: the one simulated machine (bcsim__m), the
 * bug check in progress (bcsim__run), the time base of the virtual clock, the progress counter
 * the watchdog watches, the last error message, and the hooks through which a lower room asks
 * an upper one for a service (docs/ARCHITECTURE.md, "Hooks").
 *
 * Only data and accessors live here: the rooms that own the meaning (the dispatcher for the
 * machine's lifetime and the bug check, the machine for the driver-visible clocks) change it.
 */
#include "internal.h"

#include <stdio.h>

bcsim__machine_t bcsim__m;
bcsim__run_t bcsim__run;
bcsim__hooks_t bcsim__hooks;
volatile uint64_t bcsim__progress;

/* ---- the bug check's calls ----------------------------------------------------------------- */

bcsim_call_t *bcsim__call(uint32_t idx)
{
    return idx < bcsim__run.calls.n ? &bcsim__run.calls.v[idx] : NULL;
}

/* ---- the time base: interrupt time in 100 ns units since boot ---------------------------- */

/* Boot time of the simulated machine: 2026-01-01T00:00:00Z as a FILETIME. */
#define BOOT_FILETIME (1767225600ULL * 10000000ULL + 116444736000000000ULL)

static uint64_t now;

uint64_t bcsim__clock_now_100ns(void)
{
    return now;
}

void bcsim__clock_advance_100ns(uint64_t d)
{
    now = d > UINT64_MAX - now ? UINT64_MAX : now + d;
    bcsim__progress++;
}

void bcsim__clock_reset(void)
{
    now = 0;
}

uint64_t bcsim__clock_system_time(void)
{
    return BOOT_FILETIME + now;
}

/* ---- the last error (bcsim_last_error) ------------------------------------------------------ */

static char last_error[512];

void bcsim__set_last_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof(last_error), fmt, ap);
    va_end(ap);
}

const char *bcsim_last_error(void)
{
    return last_error;
}

/* ---- hooks ------------------------------------------------------------------------------- */

void bcsim__hook_bugcheck(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4,
                          void *caller)
{
    /* Installed while a machine lives; without one there is no driver context to raise from. */
    if (bcsim__hooks.bugcheck)
        bcsim__hooks.bugcheck(code, p1, p2, p3, p4, caller);
}

int bcsim__hook_run_driver_code(void (*fn)(void *), void *arg, const char *what,
                                const char *driver, const void *routine)
{
    if (!bcsim__hooks.run_driver_code) {
        bcsim__set_last_error("no simulated machine to run %s in", what);
        return BCSIM_EINVAL;
    }
    return bcsim__hooks.run_driver_code(fn, arg, what, driver, routine);
}

bool bcsim__hook_records_check_unload(int32_t image)
{
    return bcsim__hooks.records_check_unload ? bcsim__hooks.records_check_unload(image) : false;
}

void bcsim__hook_machine_gone(void)
{
    void (*fn)(void) = bcsim__hooks.machine_gone;
    bcsim__hooks.machine_gone = NULL;   /* one shot: a listener installs itself again */
    if (fn)
        fn();
}
