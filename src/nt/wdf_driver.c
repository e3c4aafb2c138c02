/*
 * src/nt/wdf_driver.c — the framework driver object (wdfdriver.h). WdfDriverCreate installs the
 * framework's DriverUnload as KMDF does (the KMDF source, FxDriver::Initialize): always for a PnP
 * driver, for a non-PnP driver only with an EvtDriverUnload; never with
 * WdfDriverInitNoDispatchOverride.
 */
#include "wdf_private.h"

static VOID bcsim_wdf_driver_unload(PDRIVER_OBJECT DriverObject)
{
    bcsim__wdf_framework_unload(DriverObject);
}

static NTSTATUS bcsim_wdf_add_device(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    /* The PnP manager's entry point; bcsim's device arrives through src/machine/kmdf.c instead. */
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(PhysicalDeviceObject);
    return STATUS_SUCCESS;
}

/* WdfDriverCreate — Learn: creates the WDFDRIVER for DriverEntry's driver object (once);
 * STATUS_SUCCESS, or a failure for invalid parameters. */
NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject, PCUNICODE_STRING RegistryPath,
                         PWDF_OBJECT_ATTRIBUTES DriverAttributes, PWDF_DRIVER_CONFIG DriverConfig,
                         WDFDRIVER *Driver)
{
    WDF_ENTER(WdfDriverCreate);
    if (Driver)
        *Driver = NULL;
    if (!DriverObject || !DriverConfig) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfDriverCreate, !DriverObject ? "DriverObject" : "DriverConfig",
                                  caller);
        return STATUS_INVALID_PARAMETER;
    }
    if (DriverConfig->Size != sizeof(WDF_DRIVER_CONFIG))
        return STATUS_INFO_LENGTH_MISMATCH;
    bcsim_wdf_driver_t *ext = (bcsim_wdf_driver_t *)bcsim_wdf_ext(sizeof(*ext));
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->DriverObject = DriverObject;
    if (RegistryPath && RegistryPath->Buffer) {
        ULONG n = RegistryPath->Length / sizeof(WCHAR);
        if (n >= RTL_NUMBER_OF(ext->RegistryPath))
            n = RTL_NUMBER_OF(ext->RegistryPath) - 1;
        RtlCopyMemory(ext->RegistryPath, RegistryPath->Buffer, n * sizeof(WCHAR));
        ext->RegistryPath[n] = 0;
    }
    bcsim__wdf_attrs_t a;
    bcsim_wdf_attrs(DriverAttributes, &a);
    ULONG flags = DriverConfig->DriverInitFlags;
    BOOLEAN dispatch = (flags & WdfDriverInitNoDispatchOverride) == 0;
    void *handle = NULL;
    NTSTATUS status = bcsim__wdf_driver_new(DriverObject, &a,
                                            dispatch ? (void *)DriverConfig->EvtDriverDeviceAdd : NULL,
                                            dispatch ? (void *)DriverConfig->EvtDriverUnload : NULL,
                                            flags, DriverConfig->DriverPoolTag, ext, caller, &handle);
    if (!NT_SUCCESS(status))
        return status;
    if (dispatch) {
        if (flags & WdfDriverInitNonPnpDriver) {
            DriverObject->DriverExtension->AddDevice = NULL;
            DriverObject->DriverUnload = DriverConfig->EvtDriverUnload ? bcsim_wdf_driver_unload : NULL;
        } else {
            DriverObject->DriverExtension->AddDevice = bcsim_wdf_add_device;
            DriverObject->DriverUnload = bcsim_wdf_driver_unload;
        }
    }
    if (Driver)
        *Driver = (WDFDRIVER)handle;
    return STATUS_SUCCESS;
}

/* WdfDriverGetRegistryPath — Learn: the driver's registry key path (NUL-terminated). */
PWSTR WdfDriverGetRegistryPath(WDFDRIVER Driver)
{
    WDF_ENTER(WdfDriverGetRegistryPath);
    bcsim_wdf_driver_t *d = (bcsim_wdf_driver_t *)bcsim__wdf_object_ext(
        Driver, BCSIM__WDF_DRIVER, BCSIM__X_WdfDriverGetRegistryPath, caller);
    return d ? d->RegistryPath : NULL;
}

