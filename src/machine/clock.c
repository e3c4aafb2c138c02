/*
 * src/machine/clock.c — the virtual clock (the verifier issue: "stall loops run instantly and
 * deterministically"; driver-patterns.md 12). Interrupt time counts 100 ns units since boot;
 * the performance counter runs at 10 MHz on the same time base, so its value is the interrupt
 * time. Reading any clock advances it by 1 us, so loops that poll it without stalling still
 * end; KeStallExecutionProcessor advances it by the requested time without sleeping. Every
 * advance made by driver code runs the virtual-time watchdog of the running callback
 * (dispatcher-model.md 7.11), which ends a callback that has spent watchdog.virtual_ms.
 */
#include "internal.h"
#include "verifier/contain.h"

#define QPC_FREQUENCY 10000000ULL      /* 10 MHz: one count per 100 ns */
#define TIME_INCREMENT 156250ULL       /* 15.625 ms per clock tick, Windows' default */
#define READ_COST 10ULL                /* 1 us per clock read */

bcsim__u64 bcsim__clock_read(enum bcsim__clock_id which)
{
    switch (which) {
    case BCSIM__CLOCK_PERFORMANCE_FREQUENCY:
        return QPC_FREQUENCY;
    case BCSIM__CLOCK_TIME_INCREMENT:
        return TIME_INCREMENT;
    default:
        break;
    }
    bcsim__clock_advance_100ns(READ_COST);
    uint64_t t = bcsim__clock_now_100ns();
    bcsim__watchdog_virtual_check();
    switch (which) {
    case BCSIM__CLOCK_SYSTEM_TIME:
        return bcsim__clock_system_time();
    case BCSIM__CLOCK_TICK_COUNT:
        return t / TIME_INCREMENT;
    case BCSIM__CLOCK_PERFORMANCE:
    case BCSIM__CLOCK_INTERRUPT_TIME:
    default:
        return t;
    }
}

void bcsim__clock_stall(bcsim__u32 microseconds)
{
    bcsim__clock_advance_100ns((uint64_t)microseconds * 10);
    bcsim__watchdog_virtual_check();
}

/* hlt resumes at the next interrupt (the next clock tick). With interrupts disabled (a bug
 * check) it never resumes: inside a watched callback bcsim lets virtual time run until the
 * watchdog ends the callback; elsewhere one tick passes and it returns (the harness thread
 * cannot stop). */
void bcsim__clock_halt(void *caller)
{
    (void)caller;
    const bcsim__frame_t *f = bcsim__frame_current();
    bool forever = bcsim__m.interrupts_disabled && f && f->watchdog && bcsim__m.cfg.watchdog_virtual_ms;
    do {
        bcsim__clock_advance_100ns(TIME_INCREMENT);
        bcsim__watchdog_virtual_check();
    } while (forever);
}
