/**
 * @file bcsim.h
 * @brief bcsim's harness API: boot a simulated machine, load drivers, run bug checks,
 *        inspect the callback lists, and read back what happened.
 *
 * This header is the harness world: it uses <stdint.h>/<stdbool.h> types only and never
 * includes a shim (WDK) header; driver code never includes it (STYLE rule 1).
 *
 * One simulated machine exists at a time, because the kernel routines drivers call
 * (KeRegisterBugCheckCallback, ...) are global functions. Typical use:
 *
 * @code
 *   bcsim_config_t cfg;
 *   bcsim_config_init(&cfg);
 *   cfg.dump_path = "/tmp/demo.dmp";
 *
 *   bcsim_sim_t *sim;
 *   bcsim_driver_t *drv;
 *   const bcsim_result_t *res;
 *   if (bcsim_sim_create(&cfg, &sim) != 0) abort();
 *   bcsim_driver_load(sim, "build/examples/secondary_data.so", NULL, &drv);
 *   uint64_t p[4] = { 1, 2, 3, 4 };
 *   bcsim_sim_bugcheck(sim, 0xE2, p, &res);          // MANUALLY_INITIATED_CRASH
 *   for (uint32_t i = 0; i < res->call_count; i++)
 *       printf("%s %s\n", bcsim_reason_name(res->calls[i].reason), res->calls[i].component);
 *   bcsim_sim_destroy(sim);
 * @endcode
 *
 * Functions return 0 or a negative BCSIM_E* code (bcsim_strerror() names it).
 */
#ifndef BCSIM_H
#define BCSIM_H

#include <stdbool.h>
#include <stdint.h>

#include "bcsim/violations.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BCSIM_VERSION_MAJOR 0
#define BCSIM_VERSION_MINOR 1
#define BCSIM_VERSION_PATCH 0

/** The driver ABI this bcsim loads: the value of the `bcsim_driver_abi_version` marker every
 *  module built with bcsim_add_driver() carries (cmake/bcsim_driver_marker.c). */
#define BCSIM_DRIVER_ABI_VERSION 1

/** @return the library version as "major.minor.patch". */
const char *bcsim_version(void);

/* ------------------------------------------------------------------------------------- */
/** @name Errors */
/**@{*/
/** Every error the harness API returns: XX(NAME, value, "message"). */
#define BCSIM_ERRNO_MAP(XX)                                                    \
    XX(EINVAL,     -1,  "invalid argument")                                    \
    XX(ENOMEM,     -2,  "out of memory")                                       \
    XX(EBUSY,      -3,  "a simulated machine already exists")                  \
    XX(ENOENT,     -4,  "no such file")                                        \
    XX(ENOTDRIVER, -5,  "not a bcsim driver module (built without bcsim_add_driver)") \
    XX(ENOENTRY,   -6,  "driver module has no DriverEntry")                    \
    XX(EIO,        -7,  "input/output error")                                  \
    XX(EFORMAT,    -8,  "malformed input")                                     \
    XX(ESTATE,     -9,  "not possible in the simulated machine's current state") \
    XX(ENOTFOUND,  -10, "not found")                                           \
    XX(EBUGCHECK,  -11, "a bug check occurred")                                \
    XX(EDRIVER,    -12, "DriverEntry failed")                                  \
    XX(EINTERNAL,  -13, "internal error")                                    \
    XX(ENOUNLOAD,  -14, "the driver set no DriverUnload routine: Windows cannot unload it")

#define BCSIM__ERRNO_ENUM(name, value, msg) BCSIM_##name = (value),
enum { BCSIM_OK = 0, BCSIM_ERRNO_MAP(BCSIM__ERRNO_ENUM) };
#undef BCSIM__ERRNO_ENUM

/** @return a static message for a BCSIM_E* code (or "unknown error"). */
const char *bcsim_strerror(int err);

/** A one-line description of the last error (e.g. dlopen's message), or "". */
const char *bcsim_last_error(void);
/**@}*/

/* ------------------------------------------------------------------------------------- */
/** @name Windows values, in harness-world names */
/**@{*/
/** KBUGCHECK_CALLBACK_REASON values, plus BCSIM_REASON_LEGACY for KeRegisterBugCheckCallback. */
typedef enum bcsim_reason {
    BCSIM_REASON_LEGACY = -1,
    BCSIM_REASON_INVALID = 0,
    BCSIM_REASON_RESERVED1 = 1,
    BCSIM_REASON_SECONDARY_DUMP_DATA = 2,
    BCSIM_REASON_DUMP_IO = 3,
    BCSIM_REASON_ADD_PAGES = 4,
    BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA = 5,
    BCSIM_REASON_REMOVE_PAGES = 6,
    BCSIM_REASON_TRIAGE_DUMP_DATA = 7,
    BCSIM_REASON_RESERVED2 = 8,
    BCSIM_REASON_RESERVED3 = 9,
} bcsim_reason_t;

/** KBUGCHECK_BUFFER_DUMP_STATE values (the record's State byte). */
typedef enum bcsim_state {
    BCSIM_STATE_EMPTY = 0,
    BCSIM_STATE_INSERTED = 1,
    BCSIM_STATE_STARTED = 2,
    BCSIM_STATE_FINISHED = 3,
    BCSIM_STATE_INCOMPLETE = 4,
} bcsim_state_t;

