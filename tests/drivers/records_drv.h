/* tests/drivers/records_drv.h — the harness-side view of tests/drivers/records_drv.c. */
#ifndef RECORDS_DRV_H
#define RECORDS_DRV_H
void td_reset(void);
void td_init_legacy(int i);
void td_init_reason(int i);
unsigned char td_register_legacy(int i, const char *component);
unsigned char td_register_legacy_at(void *record, void *buffer, unsigned length, const char *component);
unsigned char td_register_reason(int i, int reason, const char *component);
unsigned char td_register_reason_at(void *record, int reason, const char *component);
void td_init_at(void *record, int legacy);
unsigned char td_deregister_legacy(int i);
unsigned char td_deregister_reason(int i);
unsigned char td_deregister_legacy_at(void *r);
unsigned char td_deregister_reason_at(void *r);
void *td_legacy(int i);
void *td_reason(int i);
void *td_legacy_routine(void);
void *td_reason_routine(void);
void *td_buffer(int i);
unsigned char td_register_stack_record(void);
int td_init_in_if(int which);
void *td_driver_entry(void);
extern int TdLog[];
extern int TdLogCount;
extern int TdDeregisterSelf[];
extern int TdDeregisterOther[];
extern int TdRegisterNew[];
extern unsigned char TdDeregisterResult[];
extern int TdUnloadDeregistersAll;
extern int TdNoUnload;
#endif
