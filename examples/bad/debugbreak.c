/* debugbreak — leaves a __debugbreak() in the callback (no kernel debugger: 0x1E). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "debugbreak"
#include "bad_common.h"
#include <intrin.h>

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    __debugbreak();                                           /* the mistake */
}
