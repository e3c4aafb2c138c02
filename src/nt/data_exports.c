/*
 * src/nt/data_exports.c — the data exports with the shapes drivers expect (wdk-surface.md 3.12,
 * S15). KiBugCheckData is in ke_data.c.
 */
#include "nt_private.h"

/* KdDebuggerEnabled / KdDebuggerNotPresent: the WDK declares PBOOLEANs read through
 * KD_DEBUGGER_ENABLED / KD_DEBUGGER_NOT_PRESENT; no kernel debugger is attached. */
static BOOLEAN bcsim_kd_debugger_enabled = FALSE;
static BOOLEAN bcsim_kd_debugger_not_present = TRUE;
PBOOLEAN KdDebuggerEnabled = &bcsim_kd_debugger_enabled;
PBOOLEAN KdDebuggerNotPresent = &bcsim_kd_debugger_not_present;

/* MmSystemRangeStart must be at or below every address bcsim hands to drivers
 * (driver-patterns.md 16): bcsim maps nothing below 64 KiB (its mappings come from
 * mmap(NULL, ...) and ELF images load far higher), so 0x10000 classifies every harness buffer
 * as system space. The user range sits just below it, with MmUserProbeAddress one past the
 * highest user address as on Windows. */
const PVOID MmSystemRangeStart = (PVOID)(ULONG_PTR)0x10000;
const ULONG64 MmUserProbeAddress = 0xF000;
const PVOID MmHighestUserAddress = (PVOID)(ULONG_PTR)0xEFFF;

/* NtBuildNumber: 0xF0000000 (free build) | the build; 22000, bcsim's default build, until a
 * machine boots with its configured build (bcsim__nt_set_build_number, src/nt/rtl_version.c). */
ULONG NtBuildNumber = 0xF0000000U | 22000U;

/* KeNumberProcessors: bcsim simulates one processor. */
CCHAR KeNumberProcessors = 1;
