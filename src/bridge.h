/*
 * src/bridge.h — the one narrow bridge between bcsim's two header worlds.
 *
 * The files in src/nt/ hold the Windows-named entry points. They are compiled with the driver
 * profile (-nostdinc, shim headers, -fshort-wchar) so every definition is checked against
 * the shim's declaration. The rest of src/ is ordinary glibc code. This header is the only
 * thing both sides include, so it uses compiler builtin types only: no <stdint.h>, no
 * Windows types, no wchar_t.
 *
 * Naming: bcsim__<area>_<verb>. Wide strings cross the bridge as `const unsigned short *`.
 */
#ifndef BCSIM_BRIDGE_H
#define BCSIM_BRIDGE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long long bcsim__u64;
typedef unsigned int bcsim__u32;
typedef unsigned short bcsim__u16;
typedef unsigned char bcsim__u8;
typedef long long bcsim__i64;
typedef int bcsim__i32;

/* The caller's address, for "file:line" of the driver call site. */
/* An address inside the call instruction (return address - 1), so line lookups name the
 * call itself rather than the line after it. */
#define BCSIM__CALLER() ((void *)((char *)__builtin_extract_return_addr(__builtin_return_address(0)) - 1))

/* ---- export inventory ids (src/exports.inc) ------------------------------------- */
#define BCSIM__EXPORT_ENUM(name, header, kind, status, max_irql, report) BCSIM__X_##name,
enum bcsim__export_id {
#include "exports.inc"
    BCSIM__X__COUNT
};
#undef BCSIM__EXPORT_ENUM

/* Verifier gate for an entry point: checks the simulated IRQL against the inventory's
 * maximum, reports a violation if exceeded, and logs a stub's first use. Never changes
 * what the entry point returns. */
void bcsim__export_enter(enum bcsim__export_id id, void *caller);

/* ---- records (src/dispatcher/records.c) ----------------------------------------------------- */
unsigned char *bcsim__record_note_init(unsigned char *state, void *caller);
unsigned char bcsim__record_register_legacy(void *record, void *routine, void *buffer,
                                            bcsim__u32 length, unsigned char *component,
                                            void *caller);
unsigned char bcsim__record_register_reason(void *record, void *routine, bcsim__i32 reason,
                                            unsigned char *component, void *caller);
unsigned char bcsim__record_deregister_legacy(void *record, void *caller);
unsigned char bcsim__record_deregister_reason(void *record, void *caller);

/* ---- OS memory for structures built in the shim world (memory.c) --------------------- */
void *bcsim__os_alloc_bridge(bcsim__u64 size);

/* ---- driver objects (src/nt/io_driver.c) -------------------------------------------- */
void *bcsim__nt_driver_object_new(const char *driver_name, const char *service_name,
                                  const char *registry_path, void *image_base,
                                  bcsim__u32 image_size, void **registry_path_out);
void *bcsim__nt_driver_unload_routine(void *driver_object);
bcsim__i32 bcsim__nt_call_driver_entry(void *entry, void *driver_object, void *registry_path);
void bcsim__nt_call_driver_unload(void *unload, void *driver_object);

/* ---- version (src/nt/rtl_version.c) ------------------------------------------------- */
/* The configured build (bcsim_config_t.build_number), set at boot: NtBuildNumber and
 * RtlGetVersion report it, as the dump header does. */
void bcsim__nt_set_build_number(bcsim__u32 build);

/* ---- KiBugCheckData (src/nt/ke_data.c) ------------------------------------------------ */
/* Points the data export at the machine's five values (boot), or back at zeros (NULL). */
void bcsim__nt_set_bugcheck_data(bcsim__u64 *values);

/* ---- RtlCaptureContext (src/machine/capture.S, src/nt/rtl_stack.c) --------------------- */
/* The second half: capture.S jumps here with the CONTEXT filled and the caller's return
 * address (the verifier gate's call site). */
void bcsim__nt_capture_context_done(void *context_record, void *return_address);

/* ---- triage arrays (src/dispatcher/phase_triage.c) -------------------------------------------- */
bcsim__i32 bcsim__triage_init_array(void *array, bcsim__u32 size);
bcsim__i32 bcsim__triage_add_block(void *array, void *address, bcsim__u64 size);