/* WdfDriverWdmGetDriverObject — Learn: the WDM DRIVER_OBJECT. */
PDRIVER_OBJECT WdfDriverWdmGetDriverObject(WDFDRIVER Driver)
{
    WDF_ENTER(WdfDriverWdmGetDriverObject);
    bcsim_wdf_driver_t *d = (bcsim_wdf_driver_t *)bcsim__wdf_object_ext(
        Driver, BCSIM__WDF_DRIVER, BCSIM__X_WdfDriverWdmGetDriverObject, caller);
    return d ? d->DriverObject : NULL;
}

/* WdfWdmDriverGetWdfDriverHandle — Learn: the WDFDRIVER of a DRIVER_OBJECT (NULL if none). */
WDFDRIVER WdfWdmDriverGetWdfDriverHandle(PDRIVER_OBJECT DriverObject)
{
    WDF_ENTER(WdfWdmDriverGetWdfDriverHandle);
    UNREFERENCED_PARAMETER(caller);
    return (WDFDRIVER)bcsim__wdf_driver_of(DriverObject);
}

/* WdfGetDriver — Learn: the calling driver's WDFDRIVER. */
WDFDRIVER WdfGetDriver(VOID)
{
    WDF_ENTER(WdfGetDriver);
    return (WDFDRIVER)bcsim__wdf_driver_of_caller(caller);
}

/* WdfDriverOpenParametersRegistryKey — Learn: opens the driver's Parameters key (the scenario's
 * "parameters" values in bcsim); the key object's default parent is the driver. */
NTSTATUS WdfDriverOpenParametersRegistryKey(WDFDRIVER Driver, ACCESS_MASK DesiredAccess,
                                            PWDF_OBJECT_ATTRIBUTES KeyAttributes, WDFKEY *Key)
{
    WDF_ENTER(WdfDriverOpenParametersRegistryKey);
    UNREFERENCED_PARAMETER(DesiredAccess);
    if (!Key) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfDriverOpenParametersRegistryKey, "Key", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Key = NULL;
    if (!bcsim__wdf_object_ext(Driver, BCSIM__WDF_DRIVER, BCSIM__X_WdfDriverOpenParametersRegistryKey, caller))
        return STATUS_INVALID_PARAMETER;
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    bcsim_wdf_attrs(KeyAttributes, &a);
    *Key = (WDFKEY)bcsim__wdf_registry_open(NULL, 1, NULL, 0, 0, &a, Driver, caller, &status, NULL);
    return status;
}

/* WdfDriverRegisterTraceInfo — Learn: for the WPP in-flight recorder of framework-based
 * drivers; bcsim's WPP emulation needs nothing: STATUS_SUCCESS. */
NTSTATUS WdfDriverRegisterTraceInfo(PDRIVER_OBJECT DriverObject, PFN_WDF_TRACE_CALLBACK EvtTraceCallback,
                                    PVOID ControlBlock)
{
    WDF_ENTER(WdfDriverRegisterTraceInfo);
    UNREFERENCED_PARAMETER(caller);
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(EvtTraceCallback);
    UNREFERENCED_PARAMETER(ControlBlock);
    return STATUS_SUCCESS;
}

/* WdfDriverRetrieveVersionString — Learn: a string describing the framework's version. */
NTSTATUS WdfDriverRetrieveVersionString(WDFDRIVER Driver, WDFSTRING String)
{
    WDF_ENTER(WdfDriverRetrieveVersionString);
    static const WCHAR text[] = L"Kernel Mode Driver Framework (bcsim) version 1.33";
    if (!bcsim__wdf_object_ext(Driver, BCSIM__WDF_DRIVER, BCSIM__X_WdfDriverRetrieveVersionString, caller))
        return STATUS_INVALID_PARAMETER;
    return bcsim_wdf_string_assign(String, text, RTL_NUMBER_OF(text) - 1, caller);
}

/* WdfDriverIsVersionAvailable — Learn: TRUE if the framework is at least that version; bcsim
 * models KMDF 1.33. */
BOOLEAN WdfDriverIsVersionAvailable(WDFDRIVER Driver, PWDF_DRIVER_VERSION_AVAILABLE_PARAMS VersionAvailableParams)
{
    WDF_ENTER(WdfDriverIsVersionAvailable);
    if (!bcsim__wdf_object_ext(Driver, BCSIM__WDF_DRIVER, BCSIM__X_WdfDriverIsVersionAvailable, caller) ||
        !VersionAvailableParams || VersionAvailableParams->Size != sizeof(*VersionAvailableParams))
        return FALSE;
    return VersionAvailableParams->MajorVersion < 1 ||
           (VersionAvailableParams->MajorVersion == 1 && VersionAvailableParams->MinorVersion <= 33);
}
