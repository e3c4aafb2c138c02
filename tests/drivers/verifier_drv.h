/* tests/drivers/verifier_drv.h — the harness-side view of tests/drivers/verifier_drv.c. */
#ifndef VERIFIER_DRV_H
#define VERIFIER_DRV_H
typedef struct vd_seen {
    int seh_code;                 /* GetExceptionCode() of the __except at PASSIVE_LEVEL */
    unsigned char irql_at_high;   /* KeGetCurrentIrql() after KeRaiseIrql(HIGH_LEVEL) in the callback */
    unsigned char irql_restored;  /* after KeLowerIrql back */
    unsigned stall_iterations;    /* KeStallExecutionProcessor(1000) calls of the 2000 ms loop */
    long long stall_elapsed_ms;   /* what the loop measured with KeQueryPerformanceCounter */
    int paged_ok;                 /* paged pool written and read back at PASSIVE_LEVEL */
    int entry_done;
} vd_seen_t;
/* DriverEntry of a driver doing everything right (for bcsim_driver_attach). */
void *vd_driver_entry(void);
const vd_seen_t *vd_seen(void);
#endif