/* ---- the device model (src/machine/ports.c) ---------------------------------------------------- */
/* Logs a port or register access; for reads returns the scripted value (a register read
 * without a script returns `value`, which the caller read from the register's memory). */
bcsim__u64 bcsim__port_io(bcsim__u64 address, bcsim__u32 width, bcsim__u64 value, int write,
                          int is_register, void *caller);

/* ---- MmGetSystemRoutineAddress (src/nt/mm_routines.c -> src/machine/lookups.c) ----------------------
 * Every name a driver probes, with whether bcsim resolved it (wdk-surface.md 3.13), so a test can
 * see which optional API the driver looked for. */
void bcsim__note_routine_lookup(const char *name, int found);
/* How many lookups were noted with the given outcome since the process started. */
bcsim__u64 bcsim__routine_lookup_count(int found);

/* ---- the bug check (src/dispatcher/bugcheck.c) ------------------------------------------------- */
__attribute__((__noreturn__))
void bcsim__bugcheck_from_driver(bcsim__u32 code, bcsim__u64 p1, bcsim__u64 p2, bcsim__u64 p3,
                                 bcsim__u64 p4, void *caller);

/* ---- formatting and debug output (src/report/fmt.c, src/machine/dbglog.c) --------------------------
 * Driver format strings are formatted with Windows semantics by src/report/fmt.c, never by glibc.
 * A src/nt caller passes the address of its own va_list (va_copy a va_list parameter into a
 * local first): both worlds use the compiler's builtin va_list type. */
#define BCSIM__FMT_USED_UNICODE   0x1u  /* a narrow/wide conversion: %C %S %lc %ls %wc %ws %wZ */
#define BCSIM__FMT_USED_PERCENT_N 0x2u  /* %n was seen (refused: nothing written) */
#define BCSIM__FMT_USED_FLOAT     0x4u  /* %e %f %g %a ... */
#define BCSIM__FMT_BAD_SPEC       0x8u  /* unknown or truncated conversion, printed as written */
/* vsnprintf-like: at most size - 1 bytes and a NUL; returns the length the output needs. */
int bcsim__fmt_bridge(char *out, bcsim__u64 size, const char *fmt, void *va_list_ptr,
                      unsigned *flags_used);
/* The same for 16-bit text: fmt and out are WCHAR strings, size and the result count units;
 * %s/%c take wide arguments and %S/%C narrow ones (swprintf convention). */
int bcsim__fmt_bridge_w(unsigned short *out, bcsim__u64 size, const unsigned short *fmt,
                        void *va_list_ptr, unsigned *flags_used);
/* The same without a terminator: fills at most size units (counted UNICODE_STRING output). */
int bcsim__fmt_bridge_wn(unsigned short *out, bcsim__u64 size, const unsigned short *fmt,
                         void *va_list_ptr, unsigned *flags_used);
/* One formatted DbgPrint-family message: logged, filtered, delivered to the sink by line,
 * checked against the IRQL rules (dispatcher-model.md 8.2). */
void bcsim__dbgprint_emit(const char *text, bcsim__u64 len, bcsim__u32 component,
                          bcsim__u32 level, unsigned flags_used, void *caller);
/* DbgSetDebugFilterState / DbgQueryDebugFilterState: NTSTATUS / TRUE, FALSE or NTSTATUS. */
bcsim__i32 bcsim__dbg_filter_set(bcsim__u32 component, bcsim__u32 level, int state);
bcsim__i32 bcsim__dbg_filter_query(bcsim__u32 component, bcsim__u32 level);
/* The ntstrsafe rules (dispatcher-model.md 8.2). Every call: above PASSIVE_LEVEL a
 * STRSAFE_AT_HIGH_IRQL warning; for copy/cat/length (printf = 0) with verifier.strsafe_copy =
 * violation a STRSAFE_COPY_AT_HIGH_IRQL violation instead. Never a bug-check code. */
void bcsim__strsafe_irql_check(enum bcsim__export_id id, void *caller, int printf_family);
/* After a printf-family call formatted: a character-width conversion (BCSIM__FMT_USED_UNICODE)
 * above APC_LEVEL is STRSAFE_CONVERSION_AT_HIGH_IRQL (the NLS tables are pageable). */
void bcsim__strsafe_format_check(enum bcsim__export_id id, void *caller, unsigned used);
/* A breakpoint raised by driver code (DbgBreakPoint): the lead's contain.c implements it. */
void bcsim__debugbreak(void *caller);

