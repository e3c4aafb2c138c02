/* tests/drivers/irql_drv.h — the harness-side view of tests/drivers/irql_drv.c. */
#ifndef IRQL_DRV_H
#define IRQL_DRV_H
unsigned char ir_current(void);
unsigned char ir_raise(unsigned char new_irql);          /* KeRaiseIrql; returns the old IRQL */
void ir_lower(unsigned char new_irql);                   /* KeLowerIrql */
unsigned char ir_kf_raise(unsigned char new_irql);       /* KfRaiseIrql */
unsigned char ir_raise_to_dpc(void);
unsigned char ir_raise_to_synch(void);
unsigned long long ir_readcr8(void);
void ir_writecr8(unsigned long long v);
void ir_disable(void);
void ir_enable(void);
void ir_paged_function(void);                            /* starts with PAGED_CODE() */
/* A legacy callback doing `mode`; what it saw: */
enum { IR_RECORD = 1, IR_HIGH_ROUND_TRIP, IR_LOWER_AND_BACK, IR_RAISE_TO_DISPATCH, IR_CR8_LOWER,
       IR_PAGED_CODE, IR_ENABLE_INTERRUPTS, IR_DISABLE_INTERRUPTS };
unsigned char ir_register(int mode);
unsigned char ir_seen_irql(int i);
#endif
