/* use_after_free — frees its crash context on an error path in DriverEntry but leaves the
 * callback registered, which still follows the stale pointer. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "use_after_free"
#include "bad_common.h"

typedef struct _CRASH_CTX { ULONG Events; ULONG Flags; } CRASH_CTX;
static CRASH_CTX *Context;

static NTSTATUS BadSetup(void)
{
    Context = (CRASH_CTX *)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(CRASH_CTX), 'xtCC');
    if (!Context)
        return STATUS_INSUFFICIENT_RESOURCES;
    /* an optional feature failed to start: the context is freed, the pointer is kept */
    ExFreePoolWithTag(Context, 'xtCC');
    return STATUS_SUCCESS;
}

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
