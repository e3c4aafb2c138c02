/*
 * src/nt/rtl_time.c — calendar time for crash logs: RtlTimeToTimeFields / RtlTimeFieldsToTime
 * (100-ns units since January 1, 1601, the proleptic Gregorian calendar), the local-time
 * conversions (bcsim's machine runs on UTC: local time is system time), the interrupt time
 * without sleep (KeQueryUnbiasedInterruptTime: the machine never sleeps), the NUMA node (0), the
 * APC state (disabled at APC_LEVEL and above) and RtlIsNtDdiVersionAvailable (the simulated
 * Windows is 10, build 22000: NTDDI_WIN10_CO and older).
 */
#include "nt_private.h"

#define TICKS_PER_MS 10000LL
#define MS_PER_DAY 86400000LL

static int IsLeap(LONG y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static const UCHAR DaysIn[2][12] = { { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
                                     { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 } };

VOID RtlTimeToTimeFields(PLARGE_INTEGER Time, PTIME_FIELDS TimeFields)
{
    bcsim__export_enter(BCSIM__X_RtlTimeToTimeFields, BCSIM__CALLER());
    LONGLONG ms = Time->QuadPart / TICKS_PER_MS;
    LONGLONG days = ms / MS_PER_DAY, rest = ms % MS_PER_DAY;
    TimeFields->Weekday = (CSHORT)((days + 1) % 7);         /* January 1, 1601 was a Monday */
    TimeFields->Milliseconds = (CSHORT)(rest % 1000);
    TimeFields->Second = (CSHORT)(rest / 1000 % 60);
    TimeFields->Minute = (CSHORT)(rest / 60000 % 60);
    TimeFields->Hour = (CSHORT)(rest / 3600000);
    LONG year = 1601;
    for (;;) {
        LONGLONG n = IsLeap(year) ? 366 : 365;
        if (days < n)
            break;
        days -= n;
        year++;
    }
    int month = 0;
    while (days >= DaysIn[IsLeap(year)][month])
        days -= DaysIn[IsLeap(year)][month++];
    TimeFields->Year = (CSHORT)year;
    TimeFields->Month = (CSHORT)(month + 1);
    TimeFields->Day = (CSHORT)(days + 1);
}

/* Learn: FALSE (Time unchanged) for fields out of range. */
BOOLEAN RtlTimeFieldsToTime(PTIME_FIELDS TimeFields, PLARGE_INTEGER Time)
{
    bcsim__export_enter(BCSIM__X_RtlTimeFieldsToTime, BCSIM__CALLER());
    PTIME_FIELDS f = TimeFields;
    if (f->Year < 1601 || f->Month < 1 || f->Month > 12 || f->Day < 1 ||
        f->Day > DaysIn[IsLeap(f->Year)][f->Month - 1] || f->Hour < 0 || f->Hour > 23 ||
        f->Minute < 0 || f->Minute > 59 || f->Second < 0 || f->Second > 59 ||
        f->Milliseconds < 0 || f->Milliseconds > 999)
        return FALSE;
    LONGLONG days = 0;
    for (LONG y = 1601; y < f->Year; y++)
        days += IsLeap(y) ? 366 : 365;
    for (int m = 0; m < f->Month - 1; m++)
        days += DaysIn[IsLeap(f->Year)][m];
    days += f->Day - 1;
    LONGLONG ms = days * MS_PER_DAY + f->Hour * 3600000LL + f->Minute * 60000LL + f->Second * 1000LL +
                  f->Milliseconds;
    Time->QuadPart = ms * TICKS_PER_MS;
    return TRUE;
}

VOID ExSystemTimeToLocalTime(PLARGE_INTEGER SystemTime, PLARGE_INTEGER LocalTime)
{
    bcsim__export_enter(BCSIM__X_ExSystemTimeToLocalTime, BCSIM__CALLER());
    LocalTime->QuadPart = SystemTime->QuadPart;
}

VOID ExLocalTimeToSystemTime(PLARGE_INTEGER LocalTime, PLARGE_INTEGER SystemTime)
{
    bcsim__export_enter(BCSIM__X_ExLocalTimeToSystemTime, BCSIM__CALLER());
    SystemTime->QuadPart = LocalTime->QuadPart;
}

ULONGLONG KeQueryUnbiasedInterruptTime(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryUnbiasedInterruptTime, BCSIM__CALLER());
    return bcsim__clock_read(BCSIM__CLOCK_INTERRUPT_TIME);
}

USHORT KeGetCurrentNodeNumber(VOID)
{
    bcsim__export_enter(BCSIM__X_KeGetCurrentNodeNumber, BCSIM__CALLER());
    return 0;
}

/* Learn: TRUE if the thread is inside a guarded region or at IRQL >= APC_LEVEL. */
BOOLEAN KeAreAllApcsDisabled(VOID)
{
    bcsim__export_enter(BCSIM__X_KeAreAllApcsDisabled, BCSIM__CALLER());
    return bcsim__irql_current() >= APC_LEVEL;
}

BOOLEAN RtlIsNtDdiVersionAvailable(ULONG Version)
{
    bcsim__export_enter(BCSIM__X_RtlIsNtDdiVersionAvailable, BCSIM__CALLER());
    return Version <= NTDDI_WIN10_CO;
}
