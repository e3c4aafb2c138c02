/* libc_fault — copies its log into a buffer it never mapped with RtlCopyMemory: the fault is in
 * the C library's memmove, the mistake is the driver's call. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "libc_fault"
#include "bad_common.h"

static UCHAR Log[4096];
static PUCHAR volatile Mirror = (PUCHAR)(ULONG_PTR)0x5a5a5a5a0000ULL;  /* never mapped */
static volatile SIZE_T LogBytes = sizeof(Log);

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    RtlCopyMemory(Mirror, Log, LogBytes);                     /* the mistake */
}
