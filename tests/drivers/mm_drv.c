/*
 * tests/drivers/mm_drv.c — a test driver for the memory-manager routines (tests/test_mm.c):
 * validity, physical addresses, contiguous memory, I/O-space mappings and register access,
 * MDLs (built, probed, pages allocated for them), and callbacks that check validity, touch
 * registers and add driver-owned pages to the dump by physical address.
 */
#include <ntddk.h>

typedef struct mm_seen {
    int valid[4];
    unsigned reg_read[4];
    int calls;
} mm_seen_t;

static mm_seen_t MmSeen;
static ULONG MmGlobal[16];
static int MmMode;
static const void *MmArg[4];
static KBUGCHECK_CALLBACK_RECORD MmLegacy;
static KBUGCHECK_REASON_CALLBACK_RECORD MmReason;

void *mm_global(void) { return MmGlobal; }
void *mm_paged(size_t bytes) { return ExAllocatePool2(POOL_FLAG_PAGED, bytes, 'gPmM'); }
void *mm_nonpaged(size_t bytes) { return ExAllocatePool2(POOL_FLAG_NON_PAGED, bytes, 'pNmM'); }
void mm_free(void *p) { ExFreePool(p); }
int mm_valid(const void *p) { return MmIsAddressValid((PVOID)p); }
unsigned long long mm_pa(const void *p) { return (unsigned long long)MmGetPhysicalAddress((PVOID)p).QuadPart; }

void *mm_va(unsigned long long pa)
{
    PHYSICAL_ADDRESS a;
    a.QuadPart = (LONGLONG)pa;
    return MmGetVirtualForPhysical(a);
}

void *mm_contig(size_t bytes, unsigned long long highest)
{
    PHYSICAL_ADDRESS h;
    h.QuadPart = (LONGLONG)highest;
    return MmAllocateContiguousMemory(bytes, h);
}

void *mm_contig_ex(size_t bytes, unsigned long long lowest, unsigned long long highest,
                   unsigned long long boundary)
{
    PHYSICAL_ADDRESS l, h, b;
    l.QuadPart = (LONGLONG)lowest;
    h.QuadPart = (LONGLONG)highest;
    b.QuadPart = (LONGLONG)boundary;
    return MmAllocateContiguousMemorySpecifyCache(bytes, l, h, b, MmCached);
}

void mm_contig_free(void *p) { MmFreeContiguousMemory(p); }

void *mm_io_map(unsigned long long pa, size_t bytes)
{
    PHYSICAL_ADDRESS a;
    a.QuadPart = (LONGLONG)pa;
    return MmMapIoSpace(a, bytes, MmNonCached);
}

void mm_io_unmap(void *va, size_t bytes) { MmUnmapIoSpace(va, bytes); }

void *mm_pages_mdl(size_t bytes, unsigned long long *pfns, int max_pfns, void **mapped)
{
    PHYSICAL_ADDRESS lo, hi, skip;
    PMDL mdl;
    PUCHAR va;
    ULONG pages, i;
    lo.QuadPart = 0;
    hi.QuadPart = (LONGLONG)0x7FFFFFFFFFFFFFFFULL;
    skip.QuadPart = 0;
    mdl = MmAllocatePagesForMdlEx(lo, hi, skip, bytes, MmCached, MM_ALLOCATE_FULLY_REQUIRED);
    if (!mdl)
        return NULL;
    va = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    if (!va)
        return NULL;
    pages = (ULONG)ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(mdl), MmGetMdlByteCount(mdl));
    for (i = 0; i < pages; i++) {
        RtlFillMemory(va + i * PAGE_SIZE, PAGE_SIZE, (UCHAR)('A' + i));
        if ((int)i < max_pfns)
            pfns[i] = MmGetMdlPfnArray(mdl)[i];
    }
    *mapped = va;
    return mdl;
}

void mm_pages_mdl_free(void *mdl, void *mapped)
{
    MmUnmapLockedPages(mapped, (PMDL)mdl);
    MmFreePagesFromMdl((PMDL)mdl);
    ExFreePool(mdl);
}

int mm_mdl_build(void *buf, unsigned len, unsigned long long *pfns, int max_pfns, unsigned *flags,
                 void **sysva)
{
    PMDL mdl = IoAllocateMdl(buf, len, FALSE, FALSE, NULL);
    ULONG pages, i;
    if (!mdl)
        return 0;
    MmBuildMdlForNonPagedPool(mdl);
    pages = (ULONG)ADDRESS_AND_SIZE_TO_SPAN_PAGES(buf, len);
    for (i = 0; i < pages && (int)i < max_pfns; i++)
        pfns[i] = MmGetMdlPfnArray(mdl)[i];
    *flags = (unsigned)(USHORT)mdl->MdlFlags;
    *sysva = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    IoFreeMdl(mdl);
    return (int)pages;
}

