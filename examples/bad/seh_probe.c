/* seh_probe — probes a pointer with __try/__except inside the callback. The access violation
 * is caught by the driver's own handler (on Windows an invalid access above DISPATCH_LEVEL
 * would bug-check first: bcsim reports that as a warning). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "seh_probe"
#include "bad_common.h"

static NTSTATUS ProbeStatus;
static volatile PULONG Suspect = (PULONG)(ULONG_PTR)0x10;

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    volatile ULONG value = 0;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    __try {
        value = *Suspect;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        ProbeStatus = GetExceptionCode();
    }
    *(NTSTATUS *)d->InBuffer = ProbeStatus;
    d->OutBuffer = d->InBuffer;
    d->OutBufferLength = sizeof(NTSTATUS) + (ULONG)value * 0;
}
