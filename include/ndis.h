/*
 * bcsim shim: ndis.h — only the NDIS names bug-check callback TUs of network drivers use
 * (wdk-surface.md 3.10 "NDIS", Extended): the system time, counted-string initialisation and
 * NDIS spin locks. The rest of NDIS is out of scope. On Windows the routines come from
 * ndis.sys, not the kernel (MmGetSystemRoutineAddress does not resolve them).
 */
#ifndef _NDIS_
#define _NDIS_
#define BCSIM_SHIM_NDIS_H 1

#include <ntddk.h>

EXTERN_C_START

typedef int NDIS_STATUS, *PNDIS_STATUS;
typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;
#define NDIS_STATUS_SUCCESS ((NDIS_STATUS)STATUS_SUCCESS)
#define NDIS_STATUS_FAILURE ((NDIS_STATUS)STATUS_UNSUCCESSFUL)
#define NDIS_STATUS_RESOURCES ((NDIS_STATUS)STATUS_INSUFFICIENT_RESOURCES)

typedef struct _NDIS_SPIN_LOCK {
    KSPIN_LOCK SpinLock;
    KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

/* Learn: NdisGetCurrentSystemTime — the system time (a macro over KeQuerySystemTime). */
#define NdisGetCurrentSystemTime(pSystemTime) KeQuerySystemTime(pSystemTime)
/* Learn: NdisInitUnicodeString — RtlInitUnicodeString under its NDIS name. */
#define NdisInitUnicodeString(Destination, Source) RtlInitUnicodeString((Destination), (Source))

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisAllocateSpinLock(_Out_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisFreeSpinLock(_In_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisAcquireSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisReleaseSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);

EXTERN_C_END

#endif /* _NDIS_ */
