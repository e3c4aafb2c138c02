/*
 * bcsim shim: the KMDF base types (wdftypes.h, wdfglobals.h, wdfstatus.h, wdfbugcodes.h,
 * wdfassert.h, wdfverifier.h), part of wdf.h. Handles are distinct opaque pointer types
 * (WDFOBJECT is the generic one every specific handle converts to); constants carry the WDK's
 * values. Needs ntddk.h first.
 */
#ifndef BCSIM_SHIM_WDF_TYPES_H
#define BCSIM_SHIM_WDF_TYPES_H

#ifndef BCSIM_SHIM_WDF_H
#  error "include <wdf.h>, not bcsim_shim/wdf_types.h"
#endif

#ifndef WDF_EXTERN_C
#  ifdef __cplusplus
#    define WDF_EXTERN_C       extern "C"
#    define WDF_EXTERN_C_START extern "C" {
#    define WDF_EXTERN_C_END   }
#  else
#    define WDF_EXTERN_C
#    define WDF_EXTERN_C_START
#    define WDF_EXTERN_C_END
#  endif
#endif

/* The framework version a driver builds against (the WDK sets it from the project). */
#ifndef KMDF_VERSION_MAJOR
#  define KMDF_VERSION_MAJOR 1
#endif
#ifndef KMDF_VERSION_MINOR
#  define KMDF_VERSION_MINOR 33
#endif

/* Routines implemented by bcsim: the shim's kernel-routine convention (see ntdef.h). */
#define WDFAPI NTKERNELAPI
#define WDFEXPORT(a) a

WDF_EXTERN_C_START

/* ---- handles ------------------------------------------------------------------------------ */
#define WDF_DECLARE_HANDLE(h) struct h##__ { int unused; }; typedef struct h##__ *h
typedef HANDLE WDFOBJECT, *PWDFOBJECT;
WDF_DECLARE_HANDLE(WDFDRIVER);
WDF_DECLARE_HANDLE(WDFDEVICE);
WDF_DECLARE_HANDLE(WDFWMIPROVIDER);
WDF_DECLARE_HANDLE(WDFWMIINSTANCE);
WDF_DECLARE_HANDLE(WDFQUEUE);
WDF_DECLARE_HANDLE(WDFREQUEST);
WDF_DECLARE_HANDLE(WDFFILEOBJECT);
WDF_DECLARE_HANDLE(WDFDPC);
WDF_DECLARE_HANDLE(WDFTIMER);
WDF_DECLARE_HANDLE(WDFWORKITEM);
WDF_DECLARE_HANDLE(WDFINTERRUPT);
WDF_DECLARE_HANDLE(WDFWAITLOCK);
WDF_DECLARE_HANDLE(WDFSPINLOCK);
WDF_DECLARE_HANDLE(WDFMEMORY);
WDF_DECLARE_HANDLE(WDFLOOKASIDE);
WDF_DECLARE_HANDLE(WDFIOTARGET);
WDF_DECLARE_HANDLE(WDFUSBDEVICE);
WDF_DECLARE_HANDLE(WDFUSBINTERFACE);
WDF_DECLARE_HANDLE(WDFUSBPIPE);
WDF_DECLARE_HANDLE(WDFDMAENABLER);
WDF_DECLARE_HANDLE(WDFDMATRANSACTION);
WDF_DECLARE_HANDLE(WDFCOMMONBUFFER);
WDF_DECLARE_HANDLE(WDFKEY);
WDF_DECLARE_HANDLE(WDFSTRING);
WDF_DECLARE_HANDLE(WDFCOLLECTION);
WDF_DECLARE_HANDLE(WDFCHILDLIST);
WDF_DECLARE_HANDLE(WDFIORESREQLIST);
WDF_DECLARE_HANDLE(WDFIORESLIST);
WDF_DECLARE_HANDLE(WDFCMRESLIST);
WDF_DECLARE_HANDLE(WDFCOMPANIONTARGET);
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;
typedef PVOID WDFCONTEXT;

#define WDF_NO_HANDLE              NULL
#define WDF_NO_OBJECT_ATTRIBUTES   NULL
#define WDF_NO_EVENT_CALLBACK      NULL
#define WDF_NO_CONTEXT             NULL
#define WDF_NO_SEND_OPTIONS        NULL

