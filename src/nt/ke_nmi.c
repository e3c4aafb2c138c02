/*
 * src/nt/ke_nmi.c — NMI callbacks (Learn: KeRegisterNmiCallback returns a handle, NULL if the
 * routine could not be registered; KeDeregisterNmiCallback STATUS_SUCCESS, or
 * STATUS_INVALID_HANDLE for a handle that is not registered; both at IRQL <= APC_LEVEL).
 * bcsim's machine delivers no NMI: a registration is kept (and can be removed) but never called.
 */
#include "nt_private.h"

#define BCSIM_NMI_SLOTS 64

static struct {
    PNMI_CALLBACK Routine;
    PVOID Context;
} NmiSlots[BCSIM_NMI_SLOTS];

PVOID KeRegisterNmiCallback(PNMI_CALLBACK CallbackRoutine, PVOID Context)
{
    bcsim__export_enter(BCSIM__X_KeRegisterNmiCallback, BCSIM__CALLER());
    if (!CallbackRoutine)
        return NULL;
    for (ULONG i = 0; i < BCSIM_NMI_SLOTS; i++)
        if (!NmiSlots[i].Routine) {
            NmiSlots[i].Routine = CallbackRoutine;
            NmiSlots[i].Context = Context;
            return &NmiSlots[i];
        }
    return NULL;
}

NTSTATUS KeDeregisterNmiCallback(PVOID Handle)
{
    bcsim__export_enter(BCSIM__X_KeDeregisterNmiCallback, BCSIM__CALLER());
    for (ULONG i = 0; i < BCSIM_NMI_SLOTS; i++)
        if (Handle == &NmiSlots[i] && NmiSlots[i].Routine) {
            NmiSlots[i].Routine = NULL;
            NmiSlots[i].Context = NULL;
            return STATUS_SUCCESS;
        }
    return STATUS_INVALID_HANDLE;
}
