/*
 * src/nt/stubs_mm.c — memory-manager routines bcsim does not implement yet. Each stub enters the
 * verifier gate (IRQL check, "stub" reported once) and returns the documented failure value.
 */
#include "nt_private.h"

/* MmGetPhysicalAddress — Learn: the physical address (0 if none). Stub: 0. */
PHYSICAL_ADDRESS MmGetPhysicalAddress(PVOID BaseAddress)
{
    bcsim__export_enter(BCSIM__X_MmGetPhysicalAddress, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(BaseAddress);
    PHYSICAL_ADDRESS none;
    none.QuadPart = 0;
    return none;
}

/* MmIsAddressValid — Learn: FALSE if a page fault would occur. Stub: FALSE. */
BOOLEAN MmIsAddressValid(PVOID VirtualAddress)
{
    bcsim__export_enter(BCSIM__X_MmIsAddressValid, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(VirtualAddress);
    return FALSE;
}

/* MmAllocatePagesForMdl — Learn: NULL on failure. */
PMDL MmAllocatePagesForMdl(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                           PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes)
{
    bcsim__export_enter(BCSIM__X_MmAllocatePagesForMdl, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(LowAddress);
    UNREFERENCED_PARAMETER(HighAddress);
    UNREFERENCED_PARAMETER(SkipBytes);
    UNREFERENCED_PARAMETER(TotalBytes);
    return NULL;
}

/* MmAllocatePagesForMdlEx — Learn: NULL on failure. */
PMDL MmAllocatePagesForMdlEx(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                             PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
                             MEMORY_CACHING_TYPE CacheType, ULONG Flags)
{
    bcsim__export_enter(BCSIM__X_MmAllocatePagesForMdlEx, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(LowAddress);
    UNREFERENCED_PARAMETER(HighAddress);
    UNREFERENCED_PARAMETER(SkipBytes);
    UNREFERENCED_PARAMETER(TotalBytes);
    UNREFERENCED_PARAMETER(CacheType);
    UNREFERENCED_PARAMETER(Flags);
    return NULL;
}

/* MmFreePagesFromMdl — Learn: no return value. */
VOID MmFreePagesFromMdl(PMDL MemoryDescriptorList)
{
    bcsim__export_enter(BCSIM__X_MmFreePagesFromMdl, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(MemoryDescriptorList);
}

/* MmMapLockedPagesSpecifyCache — Learn: NULL on failure (when BugCheckOnFailure is FALSE). */
PVOID MmMapLockedPagesSpecifyCache(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode,
                                   MEMORY_CACHING_TYPE CacheType, PVOID RequestedAddress,
                                   ULONG BugCheckOnFailure, ULONG Priority)
{
    bcsim__export_enter(BCSIM__X_MmMapLockedPagesSpecifyCache, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(MemoryDescriptorList);
    UNREFERENCED_PARAMETER(AccessMode);
    UNREFERENCED_PARAMETER(CacheType);
    UNREFERENCED_PARAMETER(RequestedAddress);
    UNREFERENCED_PARAMETER(BugCheckOnFailure);
    UNREFERENCED_PARAMETER(Priority);
    return NULL;
}

/* MmUnmapLockedPages — Learn: no return value. */
VOID MmUnmapLockedPages(PVOID BaseAddress, PMDL MemoryDescriptorList)
{
    bcsim__export_enter(BCSIM__X_MmUnmapLockedPages, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(BaseAddress);
    UNREFERENCED_PARAMETER(MemoryDescriptorList);
}

/* MmBuildMdlForNonPagedPool — Learn: no return value. */
VOID MmBuildMdlForNonPagedPool(PMDL MemoryDescriptorList)
{
    bcsim__export_enter(BCSIM__X_MmBuildMdlForNonPagedPool, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(MemoryDescriptorList);
}

/* MmProbeAndLockPages — Learn: no return value (raises on failure). */
VOID MmProbeAndLockPages(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode, LOCK_OPERATION Operation)
{
    bcsim__export_enter(BCSIM__X_MmProbeAndLockPages, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(MemoryDescriptorList);
    UNREFERENCED_PARAMETER(AccessMode);
    UNREFERENCED_PARAMETER(Operation);
}

/* MmUnlockPages — Learn: no return value. */
VOID MmUnlockPages(PMDL MemoryDescriptorList)
{
    bcsim__export_enter(BCSIM__X_MmUnlockPages, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(MemoryDescriptorList);
}

/* MmAllocateContiguousMemory — Learn: NULL on failure. */
PVOID MmAllocateContiguousMemory(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS HighestAcceptableAddress)
{
    bcsim__export_enter(BCSIM__X_MmAllocateContiguousMemory, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(HighestAcceptableAddress);
    return NULL;
}

/* MmAllocateContiguousMemorySpecifyCache — Learn: NULL on failure. */
PVOID MmAllocateContiguousMemorySpecifyCache(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS LowestAcceptableAddress,
                                             PHYSICAL_ADDRESS HighestAcceptableAddress,
                                             PHYSICAL_ADDRESS BoundaryAddressMultiple,
                                             MEMORY_CACHING_TYPE CacheType)
{
    bcsim__export_enter(BCSIM__X_MmAllocateContiguousMemorySpecifyCache, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(LowestAcceptableAddress);
    UNREFERENCED_PARAMETER(HighestAcceptableAddress);
    UNREFERENCED_PARAMETER(BoundaryAddressMultiple);
    UNREFERENCED_PARAMETER(CacheType);
    return NULL;
}

/* MmFreeContiguousMemory — Learn: no return value. */
VOID MmFreeContiguousMemory(PVOID BaseAddress)
{
    bcsim__export_enter(BCSIM__X_MmFreeContiguousMemory, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(BaseAddress);
}

/* MmMapIoSpace — Learn: NULL if the space could not be mapped. */
PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, MEMORY_CACHING_TYPE CacheType)
{
    bcsim__export_enter(BCSIM__X_MmMapIoSpace, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(PhysicalAddress);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(CacheType);
    return NULL;
}

/* MmMapIoSpaceEx — Learn: NULL if the space could not be mapped. */
PVOID MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, ULONG Protect)
{
    bcsim__export_enter(BCSIM__X_MmMapIoSpaceEx, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(PhysicalAddress);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(Protect);
    return NULL;
}

/* MmUnmapIoSpace — Learn: no return value. */
VOID MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
    bcsim__export_enter(BCSIM__X_MmUnmapIoSpace, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(BaseAddress);
    UNREFERENCED_PARAMETER(NumberOfBytes);
}
