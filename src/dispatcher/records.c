/*
 * src/dispatcher/records.c — KeRegister/KeDeregister BugCheck(Reason)Callback: the record rules,
 * checksums and list insertion exactly as dispatcher-model.md 2-3 models them.
 *
 * Return values are Windows' (STYLE rule 7); every misuse is a finding on the side.
 * Records are driver memory: they are read and written only after the registry (or, for
 * memory bcsim does not know, a host probe) says the bytes are there, so a bad pointer is
 * reported instead of crashing the harness.
 */
#include "internal.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#define KIND_LEGACY 1
#define KIND_REASON 2

/* ---- bookkeeping: what bcsim knows about record addresses -------------------------------- */

static bcsim__recinfo_t *recinfo(const void *rec)
{
    uint64_t *idx = bcsim__map_get(&bcsim__m.recinfo, (uint64_t)rec);
    return idx ? &bcsim__m.recs.v[*idx] : NULL;
}

const bcsim__recinfo_t *bcsim__record_info(const void *rec)
{
    return recinfo(rec);
}

static bcsim__recinfo_t *recinfo_add(const void *rec, uint8_t kind)
{
    bcsim__recinfo_t *ri = recinfo(rec);
    if (ri)
        return ri;
    size_t idx = bcsim__m.recs.n;
    ri = BCSIM_VEC_PUSH(&bcsim__m.recs);
    if (!ri || bcsim__map_put(&bcsim__m.recinfo, (uint64_t)rec, idx) != 0)
        return NULL;
    ri->kind = kind;
    ri->image = -1;
    return ri;
}

/* A reboot forgets which records are linked; what bcsim saw of KeInitializeCallbackRecord
 * stays (driver memory outlives a simulated reboot, so a State left at 3 still needs it). */
void bcsim__records_reset(bool forget_init)
{
    /* A reboot: records still registered (never called, State 1 or 2) belong to lists that no
     * longer exist. Return them to BufferEmpty, as a freshly loaded driver's record would be;
     * otherwise a later deregistration would succeed and unlink through stale neighbours into
     * the new, empty lists. Records whose callback ran keep their State (3 or 4). */
    for (size_t i = 0; !forget_init && i < bcsim__m.recinfo.cap; i++) {
        const bcsim__map_slot_t *sl = &bcsim__m.recinfo.slots[i];
        if (sl->key <= 1)
            continue;
        const bcsim__recinfo_t *ri = &bcsim__m.recs.v[sl->val];
        if (!ri->linked)
            continue;
        uint8_t *st = ri->kind == KIND_LEGACY ? &((bcsim__lrec_t *)sl->key)->state
                                              : &((bcsim__rrec_t *)sl->key)->state;
        if (bcsim__mem_is(sl->key, ri->kind == KIND_LEGACY ? BCSIM__LREC_SIZE : BCSIM__RREC_SIZE,
                          BCSIM__MC_READABLE) && (*st == 1 || *st == 2))
            *st = 0;
    }
    bcsim__map_clear(&bcsim__m.recinfo);
    BCSIM_VEC_FREE(&bcsim__m.recs);
    if (forget_init)
        bcsim__map_clear(&bcsim__m.init_seen);
    bcsim__m.records_ever = 0;
}

/* ---- checksums (dispatcher-model.md 2.2): unsigned, pointer width, wrapping ----------- */

uint64_t bcsim__checksum_legacy(const bcsim__lrec_t *r)
{
    return (uint64_t)r->routine + (uint64_t)r->buffer + (uint64_t)r->length +
           (uint64_t)r->component;
}

uint64_t bcsim__checksum_reason(const bcsim__rrec_t *r)
{
    /* Reason converts as C converts a 32-bit signed enum: sign-extended. */
    return (uint64_t)r->routine + (uint64_t)(int64_t)r->reason + (uint64_t)r->component;
}

/* ---- KeInitializeCallbackRecord ---------------------------------------------------------- */

unsigned char *bcsim__record_note_init(unsigned char *state, void *caller)
{
    uint64_t s = (uint64_t)state;
    /* Re-initialising a record that is still linked (State 1 -> 0): dispatcher-model.md 2.3. */
    const bcsim__recinfo_t *l = recinfo((void *)(s - offsetof(bcsim__lrec_t, state)));
    const bcsim__recinfo_t *r = recinfo((void *)(s - offsetof(bcsim__rrec_t, state)));
    if ((l && l->kind == KIND_LEGACY && l->linked) || (r && r->kind == KIND_REASON && r->linked)) {
        bcsim__report_t rep = { .id = BCSIM_V_REINIT_WHILE_REGISTERED,
                                .reason = BCSIM__NO_REASON,
                                .pc = (uint64_t)caller,
                                .address = l && l->linked ? s - offsetof(bcsim__lrec_t, state)
                                                          : s - offsetof(bcsim__rrec_t, state) };
        bcsim__violation(&rep, "record %#llx is still in a callback list",
                         (unsigned long long)rep.address);
    }
    bcsim__map_put(&bcsim__m.init_seen, s, 1);
    /* The macro writes through the returned pointer: it must be writable memory. A bad
     * pointer faults in driver code, as it would on Windows. */
    return state;
}