/* ---- pool for routines that allocate on the driver's behalf (memory.c) ------------------ *
 * RtlUnicodeStringToAnsiString(..., TRUE) and friends; freed by RtlFreeAnsiString & co. */
void *bcsim__pool_alloc_bridge(bcsim__u64 size, int paged, bcsim__u32 tag, void *caller);
/* Pool with the verifier's IRQL rules (src/machine/pool.c): the ExAllocatePool* / ExFreePool* paths. */
void *bcsim__pool_alloc_ex(bcsim__u64 size, int paged, bcsim__u32 tag, bcsim__u32 align,
                           bcsim__i32 pool_type, void *caller);
int bcsim__pool_free_ex(void *p, bcsim__u32 tag, int check_tag, void *caller);
void bcsim__pool_free_bridge(void *p, void *caller);

/* ---- the IRQL model (src/verifier/irql.c; dispatcher-model.md 8.2, 9.2) ------------------------------
 * The gate of bcsim__export_enter with the routine's own 0xC4 parameters P3/P4 (the spin lock,
 * the MDL, the physical address, ...). */
void bcsim__export_enter_args(enum bcsim__export_id id, void *caller, bcsim__u64 p3, bcsim__u64 p4);
unsigned char bcsim__irql_current(void);
/* KfRaiseIrql: the previous IRQL. A raise to a lower level or above HIGH_LEVEL is reported
 * (IRQL_RAISE_INVALID, 0xC4/0x30) and leaves the IRQL unchanged. */
unsigned char bcsim__irql_raise(unsigned char new_irql, void *caller);
/* KfLowerIrql: a lower to a higher level or above HIGH_LEVEL is reported (IRQL_LOWER_INVALID,
 * 0xC4/0x31) and changes nothing; below the level the running bug-check callback was entered
 * at it is IRQL_LOWERED_IN_CALLBACK (the IRQL does change). */
void bcsim__irql_lower(unsigned char new_irql, void *caller);
/* __writecr8: a raise or a lower, by direction. */
void bcsim__irql_write_cr8(bcsim__u64 value, void *caller);
/* _disable / _enable. */
void bcsim__interrupts_set(int enabled, void *caller);
/* PAGED_CODE(): PAGED_CODE_AT_HIGH_IRQL above APC_LEVEL. */
void bcsim__paged_code(void *caller);

/* ---- synchronization (src/machine/sync.c): spin locks, events, waits, fast mutexes ------------------
 * One simulated processor: a lock or object that can never become free is a deadlock; inside
 * a bug-check callback bcsim spins on virtual time until the watchdog ends the callback, outside
 * it reports DEADLOCK and returns. Any use inside a bug-check callback is R4. `id` names the
 * routine (its IRQL rule and report). */
unsigned char bcsim__spin_acquire(enum bcsim__export_id id, volatile bcsim__u64 *lock,
                                  bcsim__u64 held_value, void *caller);
int bcsim__spin_try(enum bcsim__export_id id, volatile bcsim__u64 *lock, void *caller);
void bcsim__spin_release(enum bcsim__export_id id, volatile bcsim__u64 *lock,
                         unsigned char new_irql, int lower, void *caller);
void bcsim__event_init(void *event, bcsim__i32 type, int signaled);
bcsim__i32 bcsim__event_set(void *event, void *caller);
bcsim__i32 bcsim__event_reset(enum bcsim__export_id id, void *event, void *caller);
bcsim__i32 bcsim__event_read(void *event);
/* KeWaitFor*Object(s): NTSTATUS. timeout NULL = infinite (100-ns units, negative relative). */
bcsim__i32 bcsim__wait(enum bcsim__export_id id, void *const *objects, bcsim__u32 count,
                       int wait_all, const bcsim__i64 *timeout, void *caller);
bcsim__i32 bcsim__delay(const bcsim__i64 *interval, void *caller);
void bcsim__fast_mutex_acquire(void *fast_mutex, void *caller);
int bcsim__fast_mutex_try(void *fast_mutex, void *caller);
void bcsim__fast_mutex_release(void *fast_mutex, void *caller);

