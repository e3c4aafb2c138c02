/*
 * src/nt/rtl_stack.c — the stack and context routines crash handlers call: RtlCaptureContext
 * (its capture is src/machine/capture.S), RtlCaptureStackBackTrace, RtlWalkFrameChain,
 * RtlGetCallersAddress, RtlLookupFunctionEntry and RtlVirtualUnwind. They return the real frames
 * and registers of the driver code that called them; the walks and the one-frame unwind are
 * src/machine/unwind.c's (the model: README "Stack walks").
 */
#include "nt_private.h"

/* RtlCaptureContext — Learn: no return value; the record holds the caller's registers
 * (ContextFlags CONTEXT_FULL | CONTEXT_SEGMENTS). The registers were captured before this runs;
 * here the export gate sees the call. */
void bcsim__nt_capture_context_done(void *ContextRecord, void *ReturnAddress)
{
    UNREFERENCED_PARAMETER(ContextRecord);
    bcsim__export_enter(BCSIM__X_RtlCaptureContext, (PCHAR)ReturnAddress - 1);
}

/* RtlCaptureStackBackTrace — Learn: the number of frames captured; BackTrace[0] is the return
 * address of the most recent call (the one into this routine). The hash (documented only as
 * "calculated from the pointers", identical traces hash alike) is their sum, truncated to 32
 * bits; NULL asks for none. */
USHORT RtlCaptureStackBackTrace(ULONG FramesToSkip, ULONG FramesToCapture, PVOID *BackTrace,
                                PULONG BackTraceHash)
{
    bcsim__export_enter(BCSIM__X_RtlCaptureStackBackTrace, BCSIM__CALLER());
    if (FramesToCapture > 0xFFFF)
        FramesToCapture = 0xFFFF;
    ULONG n = 0;
    if (BackTrace && FramesToCapture)
        n = bcsim__stack_frames(__builtin_return_address(0), FramesToSkip, FramesToCapture,
                                BackTrace);
    if (BackTraceHash) {
        ULONG h = 0;
        for (ULONG i = 0; i < n; i++)
            h += (ULONG)(ULONG_PTR)BackTrace[i];
        *BackTraceHash = h;
    }
    return (USHORT)n;
}

/* RtlWalkFrameChain — reserved on Learn. Kernel frames only (Flags bit 0 asks for the user-mode
 * stack, which a kernel-mode simulation does not have: 0); Flags >> 8 frames skipped, at most
 * Count - skipped written, as its annotation says. */
ULONG RtlWalkFrameChain(PVOID *Callers, ULONG Count, ULONG Flags)
{
    bcsim__export_enter(BCSIM__X_RtlWalkFrameChain, BCSIM__CALLER());
    ULONG skip = Flags >> RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT;
    if (!Callers || (Flags & 1) || Count <= skip)
        return 0;
    return bcsim__stack_frames(__builtin_return_address(0), skip, Count - skip, Callers);
}

/* RtlGetCallersAddress — where the calling routine returns to, and where its caller returns to;
 * NULL for a frame the walk does not reach. */
VOID RtlGetCallersAddress(PVOID *CallersAddress, PVOID *CallersCaller)
{
    bcsim__export_enter(BCSIM__X_RtlGetCallersAddress, BCSIM__CALLER());
    PVOID f[2] = { NULL, NULL };
    bcsim__stack_frames(__builtin_return_address(0), 1, 2, f);
    if (CallersAddress)
        *CallersAddress = f[0];
    if (CallersCaller)
        *CallersCaller = f[1];
}

/* RtlLookupFunctionEntry — the function table entry of the function containing ControlPc, NULL
 * if there is none (a leaf, or no module). bcsim synthesises the entry from the module's
 * call-frame information: Begin/EndAddress are the function's range relative to *ImageBase (the
 * module's lowest address); UnwindData is 0 (there is no UNWIND_INFO: RtlVirtualUnwind reads the
 * CFI). Entries live in a small table the walk reuses; the history table is not used. */
