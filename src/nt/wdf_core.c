/*
 * src/nt/wdf_core.c — the framework's general-purpose objects: spin and wait locks (wdfsync.h;
 * their use in a bug-check callback is judged as the kernel's spin locks and waits are,
 * src/machine/sync.c), memory objects and lookaside lists (wdfmemory.h; buffers from bcsim's pool with
 * its IRQL rules, freed with the object), strings (wdfstring.h), collections (wdfcollection.h)
 * and registry keys (wdfregistry.h; the values of the simulated device's description, src/machine/kmdf.c).
 */
#include "wdf_private.h"

static void *default_parent(void *caller)
{
    return bcsim__wdf_driver_of_caller(caller);
}

/* ---- locks ------------------------------------------------------------------------------------- */

/* WdfSpinLockCreate — Learn: a spin lock object, the driver object its default parent. */
NTSTATUS WdfSpinLockCreate(PWDF_OBJECT_ATTRIBUTES SpinLockAttributes, WDFSPINLOCK *SpinLock)
{
    WDF_ENTER(WdfSpinLockCreate);
    if (!SpinLock) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfSpinLockCreate, "SpinLock", caller);
        return STATUS_INVALID_PARAMETER;
    }
    bcsim_wdf_lock_t *ext = (bcsim_wdf_lock_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    bcsim_wdf_attrs(SpinLockAttributes, &a);
    *SpinLock = (WDFSPINLOCK)bcsim__wdf_object_new(BCSIM__WDF_SPINLOCK, &a, default_parent(caller),
                                                   BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    return status;
}

/* WdfSpinLockAcquire — Learn: raises to DISPATCH_LEVEL and takes the lock; <= DISPATCH_LEVEL. */
VOID WdfSpinLockAcquire(WDFSPINLOCK SpinLock)
{
    WDF_ENTER(WdfSpinLockAcquire);
    bcsim_wdf_lock_t *l = (bcsim_wdf_lock_t *)bcsim__wdf_object_ext(SpinLock, BCSIM__WDF_SPINLOCK,
                                                                    BCSIM__X_WdfSpinLockAcquire, caller);
    if (l)
        l->OldIrql = bcsim__spin_acquire(BCSIM__X_WdfSpinLockAcquire, (volatile bcsim__u64 *)&l->Lock, 0, caller);
}

/* WdfSpinLockRelease — Learn: releases and returns to the IRQL of the acquire; DISPATCH_LEVEL. */
VOID WdfSpinLockRelease(WDFSPINLOCK SpinLock)
{
    WDF_ENTER(WdfSpinLockRelease);
    bcsim_wdf_lock_t *l = (bcsim_wdf_lock_t *)bcsim__wdf_object_ext(SpinLock, BCSIM__WDF_SPINLOCK,
                                                                    BCSIM__X_WdfSpinLockRelease, caller);
    if (l)
        bcsim__spin_release(BCSIM__X_WdfSpinLockRelease, (volatile bcsim__u64 *)&l->Lock, l->OldIrql, 1, caller);
}

/* WdfWaitLockCreate — Learn: a wait lock (a synchronization event underneath), unowned. */
NTSTATUS WdfWaitLockCreate(PWDF_OBJECT_ATTRIBUTES LockAttributes, WDFWAITLOCK *Lock)
{
    WDF_ENTER(WdfWaitLockCreate);
    if (!Lock) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfWaitLockCreate, "Lock", caller);
        return STATUS_INVALID_PARAMETER;
    }
    bcsim_wdf_lock_t *ext = (bcsim_wdf_lock_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    bcsim__event_init(&ext->Event, SynchronizationEvent, 1);
    bcsim_wdf_attrs(LockAttributes, &a);
    *Lock = (WDFWAITLOCK)bcsim__wdf_object_new(BCSIM__WDF_WAITLOCK, &a, default_parent(caller),
                                               BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    return status;
}

/* WdfWaitLockAcquire — Learn: STATUS_SUCCESS, or STATUS_TIMEOUT when the timeout expires; a NULL
 * timeout waits for ever; PASSIVE_LEVEL, DISPATCH_LEVEL with a zero timeout. */
NTSTATUS WdfWaitLockAcquire(WDFWAITLOCK Lock, PLONGLONG Timeout)
{
    WDF_ENTER(WdfWaitLockAcquire);
    bcsim_wdf_lock_t *l = (bcsim_wdf_lock_t *)bcsim__wdf_object_ext(Lock, BCSIM__WDF_WAITLOCK,
                                                                    BCSIM__X_WdfWaitLockAcquire, caller);
    void *object;
    if (!l)
        return STATUS_INVALID_PARAMETER;
    object = &l->Event;
    return bcsim__wait(BCSIM__X_WdfWaitLockAcquire, &object, 1, 0, (const bcsim__i64 *)Timeout, caller);
}

/* WdfWaitLockRelease — Learn: releases the lock; <= DISPATCH_LEVEL. */
VOID WdfWaitLockRelease(WDFWAITLOCK Lock)
{
    WDF_ENTER(WdfWaitLockRelease);
    bcsim_wdf_lock_t *l = (bcsim_wdf_lock_t *)bcsim__wdf_object_ext(Lock, BCSIM__WDF_WAITLOCK,
                                                                    BCSIM__X_WdfWaitLockRelease, caller);
    if (l)
        bcsim__event_set(&l->Event, caller);
}

/* ---- memory ------------------------------------------------------------------------------------- */

static BOOLEAN paged_type(POOL_TYPE PoolType)
{
    return (PoolType & 1) != 0;                   /* PagedPool and its variants are odd */
}

/* WdfMemoryCreate — Learn: a buffer of BufferSize bytes from the pool type (tag 0: the driver's
 * tag), owned by the memory object, which the driver object parents by default;
 * STATUS_INSUFFICIENT_RESOURCES if it cannot be had. A zero size is STATUS_INVALID_PARAMETER. */
NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType, ULONG PoolTag,
                         size_t BufferSize, WDFMEMORY *Memory, PVOID *Buffer)
{
    WDF_ENTER(WdfMemoryCreate);
    if (Buffer)
        *Buffer = NULL;
    if (!Memory) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfMemoryCreate, "Memory", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Memory = NULL;
    if (BufferSize == 0)
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_memory_t *ext = (bcsim_wdf_memory_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    bcsim_wdf_attrs(Attributes, &a);
    WDFMEMORY m = (WDFMEMORY)bcsim__wdf_object_new(BCSIM__WDF_MEMORY, &a, default_parent(caller),
                                                   BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    if (!m)
        return status;
    /* The pool's own rules (IRQL, flags) apply to the allocation. */
    ext->Buffer = bcsim__wdf_object_pool(m, BufferSize, paged_type(PoolType), PoolTag, caller);
    if (!ext->Buffer) {
        bcsim__wdf_object_delete(m, BCSIM__X_WdfMemoryCreate, caller);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ext->Size = BufferSize;
    *Memory = m;
    if (Buffer)
        *Buffer = ext->Buffer;
    return STATUS_SUCCESS;
}

/* WdfMemoryCreatePreallocated — Learn: a memory object over the driver's own buffer (not freed
 * with the object). */
NTSTATUS WdfMemoryCreatePreallocated(PWDF_OBJECT_ATTRIBUTES Attributes, PVOID Buffer, size_t BufferSize,
                                     WDFMEMORY *Memory)
{
    WDF_ENTER(WdfMemoryCreatePreallocated);
    if (!Memory || !Buffer) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfMemoryCreatePreallocated, !Memory ? "Memory" : "Buffer", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Memory = NULL;
    if (BufferSize == 0)
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_memory_t *ext = (bcsim_wdf_memory_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->Buffer = Buffer;
    ext->Size = BufferSize;
    bcsim_wdf_attrs(Attributes, &a);
    *Memory = (WDFMEMORY)bcsim__wdf_object_new(BCSIM__WDF_MEMORY, &a, default_parent(caller),
                                               BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    return status;
}

/* WdfMemoryGetBuffer — Learn: the buffer (and its size); any IRQL. */
PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, size_t *BufferSize)
{
    WDF_ENTER(WdfMemoryGetBuffer);
    bcsim_wdf_memory_t *m = (bcsim_wdf_memory_t *)bcsim__wdf_object_ext(Memory, BCSIM__WDF_MEMORY,
                                                                        BCSIM__X_WdfMemoryGetBuffer, caller);
    if (BufferSize)
        *BufferSize = m ? m->Size : 0;
    return m ? m->Buffer : NULL;
}

NTSTATUS WdfMemoryAssignBuffer(WDFMEMORY Memory, PVOID Buffer, size_t BufferSize)
{
    WDF_ENTER(WdfMemoryAssignBuffer);
    bcsim_wdf_memory_t *m = (bcsim_wdf_memory_t *)bcsim__wdf_object_ext(Memory, BCSIM__WDF_MEMORY,
                                                                        BCSIM__X_WdfMemoryAssignBuffer, caller);
    if (!m || !Buffer || !BufferSize)
        return STATUS_INVALID_PARAMETER;
    m->Buffer = Buffer;
    m->Size = BufferSize;
    return STATUS_SUCCESS;
}

/* WdfMemoryCopyToBuffer / WdfMemoryCopyFromBuffer — Learn: STATUS_BUFFER_TOO_SMALL if the range
 * leaves the memory object's buffer. */
NTSTATUS WdfMemoryCopyToBuffer(WDFMEMORY SourceMemory, size_t SourceOffset, PVOID Buffer, size_t NumBytesToCopyTo)
{
    WDF_ENTER(WdfMemoryCopyToBuffer);
    bcsim_wdf_memory_t *m = (bcsim_wdf_memory_t *)bcsim__wdf_object_ext(SourceMemory, BCSIM__WDF_MEMORY,
                                                                        BCSIM__X_WdfMemoryCopyToBuffer, caller);
    if (!m || !Buffer)
        return STATUS_INVALID_PARAMETER;
    if (SourceOffset > m->Size || NumBytesToCopyTo > m->Size - SourceOffset)
        return STATUS_BUFFER_TOO_SMALL;
    RtlCopyMemory(Buffer, (PUCHAR)m->Buffer + SourceOffset, NumBytesToCopyTo);
    return STATUS_SUCCESS;
}

NTSTATUS WdfMemoryCopyFromBuffer(WDFMEMORY DestinationMemory, size_t DestinationOffset, PVOID Buffer,
                                 size_t NumBytesToCopyFrom)
{
    WDF_ENTER(WdfMemoryCopyFromBuffer);
    bcsim_wdf_memory_t *m = (bcsim_wdf_memory_t *)bcsim__wdf_object_ext(DestinationMemory, BCSIM__WDF_MEMORY,
                                                                        BCSIM__X_WdfMemoryCopyFromBuffer, caller);
    if (!m || !Buffer)
        return STATUS_INVALID_PARAMETER;
    /* Learn: an offset past the buffer is STATUS_INVALID_BUFFER_SIZE, too many bytes from the
     * offset on STATUS_BUFFER_TOO_SMALL. */
    if (DestinationOffset > m->Size)
        return STATUS_INVALID_BUFFER_SIZE;
    if (NumBytesToCopyFrom > m->Size - DestinationOffset)
        return STATUS_BUFFER_TOO_SMALL;
    RtlCopyMemory((PUCHAR)m->Buffer + DestinationOffset, Buffer, NumBytesToCopyFrom);
    return STATUS_SUCCESS;
}

/* WdfLookasideListCreate — Learn: a list whose memory objects all have BufferSize bytes. */
NTSTATUS WdfLookasideListCreate(PWDF_OBJECT_ATTRIBUTES LookasideAttributes, size_t BufferSize, POOL_TYPE PoolType,
                                PWDF_OBJECT_ATTRIBUTES MemoryAttributes, ULONG PoolTag, WDFLOOKASIDE *Lookaside)
{
    WDF_ENTER(WdfLookasideListCreate);
    if (!Lookaside) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfLookasideListCreate, "Lookaside", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Lookaside = NULL;
    if (BufferSize == 0)
        return STATUS_INVALID_PARAMETER;
    bcsim_wdf_lookaside_t *ext = (bcsim_wdf_lookaside_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    ext->BufferSize = BufferSize;
    ext->PoolType = PoolType;
    ext->PoolTag = PoolTag;
    if (MemoryAttributes) {
        ext->MemoryAttributes = *MemoryAttributes;
        ext->HasMemoryAttributes = TRUE;
    }
    bcsim_wdf_attrs(LookasideAttributes, &a);
    *Lookaside = (WDFLOOKASIDE)bcsim__wdf_object_new(BCSIM__WDF_LOOKASIDE, &a, default_parent(caller),
                                                     BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    return status;
}

NTSTATUS WdfMemoryCreateFromLookaside(WDFLOOKASIDE Lookaside, WDFMEMORY *Memory)
{
    WDF_ENTER(WdfMemoryCreateFromLookaside);
    bcsim_wdf_lookaside_t *l = (bcsim_wdf_lookaside_t *)bcsim__wdf_object_ext(
        Lookaside, BCSIM__WDF_LOOKASIDE, BCSIM__X_WdfMemoryCreateFromLookaside, caller);
    if (!Memory) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfMemoryCreateFromLookaside, "Memory", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Memory = NULL;
    if (!l)
        return STATUS_INVALID_PARAMETER;
    return WdfMemoryCreate(l->HasMemoryAttributes ? &l->MemoryAttributes : WDF_NO_OBJECT_ATTRIBUTES,
                           l->PoolType, l->PoolTag, l->BufferSize, Memory, NULL);
}

/* ---- strings ------------------------------------------------------------------------------------- */

NTSTATUS bcsim_wdf_string_assign(WDFSTRING String, const WCHAR *text, ULONG units, void *caller)
{
    bcsim_wdf_string_t *s = (bcsim_wdf_string_t *)bcsim__wdf_object_ext(String, BCSIM__WDF_STRING,
                                                                        BCSIM__X_WdfStringGetUnicodeString, caller);
    if (!s)
        return STATUS_INVALID_PARAMETER;
    if (units > 0x7FFE)
        return STATUS_INVALID_PARAMETER;
    PWCH buf = (PWCH)bcsim__wdf_object_pool(String, (units + 1) * sizeof(WCHAR), 0, 0, caller);
    if (!buf)
        return STATUS_INSUFFICIENT_RESOURCES;
    if (units)
        RtlCopyMemory(buf, text, units * sizeof(WCHAR));
    buf[units] = 0;
    s->String.Buffer = buf;
    s->String.Length = (USHORT)(units * sizeof(WCHAR));
    s->String.MaximumLength = (USHORT)((units + 1) * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/* WdfStringCreate — Learn: a string object, a copy of UnicodeString (empty if NULL). */
NTSTATUS WdfStringCreate(PCUNICODE_STRING UnicodeString, PWDF_OBJECT_ATTRIBUTES StringAttributes,
                         WDFSTRING *String)
{
    WDF_ENTER(WdfStringCreate);
    if (!String) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfStringCreate, "String", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *String = NULL;
    bcsim_wdf_string_t *ext = (bcsim_wdf_string_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    bcsim_wdf_attrs(StringAttributes, &a);
    WDFSTRING s = (WDFSTRING)bcsim__wdf_object_new(BCSIM__WDF_STRING, &a, default_parent(caller),
                                                   BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    if (!s)
        return status;
    status = bcsim_wdf_string_assign(s, UnicodeString && UnicodeString->Buffer ? UnicodeString->Buffer : L"",
                                     UnicodeString && UnicodeString->Buffer ? UnicodeString->Length / sizeof(WCHAR) : 0,
                                     caller);
    if (!NT_SUCCESS(status)) {
        bcsim__wdf_object_delete(s, BCSIM__X_WdfStringCreate, caller);
        return status;
    }
    *String = s;
    return STATUS_SUCCESS;
}

VOID WdfStringGetUnicodeString(WDFSTRING String, PUNICODE_STRING UnicodeString)
{
    WDF_ENTER(WdfStringGetUnicodeString);
    bcsim_wdf_string_t *s = (bcsim_wdf_string_t *)bcsim__wdf_object_ext(String, BCSIM__WDF_STRING,
                                                                        BCSIM__X_WdfStringGetUnicodeString, caller);
    if (s && UnicodeString)
        *UnicodeString = s->String;
}

/* ---- collections --------------------------------------------------------------------------------- */

NTSTATUS WdfCollectionCreate(PWDF_OBJECT_ATTRIBUTES CollectionAttributes, WDFCOLLECTION *Collection)
{
    WDF_ENTER(WdfCollectionCreate);
    if (!Collection) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfCollectionCreate, "Collection", caller);
        return STATUS_INVALID_PARAMETER;
    }
    bcsim_wdf_collection_t *ext = (bcsim_wdf_collection_t *)bcsim_wdf_ext(sizeof(*ext));
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!ext)
        return STATUS_INSUFFICIENT_RESOURCES;
    bcsim_wdf_attrs(CollectionAttributes, &a);
    *Collection = (WDFCOLLECTION)bcsim__wdf_object_new(BCSIM__WDF_COLLECTION, &a, default_parent(caller),
                                                       BCSIM__WDF_PARENT_DEFAULT, ext, caller, &status);
    return status;
}

static bcsim_wdf_collection_t *collection(WDFCOLLECTION Collection, enum bcsim__export_id id, void *caller)
{
    return (bcsim_wdf_collection_t *)bcsim__wdf_object_ext(Collection, BCSIM__WDF_COLLECTION, id, caller);
}

ULONG WdfCollectionGetCount(WDFCOLLECTION Collection)
{
    WDF_ENTER(WdfCollectionGetCount);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionGetCount, caller);
    return c ? c->Count : 0;
}

/* WdfCollectionAdd — Learn: appends the object (and takes a reference on it). */
NTSTATUS WdfCollectionAdd(WDFCOLLECTION Collection, WDFOBJECT Object)
{
    WDF_ENTER(WdfCollectionAdd);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionAdd, caller);
    if (!c || !bcsim__wdf_object_check(Object, BCSIM__WDF_ANY, BCSIM__X_WdfCollectionAdd, caller))
        return STATUS_INVALID_PARAMETER;
    if (c->Count == c->Capacity) {
        ULONG cap = c->Capacity ? c->Capacity * 2 : 8;
        WDFOBJECT *items = (WDFOBJECT *)bcsim__wdf_object_pool(Collection, cap * sizeof(WDFOBJECT), 0, 0, caller);
        if (!items)
            return STATUS_INSUFFICIENT_RESOURCES;
        if (c->Count)
            RtlCopyMemory(items, c->Items, c->Count * sizeof(WDFOBJECT));
        c->Items = items;
        c->Capacity = cap;
    }
    c->Items[c->Count++] = Object;
    bcsim__wdf_object_reference(Object, 1, BCSIM__X_WdfCollectionAdd, caller);
    return STATUS_SUCCESS;
}

static void collection_remove_at(bcsim_wdf_collection_t *c, ULONG i, void *caller)
{
    WDFOBJECT o = c->Items[i];
    RtlMoveMemory(&c->Items[i], &c->Items[i + 1], (c->Count - i - 1) * sizeof(WDFOBJECT));
    c->Count--;
    bcsim__wdf_object_reference(o, -1, BCSIM__X_WdfCollectionRemove, caller);
}

VOID WdfCollectionRemove(WDFCOLLECTION Collection, WDFOBJECT Item)
{
    WDF_ENTER(WdfCollectionRemove);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionRemove, caller);
    for (ULONG i = 0; c && i < c->Count; i++)
        if (c->Items[i] == Item) {
            collection_remove_at(c, i, caller);
            return;
        }
}

VOID WdfCollectionRemoveItem(WDFCOLLECTION Collection, ULONG Index)
{
    WDF_ENTER(WdfCollectionRemoveItem);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionRemoveItem, caller);
    if (c && Index < c->Count)
        collection_remove_at(c, Index, caller);
}

WDFOBJECT WdfCollectionGetItem(WDFCOLLECTION Collection, ULONG Index)
{
    WDF_ENTER(WdfCollectionGetItem);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionGetItem, caller);
    return c && Index < c->Count ? c->Items[Index] : NULL;
}

WDFOBJECT WdfCollectionGetFirstItem(WDFCOLLECTION Collection)
{
    WDF_ENTER(WdfCollectionGetFirstItem);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionGetFirstItem, caller);
    return c && c->Count ? c->Items[0] : NULL;
}

WDFOBJECT WdfCollectionGetLastItem(WDFCOLLECTION Collection)
{
    WDF_ENTER(WdfCollectionGetLastItem);
    bcsim_wdf_collection_t *c = collection(Collection, BCSIM__X_WdfCollectionGetLastItem, caller);
    return c && c->Count ? c->Items[c->Count - 1] : NULL;
}

/* ---- registry ------------------------------------------------------------------------------------ */

static const unsigned short *ustr(PCUNICODE_STRING s, bcsim__u32 *units)
{
    *units = s && s->Buffer ? s->Length / sizeof(WCHAR) : 0;
    return s ? (const unsigned short *)s->Buffer : NULL;
}

/* WdfRegistryOpenKey — Learn: opens a subkey of ParentKey; STATUS_OBJECT_NAME_NOT_FOUND if it does
 * not exist. Without a parent the name is a full registry path: bcsim's registry holds only the
 * device's keys, so such a key is not found. */
NTSTATUS WdfRegistryOpenKey(WDFKEY ParentKey, PCUNICODE_STRING KeyName, ACCESS_MASK DesiredAccess,
                            PWDF_OBJECT_ATTRIBUTES KeyAttributes, WDFKEY *Key)
{
    WDF_ENTER(WdfRegistryOpenKey);
    UNREFERENCED_PARAMETER(DesiredAccess);
    bcsim__u32 units;
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!Key || !KeyName) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfRegistryOpenKey, !Key ? "Key" : "KeyName", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Key = NULL;
    if (ParentKey && !bcsim__wdf_object_check(ParentKey, BCSIM__WDF_KEY, BCSIM__X_WdfRegistryOpenKey, caller))
        return STATUS_INVALID_PARAMETER;
    const unsigned short *name = ustr(KeyName, &units);
    bcsim_wdf_attrs(KeyAttributes, &a);
    *Key = (WDFKEY)bcsim__wdf_registry_open(ParentKey, 0, name, units, 0, &a,
                                            ParentKey ? (void *)ParentKey : default_parent(caller), caller,
                                            &status, NULL);
    return status;
}

