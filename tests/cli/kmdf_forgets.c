/*
 * tests/cli/kmdf_forgets.c — a KMDF driver that registers its bug-check callback in
 * EvtDeviceD0Entry and forgets to deregister it in EvtDeviceD0Exit: the unload check reports
 * the device context freed under a registered record and the record left registered.
 */
#include <ntddk.h>
#include <wdf.h>

typedef struct _FORGET_CONTEXT {
    KBUGCHECK_CALLBACK_RECORD Record;
    ULONG Crashes;
} FORGET_CONTEXT, *PFORGET_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(FORGET_CONTEXT, ForgetGetContext)

DRIVER_INITIALIZE DriverEntry;
static EVT_WDF_DRIVER_DEVICE_ADD ForgetDeviceAdd;
static EVT_WDF_DEVICE_D0_ENTRY ForgetD0Entry;
static EVT_WDF_DEVICE_D0_EXIT ForgetD0Exit;
static KBUGCHECK_CALLBACK_ROUTINE ForgetBugCheck;

static VOID ForgetBugCheck(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Length);
    ((PFORGET_CONTEXT)Buffer)->Crashes++;
}

static NTSTATUS ForgetD0Entry(WDFDEVICE Device, WDF_POWER_DEVICE_STATE PreviousState)
{
    PFORGET_CONTEXT ctx = ForgetGetContext(Device);
    UNREFERENCED_PARAMETER(PreviousState);
    KeInitializeCallbackRecord(&ctx->Record);
    if (!KeRegisterBugCheckCallback(&ctx->Record, ForgetBugCheck, ctx, sizeof(*ctx), (PUCHAR)"kmdf_forgets"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}

static NTSTATUS ForgetD0Exit(WDFDEVICE Device, WDF_POWER_DEVICE_STATE TargetState)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(TargetState);
    return STATUS_SUCCESS;                  /* the mistake: the record stays registered */
}

static NTSTATUS ForgetDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_PNPPOWER_EVENT_CALLBACKS pnp;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFDEVICE device;
    UNREFERENCED_PARAMETER(Driver);
    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnp);
    pnp.EvtDeviceD0Entry = ForgetD0Entry;
    pnp.EvtDeviceD0Exit = ForgetD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnp);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, FORGET_CONTEXT);
    return WdfDeviceCreate(&DeviceInit, &attributes, &device);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_DRIVER_CONFIG_INIT(&config, ForgetDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
