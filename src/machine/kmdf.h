/*
 * src/machine/kmdf.h — the KMDF model's hooks into the rest of the harness (src/machine/kmdf.c): driver loading
 * and unloading call them, the machine's shutdown forgets the model. The entry points the shim
 * world uses are in bridge.h ("the KMDF model"); the public ones in bcsim.h ("The simulated
 * device").
 */
#ifndef BCSIM_KMDF_H
#define BCSIM_KMDF_H

#include "internal.h"

/* After DriverEntry succeeded: if the driver created a WDF driver object that handles PnP, the
 * simulated device is added (EvtDriverDeviceAdd) and started (EvtDevicePrepareHardware,
 * EvtDeviceD0Entry, ...). 0, or BCSIM_EBUGCHECK if driver code bug-checked on the way. A failed
 * start is a WDF_DEVICE_START_FAILED warning, not an error: the driver stays loaded. */
int bcsim__kmdf_driver_loaded(bcsim_driver_t *drv);

/* Before DriverUnload: the PnP manager removes the driver's devices first (power-down, release,
 * self-managed I/O flush and cleanup, deletion). 0 or BCSIM_EBUGCHECK. */
int bcsim__kmdf_driver_unloading(bcsim_driver_t *drv);

/* DriverEntry failed after WdfDriverCreate: the framework deletes the driver object, so its
 * cleanup callbacks run (EvtDriverUnload does not: Learn, EVT_WDF_DRIVER_UNLOAD; the KMDF
 * team's advice to clean up in the WDFDRIVER's EvtCleanupCallback relies on it). 0 or
 * BCSIM_EBUGCHECK. */
int bcsim__kmdf_driver_entry_failed(bcsim_driver_t *drv);

/* bcsim_sim_destroy(): every framework object, driver and the device description forgotten. */
void bcsim__kmdf_shutdown(void);

#endif /* BCSIM_KMDF_H */