/** KBUGCHECK_DUMP_IO_TYPE values. */
typedef enum bcsim_dump_io_type {
    BCSIM_DUMP_IO_INVALID = 0,
    BCSIM_DUMP_IO_HEADER = 1,
    BCSIM_DUMP_IO_BODY = 2,
    BCSIM_DUMP_IO_SECONDARY_DATA = 3,
    BCSIM_DUMP_IO_COMPLETE = 4,
} bcsim_dump_io_type_t;

/** Dump configurations. The value is the DUMP_TYPE callbacks see (bugcheck-api.md 1.4). */
typedef enum bcsim_dump_type {
    BCSIM_DUMP_NONE = 0,     /**< no dump: no dump-time callbacks */
    BCSIM_DUMP_FULL = 1,     /**< complete memory dump, DumpType 1 (physical memory runs) */
    BCSIM_DUMP_HEADER = 3,   /**< header only */
    BCSIM_DUMP_SMALL = 4,    /**< callbacks see DUMP_TYPE_TRIAGE and minidump limits; file is DumpType 5 */
    BCSIM_DUMP_BITMAP = 5,   /**< kernel memory dump, DumpType 5 (bitmap); the default */
} bcsim_dump_type_t;

/** 128-bit GUID with the Windows field layout. */
typedef struct bcsim_guid {
    uint32_t data1;
    uint16_t data2;
    uint16_t data3;
    uint8_t data4[8];
} bcsim_guid_t;


/** "KbCallbackSecondaryDumpData", "legacy", ... for a bcsim_reason_t. */
const char *bcsim_reason_name(int32_t reason);
/** Parses "SecondaryDumpData", "KbCallbackSecondaryDumpData", "legacy" or a number. */
int bcsim_reason_parse(const char *text, int32_t *reason);
/** "BufferInserted", ... */
const char *bcsim_state_name(uint32_t state);
/** "KbDumpIoHeader", ... */
const char *bcsim_dump_io_type_name(uint32_t type);
/** "MANUALLY_INITIATED_CRASH" for 0xE2, NULL if unknown. */
const char *bcsim_bugcheck_name(uint32_t code);
/** Parses "0xE2", "226", "MANUALLY_INITIATED_CRASH". */
int bcsim_bugcheck_parse(const char *text, uint32_t *code);
/** Formats a GUID as {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} into buf (>= 39 bytes). */
char *bcsim_guid_format(const bcsim_guid_t *guid, char *buf);
/** Parses the 8-4-4-4-12 form (braces optional) and WinDbg's 8-4-4-16 form. */
int bcsim_guid_parse(const char *text, bcsim_guid_t *guid);
/**@}*/

/* ------------------------------------------------------------------------------------- */
/** @name Configuration: every UNDOC model choice is a knob (dispatcher-model.md 10) */
/**@{*/
typedef enum bcsim_walk_mode { BCSIM_WALK_STRICT = 0, BCSIM_WALK_TOLERANT = 1 } bcsim_walk_mode_t;
typedef enum bcsim_nested_policy { BCSIM_NESTED_HALT = 0, BCSIM_NESTED_CONTAIN = 1 } bcsim_nested_policy_t;
typedef enum bcsim_fault_policy { BCSIM_FAULT_CONTAIN = 0, BCSIM_FAULT_HALT = 1 } bcsim_fault_policy_t;
typedef enum bcsim_bugcheck_on { BCSIM_BUGCHECK_ON_NONE = 0, BCSIM_BUGCHECK_ON_VIOLATIONS = 1,
                                 BCSIM_BUGCHECK_ON_ALL = 2 } bcsim_bugcheck_on_t;

/** Called with each complete line a driver prints (DbgPrint, DbgPrintEx, KdPrint). */
typedef void (*bcsim_line_sink_t)(void *ctx, const char *line);

struct bcsim_violation;
struct bcsim_call;

