/*
 * bcsim shim: wdf.h — the minimal KMDF surface of wdk-surface.md 3.16: enough for KMDF drivers
 * whose bug-check callback TU touches only a few WDF names. Handles are distinct opaque
 * pointer types; role types are function types with P-pointers (S9); context-type declarations
 * produce a descriptor and an accessor backed by bcsim's per-object context store.
 */
#ifndef _WDF_H_
#define _WDF_H_
#define BCSIM_SHIM_WDF_H 1

#include <ntddk.h>

EXTERN_C_START

/* ---- handles ------------------------------------------------------------------------------ */
#define WDF_DECLARE_HANDLE(h) struct h##__ { int unused; }; typedef struct h##__ *h
/* WDFOBJECT is the generic handle every specific handle converts to (as in KMDF). */
typedef HANDLE WDFOBJECT, *PWDFOBJECT;
WDF_DECLARE_HANDLE(WDFDRIVER);
WDF_DECLARE_HANDLE(WDFDEVICE);
WDF_DECLARE_HANDLE(WDFREQUEST);
WDF_DECLARE_HANDLE(WDFFILEOBJECT);
WDF_DECLARE_HANDLE(WDFCMRESLIST);
WDF_DECLARE_HANDLE(WDFQUEUE);
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;
#define WDF_NO_HANDLE NULL
#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_CONTEXT NULL

/* ---- power states ------------------------------------------------------------------------- */
typedef enum _WDF_POWER_DEVICE_STATE {
    WdfPowerDeviceInvalid = 0,
    WdfPowerDeviceD0 = 1,
    WdfPowerDeviceD1 = 2,
    WdfPowerDeviceD2 = 3,
    WdfPowerDeviceD3 = 4,
    WdfPowerDeviceD3Final = 5,
    WdfPowerDevicePrepareForHibernation = 6,
    WdfPowerDeviceMaximum = 7
} WDF_POWER_DEVICE_STATE, *PWDF_POWER_DEVICE_STATE;

/* ---- role types ------------------------------------------------------------------------------ */
typedef _Function_class_(EVT_WDF_DRIVER_DEVICE_ADD) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS EVT_WDF_DRIVER_DEVICE_ADD(_In_ WDFDRIVER Driver, _Inout_ PWDFDEVICE_INIT DeviceInit);
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;

typedef _Function_class_(EVT_WDF_OBJECT_CONTEXT_CLEANUP) _IRQL_requires_same_ _IRQL_requires_max_(DISPATCH_LEVEL)
VOID EVT_WDF_OBJECT_CONTEXT_CLEANUP(_In_ WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;

typedef _Function_class_(EVT_WDF_DEVICE_PREPARE_HARDWARE) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS EVT_WDF_DEVICE_PREPARE_HARDWARE(_In_ WDFDEVICE Device, _In_ WDFCMRESLIST ResourcesRaw,
                                         _In_ WDFCMRESLIST ResourcesTranslated);
typedef EVT_WDF_DEVICE_PREPARE_HARDWARE *PFN_WDF_DEVICE_PREPARE_HARDWARE;

typedef _Function_class_(EVT_WDF_DEVICE_RELEASE_HARDWARE) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS EVT_WDF_DEVICE_RELEASE_HARDWARE(_In_ WDFDEVICE Device, _In_ WDFCMRESLIST ResourcesTranslated);
typedef EVT_WDF_DEVICE_RELEASE_HARDWARE *PFN_WDF_DEVICE_RELEASE_HARDWARE;

typedef _Function_class_(EVT_WDF_DEVICE_D0_ENTRY) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS EVT_WDF_DEVICE_D0_ENTRY(_In_ WDFDEVICE Device, _In_ WDF_POWER_DEVICE_STATE PreviousState);
typedef EVT_WDF_DEVICE_D0_ENTRY *PFN_WDF_DEVICE_D0_ENTRY;

typedef _Function_class_(EVT_WDF_DEVICE_D0_EXIT) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS EVT_WDF_DEVICE_D0_EXIT(_In_ WDFDEVICE Device, _In_ WDF_POWER_DEVICE_STATE TargetState);
typedef EVT_WDF_DEVICE_D0_EXIT *PFN_WDF_DEVICE_D0_EXIT;

typedef _Function_class_(EVT_WDF_DEVICE_FILE_CREATE) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL)
VOID EVT_WDF_DEVICE_FILE_CREATE(_In_ WDFDEVICE Device, _In_ WDFREQUEST Request, _In_ WDFFILEOBJECT FileObject);
typedef EVT_WDF_DEVICE_FILE_CREATE *PFN_WDF_DEVICE_FILE_CREATE;

/* ---- object contexts ----------------------------------------------------------------------------- */
typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO {
    ULONG Size;
    PCHAR ContextName;
    SIZE_T ContextSize;
    const struct _WDF_OBJECT_CONTEXT_TYPE_INFO *UniqueType;
    PVOID EvtDriverGetUniqueContextType;
} WDF_OBJECT_CONTEXT_TYPE_INFO, *PWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef const WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;

/* The per-object context store: the context of the given type attached to Handle, or NULL. */
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID
WdfObjectGetTypedContextWorker(
    _In_ WDFOBJECT Handle,
    _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo
    );

#ifdef __cplusplus
#  define BCSIM_WDF_EXTERN_C extern "C"
#else
#  define BCSIM_WDF_EXTERN_C
#endif
#define WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) _WDF_##_contexttype##_TYPE_INFO
#define WDF_GET_CONTEXT_TYPE_INFO(_contexttype) (&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype))

/* A descriptor with "select any" linkage (one copy however many TUs declare it) and an inline
 * accessor; both spellings of the macro pair expand to the same thing. */
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction)                       \
    BCSIM_WDF_EXTERN_C DECLSPEC_SELECTANY const WDF_OBJECT_CONTEXT_TYPE_INFO                                \
        WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) = {                                              \
            sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), (PCHAR)#_contexttype, sizeof(_contexttype),     \
            &WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype), NULL };                                    \
    BCSIM_SHIM_INLINE _contexttype *_castingfunction(_In_ WDFOBJECT Handle)                       \
    {                                                                                             \
        return (_contexttype *)WdfObjectGetTypedContextWorker(                                    \
            Handle, WDF_GET_CONTEXT_TYPE_INFO(_contexttype));                                     \
    }
#define WDF_DECLARE_CONTEXT_TYPE(_contexttype) \
    WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_##_contexttype)
#define WdfObjectGetTypedContext(handle, type) \
    ((type *)WdfObjectGetTypedContextWorker((WDFOBJECT)(handle), WDF_GET_CONTEXT_TYPE_INFO(type)))

/* ---- routines ------------------------------------------------------------------------------------ */
_IRQL_requires_max_(DISPATCH_LEVEL)
PDEVICE_OBJECT
WdfDeviceWdmGetDeviceObject(
    _In_ WDFDEVICE Device
    );

EXTERN_C_END

#endif /* _WDF_H_ */
