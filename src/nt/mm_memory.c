/*
 * src/nt/mm_memory.c — memory-manager routines over bcsim's memory registry (src/machine/mm.c):
 * address validity (R7), synthetic physical addresses (dump-format.md 13, driver-patterns.md
 * 15), physically contiguous memory, I/O-space mappings (modelled device memory).
 */
#include "nt_private.h"

/* MmIsAddressValid — Learn: FALSE if a read or write at the address would page-fault;
 * IRQL <= DISPATCH_LEVEL, and explicitly allowed inside bug-check callbacks (for
 * TriageDumpData only with KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE). */
BOOLEAN MmIsAddressValid(PVOID VirtualAddress)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_MmIsAddressValid, caller);
    return bcsim__mm_address_valid(VirtualAddress, caller) ? TRUE : FALSE;
}

/* MmGetPhysicalAddress — Learn: the physical address of a valid nonpaged virtual address; any
 * IRQL. bcsim: its synthetic frame (or the device address of an I/O-space mapping), 0 for
 * memory without one. */
PHYSICAL_ADDRESS MmGetPhysicalAddress(PVOID BaseAddress)
{
    bcsim__export_enter(BCSIM__X_MmGetPhysicalAddress, BCSIM__CALLER());
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = (LONGLONG)bcsim__mm_va_to_pa(BaseAddress);
    return pa;
}

/* MmGetVirtualForPhysical — Learn: the virtual address of a physical address; NULL if none. */
PVOID MmGetVirtualForPhysical(PHYSICAL_ADDRESS PhysicalAddress)
{
    bcsim__export_enter(BCSIM__X_MmGetVirtualForPhysical, BCSIM__CALLER());
    return bcsim__mm_pa_to_va((bcsim__u64)PhysicalAddress.QuadPart);
}

/* MmAllocateContiguousMemory — Learn: nonpaged, physically contiguous, page-aligned memory
 * below HighestAcceptableAddress; NULL on failure. */
PVOID MmAllocateContiguousMemory(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS HighestAcceptableAddress)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_MmAllocateContiguousMemory, caller);
    return bcsim__mm_contiguous_alloc(NumberOfBytes, 0, (bcsim__u64)HighestAcceptableAddress.QuadPart,
                                      0, caller);
}

/* MmAllocateContiguousMemorySpecifyCache — Learn: as above within [Lowest, Highest], not
 * crossing a multiple of BoundaryAddressMultiple (0: no boundary). bcsim memory is cached
 * memory whatever the caching type. */
PVOID MmAllocateContiguousMemorySpecifyCache(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS LowestAcceptableAddress,
                                             PHYSICAL_ADDRESS HighestAcceptableAddress,
                                             PHYSICAL_ADDRESS BoundaryAddressMultiple,
                                             MEMORY_CACHING_TYPE CacheType)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(CacheType);
    bcsim__export_enter(BCSIM__X_MmAllocateContiguousMemorySpecifyCache, caller);
    return bcsim__mm_contiguous_alloc(NumberOfBytes, (bcsim__u64)LowestAcceptableAddress.QuadPart,
                                      (bcsim__u64)HighestAcceptableAddress.QuadPart,
                                      (bcsim__u64)BoundaryAddressMultiple.QuadPart, caller);
}

/* MmFreeContiguousMemory — Learn: frees memory an MmAllocateContiguousMemoryXxx routine returned. */
VOID MmFreeContiguousMemory(PVOID BaseAddress)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_MmFreeContiguousMemory, caller);
    bcsim__mm_contiguous_free(BaseAddress, caller);
}

/* MmFreeContiguousMemorySpecifyCache — Learn: as MmFreeContiguousMemory. */
VOID MmFreeContiguousMemorySpecifyCache(PVOID BaseAddress, SIZE_T NumberOfBytes, MEMORY_CACHING_TYPE CacheType)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(CacheType);
    bcsim__export_enter(BCSIM__X_MmFreeContiguousMemorySpecifyCache, caller);
    bcsim__mm_contiguous_free(BaseAddress, caller);
}

/* MmMapIoSpace — Learn: maps a physical address range (device memory) to nonpaged system
 * space; NULL if it cannot; IRQL <= DISPATCH_LEVEL (0xC4/0x73). bcsim: fresh modelled device
 * memory, never in a dump; READ/WRITE_REGISTER_* accesses to it are logged. */
PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, MEMORY_CACHING_TYPE CacheType)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(CacheType);
    bcsim__export_enter_args(BCSIM__X_MmMapIoSpace, caller, (bcsim__u64)PhysicalAddress.QuadPart,
                             NumberOfBytes);
    return bcsim__mm_io_map((bcsim__u64)PhysicalAddress.QuadPart, NumberOfBytes, caller);
}

/* MmMapIoSpaceEx — Learn: MmMapIoSpace with page protection flags. */
PVOID MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, ULONG Protect)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(Protect);
    bcsim__export_enter_args(BCSIM__X_MmMapIoSpaceEx, caller, (bcsim__u64)PhysicalAddress.QuadPart,
                             NumberOfBytes);
    return bcsim__mm_io_map((bcsim__u64)PhysicalAddress.QuadPart, NumberOfBytes, caller);
}

/* MmUnmapIoSpace — Learn: unmaps a range MmMapIoSpace mapped. */
VOID MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_MmUnmapIoSpace, caller);
    bcsim__mm_io_unmap(BaseAddress, NumberOfBytes, caller);
}
