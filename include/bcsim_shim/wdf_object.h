/*
 * bcsim shim: the KMDF object model (wdfobject.h), part of wdf.h — object attributes, context
 * types and their accessors, cleanup and destroy callbacks, deletion and references.
 *
 * WDF_DECLARE_CONTEXT_TYPE_WITH_NAME declares a context-type descriptor with "select any"
 * linkage (one copy however many translation units declare it) whose UniqueType points at
 * itself, and an accessor that asks bcsim's per-object context store for that type.
 */
#ifndef BCSIM_SHIM_WDF_OBJECT_H
#define BCSIM_SHIM_WDF_OBJECT_H

#ifndef BCSIM_SHIM_WDF_H
#  error "include <wdf.h>, not bcsim_shim/wdf_object.h"
#endif

WDF_EXTERN_C_START

typedef
_Function_class_(EVT_WDF_OBJECT_CONTEXT_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_OBJECT_CONTEXT_CLEANUP(
    _In_ WDFOBJECT Object
    );
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;

typedef
_Function_class_(EVT_WDF_OBJECT_CONTEXT_DESTROY)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_OBJECT_CONTEXT_DESTROY(
    _In_ WDFOBJECT Object
    );
typedef EVT_WDF_OBJECT_CONTEXT_DESTROY *PFN_WDF_OBJECT_CONTEXT_DESTROY;

typedef enum _WDF_EXECUTION_LEVEL {
    WdfExecutionLevelInvalid = 0x00,
    WdfExecutionLevelInheritFromParent,
    WdfExecutionLevelPassive,
    WdfExecutionLevelDispatch
} WDF_EXECUTION_LEVEL;

typedef enum _WDF_SYNCHRONIZATION_SCOPE {
    WdfSynchronizationScopeInvalid = 0x00,
    WdfSynchronizationScopeInheritFromParent,
    WdfSynchronizationScopeDevice,
    WdfSynchronizationScopeQueue,
    WdfSynchronizationScopeNone
} WDF_SYNCHRONIZATION_SCOPE;

/* ---- context types ----------------------------------------------------------------------------- */
struct _WDF_OBJECT_CONTEXT_TYPE_INFO;
typedef const struct _WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef PCWDF_OBJECT_CONTEXT_TYPE_INFO (*PFN_GET_UNIQUE_CONTEXT_TYPE)(VOID);

typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO {
    ULONG Size;
    PCHAR ContextName;
    size_t ContextSize;
    PCWDF_OBJECT_CONTEXT_TYPE_INFO UniqueType;
    PFN_GET_UNIQUE_CONTEXT_TYPE EvtDriverGetUniqueContextType;
} WDF_OBJECT_CONTEXT_TYPE_INFO, *PWDF_OBJECT_CONTEXT_TYPE_INFO;

typedef struct _WDF_OBJECT_ATTRIBUTES {
    ULONG Size;
    PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
    PFN_WDF_OBJECT_CONTEXT_DESTROY EvtDestroyCallback;
    WDF_EXECUTION_LEVEL ExecutionLevel;
    WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
    WDFOBJECT ParentObject;
    size_t ContextSizeOverride;
    PCWDF_OBJECT_CONTEXT_TYPE_INFO ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;

BCSIM_SHIM_INLINE VOID WDF_OBJECT_ATTRIBUTES_INIT(_Out_ PWDF_OBJECT_ATTRIBUTES Attributes)
{
    RtlZeroMemory(Attributes, sizeof(WDF_OBJECT_ATTRIBUTES));
    Attributes->Size = sizeof(WDF_OBJECT_ATTRIBUTES);
    Attributes->ExecutionLevel = WdfExecutionLevelInheritFromParent;
    Attributes->SynchronizationScope = WdfSynchronizationScopeInheritFromParent;
}

#define WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) _WDF_##_contexttype##_TYPE_INFO
#define WDF_TYPE_NAME_POINTER_TYPE(_contexttype) WDF_POINTER_TYPE_##_contexttype
#define WDF_GET_CONTEXT_TYPE_INFO(_contexttype) (&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype))
#define WDF_TYPE_DEFAULT_SECTION_NAME ".data"

#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype) \
    (_attributes)->ContextTypeInfo = WDF_GET_CONTEXT_TYPE_INFO(_contexttype)->UniqueType

/* Two statements, as in the WDK (drivers write it as one statement of a block). */
#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(_attributes, _contexttype) \
    WDF_OBJECT_ATTRIBUTES_INIT(_attributes);                                \
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype)

/* The per-object context store: the context of TypeInfo's type on Handle, or NULL. */
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
PVOID
FASTCALL
WdfObjectGetTypedContextWorker(
    _In_ WDFOBJECT Handle,
    _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo
    );

#ifdef __cplusplus
#  define BCSIM_WDF_DESCRIPTOR_LINKAGE extern "C" DECLSPEC_SELECTANY
#else
#  define BCSIM_WDF_DESCRIPTOR_LINKAGE DECLSPEC_SELECTANY
#endif

#define WDF_DECLARE_TYPE_AND_GLOBALS(_contexttype, _UniqueType, _GetUniqueType, _section)       \
    typedef _contexttype *WDF_TYPE_NAME_POINTER_TYPE(_contexttype);                               \
    BCSIM_WDF_DESCRIPTOR_LINKAGE const WDF_OBJECT_CONTEXT_TYPE_INFO                               \
        WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) = {                                              \
            sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), (PCHAR)#_contexttype, sizeof(_contexttype),     \
            _UniqueType, _GetUniqueType };

