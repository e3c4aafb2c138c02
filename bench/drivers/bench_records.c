/*
 * bench_records — a driver with many bug-check records: DriverEntry registers
 * BenchRecordCount KbCallbackSecondaryDumpData records (in one nonpaged array), each with the
 * same small callback, which counts its calls and contributes no data. What a bug check
 * costs with this driver is the dispatcher's work per record: the list walk, the checksum
 * check, the guarded call and the output validation.
 *
 * Linked into bench_dispatch, which picks the count with bench_records_set_count() before
 * attaching it.
 */
#include <ntddk.h>

static ULONG BenchRecordCount = 1000;
static PKBUGCHECK_REASON_CALLBACK_RECORD Records;
static volatile ULONG64 BenchCalls;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchRecordsUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE BenchRecordsCallback;

_Use_decl_annotations_
VOID BenchRecordsCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                          PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA data = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    BenchCalls++;
    data->OutBufferLength = 0;
}

_Use_decl_annotations_
VOID BenchRecordsUnload(PDRIVER_OBJECT DriverObject)
{
    ULONG i;
    UNREFERENCED_PARAMETER(DriverObject);
    if (Records == NULL)
        return;
    for (i = 0; i < BenchRecordCount; i++)
        (void)KeDeregisterBugCheckReasonCallback(&Records[i]);
    ExFreePoolWithTag(Records, 'rhcB');
    Records = NULL;
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG i;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = BenchRecordsUnload;
    Records = (PKBUGCHECK_REASON_CALLBACK_RECORD)ExAllocatePool2(
        POOL_FLAG_NON_PAGED, (SIZE_T)BenchRecordCount * sizeof(*Records), 'rhcB');
    if (Records == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    for (i = 0; i < BenchRecordCount; i++) {
        KeInitializeCallbackRecord(&Records[i]);
        if (!KeRegisterBugCheckReasonCallback(&Records[i], BenchRecordsCallback,
                                              KbCallbackSecondaryDumpData, (PUCHAR)"bench_records"))
            return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}

/* Harness side (bench_dispatch). */
void bench_records_set_count(unsigned count) { BenchRecordCount = count; }
unsigned long long bench_records_calls(void) { return BenchCalls; }
void *bench_records_driver_entry(void) { return (void *)DriverEntry; }
