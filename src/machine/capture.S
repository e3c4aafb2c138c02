/*
 * src/machine/capture.S — the registers of driver code as it is: RtlCaptureContext (Learn: "retrieves
 * a context record in the context of the caller") and bcsim__capture_regs, the starting point of
 * bcsim's stack walks (src/machine/unwind.c). Both describe the caller right after the call returns:
 * Rip is the return address, Rsp the caller's stack pointer once the return address is popped,
 * every other register as it was at the call. Only assembly can capture that exactly.
 *
 * SysV calling convention (driver code is compiled for the host ABI, wdk-surface.md S3).
 */

/* CONTEXT offsets (dump-format.md 5.1; C_ASSERTed in include/bcsim_shim/ke.h). */
#define CTX_FLAGS   0x30
#define CTX_MXCSR   0x34
#define CTX_SEGCS   0x38
#define CTX_SEGDS   0x3A
#define CTX_SEGES   0x3C
#define CTX_SEGFS   0x3E
#define CTX_SEGGS   0x40
#define CTX_SEGSS   0x42
#define CTX_EFLAGS  0x44
#define CTX_RAX     0x78
#define CTX_RCX     0x80
#define CTX_RDX     0x88
#define CTX_RBX     0x90
#define CTX_RSP     0x98
#define CTX_RBP     0xA0
#define CTX_RSI     0xA8
#define CTX_RDI     0xB0
#define CTX_R8      0xB8
#define CTX_R9      0xC0
#define CTX_R10     0xC8
#define CTX_R11     0xD0
#define CTX_R12     0xD8
#define CTX_R13     0xE0
#define CTX_R14     0xE8
#define CTX_R15     0xF0
#define CTX_RIP     0xF8
#define CTX_FLTSAVE 0x100
/* CONTEXT_AMD64 | CONTROL | INTEGER | SEGMENTS | FLOATING_POINT */
#define CTX_CAPTURED 0x0010000F

    .text

/* VOID RtlCaptureContext(PCONTEXT ContextRecord) — rdi = ContextRecord. After filling it, jumps
 * to bcsim__nt_capture_context_done(ContextRecord, call site) (src/nt/rtl_stack.c: the export
 * gate), which returns to the driver. */
    .globl  RtlCaptureContext
    .type   RtlCaptureContext, @function
RtlCaptureContext:
    .cfi_startproc
    movq    %rax, CTX_RAX(%rdi)
    movq    %rcx, CTX_RCX(%rdi)
    movq    %rdx, CTX_RDX(%rdi)
    movq    %rbx, CTX_RBX(%rdi)
    movq    %rbp, CTX_RBP(%rdi)
    movq    %rsi, CTX_RSI(%rdi)
    movq    %rdi, CTX_RDI(%rdi)
    movq    %r8,  CTX_R8(%rdi)
    movq    %r9,  CTX_R9(%rdi)
    movq    %r10, CTX_R10(%rdi)
    movq    %r11, CTX_R11(%rdi)
    movq    %r12, CTX_R12(%rdi)
    movq    %r13, CTX_R13(%rdi)
    movq    %r14, CTX_R14(%rdi)
    movq    %r15, CTX_R15(%rdi)
    leaq    8(%rsp), %rax
    movq    %rax, CTX_RSP(%rdi)
    movq    (%rsp), %rax
    movq    %rax, CTX_RIP(%rdi)
    pushfq
    .cfi_adjust_cfa_offset 8
    popq    %rax
    .cfi_adjust_cfa_offset -8
    movl    %eax, CTX_EFLAGS(%rdi)
    movw    %cs, CTX_SEGCS(%rdi)
    movw    %ds, CTX_SEGDS(%rdi)
    movw    %es, CTX_SEGES(%rdi)
    movw    %fs, CTX_SEGFS(%rdi)
    movw    %gs, CTX_SEGGS(%rdi)
    movw    %ss, CTX_SEGSS(%rdi)
    stmxcsr CTX_MXCSR(%rdi)
    movl    $CTX_CAPTURED, CTX_FLAGS(%rdi)
    /* FltSave by fxsave, which needs 16-byte alignment (CONTEXT is DECLSPEC_ALIGN(16)); a
     * misaligned record keeps its FltSave as it was rather than faulting. */
    testq   $15, %rdi
    jnz     1f
    fxsave  CTX_FLTSAVE(%rdi)
1:
    movq    CTX_RAX(%rdi), %rax
    movq    CTX_RIP(%rdi), %rsi
    jmp     bcsim__nt_capture_context_done
    .cfi_endproc
    .size   RtlCaptureContext, .-RtlCaptureContext

/* void bcsim__capture_regs(unsigned long long regs[17]) — Windows CONTEXT order: Rax Rcx Rdx
 * Rbx Rsp Rbp Rsi Rdi R8-R15 Rip. The volatile registers are whatever they are at the call. */
    .globl  bcsim__capture_regs
    .type   bcsim__capture_regs, @function
bcsim__capture_regs:
    .cfi_startproc
    movq    %rax, 0(%rdi)
    movq    %rcx, 8(%rdi)
    movq    %rdx, 16(%rdi)
    movq    %rbx, 24(%rdi)
    leaq    8(%rsp), %rax
    movq    %rax, 32(%rdi)
    movq    %rbp, 40(%rdi)
    movq    %rsi, 48(%rdi)
    movq    %rdi, 56(%rdi)
    movq    %r8,  64(%rdi)
    movq    %r9,  72(%rdi)
    movq    %r10, 80(%rdi)
    movq    %r11, 88(%rdi)
    movq    %r12, 96(%rdi)
    movq    %r13, 104(%rdi)
    movq    %r14, 112(%rdi)
    movq    %r15, 120(%rdi)
    movq    (%rsp), %rax
    movq    %rax, 128(%rdi)
    ret
    .cfi_endproc
    .size   bcsim__capture_regs, .-bcsim__capture_regs

    .section .note.GNU-stack, "", @progbits
