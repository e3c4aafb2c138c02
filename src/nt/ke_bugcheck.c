/*
 * src/nt/ke_bugcheck.c — the Windows-named bug-check entry points (thin; policy lives in
 * src/dispatcher/records.c and src/dispatcher/bugcheck.c). Compiled with the driver profile against the shim.
 */
#include <ntddk.h>
#include "../bridge.h"

/* KeInitializeCallbackRecord (macro, bugcheck-api.md 7): the WDK form stores BufferEmpty;
 * bcsim also notes the address so the verifier can tell initialised records apart. */
UCHAR *bcsim__ke_note_record_init(UCHAR *State)
{
    return bcsim__record_note_init(State, BCSIM__CALLER());
}

/* KeRegisterBugCheckCallback — Learn: "returns TRUE if the callback was registered";
 * callable at any IRQL. Rules: dispatcher-model.md 2. */
BOOLEAN KeRegisterBugCheckCallback(PKBUGCHECK_CALLBACK_RECORD CallbackRecord,
                                   PKBUGCHECK_CALLBACK_ROUTINE CallbackRoutine,
                                   PVOID Buffer, ULONG Length, PUCHAR Component)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeRegisterBugCheckCallback, caller);
    return bcsim__record_register_legacy(CallbackRecord, (void *)CallbackRoutine, Buffer,
                                         Length, Component, caller);
}

/* KeDeregisterBugCheckCallback — Learn: TRUE if removed, FALSE if not registered. */
BOOLEAN KeDeregisterBugCheckCallback(PKBUGCHECK_CALLBACK_RECORD CallbackRecord)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeDeregisterBugCheckCallback, caller);
    return bcsim__record_deregister_legacy(CallbackRecord, caller);
}

/* KeRegisterBugCheckReasonCallback — Learn: TRUE if registered; any IRQL. */
BOOLEAN KeRegisterBugCheckReasonCallback(PKBUGCHECK_REASON_CALLBACK_RECORD CallbackRecord,
                                         PKBUGCHECK_REASON_CALLBACK_ROUTINE CallbackRoutine,
                                         KBUGCHECK_CALLBACK_REASON Reason, PUCHAR Component)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeRegisterBugCheckReasonCallback, caller);
    return bcsim__record_register_reason(CallbackRecord, (void *)CallbackRoutine,
                                         (bcsim__i32)Reason, Component, caller);
}

/* KeDeregisterBugCheckReasonCallback — Learn: TRUE if removed, FALSE if not registered. */
BOOLEAN KeDeregisterBugCheckReasonCallback(PKBUGCHECK_REASON_CALLBACK_RECORD CallbackRecord)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeDeregisterBugCheckReasonCallback, caller);
    return bcsim__record_deregister_reason(CallbackRecord, caller);
}

/* KeBugCheckEx — Learn: brings down the system in a controlled manner; never returns;
 * callable at any IRQL. bcsim runs the bug-check sequence (dispatcher-model.md 6) and ends
 * with a jump back to the harness (or, inside a callback, handles a nested bug check). */
VOID KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR BugCheckParameter1,
                  ULONG_PTR BugCheckParameter2, ULONG_PTR BugCheckParameter3,
                  ULONG_PTR BugCheckParameter4)
{
    bcsim__bugcheck_from_driver(BugCheckCode, BugCheckParameter1, BugCheckParameter2,
                                BugCheckParameter3, BugCheckParameter4, BCSIM__CALLER());
}

/* KeBugCheck — bcsim treats it as KeBugCheckEx(Code, 0, 0, 0, 0) (bugcheck-api.md 8). */
VOID KeBugCheck(ULONG BugCheckCode)
{
    bcsim__bugcheck_from_driver(BugCheckCode, 0, 0, 0, 0, BCSIM__CALLER());
}

/* KeInitializeTriageDumpDataArray — Learn: the caller has exclusive write access; returns an
 * NTSTATUS. Checks and results: bugcheck-api.md 11.1 (bcsim's model, src/dispatcher/phase_triage.c). */
NTSTATUS KeInitializeTriageDumpDataArray(PKTRIAGE_DUMP_DATA_ARRAY KtriageDumpDataArray, ULONG Size)
{
    bcsim__export_enter(BCSIM__X_KeInitializeTriageDumpDataArray, BCSIM__CALLER());
    return bcsim__triage_init_array(KtriageDumpDataArray, Size);
}

/* KeAddTriageDumpDataBlock — Learn: STATUS_SUCCESS if the block was added, otherwise an
 * appropriate NTSTATUS; only nonpaged memory. Checks: bugcheck-api.md 11.2. */
NTSTATUS KeAddTriageDumpDataBlock(PKTRIAGE_DUMP_DATA_ARRAY KtriageDumpDataArray, PVOID Address, SIZE_T Size)
{
    bcsim__export_enter(BCSIM__X_KeAddTriageDumpDataBlock, BCSIM__CALLER());
    return bcsim__triage_add_block(KtriageDumpDataArray, Address, Size);
}
