/* inbuffer_overrun — writes a terminator one byte past InBufferLength. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "inbuffer_overrun"
#include "bad_common.h"

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    PUCHAR out = (PUCHAR)d->InBuffer;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Length);
    RtlFillMemory(out, d->InBufferLength, 'x');
    out[d->InBufferLength] = 0;                               /* the mistake: one byte too far */
    d->OutBuffer = out;
    d->OutBufferLength = d->InBufferLength;
}