NTSTATUS WdfRegistryCreateKey(WDFKEY ParentKey, PCUNICODE_STRING KeyName, ACCESS_MASK DesiredAccess,
                              ULONG CreateOptions, PULONG CreateDisposition, PWDF_OBJECT_ATTRIBUTES KeyAttributes,
                              WDFKEY *Key)
{
    WDF_ENTER(WdfRegistryCreateKey);
    UNREFERENCED_PARAMETER(DesiredAccess);
    UNREFERENCED_PARAMETER(CreateOptions);
    bcsim__u32 units, disposition = 0;
    bcsim__wdf_attrs_t a;
    NTSTATUS status;
    if (!Key || !KeyName) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfRegistryCreateKey, !Key ? "Key" : "KeyName", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Key = NULL;
    if (ParentKey && !bcsim__wdf_object_check(ParentKey, BCSIM__WDF_KEY, BCSIM__X_WdfRegistryCreateKey, caller))
        return STATUS_INVALID_PARAMETER;
    const unsigned short *name = ustr(KeyName, &units);
    bcsim_wdf_attrs(KeyAttributes, &a);
    *Key = (WDFKEY)bcsim__wdf_registry_open(ParentKey, 0, name, units, 1, &a,
                                            ParentKey ? (void *)ParentKey : default_parent(caller), caller,
                                            &status, &disposition);
    if (CreateDisposition && NT_SUCCESS(status))
        *CreateDisposition = disposition;
    return status;
}

