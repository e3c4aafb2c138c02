/* pci.c — DriverEntry finds its device in PCI configuration space (scripted by pci.json). */
#include "inc\drvcommon.h"

#define RT_VENDOR 0x8086
#define RT_DEVICE 0x153A

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    PCI_COMMON_CONFIG cfg;
    PCI_SLOT_NUMBER slot;
    ULONG found = 0, n;

    for (ULONG dev = 0; dev < PCI_MAX_DEVICES; dev++) {
        slot.u.AsULONG = 0;
        slot.u.bits.DeviceNumber = dev;
        slot.u.bits.FunctionNumber = 0;
        n = HalGetBusDataByOffset(PCIConfiguration, 0, slot.u.AsULONG, &cfg, 0, PCI_COMMON_HDR_LENGTH);
        if (n == 2) {
            RT_CHECK(cfg.VendorID == PCI_INVALID_VENDORID);      /* an empty slot */
            continue;
        }
        RT_CHECK(n == PCI_COMMON_HDR_LENGTH);
        if (cfg.VendorID != RT_VENDOR || cfg.DeviceID != RT_DEVICE)
            continue;
        found++;
        DbgPrint("rt_pci: device %04x:%04x at 0:%u.0 class %02x.%02x rev %u bar0 %08x subsystem %04x:%04x\n",
                 cfg.VendorID, cfg.DeviceID, dev, cfg.BaseClass, cfg.SubClass, cfg.RevisionID,
                 cfg.u.type0.BaseAddresses[0], cfg.u.type0.SubVendorID, cfg.u.type0.SubSystemID);
        RT_CHECK(PCI_CONFIGURATION_TYPE(&cfg) == PCI_DEVICE_TYPE);
        RT_CHECK(cfg.BaseClass == PCI_CLASS_NETWORK_CTLR);
        RT_CHECK((cfg.u.type0.BaseAddresses[0] & PCI_ADDRESS_IO_SPACE) == 0);
        /* Enable memory decoding and read the command register back. */
        USHORT command = cfg.Command | PCI_ENABLE_MEMORY_SPACE | PCI_ENABLE_BUS_MASTER;
        RT_CHECK(HalSetBusDataByOffset(PCIConfiguration, 0, slot.u.AsULONG, &command,
                                       FIELD_OFFSET(PCI_COMMON_CONFIG, Command), sizeof(command)) == 2);
        USHORT back = 0;
        RT_CHECK(HalGetBusDataByOffset(PCIConfiguration, 0, slot.u.AsULONG, &back,
                                       FIELD_OFFSET(PCI_COMMON_CONFIG, Command), sizeof(back)) == 2);
        RT_CHECK(back == command);
    }
    RT_CHECK(found == 1);
    RT_CHECK(HalGetBusDataByOffset(PCIConfiguration, 7, 0, &cfg, 0, 4) == 0);   /* no bus 7 */
    DbgPrint("rt_pci: all checks passed\n");
    return STATUS_SUCCESS;
}
