/*
 * examples/bad/bad_common.h — shared skeleton of the misbehaving example drivers: each one
 * registers one SecondaryDumpData callback (BAD_CALLBACK) whose body commits exactly one
 * mistake, plus whatever DriverEntry-time setup BAD_SETUP() does. Each driver is a small,
 * complete driver; only the mistake differs.
 */
#ifndef BAD_COMMON_H
#define BAD_COMMON_H

#include <ntddk.h>

static KBUGCHECK_REASON_CALLBACK_RECORD BadRecord;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BadUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE BadCallback;

_Use_decl_annotations_
VOID BadUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&BadRecord);
}

static NTSTATUS BadSetup(void);

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = BadUnload;
    status = BadSetup();
    if (!NT_SUCCESS(status))
        return status;
    KeInitializeCallbackRecord(&BadRecord);
    if (!KeRegisterBugCheckReasonCallback(&BadRecord, BadCallback, BAD_REASON, (PUCHAR)BAD_NAME))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}

#endif