/* WdfRegistryClose — Learn: closes the key and deletes the key object. */
VOID WdfRegistryClose(WDFKEY Key)
{
    WDF_ENTER(WdfRegistryClose);
    if (bcsim__wdf_object_check(Key, BCSIM__WDF_KEY, BCSIM__X_WdfRegistryClose, caller))
        bcsim__wdf_object_delete(Key, BCSIM__X_WdfRegistryClose, caller);
}

HANDLE WdfRegistryWdmGetHandle(WDFKEY Key)
{
    WDF_ENTER(WdfRegistryWdmGetHandle);
    return bcsim__wdf_object_check(Key, BCSIM__WDF_KEY, BCSIM__X_WdfRegistryWdmGetHandle, caller) ? (HANDLE)Key
                                                                                                 : NULL;
}

NTSTATUS WdfRegistryRemoveKey(WDFKEY Key)
{
    WDF_ENTER(WdfRegistryRemoveKey);
    NTSTATUS status = bcsim__wdf_registry_remove(Key, NULL, 0, 1, caller);
    if (NT_SUCCESS(status))
        bcsim__wdf_object_delete(Key, BCSIM__X_WdfRegistryRemoveKey, caller);
    return status;
}

NTSTATUS WdfRegistryRemoveValue(WDFKEY Key, PCUNICODE_STRING ValueName)
{
    WDF_ENTER(WdfRegistryRemoveValue);
    bcsim__u32 units;
    const unsigned short *name = ustr(ValueName, &units);
    return bcsim__wdf_registry_remove(Key, name, units, 0, caller);
}

