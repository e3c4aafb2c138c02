/*
 * src/nt/wdf_private.h — what the framework's entry points (src/nt/wdf_*.c) share: the shim
 * world's blocks behind framework handles (the "ext" the harness keeps for each object, in OS
 * memory so a DEVICE_OBJECT is where a driver may look), WDFDEVICE_INIT, and the conversion of
 * WDF_OBJECT_ATTRIBUTES for the harness (src/machine/kmdf.c). Driver-profile world only.
 */
#ifndef BCSIM_NT_WDF_PRIVATE_H
#define BCSIM_NT_WDF_PRIVATE_H

#include "nt_private.h"
#include <wdf.h>

/* Every entry point starts with the verifier gate; the caller is the driver's call site. */
#define WDF_ENTER(name) void *caller = BCSIM__CALLER(); bcsim__export_enter(BCSIM__X_##name, caller)

struct WDFDEVICE_INIT {
    WDFDRIVER Driver;
    PDEVICE_OBJECT Pdo;                  /* NULL for a control device */
    BOOLEAN Control;
    BOOLEAN Used;                        /* a device was created from it */
    BOOLEAN Filter;
    BOOLEAN PowerPolicyOwner;
    BOOLEAN Exclusive;
    BOOLEAN PowerPageable;
    BOOLEAN PowerInrush;
    DEVICE_TYPE DeviceType;
    ULONG Characteristics;
    WDF_DEVICE_IO_TYPE IoType;
    UNICODE_STRING Name;
    WCHAR NameBuffer[128];
    void *Events[BCSIM__WDF_EV_COUNT];
};

typedef struct bcsim_wdf_driver {
    PDRIVER_OBJECT DriverObject;
    WCHAR RegistryPath[512];             /* NUL-terminated copy (WdfDriverGetRegistryPath) */
} bcsim_wdf_driver_t;

typedef struct bcsim_wdf_device {
    PDEVICE_OBJECT Fdo;                  /* the framework's device object */
    PDEVICE_OBJECT Lower;                /* the next device down (the PDO) */
    PDEVICE_OBJECT Pdo;
    WDFQUEUE DefaultQueue;
    WDFIOTARGET IoTarget;
    WDF_DEVICE_STATE State;
    BOOLEAN Control;
    BOOLEAN Filter;
} bcsim_wdf_device_t;

typedef struct bcsim_wdf_queue {
    WDFDEVICE Device;
    WDF_IO_QUEUE_CONFIG Config;
} bcsim_wdf_queue_t;

typedef struct bcsim_wdf_memory {
    PVOID Buffer;
    size_t Size;
} bcsim_wdf_memory_t;

typedef struct bcsim_wdf_lookaside {
    size_t BufferSize;
    POOL_TYPE PoolType;
    ULONG PoolTag;
    WDF_OBJECT_ATTRIBUTES MemoryAttributes;
    BOOLEAN HasMemoryAttributes;
} bcsim_wdf_lookaside_t;

typedef struct bcsim_wdf_lock {
    KSPIN_LOCK Lock;                     /* spin locks (and an interrupt's lock) */
    KIRQL OldIrql;
    KEVENT Event;                        /* wait locks: a synchronization event, signalled = free */
} bcsim_wdf_lock_t;

typedef struct bcsim_wdf_timer {
    WDF_TIMER_CONFIG Config;
    BOOLEAN Queued;
} bcsim_wdf_timer_t;

typedef struct bcsim_wdf_workitem {
    WDF_WORKITEM_CONFIG Config;
    BOOLEAN Queued;
} bcsim_wdf_workitem_t;

typedef struct bcsim_wdf_dpc {
    WDF_DPC_CONFIG Config;
    KDPC Dpc;
    BOOLEAN Queued;
} bcsim_wdf_dpc_t;

typedef struct bcsim_wdf_interrupt {
    WDFDEVICE Device;
    WDF_INTERRUPT_CONFIG Config;
    CM_PARTIAL_RESOURCE_DESCRIPTOR Raw, Translated;
    BOOLEAN HasResource;
    BOOLEAN DpcQueued, WorkItemQueued;
    bcsim_wdf_lock_t Lock;
    UCHAR KInterrupt[64];                /* what WdfInterruptWdmGetInterrupt hands out */
} bcsim_wdf_interrupt_t;

typedef struct bcsim_wdf_dma {
    WDFDEVICE Device;
    WDF_DMA_ENABLER_CONFIG Config;
    size_t MaximumFragments;
} bcsim_wdf_dma_t;

typedef struct bcsim_wdf_common_buffer {
    PVOID Va;
    PHYSICAL_ADDRESS La;
    size_t Length;
} bcsim_wdf_common_buffer_t;

typedef struct bcsim_wdf_string {
    UNICODE_STRING String;
} bcsim_wdf_string_t;

typedef struct bcsim_wdf_collection {
    WDFOBJECT *Items;
    ULONG Count, Capacity;
} bcsim_wdf_collection_t;

typedef struct bcsim_wdf_request {
    NTSTATUS Status;
    WDFIOTARGET Target;
} bcsim_wdf_request_t;

typedef struct bcsim_wdf_iotarget {
    WDFDEVICE Device;
    PDEVICE_OBJECT TargetDevice;
    PFILE_OBJECT TargetFile;
    BOOLEAN Remote;                      /* WdfIoTargetCreate's, not the device's default target */
    WDF_IO_TARGET_STATE State;
} bcsim_wdf_iotarget_t;

/* WDF_OBJECT_ATTRIBUTES for the harness. */
void bcsim_wdf_attrs(const WDF_OBJECT_ATTRIBUTES *a, bcsim__wdf_attrs_t *out);
/* The context type's identity: UniqueType (the descriptor itself for types declared with the
 * WDK's macros). */
const void *bcsim_wdf_type_key(PCWDF_OBJECT_CONTEXT_TYPE_INFO info);
/* OS memory for an ext block (zeroed; never freed: handles are never reused either). */
void *bcsim_wdf_ext(ULONG size);
/* A framework string object holding a copy of the text (units, no terminator needed). */
NTSTATUS bcsim_wdf_string_assign(WDFSTRING String, const WCHAR *text, ULONG units, void *caller);

#endif /* BCSIM_NT_WDF_PRIVATE_H */
