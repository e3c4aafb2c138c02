/* raise_signal — a port of user-mode code that "crashes on purpose" with raise(SIGSEGV), a C
 * library routine it declares by hand. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "raise_signal"
#include "bad_common.h"

int raise(int sig);

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    raise(11);                                                /* the mistake */
}
