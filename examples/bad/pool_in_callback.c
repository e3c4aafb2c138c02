/* pool_in_callback — allocates nonpaged pool inside its SecondaryDumpData callback
 * (R2: 0xC4 / 0x02 under Driver Verifier). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "pool_in_callback"
#include "bad_common.h"

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    PVOID copy;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    copy = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'daBB');   /* the mistake */
    if (copy)
        ExFreePoolWithTag(copy, 'daBB');
    (void)d;
}
