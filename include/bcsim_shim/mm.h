/*
 * bcsim shim: the memory manager (Mm) part of wdm.h — pages, caching types, MDLs and the Mm
 * routines drivers call around bug-check callbacks (wdk-surface.md 3.2, 3.3, 3.10, 3.15).
 * Physical addresses are bcsim's synthetic frames (dump-format.md 13). Needs ntdef.h, ke.h.
 */
#ifndef BCSIM_SHIM_MM_H
#define BCSIM_SHIM_MM_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/mm.h"
#endif

EXTERN_C_START

/* ---- pages ---------------------------------------------------------------------------------- */
#ifndef PAGE_SIZE
#define PAGE_SIZE 0x1000
#endif
#ifndef PAGE_SHIFT
#define PAGE_SHIFT 12
#endif
#ifndef PAGE_ALIGN
#define PAGE_ALIGN(Va) ((PVOID)((ULONG_PTR)(Va) & ~((ULONG_PTR)PAGE_SIZE - 1)))
#endif
#ifndef BYTE_OFFSET
#define BYTE_OFFSET(Va) ((ULONG)((LONG_PTR)(Va) & (PAGE_SIZE - 1)))
#endif
#ifndef BYTES_TO_PAGES
#define BYTES_TO_PAGES(Size) (((Size) >> PAGE_SHIFT) + (((Size) & (PAGE_SIZE - 1)) != 0))
#endif
#ifndef ROUND_TO_PAGES
#define ROUND_TO_PAGES(Size) (((ULONG_PTR)(Size) + PAGE_SIZE - 1) & ~((ULONG_PTR)PAGE_SIZE - 1))
#endif
#ifndef ADDRESS_AND_SIZE_TO_SPAN_PAGES
#define ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size) \
    ((((SIZE_T)BYTE_OFFSET(Va)) + ((SIZE_T)(Size)) + (PAGE_SIZE - 1)) >> PAGE_SHIFT)
#endif
#define COMPUTE_PAGES_SPANNED(Va, Size) ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size)

/* page protections (MmMapIoSpaceEx) */
#define PAGE_NOACCESS          0x01
#define PAGE_READONLY          0x02
#define PAGE_READWRITE         0x04
#define PAGE_WRITECOPY         0x08
#define PAGE_EXECUTE           0x10
#define PAGE_EXECUTE_READ      0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define PAGE_GUARD             0x100
#define PAGE_NOCACHE           0x200
#define PAGE_WRITECOMBINE      0x400

/* ---- caching, priorities, lock operations ----------------------------------------------------- */
typedef enum _MEMORY_CACHING_TYPE_ORIG {
    MmFrameBufferCached = 2
} MEMORY_CACHING_TYPE_ORIG;

typedef enum _MEMORY_CACHING_TYPE {
    MmNonCached = 0,
    MmCached = 1,
    MmWriteCombined = 2,
    MmHardwareCoherentCached = 3,
    MmNonCachedUnordered = 4,
    MmUSWCCached = 5,
    MmMaximumCacheType = 6,
    MmNotMapped = -1
} MEMORY_CACHING_TYPE;

typedef enum _MM_PAGE_PRIORITY {
    LowPagePriority = 0,
    NormalPagePriority = 16,
    HighPagePriority = 32
} MM_PAGE_PRIORITY;

/* OR-ed into the Priority argument of MmMapLockedPagesSpecifyCache / MmGetSystemAddressForMdlSafe */
#define MdlMappingNoWrite   0x80000000U
#define MdlMappingNoExecute 0x40000000U
#define MdlMappingWithGuardPtes 0x20000000U

typedef enum _LOCK_OPERATION {
    IoReadAccess = 0,
    IoWriteAccess = 1,
    IoModifyAccess = 2
} LOCK_OPERATION;

/* MmAllocatePagesForMdlEx flags */
#define MM_DONT_ZERO_ALLOCATION                0x00000001
#define MM_ALLOCATE_FROM_LOCAL_NODE_ONLY       0x00000002
#define MM_ALLOCATE_FULLY_REQUIRED             0x00000004
#define MM_ALLOCATE_NO_WAIT                    0x00000008
#define MM_ALLOCATE_PREFER_CONTIGUOUS          0x00000010
#define MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS  0x00000020
#define MM_ALLOCATE_FAST_LARGE_PAGES           0x00000040
#define MM_ALLOCATE_TRIM_IF_NECESSARY          0x00000080
#define MM_ALLOCATE_AND_HOT_REMOVE             0x00000100