/* ---- shared checks ------------------------------------------------------------------------ */

static int32_t caller_image(void *caller)
{
    return bcsim__image_of((uint64_t)caller);
}

static bool read_byte(uint64_t a, char *out)
{
    if (bcsim__mem_read_harness(a, out, 1))
        return true;
    if (!bcsim__mem_find(a) && bcsim__probe_read((const void *)a, 1)) {
        /* memory bcsim does not know (a stale record's garbage pointer may even point into a
         * sanitizer's shadow): read as the kernel would, past any instrumentation */
        bcsim__raw_copy(out, (const void *)a, 1);
        return true;
    }
    return false;
}

/* Safe copy of a Component string for messages; NULL if not a readable C string. */
static const char *component_copy(const uint8_t *c, char *buf, size_t size)
{
    if (!c)
        return NULL;
    size_t i = 0;
    for (; i + 1 < size; i++) {
        if (!read_byte((uint64_t)c + i, &buf[i]))
            return NULL;
        if (!buf[i])
            return buf;
    }
    buf[i] = 0;
    return buf;
}

/* Registration-time findings that never change the result (dispatcher-model.md 2.1). */
static void check_registration(const void *rec, uint32_t size, const void *routine,
                               const uint8_t *component, int32_t reason, bool legacy,
                               const void *buffer, uint32_t length, void *caller)
{
    char comp[64];
    const char *cname = component_copy(component, comp, sizeof(comp));
    bcsim__report_t r = { .reason = legacy ? BCSIM_REASON_LEGACY : reason,
                          .pc = (uint64_t)caller, .component = cname ? bcsim__strdup(cname) : NULL };

    if (!bcsim__mem_is((uint64_t)rec, size, BCSIM__MC_RESIDENT)) {
        r.id = BCSIM_V_RECORD_NOT_RESIDENT;
        r.address = (uint64_t)rec;
        bool known;
        uint32_t cls = bcsim__mem_class_of((uint64_t)rec, &known);
        if (known && cls == BCSIM__MEM_PAGED) {
            r.bugcheck_code = BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL;
            r.bugcheck_params[0] = (uint64_t)rec;
            r.bugcheck_params[1] = BCSIM_IRQL_HIGH;
        }
        bcsim__violation(&r, "record %#llx is in %s", (unsigned long long)rec,
                         bcsim__mem_describe((uint64_t)rec));
        r.bugcheck_code = 0;
        memset(r.bugcheck_params, 0, sizeof(r.bugcheck_params));
    }
    if (!cname || !bcsim__mem_is((uint64_t)component, strlen(cname) + 1, BCSIM__MC_RESIDENT)) {
        r.id = BCSIM_V_COMPONENT_NOT_RESIDENT;
        r.address = (uint64_t)component;
        bcsim__violation(&r, "Component %#llx is %s", (unsigned long long)component,
                         !component ? "NULL" : !cname ? "not a readable string"
                                               : bcsim__mem_describe((uint64_t)component));
    }
    if (!routine || !bcsim__mem_is_exec((uint64_t)routine)) {
        r.id = BCSIM_V_INVALID_ROUTINE;
        r.address = (uint64_t)routine;
        bcsim__violation(&r, "routine %#llx is %s", (unsigned long long)routine,
                         !routine ? "NULL" : bcsim__mem_describe((uint64_t)routine));
    }
    if (legacy && buffer && length) {
        bool known;
        uint32_t cls = bcsim__mem_class_of((uint64_t)buffer, &known);
        /* Buffer is opaque (drivers pass port numbers): only pageable memory is a finding. */
        if (known && cls == BCSIM__MEM_PAGED) {
            r.id = BCSIM_V_BUFFER_NOT_RESIDENT;
            r.address = (uint64_t)buffer;
            bcsim__violation(&r, "Buffer %#llx (%u bytes) is in paged pool",
                             (unsigned long long)buffer, length);
        }
    }
    if (!legacy && (reason <= 0 || reason == 1 || reason == 8 || reason == 9 || reason > 9)) {
        r.id = BCSIM_V_INVALID_REASON;
        r.address = (uint64_t)rec;
        bcsim__violation(&r, "Reason %d (%s)", reason,
                         reason == 0 ? "KbCallbackInvalid: never dispatched"
                         : (reason == 1 || reason == 8 || reason == 9) ? "reserved for system use"
                                                                         : "not a defined reason");
    }
}

