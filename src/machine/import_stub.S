/*
 * src/machine/import_stub.S — the common body of the stubs src/machine/imports.c generates for a driver's
 * unresolved imports. A stub loads its index into %rax and jumps here with the driver's return
 * address on top of the stack: report it (bcsim__unresolved_called(index, return address)),
 * then return 0 in every return register (rax, rdx, xmm0) to the driver.
 */
    .text
    .globl  bcsim__unresolved_thunk
    .type   bcsim__unresolved_thunk, @function
bcsim__unresolved_thunk:
    .cfi_startproc
    movq    %rax, %rdi
    movq    (%rsp), %rsi
    subq    $8, %rsp
    .cfi_adjust_cfa_offset 8
    call    bcsim__unresolved_called
    addq    $8, %rsp
    .cfi_adjust_cfa_offset -8
    xorl    %eax, %eax
    xorl    %edx, %edx
    pxor    %xmm0, %xmm0
    ret
    .cfi_endproc
    .size   bcsim__unresolved_thunk, .-bcsim__unresolved_thunk

    .section .note.GNU-stack, "", @progbits