/* ---- MDLs --------------------------------------------------------------------------------------- */
typedef struct _MDL {
    struct _MDL *Next;
    CSHORT Size;
    CSHORT MdlFlags;
    struct _EPROCESS *Process;
    PVOID MappedSystemVa;
    PVOID StartVa;
    ULONG ByteCount;
    ULONG ByteOffset;
} MDL, *PMDL;
typedef MDL *PMDLX;

#define MDL_MAPPED_TO_SYSTEM_VA     0x0001
#define MDL_PAGES_LOCKED            0x0002
#define MDL_SOURCE_IS_NONPAGED_POOL 0x0004
#define MDL_ALLOCATED_FIXED_SIZE    0x0008
#define MDL_PARTIAL                 0x0010
#define MDL_PARTIAL_HAS_BEEN_MAPPED 0x0020
#define MDL_IO_PAGE_READ            0x0040
#define MDL_WRITE_OPERATION         0x0080
#define MDL_LOCKED_PAGE_TABLES      0x0100
#define MDL_PARENT_MAPPED_SYSTEM_VA MDL_LOCKED_PAGE_TABLES
#define MDL_FREE_EXTRA_PTES         0x0200
#define MDL_DESCRIBES_AWE           0x0400
#define MDL_IO_SPACE                0x0800
#define MDL_NETWORK_HEADER          0x1000
#define MDL_MAPPING_CAN_FAIL        0x2000
#define MDL_PAGE_CONTENTS_INVARIANT 0x4000
#define MDL_ALLOCATED_MUST_SUCCEED  MDL_PAGE_CONTENTS_INVARIANT
#define MDL_INTERNAL                0x8000
#define MDL_MAPPING_FLAGS (MDL_MAPPED_TO_SYSTEM_VA | MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL | \
                           MDL_PARTIAL_HAS_BEEN_MAPPED | MDL_PARENT_MAPPED_SYSTEM_VA | MDL_IO_SPACE)

#define MmGetMdlPfnArray(Mdl) ((PPFN_NUMBER)((Mdl) + 1))
/* Integer arithmetic: StartVa is NULL for an MDL of pages with no mapping, and pointer
 * arithmetic on NULL is undefined (UBSan reports it in a sanitizer build of the driver). */
#define MmGetMdlVirtualAddress(Mdl) ((PVOID)((ULONG_PTR)((Mdl)->StartVa) + (Mdl)->ByteOffset))
#define MmGetMdlByteCount(Mdl) ((Mdl)->ByteCount)
#define MmGetMdlByteOffset(Mdl) ((Mdl)->ByteOffset)
#define MmGetMdlStartVa(Mdl) ((Mdl)->StartVa)

#define MmInitializeMdl(MemoryDescriptorList, BaseVa, Length) do {                                 \
        (MemoryDescriptorList)->Next = (PMDL)NULL;                                                   \
        (MemoryDescriptorList)->Size = (CSHORT)(sizeof(MDL) +                                        \
            (sizeof(PFN_NUMBER) * ADDRESS_AND_SIZE_TO_SPAN_PAGES((BaseVa), (Length))));             \
        (MemoryDescriptorList)->MdlFlags = 0;                                                        \
        (MemoryDescriptorList)->StartVa = (PVOID)PAGE_ALIGN((BaseVa));                               \
        (MemoryDescriptorList)->ByteOffset = BYTE_OFFSET((BaseVa));                                  \
        (MemoryDescriptorList)->ByteCount = (ULONG)(Length);                                         \
    } while (0)

#define MmPrepareMdlForReuse(MDL) do {                                                                \
        if (((MDL)->MdlFlags & MDL_PARTIAL_HAS_BEEN_MAPPED) != 0) {                                  \
            MmUnmapLockedPages((MDL)->MappedSystemVa, (MDL));                                        \
        } else if (((MDL)->MdlFlags & MDL_PARTIAL) == 0) {                                           \
            (MDL)->MdlFlags &= ~MDL_MAPPED_TO_SYSTEM_VA;                                              \
        }                                                                                            \
    } while (0)