/* ---- virtual time (src/machine/clock.c, driver-patterns.md 12) --------------------------------------- */
enum bcsim__clock_id {
    BCSIM__CLOCK_INTERRUPT_TIME,    /* 100-ns units since boot */
    BCSIM__CLOCK_SYSTEM_TIME,       /* FILETIME */
    BCSIM__CLOCK_PERFORMANCE,       /* the 10 MHz performance counter */
    BCSIM__CLOCK_PERFORMANCE_FREQUENCY,
    BCSIM__CLOCK_TICK_COUNT,
    BCSIM__CLOCK_TIME_INCREMENT,    /* 100-ns units per tick */
};
/* Reading a clock advances virtual time by 1 us (polling loops end) and runs the virtual-time
 * watchdog; the frequency and the increment are constants. */
bcsim__u64 bcsim__clock_read(enum bcsim__clock_id which);
/* KeStallExecutionProcessor: advances by the microseconds, then the watchdog check. */
void bcsim__clock_stall(bcsim__u32 microseconds);
/* __halt: waits for the next clock interrupt (one tick of virtual time). */
void bcsim__clock_halt(void *caller);

/* ---- pool entry points (src/machine/pool.c) ----------------------------------------------------------
 * ExAllocatePool2/3: decodes POOL_FLAGS; NULL for invalid flags, a zero tag or a request bcsim
 * cannot satisfy (the caller raises when POOL_FLAG_RAISE_ON_FAILURE is set). */
void *bcsim__pool_alloc_flags(bcsim__u64 flags, bcsim__u64 size, bcsim__u32 tag, void *caller);
/* ExAllocatePoolWithTag & co.: decodes POOL_TYPE (paged variants, cache alignment). */
void *bcsim__pool_alloc_type(bcsim__i32 pool_type, bcsim__u64 size, bcsim__u32 tag, void *caller);

/* ---- the memory manager's policy (src/machine/mm.c) ---------------------------------------------- */
int bcsim__mm_address_valid(const void *va, void *caller);
bcsim__u64 bcsim__mm_va_to_pa(const void *va);
void *bcsim__mm_pa_to_va(bcsim__u64 pa);
void *bcsim__mm_contiguous_alloc(bcsim__u64 bytes, bcsim__u64 lowest, bcsim__u64 highest,
                                 bcsim__u64 boundary, void *caller);
void bcsim__mm_contiguous_free(void *va, void *caller);
void *bcsim__mm_io_map(bcsim__u64 pa, bcsim__u64 bytes, void *caller);
void bcsim__mm_io_unmap(void *va, bcsim__u64 bytes, void *caller);
/* Driver-owned pages (MmAllocatePagesForMdl): frames outside the default dump page set;
 * returns the host address of the block, *first_pfn its first (contiguous) frame. */
void *bcsim__mm_pages_alloc(bcsim__u64 bytes, bcsim__u64 *first_pfn);
void bcsim__mm_pages_free(bcsim__u64 first_pfn, bcsim__u64 pages, void *caller);
/* Storage for MDLs (nonpaged, no IRQL rule of its own: the routine's gate reports). */
void *bcsim__mm_mdl_storage(bcsim__u64 bytes);
void bcsim__mm_mdl_storage_free(void *mdl, void *caller);
/* MmProbeAndLockPages: 0 ok; else the NTSTATUS to raise. Reports pageable memory at
 * DISPATCH_LEVEL (0xC4/0x70). */
bcsim__i32 bcsim__mm_probe(const void *va, bcsim__u64 bytes, int write, void *mdl, void *caller);

/* ---- Aux_Klib (src/machine/auxklib.c; bugcheck-api.md 10, driver-patterns.md 19) ------------------- */
bcsim__i32 bcsim__auxklib_initialize(void);
bcsim__i32 bcsim__auxklib_bugcheck_data(void *data, void *caller);
bcsim__i32 bcsim__auxklib_modules(bcsim__u32 *buffer_size, bcsim__u32 element_size,
                                  void *query_info, void *caller);

/* ---- KeInitializeCrashDumpHeader (src/dump/dump_header.c) ----------------------------------------- */
bcsim__i32 bcsim__crash_dump_header(bcsim__u32 dump_type, bcsim__u32 flags, void *buffer,
                                    bcsim__u32 buffer_size, bcsim__u32 *buffer_needed,
                                    void *caller);

