/* paged_read — keeps its log in paged pool and reads it from the callback (R3: 0xD1). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "paged_read"
#include "bad_common.h"

static PUCHAR PagedLog;

static NTSTATUS BadSetup(void)
{
    PagedLog = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, 256, 'goLP');
    if (!PagedLog)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlFillMemory(PagedLog, 256, 'L');
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    *(PUCHAR)d->InBuffer = PagedLog[0];                       /* the mistake */
    d->OutBuffer = d->InBuffer;
    d->OutBufferLength = 1;
}
