/* irql_lowered — drops to PASSIVE_LEVEL "to be safe" inside the callback. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "irql_lowered"
#include "bad_common.h"

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    KeLowerIrql(PASSIVE_LEVEL);                               /* the mistake */
}
