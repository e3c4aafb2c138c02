/*
 * src/nt/stubs_ps.c — process/image notification routines bcsim does not implement yet. Each
 * stub enters the verifier gate (PASSIVE_LEVEL check, "stub" reported once) and returns
 * STATUS_NOT_IMPLEMENTED (nothing is registered).
 */
#include "nt_private.h"

NTSTATUS PsSetLoadImageNotifyRoutine(PLOAD_IMAGE_NOTIFY_ROUTINE NotifyRoutine)
{
    bcsim__export_enter(BCSIM__X_PsSetLoadImageNotifyRoutine, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NotifyRoutine);
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS PsRemoveLoadImageNotifyRoutine(PLOAD_IMAGE_NOTIFY_ROUTINE NotifyRoutine)
{
    bcsim__export_enter(BCSIM__X_PsRemoveLoadImageNotifyRoutine, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NotifyRoutine);
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS PsSetCreateProcessNotifyRoutine(PCREATE_PROCESS_NOTIFY_ROUTINE NotifyRoutine, BOOLEAN Remove)
{
    bcsim__export_enter(BCSIM__X_PsSetCreateProcessNotifyRoutine, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NotifyRoutine);
    UNREFERENCED_PARAMETER(Remove);
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS PsSetCreateProcessNotifyRoutineEx(PCREATE_PROCESS_NOTIFY_ROUTINE_EX NotifyRoutine, BOOLEAN Remove)
{
    bcsim__export_enter(BCSIM__X_PsSetCreateProcessNotifyRoutineEx, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NotifyRoutine);
    UNREFERENCED_PARAMETER(Remove);
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS PsSetCreateThreadNotifyRoutine(PCREATE_THREAD_NOTIFY_ROUTINE NotifyRoutine)
{
    bcsim__export_enter(BCSIM__X_PsSetCreateThreadNotifyRoutine, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NotifyRoutine);
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS PsRemoveCreateThreadNotifyRoutine(PCREATE_THREAD_NOTIFY_ROUTINE NotifyRoutine)
{
    bcsim__export_enter(BCSIM__X_PsRemoveCreateThreadNotifyRoutine, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NotifyRoutine);
    return STATUS_NOT_IMPLEMENTED;
}
