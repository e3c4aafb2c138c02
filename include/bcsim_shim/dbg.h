/*
 * bcsim shim: debug output, part of wdm.h (wdk-surface.md 3.10 "Debug output").
 *
 * Written for bcsim from Microsoft Learn: "DbgPrint function", "DbgPrintEx function",
 * "vDbgPrintEx function", "vDbgPrintExWithPrefix function", "KdPrint macro", "KdPrintEx
 * macro", "Reading and Filtering Debugging Messages", "KdRefreshDebuggerNotPresent function".
 *
 * Format strings follow Windows printf conventions (S16) and are formatted by bcsim itself;
 * the declarations deliberately carry no printf format attribute (%ws, %wZ, %I64x would
 * draw gcc warnings in correct driver code). The Unicode conversions (%C, %S, %lc, %ls, %wc,
 * %ws, %wZ) are allowed only at PASSIVE_LEVEL; bcsim reports them above it. Messages are
 * shown (delivered to the harness sink) according to the component filter masks, whose
 * defaults show only DPFLTR_ERROR_LEVEL; every message is kept in bcsim's log.
 */
#ifndef BCSIM_SHIM_DBG_H
#define BCSIM_SHIM_DBG_H

#include <ntdef.h>

EXTERN_C_START

/* ---- importance levels (Level parameter): 0..31 select one bit, larger values are masks */
#define DPFLTR_ERROR_LEVEL   0
#define DPFLTR_WARNING_LEVEL 1
#define DPFLTR_TRACE_LEVEL   2
#define DPFLTR_INFO_LEVEL    3
#define DPFLTR_MASK          0x80000000U

/* ---- component IDs (ComponentId parameter). Learn asks drivers to use the DPFLTR_IHV*_ID
 * values; the system components are listed for drivers that name them anyway. */
typedef enum _DPFLTR_TYPE {
    DPFLTR_SYSTEM_ID = 0,
    DPFLTR_SMSS_ID = 1,
    DPFLTR_SETUP_ID = 2,
    DPFLTR_NTFS_ID = 3,
    DPFLTR_FSTUB_ID = 4,
    DPFLTR_CRASHDUMP_ID = 5,
    DPFLTR_CDAUDIO_ID = 6,
    DPFLTR_CDROM_ID = 7,
    DPFLTR_CLASSPNP_ID = 8,
    DPFLTR_DISK_ID = 9,
    DPFLTR_REDBOOK_ID = 10,
    DPFLTR_STORPROP_ID = 11,
    DPFLTR_SCSIPORT_ID = 12,
    DPFLTR_SCSIMINIPORT_ID = 13,
    DPFLTR_CONFIG_ID = 14,
    DPFLTR_I8042PRT_ID = 15,
    DPFLTR_SERMOUSE_ID = 16,
    DPFLTR_LSERMOUS_ID = 17,
    DPFLTR_KBDHID_ID = 18,
    DPFLTR_MOUHID_ID = 19,
    DPFLTR_KBDCLASS_ID = 20,
    DPFLTR_MOUCLASS_ID = 21,
    DPFLTR_TWOTRACK_ID = 22,
    DPFLTR_WMILIB_ID = 23,
    DPFLTR_ACPI_ID = 24,
    DPFLTR_AMLI_ID = 25,
    DPFLTR_HALIA64_ID = 26,
    DPFLTR_VIDEO_ID = 27,
    DPFLTR_SVCHOST_ID = 28,
    DPFLTR_VIDEOPRT_ID = 29,
    DPFLTR_TCPIP_ID = 30,
    DPFLTR_DMSYNTH_ID = 31,
    DPFLTR_NTOSPNP_ID = 32,
    DPFLTR_FASTFAT_ID = 33,
    DPFLTR_SAMSS_ID = 34,
    DPFLTR_PNPMGR_ID = 35,
    DPFLTR_NETAPI_ID = 36,
    DPFLTR_SCSERVER_ID = 37,
    DPFLTR_SCCLIENT_ID = 38,
    DPFLTR_SERIAL_ID = 39,
    DPFLTR_SERENUM_ID = 40,
    DPFLTR_UHCD_ID = 41,
    DPFLTR_RPCPROXY_ID = 42,
    DPFLTR_AUTOCHK_ID = 43,
    DPFLTR_DCOMSS_ID = 44,
    DPFLTR_UNIMODEM_ID = 45,
    DPFLTR_SIS_ID = 46,
    DPFLTR_FLTMGR_ID = 47,
    DPFLTR_WMICORE_ID = 48,
    DPFLTR_BURNENG_ID = 49,
    DPFLTR_IMAPI_ID = 50,
    DPFLTR_SXS_ID = 51,
    DPFLTR_FUSION_ID = 52,
    DPFLTR_IDLETASK_ID = 53,
    DPFLTR_SOFTPCI_ID = 54,
    DPFLTR_TAPE_ID = 55,
    DPFLTR_MCHGR_ID = 56,
    DPFLTR_IDEP_ID = 57,
    DPFLTR_PCIIDE_ID = 58,
    DPFLTR_FLOPPY_ID = 59,
    DPFLTR_FDC_ID = 60,
    DPFLTR_TERMSRV_ID = 61,
    DPFLTR_W32TIME_ID = 62,
    DPFLTR_IHVVIDEO_ID = 72,
    DPFLTR_IHVAUDIO_ID = 73,
    DPFLTR_IHVNETWORK_ID = 74,
    DPFLTR_IHVSTREAMING_ID = 75,
    DPFLTR_IHVBUS_ID = 76,
    DPFLTR_IHVDRIVER_ID = 77,
    DPFLTR_DEFAULT_ID = 101
} DPFLTR_TYPE;

