/*
 * tests/drivers/kmdf_drv.h — the harness-side view of tests/drivers/kmdf_drv.c, a KMDF driver
 * (compiled with the driver profile, attached with bcsim_driver_attach) whose behaviour each test
 * chooses, and plain-C wrappers that make framework calls as driver code.
 */
#ifndef KMDF_DRV_H
#define KMDF_DRV_H

#define KD_REGISTER          0x0001u  /* D0Entry registers a legacy and a DumpIo callback (records in
                                         the device context); D0Exit deregisters them */
#define KD_FORGET            0x0002u  /* ... but D0Exit forgets to */
#define KD_INTERRUPTS        0x0004u  /* two interrupts with enable/disable callbacks (device add) */
#define KD_DMA               0x0008u  /* a DMA enabler with its six callbacks */
#define KD_SMIO              0x0010u  /* the self-managed I/O callbacks */
#define KD_OBJECTS           0x0020u  /* A (WdfObjectCreate under the device), B (under A), C (a
                                         memory object under the device), each with cleanup and
                                         destroy callbacks that log "cleanup:X" / "destroy:X" */
#define KD_FAIL_PREPARE      0x0040u  /* EvtDevicePrepareHardware fails */
#define KD_FAIL_D0_ENTRY     0x0080u  /* EvtDeviceD0Entry fails */
#define KD_FAIL_ADD          0x0100u  /* EvtDriverDeviceAdd creates the device, then fails */
#define KD_NO_DEVICE         0x0200u  /* EvtDriverDeviceAdd succeeds without creating a device */
#define KD_NON_PNP           0x0400u  /* WdfDriverInitNonPnpDriver, a control device from DriverEntry */
#define KD_QUEUE_TIMERS      0x0800u  /* default queue, timer, work item, DPC; started in D0Entry */
#define KD_LOCKS_IN_CALLBACK 0x1000u  /* the legacy callback takes the WDF spin lock, a wait lock
                                         (zero timeout) and asks for the WDM device object */
#define KD_DELETE_A_IN_D0    0x2000u  /* WdfObjectDelete(A) in EvtDeviceD0Entry */
#define KD_REFERENCE_B       0x4000u  /* WdfObjectReference(B) in device add; A's destroy callback
                                         dereferences it */
#define KD_DRIVER_UNLOAD     0x8000u  /* an EvtDriverUnload (logs "EvtDriverUnload") */
#define KD_FAIL_ENTRY       0x10000u  /* DriverEntry fails after WdfDriverCreate */
#define KD_CREATE_TWICE     0x20000u  /* DriverEntry calls WdfDriverCreate again (logs its status) */
#define KD_NON_PNP_WITH_ADD 0x40000u  /* with KD_NON_PNP: the config names EvtDriverDeviceAdd too */

void kd_configure(unsigned flags);
void *kd_driver_entry(void);

/* The driver's own log of what it was called for, in order ("D0Entry(5)", "cleanup:A", ...). */
unsigned kd_log_count(void);
const char *kd_log(unsigned i);
int kd_log_find(const char *entry);          /* index, or -1 */

void *kd_device(void);                       /* the WDFDEVICE (the control device for KD_NON_PNP) */
void *kd_object(char name);                  /* 'A', 'B', 'C' */

typedef struct kd_res {
    unsigned type, share, flags;
    unsigned long long start;
    unsigned length, level, vector, message_count;
    unsigned long long affinity;
} kd_res_t;
/* What EvtDevicePrepareHardware found in the raw (0) or translated (1) list. */
unsigned kd_resources(int translated, kd_res_t *out, unsigned max);
int kd_descriptor_past_end_is_null(void);    /* WdfCmResourceListGetDescriptor(list, count) */
unsigned kd_enable_irql(void);               /* KeGetCurrentIrql() in the first EvtInterruptEnable */
unsigned kd_device_flags(void);              /* the WDM device object's Flags */

/* Contexts: type 1 is the device's (DEVICE_CONTEXT), 2 an extra one (EXTRA_CONTEXT). */
void *kd_get_context(void *object, int type);
void *kd_get_context_macro(void *object, int type);          /* WdfObjectGetTypedContext */
int kd_allocate_context(void *object, int type, void **context);
void *kd_context_object(void *context);

/* Misuse, each one framework call: 1 delete the device, 2 use a deleted memory object, 3 a garbage
 * handle, 4 a queue where a device is needed, 5 an unbalanced dereference, 6 a NULL out-parameter,
 * 7 delete the control device (allowed). Returns what the call returned (or 0). */
long long kd_misuse(int what);

/* Registry through the framework (root 1 the Parameters key, 2 the device's hardware key, 3 its
 * software key; sub: a subkey or NULL). NTSTATUS results. */
int kd_reg_ulong(int root, const char *sub, const char *name, unsigned *value);
int kd_reg_string(int root, const char *name, char *out, unsigned cap);
int kd_reg_multi_count(int root, const char *name, unsigned *count);
int kd_reg_value(int root, const char *name, void *buf, unsigned cap, unsigned *length, unsigned *type);
int kd_reg_assign_ulong(int root, const char *name, unsigned value);
int kd_reg_create_subkey(int root, const char *sub, unsigned *disposition);

/* The standard bus interface's GetBusData (NTSTATUS of WdfFdoQueryForInterface; *got the bytes). */
int kd_bus_read(void *buf, unsigned offset, unsigned length, unsigned *got);
int kd_property_ulong(int property, unsigned *value);
int kd_property_string(int property, char *out, unsigned cap);

/* A memory object: 0 if create, get buffer, copy in/out and the bounds check behave. */
int kd_memory_roundtrip(void);
/* Timers and the like: WdfTimerStart twice, WdfDpcEnqueue twice, WdfTimerStop: the five BOOLEANs
 * as bits 0-4. */
unsigned kd_queue_results(void);

/* A remote I/O target through its life (see kmdf_drv.c for what each slot holds); the count. */
int kd_iotarget(long *out, unsigned max);
/* WdfCommonBufferCreateWithConfig of 100 bytes with that alignment mask; NTSTATUS. */
int kd_common_buffer(unsigned alignment, unsigned long long *logical);

/* The default queue searched: RetrieveNext, Find, RetrieveFound statuses, [3] OutRequest NULL. */
void kd_queue_search(int *out);

#endif /* KMDF_DRV_H */