typedef struct bcsim_config {
    /* the crash */
    uint32_t dump_type;             /**< BCSIM_DUMP_*; default BCSIM_DUMP_BITMAP */
    const char *dump_path;          /**< file to write; NULL = stream to DumpIo only */
    int dump_fd;                    /**< >= 0: write the dump into this open file instead (a
                                         supervising process creates and publishes it; dump_path
                                         then only names it); -1 (default): dump_path */
    bool live;                      /**< live-dump mode: triage Flags without BUGCHECK_ACTIVE */
    uint32_t build_number;          /**< reported build (header MinorVersion, NtBuildNumber); 22000 */
    uint64_t dump_min_size;         /**< pad the dump with zero pages up to this size (LeechCore) */
    /* registration and lists */
    bool register_duplicate_check;  /**< register.duplicate_check (on) */
    bool register_bad_record_bugcheck; /**< register.bad_record: true = bug check 0xA, false = return FALSE */
    bool list_fifo;                 /**< list.order = FIFO everywhere (default LIFO, triage FIFO) */
    bool list_corruption_bugcheck;  /**< list.corruption: raise 0x139 (default) or report only */
    uint32_t walk_mode;             /**< walk.mode: BCSIM_WALK_STRICT (default) or TOLERANT */
    bool reserved_invoke;           /**< reserved.invoke (on) */
    /* per-reason protocol */
    bool triage_only_with_dump;     /**< triage.when = only when a dump is configured */
    uint32_t triage_max_virt_mem;   /**< triage.max_virt_mem (0x2000000) */
    bool pages_neither_reject;      /**< pages.neither_flag = reject (default physical) */
    uint32_t pages_max_calls;       /**< pages.max_calls (65536) */
    uint64_t pages_max_pages;       /**< pages.max_pages (262144) */
    uint64_t secondary_total;       /**< secondary.total; 0 = per dump type (256 MiB / 64 KiB) */
    uint64_t secondary_per_callback;/**< secondary.per_callback; 0 = per dump type (64 MiB / 4 KiB) */
    uint32_t secondary_inbuffer;    /**< secondary.inbuffer: 0 = page geometry, else a fixed length */
    bool secondary_skip_record_on_invalid; /**< secondary.on_invalid (size pass) = skip_record (default abort_phase) */
    bool secondary_abort_on_invalid_data; /**< secondary.on_invalid_data (data pass) = abort_phase (default skip_record) */
    bool secondary_overgrow_drop;   /**< secondary.overgrow = drop (default truncate to the reservation) */
    bool secondary_builtin;         /**< secondary.builtin (on) */
    bool secondary_packed;          /**< secondary.framing = packed (default page-granular) */
    uint32_t multipart_max_parts;   /**< multipart.max_parts (1024) */
    bool multipart_blob_per_part;   /**< multipart.layout = blob_per_part (default one_blob) */
    bool multipart_no_device_access_input; /**< multipart.no_device_access_input */
    bool dumpio_real_offsets;       /**< dumpio.offsets = real (default -1, sequential) */
    uint32_t dumpio_body_chunk_pages;/**< dumpio.body_chunk_pages (16) */
    /* the verifier */
    uint32_t nested;                /**< nested: BCSIM_NESTED_HALT (default) or CONTAIN */
    uint32_t fault;                 /**< fault: BCSIM_FAULT_CONTAIN (default) or HALT */
    bool contain;                   /**< false: let faults through to ASan/libFuzzer/gdb */
    uint32_t watchdog_virtual_ms;   /**< watchdog.virtual_ms (120000): virtual time one call may use */
    uint32_t watchdog_wall_ms;      /**< watchdog.wall_ms (5000): wall time with no progress (no
                                         kernel call, no virtual-time advance) that is a hang */
    uint32_t watchdog_slow_ms;      /**< watchdog.slow_ms (1000): virtual time above which one call
                                         is reported SLOW_CALLBACK (a warning; it runs to the end) */
    uint32_t watchdog_cpu_ms;       /**< watchdog.cpu_ms: optional CPU-time budget per call (0 = off) */
    uint32_t callback_stack_bytes;  /**< callback.stack_bytes (0x6000) */
    bool pool_special;              /**< pool.special (on; with the verifier): every pool block on
                                         pages of its own, freed blocks inaccessible (quarantine) */
    uint64_t pool_quarantine;       /**< pool.quarantine: bytes of freed special pool kept
                                         inaccessible before their pages are reused (64 MiB) */
    bool auxklib_outside_error;     /**< auxklib.outside_bugcheck = error status */
    bool verifier;                  /**< verifier (on): off drops the Driver-Verifier-style rule
                                         checks on driver calls (bcsim_violation_is_verifier_rule)
                                         and leaves pageable memory accessible at HIGH_LEVEL; the
                                         dispatcher's checks and fault/hang containment stay */
    uint32_t verifier_bugcheck_on;  /**< verifier.bugcheck_on (none) */
    bool verifier_strsafe_copy_violation; /**< verifier.strsafe_copy = violation (default warn) */
    bool dbgprint_filter_windows;   /**< dbgprint.filter = windows: only what a debugger shows by
                                         default (DPFLTR_ERROR_LEVEL); default all */
    /* output */
    bcsim_line_sink_t dbgprint_sink;/**< live DbgPrint lines (the CLI prints them) */
    void *dbgprint_ctx;
    /** Streamed while the machine runs, for a supervising process that must keep what a boot
     *  said before driver code ended it: each finding once its file:line is known (before the
     *  next piece of driver code runs), each callback call once the dispatcher is done with it,
     *  each bug check as it begins. NULL: not streamed. */
    void (*on_finding)(void *ctx, const struct bcsim_violation *v, bool during_bugcheck);
    void (*on_call)(void *ctx, const struct bcsim_call *call);
    void (*on_bugcheck)(void *ctx, uint32_t code, const uint64_t params[4]);
    /** The dump file is finished (status 0: complete, or deliberately kept truncated by a
     *  halt; else a BCSIM_E* code and the reason): later callbacks cannot change it. */
    void (*on_dump)(void *ctx, int32_t status, uint64_t size, const char *error);
    void *event_ctx;
    /** Wall-clock deadline of one boot, enforced by the supervising process (knob
     *  boot.deadline_ms, 30000; 0 = none). bcsim itself does not use it. */
    uint32_t boot_deadline_ms;
    /** Called while the dump body is written (done/total bytes), e.g. for a progress bar. */
    void (*progress)(void *ctx, uint64_t done, uint64_t total);
    void *progress_ctx;
} bcsim_config_t;

