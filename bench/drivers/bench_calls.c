/*
 * bench_calls — a driver whose bug-check work is kernel calls: its SecondaryDumpData callback
 * makes BENCH_CALL_ROUNDS rounds of calls that are legal at HIGH_LEVEL (time and counter
 * queries, the IRQL, a stall, RtlCompareMemory), so what the verifier adds per
 * driver call (bench row "verifier on vs off") is a visible share of the bug check.
 */
#include <ntddk.h>

#ifndef BENCH_CALL_ROUNDS
#define BENCH_CALL_ROUNDS 100000
#endif

static KBUGCHECK_REASON_CALLBACK_RECORD CallsRecord;
static UCHAR CallsA[64], CallsB[64];
static volatile ULONG64 CallsSink;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchCallsUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE BenchCallsCallback;

_Use_decl_annotations_
VOID BenchCallsCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                        PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA data = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    ULONG i;
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    data->OutBufferLength = 0;
    if (data->OutBuffer != NULL)
        return;                 /* the work happens once, in the size pass */
    for (i = 0; i < BENCH_CALL_ROUNDS; i++) {
        LARGE_INTEGER pc = KeQueryPerformanceCounter(NULL), now;
        KeQuerySystemTimePrecise(&now);
        CallsSink += (ULONG64)pc.QuadPart + (ULONG64)now.QuadPart + KeQueryInterruptTime();
        KeStallExecutionProcessor(1);
        CallsSink += KeGetCurrentIrql() + RtlCompareMemory(CallsA, CallsB, sizeof(CallsA));
    }
}

_Use_decl_annotations_
VOID BenchCallsUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&CallsRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = BenchCallsUnload;
    KeInitializeCallbackRecord(&CallsRecord);
    if (!KeRegisterBugCheckReasonCallback(&CallsRecord, BenchCallsCallback, KbCallbackSecondaryDumpData,
                                          (PUCHAR)"bench_calls"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
