/*
 * src/verifier/trampoline.S — bcsim__call_on_stack(fn, arg, stack_top): call fn(arg) on another
 * stack (the simulated 24 KiB kernel stack of bug-check callbacks).
 *
 * The frame keeps the caller's stack pointer in %rbp and its CFI says so, so debuggers and
 * unwinders walk from the callback back into bcsim's dispatcher on the original stack.
 */
    .text
    .globl  bcsim__call_on_stack
    .type   bcsim__call_on_stack, @function
bcsim__call_on_stack:
    .cfi_startproc
    pushq   %rbp
    .cfi_def_cfa_offset 16
    .cfi_offset %rbp, -16
    movq    %rsp, %rbp
    .cfi_def_cfa_register %rbp
    movq    %rdx, %rsp
    andq    $-16, %rsp
    movq    %rdi, %rax
    movq    %rsi, %rdi
    callq   *%rax
    movq    %rbp, %rsp
    .cfi_def_cfa_register %rsp
    popq    %rbp
    .cfi_def_cfa_offset 8
    ret
    .cfi_endproc
    .size   bcsim__call_on_stack, .-bcsim__call_on_stack

    .section .note.GNU-stack, "", @progbits
