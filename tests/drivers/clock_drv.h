/* tests/drivers/clock_drv.h — the harness-side view of tests/drivers/clock_drv.c. */
#ifndef CLOCK_DRV_H
#define CLOCK_DRV_H
long long ck_qpc(long long *frequency);
long long ck_system_time(void);
long long ck_system_time_precise(void);
unsigned long long ck_interrupt_time(void);
unsigned long long ck_interrupt_time_precise(unsigned long long *qpc);
long long ck_tick_count(void);
unsigned ck_time_increment(void);
void ck_stall(unsigned microseconds);
int ck_delay(long long interval);                    /* KeDelayExecutionThread */
enum { CK_STALL_2000MS = 1, CK_TRIAGE_TIME, CK_HALT, CK_POLL_3M };
typedef struct ck_seen {
    long long elapsed_ms;       /* the stall loop's own measurement */
    unsigned iterations;
    long long system_time;      /* KeQuerySystemTime in the triage callback */
    unsigned long long interrupt_time;
} ck_seen_t;
unsigned char ck_register(int mode);
const ck_seen_t *ck_seen(void);
#endif
