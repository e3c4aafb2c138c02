/*
 * src/nt/mm_mdl.c — memory descriptor lists (wdk-surface.md 3.10, 3.15; dispatcher-model.md
 * 9.2: 0xC4/0x70, 0x76, 0x79, 0x7E). The MDL layout and its PFN array are the WDK's; frames are
 * bcsim's synthetic ones (src/machine/mm.c). bcsim maps identically: the "system address" of an MDL
 * is the buffer it describes, and the pages of MmAllocatePagesForMdl live at one fixed host
 * address, which is what MmMapLockedPagesSpecifyCache returns for them. MDLs are nonpaged pool
 * (IoFreeMdl, or ExFreePool after MmFreePagesFromMdl, frees them).
 */
#include "nt_private.h"

#define MAX_MDL_BYTES (0xFFFFFFFFULL - PAGE_SIZE + 1)

static PMDL mdl_new(PVOID Va, SIZE_T Length)
{
    SIZE_T pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Length);
    PMDL mdl = (PMDL)bcsim__mm_mdl_storage(sizeof(MDL) + pages * sizeof(PFN_NUMBER));
    if (!mdl)
        return NULL;
    MmInitializeMdl(mdl, Va, Length);
    mdl->Process = NULL;
    mdl->MappedSystemVa = NULL;
    return mdl;
}

/* Fills the PFN array from the frames of the pages the MDL describes. */
static VOID fill_pfns(PMDL Mdl)
{
    PPFN_NUMBER pfn = MmGetMdlPfnArray(Mdl);
    PUCHAR va = (PUCHAR)Mdl->StartVa;
    SIZE_T pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(Mdl), Mdl->ByteCount);
    for (SIZE_T i = 0; i < pages; i++)
        pfn[i] = (PFN_NUMBER)(bcsim__mm_va_to_pa(va + i * PAGE_SIZE) >> PAGE_SHIFT);
}

/* IoAllocateMdl — Learn: an MDL large enough to map the buffer (not yet built); with an IRP, it
 * becomes Irp->MdlAddress, or is chained after it when SecondaryBuffer is TRUE; NULL on
 * failure. */
PMDL IoAllocateMdl(PVOID VirtualAddress, ULONG Length, BOOLEAN SecondaryBuffer, BOOLEAN ChargeQuota, PIRP Irp)
{
    bcsim__export_enter(BCSIM__X_IoAllocateMdl, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(ChargeQuota);
    if (Length == 0 || Length > MAX_MDL_BYTES)
        return NULL;
    PMDL mdl = mdl_new(VirtualAddress, Length);
    if (mdl && Irp) {
        if (!SecondaryBuffer || !Irp->MdlAddress) {
            Irp->MdlAddress = mdl;
        } else {
            PMDL tail = Irp->MdlAddress;
            while (tail->Next)
                tail = tail->Next;
            tail->Next = mdl;
        }
    }
    return mdl;
}

/* IoFreeMdl — Learn: releases an MDL IoAllocateMdl allocated. */
VOID IoFreeMdl(PMDL Mdl)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_IoFreeMdl, caller);
    bcsim__mm_mdl_storage_free(Mdl, caller);
}

/* MmBuildMdlForNonPagedPool — Learn: fills the PFN array for a buffer in nonpaged memory and
 * sets MappedSystemVa; the MDL gets MDL_SOURCE_IS_NONPAGED_POOL. */
VOID MmBuildMdlForNonPagedPool(PMDL MemoryDescriptorList)
{
    bcsim__export_enter(BCSIM__X_MmBuildMdlForNonPagedPool, BCSIM__CALLER());
    fill_pfns(MemoryDescriptorList);
    MemoryDescriptorList->MappedSystemVa = MmGetMdlVirtualAddress(MemoryDescriptorList);
    MemoryDescriptorList->MdlFlags |= MDL_SOURCE_IS_NONPAGED_POOL;
}

