/*
 * bcsim shim: wdmguid.h — the GUIDs of the bus interfaces and PnP notifications drivers query
 * (wdk-surface.md 2). Declarations unless <initguid.h> was included first (guiddef.h).
 */
#ifndef _WDMGUID_H_
#define _WDMGUID_H_

#include <guiddef.h>

/* The standard bus interface (BUS_INTERFACE_STANDARD): configuration space through the bus. */
DEFINE_GUID(GUID_BUS_INTERFACE_STANDARD,
            0x496B8280, 0x6F25, 0x11D0, 0xBE, 0xAF, 0x08, 0x00, 0x2B, 0xE2, 0x09, 0x2F);
DEFINE_GUID(GUID_PCI_BUS_INTERFACE_STANDARD,
            0x496B8281, 0x6F25, 0x11D0, 0xBE, 0xAF, 0x08, 0x00, 0x2B, 0xE2, 0x09, 0x2F);

#endif /* _WDMGUID_H_ */
