/*
 * bcsim shim: the HAL part of wdm.h — port and register I/O, stalls and the performance
 * counter (wdk-surface.md 3.10, S13).
 *
 * Port I/O (READ_PORT_* / WRITE_PORT_*) is routed to bcsim's port model: on x64 the WDK
 * inlines these over in/out instructions, which fault in user mode. Register I/O
 * (READ_REGISTER_* / WRITE_REGISTER_*) performs the volatile access the WDK's x64 forms do and
 * logs it in the same device model. Needs ntdef.h first.
 */
#ifndef BCSIM_SHIM_HAL_H
#define BCSIM_SHIM_HAL_H

#ifndef _NTDEF_
#  error "include <wdm.h> or <ntddk.h>, not bcsim_shim/hal.h"
#endif

EXTERN_C_START

/* ---- stall and performance counter (virtual time) ------------------------------------------ */
NTHALAPI
VOID
NTAPI
KeStallExecutionProcessor(
    _In_ ULONG MicroSeconds
    );

NTHALAPI
LARGE_INTEGER
NTAPI
KeQueryPerformanceCounter(
    _Out_opt_ PLARGE_INTEGER PerformanceFrequency
    );

/* ---- port I/O (routed to bcsim) --------------------------------------------------------------- */
NTHALAPI UCHAR NTAPI READ_PORT_UCHAR(_In_ _Notliteral_ PUCHAR Port);
NTHALAPI USHORT NTAPI READ_PORT_USHORT(_In_ _Notliteral_ PUSHORT Port);
NTHALAPI ULONG NTAPI READ_PORT_ULONG(_In_ _Notliteral_ PULONG Port);
NTHALAPI VOID NTAPI READ_PORT_BUFFER_UCHAR(_In_ _Notliteral_ PUCHAR Port,
                                           _Out_writes_all_(Count) PUCHAR Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI READ_PORT_BUFFER_USHORT(_In_ _Notliteral_ PUSHORT Port,
                                            _Out_writes_all_(Count) PUSHORT Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI READ_PORT_BUFFER_ULONG(_In_ _Notliteral_ PULONG Port,
                                           _Out_writes_all_(Count) PULONG Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_PORT_UCHAR(_In_ _Notliteral_ PUCHAR Port, _In_ UCHAR Value);
NTHALAPI VOID NTAPI WRITE_PORT_USHORT(_In_ _Notliteral_ PUSHORT Port, _In_ USHORT Value);
NTHALAPI VOID NTAPI WRITE_PORT_ULONG(_In_ _Notliteral_ PULONG Port, _In_ ULONG Value);
NTHALAPI VOID NTAPI WRITE_PORT_BUFFER_UCHAR(_In_ _Notliteral_ PUCHAR Port,
                                            _In_reads_(Count) PUCHAR Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_PORT_BUFFER_USHORT(_In_ _Notliteral_ PUSHORT Port,
                                             _In_reads_(Count) PUSHORT Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_PORT_BUFFER_ULONG(_In_ _Notliteral_ PULONG Port,
                                            _In_reads_(Count) PULONG Buffer, _In_ ULONG Count);

/* ---- register (MMIO) I/O --------------------------------------------------------------------------
 * The WDK's x64 forms are inline volatile accesses with barriers. bcsim makes them routines that
 * perform the same access and log it in the device model (a test can script what a register
 * reads); Learn allows them at any IRQL, bug-check callbacks included (R8). The buffer forms walk
 * consecutive register addresses, as the x64 string-move forms do. */
NTHALAPI UCHAR NTAPI READ_REGISTER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register);
NTHALAPI USHORT NTAPI READ_REGISTER_USHORT(_In_ _Notliteral_ volatile USHORT *Register);
NTHALAPI ULONG NTAPI READ_REGISTER_ULONG(_In_ _Notliteral_ volatile ULONG *Register);
NTHALAPI ULONG64 NTAPI READ_REGISTER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register);
NTHALAPI VOID NTAPI WRITE_REGISTER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register, _In_ UCHAR Value);
NTHALAPI VOID NTAPI WRITE_REGISTER_USHORT(_In_ _Notliteral_ volatile USHORT *Register, _In_ USHORT Value);
NTHALAPI VOID NTAPI WRITE_REGISTER_ULONG(_In_ _Notliteral_ volatile ULONG *Register, _In_ ULONG Value);
NTHALAPI VOID NTAPI WRITE_REGISTER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register, _In_ ULONG64 Value);
NTHALAPI VOID NTAPI READ_REGISTER_BUFFER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register,
                                               _Out_writes_all_(Count) PUCHAR Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI READ_REGISTER_BUFFER_USHORT(_In_ _Notliteral_ volatile USHORT *Register,
                                                _Out_writes_all_(Count) PUSHORT Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI READ_REGISTER_BUFFER_ULONG(_In_ _Notliteral_ volatile ULONG *Register,
                                               _Out_writes_all_(Count) PULONG Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI READ_REGISTER_BUFFER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register,
                                                 _Out_writes_all_(Count) PULONG64 Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_REGISTER_BUFFER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register,
                                                _In_reads_(Count) PUCHAR Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_REGISTER_BUFFER_USHORT(_In_ _Notliteral_ volatile USHORT *Register,
                                                 _In_reads_(Count) PUSHORT Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_REGISTER_BUFFER_ULONG(_In_ _Notliteral_ volatile ULONG *Register,
                                                _In_reads_(Count) PULONG Buffer, _In_ ULONG Count);
NTHALAPI VOID NTAPI WRITE_REGISTER_BUFFER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register,
                                                  _In_reads_(Count) PULONG64 Buffer, _In_ ULONG Count);

EXTERN_C_END

#endif /* BCSIM_SHIM_HAL_H */