/* A record pointer the host cannot even touch (NULL, unmapped): Windows dereferences it
 * inside the call and faults at HIGH_LEVEL (dispatcher-model.md 2.1, knob register.bad_record). */
static bool bad_record_pointer(void *rec, uint32_t size, void *caller)
{
    if (bcsim__mem_is((uint64_t)rec, size, BCSIM__MC_READABLE) && bcsim__probe_write(rec, size))
        return false;
    if (rec && bcsim__probe_write(rec, size))
        return false; /* memory bcsim does not know but the host can use: proceed */
    bcsim__report_t r = { .id = BCSIM_V_BAD_RECORD_POINTER, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .address = (uint64_t)rec,
                          .bugcheck_code = BCSIM_BC_IRQL_NOT_LESS_OR_EQUAL,
                          .bugcheck_params = { (uint64_t)rec, BCSIM_IRQL_HIGH, 1, (uint64_t)caller } };
    bcsim__violation(&r, "record pointer %#llx is not writable memory", (unsigned long long)rec);
    if (bcsim__m.cfg.register_bad_record_bugcheck)
        bcsim__raise_bugcheck(BCSIM_BC_IRQL_NOT_LESS_OR_EQUAL, (uint64_t)rec, BCSIM_IRQL_HIGH, 1,
                              (uint64_t)caller);
    return true;
}

static bcsim__list_t *target_list(bool legacy, int32_t reason)
{
    if (legacy)
        return bcsim__m.lists.legacy;
    if (reason == BCSIM_REASON_ADD_PAGES || reason == BCSIM_REASON_REMOVE_PAGES)
        return bcsim__m.lists.pages;
    return bcsim__m.lists.reason;
}

/* List corruption on insert or remove: KERNEL_SECURITY_CHECK_FAILURE, P1 = 3. */
static void list_corruption(void *rec, void *caller, const char *what)
{
    bcsim__report_t r = { .id = BCSIM_V_LIST_CORRUPT, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .address = (uint64_t)rec,
                          .bugcheck_code = BCSIM_BC_KERNEL_SECURITY_CHECK_FAILURE,
                          .bugcheck_params = { 3, 0, 0, 0 } };
    bcsim__violation(&r, "%s (record %#llx)", what, (unsigned long long)rec);
    if (bcsim__m.cfg.list_corruption_bugcheck)
        bcsim__raise_bugcheck(BCSIM_BC_KERNEL_SECURITY_CHECK_FAILURE, 3, 0, 0, 0);
}

/* A list node bcsim may read and write: known readable memory, or host-writable. */
static bool node_usable(bcsim__list_t *n)
{
    if (!n || ((uint64_t)n & 7))
        return false;
    if (bcsim__mem_is((uint64_t)n, sizeof(*n), BCSIM__MC_READABLE))
        return true;
    return bcsim__probe_write(n, sizeof(*n));
}

/* On corruption the record is first returned to BufferEmpty: it is not registered, and the
 * 0x139 the finding raises never returns here (a reboot would otherwise find it BufferInserted
 * but in no list). */
static bool insert(bcsim__list_t *head, bcsim__list_t *e, bool tail, void *caller, uint8_t *state)
{
    if (!bcsim__m.cfg.list_fifo && !tail) {
        bcsim__list_t *next = head->flink;
        if (!node_usable(next) || next->blink != head) {
            *state = 0;
            list_corruption(e, caller, "head->Flink->Blink != head before an insert");
            return false;
        }
        e->flink = next;
        e->blink = head;
        next->blink = e;
        head->flink = e;
    } else {
        bcsim__list_t *prev = head->blink;
        if (!node_usable(prev) || prev->flink != head) {
            *state = 0;
            list_corruption(e, caller, "head->Blink->Flink != head before an insert");
            return false;
        }
        e->flink = head;
        e->blink = prev;
        prev->flink = e;
        head->blink = e;
    }
    return true;
}

/* Is the node linked in the list (bcsim's bookkeeping, kept in step with every insert and
 * unlink bcsim performs; dispatcher-model.md 2.1 step 3, knob register.duplicate_check). */
