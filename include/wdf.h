/*
 * bcsim shim: wdf.h — the Kernel-Mode Driver Framework surface (wdk-surface.md 3.16, grown for
 * issue 19): enough for a KMDF driver's own sources to compile unchanged and run from
 * DriverEntry through EvtDriverDeviceAdd, the PnP/power callbacks and EvtDriverUnload.
 *
 * The WDK routes every Wdf* call through a function table with a hidden driver-globals
 * argument; bcsim declares the calls as ordinary routines (src/nt/wdf_*.c, src/exports.inc), so
 * driver code is unchanged: the same names, structures, enums, *_INIT helpers and macros.
 * The parts, named after the WDK headers whose names they carry, are in bcsim_shim/wdf_*.h.
 */
#ifndef _WDF_H_
#define _WDF_H_
#define BCSIM_SHIM_WDF_H 1

#include <ntddk.h>
#include <wdmsec.h>
#include <wdmguid.h>

#include <bcsim_shim/wdf_types.h>    /* wdftypes.h, wdfglobals.h, wdfstatus.h, wdfbugcodes.h, wdfassert.h, wdfverifier.h */
#include <bcsim_shim/wdf_object.h>   /* wdfobject.h, wdfcore.h */
#include <bcsim_shim/wdf_core.h>     /* wdfsync.h, wdfmemory.h, wdfstring.h, wdfcollection.h, wdfregistry.h */
#include <bcsim_shim/wdf_driver.h>   /* wdfdriver.h */
#include <bcsim_shim/wdf_io.h>       /* wdfrequest.h, wdfio.h, wdfiotarget.h, wdffileobject.h */
#include <bcsim_shim/wdf_device.h>   /* wdfdevice.h, wdffdo.h, wdfcontrol.h, wdfqueryinterface.h, wdfresource.h */
#include <bcsim_shim/wdf_hw.h>       /* wdfinterrupt.h, wdfdpc.h, wdftimer.h, wdfworkitem.h, wdfdmaenabler.h, ... */

#endif /* _WDF_H_ */
