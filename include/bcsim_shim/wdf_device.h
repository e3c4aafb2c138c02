/*
 * bcsim shim: the framework device (wdfdevice.h), function and control devices (wdffdo.h,
 * wdfcontrol.h), driver-defined interfaces (wdfqueryinterface.h), resource lists
 * (wdfresource.h) and hardware access (wdfhwaccess.h), part of wdf.h.
 */
#ifndef BCSIM_SHIM_WDF_DEVICE_H
#define BCSIM_SHIM_WDF_DEVICE_H

#ifndef BCSIM_SHIM_WDF_H
#  error "include <wdf.h>, not bcsim_shim/wdf_device.h"
#endif

WDF_EXTERN_C_START

/* ---- enumerations ------------------------------------------------------------------------------ */
typedef enum _WDF_DEVICE_STATE_FLAGS {
    WdfDevStateNP = 0x8000
} WDF_DEVICE_STATE_FLAGS;

/* The PnP, power and power-policy state machines' states: the values drivers compare with. */
typedef enum _WDF_DEVICE_PNP_STATE {
    WdfDevStatePnpInvalid = 0x00,
    WdfDevStatePnpObjectCreated = 0x100,
    WdfDevStatePnpInit = 0x105,
    WdfDevStatePnpInitStarting = 0x106,
    WdfDevStatePnpHardwareAvailable = 0x108,
    WdfDevStatePnpRemoved = 0x113,
    WdfDevStatePnpStarted = 0x119,
    WdfDevStatePnpFailed = 0x12B,
    WdfDevStatePnpFinal = 0x135,
    WdfDevStatePnpNull = 0x13A
} WDF_DEVICE_PNP_STATE, *PWDF_DEVICE_PNP_STATE;

typedef enum _WDF_DEVICE_POWER_STATE {
    WdfDevStatePowerInvalid = 0x00,
    WdfDevStatePowerObjectCreated = 0x300,
    WdfDevStatePowerD0 = 0x307,
    WdfDevStatePowerStopped = 0x315,
    WdfDevStatePowerDx = 0x31F,
    WdfDevStatePowerFinal = 0x351,
    WdfDevStatePowerNull = 0x369
} WDF_DEVICE_POWER_STATE, *PWDF_DEVICE_POWER_STATE;

typedef enum _WDF_DEVICE_POWER_POLICY_STATE {
    WdfDevStatePwrPolInvalid = 0x00,
    WdfDevStatePwrPolObjectCreated = 0x500,
    WdfDevStatePwrPolStarting = 0x501,
    WdfDevStatePwrPolStopped = 0x563,
    WdfDevStatePwrPolStarted = 0x565,
    WdfDevStatePwrPolNull = 0x5BE
} WDF_DEVICE_POWER_POLICY_STATE, *PWDF_DEVICE_POWER_POLICY_STATE;

typedef enum _WDF_STATE_NOTIFICATION_TYPE {
    StateNotificationInvalid = 0x0000,
    StateNotificationEnterState = 0x0001,
    StateNotificationPostProcessState = 0x0002,
    StateNotificationLeaveState = 0x0004,
    StateNotificationAllStates = 0x0007
} WDF_STATE_NOTIFICATION_TYPE;

typedef enum _WDF_POWER_POLICY_S0_IDLE_CAPABILITIES {
    IdleCapsInvalid = 0,
    IdleCannotWakeFromS0,
    IdleCanWakeFromS0,
    IdleUsbSelectiveSuspend
} WDF_POWER_POLICY_S0_IDLE_CAPABILITIES;

typedef enum _WDF_POWER_POLICY_S0_IDLE_USER_CONTROL {
    IdleUserControlInvalid = 0,
    IdleDoNotAllowUserControl,
    IdleAllowUserControl
} WDF_POWER_POLICY_S0_IDLE_USER_CONTROL;

typedef enum _WDF_POWER_POLICY_IDLE_TIMEOUT_CONSTANTS {
    IdleTimeoutDefaultConstant = 0
} WDF_POWER_POLICY_IDLE_TIMEOUT_CONSTANTS;
#define IdleTimeoutDefaultValue ((ULONG)IdleTimeoutDefaultConstant)

typedef enum _WDF_POWER_POLICY_SX_WAKE_USER_CONTROL {
    WakeUserControlInvalid = 0,
    WakeDoNotAllowUserControl,
    WakeAllowUserControl
} WDF_POWER_POLICY_SX_WAKE_USER_CONTROL;

typedef enum _WDF_POWER_DEVICE_STATE {
    WdfPowerDeviceInvalid = 0,
    WdfPowerDeviceD0,
    WdfPowerDeviceD1,
    WdfPowerDeviceD2,
    WdfPowerDeviceD3,
    WdfPowerDeviceD3Final,
    WdfPowerDevicePrepareForHibernation,
    WdfPowerDeviceMaximum
} WDF_POWER_DEVICE_STATE, *PWDF_POWER_DEVICE_STATE;

typedef enum _WDF_SPECIAL_FILE_TYPE {
    WdfSpecialFileUndefined = 0,
    WdfSpecialFilePaging = 1,
    WdfSpecialFileHibernation,
    WdfSpecialFileDump,
    WdfSpecialFileBoot,
    WdfSpecialFilePostDisplay,
    WdfSpecialFileGuestAssigned,
    WdfSpecialFileMax
} WDF_SPECIAL_FILE_TYPE, *PWDF_SPECIAL_FILE_TYPE;

