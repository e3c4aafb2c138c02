/*
 * bcsim/violations.h — the violation table (STYLE rule 6).
 *
 * BCSIM_VIOLATION_MAP(XX) lists every finding bcsim can report, once:
 *
 *     XX(NAME, SEVERITY, "message")
 *
 * NAME is the stable identifier printed in reports and accepted by EXPECT_VIOLATIONS;
 * SEVERITY is VIOLATION (fails a run: exit code 1), WARNING or INFO (reported only).
 * The bug-check code and parameters Windows or Driver Verifier would raise are attached
 * per occurrence (bcsim_violation_t.bugcheck_code), because they depend on the call.
 * Included by bcsim.h; uses no types of its own.
 */
#ifndef BCSIM_VIOLATIONS_H
#define BCSIM_VIOLATIONS_H

#define BCSIM_VIOLATION_MAP(XX) \
    /* registration and records (dispatcher-model.md 2-4) */ \
    XX(RECORD_NOT_INITIALIZED,      VIOLATION, "callback record was not initialised with KeInitializeCallbackRecord") \
    XX(DOUBLE_REGISTRATION,         VIOLATION, "callback record registered while already registered") \
    XX(REREGISTER_WITHOUT_REINIT,   VIOLATION, "callback record re-registered after its callback ran, without KeInitializeCallbackRecord") \
    XX(REINIT_WHILE_REGISTERED,     VIOLATION, "KeInitializeCallbackRecord called on a record that is still registered") \
    XX(WRONG_DEREGISTER_ROUTINE,    VIOLATION, "record passed to the deregistration routine of the other record kind") \
    XX(RECORD_NOT_RESIDENT,         VIOLATION, "callback record is not in resident nonpaged memory") \
    XX(COMPONENT_NOT_RESIDENT,      VIOLATION, "Component string is not a readable NUL-terminated string in resident memory") \
    XX(BUFFER_NOT_RESIDENT,         VIOLATION, "legacy callback Buffer is not in resident nonpaged memory") \
    XX(INVALID_ROUTINE,             VIOLATION, "callback routine is not inside executable driver code") \
    XX(INVALID_REASON,              WARNING,   "reason callback registered with an invalid or reserved KBUGCHECK_CALLBACK_REASON") \
    XX(RECORD_MODIFIED,             VIOLATION, "callback record modified after registration (checksum mismatch); the dispatcher skips it") \
    XX(LIST_CORRUPT,                VIOLATION, "bug-check callback list corrupted") \
    XX(LIST_CYCLE,                  VIOLATION, "bug-check callback list walk exceeded its bound (cycle)") \
    XX(WALK_TRUNCATED,              INFO,      "a callback deregistered its own record during a list walk; the rest of that walk was skipped") \
    XX(BAD_RECORD_POINTER,          VIOLATION, "invalid callback record pointer passed to a registration routine") \
    XX(DRIVER_UNLOADED_WITH_RECORDS,VIOLATION, "driver unloaded with bug-check callbacks still registered") \
    /* the bug-check sequence (dispatcher-model.md 6-7) */ \
    XX(NESTED_BUGCHECK,             VIOLATION, "KeBugCheckEx called while a bug check was in progress") \
    XX(SECONDARY_INVALID_OUTPUT,    VIOLATION, "SecondaryDumpData callback returned invalid output") \
    XX(SECONDARY_BUFFER_NOT_RESIDENT, VIOLATION, "SecondaryDumpData OutBuffer is not in resident nonpaged memory") \
    XX(SECONDARY_SIZE_CHANGED,      INFO,      "SecondaryDumpData data request returned less than the size request announced") \
    XX(SECONDARY_OVERGROWN,         WARNING,   "SecondaryDumpData data request returned more than the size request announced") \
    XX(SECONDARY_LEFT_OUT,          INFO,      "SecondaryDumpData record left out of the data pass") \
    XX(SECONDARY_ZERO_GUID,         WARNING,   "secondary data block tagged with the zero GUID") \
    XX(DUPLICATE_GUID,              WARNING,   "secondary data GUID already used in this dump; only the first block is accessible") \
    XX(MULTIPART_GUID_CHANGED,      WARNING,   "SecondaryMultiPartDumpData parts of one record carry different GUIDs") \
    XX(MULTIPART_RUNAWAY,           VIOLATION, "SecondaryMultiPartDumpData callback keeps asking for more parts without giving data") \
    XX(MULTIPART_TRUNCATED,         WARNING,   "SecondaryMultiPartDumpData record had more data than its limits allow; the rest was not collected") \
    XX(MULTIPART_PART_MISMATCH,     WARNING,   "SecondaryMultiPartDumpData data sweep differs from the sizing sweep") \
    XX(PAGES_INVALID_FLAGS,         VIOLATION, "AddPages/RemovePages callback returned invalid Flags") \
    XX(PAGES_NO_ADDRESS_FLAG,       VIOLATION, "AddPages/RemovePages callback set neither VIRTUAL nor PHYSICAL address flag") \
    XX(PAGES_INVALID_RANGE,         VIOLATION, "AddPages/RemovePages callback returned a range that is not mapped memory") \
    XX(PAGES_RUNAWAY,               VIOLATION, "AddPages/RemovePages callback exceeded the call or page bound") \
    XX(PAGES_PROTECTED,             WARNING,   "RemovePages tried to remove pages bcsim must keep (page tables, header context)") \
    XX(TRIAGE_INVALID_ARRAY,        VIOLATION, "TriageDumpData callback returned an invalid triage array") \
    XX(TRIAGE_TOO_LARGE,            VIOLATION, "triage array describes more memory than MaxVirtMemSize") \
    XX(DUMPIO_BUFFER_MODIFIED,      VIOLATION, "DumpIo callback modified the dump buffer it was given") \
    XX(RESERVED_REASON_CALLED,      WARNING,   "callback registered for a reserved reason was called") \
    XX(AUXKLIB_CONTRACT,            WARNING,   "AuxKlibGetBugCheckData called outside a bug-check callback or before AuxKlibInitialize") \
    XX(DUMP_WRITE_FAILED,           WARNING,   "the dump file could not be written") \
    /* the verifier (dispatcher-model.md 8, 9) */ \
    XX(IRQL_TOO_HIGH,               VIOLATION, "routine called above its maximum IRQL") \
    XX(POOL_ALLOCATION_AT_HIGH_IRQL,VIOLATION, "pool allocated at an IRQL where allocation is not allowed") \
    XX(POOL_FREE_AT_HIGH_IRQL,      VIOLATION, "pool freed at an IRQL where freeing is not allowed") \
    XX(POOL_INVALID_FREE,           VIOLATION, "free of an address that is not a live pool allocation") \
    XX(POOL_ZERO_SIZE,              WARNING,   "zero-byte pool allocation") \
    XX(POOL_USE_AFTER_FREE,         VIOLATION, "access to freed pool (special pool quarantine)") \
    XX(SPINLOCK_IN_CALLBACK,        VIOLATION, "spin lock used inside a bug-check callback") \
    XX(SYNCHRONIZATION_IN_CALLBACK, VIOLATION, "synchronization object used inside a bug-check callback") \
    XX(SYNC_TRY_IN_CALLBACK,        WARNING,   "try-acquire of a lock inside a bug-check callback (cannot deadlock; the protected state may be inconsistent)") \
    XX(WAIT_AT_HIGH_IRQL,           VIOLATION, "wait at IRQL >= DISPATCH_LEVEL") \
    XX(PAGED_CODE_AT_HIGH_IRQL,     VIOLATION, "PAGED_CODE() reached above APC_LEVEL") \
    XX(IRQL_RAISE_INVALID,          VIOLATION, "KeRaiseIrql to a lower level or above HIGH_LEVEL") \
    XX(IRQL_LOWER_INVALID,          VIOLATION, "KeLowerIrql to a higher level or above HIGH_LEVEL") \
    XX(IRQL_LOWERED_IN_CALLBACK,    VIOLATION, "IRQL lowered below the level the bug-check callback was entered at") \
    XX(IRQL_NOT_RESTORED,           VIOLATION, "callback returned at a different IRQL than it was called at") \
    XX(STRSAFE_AT_HIGH_IRQL,        WARNING,   "ntstrsafe routine (documented PASSIVE_LEVEL) called at raised IRQL") \
    XX(STRSAFE_COPY_AT_HIGH_IRQL,   VIOLATION, "ntstrsafe copy, cat or length routine called at raised IRQL (verifier.strsafe_copy = violation)") \
    XX(STRSAFE_CONVERSION_AT_HIGH_IRQL, VIOLATION, "ntstrsafe printf-family character-width conversion (%S, %ls, %wZ, ...) above APC_LEVEL: the NLS tables are pageable") \
    XX(DBGPRINT_UNICODE_AT_HIGH_IRQL, VIOLATION, "DbgPrint Unicode conversion (%wZ, %ws, %S, ...) above PASSIVE_LEVEL") \
    XX(MMISADDRESSVALID_UNSAFE,     WARNING,   "MmIsAddressValid called from a TriageDumpData callback without BUGCHECK_ACTIVE") \
    XX(PAGEABLE_MEMORY_ACCESS,      VIOLATION, "pageable memory accessed at raised IRQL") \
    XX(INVALID_MEMORY_ACCESS,       VIOLATION, "access to invalid memory") \
    XX(NULL_POINTER_DEREFERENCE,    VIOLATION, "NULL pointer dereference") \
    XX(GENERAL_PROTECTION_FAULT,    VIOLATION, "general-protection fault") \
    XX(MISALIGNED_ACCESS,           VIOLATION, "alignment-check fault (misaligned access with alignment checking on)") \
    XX(CALL_TO_INVALID_ADDRESS,     VIOLATION, "call through a NULL or invalid function pointer") \
    XX(RETURN_TO_INVALID_ADDRESS,   VIOLATION, "return to an invalid address (stack corruption)") \
    XX(SIGNAL_RAISED,               VIOLATION, "driver code sent a signal to itself (raise, kill)") \
    XX(INBUFFER_OVERRUN,            VIOLATION, "write or read past the end of InBuffer") \
    XX(STRUCTURE_OVERRUN,           VIOLATION, "access past the end of the ReasonSpecificData structure") \
    XX(DIVIDE_BY_ZERO,              VIOLATION, "integer divide by zero") \
    XX(ILLEGAL_INSTRUCTION,         VIOLATION, "illegal or privileged instruction") \
    XX(BREAKPOINT,                  VIOLATION, "breakpoint (__debugbreak, DbgBreakPoint) with no kernel debugger attached") \
    XX(ABORTED,                     VIOLATION, "callback called abort() or raised SIGABRT") \
    XX(STACK_OVERFLOW,              VIOLATION, "kernel stack overflow") \
    XX(CALLBACK_HANG,               VIOLATION, "callback did not return: no progress for the wall-clock budget, or past the virtual-time budget") \
    XX(SLOW_CALLBACK,               WARNING,   "callback took longer than watchdog.slow_ms of virtual time (legal: the dump is just late)") \
    XX(SEH_HANDLED_AT_HIGH_IRQL,    WARNING,   "exception handled by the driver's own __except at HIGH_LEVEL; on Windows an invalid access above DISPATCH_LEVEL bug checks (0xD1) before any handler runs") \
    XX(SEH_CONTINUE_EXECUTION,      WARNING,   "__except filter returned EXCEPTION_CONTINUE_EXECUTION, which bcsim cannot resume; treated as CONTINUE_SEARCH") \
    XX(DEVICE_ACCESS_FORBIDDEN,     VIOLATION, "port or register I/O during a call that was passed KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS") \
    XX(UNIMPLEMENTED_ROUTINE,       WARNING,   "driver called a kernel routine bcsim implements only as a stub") \
    XX(UNHANDLED_EXCEPTION,         VIOLATION, "exception in driver code outside a bug-check callback") \
    XX(DRIVER_ASSERTION,            VIOLATION, "driver assertion failed") \
    XX(DBGPRINT_ABOVE_DIRQL,        WARNING,   "DbgPrint-family routine called above DIRQL (documented IRQL <= DIRQL; the debugger's IPIs can deadlock)") \
    XX(IRQL_TOO_LOW,                VIOLATION, "routine called below its minimum IRQL") \
    XX(DEADLOCK,                    VIOLATION, "spin lock, fast mutex or wait that can never be satisfied on the one simulated processor (a deadlock)") \
    XX(INTERRUPTS_ENABLED_IN_CALLBACK, VIOLATION, "interrupts re-enabled (_enable, sti) inside a bug-check callback, which runs with interrupts disabled") \
    /* loading (src/imports.c) */ \
    XX(UNRESOLVED_IMPORT,           WARNING,   "driver called a routine nothing provides (an import bcsim does not implement)") \
    XX(UNRESOLVED_IMPORTS,          INFO,      "module imports routines or data bcsim does not provide; each resolves to a stub") \
    /* the boot as a process, judged by the supervising bcsim process (dispatcher-model.md 7.11) */ \
    XX(BOOT_DEADLINE,               VIOLATION, "the boot did not finish before its deadline (boot.deadline_ms); bcsim killed its processes") \
    XX(BOOT_EXITED,                 VIOLATION, "driver code ended the boot's process (exit, _exit)") \
    XX(BOOT_KILLED,                 VIOLATION, "the boot's process was ended by a signal containment does not catch") \
    XX(BOOT_STOPPED,                VIOLATION, "driver code stopped the boot's process (SIGSTOP and the like); bcsim killed it") \
    XX(BOOT_NO_REPORT,              VIOLATION, "the boot ended without sending its report to bcsim") \
    XX(PROCESS_CREATED,             VIOLATION, "driver code created a process (fork, clone, system); bcsim killed it") \
    XX(HARNESS_SIGNALLED,           VIOLATION, "driver code sent a signal to the bcsim process supervising it (or to every process); bcsim refused or ignored it") \
    XX(DESCRIPTOR_TAMPERED,         VIOLATION, "driver code closed or replaced a file descriptor bcsim uses (standard output or error, its report channel); bcsim restored it") \
    /* the KMDF model (src/kmdf.c) */ \
    XX(WDF_INVALID_HANDLE,          VIOLATION, "framework routine given a handle that is not a framework object of the type it needs") \
    XX(WDF_OBJECT_DELETED,          VIOLATION, "framework routine given the handle of a deleted framework object") \
    XX(WDF_DELETE_NOT_ALLOWED,      VIOLATION, "WdfObjectDelete on an object the framework deletes itself (a PnP device, the driver, an interrupt, a default queue, ...); it is not deleted") \
    XX(WDF_DEREFERENCE_UNBALANCED,  VIOLATION, "WdfObjectDereference without a matching WdfObjectReference") \
    XX(WDF_NULL_PARAMETER,          VIOLATION, "framework routine given NULL for a required parameter") \
    XX(WDF_CONTEXT_FREED_WITH_RECORDS, VIOLATION, "framework object deleted while a bug-check record in its context or buffer is still registered") \
    XX(WDF_DEVICE_START_FAILED,     WARNING,   "the simulated KMDF device did not start: a PnP or power callback failed")

#endif /* BCSIM_VIOLATIONS_H */
