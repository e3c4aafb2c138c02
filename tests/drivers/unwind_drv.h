/* tests/drivers/unwind_drv.h — the harness-side view of tests/drivers/unwind_drv.c. */
#ifndef UNWIND_DRV_H
#define UNWIND_DRV_H
typedef struct uw_seen {
    void *frames[16];
    unsigned n;                     /* RtlCaptureStackBackTrace */
    unsigned hash;
    void *walk[16];                 /* the RtlCaptureContext / RtlVirtualUnwind walk */
    unsigned walk_n;
    int walk_ended;                 /* Rip 0 reached */
    void *level2, *level1, *top;    /* the functions of the chain */
    void *fn_of_frame[3];           /* RtlLookupFunctionEntry's function of frames 0-2 */
    void *callers[2];               /* RtlGetCallersAddress */
    unsigned long long rbx_captured, rbx_expected;
    unsigned context_flags;
    int lookup_of_data_is_null;     /* RtlLookupFunctionEntry(&a global) == NULL */
    unsigned long long stack_low, stack_high, remaining;   /* IoGetStackLimits, ...RemainingStackSize */
    void *initial_stack;            /* IoGetInitialStack */
    void *image_of_frame0, *image_base_of_frame0;   /* RtlPcToFileHeader; RtlLookupFunctionEntry's base */
} uw_seen_t;
/* Runs the chain top -> level1 -> level2 (the captures) on the calling thread. */
void uw_run(void);
/* A legacy callback running the same chain during a bug check. */
unsigned char uw_register(void);
const uw_seen_t *uw_seen(void);
#endif