/** Fills cfg with the defaults listed above. */
void bcsim_config_init(bcsim_config_t *cfg);

/**
 * Sets one knob by its spec name ("walk.mode", "secondary.total", "dump.type", ...) from
 * text ("tolerant", "64KiB", "bitmap"). @return 0, or BCSIM_EINVAL with *err set to a
 * one-line reason (static storage).
 */
int bcsim_config_set(bcsim_config_t *cfg, const char *knob, const char *value, const char **err);

/** One knob, for people and tools (`bcsim knobs`, man pages, shell completion). */
typedef struct bcsim_knob_info {
    const char *name;            /**< "walk.mode" */
    const char *values;          /**< what it accepts: "strict|tolerant", "on|off", "a size (...)" */
    const char *default_value;   /**< bcsim_config_init()'s value, in the knob's own words */
    const char *description;     /**< one line */
} bcsim_knob_info_t;
/** Number of knobs. */
uint32_t bcsim_knob_count(void);
/** Knob @p index (0..count-1). @return 0 or BCSIM_ENOTFOUND. Strings are static. */
int bcsim_knob_info(uint32_t index, bcsim_knob_info_t *out);
/** The index of a knob by name. @return 0 or BCSIM_ENOTFOUND. */
int bcsim_knob_lookup(const char *name, uint32_t *index);
/**@}*/

/* ------------------------------------------------------------------------------------- */
/** @name Findings */
/**@{*/
#define BCSIM__VIOLATION_ENUM(name, sev, msg) BCSIM_V_##name,
/** One id per entry of BCSIM_VIOLATION_MAP. */
typedef enum bcsim_violation_id {
    BCSIM_VIOLATION_MAP(BCSIM__VIOLATION_ENUM)
    BCSIM_V__COUNT
} bcsim_violation_id_t;
#undef BCSIM__VIOLATION_ENUM

typedef enum bcsim_severity {
    BCSIM_SEV_INFO = 0,
    BCSIM_SEV_WARNING = 1,
    BCSIM_SEV_VIOLATION = 2,
} bcsim_severity_t;

/** One finding. Strings live as long as the simulated machine. */
typedef struct bcsim_violation {
    uint32_t id;                 /**< bcsim_violation_id_t */
    uint32_t severity;           /**< bcsim_severity_t */
    const char *name;            /**< "RECORD_MODIFIED" */
    const char *message;         /**< the table message plus the specifics of this occurrence */
    const char *file;            /**< driver call site or faulting line; "?" if unknown */
    uint32_t line;
    const char *function;        /**< driver function, or NULL */
    uint64_t pc;                 /**< the call site / faulting instruction address */
    const char *component;       /**< record Component, or NULL */
    int32_t reason;              /**< bcsim_reason_t of the callback involved, or INT32_MIN */
    uint32_t bugcheck_code;      /**< what Windows / Driver Verifier would raise; 0 = none */
    uint64_t bugcheck_params[4];
    uint64_t address;            /**< memory referenced, record, or 0 */
    uint32_t call_seq;           /**< index into bcsim_result_t.calls, or UINT32_MAX */
} bcsim_violation_t;

/** Stable name of a violation id ("RECORD_MODIFIED"), NULL if out of range. */
const char *bcsim_violation_name(uint32_t id);
/** Looks a violation up by name. @return 0 or BCSIM_ENOTFOUND. */
int bcsim_violation_lookup(const char *name, uint32_t *id);
/** Default severity of a violation id. */
uint32_t bcsim_violation_severity(uint32_t id);
/** True for the rule checks the knob `verifier = off` turns off (IRQL, pool, sync, strsafe,
 *  DbgPrint, PAGED_CODE, pageable-memory and device-access rules); false for the dispatcher's
 *  checks, faults, hangs and deadlocks, which are always reported. */
bool bcsim_violation_is_verifier_rule(uint32_t id);
/**
 * Formats a finding the one way bcsim prints it everywhere:
 * "file:line: NAME: message [component, reason, would bug check 0x..]".
 * @return the number of characters that the full line needs (as snprintf).
 */
int bcsim_violation_format(const bcsim_violation_t *v, char *buf, uint64_t size);
/**@}*/

/* ------------------------------------------------------------------------------------- */
/** @name The simulated machine and its drivers */
/**@{*/
typedef struct bcsim_sim bcsim_sim_t;
typedef struct bcsim_driver bcsim_driver_t;
typedef struct bcsim_result bcsim_result_t;

/**
 * Boots a simulated machine: empty callback lists, KiBugCheckData zero, IRQL PASSIVE_LEVEL,
 * fresh pool arenas. @return BCSIM_EBUSY if one already exists.
 */
int bcsim_sim_create(const bcsim_config_t *cfg, bcsim_sim_t **out);

