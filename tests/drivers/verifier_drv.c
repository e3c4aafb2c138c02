/*
 * tests/drivers/verifier_drv.c — the good-practice counterparts of examples/bad/ in one driver,
 * for tests/test_verifier.c's silence test: pool, a spin lock and paged memory used in
 * DriverEntry at PASSIVE_LEVEL; a __try/__except around an invalid access at PASSIVE_LEVEL; a
 * SecondaryDumpData callback that raises to HIGH_LEVEL and lowers back, runs a 2000 ms stall
 * loop timed with KeQueryPerformanceCounter, checks its buffer with MmIsAddressValid (allowed,
 * R7), and returns nonpaged data allocated before the crash.
 */
#define INITGUID
#include <ntddk.h>

DEFINE_GUID(VD_GUID, 0x5eed0001, 0x0bc5, 0x4e11, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01);

typedef struct vd_seen {
    int seh_code;
    unsigned char irql_at_high;
    unsigned char irql_restored;
    unsigned stall_iterations;
    long long stall_elapsed_ms;
    int paged_ok;
    int entry_done;
} vd_seen_t;

static vd_seen_t VdSeen;
static KBUGCHECK_REASON_CALLBACK_RECORD VdRecord;
static KSPIN_LOCK VdLock;
static PUCHAR VdData;                         /* nonpaged, allocated at PASSIVE_LEVEL */
static PUCHAR VdPaged;
static volatile PULONG VdBogus = (PULONG)(ULONG_PTR)0x10;

static KBUGCHECK_REASON_CALLBACK_ROUTINE VdSecondary;
static DRIVER_UNLOAD VdUnload;
static DRIVER_INITIALIZE VdEntry;

static VOID VdSecondary(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                        PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    KIRQL old;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    KeRaiseIrql(HIGH_LEVEL, &old);                  /* a no-op change at HIGH_LEVEL: legal */
    VdSeen.irql_at_high = KeGetCurrentIrql();
    KeLowerIrql(old);
    VdSeen.irql_restored = KeGetCurrentIrql();
    if (d->OutBuffer == NULL) {
        /* size request: a 2000 ms wait for a device, timed with the performance counter */
        LARGE_INTEGER freq, start = KeQueryPerformanceCounter(&freq), now;
        do {
            KeStallExecutionProcessor(1000);
            VdSeen.stall_iterations++;
            now = KeQueryPerformanceCounter(NULL);
        } while ((now.QuadPart - start.QuadPart) * 1000 / freq.QuadPart < 2000);
        VdSeen.stall_elapsed_ms = (now.QuadPart - start.QuadPart) * 1000 / freq.QuadPart;
    }
    if (!MmIsAddressValid(VdData))
        return;
    d->Guid = VD_GUID;
    d->OutBuffer = VdData;
    d->OutBufferLength = 64;
}

static VOID VdUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&VdRecord);
}

static NTSTATUS VdEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    PVOID scratch;
    UNREFERENCED_PARAMETER(RegistryPath);
    PAGED_CODE();
    VdData = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'dGdV');
    VdPaged = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, 64, 'pGdV');
    scratch = ExAllocatePoolWithTag(NonPagedPoolNx, 128, 'sGdV');
    if (!VdData || !VdPaged || !scratch)
        return STATUS_INSUFFICIENT_RESOURCES;
    ExFreePoolWithTag(scratch, 'sGdV');
    KeInitializeSpinLock(&VdLock);
    KeAcquireSpinLock(&VdLock, &old);
    RtlFillMemory(VdData, 64, 'V');
    KeReleaseSpinLock(&VdLock, old);
    RtlFillMemory(VdPaged, 64, 'P');
    VdSeen.paged_ok = VdPaged[63] == 'P';
    __try {
        *VdBogus = 1;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        VdSeen.seh_code = GetExceptionCode();
    }
    DriverObject->DriverUnload = VdUnload;
    KeInitializeCallbackRecord(&VdRecord);
    if (!KeRegisterBugCheckReasonCallback(&VdRecord, VdSecondary, KbCallbackSecondaryDumpData,
                                          (PUCHAR)"verifier_good"))
        return STATUS_UNSUCCESSFUL;
    VdSeen.entry_done = 1;
    return STATUS_SUCCESS;
}

void *vd_driver_entry(void)
{
    RtlZeroMemory(&VdSeen, sizeof(VdSeen));
    return (void *)VdEntry;
}

const vd_seen_t *vd_seen(void)
{
    return &VdSeen;
}