/* WdfRegistryQueryValue — Learn: the value's data, type and length; STATUS_BUFFER_OVERFLOW (with
 * the length needed) if ValueLength is too small, STATUS_OBJECT_NAME_NOT_FOUND if there is no
 * such value. */
NTSTATUS WdfRegistryQueryValue(WDFKEY Key, PCUNICODE_STRING ValueName, ULONG ValueLength, PVOID Value,
                               PULONG ValueLengthQueried, PULONG ValueType)
{
    WDF_ENTER(WdfRegistryQueryValue);
    bcsim__u32 units, type, size;
    const void *data;
    const unsigned short *name = ustr(ValueName, &units);
    NTSTATUS status = bcsim__wdf_registry_query(Key, name, units, &type, &data, &size, caller);
    if (!NT_SUCCESS(status))
        return status;
    if (ValueLengthQueried)
        *ValueLengthQueried = size;
    if (ValueType)
        *ValueType = type;
    if (!Value || ValueLength < size)
        return STATUS_BUFFER_OVERFLOW;
    RtlCopyMemory(Value, data, size);
    return STATUS_SUCCESS;
}

/* WdfRegistryQueryULong — Learn: a REG_DWORD value; STATUS_OBJECT_TYPE_MISMATCH for another type. */
NTSTATUS WdfRegistryQueryULong(WDFKEY Key, PCUNICODE_STRING ValueName, PULONG Value)
{
    WDF_ENTER(WdfRegistryQueryULong);
    bcsim__u32 units, type, size;
    const void *data;
    const unsigned short *name = ustr(ValueName, &units);
    if (!Value) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfRegistryQueryULong, "Value", caller);
        return STATUS_INVALID_PARAMETER;
    }
    NTSTATUS status = bcsim__wdf_registry_query(Key, name, units, &type, &data, &size, caller);
    if (!NT_SUCCESS(status))
        return status;
    if (type != REG_DWORD || size != sizeof(ULONG))
        return STATUS_OBJECT_TYPE_MISMATCH;
    RtlCopyMemory(Value, data, sizeof(ULONG));
    return STATUS_SUCCESS;
}