typedef enum _WDF_DEVICE_IO_TYPE {
    WdfDeviceIoUndefined = 0,
    WdfDeviceIoNeither,
    WdfDeviceIoBuffered,
    WdfDeviceIoDirect,
    WdfDeviceIoBufferedOrDirect = 4,
    WdfDeviceIoMaximum
} WDF_DEVICE_IO_TYPE, *PWDF_DEVICE_IO_TYPE;

typedef enum _WDF_DEVICE_FAILED_ACTION {
    WdfDeviceFailedUndefined = 0,
    WdfDeviceFailedAttemptRestart,
    WdfDeviceFailedNoRestart
} WDF_DEVICE_FAILED_ACTION;

typedef enum _WDF_RELEASE_HARDWARE_ORDER_ON_FAILURE {
    WdfReleaseHardwareOrderOnFailureInvalid = 0,
    WdfReleaseHardwareOrderOnFailureEarly,
    WdfReleaseHardwareOrderOnFailureAfterDescendants
} WDF_RELEASE_HARDWARE_ORDER_ON_FAILURE, *PWDF_RELEASE_HARDWARE_ORDER_ON_FAILURE;

typedef enum _WDF_POWER_POLICY_IDLE_TIMEOUT_TYPE {
    DriverManagedIdleTimeout = 0,
    SystemManagedIdleTimeout = 1,
    SystemManagedIdleTimeoutWithHint = 2
} WDF_POWER_POLICY_IDLE_TIMEOUT_TYPE, *PWDF_POWER_POLICY_IDLE_TIMEOUT_TYPE;

#define WDF_S0_IDLE_ENABLED_VALUE_NAME L"IdleInWorkingState"
#define WDF_SX_WAKE_ENABLED_VALUE_NAME L"WakeFromSleepState"
#define WDF_S0_IDLE_DEFAULT_VALUE_NAME L"WdfDefaultIdleInWorkingState"
#define WDF_SX_WAKE_DEFAULT_VALUE_NAME L"WdfDefaultWakeFromSleepState"