/* ---- exceptions (src/verifier/contain.c) ---------------------------------------------------------------
 * ExRaiseStatus: a driver __try frame takes it; else the running call's containment. */
__attribute__((__noreturn__)) void bcsim__raise_status(bcsim__i32 status, void *caller);


/* ---- stacks and unwinding (src/machine/unwind.c, src/machine/capture.S; README "Stack walks") ---------------
 * Registers in Windows CONTEXT order: 0 Rax, 1 Rcx, 2 Rdx, 3 Rbx, 4 Rsp, 5 Rbp, 6 Rsi, 7 Rdi,
 * 8-15 R8-R15, 16 Rip. */
#define BCSIM__REG_RSP 4
#define BCSIM__REG_RIP 16
/* The caller's registers at its return: Rip the return address, Rsp past it. */
void bcsim__capture_regs(bcsim__u64 regs[17]);
/* One frame up by the module's call-frame information: 1 unwound, 0 the end of the chain (Rip
 * is 0: the outermost frame of the stack the walk is on), -1 no unwind data for Rip (regs
 * unchanged). saved (may be NULL) receives, per register, the stack slot it was restored from. */
int bcsim__unwind_step(bcsim__u64 regs[17], bcsim__u64 *saved[16]);
/* A frame without unwind data (a leaf): Rip = [Rsp] (0 if unreadable), Rsp += 8. */
void bcsim__unwind_leaf(bcsim__u64 regs[17], bcsim__u64 *saved[16]);
/* The function around pc (its call-frame entry): 1 found (image base = the module's lowest
 * address, [begin, end) absolute), 0 not. */
int bcsim__unwind_function(bcsim__u64 pc, bcsim__u64 *image_base, bcsim__u64 *begin,
                           bcsim__u64 *end);
/* Return addresses of the calling chain from the frame whose return address is `first` (entry
 * 0 is `first`), after skipping `skip`; at most `count`. Returns how many were written. */
bcsim__u32 bcsim__stack_frames(void *first, bcsim__u32 skip, bcsim__u32 count, void **out);


/* ---- the blue screen (src/machine/screen.c): InbvDisplayString's text, kept for the report ---------- */
void bcsim__screen_reset(void);
/* InbvEnableDisplayString: returns whether display strings were enabled before. */
int bcsim__screen_enable(int enable);
/* Appends a NUL-terminated string (at most max bytes read); 0 when display strings are off. */
int bcsim__screen_write(const char *text, bcsim__u64 max);


/* ---- PCI configuration space (src/machine/pci.c) ------------------------------------------------------
 * HalGet/SetBusDataByOffset for PCIConfiguration: the bytes read or written (0: no such bus or
 * nothing there; an empty slot's read is 2 bytes of 0xFF, PCI_INVALID_VENDORID). */
bcsim__u32 bcsim__pci_access(bcsim__u32 bus_number, bcsim__u32 slot, void *buffer,
                             bcsim__u32 offset, bcsim__u32 length, int write);


/* ---- stack bounds and images for Io/Rtl queries (src/machine/unwind.c) ------------------------------- */
/* The stack containing sp (the callback stack, a thread's stack): 1 and its [lo, hi), else 0. */
int bcsim__stack_bounds(bcsim__u64 sp, bcsim__u64 *lo, bcsim__u64 *hi);
/* The lowest address of the loaded object (module or program) containing pc, or NULL. */
void *bcsim__module_base(const void *pc);
/* Sets the simulated IRQL without the rule checks (KeIpiGenericCall's IPI_LEVEL); the old one. */
unsigned char bcsim__irql_swap(unsigned char irql);


/* ---- the KMDF model (src/machine/kmdf.c; include/wdf.h, src/nt/wdf_*.c) -------------------------------
 * Framework objects live in the harness: their kind, parent and children, driver references,
 * contexts (nonpaged pool), cleanup and destroy callbacks, and the driver callbacks the PnP and
 * power sequence calls, by role. What a kind needs in Windows types (a DEVICE_OBJECT, a spin
 * lock word, a resource list) is the shim world's "ext" block: the harness keeps it and never
 * reads it. Handles are the addresses of small OS blocks, never reused in a machine's life. */
