/*
 * src/nt/wdf_guids.c — storage for the GUIDs wdmguid.h declares (the WDK's wdmguid.lib): a driver
 * that uses one without defining it (INITGUID) resolves it from the host, as from that library.
 */
#include <ntddk.h>
#include <initguid.h>
#include <wdmguid.h>
