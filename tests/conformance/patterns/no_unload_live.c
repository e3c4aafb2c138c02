/* no_unload_live — a boot-start style driver that sets no DriverUnload and keeps its bug-check
 * callbacks registered for the life of the system. Windows cannot unload such a driver, so its
 * records can never dangle: nothing to report (Learn: DRIVER_UNLOAD, "if the driver can be
 * unloaded"). */
#include <ntddk.h>

static KBUGCHECK_CALLBACK_RECORD LegacyRecord;
static KBUGCHECK_REASON_CALLBACK_RECORD DumpRecord;
static ULONG Seen;

KBUGCHECK_CALLBACK_ROUTINE OnCrash;
KBUGCHECK_REASON_CALLBACK_ROUTINE OnDump;
DRIVER_INITIALIZE DriverEntry;

VOID OnCrash(PVOID Buffer, ULONG Length)
{
    if (Buffer && Length >= sizeof(ULONG))
        *(PULONG)Buffer += 1;
}

VOID OnDump(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
            PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    if (Reason == KbCallbackDumpIo)
        Seen++;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeCallbackRecord(&LegacyRecord);
    KeInitializeCallbackRecord(&DumpRecord);
    if (!KeRegisterBugCheckCallback(&LegacyRecord, OnCrash, &Seen, sizeof(Seen), (PUCHAR)"no_unload"))
        return STATUS_UNSUCCESSFUL;
    if (!KeRegisterBugCheckReasonCallback(&DumpRecord, OnDump, KbCallbackDumpIo, (PUCHAR)"no_unload"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;   /* no DriverUnload: this driver stays */
}