#define WDF_DECLARE_CASTING_FUNCTION(_contexttype, _castingfunction)                            \
    BCSIM_SHIM_INLINE WDF_TYPE_NAME_POINTER_TYPE(_contexttype) _castingfunction(_In_ WDFOBJECT Handle) \
    {                                                                                             \
        return (WDF_TYPE_NAME_POINTER_TYPE(_contexttype))WdfObjectGetTypedContextWorker(          \
            Handle, WDF_GET_CONTEXT_TYPE_INFO(_contexttype)->UniqueType);                         \
    }

#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction)                      \
    WDF_DECLARE_TYPE_AND_GLOBALS(_contexttype, WDF_GET_CONTEXT_TYPE_INFO(_contexttype), NULL,     \
                                 WDF_TYPE_DEFAULT_SECTION_NAME)                                   \
    WDF_DECLARE_CASTING_FUNCTION(_contexttype, _castingfunction)
#define WDF_DECLARE_CONTEXT_TYPE(_contexttype) \
    WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_##_contexttype)
/* A context type shared with other components: the same shape here (bcsim compares UniqueType). */
#define WDF_DECLARE_SHARED_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction) \
    WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction)
#define WDF_DECLARE_SHARED_CONTEXT_TYPE(_contexttype) \
    WDF_DECLARE_SHARED_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_##_contexttype)

#define WdfObjectGetTypedContext(handle, type)                                                  \
    ((WDF_TYPE_NAME_POINTER_TYPE(type))WdfObjectGetTypedContextWorker(                            \
        (WDFOBJECT)(handle), WDF_GET_CONTEXT_TYPE_INFO(type)->UniqueType))

/* ---- object routines ----------------------------------------------------------------------------- */
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfObjectAllocateContext(
    _In_ WDFOBJECT Handle,
    _In_ PWDF_OBJECT_ATTRIBUTES ContextAttributes,
    _Outptr_opt_ PVOID *Context
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
WDFOBJECT
FASTCALL
WdfObjectContextGetObject(
    _In_ PVOID ContextPointer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfObjectReferenceActual(
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCSTR File
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfObjectDereferenceActual(
    _In_ WDFOBJECT Handle,
    _In_opt_ PVOID Tag,
    _In_ LONG Line,
    _In_z_ PCSTR File
    );

#define WdfObjectReferenceWithTag(Handle, Tag) \
    WdfObjectReferenceActual((WDFOBJECT)(Handle), (Tag), __LINE__, __FILE__)
#define WdfObjectReference(Handle) WdfObjectReferenceWithTag(Handle, NULL)
#define WdfObjectDereferenceWithTag(Handle, Tag) \
    WdfObjectDereferenceActual((WDFOBJECT)(Handle), (Tag), __LINE__, __FILE__)
#define WdfObjectDereference(Handle) WdfObjectDereferenceWithTag(Handle, NULL)

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
WdfObjectCreate(
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFOBJECT *Object
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfObjectDelete(
    _In_ WDFOBJECT Object
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfObjectAcquireLock(
    _In_ WDFOBJECT Object
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
WdfObjectReleaseLock(
    _In_ WDFOBJECT Object
    );

WDF_EXTERN_C_END

#endif /* BCSIM_SHIM_WDF_OBJECT_H */