/* MmProbeAndLockPages — Learn: makes the pages resident and locks them, fills the PFN array;
 * raises STATUS_ACCESS_VIOLATION for an invalid buffer; IRQL <= DISPATCH_LEVEL (pageable
 * memory: APC_LEVEL). */
VOID MmProbeAndLockPages(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode, LOCK_OPERATION Operation)
{
    void *caller = BCSIM__CALLER();
    PMDL mdl = MemoryDescriptorList;
    bcsim__export_enter_args(BCSIM__X_MmProbeAndLockPages, caller, (ULONG_PTR)mdl, (bcsim__u64)AccessMode);
    NTSTATUS status = bcsim__mm_probe(MmGetMdlVirtualAddress(mdl), mdl->ByteCount,
                                      Operation != IoReadAccess, mdl, caller);
    if (!NT_SUCCESS(status))
        bcsim__raise_status(status, caller);
    fill_pfns(mdl);
    mdl->MdlFlags |= MDL_PAGES_LOCKED;
    if (Operation != IoReadAccess)
        mdl->MdlFlags |= MDL_WRITE_OPERATION;
}

/* MmUnlockPages — Learn: unlocks pages MmProbeAndLockPages locked (and unmaps a system mapping). */
VOID MmUnlockPages(PMDL MemoryDescriptorList)
{
    bcsim__export_enter(BCSIM__X_MmUnlockPages, BCSIM__CALLER());
    MemoryDescriptorList->MdlFlags &= ~(MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA | MDL_WRITE_OPERATION);
}

/* The pages of MmAllocatePagesForMdl(Ex): driver-owned physical pages outside the default dump
 * set; all TotalBytes or nothing (bcsim's frames are never scarce), and none when they cannot
 * lie in [LowAddress, HighAddress]. */
static PMDL pages_for_mdl(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress, SIZE_T TotalBytes)
{
    SIZE_T bytes = ROUND_TO_PAGES(TotalBytes);
    if (bytes == 0 || bytes > MAX_MDL_BYTES)
        return NULL;
    bcsim__u64 first = 0;
    PUCHAR block = (PUCHAR)bcsim__mm_pages_alloc(bytes, &first);
    if (!block)
        return NULL;
    SIZE_T pages = bytes >> PAGE_SHIFT;
    bcsim__u64 lo = first << PAGE_SHIFT, hi = ((first + pages) << PAGE_SHIFT) - 1;
    PMDL mdl = NULL;
    if (lo >= (bcsim__u64)LowAddress.QuadPart && hi <= (bcsim__u64)HighAddress.QuadPart)
        mdl = (PMDL)bcsim__mm_mdl_storage(sizeof(MDL) + pages * sizeof(PFN_NUMBER));
    if (!mdl) {
        bcsim__mm_pages_free(first, pages, BCSIM__CALLER());
        return NULL;
    }
    mdl->Next = NULL;
    mdl->Size = (CSHORT)(sizeof(MDL) + pages * sizeof(PFN_NUMBER));
    mdl->MdlFlags = MDL_PAGES_LOCKED;
    mdl->Process = NULL;
    mdl->MappedSystemVa = NULL;
    mdl->StartVa = NULL;
    mdl->ByteOffset = 0;
    mdl->ByteCount = (ULONG)bytes;
    PPFN_NUMBER pfn = MmGetMdlPfnArray(mdl);
    for (SIZE_T i = 0; i < pages; i++)
        pfn[i] = (PFN_NUMBER)(first + i);
    return mdl;
}

/* MmAllocatePagesForMdl — Learn: allocates physical pages (zero-filled) and an MDL describing
 * them; the pages are not mapped; NULL on failure; IRQL <= DISPATCH_LEVEL (0xC4/0x7E). */
PMDL MmAllocatePagesForMdl(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                           PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes)
{
    UNREFERENCED_PARAMETER(SkipBytes);
    bcsim__export_enter_args(BCSIM__X_MmAllocatePagesForMdl, BCSIM__CALLER(), DISPATCH_LEVEL, 0);
    return pages_for_mdl(LowAddress, HighAddress, TotalBytes);
}