/* WdfRegistryQueryUnicodeString — Learn: a REG_SZ (or REG_EXPAND_SZ) value into the caller's
 * UNICODE_STRING; STATUS_BUFFER_OVERFLOW with ValueByteLength if it does not fit; Value may be
 * NULL to ask for the length. */
NTSTATUS WdfRegistryQueryUnicodeString(WDFKEY Key, PCUNICODE_STRING ValueName, PUSHORT ValueByteLength,
                                       PUNICODE_STRING Value)
{
    WDF_ENTER(WdfRegistryQueryUnicodeString);
    bcsim__u32 units, type, size;
    const void *data;
    const unsigned short *name = ustr(ValueName, &units);
    NTSTATUS status = bcsim__wdf_registry_query(Key, name, units, &type, &data, &size, caller);
    if (!NT_SUCCESS(status))
        return status;
    if (type != REG_SZ && type != REG_EXPAND_SZ)
        return STATUS_OBJECT_TYPE_MISMATCH;
    ULONG bytes = size >= sizeof(WCHAR) ? size - sizeof(WCHAR) : 0;   /* without the terminator */
    if (ValueByteLength)
        *ValueByteLength = (USHORT)bytes;
    if (!Value)
        return STATUS_SUCCESS;
    if (!Value->Buffer || Value->MaximumLength < bytes)
        return STATUS_BUFFER_OVERFLOW;
    RtlCopyMemory(Value->Buffer, data, bytes);
    Value->Length = (USHORT)bytes;
    return STATUS_SUCCESS;
}

