/*
 * src/base/state.h — the state every room reads (src/base/state.c): the simulated machine
 * (bcsim__m), the bug check in progress (bcsim__run), the time base, the watchdog's progress
 * counter, the last error, and the hooks an upper room installs for the rooms below it.
 * Included by src/internal.h.
 */
#ifndef BCSIM_SRC_BASE_STATE_H
#define BCSIM_SRC_BASE_STATE_H

#include "internal.h"

/* ---- driver images (the registry: src/memory/images.c; loading: src/machine/driver.c) ---- */
typedef struct bcsim__image {
    const char *name;
    const char *path;
    uint64_t base, end;          /* lowest / highest mapped address */
    void *handle;                /* dlopen handle, NULL for the host program */
    bool unloaded;
    bool host;                   /* the program itself (linked-in drivers, tests) */
} bcsim__image_t;

/* ---- records and lists (what the dispatcher keeps: src/dispatcher/records.c) ---------- */
typedef struct bcsim__lists {
    bcsim__list_t *legacy;       /* heads live in bcsim OS memory */
    bcsim__list_t *reason;
    bcsim__list_t *pages;
    bcsim__list_t *triage;
} bcsim__lists_t;
typedef struct bcsim__recinfo {
    uint8_t kind;                /* 1 legacy, 2 reason */
    bool linked;                 /* in a list as far as bcsim's bookkeeping knows */
    int32_t image;               /* image that registered it */
    uint64_t site;               /* registering call site */
    uint64_t serial;             /* registration number in this boot (1, 2, ...) */
} bcsim__recinfo_t;

/* ---- the machine (its lifetime: src/dispatcher/sim.c) ----------------------------------- */
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

/* ---- the bug check in progress (src/dispatcher/bugcheck.c, dispatch.c) ---------------------- */
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
/* The record of one callback call of the running bug check; NULL past the end. */
bcsim_call_t *bcsim__call(uint32_t idx);

/* ---- time base (the driver-visible clocks are src/machine/clock.c) ------------------------ */
uint64_t bcsim__clock_now_100ns(void);      /* interrupt time: 100 ns units since boot */
void bcsim__clock_advance_100ns(uint64_t d);
void bcsim__clock_reset(void);
uint64_t bcsim__clock_system_time(void);    /* FILETIME of "now" */

/* Progress of the running driver code (dispatcher-model.md 7.11): every kernel call and every
 * advance of virtual time counts; the watchdog ends a callback only when it stops moving. */
extern volatile uint64_t bcsim__progress;

/* The message bcsim_last_error() returns. */
void bcsim__set_last_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- hooks: services of an upper room that a lower room needs ------------------------------
 * The dispatcher installs its hooks when a machine boots (bcsim__boot_hooks); the fuzz harness
 * installs machine_gone while it holds state of a machine. A lower room calls the bcsim__hook_*
 * wrappers, never the upper room's functions (docs/ARCHITECTURE.md, "Hooks"). */
typedef struct bcsim__hooks {
    /* dispatcher: KeBugCheckEx's path from driver context; returns only when it cannot raise */
    void (*bugcheck)(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4,
                     void *caller);
    /* dispatcher: driver code outside a bug check under a catch point: 0 or BCSIM_EBUGCHECK */
    int (*run_driver_code)(void (*fn)(void *), void *arg, const char *what,
                           const char *driver, const void *routine);
    /* dispatcher: the records-left-behind check of an image that unloads (R11) */
    bool (*records_check_unload)(int32_t image);
    /* fuzz: the machine goes away; called once, then cleared */
    void (*machine_gone)(void);
} bcsim__hooks_t;
extern bcsim__hooks_t bcsim__hooks;

/* A verifier finding raises the bug check Windows would raise (no-op without a machine). */
void bcsim__hook_bugcheck(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4,
                          void *caller);
/* Runs driver code outside a bug check (DriverEntry, DriverUnload, static constructors, a
 * framework callback) with a catch point: 0, or BCSIM_EBUGCHECK if it bug-checked. */
int bcsim__hook_run_driver_code(void (*fn)(void *), void *arg, const char *what,
                                const char *driver, const void *routine);
bool bcsim__hook_records_check_unload(int32_t image);
void bcsim__hook_machine_gone(void);

#endif /* BCSIM_SRC_BASE_STATE_H */