/* MmAllocatePagesForMdlEx — Learn: as MmAllocatePagesForMdl with a caching type and flags
 * (MM_ALLOCATE_*, MM_DONT_ZERO_ALLOCATION): bcsim always allocates fully, zeroed. */
PMDL MmAllocatePagesForMdlEx(PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                             PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
                             MEMORY_CACHING_TYPE CacheType, ULONG Flags)
{
    UNREFERENCED_PARAMETER(SkipBytes);
    UNREFERENCED_PARAMETER(CacheType);
    UNREFERENCED_PARAMETER(Flags);
    bcsim__export_enter_args(BCSIM__X_MmAllocatePagesForMdlEx, BCSIM__CALLER(), DISPATCH_LEVEL, 0);
    return pages_for_mdl(LowAddress, HighAddress, TotalBytes);
}

/* MmFreePagesFromMdl — Learn: frees the pages (not the MDL: the caller frees it with
 * ExFreePool). */
VOID MmFreePagesFromMdl(PMDL MemoryDescriptorList)
{
    void *caller = BCSIM__CALLER();
    PMDL mdl = MemoryDescriptorList;
    bcsim__export_enter_args(BCSIM__X_MmFreePagesFromMdl, caller, DISPATCH_LEVEL, 0);
    SIZE_T pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(mdl), mdl->ByteCount);
    if (pages)
        bcsim__mm_pages_free(MmGetMdlPfnArray(mdl)[0], pages, caller);
    mdl->MdlFlags &= ~(MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA);
    mdl->ByteCount = 0;
}

/* MmMapLockedPagesSpecifyCache — Learn: maps the locked pages; kernel mode at IRQL <=
 * DISPATCH_LEVEL (0xC4/0x76); NULL on failure (when BugCheckOnFailure is FALSE). bcsim has no
 * user address space: a UserMode mapping fails. */
PVOID MmMapLockedPagesSpecifyCache(PMDL MemoryDescriptorList, KPROCESSOR_MODE AccessMode,
                                   MEMORY_CACHING_TYPE CacheType, PVOID RequestedAddress,
                                   ULONG BugCheckOnFailure, ULONG Priority)
{
    void *caller = BCSIM__CALLER();
    PMDL mdl = MemoryDescriptorList;
    UNREFERENCED_PARAMETER(CacheType);
    UNREFERENCED_PARAMETER(RequestedAddress);
    UNREFERENCED_PARAMETER(BugCheckOnFailure);
    UNREFERENCED_PARAMETER(Priority);
    bcsim__export_enter_args(BCSIM__X_MmMapLockedPagesSpecifyCache, caller, (ULONG_PTR)mdl,
                             (bcsim__u64)AccessMode);
    if (AccessMode != KernelMode)
        return NULL;
    PVOID va;
    if (mdl->StartVa) {
        va = MmGetMdlVirtualAddress(mdl);
    } else {
        PUCHAR base = (PUCHAR)bcsim__mm_pa_to_va((bcsim__u64)MmGetMdlPfnArray(mdl)[0] << PAGE_SHIFT);
        if (!base)
            return NULL;
        va = base + mdl->ByteOffset;
    }
    mdl->MappedSystemVa = va;
    mdl->MdlFlags |= MDL_MAPPED_TO_SYSTEM_VA;
    return va;
}

/* MmUnmapLockedPages — Learn: releases a mapping MmMapLockedPagesSpecifyCache made; kernel
 * mode at IRQL <= DISPATCH_LEVEL (0xC4/0x79). */
VOID MmUnmapLockedPages(PVOID BaseAddress, PMDL MemoryDescriptorList)
{
    bcsim__export_enter_args(BCSIM__X_MmUnmapLockedPages, BCSIM__CALLER(), (ULONG_PTR)BaseAddress,
                             (ULONG_PTR)MemoryDescriptorList);
    MemoryDescriptorList->MdlFlags &= ~MDL_MAPPED_TO_SYSTEM_VA;
    MemoryDescriptorList->MappedSystemVa = NULL;
}
