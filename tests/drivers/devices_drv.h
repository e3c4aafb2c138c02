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
/* A legacy callback writing these lines on the blue screen (Inbv*); reset first if asked. */
unsigned char dv_register_screen(const char *line1, const char *line2, int reset_between, int disable_second);
#endif