enum bcsim__wdf_kind {
    BCSIM__WDF_ANY = 0,
    BCSIM__WDF_DRIVER, BCSIM__WDF_DEVICE, BCSIM__WDF_QUEUE, BCSIM__WDF_REQUEST,
    BCSIM__WDF_FILEOBJECT, BCSIM__WDF_MEMORY, BCSIM__WDF_LOOKASIDE, BCSIM__WDF_SPINLOCK,
    BCSIM__WDF_WAITLOCK, BCSIM__WDF_TIMER, BCSIM__WDF_WORKITEM, BCSIM__WDF_DPC,
    BCSIM__WDF_INTERRUPT, BCSIM__WDF_DMAENABLER, BCSIM__WDF_COMMONBUFFER,
    BCSIM__WDF_DMATRANSACTION, BCSIM__WDF_STRING, BCSIM__WDF_COLLECTION, BCSIM__WDF_KEY,
    BCSIM__WDF_CMRESLIST, BCSIM__WDF_IOTARGET, BCSIM__WDF_OBJECT,
    BCSIM__WDF_KIND_COUNT
};

/* The driver callbacks the framework calls, by role; bcsim__wdf_nt_invoke knows each shape. */
enum bcsim__wdf_event {
    BCSIM__WDF_EV_DEVICE_ADD,            /* NTSTATUS (WDFDRIVER, PWDFDEVICE_INIT) */
    BCSIM__WDF_EV_DRIVER_UNLOAD,         /* VOID (WDFDRIVER) */
    BCSIM__WDF_EV_PREPARE_HARDWARE,      /* NTSTATUS (WDFDEVICE, WDFCMRESLIST raw, translated) */
    BCSIM__WDF_EV_RELEASE_HARDWARE,      /* NTSTATUS (WDFDEVICE, WDFCMRESLIST translated) */
    BCSIM__WDF_EV_D0_ENTRY,              /* NTSTATUS (WDFDEVICE, WDF_POWER_DEVICE_STATE) */
    BCSIM__WDF_EV_D0_ENTRY_POST_INTERRUPTS,
    BCSIM__WDF_EV_D0_EXIT_PRE_INTERRUPTS,
    BCSIM__WDF_EV_D0_EXIT,
    BCSIM__WDF_EV_SMIO_INIT,             /* NTSTATUS (WDFDEVICE) */
    BCSIM__WDF_EV_SMIO_SUSPEND,
    BCSIM__WDF_EV_SMIO_RESTART,
    BCSIM__WDF_EV_QUERY_REMOVE,
    BCSIM__WDF_EV_QUERY_STOP,
    BCSIM__WDF_EV_SMIO_FLUSH,            /* VOID (WDFDEVICE) */
    BCSIM__WDF_EV_SMIO_CLEANUP,
    BCSIM__WDF_EV_SURPRISE_REMOVAL,
    BCSIM__WDF_EV_INTERRUPT_ENABLE,      /* NTSTATUS (WDFINTERRUPT, WDFDEVICE) */
    BCSIM__WDF_EV_INTERRUPT_DISABLE,
    BCSIM__WDF_EV_DMA_FILL,              /* NTSTATUS (WDFDMAENABLER) */
    BCSIM__WDF_EV_DMA_ENABLE,
    BCSIM__WDF_EV_DMA_SMIO_START,
    BCSIM__WDF_EV_DMA_SMIO_STOP,
    BCSIM__WDF_EV_DMA_DISABLE,
    BCSIM__WDF_EV_DMA_FLUSH,
    BCSIM__WDF_EV_CLEANUP,               /* VOID (WDFOBJECT) */
    BCSIM__WDF_EV_DESTROY,
    BCSIM__WDF_EV_COUNT
};

/* What WDF_OBJECT_ATTRIBUTES say, in builtin types (all zero: no attributes given). */
typedef struct bcsim__wdf_attrs {
    void *cleanup, *destroy;         /* EvtCleanupCallback, EvtDestroyCallback */
    void *parent;                    /* ParentObject */
    const void *ctx_type;            /* ContextTypeInfo->UniqueType, NULL for no context */
    const char *ctx_name;
    bcsim__u64 ctx_size;             /* the larger of ContextSizeOverride and ContextSize */
    int present;                     /* attributes were given */
    int valid;                       /* Size matched a known WDF_OBJECT_ATTRIBUTES */
} bcsim__wdf_attrs_t;

