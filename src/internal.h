/*
 * src/internal.h — bcsim's private header for the harness side of src/ (glibc world).
 *
 * Prefixes: bcsim_ public (include/bcsim.h), bcsim__ shared inside src/, static otherwise.
 * All state of the one simulated machine hangs off `bcsim__m`.
 */
#ifndef BCSIM_INTERNAL_H
#define BCSIM_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bcsim.h"
#include "bridge.h"
#include "base/vec.h"

#define BCSIM_PAGE_SIZE 0x1000ULL
#define BCSIM_PAGE_SHIFT 12
#define BCSIM_PAGE_ROUND_UP(x) (((uint64_t)(x) + 0xFFFULL) & ~0xFFFULL)
#define BCSIM_PAGE_ROUND_DOWN(x) ((uint64_t)(x) & ~0xFFFULL)
#define BCSIM_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BCSIM_MIN(a, b) ((a) < (b) ? (a) : (b))
#define BCSIM_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Copies driver memory as the kernel would: a string move, which neither the compiler nor a
 * sanitizer's memcpy interceptor sees. A driver built with ASan keeps redzones between its
 * globals, and its pages are read whole (dumps, restores) even when bcsim itself is not built
 * with ASan: the interceptor is in any program that links the ASan runtime. x86-64 only, as
 * all of bcsim; fast for large copies on processors with ERMS. */