/** Shuts the machine down; every result and string it handed out becomes invalid. */
void bcsim_sim_destroy(bcsim_sim_t *sim);

/** The configuration in effect (may be changed between bug checks). */
bcsim_config_t *bcsim_sim_config(bcsim_sim_t *sim);

/**
 * Loads a driver module built with bcsim_add_driver() and calls its DriverEntry with a
 * simulated DRIVER_OBJECT and registry path (NULL = "\Registry\Machine\System\
 * CurrentControlSet\Services\<module name>"). @return 0; BCSIM_ENOENT, BCSIM_ENOTDRIVER,
 * BCSIM_ENOENTRY for bad modules; BCSIM_EDRIVER if DriverEntry failed (the driver is then
 * unloaded, as Windows does); BCSIM_EBUGCHECK if DriverEntry bug-checked (see
 * bcsim_sim_last_result()).
 */
int bcsim_driver_load(bcsim_sim_t *sim, const char *path, const char *registry_path,
                      bcsim_driver_t **out);

/**
 * Like bcsim_driver_load() for a driver already linked into the calling program:
 * @p driver_entry is its DriverEntry (a DRIVER_INITIALIZE routine).
 */
int bcsim_driver_attach(bcsim_sim_t *sim, const char *name, void *driver_entry,
                        const char *registry_path, bcsim_driver_t **out);

/** NTSTATUS DriverEntry returned. */
int32_t bcsim_driver_status(const bcsim_driver_t *drv);
/** The module's name ("secondary_data"). */
const char *bcsim_driver_name(const bcsim_driver_t *drv);
/** Address of the simulated DRIVER_OBJECT (for tests that inspect it). */
void *bcsim_driver_object(const bcsim_driver_t *drv);

/**
 * Calls the driver's DriverUnload and reports every bug-check record or routine still
 * registered inside its image (DRIVER_UNLOADED_WITH_RECORDS, 0xCE). The image is then
 * treated as unloaded memory: a later walk that reaches it stops safely. A driver that set
 * no DriverUnload cannot be unloaded on Windows (Learn: "DRIVER_UNLOAD"): nothing happens
 * and the call returns BCSIM_ENOUNLOAD.
 */
int bcsim_driver_unload(bcsim_sim_t *sim, bcsim_driver_t *drv);

/**
 * Runs a bug check exactly as KeBugCheckEx(code, params[0..3]) from harness context would
 * (dispatcher-model.md 6): callbacks at HIGH_LEVEL, the dump, the legacy callbacks, then
 * the machine halts. @p out receives the result (owned by the machine).
 * @return 0, or BCSIM_ESTATE if the machine is halted (call bcsim_sim_reboot()).
 */
int bcsim_sim_bugcheck(bcsim_sim_t *sim, uint32_t code, const uint64_t params[4],
                       const bcsim_result_t **out);

/**
 * Calls driver code from a test (e.g. a driver's own API) with a catch point, so that a bug
 * check it raises ends the call instead of the program. @return 0, or BCSIM_EBUGCHECK (the
 * result is then bcsim_sim_last_result()).
 */
int bcsim_sim_call(bcsim_sim_t *sim, void (*fn)(void *), void *arg);

/** The result of the most recent bug check (harness- or driver-initiated), or NULL. */
const bcsim_result_t *bcsim_sim_last_result(bcsim_sim_t *sim);

/**
 * "Reboots": re-initialises every list and KiBugCheckData, IRQL to PASSIVE_LEVEL. Loaded
 * drivers stay loaded but their records are forgotten, as after a real reboot the image
 * would be reloaded; results already returned stay valid.
 */
int bcsim_sim_reboot(bcsim_sim_t *sim);

/**
 * What driver code a boot is running, kept by bcsim in memory a supervising process shares
 * (bcsim_set_activity()). `bcsim run` reads it when a boot child dies or misses its deadline,
 * to name the code in the finding. Written by bcsim before and after each piece of driver code;
 * kind is BCSIM_ACTIVITY_NONE (and `what` empty) while bcsim's own code runs.
 */
typedef enum bcsim_activity_kind {
    BCSIM_ACTIVITY_NONE = 0,          /**< bcsim's own code */
    BCSIM_ACTIVITY_CONSTRUCTOR = 1,   /**< a module's static constructors (while it is loaded) */
    BCSIM_ACTIVITY_DRIVER_ENTRY = 2,
    BCSIM_ACTIVITY_DRIVER_UNLOAD = 3,
    BCSIM_ACTIVITY_CALLBACK = 4,      /**< a bug-check callback */
    BCSIM_ACTIVITY_OTHER = 5,         /**< driver code a test called (bcsim_sim_call()) */
} bcsim_activity_kind_t;

