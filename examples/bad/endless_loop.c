/* endless_loop — waits for a device flag that never changes (the machine would hang). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "endless_loop"
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
        ;
}
