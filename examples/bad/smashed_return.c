/* smashed_return — a helper writes one element past its local array and overwrites its own
 * return address; the `ret` jumps nowhere. */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "smashed_return"
#include "bad_common.h"

static NTSTATUS BadSetup(void) { return STATUS_SUCCESS; }

static __declspec(noinline) VOID FillHistory(ULONG_PTR Value)
{
    /* the frame pointer makes [rbp + 8] the return address: the "one past the end" store */
    volatile ULONG_PTR *frame = (volatile ULONG_PTR *)__builtin_frame_address(0);
    frame[1] = Value;                                          /* the mistake */
}

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    FillHistory(0x5a5a5a5a5a58ULL);
}
