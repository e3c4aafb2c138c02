/*
 * src/nt/stubs_ndis.c — the NDIS spin-lock routines of the minimal ndis.h, not implemented yet.
 * Each stub enters the verifier gate; NdisAllocateSpinLock still leaves the lock in its
 * released state (all zero), which is what the routine documents.
 */
#include "nt_private.h"
#include <ndis.h>

VOID NdisAllocateSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_NdisAllocateSpinLock, BCSIM__CALLER());
    SpinLock->SpinLock = 0;
    SpinLock->OldIrql = PASSIVE_LEVEL;
}

VOID NdisFreeSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_NdisFreeSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
}

VOID NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_NdisAcquireSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
}

VOID NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_NdisReleaseSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
}
