/*
 * src/machine/pci.c — PCI configuration space behind HalGetBusDataByOffset / HalSetBusDataByOffset
 * (src/nt/hal_pci.c), scripted by the test or scenario like the port model (src/machine/ports.c).
 *
 * Learn (ntddk.h): the return value is the number of bytes read from (or written to)
 * configuration space; PCIConfiguration is the only bus data type still supported; the bus
 * number carries the segment in bits 8 and up. Learn's older pages add: 0 for a bus that does
 * not exist, 2 with PCI_INVALID_VENDORID in VendorID for a slot without a device. bcsim's
 * machine: segment 0, buses 0 to the highest scripted bus; each scripted function has a
 * configuration space of 256 bytes (or what the script gives, up to 4096); every other slot is
 * empty. Writes change the scripted bytes within that space (read-only registers are not
 * modelled). Functions persist across reboots of one machine; bcsim_sim_destroy() clears them.
 */
#include "internal.h"
#include "machine/machine.h"

#include <stdlib.h>

typedef struct pci_fn {
    uint32_t bus, device, function;
    uint8_t *space;
    uint32_t size;
} pci_fn_t;

static BCSIM_VEC(pci_fn_t) fns;

int bcsim_sim_pci_config(bcsim_sim_t *sim, uint32_t bus, uint32_t device, uint32_t function,
                         const uint8_t *config, uint32_t length)
{
    if (!sim || bus > 0xFF || device > 31 || function > 7 || length > 4096 || (length && !config))
        return BCSIM_EINVAL;
    for (size_t i = 0; i < fns.n; i++)
        if (fns.v[i].bus == bus && fns.v[i].device == device && fns.v[i].function == function) {
            free(fns.v[i].space);
            fns.v[i] = fns.v[--fns.n];
            break;
        }
    if (!length)
        return 0;
    pci_fn_t *f = BCSIM_VEC_PUSH(&fns);
    if (!f)
        return BCSIM_ENOMEM;
    f->size = length > 256 ? length : 256;
    f->space = calloc(1, f->size);
    if (!f->space) {
        fns.n--;
        return BCSIM_ENOMEM;
    }
    memcpy(f->space, config, length);
    f->bus = bus;
    f->device = device;
    f->function = function;
    return 0;
}

void bcsim__pci_shutdown(void)
{
    for (size_t i = 0; i < fns.n; i++)
        free(fns.v[i].space);
    BCSIM_VEC_FREE(&fns);
}

bcsim__u32 bcsim__pci_access(bcsim__u32 bus_number, bcsim__u32 slot, void *buffer,
                             bcsim__u32 offset, bcsim__u32 length, int write)
{
    uint32_t segment = bus_number >> 8, bus = bus_number & 0xFF, highest = 0;
    for (size_t i = 0; i < fns.n; i++)
        highest = fns.v[i].bus > highest ? fns.v[i].bus : highest;
    if (segment != 0 || bus > highest || !buffer)
        return 0;                          /* no such bus */
    uint32_t device = slot & 0x1F, function = (slot >> 5) & 0x7;
    for (size_t i = 0; i < fns.n; i++) {
        pci_fn_t *f = &fns.v[i];
        if (f->bus != bus || f->device != device || f->function != function)
            continue;
        if (offset >= f->size)
            return 0;
        uint32_t n = length < f->size - offset ? length : f->size - offset;
        if (write)
            memcpy(f->space + offset, buffer, n);
        else
            memcpy(buffer, f->space + offset, n);
        return n;
    }
    /* An empty slot: a read sees only PCI_INVALID_VENDORID; nothing is written. */
    if (write || length < 2)
        return 0;
    memset(buffer, 0xFF, 2);
    return 2;
}
