/* gp_fault — a pointer whose upper bits were never cleared (a tagged pointer used as is): the
 * address is non-canonical, so the access is a general-protection fault, not a page fault. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "gp_fault"
#include "bad_common.h"

static ULONG Counter;
static volatile ULONG_PTR Tag = 0x8000000000000000ULL;

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    *(volatile ULONG *)((ULONG_PTR)&Counter | Tag) = 1;       /* the mistake */
}
