/* tests/drivers/devices_drv.h — the harness-side view of tests/drivers/devices_drv.c. */
#ifndef DEVICES_DRV_H
#define DEVICES_DRV_H
/* HalGetBusDataByOffset / HalSetBusDataByOffset with PCIConfiguration (type 4) or another. */
unsigned dv_pci_get(int type, unsigned bus, unsigned device, unsigned function, void *buf,
                    unsigned offset, unsigned length);
unsigned dv_pci_set(int type, unsigned bus, unsigned device, unsigned function, const void *buf,
                    unsigned offset, unsigned length);
unsigned dv_pci_get_whole(unsigned bus, unsigned device, void *buf, unsigned length); /* HalGetBusData */
/* KeGetProcessorNumberFromIndex: NTSTATUS; group and number through the pointers. */
int dv_processor_from_index(unsigned index, unsigned *group, unsigned *number);
/* KeGetProcessorIndexFromNumber(group, number); KeQueryActive/MaximumGroupCount. */
unsigned dv_processor_index(unsigned group, unsigned number);
unsigned dv_group_counts(void);                       /* active << 16 | maximum */
/* KeSetSystemAffinityThreadEx then KeRevertToUserAffinityThreadEx: the previous affinity. */
unsigned long long dv_affinity_round_trip(unsigned long long affinity);
/* KeIpiGenericCall with a worker recording its calls: the call's result; the worker's count,
 * argument and IRQL through the pointers. */
unsigned long long dv_ipi(unsigned long long context, unsigned *calls, unsigned long long *argument,
                          unsigned *irql);
/* RtlTimeToTimeFields: year, month, day, hour, minute, second, ms, weekday into f[8]; then
 * RtlTimeFieldsToTime back (its BOOLEAN; the time through *back). */
int dv_time_fields(long long time, short f[8], long long *back);
int dv_time_fields_invalid(void);                     /* RtlTimeFieldsToTime(February 30) */
/* KeRegisterNmiCallback, KeDeregisterNmiCallback twice: 1 if the handle was non-NULL, the two
 * NTSTATUS values through the pointers. */
int dv_nmi_round_trip(int *first, int *second);
/* KeGetCurrentNodeNumber << 16 | KeAreAllApcsDisabled << 8 | RtlIsNtDdiVersionAvailable(v). */
unsigned dv_misc(unsigned ntddi);
/* A legacy callback writing these lines on the blue screen (Inbv*); reset first if asked. */
unsigned char dv_register_screen(const char *line1, const char *line2, int reset_between, int disable_second);
#endif
