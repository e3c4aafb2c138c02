/*
 * src/dispatcher/dispatcher.h — the dispatcher's parts to each other and to the fuzz harness:
 * records and list walks (records.c, walk.c), one callback call (dispatch.c), the bug check's
 * lifetime and catch points (bugcheck.c). The per-reason phases are dispatcher/phases.h.
 */
#ifndef BCSIM_SRC_DISPATCHER_DISPATCHER_H
#define BCSIM_SRC_DISPATCHER_DISPATCHER_H

#include "internal.h"

/* ---- records and lists (records.c, walk.c) ------------------------------------------------ */
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
/* What bcsim knows about a record address (registration site, image, serial); NULL if none. */
const bcsim__recinfo_t *bcsim__record_info(const void *rec);

/* ---- one callback invocation (dispatch.c) ------------------------------------------------ */
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
/* State after a call, written only if the record still holds `during` (dispatcher-model.md 5). */
void bcsim__state_after(void *rec, bool legacy, uint8_t during, uint8_t after, uint32_t call);
uint8_t bcsim__rec_state(const void *rec, bool legacy);
const char *bcsim__rec_component(const void *rec, bool legacy);
/* A finding about a reason record's call: its reason, the call's component, the routine as
 * the place; SECONDARY_BUFFER_NOT_RESIDENT names the 0xD1 Windows raises for it. */
void bcsim__call_finding(const bcsim__rrec_t *r, uint32_t call, uint32_t id, uint64_t address,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- the bug check (bugcheck.c) ------------------------------------------------------------- */
/* Installs the dispatcher's hooks (base/state.h) and resets the phases: at every boot. */
void bcsim__boot_hooks(void);
void bcsim__shutdown_hooks(void);
/* Runs driver code outside a bug check (DriverEntry, DriverUnload, a test's call) with a
 * catch point: 0, or BCSIM_EBUGCHECK if the code (or a fault in it) bug-checked. */
int bcsim__run_driver_code(void (*fn)(void *), void *arg, const char *what, const char *driver,
                           const void *routine);
/* Runs harness code with a catch point: 0, or BCSIM_EBUGCHECK if it ended in a halt (the
 * machine is then halted, as after bcsim_sim_bugcheck()). */
int bcsim__with_catch_point(void (*fn)(void *), void *arg);

/* Stops the bug check where it is (nested = halt, fault = halt) and returns to the harness. */
_Noreturn void bcsim__bugcheck_halt(void);

/* Called when the verifier wants Windows' behaviour: a bug check from driver context. */
_Noreturn void bcsim__raise_bugcheck(uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3,
                                     uint64_t p4);

#endif /* BCSIM_SRC_DISPATCHER_DISPATCHER_H */