/* ---- basic enumerations and helpers ----------------------------------------------------------- */
typedef enum _WDF_TRI_STATE {
    WdfFalse = FALSE,
    WdfTrue = TRUE,
    WdfUseDefault = 2
} WDF_TRI_STATE, *PWDF_TRI_STATE;

#define WDF_STRUCTURE_SIZE(_Struct) ((ULONG)sizeof(_Struct))
#define WDFCASSERT(c) C_ASSERT(c)
#define WDF_PTR_ADD_OFFSET_TYPE(_ptr, _offset, _type) ((_type)(((PUCHAR)(_ptr)) + (_offset)))
#define WDF_PTR_ADD_OFFSET(_ptr, _offset) WDF_PTR_ADD_OFFSET_TYPE(_ptr, _offset, PVOID)
#define WDF_PTR_GET_OFFSET(_base, _addr) ((size_t)(((PUCHAR)(_addr)) - ((PUCHAR)(_base))))

BCSIM_SHIM_INLINE size_t WDF_ALIGN_SIZE_DOWN(_In_ size_t Length, _In_ size_t AlignTo)
{
    return Length & ~(AlignTo - 1);
}

BCSIM_SHIM_INLINE size_t WDF_ALIGN_SIZE_UP(_In_ size_t Length, _In_ size_t AlignTo)
{
    return WDF_ALIGN_SIZE_DOWN(Length + AlignTo - 1, AlignTo);
}

/* Timeouts in 100-ns units: relative ones negative, absolute ones positive. */
#define WDF_TIMEOUT_TO_SEC ((LONGLONG)1 * 10 * 1000 * 1000)
#define WDF_TIMEOUT_TO_MS  ((LONGLONG)1 * 10 * 1000)
#define WDF_TIMEOUT_TO_US  ((LONGLONG)1 * 10)
BCSIM_SHIM_INLINE LONGLONG WDF_REL_TIMEOUT_IN_SEC(_In_ ULONGLONG Time) { return -(LONGLONG)Time * WDF_TIMEOUT_TO_SEC; }
BCSIM_SHIM_INLINE LONGLONG WDF_ABS_TIMEOUT_IN_SEC(_In_ ULONGLONG Time) { return (LONGLONG)Time * WDF_TIMEOUT_TO_SEC; }
BCSIM_SHIM_INLINE LONGLONG WDF_REL_TIMEOUT_IN_MS(_In_ ULONGLONG Time) { return -(LONGLONG)Time * WDF_TIMEOUT_TO_MS; }
BCSIM_SHIM_INLINE LONGLONG WDF_ABS_TIMEOUT_IN_MS(_In_ ULONGLONG Time) { return (LONGLONG)Time * WDF_TIMEOUT_TO_MS; }
BCSIM_SHIM_INLINE LONGLONG WDF_REL_TIMEOUT_IN_US(_In_ ULONGLONG Time) { return -(LONGLONG)Time * WDF_TIMEOUT_TO_US; }
BCSIM_SHIM_INLINE LONGLONG WDF_ABS_TIMEOUT_IN_US(_In_ ULONGLONG Time) { return (LONGLONG)Time * WDF_TIMEOUT_TO_US; }

/* ---- driver globals (wdfglobals.h): the type only; bcsim keeps no per-driver global -------- */
#define WDF_DRIVER_GLOBALS_NAME_LEN 32
typedef struct _WDF_DRIVER_GLOBALS {
    WDFDRIVER Driver;
    ULONG DriverFlags;
    ULONG DriverTag;
    CHAR DriverName[WDF_DRIVER_GLOBALS_NAME_LEN];
    BOOLEAN DisplaceDriverUnload;
} WDF_DRIVER_GLOBALS, *PWDF_DRIVER_GLOBALS;

