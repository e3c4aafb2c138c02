/*
 * stack.c — a crash handler that records where it was called from: RtlCaptureStackBackTrace
 * inside a bug-check callback must return the driver's own frames, RtlGetCallersAddress and
 * RtlWalkFrameChain the same chain, and a walk written with RtlCaptureContext,
 * RtlLookupFunctionEntry and RtlVirtualUnwind must yield those return addresses and end.
 */
#include "inc\drvcommon.h"
#include "inc\unwind.h"

static KBUGCHECK_CALLBACK_RECORD RtRecord;
static volatile LONG RtChecked;

/* The function containing Pc, from its function table entry. */
static ULONG64 RtFunctionOf(PVOID Pc)
{
    ULONG64 base = 0;
    PRUNTIME_FUNCTION fe = RtlLookupFunctionEntry((ULONG64)Pc, &base, NULL);
    return fe ? base + fe->BeginAddress : 0;
}

DECLSPEC_NOINLINE VOID RtLevel2(PVOID Callback, PVOID Level1)
{
    PVOID frames[32], skipped[4], walked[8], callers = NULL, callerscaller = NULL;
    ULONG hash = 0, sum = 0;
    USHORT n = RtlCaptureStackBackTrace(0, RTL_NUMBER_OF(frames), frames, &hash);
    RtlGetCallersAddress(&callers, &callerscaller);

    RT_CHECK(n >= 3);
    RT_CHECK(RtFunctionOf(frames[0]) == (ULONG64)&RtLevel2);
    RT_CHECK(RtFunctionOf(frames[1]) == (ULONG64)Level1);
    RT_CHECK(RtFunctionOf(frames[2]) == (ULONG64)Callback);
    for (USHORT i = 0; i < n; i++)
        sum += (ULONG)(ULONG_PTR)frames[i];
    RT_CHECK(hash == sum);
    USHORT m = RtlCaptureStackBackTrace(1, 4, skipped, NULL);
    RT_CHECK(m == (n - 1 < 4 ? n - 1 : 4) && skipped[0] == frames[1]);
    RT_CHECK(callers == frames[1] && callerscaller == frames[2]);
    RT_CHECK(RtlWalkFrameChain(walked, 8, 1u << RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT) >= 2);
    RT_CHECK(walked[0] == frames[1] && walked[1] == frames[2]);

    /* The walk a crash handler writes: it must visit the same return addresses, then end. */
    CONTEXT ctx;
    RtlCaptureContext(&ctx);
    RT_CHECK(RtFunctionOf((PVOID)ctx.Rip) == (ULONG64)&RtLevel2);
    RT_CHECK((ctx.ContextFlags & CONTEXT_FULL) == CONTEXT_FULL);
    ULONG steps = 0;
    while (ctx.Rip && steps < 64) {
        ULONG64 base = 0, frame = 0;
        PVOID handlerData = NULL;
        PRUNTIME_FUNCTION fe = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
        if (!fe) {
            ctx.Rip = *(PULONG64)ctx.Rsp;          /* a leaf */
            ctx.Rsp += 8;
        } else {
            RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, fe, &ctx, &handlerData, &frame, NULL);
        }
        if (steps < 3)
            RT_CHECK((PVOID)ctx.Rip == frames[steps + 1]);
        steps++;
    }
    RT_CHECK(ctx.Rip == 0 && steps >= 3 && steps < 64);
    DbgPrint("rt_stack: %u frames, %u unwind steps, hash %08x\n", n, steps, hash);
    InterlockedIncrement(&RtChecked);
}

DECLSPEC_NOINLINE VOID RtLevel1(PVOID Callback)
{
    RtLevel2(Callback, (PVOID)&RtLevel1);
    DbgPrint("rt_stack: back in level 1\n");
}

KBUGCHECK_CALLBACK_ROUTINE RtCallback;

VOID RtCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    RtLevel1((PVOID)&RtCallback);
    if (RtChecked == 1)
        DbgPrint("rt_stack: all checks passed\n");
}

DRIVER_UNLOAD RtUnload;

VOID RtUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeDeregisterBugCheckCallback(&RtRecord);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = RtUnload;
    KeInitializeCallbackRecord(&RtRecord);
    RT_CHECK(KeRegisterBugCheckCallback(&RtRecord, RtCallback, NULL, 0, (PUCHAR)"rt_stack"));
    return STATUS_SUCCESS;
}