typedef struct bcsim_activity {
    volatile uint32_t kind;      /**< bcsim_activity_kind_t */
    int32_t reason;              /**< the callback's bcsim_reason_t, INT32_MIN otherwise */
    uint32_t call_seq;           /**< the callback's index in the bug check, UINT32_MAX otherwise */
    uint32_t line;               /**< line of `file` (the routine's first line), 0 if unknown */
    uint64_t routine;            /**< address of the driver routine called, 0 if none */
    char what[160];              /**< "KbCallbackDumpIo callback MyDumpIo (mydrv)", "DriverEntry of mydrv" */
    char driver[64];             /**< the module ("mydrv") */
    char component[64];          /**< the record's Component, "" outside callbacks */
    char function[96];           /**< the routine's symbol, "" if none */
    char file[256];              /**< the routine's source file (DWARF), "" if unknown */
    char last[160];              /**< `what` of the most recent driver code, kept after it returns */
} bcsim_activity_t;

/**
 * Makes bcsim keep @p a up to date (NULL stops it). Process-wide; set it before
 * bcsim_sim_create() in a boot child.
 */
void bcsim_set_activity(bcsim_activity_t *a);

/**
 * Protects a file descriptor the caller relies on (standard output and error, a channel to a
 * supervising process): bcsim keeps a private copy and, after each piece of driver code,
 * checks that @p fd still refers to the same file; if driver code closed or replaced it, bcsim
 * puts it back and reports DESCRIPTOR_TAMPERED. At most 8. @return 0 or BCSIM_EINVAL.
 */
int bcsim_protect_fd(int fd);

/** true if a debugger (gdb) is attached to this process: containment is then off. */
bool bcsim_debugger_attached(void);

/** true while the machine is halted after a bug check. */
bool bcsim_sim_halted(const bcsim_sim_t *sim);

/**
 * Scripts the values reads of a port (READ_PORT_*) or register (READ_REGISTER_*) return, in
 * order; after the last, the last value repeats. Unscripted ports read as all ones.
 * count 0 removes the script.
 */
int bcsim_sim_port_script(bcsim_sim_t *sim, uint64_t address, bool is_register,
                          const uint64_t *values, uint32_t count);

/**
 * Gives PCI function bus:device.function (bus 0-255 of segment 0, device 0-31, function 0-7) a
 * configuration space for HalGetBusDataByOffset / HalSetBusDataByOffset: `config` is its first
 * `length` bytes (at most 4096; the space is at least 256 bytes, the rest zero). Buses up to the
 * highest scripted one exist; every other slot is empty (reads return 2, PCI_INVALID_VENDORID).
 * length 0 removes the function. Scripts last until bcsim_sim_destroy().
 * @return 0, BCSIM_EINVAL or BCSIM_ENOMEM.
 */
int bcsim_sim_pci_config(bcsim_sim_t *sim, uint32_t bus, uint32_t device, uint32_t function,
                         const uint8_t *config, uint32_t length);

/* ---- the simulated device (KMDF) ---------------------------------------------------------- */
/** A hardware resource of the simulated device, as the PnP manager assigns it (README "KMDF"). */
typedef struct bcsim_device_resource {
    uint32_t type;      /**< the CmResourceType: BCSIM_RESOURCE_* */
    uint64_t start;     /**< port or memory address; interrupt line (first vector of a message
                             interrupt); DMA channel; first bus number */
    uint64_t length;    /**< bytes of a port or memory range; buses; messages of a
                             message-signalled interrupt (0: a line-based interrupt) */
    uint32_t flags;     /**< CM_RESOURCE_* flags; 0: the type's default (port CM_RESOURCE_PORT_IO,
                             memory read/write, interrupt level-sensitive or, with messages,
                             latched + CM_RESOURCE_INTERRUPT_MESSAGE) */
    uint32_t share;     /**< CM_SHARE_DISPOSITION; 0: CmResourceShareDeviceExclusive */
} bcsim_device_resource_t;

#define BCSIM_RESOURCE_PORT       1u
#define BCSIM_RESOURCE_INTERRUPT  2u
#define BCSIM_RESOURCE_MEMORY     3u
#define BCSIM_RESOURCE_DMA        4u
#define BCSIM_RESOURCE_BUS_NUMBER 6u

/**
 * Describes the device every KMDF driver that handles PnP gets (one each): until the first call
 * of these the default device applies (one I/O port, 0x505, 1 byte: the QEMU panic port).
 * bcsim_sim_device_reset() empties the description; the others add to it. The description
 * lasts until bcsim_sim_destroy() and applies to drivers loaded after the call.
 * @return 0, BCSIM_EINVAL or BCSIM_ENOMEM.
 */
int bcsim_sim_device_reset(bcsim_sim_t *sim);
int bcsim_sim_device_resource(bcsim_sim_t *sim, const bcsim_device_resource_t *resource);
/**
 * A registry value the driver reads with the WdfRegistry* routines. `key` is "parameters" (the
 * driver's Parameters key, WdfDriverOpenParametersRegistryKey), "device" (the hardware key,
 * WdfDeviceOpenRegistryKey(PLUGPLAY_REGKEY_DEVICE)) or "driver" (the software key,
 * PLUGPLAY_REGKEY_DRIVER), optionally followed by "\Sub\Key". `type` is a REG_* value; REG_SZ,
 * REG_EXPAND_SZ and REG_MULTI_SZ data are UTF-8 here (REG_MULTI_SZ: NUL-separated strings) and
 * UTF-16 for the driver.
 */