/* ---- PnP and power role types ------------------------------------------------------------------ */
/* EVT_WDF_<x> and its pointer PFN_WDF_<x>, for the one-device and device-plus-state shapes. */
#define BCSIM_WDF_DEVICE_EVENT(_x, _ret)                                                        \
    typedef _Function_class_(EVT_WDF_##_x) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL) \
    _ret NTAPI EVT_WDF_##_x(_In_ WDFDEVICE Device);                                               \
    typedef EVT_WDF_##_x *PFN_WDF_##_x
#define BCSIM_WDF_DEVICE_POWER_EVENT(_x, _param)                                                \
    typedef _Function_class_(EVT_WDF_##_x) _IRQL_requires_same_ _IRQL_requires_max_(PASSIVE_LEVEL) \
    NTSTATUS NTAPI EVT_WDF_##_x(_In_ WDFDEVICE Device, _In_ WDF_POWER_DEVICE_STATE _param);       \
    typedef EVT_WDF_##_x *PFN_WDF_##_x

BCSIM_WDF_DEVICE_POWER_EVENT(DEVICE_D0_ENTRY, PreviousState);
BCSIM_WDF_DEVICE_POWER_EVENT(DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED, PreviousState);
BCSIM_WDF_DEVICE_POWER_EVENT(DEVICE_D0_ENTRY_POST_HARDWARE_ENABLED, PreviousState);
BCSIM_WDF_DEVICE_POWER_EVENT(DEVICE_D0_EXIT, TargetState);
BCSIM_WDF_DEVICE_POWER_EVENT(DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED, TargetState);
BCSIM_WDF_DEVICE_POWER_EVENT(DEVICE_D0_EXIT_PRE_HARDWARE_DISABLED, TargetState);
BCSIM_WDF_DEVICE_EVENT(DEVICE_SELF_MANAGED_IO_CLEANUP, VOID);
BCSIM_WDF_DEVICE_EVENT(DEVICE_SELF_MANAGED_IO_FLUSH, VOID);
BCSIM_WDF_DEVICE_EVENT(DEVICE_SELF_MANAGED_IO_INIT, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_SELF_MANAGED_IO_SUSPEND, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_SELF_MANAGED_IO_RESTART, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_QUERY_STOP, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_QUERY_REMOVE, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_SURPRISE_REMOVAL, VOID);
BCSIM_WDF_DEVICE_EVENT(DEVICE_ARM_WAKE_FROM_S0, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_ARM_WAKE_FROM_SX, NTSTATUS);
BCSIM_WDF_DEVICE_EVENT(DEVICE_DISARM_WAKE_FROM_S0, VOID);
BCSIM_WDF_DEVICE_EVENT(DEVICE_DISARM_WAKE_FROM_SX, VOID);
BCSIM_WDF_DEVICE_EVENT(DEVICE_WAKE_FROM_S0_TRIGGERED, VOID);
BCSIM_WDF_DEVICE_EVENT(DEVICE_WAKE_FROM_SX_TRIGGERED, VOID);

typedef
_Function_class_(EVT_WDF_DEVICE_PREPARE_HARDWARE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_PREPARE_HARDWARE(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesRaw,
    _In_ WDFCMRESLIST ResourcesTranslated
    );
typedef EVT_WDF_DEVICE_PREPARE_HARDWARE *PFN_WDF_DEVICE_PREPARE_HARDWARE;

typedef
_Function_class_(EVT_WDF_DEVICE_RELEASE_HARDWARE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_RELEASE_HARDWARE(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesTranslated
    );
typedef EVT_WDF_DEVICE_RELEASE_HARDWARE *PFN_WDF_DEVICE_RELEASE_HARDWARE;

typedef
_Function_class_(EVT_WDF_DEVICE_USAGE_NOTIFICATION)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_USAGE_NOTIFICATION(
    _In_ WDFDEVICE Device,
    _In_ WDF_SPECIAL_FILE_TYPE NotificationType,
    _In_ BOOLEAN IsInNotificationPath
    );
typedef EVT_WDF_DEVICE_USAGE_NOTIFICATION *PFN_WDF_DEVICE_USAGE_NOTIFICATION;

typedef
_Function_class_(EVT_WDF_DEVICE_USAGE_NOTIFICATION_EX)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_USAGE_NOTIFICATION_EX(
    _In_ WDFDEVICE Device,
    _In_ WDF_SPECIAL_FILE_TYPE NotificationType,
    _In_ BOOLEAN IsInNotificationPath
    );
typedef EVT_WDF_DEVICE_USAGE_NOTIFICATION_EX *PFN_WDF_DEVICE_USAGE_NOTIFICATION_EX;

typedef
_Function_class_(EVT_WDF_DEVICE_RELATIONS_QUERY)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_RELATIONS_QUERY(
    _In_ WDFDEVICE Device,
    _In_ DEVICE_RELATION_TYPE RelationType
    );
typedef EVT_WDF_DEVICE_RELATIONS_QUERY *PFN_WDF_DEVICE_RELATIONS_QUERY;

typedef
_Function_class_(EVT_WDF_DEVICE_ARM_WAKE_FROM_SX_WITH_REASON)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_ARM_WAKE_FROM_SX_WITH_REASON(
    _In_ WDFDEVICE Device,
    _In_ BOOLEAN DeviceWakeEnabled,
    _In_ BOOLEAN ChildrenArmedForWake
    );
typedef EVT_WDF_DEVICE_ARM_WAKE_FROM_SX_WITH_REASON *PFN_WDF_DEVICE_ARM_WAKE_FROM_SX_WITH_REASON;

typedef
_Function_class_(EVT_WDF_IO_IN_CALLER_CONTEXT)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_IN_CALLER_CONTEXT(
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_IN_CALLER_CONTEXT *PFN_WDF_IO_IN_CALLER_CONTEXT;

typedef
_Function_class_(EVT_WDFDEVICE_WDM_IRP_PREPROCESS)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
NTAPI
EVT_WDFDEVICE_WDM_IRP_PREPROCESS(
    _In_ WDFDEVICE Device,
    _Inout_ PIRP Irp
    );
typedef EVT_WDFDEVICE_WDM_IRP_PREPROCESS *PFN_WDFDEVICE_WDM_IRP_PREPROCESS;

/* ---- callback tables ----------------------------------------------------------------------------- */
typedef struct _WDF_PNPPOWER_EVENT_CALLBACKS {
    ULONG Size;
    PFN_WDF_DEVICE_D0_ENTRY EvtDeviceD0Entry;
    PFN_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED EvtDeviceD0EntryPostInterruptsEnabled;
    PFN_WDF_DEVICE_D0_EXIT EvtDeviceD0Exit;
    PFN_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED EvtDeviceD0ExitPreInterruptsDisabled;
    PFN_WDF_DEVICE_PREPARE_HARDWARE EvtDevicePrepareHardware;
    PFN_WDF_DEVICE_RELEASE_HARDWARE EvtDeviceReleaseHardware;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP EvtDeviceSelfManagedIoCleanup;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_FLUSH EvtDeviceSelfManagedIoFlush;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_INIT EvtDeviceSelfManagedIoInit;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND EvtDeviceSelfManagedIoSuspend;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_RESTART EvtDeviceSelfManagedIoRestart;
    PFN_WDF_DEVICE_SURPRISE_REMOVAL EvtDeviceSurpriseRemoval;
    PFN_WDF_DEVICE_QUERY_REMOVE EvtDeviceQueryRemove;
    PFN_WDF_DEVICE_QUERY_STOP EvtDeviceQueryStop;
    PFN_WDF_DEVICE_USAGE_NOTIFICATION EvtDeviceUsageNotification;
    PFN_WDF_DEVICE_RELATIONS_QUERY EvtDeviceRelationsQuery;
    PFN_WDF_DEVICE_USAGE_NOTIFICATION_EX EvtDeviceUsageNotificationEx;
} WDF_PNPPOWER_EVENT_CALLBACKS, *PWDF_PNPPOWER_EVENT_CALLBACKS;

BCSIM_SHIM_INLINE VOID WDF_PNPPOWER_EVENT_CALLBACKS_INIT(_Out_ PWDF_PNPPOWER_EVENT_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(WDF_PNPPOWER_EVENT_CALLBACKS));
    Callbacks->Size = sizeof(WDF_PNPPOWER_EVENT_CALLBACKS);
}

typedef struct _WDF_POWER_POLICY_EVENT_CALLBACKS {
    ULONG Size;
    PFN_WDF_DEVICE_ARM_WAKE_FROM_S0 EvtDeviceArmWakeFromS0;
    PFN_WDF_DEVICE_DISARM_WAKE_FROM_S0 EvtDeviceDisarmWakeFromS0;
    PFN_WDF_DEVICE_WAKE_FROM_S0_TRIGGERED EvtDeviceWakeFromS0Triggered;
    PFN_WDF_DEVICE_ARM_WAKE_FROM_SX EvtDeviceArmWakeFromSx;
    PFN_WDF_DEVICE_DISARM_WAKE_FROM_SX EvtDeviceDisarmWakeFromSx;
    PFN_WDF_DEVICE_WAKE_FROM_SX_TRIGGERED EvtDeviceWakeFromSxTriggered;
    PFN_WDF_DEVICE_ARM_WAKE_FROM_SX_WITH_REASON EvtDeviceArmWakeFromSxWithReason;
} WDF_POWER_POLICY_EVENT_CALLBACKS, *PWDF_POWER_POLICY_EVENT_CALLBACKS;

BCSIM_SHIM_INLINE VOID WDF_POWER_POLICY_EVENT_CALLBACKS_INIT(_Out_ PWDF_POWER_POLICY_EVENT_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(WDF_POWER_POLICY_EVENT_CALLBACKS));
    Callbacks->Size = sizeof(WDF_POWER_POLICY_EVENT_CALLBACKS);
}

/* ---- power policy settings and capabilities ------------------------------------------------------ */
typedef struct _WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS {
    ULONG Size;
    WDF_POWER_POLICY_S0_IDLE_CAPABILITIES IdleCaps;
    DEVICE_POWER_STATE DxState;
    ULONG IdleTimeout;
    WDF_POWER_POLICY_S0_IDLE_USER_CONTROL UserControlOfIdleSettings;
    WDF_TRI_STATE Enabled;
    WDF_TRI_STATE PowerUpIdleDeviceOnSystemWake;
    WDF_POWER_POLICY_IDLE_TIMEOUT_TYPE IdleTimeoutType;
    WDF_TRI_STATE ExcludeD3Cold;
} WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS, *PWDF_DEVICE_POWER_POLICY_IDLE_SETTINGS;

BCSIM_SHIM_INLINE VOID WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS_INIT(
    _Out_ PWDF_DEVICE_POWER_POLICY_IDLE_SETTINGS Settings,
    _In_ WDF_POWER_POLICY_S0_IDLE_CAPABILITIES IdleCaps)
{
    RtlZeroMemory(Settings, sizeof(WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS));
    Settings->Size = sizeof(WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS);
    Settings->IdleTimeout = IdleTimeoutDefaultValue;
    Settings->UserControlOfIdleSettings = IdleAllowUserControl;
    Settings->Enabled = WdfUseDefault;
    Settings->PowerUpIdleDeviceOnSystemWake = WdfUseDefault;
    Settings->IdleTimeoutType = DriverManagedIdleTimeout;
    Settings->ExcludeD3Cold = WdfUseDefault;
    Settings->IdleCaps = IdleCaps;
    if (IdleCaps == IdleUsbSelectiveSuspend || IdleCaps == IdleCanWakeFromS0)
        Settings->DxState = PowerDeviceMaximum;
    else if (IdleCaps == IdleCannotWakeFromS0)
        Settings->DxState = PowerDeviceD3;
}

typedef struct _WDF_DEVICE_POWER_POLICY_WAKE_SETTINGS {
    ULONG Size;
    DEVICE_POWER_STATE DxState;
    WDF_POWER_POLICY_SX_WAKE_USER_CONTROL UserControlOfWakeSettings;
    WDF_TRI_STATE Enabled;
    BOOLEAN ArmForWakeIfChildrenAreArmedForWake;
    BOOLEAN IndicateChildWakeOnParentWake;
} WDF_DEVICE_POWER_POLICY_WAKE_SETTINGS, *PWDF_DEVICE_POWER_POLICY_WAKE_SETTINGS;

BCSIM_SHIM_INLINE VOID WDF_DEVICE_POWER_POLICY_WAKE_SETTINGS_INIT(
    _Out_ PWDF_DEVICE_POWER_POLICY_WAKE_SETTINGS Settings)
{
    RtlZeroMemory(Settings, sizeof(WDF_DEVICE_POWER_POLICY_WAKE_SETTINGS));
    Settings->Size = sizeof(WDF_DEVICE_POWER_POLICY_WAKE_SETTINGS);
    Settings->Enabled = WdfUseDefault;
    Settings->DxState = PowerDeviceMaximum;
    Settings->UserControlOfWakeSettings = WakeAllowUserControl;
}

typedef struct _WDF_DEVICE_STATE {
    ULONG Size;
    WDF_TRI_STATE Disabled;
    WDF_TRI_STATE DontDisplayInUI;
    WDF_TRI_STATE Failed;
    WDF_TRI_STATE NotDisableable;
    WDF_TRI_STATE Removed;
    WDF_TRI_STATE ResourcesChanged;
    WDF_TRI_STATE AssignedToGuest;
} WDF_DEVICE_STATE, *PWDF_DEVICE_STATE;

BCSIM_SHIM_INLINE VOID WDF_DEVICE_STATE_INIT(_Out_ PWDF_DEVICE_STATE PnpDeviceState)
{
    RtlZeroMemory(PnpDeviceState, sizeof(WDF_DEVICE_STATE));
    PnpDeviceState->Size = sizeof(WDF_DEVICE_STATE);
    PnpDeviceState->Disabled = WdfUseDefault;
    PnpDeviceState->DontDisplayInUI = WdfUseDefault;
    PnpDeviceState->Failed = WdfUseDefault;
    PnpDeviceState->NotDisableable = WdfUseDefault;
    PnpDeviceState->Removed = WdfUseDefault;
    PnpDeviceState->ResourcesChanged = WdfUseDefault;
    PnpDeviceState->AssignedToGuest = WdfUseDefault;
}

typedef struct _WDF_DEVICE_PNP_CAPABILITIES {
    ULONG Size;
    WDF_TRI_STATE LockSupported;
    WDF_TRI_STATE EjectSupported;
    WDF_TRI_STATE Removable;
    WDF_TRI_STATE DockDevice;
    WDF_TRI_STATE UniqueID;
    WDF_TRI_STATE SilentInstall;
    WDF_TRI_STATE SurpriseRemovalOK;
    WDF_TRI_STATE HardwareDisabled;
    WDF_TRI_STATE NoDisplayInUI;
    ULONG Address;
    ULONG UINumber;
} WDF_DEVICE_PNP_CAPABILITIES, *PWDF_DEVICE_PNP_CAPABILITIES;

BCSIM_SHIM_INLINE VOID WDF_DEVICE_PNP_CAPABILITIES_INIT(_Out_ PWDF_DEVICE_PNP_CAPABILITIES Caps)
{
    RtlZeroMemory(Caps, sizeof(WDF_DEVICE_PNP_CAPABILITIES));
    Caps->Size = sizeof(WDF_DEVICE_PNP_CAPABILITIES);
    Caps->LockSupported = WdfUseDefault;
    Caps->EjectSupported = WdfUseDefault;
    Caps->Removable = WdfUseDefault;
    Caps->DockDevice = WdfUseDefault;
    Caps->UniqueID = WdfUseDefault;
    Caps->SilentInstall = WdfUseDefault;
    Caps->SurpriseRemovalOK = WdfUseDefault;
    Caps->HardwareDisabled = WdfUseDefault;
    Caps->NoDisplayInUI = WdfUseDefault;
    Caps->Address = (ULONG)-1;
    Caps->UINumber = (ULONG)-1;
}

typedef struct _WDF_DEVICE_POWER_CAPABILITIES {
    ULONG Size;
    WDF_TRI_STATE DeviceD1;
    WDF_TRI_STATE DeviceD2;
    WDF_TRI_STATE WakeFromD0;
    WDF_TRI_STATE WakeFromD1;
    WDF_TRI_STATE WakeFromD2;
    WDF_TRI_STATE WakeFromD3;
    DEVICE_POWER_STATE DeviceState[PowerSystemMaximum];
    DEVICE_POWER_STATE DeviceWake;
    SYSTEM_POWER_STATE SystemWake;
    ULONG D1Latency;
    ULONG D2Latency;
    ULONG D3Latency;
    DEVICE_POWER_STATE IdealDxStateForSx;
} WDF_DEVICE_POWER_CAPABILITIES, *PWDF_DEVICE_POWER_CAPABILITIES;

BCSIM_SHIM_INLINE VOID WDF_DEVICE_POWER_CAPABILITIES_INIT(_Out_ PWDF_DEVICE_POWER_CAPABILITIES Caps)
{
    ULONG i;
    RtlZeroMemory(Caps, sizeof(WDF_DEVICE_POWER_CAPABILITIES));
    Caps->Size = sizeof(WDF_DEVICE_POWER_CAPABILITIES);
    Caps->DeviceD1 = WdfUseDefault;
    Caps->DeviceD2 = WdfUseDefault;
    Caps->WakeFromD0 = WdfUseDefault;
    Caps->WakeFromD1 = WdfUseDefault;
    Caps->WakeFromD2 = WdfUseDefault;
    Caps->WakeFromD3 = WdfUseDefault;
    for (i = 0; i < (ULONG)PowerSystemMaximum; i++)
        Caps->DeviceState[i] = PowerDeviceMaximum;
    Caps->DeviceWake = PowerDeviceMaximum;
    Caps->SystemWake = PowerSystemMaximum;
    Caps->D1Latency = (ULONG)-1;
    Caps->D2Latency = (ULONG)-1;
    Caps->D3Latency = (ULONG)-1;
    Caps->IdealDxStateForSx = PowerDeviceMaximum;
}

typedef enum _WDF_REMOVE_LOCK_OPTIONS_FLAGS {
    WDF_REMOVE_LOCK_OPTION_ACQUIRE_FOR_IO = 0x00000001
} WDF_REMOVE_LOCK_OPTIONS_FLAGS;

typedef struct _WDF_REMOVE_LOCK_OPTIONS {
    ULONG Size;
    ULONG Flags;
} WDF_REMOVE_LOCK_OPTIONS, *PWDF_REMOVE_LOCK_OPTIONS;

BCSIM_SHIM_INLINE VOID WDF_REMOVE_LOCK_OPTIONS_INIT(_Out_ PWDF_REMOVE_LOCK_OPTIONS RemoveLockOptions,
                                                    _In_ ULONG Flags)
{
    RtlZeroMemory(RemoveLockOptions, sizeof(WDF_REMOVE_LOCK_OPTIONS));
    RemoveLockOptions->Size = sizeof(WDF_REMOVE_LOCK_OPTIONS);
    RemoveLockOptions->Flags = Flags;
}

typedef struct _WDF_IO_TYPE_CONFIG {
    ULONG Size;
    WDF_DEVICE_IO_TYPE ReadWriteIoType;
    WDF_DEVICE_IO_TYPE DeviceControlIoType;
    ULONG DirectTransferThreshold;
} WDF_IO_TYPE_CONFIG, *PWDF_IO_TYPE_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_IO_TYPE_CONFIG_INIT(_Out_ PWDF_IO_TYPE_CONFIG IoTypeConfig)
{
    RtlZeroMemory(IoTypeConfig, sizeof(WDF_IO_TYPE_CONFIG));
    IoTypeConfig->Size = sizeof(WDF_IO_TYPE_CONFIG);
    IoTypeConfig->ReadWriteIoType = WdfDeviceIoBuffered;
    IoTypeConfig->DeviceControlIoType = WdfDeviceIoBuffered;
}

/* ---- WDFDEVICE_INIT ------------------------------------------------------------------------------ */
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitFree(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetPnpPowerEventCallbacks(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_PNPPOWER_EVENT_CALLBACKS PnpPowerEventCallbacks
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetPowerPolicyEventCallbacks(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_POWER_POLICY_EVENT_CALLBACKS PowerPolicyEventCallbacks
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetPowerPolicyOwnership(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ BOOLEAN IsPowerPolicyOwner
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetIoType(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ WDF_DEVICE_IO_TYPE IoType
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetIoTypeEx(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_IO_TYPE_CONFIG IoTypeConfig
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetExclusive(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ BOOLEAN IsExclusive
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetDeviceType(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ DEVICE_TYPE DeviceType
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetCharacteristics(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ ULONG DeviceCharacteristics,
    _In_ BOOLEAN OrInValues
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetPowerPageable(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetPowerNotPageable(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetPowerInrush(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetFileObjectConfig(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_FILEOBJECT_CONFIG FileObjectConfig,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES FileObjectAttributes
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetRequestAttributes(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_OBJECT_ATTRIBUTES RequestAttributes
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceInitAssignName(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_opt_ PCUNICODE_STRING DeviceName
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceInitAssignSDDLString(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_opt_ PCUNICODE_STRING SDDLString
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetDeviceClass(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ CONST GUID *DeviceClassGuid
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetIoInCallerContextCallback(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceInitAssignWdmIrpPreprocessCallback(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDFDEVICE_WDM_IRP_PREPROCESS EvtDeviceWdmIrpPreprocess,
    _In_ UCHAR MajorFunction,
    _When_(NumMinorFunctions > 0, _In_reads_bytes_(NumMinorFunctions))
    _When_(NumMinorFunctions == 0, _In_opt_) PUCHAR MinorFunctions,
    _In_ ULONG NumMinorFunctions
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetRemoveLockOptions(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_REMOVE_LOCK_OPTIONS Options
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitSetReleaseHardwareOrderOnFailure(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ WDF_RELEASE_HARDWARE_ORDER_ON_FAILURE ReleaseHardwareOrderOnFailure
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceInitAllowSelfIoTarget(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

/* ---- the device ---------------------------------------------------------------------------------- */
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceCreate(
    _Inout_ PWDFDEVICE_INIT *DeviceInit,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
    _Out_ WDFDEVICE *Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDEVICE_OBJECT
WdfDeviceWdmGetDeviceObject(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDEVICE_OBJECT
WdfDeviceWdmGetAttachedDevice(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDEVICE_OBJECT
WdfDeviceWdmGetPhysicalDevice(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
WdfWdmDeviceGetWdfDeviceHandle(
    _In_ PDEVICE_OBJECT DeviceObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDRIVER
WdfDeviceGetDriver(
    _In_ WDFDEVICE Device
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceCreateDeviceInterface(
    _In_ WDFDEVICE Device,
    _In_ CONST GUID *InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfDeviceSetDeviceInterfaceState(
    _In_ WDFDEVICE Device,
    _In_ CONST GUID *InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString,
    _In_ BOOLEAN IsInterfaceEnabled
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceRetrieveDeviceInterfaceString(
    _In_ WDFDEVICE Device,
    _In_ CONST GUID *InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString,
    _In_ WDFSTRING String
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceCreateSymbolicLink(
    _In_ WDFDEVICE Device,
    _In_ PCUNICODE_STRING SymbolicLinkName
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceSetPnpCapabilities(
    _In_ WDFDEVICE Device,
    _In_ PWDF_DEVICE_PNP_CAPABILITIES PnpCapabilities
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceSetPowerCapabilities(
    _In_ WDFDEVICE Device,
    _In_ PWDF_DEVICE_POWER_CAPABILITIES PowerCapabilities
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceAssignS0IdleSettings(
    _In_ WDFDEVICE Device,
    _In_ PWDF_DEVICE_POWER_POLICY_IDLE_SETTINGS Settings
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceAssignSxWakeSettings(
    _In_ WDFDEVICE Device,
    _In_ PWDF_DEVICE_POWER_POLICY_WAKE_SETTINGS Settings
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceOpenRegistryKey(
    _In_ WDFDEVICE Device,
    _In_ ULONG DeviceInstanceKeyType,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES KeyAttributes,
    _Out_ WDFKEY *Key
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceQueryProperty(
    _In_ WDFDEVICE Device,
    _In_ DEVICE_REGISTRY_PROPERTY DeviceProperty,
    _In_ ULONG BufferLength,
    _Out_writes_bytes_all_(BufferLength) PVOID PropertyBuffer,
    _Out_ PULONG ResultLength
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceAllocAndQueryProperty(
    _In_ WDFDEVICE Device,
    _In_ DEVICE_REGISTRY_PROPERTY DeviceProperty,
    _In_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES PropertyMemoryAttributes,
    _Out_ WDFMEMORY *PropertyMemory
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFQUEUE
WdfDeviceGetDefaultQueue(
    _In_ WDFDEVICE Device
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceConfigureRequestDispatching(
    _In_ WDFDEVICE Device,
    _In_ WDFQUEUE Queue,
    _In_ _Strict_type_match_ WDF_REQUEST_TYPE RequestType
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFIOTARGET
WdfDeviceGetIoTarget(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceSetFailed(
    _In_ WDFDEVICE Device,
    _In_ WDF_DEVICE_FAILED_ACTION FailedAction
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceWdmDispatchPreprocessedIrp(
    _In_ WDFDEVICE Device,
    _Inout_ PIRP Irp
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceIndicateWakeStatus(
    _In_ WDFDEVICE Device,
    _In_ NTSTATUS WaitWakeStatus
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFFILEOBJECT
WdfDeviceGetFileObject(
    _In_ WDFDEVICE Device,
    _In_ PFILE_OBJECT FileObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceGetDeviceState(
    _In_ WDFDEVICE Device,
    _Out_ PWDF_DEVICE_STATE DeviceState
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceSetDeviceState(
    _In_ WDFDEVICE Device,
    _In_ PWDF_DEVICE_STATE DeviceState
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDF_DEVICE_PNP_STATE
WdfDeviceGetDevicePnpState(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDF_DEVICE_POWER_STATE
WdfDeviceGetDevicePowerState(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDF_DEVICE_POWER_POLICY_STATE
WdfDeviceGetDevicePowerPolicyState(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceSetStaticStopRemove(
    _In_ WDFDEVICE Device,
    _In_ BOOLEAN Stoppable
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG
WdfDeviceGetAlignmentRequirement(
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceSetAlignmentRequirement(
    _In_ WDFDEVICE Device,
    _In_ ULONG AlignmentRequirement
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceStopIdleActual(
    _In_ WDFDEVICE Device,
    _In_ BOOLEAN WaitForD0,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCSTR File
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfDeviceResumeIdleActual(
    _In_ WDFDEVICE Device,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCSTR File
    );

#define WdfDeviceStopIdleWithTag(Device, WaitForD0, Tag) \
    WdfDeviceStopIdleActual(Device, WaitForD0, Tag, __LINE__, __FILE__)
#define WdfDeviceStopIdle(Device, WaitForD0) WdfDeviceStopIdleWithTag(Device, WaitForD0, NULL)
#define WdfDeviceResumeIdleWithTag(Device, Tag) WdfDeviceResumeIdleActual(Device, Tag, __LINE__, __FILE__)
#define WdfDeviceResumeIdle(Device) WdfDeviceResumeIdleWithTag(Device, NULL)

/* ---- function and filter devices (wdffdo.h) -------------------------------------------------- */
/* Resource-requirement filtering: accepted; bcsim's PnP manager assigns the described
 * resources as they are, so these callbacks are never called. */
typedef
_Function_class_(EVT_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS(
    _In_ WDFDEVICE Device,
    _In_ WDFIORESREQLIST IoResourceRequirementsList
    );
typedef EVT_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS *PFN_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS;

typedef
_Function_class_(EVT_WDF_DEVICE_REMOVE_ADDED_RESOURCES)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_REMOVE_ADDED_RESOURCES(
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesRaw,
    _In_ WDFCMRESLIST ResourcesTranslated
    );
typedef EVT_WDF_DEVICE_REMOVE_ADDED_RESOURCES *PFN_WDF_DEVICE_REMOVE_ADDED_RESOURCES;

typedef struct _WDF_FDO_EVENT_CALLBACKS {
    ULONG Size;
    PFN_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS EvtDeviceFilterAddResourceRequirements;
    PFN_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS EvtDeviceFilterRemoveResourceRequirements;
    PFN_WDF_DEVICE_REMOVE_ADDED_RESOURCES EvtDeviceRemoveAddedResources;
} WDF_FDO_EVENT_CALLBACKS, *PWDF_FDO_EVENT_CALLBACKS;

BCSIM_SHIM_INLINE VOID WDF_FDO_EVENT_CALLBACKS_INIT(_Out_ PWDF_FDO_EVENT_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(WDF_FDO_EVENT_CALLBACKS));
    Callbacks->Size = sizeof(WDF_FDO_EVENT_CALLBACKS);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfFdoInitSetEventCallbacks(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_FDO_EVENT_CALLBACKS FdoEventCallbacks
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfFdoInitSetFilter(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PDEVICE_OBJECT
WdfFdoInitWdmGetPhysicalDevice(
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfFdoInitQueryProperty(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ DEVICE_REGISTRY_PROPERTY DeviceProperty,
    _In_ ULONG BufferLength,
    _Out_writes_bytes_all_opt_(BufferLength) PVOID PropertyBuffer,
    _Out_ PULONG ResultLength
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfFdoInitAllocAndQueryProperty(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ DEVICE_REGISTRY_PROPERTY DeviceProperty,
    _In_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES PropertyMemoryAttributes,
    _Out_ WDFMEMORY *PropertyMemory
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfFdoInitOpenRegistryKey(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ ULONG DeviceInstanceKeyType,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES KeyAttributes,
    _Out_ WDFKEY *Key
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfFdoQueryForInterface(
    _In_ WDFDEVICE Fdo,
    _In_ LPCGUID InterfaceType,
    _Out_ PINTERFACE Interface,
    _In_ USHORT Size,
    _In_ USHORT Version,
    _In_opt_ PVOID InterfaceSpecificData
    );

/* ---- control devices (wdfcontrol.h) ------------------------------------------------------------ */
typedef enum _WDF_DEVICE_SHUTDOWN_FLAGS {
    WdfDeviceShutdown = 0x01,
    WdfDeviceLastChanceShutdown = 0x02
} WDF_DEVICE_SHUTDOWN_FLAGS;

typedef
_Function_class_(EVT_WDF_DEVICE_SHUTDOWN_NOTIFICATION)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_SHUTDOWN_NOTIFICATION(
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SHUTDOWN_NOTIFICATION *PFN_WDF_DEVICE_SHUTDOWN_NOTIFICATION;

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
PWDFDEVICE_INIT
WdfControlDeviceInitAllocate(
    _In_ WDFDRIVER Driver,
    _In_ CONST UNICODE_STRING *SDDLString
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfControlDeviceInitSetShutdownNotification(
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDF_DEVICE_SHUTDOWN_NOTIFICATION Notification,
    _In_ UCHAR Flags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfControlFinishInitializing(
    _In_ WDFDEVICE Device
    );

/* ---- driver-defined interfaces (wdfqueryinterface.h) ------------------------------------------- */
typedef
_Function_class_(EVT_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST(
    _In_ WDFDEVICE Device,
    _In_ LPGUID InterfaceType,
    _Inout_ PINTERFACE ExposedInterface,
    _Inout_opt_ PVOID ExposedInterfaceSpecificData
    );
typedef EVT_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST *PFN_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST;

typedef struct _WDF_QUERY_INTERFACE_CONFIG {
    ULONG Size;
    PINTERFACE Interface;
    CONST GUID *InterfaceType;
    BOOLEAN SendQueryToParentStack;
    PFN_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST EvtDeviceProcessQueryInterfaceRequest;
    BOOLEAN ImportInterface;
} WDF_QUERY_INTERFACE_CONFIG, *PWDF_QUERY_INTERFACE_CONFIG;

BCSIM_SHIM_INLINE VOID WDF_QUERY_INTERFACE_CONFIG_INIT(
    _Out_ PWDF_QUERY_INTERFACE_CONFIG InterfaceConfig, _In_opt_ PINTERFACE Interface,
    _In_ CONST GUID *InterfaceType,
    _In_opt_ PFN_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST EvtDeviceProcessQueryInterfaceRequest)
{
    RtlZeroMemory(InterfaceConfig, sizeof(WDF_QUERY_INTERFACE_CONFIG));
    InterfaceConfig->Size = sizeof(WDF_QUERY_INTERFACE_CONFIG);
    InterfaceConfig->Interface = Interface;
    InterfaceConfig->InterfaceType = InterfaceType;
    InterfaceConfig->EvtDeviceProcessQueryInterfaceRequest = EvtDeviceProcessQueryInterfaceRequest;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfDeviceAddQueryInterface(
    _In_ WDFDEVICE Device,
    _In_ PWDF_QUERY_INTERFACE_CONFIG InterfaceConfig
    );

/* ---- resource lists (wdfresource.h) ------------------------------------------------------------ */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG
WdfCmResourceListGetCount(
    _In_ WDFCMRESLIST List
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PCM_PARTIAL_RESOURCE_DESCRIPTOR
WdfCmResourceListGetDescriptor(
    _In_ WDFCMRESLIST List,
    _In_ ULONG Index
    );

/* ---- hardware access (wdfhwaccess.h): the HAL's routines, the device for bookkeeping ---------- */
#define BCSIM_WDF_PORT_READ(_name, _type, _hal)                                                 \
    BCSIM_SHIM_INLINE _type _name(_In_ WDFDEVICE Device, _In_ _type *Port)                        \
    {                                                                                             \
        UNREFERENCED_PARAMETER(Device);                                                           \
        return _hal(Port);                                                                        \
    }
#define BCSIM_WDF_PORT_WRITE(_name, _type, _hal)                                                \
    BCSIM_SHIM_INLINE VOID _name(_In_ WDFDEVICE Device, _In_ _type *Port, _In_ _type Value)       \
    {                                                                                             \
        UNREFERENCED_PARAMETER(Device);                                                           \
        _hal(Port, Value);                                                                        \
    }
BCSIM_WDF_PORT_READ(WDF_READ_PORT_UCHAR, UCHAR, READ_PORT_UCHAR)
BCSIM_WDF_PORT_READ(WDF_READ_PORT_USHORT, USHORT, READ_PORT_USHORT)
BCSIM_WDF_PORT_READ(WDF_READ_PORT_ULONG, ULONG, READ_PORT_ULONG)
BCSIM_WDF_PORT_WRITE(WDF_WRITE_PORT_UCHAR, UCHAR, WRITE_PORT_UCHAR)
BCSIM_WDF_PORT_WRITE(WDF_WRITE_PORT_USHORT, USHORT, WRITE_PORT_USHORT)
BCSIM_WDF_PORT_WRITE(WDF_WRITE_PORT_ULONG, ULONG, WRITE_PORT_ULONG)
BCSIM_WDF_PORT_READ(WDF_READ_REGISTER_UCHAR, UCHAR, READ_REGISTER_UCHAR)
BCSIM_WDF_PORT_READ(WDF_READ_REGISTER_USHORT, USHORT, READ_REGISTER_USHORT)
BCSIM_WDF_PORT_READ(WDF_READ_REGISTER_ULONG, ULONG, READ_REGISTER_ULONG)
BCSIM_WDF_PORT_WRITE(WDF_WRITE_REGISTER_UCHAR, UCHAR, WRITE_REGISTER_UCHAR)
BCSIM_WDF_PORT_WRITE(WDF_WRITE_REGISTER_USHORT, USHORT, WRITE_REGISTER_USHORT)
BCSIM_WDF_PORT_WRITE(WDF_WRITE_REGISTER_ULONG, ULONG, WRITE_REGISTER_ULONG)

WDF_EXTERN_C_END

#endif /* BCSIM_SHIM_WDF_DEVICE_H */