static inline void bcsim__raw_copy(void *dst, const void *src, size_t n)
{
    __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* ---- Windows constants the harness needs (values from shared/spec) ------------------- */
#define BCSIM_IRQL_PASSIVE 0
#define BCSIM_IRQL_APC 1
#define BCSIM_IRQL_DISPATCH 2
#define BCSIM_IRQL_DIRQL 12      /* device IRQLs are 3..12 on x64; bcsim uses 12 as "DIRQL" */
#define BCSIM_IRQL_HIGH 15

#define BCSIM_STATUS_SUCCESS 0x00000000
#define BCSIM_STATUS_UNSUCCESSFUL ((int32_t)0xC0000001)
#define BCSIM_STATUS_NOT_IMPLEMENTED ((int32_t)0xC0000002)
#define BCSIM_STATUS_INFO_LENGTH_MISMATCH ((int32_t)0xC0000004)
#define BCSIM_STATUS_ACCESS_VIOLATION ((int32_t)0xC0000005)
#define BCSIM_STATUS_INVALID_PARAMETER ((int32_t)0xC000000D)
#define BCSIM_STATUS_NO_MEMORY ((int32_t)0xC0000017)
#define BCSIM_STATUS_ILLEGAL_INSTRUCTION ((int32_t)0xC000001D)
#define BCSIM_STATUS_BUFFER_TOO_SMALL ((int32_t)0xC0000023)
#define BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO ((int32_t)0xC0000094)
#define BCSIM_STATUS_PRIVILEGED_INSTRUCTION ((int32_t)0xC0000096)
#define BCSIM_STATUS_INSUFFICIENT_RESOURCES ((int32_t)0xC000009A)
#define BCSIM_STATUS_NOT_SUPPORTED ((int32_t)0xC00000BB)
#define BCSIM_STATUS_INVALID_PARAMETER_4 ((int32_t)0xC00000F2)
#define BCSIM_STATUS_STACK_OVERFLOW ((int32_t)0xC00000FD)
#define BCSIM_STATUS_BREAKPOINT ((int32_t)0x80000003)
#define BCSIM_STATUS_DATATYPE_MISALIGNMENT ((int32_t)0x80000002)
#define BCSIM_STATUS_IN_PAGE_ERROR ((int32_t)0xC0000006)

#define BCSIM_BC_IRQL_NOT_LESS_OR_EQUAL 0x0A
#define BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED 0x1E
#define BCSIM_BC_PAGE_FAULT_IN_NONPAGED_AREA 0x50
#define BCSIM_BC_UNEXPECTED_KERNEL_MODE_TRAP 0x7F
#define BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION 0xC4
#define BCSIM_BC_DRIVER_UNLOADED_WITHOUT_CANCELLING 0xCE
#define BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL 0xD1
#define BCSIM_BC_DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL 0xD5
#define BCSIM_BC_MANUALLY_INITIATED_CRASH 0xE2
#define BCSIM_BC_POWER_FAILURE_SIMULATE 0xE5
#define BCSIM_BC_DRIVER_VIOLATION 0x121
#define BCSIM_BC_KERNEL_SECURITY_CHECK_FAILURE 0x139

/* ---- record mirrors: the exact x64 layouts of bugcheck-api.md 5.1/5.2 ----------------
 * The shim's KBUGCHECK_*_RECORD types are asserted to the same offsets; the conformance
 * test tests/conformance/layout_bridge.c checks the two worlds agree. */
typedef struct bcsim__list {
    struct bcsim__list *flink;
    struct bcsim__list *blink;
} bcsim__list_t;

typedef struct bcsim__lrec {
    bcsim__list_t entry;
    void *routine;
    void *buffer;
    uint32_t length;
    uint8_t *component;
    uint64_t checksum;
    uint8_t state;
} bcsim__lrec_t;

typedef struct bcsim__rrec {
    bcsim__list_t entry;
    void *routine;
    uint8_t *component;
    uint64_t checksum;
    int32_t reason;
    uint8_t state;
} bcsim__rrec_t;

_Static_assert(sizeof(bcsim__lrec_t) == 0x40, "legacy record size");
_Static_assert(offsetof(bcsim__lrec_t, state) == 0x38, "legacy State offset");
_Static_assert(offsetof(bcsim__lrec_t, checksum) == 0x30, "legacy Checksum offset");
_Static_assert(sizeof(bcsim__rrec_t) == 0x30, "reason record size");
_Static_assert(offsetof(bcsim__rrec_t, reason) == 0x28, "reason Reason offset");
_Static_assert(offsetof(bcsim__rrec_t, state) == 0x2C, "reason State offset");

#define BCSIM__LREC_SIZE 0x40u
#define BCSIM__RREC_SIZE 0x30u

/* ---- u64 hash map (util.c) --------------------------------------------------------- */
typedef struct bcsim__map_slot {
    uint64_t key;
    uint64_t val;
} bcsim__map_slot_t;
typedef struct bcsim__map {
    bcsim__map_slot_t *slots;
    size_t cap, used, count;
} bcsim__map_t;
int bcsim__map_put(bcsim__map_t *m, uint64_t key, uint64_t val);
uint64_t *bcsim__map_get(const bcsim__map_t *m, uint64_t key);
bool bcsim__map_del(bcsim__map_t *m, uint64_t key);
void bcsim__map_clear(bcsim__map_t *m);

const char *bcsim__strdup(const char *s);
const char *bcsim__strndup(const char *s, size_t n);
const char *bcsim__strfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bcsim__strings_free(void);

/* ---- memory registry (memory.c) ------------------------------------------------------
 * Every range of driver-visible memory bcsim knows, with its class and its synthetic
 * physical frames (dump-format.md 13). */
typedef enum bcsim__mclass {
    BCSIM__MEM_NONPAGED = 0,  /* nonpaged pool, images, bcsim OS structures */
    BCSIM__MEM_PAGED = 1,     /* paged pool: inaccessible while a bug check runs */
    BCSIM__MEM_STACK = 2,
    BCSIM__MEM_GUARD = 3,     /* inaccessible page after an OS buffer */
    BCSIM__MEM_FREED = 4,     /* unloaded driver image */
    BCSIM__MEM_MMIO = 5,      /* modelled device registers: never dumped */
} bcsim__mclass_t;

#define BCSIM__MF_EXEC 0x1u     /* contains executable code */
#define BCSIM__MF_DUMP 0x2u     /* in the default page set of dumps */
#define BCSIM__MF_IMAGE 0x4u    /* a driver (or host) image segment */
#define BCSIM__MF_OS 0x8u       /* bcsim's own OS structures */
#define BCSIM__MF_POOL 0x10u    /* a pool arena chunk (allocation table applies) */
#define BCSIM__MF_FRAMES 0x20u  /* has frames but is not in the default page set
                                   (MmAllocatePagesForMdl pages: added by physical address) */

typedef struct bcsim__region {
    uint64_t start, end;        /* [start, end), page aligned */
    uint32_t mclass;            /* bcsim__mclass_t */
    uint32_t flags;             /* BCSIM__MF_* */
    uint64_t pfn_base;          /* 0 = no frames (never dumped) */
    int64_t alias_delta;        /* harness-readable copy at start + alias_delta */
    int32_t image;              /* owning image index, -1 */
    const char *name;
} bcsim__region_t;

/* A pool allocation (for fault reports and use-after-free / double-free checks). */
typedef struct bcsim__alloc {
    uint64_t addr, size;
    uint32_t tag;
    bool paged, freed;
    bool special;               /* on pages of its own (the verifier's special pool) */
    uint64_t site;              /* return address of the allocating call */
    uint64_t free_site;         /* return address of the freeing call (0 while live) */
    int32_t pool_type;
} bcsim__alloc_t;

int bcsim__memory_init(void);
void bcsim__memory_fini(void);
void bcsim__memory_reset_pools(void);
const bcsim__region_t *bcsim__mem_find(uint64_t addr);
/* Registers [start, end) (page-rounded outward) with a class; assigns frames when DUMP or FRAMES. */
int bcsim__mem_register(uint64_t start, uint64_t end, uint32_t mclass, uint32_t flags,
                        int32_t image, const char *name);
void bcsim__mem_reclassify_image(int32_t image, uint32_t mclass);
/* true if every byte of [addr, addr+len) is known, readable driver memory in a class from
 * class_mask (1u << bcsim__mclass_t), and not inside a freed pool block. */
bool bcsim__mem_is(uint64_t addr, uint64_t len, uint32_t class_mask);
#define BCSIM__MC(c) (1u << (c))
#define BCSIM__MC_RESIDENT (BCSIM__MC(BCSIM__MEM_NONPAGED))
#define BCSIM__MC_READABLE (BCSIM__MC(BCSIM__MEM_NONPAGED) | BCSIM__MC(BCSIM__MEM_PAGED) | BCSIM__MC(BCSIM__MEM_STACK))
/* Best class description of an address for messages ("paged pool", "a stack", ...). */
const char *bcsim__mem_describe(uint64_t addr);
uint32_t bcsim__mem_class_of(uint64_t addr, bool *known);
bool bcsim__mem_is_exec(uint64_t addr);
/* Host-level probe: can the process read/write these bytes at all (no fault)? */
bool bcsim__probe_read(const void *p, size_t n);
bool bcsim__probe_write(void *p, size_t n);
/* Reads bytes for the harness even from protected paged pool (through its alias). */
bool bcsim__mem_read_harness(uint64_t addr, void *dst, size_t n);
/* [addr, addr + n) inside one pool region, as the harness may read it in place (paged pool
 * through its alias); NULL otherwise (images and stacks may hold sanitizer-poisoned bytes). */
const void *bcsim__mem_pool_view(uint64_t addr, size_t n);
/* Synthetic physical address; false if the address has no frame. */
bool bcsim__mem_va_to_pa(uint64_t va, uint64_t *pa);
bool bcsim__mem_pa_to_va(uint64_t pa, uint64_t *va);
uint64_t bcsim__mem_max_pfn(void);  /* one past the highest frame in use */
const bcsim__region_t *bcsim__mem_regions(size_t *count);
/* Pool. */
void *bcsim__pool_alloc(uint64_t size, bool paged, uint32_t tag, uint32_t align,
                        int32_t pool_type, uint64_t site);
/* 0 ok, 1 not an allocation, 2 already freed */
int bcsim__pool_free(void *p, uint64_t site, const bcsim__alloc_t **out);
const bcsim__alloc_t *bcsim__pool_find(uint64_t addr);
/* Is addr in a freed special-pool block whose pages are still inaccessible (quarantine)? */
bool bcsim__pool_quarantined(uint64_t addr, const bcsim__alloc_t **out);
void bcsim__paged_protect(bool inaccessible);
bool bcsim__paged_is_protected(void);
/* Whole pages for the Mm routines (src/mm.c): a region of its own with this class and flags
 * (frames when DUMP or FRAMES). NULL if the arena is exhausted. */
void *bcsim__mem_pages_alloc(uint64_t bytes, uint32_t mclass, uint32_t flags, const char *name);
/* Frees a block from bcsim__mem_pages_alloc (by its start): false if it is not one. */
bool bcsim__mem_pages_free(void *p);
/* OS structures (list heads, KiBugCheckData, reason-specific data, scratch pages). */
void *bcsim__os_alloc(uint64_t size, uint32_t align);
/* A buffer ending exactly at a page boundary followed by an inaccessible guard page. */
void *bcsim__os_alloc_guarded(uint64_t size, const char *guard_name);

/* ---- images (driver.c) -------------------------------------------------------------- */
typedef struct bcsim__image {
    const char *name;
    const char *path;
    uint64_t base, end;          /* lowest / highest mapped address */
    void *handle;                /* dlopen handle, NULL for the host program */
    bool unloaded;
    bool host;                   /* the program itself (linked-in drivers, tests) */
} bcsim__image_t;
int32_t bcsim__image_of(uint64_t addr);
int32_t bcsim__image_register_object(const char *name, const char *path, uint64_t any_addr,
                                     void *handle, bool host);
const bcsim__image_t *bcsim__image_get(int32_t idx);

/* ---- violations (violations.c) ----------------------------------------------------- */
typedef struct bcsim__report {
    uint32_t id;
    const char *component;       /* may be NULL */
    int32_t reason;              /* INT32_MIN = none */
    uint64_t pc;                 /* call site / faulting instruction */
    uint64_t address;
    uint32_t bugcheck_code;
    uint64_t bugcheck_params[4];
    uint64_t dedupe;             /* non-zero: report (id, dedupe) once per bug check */
} bcsim__report_t;
#define BCSIM__NO_REASON INT32_MIN

/* Records a finding; formats the message from the table text plus `detail` (only when the
 * finding is kept: not a duplicate, not a verifier rule with the verifier off). The va_list
 * form is for the wrappers that fill a report and pass their caller's format on. */
void bcsim__violation(const bcsim__report_t *r, const char *detail_fmt, ...)
    __attribute__((format(printf, 2, 3)));
void bcsim__violationv(const bcsim__report_t *r, const char *detail_fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void bcsim__violations_reset_dedupe(void);
/* Fills in file:line of findings recorded while a callback ran (harness stack only). */
void bcsim__violations_resolve(void);

/* ---- symbolization (symbolize.c) --------------------------------------------------- */
typedef struct bcsim__srcloc {
    const char *file;            /* NULL if unknown */
    uint32_t line;
    const char *function;
    const char *module;
} bcsim__srcloc_t;
void bcsim__symbolize(uint64_t pc, bcsim__srcloc_t *out);
const char *bcsim__symbol_name(uint64_t addr);   /* "Fn" or "module+0x1234" */
void bcsim__symbolize_invalidate(void);          /* after a module was loaded */
void bcsim__symbolize_fini(void);
/* The screen text so far (a copy), or NULL (src/screen.c). */
const char *bcsim__screen_contents(void);

/* ---- IRQL and the verifier gate (irql.c) ------------------------------------------- */
uint8_t bcsim__irql_get(void);
void bcsim__irql_set(uint8_t irql);
const char *bcsim__irql_name(uint8_t irql);
uint32_t bcsim__export_count(void);
bool bcsim__export_info(uint32_t id, const char **name, const char **header, bool *data,
                        bool *stub, uint8_t *max_irql, uint32_t *report);

/* ---- records and lists (records.c, walk.c) ----------------------------------------- */
typedef struct bcsim__lists {
    bcsim__list_t *legacy;       /* heads live in bcsim OS memory */
    bcsim__list_t *reason;
    bcsim__list_t *pages;
    bcsim__list_t *triage;
} bcsim__lists_t;

void bcsim__records_reset(bool forget_init);
uint64_t bcsim__checksum_legacy(const bcsim__lrec_t *r);
uint64_t bcsim__checksum_reason(const bcsim__rrec_t *r);
bool bcsim__records_check_unload(int32_t image);

/* One pass over one list (dispatcher-model.md 4). visit returns true to stop the pass. */
typedef bool (*bcsim__visit_fn)(void *record, void *ctx);
typedef struct bcsim__walk_opts {
    bool legacy;                 /* record kind of this list */
    int32_t reason;              /* reason records: only this reason is eligible */
    bool any_state;              /* harness iteration: do not filter by State/checksum */
} bcsim__walk_opts_t;
/* @return true if the pass reached the end of the list, false if it stopped early (a
 * structural fault, a cycle, a self-deregistration in strict mode, or visit's request). */
bool bcsim__walk(bcsim__list_t *head, const bcsim__walk_opts_t *o, bcsim__visit_fn visit,
                 void *ctx);
/* Structural check of one node (alignment, readability, Blink). */
bool bcsim__walk_node_ok(const bcsim__list_t *node, const bcsim__list_t *prev, bool legacy);

/* ---- the machine --------------------------------------------------------------------- */
typedef struct bcsim__recinfo {
    uint8_t kind;                /* 1 legacy, 2 reason */
    bool linked;                 /* in a list as far as bcsim's bookkeeping knows */
    int32_t image;               /* image that registered it */
    uint64_t site;               /* registering call site */
    uint64_t serial;             /* registration number in this boot (1, 2, ...) */
} bcsim__recinfo_t;
/* What bcsim knows about a record address (registration site, image, serial); NULL if none. */
const bcsim__recinfo_t *bcsim__record_info(const void *rec);

struct bcsim_driver {
    int32_t image;
    const char *name;
    const char *path;
    void *driver_object;         /* simulated DRIVER_OBJECT (bcsim OS memory) */
    void *registry_path;         /* UNICODE_STRING */
    void *unload;                /* DriverUnload the driver set */
    int32_t status;
    bool unloaded;
};

typedef struct bcsim__machine {
    bool alive;
    bcsim_config_t cfg;
    bcsim__lists_t lists;
    uint64_t *bugcheck_data;     /* KiBugCheckData's 5 values (OS memory) */
    uint8_t irql;
    bool interrupts_disabled;
    int depth;                   /* 0 running, 1 bug check, 2 nested */
    bool halted;
    uint64_t records_ever;       /* bound for list walks */
    bcsim__map_t recinfo;        /* record address -> index into recs */
    BCSIM_VEC(bcsim__recinfo_t) recs;
    bcsim__map_t init_seen;      /* State byte address -> 1 (KeInitializeCallbackRecord) */
    BCSIM_VEC(bcsim_violation_t) violations;
    size_t violations_resolved;
    bcsim__map_t dedupe;
    uint32_t bugcheck_first_violation; /* index where the current bug check's findings start */
    BCSIM_VEC(char) dbgprint;
    BCSIM_VEC(bcsim__image_t) images;
    BCSIM_VEC(struct bcsim_driver *) drivers;
    int32_t current_call;        /* seq of the running callback, -1 */
    bool untimed_calls;          /* the fuzz harness: no wall-clock reads per callback call */
    bool auxklib_initialized;
} bcsim__machine_t;

extern bcsim__machine_t bcsim__m;
extern struct bcsim_sim *bcsim__sim;

/* ---- virtual clock (clock.c) ----------------------------------------------------------- */
uint64_t bcsim__clock_now_100ns(void);      /* interrupt time: 100 ns units since boot */
void bcsim__clock_advance_100ns(uint64_t d);
void bcsim__clock_reset(void);
uint64_t bcsim__clock_system_time(void);    /* FILETIME of "now" */

/* ---- lifetime hooks (bugcheck.c, driver.c) --------------------------------------------- */
void bcsim__boot_hooks(void);
void bcsim__shutdown_hooks(void);
int bcsim__images_init(void);
void bcsim__images_fini(void);

/* ---- the current bug check (bugcheck.c, dispatch.c) -------------------------------------- */
typedef struct bcsim__run {
    bool active;
    uint32_t phase;                      /* bcsim_phase_t of what runs now */
    uint32_t code;
    uint64_t params[4];
    bool nested;
    uint32_t nested_code;
    uint64_t nested_params[4];
    bool power_failure, halted_early;
    BCSIM_VEC(bcsim_call_t) calls;
    BCSIM_VEC(bcsim_dumpio_write_t) writes;
    BCSIM_VEC(bcsim_blob_info_t) blobs;
    BCSIM_VEC(bcsim_port_access_t) ports;
    uint64_t port_total;
    BCSIM_VEC(bcsim_range_t) ranges;
    size_t dbgprint_start;
    uint32_t violations_start;
    uint32_t dump_type;
    const char *dump_path;
    int32_t dump_status;
    const char *dump_error;
    uint64_t dump_size;
    uint32_t secondary_state;
    uint32_t triage_flags;               /* Flags of the running triage call (MmIsAddressValid rule) */
    bool no_device_access;               /* multipart.no_device_access_input in effect */
    uint64_t ctx_rip, ctx_rsp, ctx_rbp;  /* captured at KeBugCheckEx entry */
} bcsim__run_t;
extern bcsim__run_t bcsim__run;

/* One callback invocation (dispatch.c). */
typedef struct bcsim__cb {
    void *record;
    bool legacy;
    int32_t reason;
    void *routine;
    void *buffer;                        /* legacy */
    uint32_t length;
    void *data;                          /* reason-specific data */
    uint32_t data_len;
    uint8_t irql;                        /* IRQL the callback runs at */
    uint8_t state_during;                /* the record's State while it runs (1 or 2) */
    uint32_t call;                       /* out: index into bcsim__run.calls */
    int outcome;                         /* out: BCSIM_OUTCOME_* */
} bcsim__cb_t;
int bcsim__invoke(bcsim__cb_t *cb);
bcsim_call_t *bcsim__call(uint32_t idx);
/* State after a call, written only if the record still holds `during` (dispatcher-model.md 5). */
void bcsim__state_after(void *rec, bool legacy, uint8_t during, uint8_t after, uint32_t call);
uint8_t bcsim__rec_state(const void *rec, bool legacy);
const char *bcsim__rec_component(const void *rec, bool legacy);
/* A finding about a reason record's call: its reason, the call's component, the routine as
 * the place; SECONDARY_BUFFER_NOT_RESIDENT names the 0xD1 Windows raises for it. */
void bcsim__call_finding(const bcsim__rrec_t *r, uint32_t call, uint32_t id, uint64_t address,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Runs driver code outside a bug check (DriverEntry, DriverUnload, a test's call) with a
 * catch point: 0, or BCSIM_EBUGCHECK if the code (or a fault in it) bug-checked. */
int bcsim__run_driver_code(void (*fn)(void *), void *arg, const char *what, const char *driver,
                           const void *routine);
void bcsim__set_last_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Is the file a bcsim driver module (elfcheck.c)? Read from the ELF file, before any of its
 * code can run: 0, BCSIM_ENOENT, BCSIM_ENOTDRIVER or BCSIM_ENOENTRY with a one-line reason. */
int bcsim__elf_check_driver(const char *path, char *err, size_t errlen);

void bcsim__ports_shutdown(void);
void bcsim__pci_shutdown(void);        /* src/pci.c: forgets the scripted PCI functions */
void bcsim__sync_shutdown(void);      /* src/sync.c: forgets try-acquired locks */
void bcsim__mm_shutdown(void);        /* src/mm.c: forgets the I/O-space mappings */

/* Supervision (supervision.c): every piece of driver code is bracketed by enter/leave;
 * enter streams the events so far and names the code in the activity record, leave checks
 * the protected descriptors. kind is a bcsim_activity_kind_t; routine 0 if none. */
void bcsim__driver_code_enter(uint32_t kind, uint64_t routine, const char *driver,
                              const char *component, int32_t reason, uint32_t call_seq,
                              const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void bcsim__driver_code_leave(void);
void bcsim__supervision_bugcheck(uint32_t code, const uint64_t p[4]);
void bcsim__supervision_reset(void);
/* Driver code is ending the process: point the activity record at its call (atexit hook). */
void bcsim__activity_locate_caller(void);

/* ---- reports (report.c) ----------------------------------------------------------------- */
struct bcsim_report_opts;
/* The JSON report as a jansson json_t * (the CLI combines several). */
void *bcsim__report_json_object(const bcsim_result_t *res, const bcsim_violation_t *extra,
                                uint32_t nextra, const struct bcsim_report_opts *opts);
/* One call / one finding as the report's JSON objects (json_t *): the items of "calls" and
 * "findings", also what a supervised boot streams (src/report_doc.c reads them back). */
void *bcsim__report_call_json(const bcsim_call_t *c);
void *bcsim__report_violation_json(const bcsim_violation_t *v, bool during_bugcheck);

/* Stops the bug check where it is (nested = halt, fault = halt) and returns to the harness. */
_Noreturn void bcsim__bugcheck_halt(void);

/* Called when the verifier wants Windows' behaviour: a bug check from driver context. */
_Noreturn void bcsim__raise_bugcheck(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3,
                                     uint64_t p4);

#endif /* BCSIM_INTERNAL_H */
