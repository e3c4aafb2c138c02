/* struct_overrun — treats ReasonSpecificData as a bigger structure and writes past it. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "struct_overrun"
#include "bad_common.h"

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA_EX wrong = (PKBUGCHECK_SECONDARY_DUMP_DATA_EX)Data;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    wrong->Flags = 0;                                         /* the mistake: offset 0x38 of a 0x30 structure */
}
