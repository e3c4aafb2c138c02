/* null_call — calls a notification routine that was never set. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "null_call"
#include "bad_common.h"

typedef VOID NOTIFY_ROUTINE(ULONG Code);
static NOTIFY_ROUTINE *volatile Notify;                      /* never set */

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    Notify(0xE2);                                             /* the mistake */
}