NTSTATUS WdfRegistryQueryString(WDFKEY Key, PCUNICODE_STRING ValueName, WDFSTRING String)
{
    WDF_ENTER(WdfRegistryQueryString);
    bcsim__u32 units, type, size;
    const void *data;
    const unsigned short *name = ustr(ValueName, &units);
    NTSTATUS status = bcsim__wdf_registry_query(Key, name, units, &type, &data, &size, caller);
    if (!NT_SUCCESS(status))
        return status;
    if (type != REG_SZ && type != REG_EXPAND_SZ)
        return STATUS_OBJECT_TYPE_MISMATCH;
    return bcsim_wdf_string_assign(String, (const WCHAR *)data, size >= 2 ? size / 2 - 1 : 0, caller);
}

/* WdfRegistryQueryMemory — Learn: a memory object holding the value's data. */
NTSTATUS WdfRegistryQueryMemory(WDFKEY Key, PCUNICODE_STRING ValueName, POOL_TYPE PoolType,
                                PWDF_OBJECT_ATTRIBUTES MemoryAttributes, WDFMEMORY *Memory, PULONG ValueType)
{
    WDF_ENTER(WdfRegistryQueryMemory);
    bcsim__u32 units, type, size;
    const void *data;
    PVOID buffer;
    const unsigned short *name = ustr(ValueName, &units);
    if (!Memory) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfRegistryQueryMemory, "Memory", caller);
        return STATUS_INVALID_PARAMETER;
    }
    *Memory = NULL;
    NTSTATUS status = bcsim__wdf_registry_query(Key, name, units, &type, &data, &size, caller);
    if (!NT_SUCCESS(status))
        return status;
    status = WdfMemoryCreate(MemoryAttributes, PoolType, 0, size ? size : 1, Memory, &buffer);
    if (!NT_SUCCESS(status))
        return status;
    RtlCopyMemory(buffer, data, size);
    if (ValueType)
        *ValueType = type;
    return STATUS_SUCCESS;
}