/* ---- Mm routines --------------------------------------------------------------------------------- */
NTKERNELAPI
PHYSICAL_ADDRESS
MmGetPhysicalAddress(
    _In_ PVOID BaseAddress
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
PVOID
MmGetSystemRoutineAddress(
    _In_ PUNICODE_STRING SystemRoutineName
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PMDL
MmAllocatePagesForMdl(
    _In_ PHYSICAL_ADDRESS LowAddress,
    _In_ PHYSICAL_ADDRESS HighAddress,
    _In_ PHYSICAL_ADDRESS SkipBytes,
    _In_ SIZE_T TotalBytes
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PMDL
MmAllocatePagesForMdlEx(
    _In_ PHYSICAL_ADDRESS LowAddress,
    _In_ PHYSICAL_ADDRESS HighAddress,
    _In_ PHYSICAL_ADDRESS SkipBytes,
    _In_ SIZE_T TotalBytes,
    _In_ MEMORY_CACHING_TYPE CacheType,
    _In_ ULONG Flags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmFreePagesFromMdl(
    _Inout_ PMDL MemoryDescriptorList
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PVOID
MmMapLockedPagesSpecifyCache(
    _Inout_ PMDL MemoryDescriptorList,
    _In_ __drv_strictType(KPROCESSOR_MODE / enum _MODE, __drv_typeConst) KPROCESSOR_MODE AccessMode,
    _In_ __drv_strictTypeMatch(__drv_typeCond) MEMORY_CACHING_TYPE CacheType,
    _In_opt_ PVOID RequestedAddress,
    _In_ ULONG BugCheckOnFailure,
    _In_ ULONG Priority
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmUnmapLockedPages(
    _In_ PVOID BaseAddress,
    _Inout_ PMDL MemoryDescriptorList
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmBuildMdlForNonPagedPool(
    _Inout_ PMDL MemoryDescriptorList
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
MmProbeAndLockPages(
    _Inout_ PMDL MemoryDescriptorList,
    _In_ KPROCESSOR_MODE AccessMode,
    _In_ LOCK_OPERATION Operation
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmUnlockPages(
    _Inout_ PMDL MemoryDescriptorList
    );

NTKERNELAPI
SIZE_T
MmSizeOfMdl(
    _In_reads_bytes_opt_(Length) PVOID Base,
    _In_ SIZE_T Length
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PVOID
MmAllocateContiguousMemory(
    _In_ SIZE_T NumberOfBytes,
    _In_ PHYSICAL_ADDRESS HighestAcceptableAddress
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PVOID
MmAllocateContiguousMemorySpecifyCache(
    _In_ SIZE_T NumberOfBytes,
    _In_ PHYSICAL_ADDRESS LowestAcceptableAddress,
    _In_ PHYSICAL_ADDRESS HighestAcceptableAddress,
    _In_opt_ PHYSICAL_ADDRESS BoundaryAddressMultiple,
    _In_ MEMORY_CACHING_TYPE CacheType
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmFreeContiguousMemory(
    _In_ PVOID BaseAddress
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmFreeContiguousMemorySpecifyCache(
    _In_reads_bytes_(NumberOfBytes) PVOID BaseAddress,
    _In_ SIZE_T NumberOfBytes,
    _In_ MEMORY_CACHING_TYPE CacheType
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PVOID
MmMapIoSpace(
    _In_ PHYSICAL_ADDRESS PhysicalAddress,
    _In_ SIZE_T NumberOfBytes,
    _In_ MEMORY_CACHING_TYPE CacheType
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PVOID
MmMapIoSpaceEx(
    _In_ PHYSICAL_ADDRESS PhysicalAddress,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Protect
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
MmUnmapIoSpace(
    _In_reads_bytes_(NumberOfBytes) PVOID BaseAddress,
    _In_ SIZE_T NumberOfBytes
    );

/* The WDK's macro: the mapped address if the MDL already has one, otherwise a fresh mapping. */
#define MmGetSystemAddressForMdlSafe(MDL, PRIORITY)                                               \
    (((MDL)->MdlFlags & (MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL))                  \
        ? ((MDL)->MappedSystemVa)                                                                  \
        : (MmMapLockedPagesSpecifyCache((MDL), KernelMode, MmCached, NULL, FALSE, (PRIORITY))))

EXTERN_C_END

#endif /* BCSIM_SHIM_MM_H */
