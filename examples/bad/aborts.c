/* aborts — a C runtime abort() reached from the callback (a library assertion). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "aborts"
#include "bad_common.h"

void abort(void);                                            /* linked from the C library */

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    abort();                                                  /* the mistake */
}
