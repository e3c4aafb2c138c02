/* endless_stall — polls with KeStallExecutionProcessor for a flag that never comes. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "endless_stall"
#include "bad_common.h"

static volatile LONG DeviceReady;

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    while (!DeviceReady)                                      /* the mistake */
        KeStallExecutionProcessor(100);
}