int bcsim_sim_device_registry(bcsim_sim_t *sim, const char *key, const char *name, uint32_t type,
                              const void *data, uint32_t size);
/** The device is PCI function bus:device.function (its configuration space: bcsim_sim_pci_config). */
int bcsim_sim_device_pci(bcsim_sim_t *sim, uint32_t bus, uint32_t device, uint32_t function);

/** One call the framework made into a KMDF driver (bcsim_kmdf_event()). */
typedef struct bcsim_kmdf_event {
    const char *driver;         /**< the driver's name */
    const char *callback;       /**< "EvtDriverDeviceAdd", "EvtDeviceD0Entry", "EvtCleanupCallback", ... */
    const char *object;         /**< the object's type: "WDFDEVICE", "WDFINTERRUPT", ... */
    int32_t status;             /**< what it returned (0 for a VOID callback) */
} bcsim_kmdf_event_t;

/** The framework's calls into KMDF drivers since the machine was created, in order. */
uint32_t bcsim_kmdf_event_count(const bcsim_sim_t *sim);
const bcsim_kmdf_event_t *bcsim_kmdf_event(const bcsim_sim_t *sim, uint32_t index);

/** Every finding since the machine was created (registration-time findings included). */
uint32_t bcsim_sim_violation_count(const bcsim_sim_t *sim);
const bcsim_violation_t *bcsim_sim_violation(const bcsim_sim_t *sim, uint32_t index);

/** Text every driver printed so far (DbgPrint & co.), NUL-terminated. */
const char *bcsim_sim_dbgprint(const bcsim_sim_t *sim);
/**@}*/

/* ------------------------------------------------------------------------------------- */
/** @name Inspecting the callback lists */
/**@{*/
typedef enum bcsim_list {
    BCSIM_LIST_LEGACY = 0,   /**< KeRegisterBugCheckCallback records */
    BCSIM_LIST_REASON = 1,   /**< reason records except AddPages/RemovePages */
    BCSIM_LIST_PAGES = 2,    /**< AddPages / RemovePages records */
} bcsim_list_t;

typedef struct bcsim_record_info {
    uint32_t list;           /**< bcsim_list_t */
    uint32_t index;          /**< position in list order (the order callbacks run) */
    const void *record;      /**< the driver's record */
    bool legacy;             /**< KBUGCHECK_CALLBACK_RECORD (true) or the reason kind */
    int32_t reason;          /**< bcsim_reason_t (BCSIM_REASON_LEGACY for legacy) */
    uint8_t state;           /**< bcsim_state_t */
    bool checksum_valid;     /**< checksum matches the fields (false: modified after registration) */
    const void *routine;
    const void *buffer;      /**< legacy only */
    uint32_t length;         /**< legacy only */
    const void *component_ptr;
    char component[64];      /**< copy of the Component string ("?" if unreadable) */
} bcsim_record_info_t;

typedef struct bcsim_record_iter {
    uint32_t list;
    uint32_t index;
    const void *next;        /**< private */
    const void *prev;        /**< private */
    bool done;               /**< private */
} bcsim_record_iter_t;

/** Starts iterating one list in call order. */
void bcsim_records_begin(bcsim_record_iter_t *it, uint32_t list);
/**
 * Next record. Uses the dispatcher's structural checks, so a corrupted list ends the
 * iteration instead of crashing. @return false at the end.
 */
bool bcsim_records_next(bcsim_record_iter_t *it, bcsim_record_info_t *info);
/** Number of records in a list (structurally valid prefix). */
uint32_t bcsim_records_count(uint32_t list);
/**@}*/

/* ------------------------------------------------------------------------------------- */
/** @name What a bug check did */
/**@{*/
typedef enum bcsim_phase {
    BCSIM_PHASE_RESERVED2 = 0,   /**< reason 8, before the raise to HIGH_LEVEL */
    BCSIM_PHASE_RESERVED = 1,    /**< reasons 1 and 9 */
    BCSIM_PHASE_TRIAGE = 2,
    BCSIM_PHASE_ADD_PAGES = 3,
    BCSIM_PHASE_REMOVE_PAGES = 4,
    BCSIM_PHASE_SECONDARY_SIZE = 5,
    BCSIM_PHASE_MULTIPART_SIZE = 6,
    BCSIM_PHASE_DUMP_HEADER = 7,
    BCSIM_PHASE_DUMP_BODY = 8,
    BCSIM_PHASE_SECONDARY_DATA = 9,
    BCSIM_PHASE_MULTIPART_DATA = 10,
    BCSIM_PHASE_DUMP_SECONDARY = 11,
    BCSIM_PHASE_DUMP_COMPLETE = 12,
    BCSIM_PHASE_LEGACY = 13,
    BCSIM_PHASE__COUNT
} bcsim_phase_t;

/** "TriageDumpData", "SecondaryDumpData(size)", ... */
const char *bcsim_phase_name(uint32_t phase);

typedef enum bcsim_outcome {
    BCSIM_OUTCOME_RETURNED = 0,  /**< the callback returned */
    BCSIM_OUTCOME_FAULTED = 1,   /**< a fault inside it was contained */
    BCSIM_OUTCOME_HUNG = 2,      /**< abandoned by the watchdog */
    BCSIM_OUTCOME_NESTED = 3,    /**< it called KeBugCheckEx */
} bcsim_outcome_t;

