/*
 * bcsim shim: I/O manager objects and role types (wdk-surface.md 3.15), part of wdm.h.
 * Layouts follow the WDK's x64 field order; the sizes are asserted below.
 */
#ifndef BCSIM_SHIM_IO_H
#define BCSIM_SHIM_IO_H

EXTERN_C_START

#define IO_TYPE_ADAPTER     1
#define IO_TYPE_CONTROLLER  2
#define IO_TYPE_DEVICE      3
#define IO_TYPE_DRIVER      4
#define IO_TYPE_FILE        5
#define IO_TYPE_IRP         6
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b

struct _DRIVER_OBJECT;
struct _DEVICE_OBJECT;
struct _IRP;

typedef
_Function_class_(DRIVER_INITIALIZE)
_IRQL_requires_same_
NTSTATUS
DRIVER_INITIALIZE(
    _In_ struct _DRIVER_OBJECT *DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    );
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;

typedef
_Function_class_(DRIVER_UNLOAD)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
DRIVER_UNLOAD(
    _In_ struct _DRIVER_OBJECT *DriverObject
    );
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;

typedef
_Function_class_(DRIVER_ADD_DEVICE)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
NTSTATUS
DRIVER_ADD_DEVICE(
    _In_ struct _DRIVER_OBJECT *DriverObject,
    _In_ struct _DEVICE_OBJECT *PhysicalDeviceObject
    );
typedef DRIVER_ADD_DEVICE *PDRIVER_ADD_DEVICE;

typedef
_Function_class_(DRIVER_DISPATCH)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
NTSTATUS
DRIVER_DISPATCH(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp
    );
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;
typedef DRIVER_DISPATCH DRIVER_DISPATCH_RAISED;
typedef DRIVER_DISPATCH DRIVER_DISPATCH_PAGED;

typedef
_Function_class_(DRIVER_STARTIO)
VOID
DRIVER_STARTIO(
    _Inout_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp
    );
typedef DRIVER_STARTIO *PDRIVER_STARTIO;

typedef struct _DRIVER_EXTENSION {
    struct _DRIVER_OBJECT *DriverObject;
    PDRIVER_ADD_DEVICE AddDevice;
    ULONG Count;
    UNICODE_STRING ServiceKeyName;
} DRIVER_EXTENSION, *PDRIVER_EXTENSION;

typedef struct _DRIVER_OBJECT {
    CSHORT Type;
    CSHORT Size;
    struct _DEVICE_OBJECT *DeviceObject;
    ULONG Flags;
    PVOID DriverStart;
    ULONG DriverSize;
    PVOID DriverSection;
    PDRIVER_EXTENSION DriverExtension;
    UNICODE_STRING DriverName;
    PUNICODE_STRING HardwareDatabase;
    PVOID FastIoDispatch;
    PDRIVER_INITIALIZE DriverInit;
    PDRIVER_STARTIO DriverStartIo;
    PDRIVER_UNLOAD DriverUnload;
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
} DRIVER_OBJECT, *PDRIVER_OBJECT;

#if defined(__x86_64__)
C_ASSERT(FIELD_OFFSET(DRIVER_OBJECT, DriverExtension) == 0x30);
C_ASSERT(FIELD_OFFSET(DRIVER_OBJECT, DriverName) == 0x38);
C_ASSERT(FIELD_OFFSET(DRIVER_OBJECT, DriverUnload) == 0x68);
C_ASSERT(sizeof(DRIVER_OBJECT) == 0x150);
#endif

EXTERN_C_END

#endif /* BCSIM_SHIM_IO_H */
