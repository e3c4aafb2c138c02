/* divide_by_zero — computes an average over zero samples. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "divide_by_zero"
#include "bad_common.h"

static volatile ULONG Samples, Total = 100;

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    *(PULONG)d->InBuffer = Total / Samples;                   /* the mistake */
}