/* WdfRegistryQueryMultiString — Learn: a REG_MULTI_SZ value as string objects added to Collection. */
NTSTATUS WdfRegistryQueryMultiString(WDFKEY Key, PCUNICODE_STRING ValueName, PWDF_OBJECT_ATTRIBUTES StringsAttributes,
                                     WDFCOLLECTION Collection)
{
    WDF_ENTER(WdfRegistryQueryMultiString);
    bcsim__u32 units, type, size;
    const void *data;
    const unsigned short *name = ustr(ValueName, &units);
    NTSTATUS status = bcsim__wdf_registry_query(Key, name, units, &type, &data, &size, caller);
    if (!NT_SUCCESS(status))
        return status;
    if (type != REG_MULTI_SZ)
        return STATUS_OBJECT_TYPE_MISMATCH;
    const WCHAR *w = (const WCHAR *)data;
    ULONG total = size / sizeof(WCHAR), i = 0;
    while (i < total && w[i]) {
        ULONG n = 0;
        while (i + n < total && w[i + n])
            n++;
        UNICODE_STRING u;
        WDFSTRING s;
        u.Buffer = (PWCH)&w[i];
        u.Length = (USHORT)(n * sizeof(WCHAR));
        u.MaximumLength = u.Length;
        status = WdfStringCreate(&u, StringsAttributes, &s);
        if (NT_SUCCESS(status))
            status = WdfCollectionAdd(Collection, s);
        if (!NT_SUCCESS(status))
            return status;
        i += n + 1;
    }
    return STATUS_SUCCESS;
}

NTSTATUS WdfRegistryAssignValue(WDFKEY Key, PCUNICODE_STRING ValueName, ULONG ValueType, ULONG ValueLength,
                                PVOID Value)
{
    WDF_ENTER(WdfRegistryAssignValue);
    bcsim__u32 units;
    const unsigned short *name = ustr(ValueName, &units);
    return bcsim__wdf_registry_assign(Key, name, units, ValueType, Value, ValueLength, caller);
}