/* ---- framework status values (wdfstatus.h) ---------------------------------------------------- */
#define FACILITY_DRIVER_FRAMEWORK 0x20
#define STATUS_WDF_QUEUED                        ((NTSTATUS)0x40200000)
#define STATUS_WDF_POSTED                        ((NTSTATUS)0x40200002)
#define STATUS_WDF_NO_PACKAGE                    ((NTSTATUS)0xC0200200)
#define STATUS_WDF_INTERNAL_ERROR                ((NTSTATUS)0xC0200201)
#define STATUS_WDF_PAUSED                        ((NTSTATUS)0xC0200203)
#define STATUS_WDF_BUSY                          ((NTSTATUS)0xC0200204)
#define STATUS_WDF_IO_TIMEOUT_NOT_SENT           ((NTSTATUS)0xC0200205)
#define STATUS_WDF_DEVICE_REMOVED_NOT_SENT       ((NTSTATUS)0xC0200206)
#define STATUS_WDF_REQUEST_ALREADY_PENDING       ((NTSTATUS)0xC0200207)
#define STATUS_WDF_REQUEST_INVALID_STATE         ((NTSTATUS)0xC0200208)
#define STATUS_WDF_OBJECT_ATTRIBUTES_INVALID     ((NTSTATUS)0xC0200209)
#define STATUS_WDF_TOO_FRAGMENTED                ((NTSTATUS)0xC020020A)
#define STATUS_WDF_NO_CALLBACK                   ((NTSTATUS)0xC020020B)
#define STATUS_WDF_INCOMPATIBLE_EXECUTION_LEVEL  ((NTSTATUS)0xC020020C)
#define STATUS_WDF_PARENT_ALREADY_ASSIGNED       ((NTSTATUS)0xC020020D)
#define STATUS_WDF_PARENT_IS_SELF                ((NTSTATUS)0xC020020E)
#define STATUS_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED ((NTSTATUS)0xC020020F)
#define STATUS_WDF_SYNCHRONIZATION_SCOPE_INVALID ((NTSTATUS)0xC0200210)
#define STATUS_WDF_EXECUTION_LEVEL_INVALID       ((NTSTATUS)0xC0200211)
#define STATUS_WDF_PARENT_NOT_SPECIFIED          ((NTSTATUS)0xC0200212)
#define STATUS_WDF_TOO_MANY_TRANSFERS            ((NTSTATUS)0xC0200213)
#define STATUS_WDF_NOT_ENOUGH_MAP_REGISTERS      ((NTSTATUS)0xC0200214)

/* ---- WDF_VIOLATION (0x10D) parameter 1 (wdfbugcodes.h) ----------------------------------- */
typedef enum _WDF_BUGCHECK_CODES {
    WDF_POWER_ROUTINE_TIMED_OUT = 0x1,
    WDF_RECURSIVE_LOCK = 0x2,
    WDF_VERIFIER_FATAL_ERROR = 0x3,
    WDF_REQUIRED_PARAMETER_IS_NULL = 0x4,
    WDF_INVALID_HANDLE = 0x5,
    WDF_REQUEST_FATAL_ERROR = 0x6,
    WDF_OBJECT_ERROR = 0x7,
    WDF_DMA_FATAL_ERROR = 0x8,
    WDF_INVALID_INTERRUPT = 0x9,
    WDF_QUEUE_FATAL_ERROR = 0xA,
    WDF_INVALID_LOCK_OPERATION = 0xB,
    WDF_PNP_FATAL_ERROR = 0xC,
    WDF_POWER_MULTIPLE_PPO = 0xD,
    WDF_VERIFIER_IRQL_MISMATCH = 0xE,
    WDF_VERIFIER_CRITICAL_REGION_MISMATCH = 0xF,
    WDF_API_UNAVAILABLE = 0x10
} WDF_BUGCHECK_CODES;

/* ---- the framework verifier (wdfverifier.h, wdfassert.h) ---------------------------------------- */
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
VOID
WdfVerifierDbgBreakPoint(
    VOID
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
VOID
WdfVerifierKeBugCheck(
    _In_ ULONG BugCheckCode,
    _In_ ULONG_PTR BugCheckParameter1,
    _In_ ULONG_PTR BugCheckParameter2,
    _In_ ULONG_PTR BugCheckParameter3,
    _In_ ULONG_PTR BugCheckParameter4
    );

#define WDFVERIFY(exp) do { if (!(exp)) { WdfVerifierDbgBreakPoint(); } } while (0)
#define VERIFY_IS_IRQL_PASSIVE_LEVEL() WDFVERIFY(KeGetCurrentIrql() == PASSIVE_LEVEL)

WDF_EXTERN_C_END

#endif /* BCSIM_SHIM_WDF_TYPES_H */