/* ---- routines ------------------------------------------------------------------------------ */

/* DbgPrint: DbgPrintEx(DPFLTR_DEFAULT_ID, DPFLTR_INFO_LEVEL, ...) since Windows Vista. Any
 * IRQL <= DIRQL. Returns STATUS_SUCCESS. At most 512 bytes of one call are transmitted. */
NTSYSAPI ULONG __cdecl DbgPrint(_In_z_ _Printf_format_string_ PCSTR Format, ...);
NTSYSAPI ULONG __cdecl DbgPrintEx(_In_ ULONG ComponentId, _In_ ULONG Level,
                                  _In_z_ _Printf_format_string_ PCSTR Format, ...);
NTSYSAPI ULONG NTAPI vDbgPrintEx(_In_ ULONG ComponentId, _In_ ULONG Level, _In_z_ PCCH Format,
                                 _In_ va_list arglist);
/* Prefix is printed in front of the formatted message. */
NTSYSAPI ULONG NTAPI vDbgPrintExWithPrefix(_In_z_ PCCH Prefix, _In_ ULONG ComponentId,
                                           _In_ ULONG Level, _In_z_ PCCH Format,
                                           _In_ va_list arglist);
/* Sets (State TRUE) or clears the Level bits of ComponentId's filter mask. */
NTSYSAPI NTSTATUS NTAPI DbgSetDebugFilterState(_In_ ULONG ComponentId, _In_ ULONG Level,
                                               _In_ BOOLEAN State);
/* TRUE if a message of this component and level would be shown, FALSE if not, or an error
 * status for an unknown component. */
NTSYSAPI NTSTATUS NTAPI DbgQueryDebugFilterState(_In_ ULONG ComponentId, _In_ ULONG Level);
/* Raises a breakpoint exception; without a kernel debugger attached that is a bug check
 * (bcsim reports a BREAKPOINT finding). */
NTSYSAPI VOID NTAPI DbgBreakPoint(VOID);
/* Refreshes and returns KD_DEBUGGER_NOT_PRESENT: bcsim never has a kernel debugger, TRUE. */
NTKERNELAPI BOOLEAN KdRefreshDebuggerNotPresent(VOID);

/* ---- checked-build macros: active only when DBG is non-zero, as in the WDK ----------------- */
#if DBG
#  define KdPrint(_x_)              DbgPrint _x_
#  define KdPrintEx(_x_)            DbgPrintEx _x_
#  define vKdPrintEx(_x_)           vDbgPrintEx _x_
#  define vKdPrintExWithPrefix(_x_) vDbgPrintExWithPrefix _x_
#  define KdBreakPoint()            DbgBreakPoint()
#else
#  define KdPrint(_x_)
#  define KdPrintEx(_x_)
#  define vKdPrintEx(_x_)
#  define vKdPrintExWithPrefix(_x_)
#  define KdBreakPoint()
#endif

EXTERN_C_END

#endif /* BCSIM_SHIM_DBG_H */
