/* paged_code — a helper that starts with PAGED_CODE() is called from the callback. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "paged_code"
#include "bad_common.h"

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

static ULONG FormatState(PUCHAR Out)
{
    PAGED_CODE();                                             /* the mistake, reached at HIGH_LEVEL */
    Out[0] = 'S';
    return 1;
}

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    d->OutBufferLength = FormatState((PUCHAR)d->InBuffer);
    d->OutBuffer = d->InBuffer;
}
