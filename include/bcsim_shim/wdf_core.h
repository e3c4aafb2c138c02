/*
 * bcsim shim: the KMDF general-purpose objects, part of wdf.h — locks (wdfsync.h), memory
 * objects and lookaside lists (wdfmemory.h), strings (wdfstring.h), collections
 * (wdfcollection.h) and registry keys (wdfregistry.h).
 */
#ifndef BCSIM_SHIM_WDF_CORE_H
#define BCSIM_SHIM_WDF_CORE_H

#ifndef BCSIM_SHIM_WDF_H
#  error "include <wdf.h>, not bcsim_shim/wdf_core.h"
#endif

WDF_EXTERN_C_START

/* ---- wdfsync.h --------------------------------------------------------------------------------- */
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfWaitLockCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LockAttributes,
    _Out_ WDFWAITLOCK *Lock
    );

/* PASSIVE_LEVEL, or DISPATCH_LEVEL with a zero timeout. */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfWaitLockAcquire(
    _In_ WDFWAITLOCK Lock,
    _In_opt_ PLONGLONG Timeout
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfWaitLockRelease(
    _In_ WDFWAITLOCK Lock
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfSpinLockCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
    _Out_ WDFSPINLOCK *SpinLock
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfSpinLockAcquire(
    _In_ WDFSPINLOCK SpinLock
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfSpinLockRelease(
    _In_ WDFSPINLOCK SpinLock
    );

/* ---- wdfmemory.h ------------------------------------------------------------------------------- */
typedef enum _WDF_MEMORY_DESCRIPTOR_TYPE {
    WdfMemoryDescriptorTypeInvalid = 0,
    WdfMemoryDescriptorTypeBuffer,
    WdfMemoryDescriptorTypeMdl,
    WdfMemoryDescriptorTypeHandle
} WDF_MEMORY_DESCRIPTOR_TYPE;

typedef struct _WDFMEMORY_OFFSET {
    size_t BufferOffset;
    size_t BufferLength;
} WDFMEMORY_OFFSET, *PWDFMEMORY_OFFSET;

typedef struct _WDF_MEMORY_DESCRIPTOR {
    WDF_MEMORY_DESCRIPTOR_TYPE Type;
    union {
        struct {
            PVOID Buffer;
            ULONG Length;
        } BufferType;
        struct {
            PMDL Mdl;
            ULONG BufferLength;
        } MdlType;
        struct {
            WDFMEMORY Memory;
            PWDFMEMORY_OFFSET Offsets;
        } HandleType;
    } u;
} WDF_MEMORY_DESCRIPTOR, *PWDF_MEMORY_DESCRIPTOR;

BCSIM_SHIM_INLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(_Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
                                                         _In_ PVOID Buffer, _In_ ULONG BufferLength)
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeBuffer;
    Descriptor->u.BufferType.Buffer = Buffer;
    Descriptor->u.BufferType.Length = BufferLength;
}

BCSIM_SHIM_INLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(_Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
                                                         _In_ WDFMEMORY Memory,
                                                         _In_opt_ PWDFMEMORY_OFFSET Offsets)
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeHandle;
    Descriptor->u.HandleType.Memory = Memory;
    Descriptor->u.HandleType.Offsets = Offsets;
}

BCSIM_SHIM_INLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_MDL(_Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
                                                      _In_ PMDL Mdl, _In_ ULONG BufferLength)
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeMdl;
    Descriptor->u.MdlType.Mdl = Mdl;
    Descriptor->u.MdlType.BufferLength = BufferLength;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfMemoryCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ POOL_TYPE PoolType,
    _In_opt_ ULONG PoolTag,
    _In_ size_t BufferSize,
    _Out_ WDFMEMORY *Memory,
    _Outptr_opt_result_bytebuffer_(BufferSize) PVOID *Buffer
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfMemoryCreatePreallocated(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ PVOID Buffer,
    _In_ size_t BufferSize,
    _Out_ WDFMEMORY *Memory
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
PVOID
WdfMemoryGetBuffer(
    _In_ WDFMEMORY Memory,
    _Out_opt_ size_t *BufferSize
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfMemoryAssignBuffer(
    _In_ WDFMEMORY Memory,
    _Pre_notnull_ PVOID Buffer,
    _In_ size_t BufferSize
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfMemoryCopyToBuffer(
    _In_ WDFMEMORY SourceMemory,
    _In_ size_t SourceOffset,
    _Out_writes_bytes_(NumBytesToCopyTo) PVOID Buffer,
    _In_ size_t NumBytesToCopyTo
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfMemoryCopyFromBuffer(
    _In_ WDFMEMORY DestinationMemory,
    _In_ size_t DestinationOffset,
    _In_ PVOID Buffer,
    _In_ size_t NumBytesToCopyFrom
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfLookasideListCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LookasideAttributes,
    _In_ size_t BufferSize,
    _In_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
    _In_opt_ ULONG PoolTag,
    _Out_ WDFLOOKASIDE *Lookaside
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfMemoryCreateFromLookaside(
    _In_ WDFLOOKASIDE Lookaside,
    _Out_ WDFMEMORY *Memory
    );

/* ---- wdfstring.h ------------------------------------------------------------------------------- */
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfStringCreate(
    _In_opt_ PCUNICODE_STRING UnicodeString,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES StringAttributes,
    _Out_ WDFSTRING *String
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfStringGetUnicodeString(
    _In_ WDFSTRING String,
    _Out_ PUNICODE_STRING UnicodeString
    );

/* ---- wdfcollection.h --------------------------------------------------------------------------- */
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfCollectionCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES CollectionAttributes,
    _Out_ WDFCOLLECTION *Collection
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG
WdfCollectionGetCount(
    _In_ WDFCOLLECTION Collection
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfCollectionAdd(
    _In_ WDFCOLLECTION Collection,
    _In_ WDFOBJECT Object
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfCollectionRemove(
    _In_ WDFCOLLECTION Collection,
    _In_ WDFOBJECT Item
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfCollectionRemoveItem(
    _In_ WDFCOLLECTION Collection,
    _In_ ULONG Index
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
WdfCollectionGetItem(
    _In_ WDFCOLLECTION Collection,
    _In_ ULONG Index
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
WdfCollectionGetFirstItem(
    _In_ WDFCOLLECTION Collection
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
WdfCollectionGetLastItem(
    _In_ WDFCOLLECTION Collection
    );

/* ---- wdfregistry.h ----------------------------------------------------------------------------- */
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryOpenKey(
    _In_opt_ WDFKEY ParentKey,
    _In_ PCUNICODE_STRING KeyName,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES KeyAttributes,
    _Out_ WDFKEY *Key
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryCreateKey(
    _In_opt_ WDFKEY ParentKey,
    _In_ PCUNICODE_STRING KeyName,
    _In_ ACCESS_MASK DesiredAccess,
    _In_ ULONG CreateOptions,
    _Out_opt_ PULONG CreateDisposition,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES KeyAttributes,
    _Out_ WDFKEY *Key
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
WdfRegistryClose(
    _In_ WDFKEY Key
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
HANDLE
WdfRegistryWdmGetHandle(
    _In_ WDFKEY Key
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryRemoveKey(
    _In_ WDFKEY Key
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryRemoveValue(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryQueryValue(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ ULONG ValueLength,
    _Out_writes_bytes_opt_(ValueLength) PVOID Value,
    _Out_opt_ PULONG ValueLengthQueried,
    _Out_opt_ PULONG ValueType
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryQueryMemory(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ POOL_TYPE PoolType,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
    _Out_ WDFMEMORY *Memory,
    _Out_opt_ PULONG ValueType
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryQueryMultiString(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES StringsAttributes,
    _In_ WDFCOLLECTION Collection
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryQueryUnicodeString(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _Out_opt_ PUSHORT ValueByteLength,
    _Inout_opt_ PUNICODE_STRING Value
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryQueryString(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ WDFSTRING String
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryQueryULong(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _Out_ PULONG Value
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryAssignValue(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ ULONG ValueType,
    _In_ ULONG ValueLength,
    _In_reads_bytes_(ValueLength) PVOID Value
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryAssignMemory(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ ULONG ValueType,
    _In_ WDFMEMORY Memory,
    _In_opt_ PWDFMEMORY_OFFSET MemoryOffsets
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryAssignMultiString(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ WDFCOLLECTION StringsCollection
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryAssignUnicodeString(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ PCUNICODE_STRING Value
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryAssignString(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ WDFSTRING String
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
WdfRegistryAssignULong(
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ ULONG Value
    );

WDF_EXTERN_C_END

#endif /* BCSIM_SHIM_WDF_CORE_H */
