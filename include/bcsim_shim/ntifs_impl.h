/*
 * bcsim shim: the ntifs-only declarations drivers use (wdk-surface.md 2, 3.17).
 * KeQueryPerformanceCounter and KeStallExecutionProcessor come from wdm.h (hal.h).
 */
#ifndef BCSIM_SHIM_NTIFS_IMPL_H
#define BCSIM_SHIM_NTIFS_IMPL_H

EXTERN_C_START

/* Learn: RtlCaptureContext — the caller's context (registers at the call). */
NTSYSAPI
VOID
NTAPI
RtlCaptureContext(
    _Out_ PCONTEXT ContextRecord
    );

/* Learn: RtlCaptureStackBackTrace — the return addresses of the caller's stack, the first the
 * return address of the most recent call; returns how many were captured. */
NTSYSAPI
USHORT
NTAPI
RtlCaptureStackBackTrace(
    _In_ ULONG FramesToSkip,
    _In_ ULONG FramesToCapture,
    _Out_writes_to_(FramesToCapture, return) PVOID *BackTrace,
    _Out_opt_ PULONG BackTraceHash
    );

EXTERN_C_END

#endif /* BCSIM_SHIM_NTIFS_IMPL_H */