static bool already_linked(const void *rec)
{
    const bcsim__recinfo_t *ri = recinfo(rec);
    return ri && ri->linked;
}

static unsigned char do_register(void *rec, bool legacy, void *routine, void *buffer,
                                 uint32_t length, int32_t reason, uint8_t *component,
                                 void *caller)
{
    uint32_t size = legacy ? BCSIM__LREC_SIZE : BCSIM__RREC_SIZE;
    if (bad_record_pointer(rec, size, caller))
        return 0;

    /* Step 1: raise to HIGH_LEVEL and take the registration lock (simulated, UNDOC). */
    uint8_t old_irql = bcsim__irql_get();
    if (old_irql < BCSIM_IRQL_HIGH)
        bcsim__irql_set(BCSIM_IRQL_HIGH);

    uint8_t *state = legacy ? &((bcsim__lrec_t *)rec)->state : &((bcsim__rrec_t *)rec)->state;
    bool initialised = bcsim__map_get(&bcsim__m.init_seen, (uint64_t)state) != NULL;
    bcsim__report_t rep = { .reason = legacy ? BCSIM_REASON_LEGACY : reason,
                            .pc = (uint64_t)caller, .address = (uint64_t)rec };
    unsigned char result = 0;

    if (*state != 0) {
        /* Step 2: only from BufferEmpty. */
        if (*state == 1 && already_linked(rec)) {
            rep.id = BCSIM_V_DOUBLE_REGISTRATION;
            bcsim__violation(&rep, "record %#llx is already registered", (unsigned long long)rec);
        } else if (*state >= 2 && *state <= 4 && initialised) {
            rep.id = BCSIM_V_REREGISTER_WITHOUT_REINIT;
            bcsim__violation(&rep, "record %#llx has State %u (%s)", (unsigned long long)rec,
                             *state, bcsim_state_name(*state));
        } else {
            rep.id = BCSIM_V_RECORD_NOT_INITIALIZED;
            bcsim__violation(&rep, "record %#llx has State byte %#x", (unsigned long long)rec,
                             *state);
        }
        goto out;
    }
    if (!initialised) {
        rep.id = BCSIM_V_RECORD_NOT_INITIALIZED;
        bcsim__violation(&rep, "record %#llx: State is 0 but KeInitializeCallbackRecord was not seen",
                         (unsigned long long)rec);
    }
    /* Step 3: already linked (re-initialised while registered). */
    if (bcsim__m.cfg.register_duplicate_check && already_linked(rec))
        goto out;

    check_registration(rec, size, routine, component, reason, legacy, buffer, length, caller);

    /* Steps 4-6: fields, checksum, State. */
    if (legacy) {
        bcsim__lrec_t *r = rec;
        r->routine = routine;
        r->buffer = buffer;
        r->length = length;
        r->component = component;
        r->checksum = bcsim__checksum_legacy(r);
        r->state = 1;
    } else {
        bcsim__rrec_t *r = rec;
        r->routine = routine;
        r->component = component;
        r->reason = reason;
        r->checksum = bcsim__checksum_reason(r);
        r->state = 1;
    }
    /* Steps 7-8: head insert (triage: tail), after the neighbour check. */
    if (!insert(target_list(legacy, reason), (bcsim__list_t *)rec,
                !legacy && reason == BCSIM_REASON_TRIAGE_DUMP_DATA, caller, state)) {
        *state = 0;
        goto out;
    }
    bcsim__recinfo_t *ri = recinfo_add(rec, legacy ? KIND_LEGACY : KIND_REASON);
    if (ri) {
        ri->kind = legacy ? KIND_LEGACY : KIND_REASON;
        ri->linked = true;
        ri->image = caller_image(caller);
        ri->site = (uint64_t)caller;
        ri->serial = bcsim__m.records_ever + 1;
    }
    bcsim__m.records_ever++;
    result = 1;
out:
    bcsim__irql_set(old_irql);
    return result;
}

unsigned char bcsim__record_register_legacy(void *record, void *routine, void *buffer,
                                            bcsim__u32 length, unsigned char *component,
                                            void *caller)
{
    return do_register(record, true, routine, buffer, length, 0, component, caller);
}

unsigned char bcsim__record_register_reason(void *record, void *routine, bcsim__i32 reason,
                                            unsigned char *component, void *caller)
{
    return do_register(record, false, routine, NULL, 0, reason, component, caller);
}

/* ---- deregistration (dispatcher-model.md 3) ------------------------------------------------ */