/* How an object's parent is chosen (Learn: each Create routine's ParentObject rules). */
#define BCSIM__WDF_PARENT_DEFAULT  0  /* ParentObject if given, else the default parent */
#define BCSIM__WDF_PARENT_REQUIRED 1  /* ParentObject must be given (a device, queue, ...) */
#define BCSIM__WDF_PARENT_FIXED    2  /* always the default parent; another ParentObject fails */

/* Creates an object; *status is STATUS_SUCCESS or the framework's failure. The handle or NULL. */
void *bcsim__wdf_object_new(enum bcsim__wdf_kind kind, const bcsim__wdf_attrs_t *attrs,
                            void *default_parent, int parent_rule, void *ext, void *caller,
                            bcsim__i32 *status);
/* The ext block of a live object of that kind (BCSIM__WDF_ANY: any); an unknown, deleted or
 * wrong-kind handle is reported against routine `id` and gives NULL. */
void *bcsim__wdf_object_ext(const void *handle, enum bcsim__wdf_kind kind,
                            enum bcsim__export_id id, void *caller);
/* 1 for a live object of that kind; otherwise reported like bcsim__wdf_object_ext, 0. For
 * objects without an ext block (generic objects, keys). */
int bcsim__wdf_object_check(const void *handle, enum bcsim__wdf_kind kind,
                            enum bcsim__export_id id, void *caller);
/* Quiet queries: the kind (-1 unknown), the parent (NULL). */
int bcsim__wdf_object_kind(const void *handle);
void *bcsim__wdf_object_parent(const void *handle);
/* The driver callback for a role on this object (interrupts, DMA enablers, devices). */
void bcsim__wdf_object_set_event(const void *handle, enum bcsim__wdf_event ev, void *fn);
/* WdfObjectDelete: the rules of Learn's page (objects the framework deletes itself are refused
 * and reported), then cleanup (children first), then destroy when no reference is left. */
void bcsim__wdf_object_delete(const void *handle, enum bcsim__export_id id, void *caller);
/* WdfObjectReference (+1) / WdfObjectDereference (-1). */
void bcsim__wdf_object_reference(const void *handle, int delta, enum bcsim__export_id id,
                                 void *caller);
/* WdfObjectAcquireLock / WdfObjectReleaseLock: the object's synchronization lock. */
void bcsim__wdf_object_lock(const void *handle, int acquire, enum bcsim__export_id id, void *caller);
/* Typed contexts: the one of `type` (UniqueType) or NULL; WdfObjectAllocateContext; the object
 * a context belongs to. */
void *bcsim__wdf_context(const void *handle, const void *type, void *caller);
bcsim__i32 bcsim__wdf_context_allocate(const void *handle, const bcsim__wdf_attrs_t *attrs,
                                       void **context, void *caller);
void *bcsim__wdf_context_object(const void *context, void *caller);
/* A framework buffer the object owns (nonpaged or paged pool, freed when it is destroyed). */
void *bcsim__wdf_object_pool(const void *handle, bcsim__u64 size, int paged, bcsim__u32 tag,
                             void *caller);

/* A required parameter was NULL (WDF_NULL_PARAMETER, 0x10D / WDF_REQUIRED_PARAMETER_IS_NULL). */
void bcsim__wdf_null_parameter(enum bcsim__export_id id, const char *parameter, void *caller);

/* WdfDriverCreate: *handle the WDFDRIVER; STATUS_SUCCESS or the failure. */
bcsim__i32 bcsim__wdf_driver_new(void *driver_object, const bcsim__wdf_attrs_t *attrs,
                                 void *device_add, void *unload, bcsim__u32 flags,
                                 bcsim__u32 pool_tag, void *ext, void *caller, void **handle);
void *bcsim__wdf_driver_of(const void *driver_object);     /* the WDFDRIVER, or NULL */
void *bcsim__wdf_driver_of_caller(void *caller);           /* the calling image's WDFDRIVER */
bcsim__u32 bcsim__wdf_driver_tag(const void *object);      /* the pool tag for its driver */
/* The DriverUnload KMDF installs: EvtDriverUnload, then the driver object's deletion. */
void bcsim__wdf_framework_unload(void *driver_object);

/* WdfDeviceCreate: `control` for WdfControlDeviceInitAllocate's devices; `events` holds the
 * PnP/power callbacks by role (BCSIM__WDF_EV_COUNT entries). */