BCSIM_RUNTIME_FUNCTION *RtlLookupFunctionEntry(ULONG64 ControlPc, PULONG64 ImageBase,
                                               PVOID HistoryTable)
{
    static BCSIM_RUNTIME_FUNCTION slots[256];
    static ULONG64 keys[256];
    static ULONG next;
    bcsim__export_enter(BCSIM__X_RtlLookupFunctionEntry, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(HistoryTable);
    bcsim__u64 base, begin, end;
    if (!bcsim__unwind_function(ControlPc, &base, &begin, &end) || end - base > MAXULONG)
        return NULL;
    if (ImageBase)
        *ImageBase = base;
    ULONG i = (ULONG)((begin >> 4) % RTL_NUMBER_OF(slots));
    if (keys[i] != begin) {
        i = next++ % RTL_NUMBER_OF(slots);
        keys[i] = begin;
    }
    slots[i].BeginAddress = (ULONG)(begin - base);
    slots[i].EndAddress = (ULONG)(end - base);
    slots[i].UnwindData = 0;
    return &slots[i];
}

/* RtlVirtualUnwind — unwinds one frame: ContextRecord becomes the caller's context at the return
 * (Rip the return address, Rsp past it, the callee-saved registers restored from where the
 * frame saved them, the volatile ones unchanged). Rip 0 marks the end of the chain (the stack's
 * outermost frame). A ControlPc without call-frame information is a leaf: Rip = [Rsp], Rsp += 8.
 * EstablisherFrame is the frame's stack pointer at ControlPc; ContextPointers' IntegerContext
 * entries point at the stack slots registers were restored from. No language handler is
 * registered in bcsim's unwind data: the result and *HandlerData are NULL. */
PEXCEPTION_ROUTINE RtlVirtualUnwind(ULONG HandlerType, ULONG64 ImageBase, ULONG64 ControlPc,
                                    BCSIM_RUNTIME_FUNCTION *FunctionEntry, PCONTEXT ContextRecord,
                                    PVOID *HandlerData, PULONG64 EstablisherFrame,
                                    BCSIM_NONVOLATILE_POINTERS *ContextPointers)
{
    bcsim__export_enter(BCSIM__X_RtlVirtualUnwind, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(HandlerType);
    UNREFERENCED_PARAMETER(ImageBase);
    UNREFERENCED_PARAMETER(FunctionEntry);
    if (HandlerData)
        *HandlerData = NULL;
    if (!ContextRecord)
        return NULL;
    PCONTEXT c = ContextRecord;
    bcsim__u64 regs[17] = { c->Rax, c->Rcx, c->Rdx, c->Rbx, c->Rsp, c->Rbp, c->Rsi, c->Rdi,
                            c->R8, c->R9, c->R10, c->R11, c->R12, c->R13, c->R14, c->R15,
                            ControlPc };
    if (EstablisherFrame)
        *EstablisherFrame = c->Rsp;
    bcsim__u64 *saved[16];
    if (bcsim__unwind_step(regs, saved) < 0)
        bcsim__unwind_leaf(regs, saved);
    c->Rax = regs[0]; c->Rcx = regs[1]; c->Rdx = regs[2]; c->Rbx = regs[3];
    c->Rsp = regs[4]; c->Rbp = regs[5]; c->Rsi = regs[6]; c->Rdi = regs[7];
    c->R8 = regs[8]; c->R9 = regs[9]; c->R10 = regs[10]; c->R11 = regs[11];
    c->R12 = regs[12]; c->R13 = regs[13]; c->R14 = regs[14]; c->R15 = regs[15];
    c->Rip = regs[16];
    if (ContextPointers)
        for (int i = 0; i < 16; i++)
            if (saved[i])
                ContextPointers->IntegerContext[i] = (PULONG64)saved[i];
    return NULL;
}
