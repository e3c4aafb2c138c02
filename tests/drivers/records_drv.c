/*
 * tests/drivers/records_drv.c — a test driver for the record rules, written like a real
 * driver against the shim (driver profile). The cmocka side drives it through the plain-C
 * functions at the bottom (td_*).
 */
#include <ntddk.h>

#define TD_MAX 64

KBUGCHECK_CALLBACK_RECORD TdLegacy[TD_MAX];
KBUGCHECK_REASON_CALLBACK_RECORD TdReason[TD_MAX];
UCHAR TdBuffer[TD_MAX][16];

/* Call log: which record index ran, in order. */
int TdLog[4 * TD_MAX];
int TdLogCount;
/* Per-index actions taken inside the callback. */
int TdDeregisterSelf[TD_MAX];
int TdDeregisterOther[TD_MAX];      /* index + 1 of a record to deregister, 0 none */
int TdRegisterNew[TD_MAX];          /* index + 1 of a record to register, 0 none */
BOOLEAN TdDeregisterResult[TD_MAX];

KBUGCHECK_CALLBACK_ROUTINE TdLegacyCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE TdReasonCallback;

_Use_decl_annotations_
VOID TdLegacyCallback(PVOID Buffer, ULONG Length)
{
    int i = (int)(((PUCHAR)Buffer - &TdBuffer[0][0]) / 16);
    UNREFERENCED_PARAMETER(Length);
    TdLog[TdLogCount++] = i;
    if (TdDeregisterSelf[i])
        TdDeregisterResult[i] = KeDeregisterBugCheckCallback(&TdLegacy[i]);
}

_Use_decl_annotations_
VOID TdReasonCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                      PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    int i = (int)(Record - &TdReason[0]);
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(ReasonSpecificData);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    TdLog[TdLogCount++] = 100 + i;
    if (TdDeregisterSelf[i])
        TdDeregisterResult[i] = KeDeregisterBugCheckReasonCallback(Record);
    if (TdDeregisterOther[i])
        (void)KeDeregisterBugCheckReasonCallback(&TdReason[TdDeregisterOther[i] - 1]);
    if (TdRegisterNew[i]) {
        KeInitializeCallbackRecord(&TdReason[TdRegisterNew[i] - 1]);
        (void)KeRegisterBugCheckReasonCallback(&TdReason[TdRegisterNew[i] - 1], TdReasonCallback,
                                               Reason, (PUCHAR)"late");
    }
}

void td_reset(void)
{
    RtlZeroMemory(TdLegacy, sizeof(TdLegacy));
    RtlZeroMemory(TdReason, sizeof(TdReason));
    RtlZeroMemory(TdLog, sizeof(TdLog));
    RtlZeroMemory(TdDeregisterSelf, sizeof(TdDeregisterSelf));
    RtlZeroMemory(TdDeregisterOther, sizeof(TdDeregisterOther));
    RtlZeroMemory(TdRegisterNew, sizeof(TdRegisterNew));
    TdLogCount = 0;
}

void td_init_legacy(int i) { KeInitializeCallbackRecord(&TdLegacy[i]); }
void td_init_reason(int i) { KeInitializeCallbackRecord(&TdReason[i]); }

unsigned char td_register_legacy(int i, const char *component)
{
    return KeRegisterBugCheckCallback(&TdLegacy[i], TdLegacyCallback, TdBuffer[i],
                                      sizeof(TdBuffer[i]), (PUCHAR)component);
}

unsigned char td_register_legacy_at(void *record, void *buffer, unsigned length, const char *component)
{
    return KeRegisterBugCheckCallback((PKBUGCHECK_CALLBACK_RECORD)record, TdLegacyCallback, buffer,
                                      length, (PUCHAR)component);
}

unsigned char td_register_reason(int i, int reason, const char *component)
{
    return KeRegisterBugCheckReasonCallback(&TdReason[i], TdReasonCallback,
                                            (KBUGCHECK_CALLBACK_REASON)reason, (PUCHAR)component);
}

unsigned char td_register_reason_at(void *record, int reason, const char *component)
{
    return KeRegisterBugCheckReasonCallback((PKBUGCHECK_REASON_CALLBACK_RECORD)record,
                                            TdReasonCallback, (KBUGCHECK_CALLBACK_REASON)reason,
                                            (PUCHAR)component);
}

void td_init_at(void *record, int legacy)
{
    if (legacy)
        KeInitializeCallbackRecord((PKBUGCHECK_CALLBACK_RECORD)record);
    else
        KeInitializeCallbackRecord((PKBUGCHECK_REASON_CALLBACK_RECORD)record);
}

unsigned char td_deregister_legacy(int i) { return KeDeregisterBugCheckCallback(&TdLegacy[i]); }
unsigned char td_deregister_reason(int i) { return KeDeregisterBugCheckReasonCallback(&TdReason[i]); }
unsigned char td_deregister_legacy_at(void *r) { return KeDeregisterBugCheckCallback((PKBUGCHECK_CALLBACK_RECORD)r); }
unsigned char td_deregister_reason_at(void *r) { return KeDeregisterBugCheckReasonCallback((PKBUGCHECK_REASON_CALLBACK_RECORD)r); }

void *td_legacy(int i) { return &TdLegacy[i]; }
void *td_reason(int i) { return &TdReason[i]; }
void *td_legacy_routine(void) { return (void *)TdLegacyCallback; }
void *td_reason_routine(void) { return (void *)TdReasonCallback; }
void *td_buffer(int i) { return TdBuffer[i]; }

/* The record on this driver's stack: registering it is a finding. */
unsigned char td_register_stack_record(void)
{
    KBUGCHECK_CALLBACK_RECORD onstack;
    BOOLEAN ok;
    KeInitializeCallbackRecord(&onstack);
    ok = KeRegisterBugCheckCallback(&onstack, TdLegacyCallback, NULL, 0, (PUCHAR)"stack");
    if (ok)
        (void)KeDeregisterBugCheckCallback(&onstack);
    return ok;
}

/* A brace-less if/else around the WDK-form macro (bugcheck-api.md 7). */
int td_init_in_if(int which)
{
    if (which)
        KeInitializeCallbackRecord(&TdLegacy[0]);
    else
        KeInitializeCallbackRecord(&TdReason[0]);
    return (KeInitializeCallbackRecord(&TdLegacy[1]), 7);
}

/* A linked-in driver: DriverEntry registers two records, DriverUnload deregisters one or both. */
DRIVER_INITIALIZE TdDriverEntry;
DRIVER_UNLOAD TdDriverUnload;
int TdUnloadDeregistersAll = 1;
int TdNoUnload;                 /* DriverEntry sets no DriverUnload */

VOID TdDriverUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    (void)KeDeregisterBugCheckCallback(&TdLegacy[0]);
    if (TdUnloadDeregistersAll)
        (void)KeDeregisterBugCheckReasonCallback(&TdReason[0]);
}

NTSTATUS TdDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = TdNoUnload ? NULL : TdDriverUnload;
    KeInitializeCallbackRecord(&TdLegacy[0]);
    KeInitializeCallbackRecord(&TdReason[0]);
    if (!KeRegisterBugCheckCallback(&TdLegacy[0], TdLegacyCallback, TdBuffer[0], 16, (PUCHAR)"td"))
        return STATUS_UNSUCCESSFUL;
    if (!KeRegisterBugCheckReasonCallback(&TdReason[0], TdReasonCallback, KbCallbackReserved1, (PUCHAR)"td"))
        return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}
void *td_driver_entry(void) { return (void *)TdDriverEntry; }