void *bcsim__wdf_device_new(void *driver, int control, const bcsim__wdf_attrs_t *attrs,
                            void *const *events, void *ext, void *caller, bcsim__i32 *status);
/* The simulated device's PCI function: 1 and bus, slot (PCI_SLOT_NUMBER) if it has one. */
int bcsim__wdf_device_pci_slot(const void *device, bcsim__u32 *bus, bcsim__u32 *slot);
/* A device property (IoGetDeviceProperty's values): STATUS_SUCCESS, BUFFER_TOO_SMALL with
 * *result the size, or INVALID_PARAMETER_2 for a property the device has no value for. */
bcsim__i32 bcsim__wdf_device_property(const void *device, bcsim__u32 property, void *buffer,
                                      bcsim__u32 length, bcsim__u32 *result);
/* Whether the device is in D0 (WdfDeviceGetDevicePowerState) and started (PnP state). */
int bcsim__wdf_device_state(const void *device, int *started);

/* Registry keys of the simulated device (roots: 1 the driver's Parameters key, 2 the device's
 * hardware key, 3 its software key; 0 a subkey of `parent`). */
void *bcsim__wdf_registry_open(const void *parent, int root, const unsigned short *name,
                               bcsim__u32 units, int create, const bcsim__wdf_attrs_t *attrs,
                               void *default_parent, void *caller, bcsim__i32 *status,
                               bcsim__u32 *disposition);
/* A value: STATUS_SUCCESS with its type, data and size, or OBJECT_NAME_NOT_FOUND. */
bcsim__i32 bcsim__wdf_registry_query(const void *key, const unsigned short *name, bcsim__u32 units,
                                     bcsim__u32 *type, const void **data, bcsim__u32 *size,
                                     void *caller);
bcsim__i32 bcsim__wdf_registry_assign(const void *key, const unsigned short *name,
                                      bcsim__u32 units, bcsim__u32 type, const void *data,
                                      bcsim__u32 size, void *caller);
bcsim__i32 bcsim__wdf_registry_remove(const void *key, const unsigned short *name,
                                      bcsim__u32 units, int whole_key, void *caller);

/* A resource as the harness describes it; the shim world turns a list of them into a
 * CM_PARTIAL_RESOURCE_LIST. */
typedef struct bcsim__wdf_res {
    bcsim__u32 type, share, flags;
    bcsim__u64 start;                /* port/memory address, bus number, DMA channel */
    bcsim__u32 length;               /* bytes, buses; MessageCount of a raw message interrupt */
    bcsim__u32 level, vector;        /* interrupts */
    bcsim__u64 affinity;
} bcsim__wdf_res_t;

/* ---- the shim world's side of the KMDF model (src/nt/wdf_*.c) ---------------------------------- */
/* Calls driver callback fn for role ev: its NTSTATUS (BOOLEAN as 0/1, VOID as 0). */
bcsim__i32 bcsim__wdf_nt_invoke(enum bcsim__wdf_event ev, void *fn, void *a, void *b, void *c,
                                bcsim__u32 value);
/* The PnP manager's physical device object for the simulated device. */
void *bcsim__wdf_nt_pdo_new(bcsim__u32 instance);
/* A WDFDEVICE_INIT for EvtDriverDeviceAdd (FDO, attached above pdo); freed after the call. */
void *bcsim__wdf_nt_device_init_new(void *driver, void *pdo);
void bcsim__wdf_nt_device_init_free(void *init);
/* After a successful EvtDriverDeviceAdd: DO_DEVICE_INITIALIZING cleared. */
void bcsim__wdf_nt_device_finish(void *device_ext);
/* The ext of a resource list (a CM_PARTIAL_RESOURCE_LIST in OS memory). */
void *bcsim__wdf_nt_resource_list(const bcsim__wdf_res_t *res, bcsim__u32 count);
/* The resource list's translated interrupt descriptors, for interrupts created without one. */
int bcsim__wdf_nt_interrupt_bind(void *interrupt_ext, const void *translated_list_ext,
                                 const void *raw_list_ext, bcsim__u32 index);
/* The IRQL an interrupt's EvtInterruptEnable/Disable runs at (its DIRQL, or PASSIVE_LEVEL). */
unsigned char bcsim__wdf_nt_interrupt_irql(const void *interrupt_ext);

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_BRIDGE_H */