int mm_probe(void *buf, unsigned len, unsigned *flags_locked, unsigned *flags_unlocked)
{
    PMDL mdl = IoAllocateMdl(buf, len, FALSE, FALSE, NULL);
    volatile int code = 0;
    if (!mdl)
        return -1;
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    *flags_locked = (unsigned)(USHORT)mdl->MdlFlags;
    if (!code)
        MmUnlockPages(mdl);
    *flags_unlocked = (unsigned)(USHORT)mdl->MdlFlags;
    IoFreeMdl(mdl);
    return code;
}

void mm_probe_at_dispatch(void *buf, unsigned len)
{
    KIRQL old;
    PMDL mdl = IoAllocateMdl(buf, len, FALSE, FALSE, NULL);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    MmProbeAndLockPages(mdl, KernelMode, IoReadAccess);
    MmUnlockPages(mdl);
    KeLowerIrql(old);
    IoFreeMdl(mdl);
}

void *mm_pages_mdl_at_high(void)
{
    KIRQL old;
    PMDL mdl;
    PHYSICAL_ADDRESS lo, hi, skip;
    lo.QuadPart = 0;
    hi.QuadPart = (LONGLONG)0x7FFFFFFFFFFFFFFFULL;
    skip.QuadPart = 0;
    KeRaiseIrql(HIGH_LEVEL, &old);
    mdl = MmAllocatePagesForMdl(lo, hi, skip, PAGE_SIZE);
    KeLowerIrql(old);
    return mdl;
}

void *mm_io_map_at_high(unsigned long long pa, size_t bytes)
{
    KIRQL old;
    PVOID va;
    KeRaiseIrql(HIGH_LEVEL, &old);
    va = mm_io_map(pa, bytes);
    KeLowerIrql(old);
    return va;
}

int mm_valid_at_high(const void *p)
{
    KIRQL old;
    BOOLEAN v;
    KeRaiseIrql(HIGH_LEVEL, &old);
    v = MmIsAddressValid((PVOID)p);
    KeLowerIrql(old);
    return v;
}

static KBUGCHECK_CALLBACK_ROUTINE MmCallback;
static VOID MmCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    MmSeen.calls++;
    if (MmMode == 1) {
        for (int i = 0; i < 4; i++)
            MmSeen.valid[i] = MmIsAddressValid((PVOID)MmArg[i]);
    } else if (MmMode == 2) {
        volatile ULONG *reg = (volatile ULONG *)MmArg[0];
        UCHAR bytes[4] = { 1, 2, 3, 4 };
        WRITE_REGISTER_ULONG(&reg[1], 0x1234);
        MmSeen.reg_read[0] = READ_REGISTER_ULONG(&reg[1]);
        MmSeen.reg_read[1] = READ_REGISTER_ULONG(&reg[2]);       /* scripted by the test */
        MmSeen.reg_read[2] = READ_REGISTER_ULONG(&reg[2]);
        WRITE_REGISTER_BUFFER_UCHAR((volatile UCHAR *)&reg[4], bytes, 4);
        MmSeen.reg_read[3] = READ_REGISTER_USHORT((volatile USHORT *)&reg[4]);
    }
}

static KBUGCHECK_REASON_CALLBACK_ROUTINE MmReasonCallback;
static VOID MmReasonCallback(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                             PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    MmSeen.calls++;
    if (Reason == KbCallbackAddPages) {
        PKBUGCHECK_ADD_PAGES p = (PKBUGCHECK_ADD_PAGES)ReasonSpecificData;
        p->Flags = KB_ADD_PAGES_FLAG_PHYSICAL_ADDRESS;
        p->Address = (ULONG_PTR)MmArg[0];
        p->Count = (ULONG_PTR)MmArg[1];
    } else if (Reason == KbCallbackTriageDumpData) {
        MmSeen.valid[0] = MmIsAddressValid((PVOID)MmArg[0]);
    }
}

unsigned char mm_register(int mode, const void *a0, const void *a1, const void *a2, const void *a3)
{
    MmMode = mode;
    MmArg[0] = a0;
    MmArg[1] = a1;
    MmArg[2] = a2;
    MmArg[3] = a3;
    RtlZeroMemory(&MmSeen, sizeof(MmSeen));
    if (mode == 3 || mode == 4) {
        KeInitializeCallbackRecord(&MmReason);
        return KeRegisterBugCheckReasonCallback(&MmReason, MmReasonCallback,
                                                mode == 3 ? KbCallbackAddPages : KbCallbackTriageDumpData,
                                                (PUCHAR)"mm_drv");
    }
    KeInitializeCallbackRecord(&MmLegacy);
    return KeRegisterBugCheckCallback(&MmLegacy, MmCallback, NULL, 0, (PUCHAR)"mm_drv");
}

const mm_seen_t *mm_seen(void) { return &MmSeen; }
