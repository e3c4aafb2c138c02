/*
 * tests/drivers/clock_drv.c — a test driver for virtual time (tests/test_clock.c): wrappers over
 * the time routines, and callbacks that stall for 2000 ms, read the time before the dump header
 * is written (TriageDumpData), or halt.
 */
#include <ntddk.h>
#include <intrin.h>

typedef struct ck_seen {
    long long elapsed_ms;
    unsigned iterations;
    long long system_time;
    unsigned long long interrupt_time;
} ck_seen_t;

static ck_seen_t CkSeen;
static int CkMode;
static KBUGCHECK_CALLBACK_RECORD CkLegacy;
static KBUGCHECK_REASON_CALLBACK_RECORD CkReason;

long long ck_qpc(long long *frequency)
{
    LARGE_INTEGER f, c = KeQueryPerformanceCounter(frequency ? &f : NULL);
    if (frequency)
        *frequency = f.QuadPart;
    return c.QuadPart;
}

long long ck_system_time(void) { LARGE_INTEGER t; KeQuerySystemTime(&t); return t.QuadPart; }
long long ck_system_time_precise(void) { LARGE_INTEGER t; KeQuerySystemTimePrecise(&t); return t.QuadPart; }
unsigned long long ck_interrupt_time(void) { return KeQueryInterruptTime(); }
unsigned long long ck_interrupt_time_precise(unsigned long long *qpc) { return KeQueryInterruptTimePrecise(qpc); }
long long ck_tick_count(void) { LARGE_INTEGER t; KeQueryTickCount(&t); return t.QuadPart; }
unsigned ck_time_increment(void) { return KeQueryTimeIncrement(); }
void ck_stall(unsigned microseconds) { KeStallExecutionProcessor(microseconds); }

int ck_delay(long long interval)
{
    LARGE_INTEGER i;
    i.QuadPart = interval;
    return KeDelayExecutionThread(KernelMode, FALSE, &i);
}

static KBUGCHECK_CALLBACK_ROUTINE CkCallback;
static VOID CkCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    if (CkMode == 1) {
        LARGE_INTEGER freq, start = KeQueryPerformanceCounter(&freq), now;
        do {
            KeStallExecutionProcessor(1000);
            CkSeen.iterations++;
            now = KeQueryPerformanceCounter(NULL);
        } while ((now.QuadPart - start.QuadPart) * 1000 / freq.QuadPart < 2000);
        CkSeen.elapsed_ms = (now.QuadPart - start.QuadPart) * 1000 / freq.QuadPart;
    } else if (CkMode == 3) {
        __halt();                     /* interrupts are disabled: never resumes */
        CkSeen.iterations = 1;
    } else if (CkMode == 4) {
        /* a long poll of a device register that keeps answering: slow, never stuck */
        volatile ULONG reg = 0;
        for (ULONG i = 0; i < 3000000; i++) {
            (void)READ_REGISTER_ULONG((PULONG)&reg);
            CkSeen.iterations++;
        }
    }
}

static KBUGCHECK_REASON_CALLBACK_ROUTINE CkTriage;
static VOID CkTriage(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                     PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    LARGE_INTEGER t;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(ReasonSpecificData);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    KeQuerySystemTime(&t);
    CkSeen.system_time = t.QuadPart;
    CkSeen.interrupt_time = KeQueryInterruptTime();
}

unsigned char ck_register(int mode)
{
    CkMode = mode;
    RtlZeroMemory(&CkSeen, sizeof(CkSeen));
    if (mode == 2) {
        KeInitializeCallbackRecord(&CkReason);
        return KeRegisterBugCheckReasonCallback(&CkReason, CkTriage, KbCallbackTriageDumpData,
                                                (PUCHAR)"clock_drv");
    }
    KeInitializeCallbackRecord(&CkLegacy);
    return KeRegisterBugCheckCallback(&CkLegacy, CkCallback, NULL, 0, (PUCHAR)"clock_drv");
}

const ck_seen_t *ck_seen(void) { return &CkSeen; }