/** One callback invocation. */
typedef struct bcsim_call {
    uint32_t seq;
    uint32_t phase;              /**< bcsim_phase_t */
    int32_t reason;              /**< bcsim_reason_t */
    const void *record;
    const char *component;
    const char *routine;         /**< symbol name ("MyCallback") or hex address */
    uint8_t state_before;
    uint8_t state_after;
    uint32_t outcome;            /**< bcsim_outcome_t */
    uint32_t irql_after;         /**< simulated IRQL when it returned */
    /* DumpIo */
    uint32_t io_type;
    uint64_t io_offset;
    uint32_t io_length;
    /* secondary data, multi-part */
    uint64_t bytes;              /**< bytes returned (OutBufferLength) */
    bcsim_guid_t guid;
    bool has_guid;
    uint32_t flags;              /**< Flags the callback returned (multi-part, pages) */
    /* pages */
    uint64_t address;
    uint64_t count;
    int32_t status;              /**< NTSTATUS the dispatcher assigned (pages), 0 otherwise */
    /* time */
    uint64_t wall_ns;            /**< wall time the call took (nanoseconds) */
    uint64_t virtual_100ns;      /**< virtual time the call used (100 ns units) */
} bcsim_call_t;

/** One DumpIo write, as the dispatcher performed it (also when no DumpIo record exists). */
typedef struct bcsim_dumpio_write {
    uint32_t type;               /**< bcsim_dump_io_type_t */
    uint64_t file_offset;        /**< where these bytes are in the dump file */
    uint32_t length;
    uint64_t hash;               /**< XXH3-64 (seed 0, libxxhash's XXH3_64bits; `xxhsum -H3`) of the
                                      bytes when a DumpIo callback was called with them, else 0 */
} bcsim_dumpio_write_t;

/** One secondary-data block in the dump. */
typedef struct bcsim_blob_info {
    bcsim_guid_t guid;
    uint64_t data_offset;        /**< file offset of the data */
    uint32_t size;
    const char *component;       /**< producer's record Component */
} bcsim_blob_info_t;

/** Accesses kept in a bug check's port/register log (later ones are only counted). */
#define BCSIM_PORT_LOG_MAX 65536u

/** One port or register access (the device model). */
typedef struct bcsim_port_access {
    uint64_t address;            /**< port number or register address */
    uint64_t value;
    uint8_t width;               /**< 1, 2, 4 (8 for registers) */
    bool write;
    bool is_register;            /**< READ/WRITE_REGISTER_* (else a port) */
    uint8_t irql;
    uint32_t call_seq;           /**< callback it happened in, or UINT32_MAX */
} bcsim_port_access_t;

/** An address range accepted from AddPages / RemovePages / triage. */
typedef struct bcsim_range {
    uint64_t address;            /**< virtual or physical, see physical */
    uint64_t size;               /**< bytes */
    bool physical;
    int32_t reason;              /**< who produced it */
    const char *component;
} bcsim_range_t;

struct bcsim_result {
    uint32_t code;               /**< the original bug check */
    uint64_t params[4];
    bool nested;                 /**< a callback bug-checked again */
    uint32_t displayed_code;     /**< the code "shown" (the nested one if nested) */
    uint64_t displayed_params[4];
    bool power_failure;          /**< POWER_FAILURE_SIMULATE: legacy callbacks only */
    bool halted_early;           /**< stopped by the nested = halt policy or a fault = halt */

    const bcsim_call_t *calls;
    uint32_t call_count;
    const bcsim_violation_t *violations;   /**< findings raised during this bug check */
    uint32_t violation_count;
    const bcsim_dumpio_write_t *writes;
    uint32_t write_count;
    const bcsim_blob_info_t *blobs;
    uint32_t blob_count;
    const bcsim_port_access_t *ports; /**< the first BCSIM_PORT_LOG_MAX accesses */
    uint32_t port_count;
    uint64_t port_total;         /**< every access, including those past the log's bound */
    const bcsim_range_t *ranges;
    uint32_t range_count;
    const char *dbgprint;        /**< text printed during the bug check */
    const char *screen;          /**< the blue screen's text: what drivers displayed with
                                      InbvDisplayString since the last InbvResetDisplay (NULL: none) */

    uint32_t dump_type;          /**< BCSIM_DUMP_* configured */
    const char *dump_path;       /**< the file written, or NULL */
    int32_t dump_status;         /**< 0, or a negative BCSIM_E* code (then dump_error says why) */
    const char *dump_error;
    uint64_t dump_size;
    uint32_t secondary_state;    /**< SecondaryDataState NTSTATUS written in the header */
};

/** Number of findings in a result with severity >= min_severity. */
uint32_t bcsim_result_count(const bcsim_result_t *res, uint32_t min_severity);
/** true if the result holds at least one finding with that id. */
bool bcsim_result_has(const bcsim_result_t *res, uint32_t violation_id);
/**@}*/

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_H */
