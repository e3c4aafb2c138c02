/* null_deref — follows a context pointer that was never set. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "null_deref"
#include "bad_common.h"

typedef struct _CTX { ULONG Events; } CTX;
static CTX *volatile Context;                                 /* never set */

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    Context->Events++;                                        /* the mistake */
}
