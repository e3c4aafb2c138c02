/*
 * fuzz/api/api_drv.c — the driver behind fuzz_api_sequence: registers and deregisters its
 * records the way drivers do (driver profile, shim headers only), and while a bug check runs
 * its callbacks may deregister themselves or another record, or register one, as the
 * harness scripted. Records live in its globals or in nonpaged pool the harness allocated.
 */
#include <ntddk.h>

#include "api_drv.h"

KBUGCHECK_CALLBACK_RECORD FzLegacyRecords[8];
KBUGCHECK_REASON_CALLBACK_RECORD FzReasonRecords[8];
UCHAR FzBuffer[FZ_SLOTS][16];
PVOID FzRecord[FZ_SLOTS];
int FzLegacy[FZ_SLOTS];
int FzReasonOf[FZ_SLOTS];
int FzAction[FZ_SLOTS];
int FzActionArg[FZ_SLOTS];
unsigned FzCalls;

KBUGCHECK_CALLBACK_ROUTINE FzLegacyCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE FzReasonCallback;

static void FzAct(int slot);

_Use_decl_annotations_
VOID FzLegacyCallback(PVOID Buffer, ULONG Length)
{
    ULONG_PTR off = (ULONG_PTR)Buffer - (ULONG_PTR)&FzBuffer[0][0];
    UNREFERENCED_PARAMETER(Length);
    FzCalls++;
    if (off < sizeof(FzBuffer))
        FzAct((int)(off / 16));
}

_Use_decl_annotations_
VOID FzReasonCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                      PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    int i;
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(ReasonSpecificData);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    FzCalls++;
    for (i = 0; i < FZ_SLOTS; i++)
        if (FzRecord[i] == (PVOID)Record) {
            FzAct(i);
            break;
        }
}

void fz_init(int slot)
{
    if (FzLegacy[slot])
        KeInitializeCallbackRecord((PKBUGCHECK_CALLBACK_RECORD)FzRecord[slot]);
    else
        KeInitializeCallbackRecord((PKBUGCHECK_REASON_CALLBACK_RECORD)FzRecord[slot]);
}

unsigned char fz_register(int slot, int reason)
{
    if (FzLegacy[slot])
        return KeRegisterBugCheckCallback((PKBUGCHECK_CALLBACK_RECORD)FzRecord[slot], FzLegacyCallback,
                                          FzBuffer[slot], sizeof(FzBuffer[slot]), (PUCHAR)"fz");
    return KeRegisterBugCheckReasonCallback((PKBUGCHECK_REASON_CALLBACK_RECORD)FzRecord[slot],
                                            FzReasonCallback, (KBUGCHECK_CALLBACK_REASON)reason,
                                            (PUCHAR)"fz");
}

unsigned char fz_deregister(int slot)
{
    if (FzLegacy[slot])
        return KeDeregisterBugCheckCallback((PKBUGCHECK_CALLBACK_RECORD)FzRecord[slot]);
    return KeDeregisterBugCheckReasonCallback((PKBUGCHECK_REASON_CALLBACK_RECORD)FzRecord[slot]);
}

static void FzAct(int slot)
{
    int other = FzActionArg[slot] % FZ_SLOTS;
    switch (FzAction[slot]) {
    case FZ_ACT_DEREGISTER_SELF:
        (void)fz_deregister(slot);
        break;
    case FZ_ACT_DEREGISTER_OTHER:
        if (FzRecord[other])
            (void)fz_deregister(other);
        break;
    case FZ_ACT_REGISTER_OTHER:
        if (FzRecord[other]) {
            fz_init(other);
            (void)fz_register(other, FzReasonOf[other]);
        }
        break;
    default:
        break;
    }
}

void fz_reset(void)
{
    RtlZeroMemory(FzLegacyRecords, sizeof(FzLegacyRecords));
    RtlZeroMemory(FzReasonRecords, sizeof(FzReasonRecords));
    RtlZeroMemory(FzRecord, sizeof(FzRecord));
    RtlZeroMemory(FzLegacy, sizeof(FzLegacy));
    RtlZeroMemory(FzReasonOf, sizeof(FzReasonOf));
    RtlZeroMemory(FzAction, sizeof(FzAction));
    RtlZeroMemory(FzActionArg, sizeof(FzActionArg));
    FzCalls = 0;
}

void *fz_global_legacy(int i) { return &FzLegacyRecords[i]; }
void *fz_global_reason(int i) { return &FzReasonRecords[i]; }
