/* A small driver of the consumer project: a SecondaryDumpData callback. Built with
 * HELLO_ALLOCATE_IN_CALLBACK it also allocates pool inside the callback (a mistake the
 * verifier reports), to show EXPECT_VIOLATIONS. */
#define INITGUID
#include <ntddk.h>

DEFINE_GUID(GUID_HELLO, 0x48454c4c, 0x4f00, 0x4000, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01);

static KBUGCHECK_REASON_CALLBACK_RECORD HelloRecord;
static const char Hello[] = "hello from the consumer driver";

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD HelloUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE HelloCallback;

_Use_decl_annotations_
VOID HelloCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                   PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
#ifdef HELLO_ALLOCATE_IN_CALLBACK
    {
        PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'lleH');
        if (p)
            ExFreePoolWithTag(p, 'lleH');
    }
#endif
    RtlCopyMemory(d->InBuffer, Hello, sizeof(Hello));
    d->Guid = GUID_HELLO;
    d->OutBuffer = d->InBuffer;
    d->OutBufferLength = sizeof(Hello);
}

_Use_decl_annotations_
VOID HelloUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&HelloRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = HelloUnload;
    KeInitializeCallbackRecord(&HelloRecord);
    return KeRegisterBugCheckReasonCallback(&HelloRecord, HelloCallback, KbCallbackSecondaryDumpData,
                                            (PUCHAR)"hello") ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
