/* nested_bugcheck — asserts a condition with KeBugCheckEx inside the callback. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "nested_bugcheck"
#include "bad_common.h"

#define NESTED_ASSERT_CODE 0xE0B00001UL

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    if (d->OutBuffer == NULL)                                 /* the mistake: size requests exist */
        KeBugCheckEx(NESTED_ASSERT_CODE, (ULONG_PTR)d, Length, 0, 0);
}
