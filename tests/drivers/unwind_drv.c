/*
 * tests/drivers/unwind_drv.c — a crash handler's stack walks (tests/test_unwind.c): a chain of
 * three functions, the innermost capturing its back trace, its callers, its context, and walking
 * the stack with RtlLookupFunctionEntry / RtlVirtualUnwind, with the types and prototypes written
 * here as drivers write them (the kernel headers declare neither).
 */
#include <ntifs.h>

typedef struct _RUNTIME_FUNCTION { ULONG BeginAddress; ULONG EndAddress; ULONG UnwindData; } RUNTIME_FUNCTION, *PRUNTIME_FUNCTION;
typedef struct _KNONVOLATILE_CONTEXT_POINTERS { PM128A FloatingContext[16]; PULONG64 IntegerContext[16]; } KNONVOLATILE_CONTEXT_POINTERS;
NTSYSAPI PRUNTIME_FUNCTION NTAPI RtlLookupFunctionEntry(ULONG64 ControlPc, PULONG64 ImageBase, PVOID HistoryTable);
NTSYSAPI PEXCEPTION_ROUTINE NTAPI RtlVirtualUnwind(ULONG HandlerType, ULONG64 ImageBase, ULONG64 ControlPc,
    PRUNTIME_FUNCTION FunctionEntry, PCONTEXT ContextRecord, PVOID *HandlerData, PULONG64 EstablisherFrame,
    KNONVOLATILE_CONTEXT_POINTERS *ContextPointers);

typedef struct uw_seen {
    PVOID frames[16];
    unsigned n;
    unsigned hash;
    PVOID walk[16];
    unsigned walk_n;
    int walk_ended;
    PVOID level2, level1, top;
    PVOID fn_of_frame[3];
    PVOID callers[2];
    unsigned long long rbx_captured, rbx_expected;
    unsigned context_flags;
    int lookup_of_data_is_null;
    unsigned long long stack_low, stack_high, remaining;
    PVOID initial_stack;
    PVOID image_of_frame0, image_base_of_frame0;
} uw_seen_t;

PVOID RtlPcToFileHeader(PVOID PcValue, PVOID *BaseOfImage);   /* declared by hand, as drivers do */

static uw_seen_t UwSeen;
static KBUGCHECK_CALLBACK_RECORD UwRecord;

static PVOID FunctionOf(PVOID pc)
{
    ULONG64 base = 0;
    PRUNTIME_FUNCTION fe = RtlLookupFunctionEntry((ULONG64)pc, &base, NULL);
    return fe ? (PVOID)(base + fe->BeginAddress) : NULL;
}

DECLSPEC_NOINLINE void UwLevel2(PVOID marker)
{
    ULONG hash = 0;
    UwSeen.n = RtlCaptureStackBackTrace(0, 16, UwSeen.frames, &hash);
    UwSeen.hash = hash;
    RtlGetCallersAddress(&UwSeen.callers[0], &UwSeen.callers[1]);
    for (int i = 0; i < 3; i++)
        UwSeen.fn_of_frame[i] = FunctionOf(UwSeen.frames[i]);
    ULONG64 base = 0;
    UwSeen.lookup_of_data_is_null = RtlLookupFunctionEntry((ULONG64)&UwSeen, &base, NULL) == NULL;
    ULONG_PTR low = 0, high = 0;
    IoGetStackLimits(&low, &high);
    UwSeen.stack_low = low;
    UwSeen.stack_high = high;
    UwSeen.remaining = IoGetRemainingStackSize();
    UwSeen.initial_stack = IoGetInitialStack();
    PVOID img = NULL;
    UwSeen.image_of_frame0 = RtlPcToFileHeader(UwSeen.frames[0], &img);
    RtlLookupFunctionEntry((ULONG64)UwSeen.frames[0], &base, NULL);
    UwSeen.image_base_of_frame0 = img == UwSeen.image_of_frame0 ? (PVOID)base : NULL;

    CONTEXT ctx;
    /* A callee-saved register the context must hold as it is at the call. */
    register ULONG64 rbx __asm__("rbx") = (ULONG64)marker;
    __asm__ volatile("" : "+r"(rbx));
    RtlCaptureContext(&ctx);
    __asm__ volatile("" : : "r"(rbx));
    UwSeen.rbx_captured = ctx.Rbx;
    UwSeen.rbx_expected = (ULONG64)marker;
    UwSeen.context_flags = ctx.ContextFlags;
    UwSeen.walk_n = 0;
    UwSeen.walk_ended = 0;
    while (UwSeen.walk_n < 16) {
        ULONG64 ib = 0, frame = 0;
        PVOID hd;
        PRUNTIME_FUNCTION fe = RtlLookupFunctionEntry(ctx.Rip, &ib, NULL);
        if (!fe) {
            ctx.Rip = *(PULONG64)ctx.Rsp;
            ctx.Rsp += 8;
        } else {
            RtlVirtualUnwind(0, ib, ctx.Rip, fe, &ctx, &hd, &frame, NULL);
        }
        if (!ctx.Rip) {
            UwSeen.walk_ended = 1;
            break;
        }
        UwSeen.walk[UwSeen.walk_n++] = (PVOID)ctx.Rip;
    }
}

DECLSPEC_NOINLINE void UwLevel1(PVOID marker)
{
    UwLevel2(marker);
    UwSeen.level1 = (PVOID)&UwLevel1;
}

DECLSPEC_NOINLINE void uw_run(void)
{
    UwSeen.level2 = (PVOID)&UwLevel2;
    UwSeen.top = (PVOID)&uw_run;
    UwLevel1((PVOID)0x5EED5EED);
}

static VOID UwCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    UwSeen.level2 = (PVOID)&UwLevel2;
    UwSeen.top = (PVOID)&UwCallback;
    UwLevel1((PVOID)0xCA11BAC4);
}

unsigned char uw_register(void)
{
    KeInitializeCallbackRecord(&UwRecord);
    return KeRegisterBugCheckCallback(&UwRecord, UwCallback, NULL, 0, (PUCHAR)"unwind");
}

const uw_seen_t *uw_seen(void)
{
    return &UwSeen;
}
