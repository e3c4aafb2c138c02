/*
 * src/nt/hal_pci.c — HalGetBusDataByOffset / HalSetBusDataByOffset (and the offset-0 forms
 * HalGetBusData / HalSetBusData) over the scripted PCI configuration space (src/machine/pci.c). Learn:
 * the bytes actually read or written; PCIConfiguration is the only supported bus data type
 * (others: 0). Its ntddk.h pages name no IRQL (any: crash handlers read devices at HIGH_LEVEL).
 */
#include "nt_private.h"

ULONG HalGetBusDataByOffset(BUS_DATA_TYPE BusDataType, ULONG BusNumber, ULONG SlotNumber,
                            PVOID Buffer, ULONG Offset, ULONG Length)
{
    bcsim__export_enter(BCSIM__X_HalGetBusDataByOffset, BCSIM__CALLER());
    if (BusDataType != PCIConfiguration)
        return 0;
    return bcsim__pci_access(BusNumber, SlotNumber, Buffer, Offset, Length, 0);
}

ULONG HalSetBusDataByOffset(BUS_DATA_TYPE BusDataType, ULONG BusNumber, ULONG SlotNumber,
                            PVOID Buffer, ULONG Offset, ULONG Length)
{
    bcsim__export_enter(BCSIM__X_HalSetBusDataByOffset, BCSIM__CALLER());
    if (BusDataType != PCIConfiguration)
        return 0;
    return bcsim__pci_access(BusNumber, SlotNumber, Buffer, Offset, Length, 1);
}

ULONG HalGetBusData(BUS_DATA_TYPE BusDataType, ULONG BusNumber, ULONG SlotNumber, PVOID Buffer,
                    ULONG Length)
{
    bcsim__export_enter(BCSIM__X_HalGetBusData, BCSIM__CALLER());
    if (BusDataType != PCIConfiguration)
        return 0;
    return bcsim__pci_access(BusNumber, SlotNumber, Buffer, 0, Length, 0);
}

ULONG HalSetBusData(BUS_DATA_TYPE BusDataType, ULONG BusNumber, ULONG SlotNumber, PVOID Buffer,
                    ULONG Length)
{
    bcsim__export_enter(BCSIM__X_HalSetBusData, BCSIM__CALLER());
    if (BusDataType != PCIConfiguration)
        return 0;
    return bcsim__pci_access(BusNumber, SlotNumber, Buffer, 0, Length, 1);
}
