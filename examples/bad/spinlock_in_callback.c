/* spinlock_in_callback — takes a spin lock inside its callback (R4: 0xC4 / 0x42). */
#define BAD_REASON KbCallbackSecondaryDumpData
#define BAD_NAME "spinlock_in_callback"
#include "bad_common.h"

static KSPIN_LOCK StateLock;

static NTSTATUS BadSetup(void)
{
    KeInitializeSpinLock(&StateLock);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID BadCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                 PVOID Data, ULONG Length)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Length);
    KeAcquireSpinLock(&StateLock, &old);                      /* the mistake */
    KeReleaseSpinLock(&StateLock, old);
}