NTSTATUS WdfRegistryAssignMemory(WDFKEY Key, PCUNICODE_STRING ValueName, ULONG ValueType, WDFMEMORY Memory,
                                 PWDFMEMORY_OFFSET MemoryOffsets)
{
    WDF_ENTER(WdfRegistryAssignMemory);
    bcsim__u32 units;
    const unsigned short *name = ustr(ValueName, &units);
    bcsim_wdf_memory_t *m = (bcsim_wdf_memory_t *)bcsim__wdf_object_ext(Memory, BCSIM__WDF_MEMORY,
                                                                        BCSIM__X_WdfRegistryAssignMemory, caller);
    if (!m)
        return STATUS_INVALID_PARAMETER;
    size_t off = MemoryOffsets ? MemoryOffsets->BufferOffset : 0;
    size_t len = MemoryOffsets && MemoryOffsets->BufferLength ? MemoryOffsets->BufferLength : m->Size - off;
    if (off > m->Size || len > m->Size - off)
        return STATUS_INVALID_PARAMETER;
    return bcsim__wdf_registry_assign(Key, name, units, ValueType, (PUCHAR)m->Buffer + off, (ULONG)len, caller);
}

NTSTATUS WdfRegistryAssignMultiString(WDFKEY Key, PCUNICODE_STRING ValueName, WDFCOLLECTION StringsCollection)
{
    WDF_ENTER(WdfRegistryAssignMultiString);
    bcsim__u32 units;
    const unsigned short *name = ustr(ValueName, &units);
    bcsim_wdf_collection_t *c = collection(StringsCollection, BCSIM__X_WdfRegistryAssignMultiString, caller);
    if (!c)
        return STATUS_INVALID_PARAMETER;
    ULONG bytes = sizeof(WCHAR);
    for (ULONG i = 0; i < c->Count; i++) {
        bcsim_wdf_string_t *s = (bcsim_wdf_string_t *)bcsim__wdf_object_ext(
            c->Items[i], BCSIM__WDF_STRING, BCSIM__X_WdfRegistryAssignMultiString, caller);
        if (!s)
            return STATUS_INVALID_PARAMETER;
        bytes += s->String.Length + sizeof(WCHAR);
    }
    PWCH buf = (PWCH)bcsim__wdf_object_pool(StringsCollection, bytes, 0, 0, caller);
    if (!buf)
        return STATUS_INSUFFICIENT_RESOURCES;
    ULONG at = 0;
    for (ULONG i = 0; i < c->Count; i++) {
        bcsim_wdf_string_t *s = (bcsim_wdf_string_t *)bcsim__wdf_object_ext(
            c->Items[i], BCSIM__WDF_STRING, BCSIM__X_WdfRegistryAssignMultiString, caller);
        RtlCopyMemory(&buf[at], s->String.Buffer, s->String.Length);
        at += s->String.Length / sizeof(WCHAR);
        buf[at++] = 0;
    }
    buf[at++] = 0;
    return bcsim__wdf_registry_assign(Key, name, units, REG_MULTI_SZ, buf, at * sizeof(WCHAR), caller);
}

static NTSTATUS assign_text(WDFKEY Key, PCUNICODE_STRING ValueName, const WCHAR *text, ULONG bytes, void *caller)
{
    bcsim__u32 units;
    const unsigned short *name = ustr(ValueName, &units);
    PWCH buf = (PWCH)bcsim__wdf_object_pool(Key, bytes + sizeof(WCHAR), 0, 0, caller);
    if (!buf)
        return STATUS_INSUFFICIENT_RESOURCES;
    if (bytes)
        RtlCopyMemory(buf, text, bytes);
    buf[bytes / sizeof(WCHAR)] = 0;
    return bcsim__wdf_registry_assign(Key, name, units, REG_SZ, buf, bytes + sizeof(WCHAR), caller);
}

NTSTATUS WdfRegistryAssignUnicodeString(WDFKEY Key, PCUNICODE_STRING ValueName, PCUNICODE_STRING Value)
{
    WDF_ENTER(WdfRegistryAssignUnicodeString);
    if (!Value) {
        bcsim__wdf_null_parameter(BCSIM__X_WdfRegistryAssignUnicodeString, "Value", caller);
        return STATUS_INVALID_PARAMETER;
    }
    return assign_text(Key, ValueName, Value->Buffer, Value->Buffer ? Value->Length : 0, caller);
}

NTSTATUS WdfRegistryAssignString(WDFKEY Key, PCUNICODE_STRING ValueName, WDFSTRING String)
{
    WDF_ENTER(WdfRegistryAssignString);
    bcsim_wdf_string_t *s = (bcsim_wdf_string_t *)bcsim__wdf_object_ext(String, BCSIM__WDF_STRING,
                                                                        BCSIM__X_WdfRegistryAssignString, caller);
    if (!s)
        return STATUS_INVALID_PARAMETER;
    return assign_text(Key, ValueName, s->String.Buffer, s->String.Length, caller);
}

NTSTATUS WdfRegistryAssignULong(WDFKEY Key, PCUNICODE_STRING ValueName, ULONG Value)
{
    WDF_ENTER(WdfRegistryAssignULong);
    bcsim__u32 units;
    const unsigned short *name = ustr(ValueName, &units);
    return bcsim__wdf_registry_assign(Key, name, units, REG_DWORD, &Value, sizeof(Value), caller);
}
