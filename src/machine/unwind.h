/*
 * src/unwind.h — the harness side of stack walks (src/unwind.c): call-frame information of
 * the process's modules, found through src/symbolize.c's elfutils view of the process.
 */
#ifndef BCSIM_UNWIND_H
#define BCSIM_UNWIND_H

#include <elfutils/libdw.h>
#include <stdbool.h>
#include <stdint.h>

/* The CFI (.eh_frame, else .debug_frame) of the module containing pc; *bias is the module's
 * load bias (CFI addresses + bias = run-time addresses), *module_lo its lowest mapped address.
 * NULL when no module or no CFI covers pc. Owned by the process's Dwfl: never freed here. */
Dwarf_CFI *bcsim__cfi_find(uint64_t pc, uint64_t *bias, uint64_t *module_lo);

/* The function symbol around pc (the module's symbol table): [start, end). false if none. */
bool bcsim__function_range(uint64_t pc, uint64_t *start, uint64_t *end);

#endif /* BCSIM_UNWIND_H */
