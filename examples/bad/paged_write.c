/* paged_write — counts bug checks in a paged-pool counter (R3: 0xD1, a write). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "paged_write"
#include "bad_common.h"

static PULONG PagedCounter;

static NTSTATUS BadSetup(void)
{
    PagedCounter = (PULONG)ExAllocatePool2(POOL_FLAG_PAGED, sizeof(ULONG), 'tnCP');
    return PagedCounter ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    *PagedCounter = 1;                                        /* the mistake */
}
