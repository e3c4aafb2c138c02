/* fuzz/api/api_drv.h — the harness-side view of fuzz/api/api_drv.c. */
#ifndef FUZZ_API_DRV_H
#define FUZZ_API_DRV_H
#define FZ_SLOTS 24
#define FZ_ACT_NONE 0
#define FZ_ACT_DEREGISTER_SELF 1
#define FZ_ACT_DEREGISTER_OTHER 2
#define FZ_ACT_REGISTER_OTHER 3
extern void *FzRecord[FZ_SLOTS];     /* each slot's record: driver globals or nonpaged pool */
extern int FzLegacy[FZ_SLOTS];       /* 1: KBUGCHECK_CALLBACK_RECORD */
extern int FzReasonOf[FZ_SLOTS];     /* reason used when a callback registers the slot */
extern int FzAction[FZ_SLOTS], FzActionArg[FZ_SLOTS];
extern unsigned FzCalls;
extern unsigned char FzBuffer[FZ_SLOTS][16];
void fz_reset(void);
void *fz_global_legacy(int i);
void *fz_global_reason(int i);
void fz_init(int slot);
unsigned char fz_register(int slot, int reason);
unsigned char fz_deregister(int slot);
#endif
