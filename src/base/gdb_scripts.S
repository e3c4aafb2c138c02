/*
 * src/base/gdb_scripts.S — carries bcsim's gdb extension (gdb/bcsim_gdb.py) inside every program
 * linked with libbcsim, so gdb loads it by itself (README.md, "Debugging a callback").
 *
 * One entry of a .debug_gdb_scripts section, type 4 (an inline Python script): the byte 4,
 * a first line naming the script, the script's text, a terminating NUL. gdb runs it when the
 * program's file is in an auto-load safe path (`add-auto-load-safe-path DIR`). "MS" with
 * entry size 1 lets the linker merge identical entries. BCSIM_GDB_SCRIPT is the script's
 * absolute path (src/CMakeLists.txt).
 *
 * The section has no symbol a program would reference, so the anchor below exists for
 * `-Wl,--undefined=bcsim__gdb_scripts_anchor` (an INTERFACE link option of bcsim): it makes
 * the linker take this member from the archive even when nothing else needs it.
 */
#ifndef BCSIM_GDB_SCRIPT
#error "BCSIM_GDB_SCRIPT must name gdb/bcsim_gdb.py"
#endif

    .pushsection .debug_gdb_scripts, "MS", @progbits, 1
    .byte   4
    .ascii  "bcsim_gdb.py\n"
    .incbin BCSIM_GDB_SCRIPT
    .byte   0
    .popsection

    .pushsection .rodata.bcsim__gdb_scripts_anchor, "a", @progbits
    .globl  bcsim__gdb_scripts_anchor
    .type   bcsim__gdb_scripts_anchor, @object
    .size   bcsim__gdb_scripts_anchor, 1
bcsim__gdb_scripts_anchor:
    .byte   0
    .popsection

    .section .note.GNU-stack, "", @progbits
