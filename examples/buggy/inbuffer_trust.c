/*
 * inbuffer_trust — KbCallbackSecondaryDumpData in the style of a driver that saves the tail of
 * its event log. PLANTED BUG: it sizes its block by InBufferLength alone and never looks at
 * MaximumAllowed ("the data fits in InBuffer, so it is allowed"). Whenever the system offers
 * less than InBufferLength (MaximumAllowed is the limit, Learn: KBUGCHECK_SECONDARY_DUMP_DATA),
 * the callback returns more than it may: bcsim rejects the output (SECONDARY_INVALID_OUTPUT).
 * bcsim's own dispatcher always offers plenty, so only a fuzzer's MaximumAllowed finds it.
 */
#define INITGUID
#include <ntddk.h>

/* {1b0ff1e5-7a11-4c0d-9e11-6275676779aa} */
DEFINE_GUID(GUID_EVENT_TAIL, 0x1b0ff1e5, 0x7a11, 0x4c0d, 0x9e, 0x11, 0x62, 0x75, 0x67, 0x67, 0x79, 0xaa);

#define EVENT_BYTES 3000

static KBUGCHECK_REASON_CALLBACK_RECORD EventRecord;
static UCHAR EventLog[EVENT_BYTES];
static ULONG EventUsed;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD EventUnload;
KBUGCHECK_REASON_CALLBACK_ROUTINE EventSecondaryData;

_Use_decl_annotations_
VOID EventSecondaryData(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                        PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA data = (PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData;
    ULONG length = EventUsed;

    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(*data))
        return;
    if (length > data->InBufferLength)          /* the bug: MaximumAllowed is never consulted */
        length = data->InBufferLength;
    if (length == 0)
        return;
    data->Guid = GUID_EVENT_TAIL;
    if (data->OutBuffer == NULL) {
        data->OutBuffer = data->InBuffer;       /* size request: "it will fit in InBuffer" */
        data->OutBufferLength = length;
        return;
    }
    RtlCopyMemory(data->InBuffer, &EventLog[EventUsed - length], length);
    data->OutBuffer = data->InBuffer;
    data->OutBufferLength = length;
}

_Use_decl_annotations_
VOID EventUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckReasonCallback(&EventRecord);
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = EventUnload;
    for (EventUsed = 0; EventUsed < EVENT_BYTES; EventUsed++)
        EventLog[EventUsed] = (UCHAR)("event 0042: link retrained\n"[EventUsed % 27]);
    KeInitializeCallbackRecord(&EventRecord);
    if (!KeRegisterBugCheckReasonCallback(&EventRecord, EventSecondaryData, KbCallbackSecondaryDumpData,
                                          (PUCHAR)"inbuffer_trust"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
