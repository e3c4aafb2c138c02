/*
 * src/nt/ke_time.c — time on bcsim's virtual clock (driver-patterns.md 12; src/machine/clock.c):
 * stalls advance it without sleeping, every read advances it by 1 us so polling loops end,
 * and the running callback's virtual-time watchdog sees both. The performance counter runs at
 * 10 MHz on the interrupt-time base.
 */
#include "nt_private.h"

/* KeStallExecutionProcessor — Learn: busy-waits MicroSeconds; any level. */
VOID KeStallExecutionProcessor(ULONG MicroSeconds)
{
    bcsim__export_enter(BCSIM__X_KeStallExecutionProcessor, BCSIM__CALLER());
    bcsim__clock_stall(MicroSeconds);
}

/* KeQueryPerformanceCounter — Learn: the counter value; the frequency (counts per second) in
 * *PerformanceFrequency when given; any level. */
LARGE_INTEGER KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency)
{
    bcsim__export_enter(BCSIM__X_KeQueryPerformanceCounter, BCSIM__CALLER());
    LARGE_INTEGER now;
    now.QuadPart = (LONGLONG)bcsim__clock_read(BCSIM__CLOCK_PERFORMANCE);
    if (PerformanceFrequency)
        PerformanceFrequency->QuadPart = (LONGLONG)bcsim__clock_read(BCSIM__CLOCK_PERFORMANCE_FREQUENCY);
    return now;
}

/* KeQuerySystemTime — Learn: the system time (100-ns units since 1601-01-01, GMT). */
VOID KeQuerySystemTime(PLARGE_INTEGER CurrentTime)
{
    bcsim__export_enter(BCSIM__X_KeQuerySystemTime, BCSIM__CALLER());
    CurrentTime->QuadPart = (LONGLONG)bcsim__clock_read(BCSIM__CLOCK_SYSTEM_TIME);
}

/* KeQuerySystemTimePrecise — Learn: the system time with the performance counter's precision. */
VOID KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime)
{
    bcsim__export_enter(BCSIM__X_KeQuerySystemTimePrecise, BCSIM__CALLER());
    CurrentTime->QuadPart = (LONGLONG)bcsim__clock_read(BCSIM__CLOCK_SYSTEM_TIME);
}

/* KeQueryInterruptTime — Learn: 100-ns units since the system booted. */
ULONGLONG KeQueryInterruptTime(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryInterruptTime, BCSIM__CALLER());
    return bcsim__clock_read(BCSIM__CLOCK_INTERRUPT_TIME);
}

/* KeQueryInterruptTimePrecise — Learn: the interrupt time, and the performance counter value
 * it corresponds to in *QpcTimeStamp (one instant: the same time base in bcsim). */
ULONGLONG KeQueryInterruptTimePrecise(PULONG64 QpcTimeStamp)
{
    bcsim__export_enter(BCSIM__X_KeQueryInterruptTimePrecise, BCSIM__CALLER());
    ULONGLONG t = bcsim__clock_read(BCSIM__CLOCK_INTERRUPT_TIME);
    *QpcTimeStamp = t;
    return t;
}

/* KeQueryTickCount — Learn: clock interrupts since boot (multiply by KeQueryTimeIncrement for
 * 100-ns units). */
VOID KeQueryTickCount(PLARGE_INTEGER CurrentCount)
{
    bcsim__export_enter(BCSIM__X_KeQueryTickCount, BCSIM__CALLER());
    CurrentCount->QuadPart = (LONGLONG)bcsim__clock_read(BCSIM__CLOCK_TICK_COUNT);
}

/* KeQueryTimeIncrement — Learn: 100-ns units added to the system time per clock tick (bcsim:
 * Windows' default 15.625 ms). */
ULONG KeQueryTimeIncrement(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryTimeIncrement, BCSIM__CALLER());
    return (ULONG)bcsim__clock_read(BCSIM__CLOCK_TIME_INCREMENT);
}
