/*
 * bcsim shim: the HAL part of wdm.h — port and register I/O, stalls and the performance
 * counter (wdk-surface.md 3.10, S13).
 *
 * Port I/O (READ_PORT_* / WRITE_PORT_*) is routed to bcsim's port model: on x64 the WDK
 * inlines these over in/out instructions, which fault in user mode. Register I/O
 * (READ_REGISTER_* / WRITE_REGISTER_*) stays what the WDK's x64 forms are: volatile loads and
 * stores with barriers, on MMIO pages bcsim models. Needs ntdef.h first.
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

/* ---- register (MMIO) I/O: volatile accesses, as the WDK's x64 inline forms ---------------------- */
BCSIM_SHIM_INLINE UCHAR READ_REGISTER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register)
{ _ReadWriteBarrier(); return *Register; }
BCSIM_SHIM_INLINE USHORT READ_REGISTER_USHORT(_In_ _Notliteral_ volatile USHORT *Register)
{ _ReadWriteBarrier(); return *Register; }
BCSIM_SHIM_INLINE ULONG READ_REGISTER_ULONG(_In_ _Notliteral_ volatile ULONG *Register)
{ _ReadWriteBarrier(); return *Register; }
BCSIM_SHIM_INLINE ULONG64 READ_REGISTER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register)
{ _ReadWriteBarrier(); return *Register; }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register, _In_ UCHAR Value)
{ *Register = Value; __faststorefence(); }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_USHORT(_In_ _Notliteral_ volatile USHORT *Register, _In_ USHORT Value)
{ *Register = Value; __faststorefence(); }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_ULONG(_In_ _Notliteral_ volatile ULONG *Register, _In_ ULONG Value)
{ *Register = Value; __faststorefence(); }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register, _In_ ULONG64 Value)
{ *Register = Value; __faststorefence(); }

/* The buffer forms walk consecutive register addresses, as the x64 string-move forms do. */
BCSIM_SHIM_INLINE VOID READ_REGISTER_BUFFER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register,
                                                  _Out_writes_all_(Count) PUCHAR Buffer, _In_ ULONG Count)
{ _ReadWriteBarrier(); for (ULONG i = 0; i < Count; i++) Buffer[i] = Register[i]; }
BCSIM_SHIM_INLINE VOID READ_REGISTER_BUFFER_USHORT(_In_ _Notliteral_ volatile USHORT *Register,
                                                   _Out_writes_all_(Count) PUSHORT Buffer, _In_ ULONG Count)
{ _ReadWriteBarrier(); for (ULONG i = 0; i < Count; i++) Buffer[i] = Register[i]; }
BCSIM_SHIM_INLINE VOID READ_REGISTER_BUFFER_ULONG(_In_ _Notliteral_ volatile ULONG *Register,
                                                  _Out_writes_all_(Count) PULONG Buffer, _In_ ULONG Count)
{ _ReadWriteBarrier(); for (ULONG i = 0; i < Count; i++) Buffer[i] = Register[i]; }
BCSIM_SHIM_INLINE VOID READ_REGISTER_BUFFER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register,
                                                    _Out_writes_all_(Count) PULONG64 Buffer, _In_ ULONG Count)
{ _ReadWriteBarrier(); for (ULONG i = 0; i < Count; i++) Buffer[i] = Register[i]; }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_BUFFER_UCHAR(_In_ _Notliteral_ volatile UCHAR *Register,
                                                   _In_reads_(Count) PUCHAR Buffer, _In_ ULONG Count)
{ for (ULONG i = 0; i < Count; i++) Register[i] = Buffer[i]; __faststorefence(); }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_BUFFER_USHORT(_In_ _Notliteral_ volatile USHORT *Register,
                                                    _In_reads_(Count) PUSHORT Buffer, _In_ ULONG Count)
{ for (ULONG i = 0; i < Count; i++) Register[i] = Buffer[i]; __faststorefence(); }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_BUFFER_ULONG(_In_ _Notliteral_ volatile ULONG *Register,
                                                   _In_reads_(Count) PULONG Buffer, _In_ ULONG Count)
{ for (ULONG i = 0; i < Count; i++) Register[i] = Buffer[i]; __faststorefence(); }
BCSIM_SHIM_INLINE VOID WRITE_REGISTER_BUFFER_ULONG64(_In_ _Notliteral_ volatile ULONG64 *Register,
                                                     _In_reads_(Count) PULONG64 Buffer, _In_ ULONG Count)
{ for (ULONG i = 0; i < Count; i++) Register[i] = Buffer[i]; __faststorefence(); }

EXTERN_C_END

#endif /* BCSIM_SHIM_HAL_H */