static unsigned char do_deregister(void *rec, bool legacy, void *caller)
{
    /* The routine reads State at its own kind's offset: 0x38 legacy, 0x2C reason. */
    uint32_t size = legacy ? BCSIM__LREC_SIZE : BCSIM__RREC_SIZE;
    const bcsim__recinfo_t *ri = recinfo(rec);
    if (ri && ri->kind == (legacy ? KIND_REASON : KIND_LEGACY)) {
        bcsim__report_t rep = { .id = BCSIM_V_WRONG_DEREGISTER_ROUTINE, .pc = (uint64_t)caller,
                                .reason = BCSIM__NO_REASON, .address = (uint64_t)rec };
        bcsim__violation(&rep, "%s record %#llx passed to %s",
                         legacy ? "reason" : "legacy", (unsigned long long)rec,
                         legacy ? "KeDeregisterBugCheckCallback"
                                : "KeDeregisterBugCheckReasonCallback");
    }
    uint8_t *state = (uint8_t *)rec + (legacy ? offsetof(bcsim__lrec_t, state)
                                              : offsetof(bcsim__rrec_t, state));
    if (!bcsim__mem_is((uint64_t)rec, size, BCSIM__MC_READABLE) && !bcsim__probe_write(rec, size)) {
        if (bad_record_pointer(rec, size, caller))
            return 0;
    }

    uint8_t old_irql = bcsim__irql_get();
    if (old_irql < BCSIM_IRQL_HIGH)
        bcsim__irql_set(BCSIM_IRQL_HIGH);
    unsigned char result = 0;
    if (*state == 1) {
        bcsim__list_t *e = rec;
        bcsim__list_t *f = e->flink, *b = e->blink;
        if (!node_usable(f) || !node_usable(b) || f->blink != e || b->flink != e) {
            list_corruption(rec, caller, "Flink->Blink or Blink->Flink does not point back at the record");
        } else {
            *state = 0;
            b->flink = f;
            f->blink = b;
            /* The record's own links keep pointing at its former neighbours (UNDOC, 3.1 step 5). */
            bcsim__recinfo_t *w = recinfo(rec);
            if (w)
                w->linked = false;
            bcsim__map_put(&bcsim__m.init_seen, (uint64_t)state, 1);
            result = 1;
        }
    }
    bcsim__irql_set(old_irql);
    return result;
}

unsigned char bcsim__record_deregister_legacy(void *record, void *caller)
{
    return do_deregister(record, true, caller);
}

unsigned char bcsim__record_deregister_reason(void *record, void *caller)
{
    return do_deregister(record, false, caller);
}

/* ---- unload check (R11): records or routines of an unloading image still linked -------- */

typedef struct unload_ctx {
    int32_t image;
    bool found;
    bool legacy;
} unload_ctx_t;

static bool unload_visit(void *rec, void *ctx)
{
    unload_ctx_t *u = ctx;
    void *routine = u->legacy ? ((bcsim__lrec_t *)rec)->routine : ((bcsim__rrec_t *)rec)->routine;
    const uint8_t *comp = u->legacy ? ((bcsim__lrec_t *)rec)->component
                                    : ((bcsim__rrec_t *)rec)->component;
    if (bcsim__image_of((uint64_t)rec) != u->image && bcsim__image_of((uint64_t)routine) != u->image)
        return false;
    char buf[64];
    const char *c = component_copy(comp, buf, sizeof(buf));
    const bcsim__recinfo_t *ri = recinfo(rec);
    bcsim__report_t r = { .id = BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS,
                          .reason = u->legacy ? BCSIM_REASON_LEGACY : ((bcsim__rrec_t *)rec)->reason,
                          .component = c ? bcsim__strdup(c) : NULL,
                          .pc = ri ? ri->site : 0, .address = (uint64_t)rec,
                          .bugcheck_code = BCSIM_BC_DRIVER_UNLOADED_WITHOUT_CANCELLING,
                          .bugcheck_params = { (uint64_t)routine, 0, 0, 0 } };
    bcsim__violation(&r, "record %#llx (routine %s) is still registered",
                     (unsigned long long)rec, bcsim__symbol_name((uint64_t)routine));
    u->found = true;
    return false;
}

bool bcsim__records_check_unload(int32_t image)
{
    unload_ctx_t u = { .image = image };
    bcsim__walk_opts_t o = { .legacy = true, .any_state = true };
    u.legacy = true;
    bcsim__walk(bcsim__m.lists.legacy, &o, unload_visit, &u);
    o.legacy = false;
    u.legacy = false;
    bcsim__walk(bcsim__m.lists.reason, &o, unload_visit, &u);
    bcsim__walk(bcsim__m.lists.pages, &o, unload_visit, &u);
    return u.found;
}
