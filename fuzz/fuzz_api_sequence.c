/*
 * fuzz/fuzz_api_sequence.c — streams of dispatcher operations as a fuzz target: initialise,
 * register and deregister legacy and reason records (in driver globals and in nonpaged pool),
 * corrupt a checksum-relevant field or a link, walk a list, bug-check (no dump, callbacks that
 * deregister or register records), reboot, and build triage arrays of odd sizes. After every
 * step the dispatcher's invariants are checked against a model kept here
 * (dispatcher-model.md 2-5): every return value; iteration never crashes and stays bounded;
 * States only take the values 0-4; each list not corrupted by the input holds exactly the
 * model's records in the model's order, with the checksum validity the model expects; a
 * reboot leaves no record in BufferInserted or BufferStarted; triage arrays stay consistent.
 * A broken invariant is reported and abort()s.
 *
 * Input: byte 0 = configuration (bit 0 list.order fifo, 1 register.duplicate_check off,
 * 2 list.corruption report-only, 3 walk.mode tolerant); then 4-byte operations
 * (opcode, a, b, c), at most 256. Each input runs on a freshly created machine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bcsim.h"
#include "internal.h"
#include "memory/memory.h"
#include "dispatcher/dispatcher.h"
#include "dispatcher/phases.h"
#include "api/api_drv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NSLOT FZ_SLOTS     /* 0-7 legacy globals, 8-15 reason globals, 16-19 legacy pool, 20-23 reason pool */
#define MAXLIST 64

enum { OP_INIT, OP_REGISTER, OP_DEREGISTER, OP_CORRUPT_FIELD, OP_CORRUPT_LINK, OP_WALK,
       OP_BUGCHECK, OP_REBOOT, OP_ACTION, OP_TRIAGE_INIT, OP_TRIAGE_ADD, OP__COUNT };

typedef struct mslot {
    uint8_t state;
    bool linked;
    bool modified;          /* a checksum-relevant field changed since registration */
    int list;               /* bcsim_list_t while linked */
    int32_t reason;
} mslot_t;

static struct {
    bcsim_sim_t *sim;
    bool fifo, dup_check;
    mslot_t s[NSLOT];
    int order[3][MAXLIST];
    int n[3];
    bool tainted[3];        /* links corrupted or a double insert: membership no longer modelled */
    bool halted;
    bool any_action;        /* a callback action was scripted */
    bcsim__tarray_t *tarr;
    uint32_t tarr_size;
} M;

static _Noreturn void broken(const char *what, int a, int b)
{
    fprintf(stderr, "fuzz_api_sequence: invariant broken: %s (%d, %d)\n", what, a, b);
    abort();
}

static bool is_legacy(int slot)
{
    return slot < 8 || (slot >= 16 && slot < 20);
}

static int list_for(int slot, int32_t reason)
{
    if (is_legacy(slot))
        return BCSIM_LIST_LEGACY;
    return reason == BCSIM_REASON_ADD_PAGES || reason == BCSIM_REASON_REMOVE_PAGES ? BCSIM_LIST_PAGES
                                                                                  : BCSIM_LIST_REASON;
}

static uint8_t *state_byte(int slot)
{
    return (uint8_t *)FzRecord[slot] + (is_legacy(slot) ? 0x38 : 0x2C);
}

/* The stored checksum no longer matches the fields (dispatcher-model.md 2.2). */
static bool checksum_broken(int slot)
{
    if (is_legacy(slot)) {
        const bcsim__lrec_t *l = FzRecord[slot];
        return l->checksum != bcsim__checksum_legacy(l);
    }
    const bcsim__rrec_t *q = FzRecord[slot];
    return q->checksum != bcsim__checksum_reason(q);
}

/* ---- the model's lists ---------------------------------------------------------------------- */

static void model_insert(int slot, int list, bool tail)
{
    if (M.n[list] >= MAXLIST) {
        M.tainted[list] = true;
        return;
    }
    if (tail) {
        M.order[list][M.n[list]++] = slot;
    } else {
        memmove(&M.order[list][1], &M.order[list][0], (size_t)M.n[list] * sizeof(int));
        M.order[list][0] = slot;
        M.n[list]++;
    }
}

static void model_remove(int slot, int list)
{
    for (int i = 0; i < M.n[list]; i++)
        if (M.order[list][i] == slot) {
            memmove(&M.order[list][i], &M.order[list][i + 1], (size_t)(M.n[list] - i - 1) * sizeof(int));
            M.n[list]--;
            return;
        }
}

/* ---- operations run as driver code (a catch point: a bug check ends the call) ------------- */

typedef struct opcall {
    int op, slot, reason;
    unsigned char result;
} opcall_t;

static void op_thunk(void *p)
{
    opcall_t *o = p;
    switch (o->op) {
    case OP_INIT: fz_init(o->slot); break;
    case OP_REGISTER: o->result = fz_register(o->slot, o->reason); break;
    case OP_DEREGISTER: o->result = fz_deregister(o->slot); break;
    }
}

/* After any bug check: States legal and as the dispatcher may have left them; callbacks may
 * have (de)registered records, so membership is modelled again after the reboot that must
 * follow. before: the States when it began, or NULL if unknown. */
static void after_bugcheck(const uint8_t *before)
{
    M.halted = true;
    for (int i = 0; i < NSLOT; i++) {
        uint8_t now = *state_byte(i);
        if (now > 4)
            broken("State out of range after a bug check", i, now);
        /* Without callback actions a State moves only from BufferInserted to BufferFinished
         * or BufferIncomplete (a callback that re-initialises and registers records can
         * produce any value). */
        if (before && !M.any_action && now != before[i] && !(before[i] == 1 && (now == 3 || now == 4)))
            broken("State transition during a bug check", i, before[i] * 16 + now);
        M.s[i].state = now;
    }
    for (int l = 0; l < 3; l++)
        M.tainted[l] = true;
}

/* Runs one registration-API call; false if the machine bug-checked (halted) during it: list
 * corruption found by the call raises 0x139, and that bug check runs the callbacks. */
static bool driver_op(opcall_t *o)
{
    int rc = bcsim_sim_call(M.sim, op_thunk, o);
    if (rc == BCSIM_EBUGCHECK) {
        after_bugcheck(NULL);
        return false;
    }
    return rc == 0;
}

static void do_init(int slot)
{
    opcall_t o = { .op = OP_INIT, .slot = slot };
    if (driver_op(&o))
        M.s[slot].state = 0;
}

static void do_register(int slot, int32_t reason)
{
    mslot_t *m = &M.s[slot];
    int list = list_for(slot, reason);
    bool tail = M.fifo || (!is_legacy(slot) && reason == BCSIM_REASON_TRIAGE_DUMP_DATA);
    bool unpredictable = M.tainted[list] || (m->linked && M.tainted[m->list]);
    opcall_t o = { .op = OP_REGISTER, .slot = slot, .reason = reason };
    if (!driver_op(&o)) {
        /* List corruption found while inserting: 0x139, the machine halted mid-call. */
        if (!unpredictable)
            broken("registration bug-checked on an intact list", slot, reason);
        return;
    }
    bool expect = m->state == 0 && (!m->linked || !M.dup_check);
    if (unpredictable) {
        /* A registration that fails on list corruption has already stored its fields. */
        m->state = *state_byte(slot);
        m->modified = checksum_broken(slot);
        if (o.result) {
            if (m->linked)
                M.tainted[m->list] = true;   /* it left (or is now twice in) its old list */
            m->linked = true;
            m->list = list;
            M.tainted[list] = true;
        }
        return;
    }
    if (o.result != expect)
        broken("KeRegister*Callback result", slot, o.result);
    if (!expect)
        return;
    if (m->linked) {
        /* register.duplicate_check off: the record is now in a list twice. */
        M.tainted[m->list] = M.tainted[list] = true;
        m->list = list;
        m->state = 1;
        m->modified = false;
        return;
    }
    m->state = 1;
    m->linked = true;
    m->modified = false;
    m->list = list;
    m->reason = is_legacy(slot) ? BCSIM_REASON_LEGACY : reason;
    model_insert(slot, list, tail);
}

static void do_deregister(int slot)
{
    mslot_t *m = &M.s[slot];
    bool unpredictable = m->linked && M.tainted[m->list];
    opcall_t o = { .op = OP_DEREGISTER, .slot = slot };
    if (!driver_op(&o)) {
        if (!unpredictable)
            broken("deregistration bug-checked on an intact list", slot, 0);
        return;
    }
    if (unpredictable) {
        m->state = *state_byte(slot);
        if (!o.result)
            return;
        m->linked = false;
        return;
    }
    bool expect = m->state == 1;
    if (o.result != expect)
        broken("KeDeregister*Callback result", slot, o.result);
    if (expect) {
        m->state = 0;
        m->linked = false;
        model_remove(slot, m->list);
    }
}

static void corrupt_field(int slot, int which)
{
    uint8_t *r = FzRecord[slot];
    if (is_legacy(slot)) {
        bcsim__lrec_t *l = (bcsim__lrec_t *)r;
        switch (which % 4) {
        case 0: l->routine = (void *)((uintptr_t)l->routine + 0x10); break;
        case 1: l->component = (uint8_t *)((uintptr_t)l->component + 1); break;
        case 2: l->length ^= 1; break;
        default: l->buffer = (void *)((uintptr_t)l->buffer + 0x10); break;
        }
    } else {
        bcsim__rrec_t *q = (bcsim__rrec_t *)r;
        switch (which % 4) {
        case 0: q->routine = (void *)((uintptr_t)q->routine + 0x10); break;
        case 1: q->component = (uint8_t *)((uintptr_t)q->component + 1); break;
        case 2: q->reason ^= 1; break;
        default: q->checksum ^= 1; break;
        }
    }
    M.s[slot].modified = checksum_broken(slot);
}

static void corrupt_link(int slot, int how, int other)
{
    bcsim__list_t *e = FzRecord[slot];
    switch (how % 5) {
    case 0: e->flink = NULL; break;
    case 1: e->blink = NULL; break;
    case 2: e->flink = FzRecord[other % NSLOT]; break;
    case 3: e->blink = (bcsim__list_t *)((uint8_t *)e + 4); break;
    default: e->flink = (bcsim__list_t *)(uintptr_t)0xdead0000u; break;
    }
    if (M.s[slot].linked)
        M.tainted[M.s[slot].list] = true;
}

static bool count_visit(void *rec, void *ctx)
{
    (void)rec;
    (*(uint32_t *)ctx)++;
    return false;
}

static void do_walk(int list, int32_t reason, bool any_state)
{
    bcsim__list_t *heads[3] = { bcsim__m.lists.legacy, bcsim__m.lists.reason, bcsim__m.lists.pages };
    bcsim__walk_opts_t o = { .legacy = list == BCSIM_LIST_LEGACY, .reason = reason, .any_state = any_state };
    uint32_t visited = 0;
    bcsim__walk(heads[list], &o, count_visit, &visited);
    if (visited > bcsim__m.records_ever + 16)
        broken("walk exceeded its bound", list, (int)visited);
    if (!M.tainted[list] && any_state && (int)visited != M.n[list])
        broken("walk (any state) count differs from the model", list, (int)visited);
}

static void do_bugcheck(uint32_t code)
{
    if (M.halted)
        return;
    uint8_t before[NSLOT];
    for (int i = 0; i < NSLOT; i++)
        before[i] = *state_byte(i);
    uint64_t p[4] = { 1, 2, 3, 4 };
    const bcsim_result_t *res = NULL;
    if (bcsim_sim_bugcheck(M.sim, code, p, &res) != 0 || !res)
        broken("bcsim_sim_bugcheck failed", (int)code, 0);
    for (uint32_t i = 0; i < res->call_count; i++)
        if (res->calls[i].state_after > 4)
            broken("call State out of range", (int)i, res->calls[i].state_after);
    after_bugcheck(before);
}

static void do_reboot(void)
{
    if (bcsim_sim_reboot(M.sim) != 0)
        broken("reboot failed", 0, 0);
    M.halted = false;
    for (int i = 0; i < NSLOT; i++) {
        uint8_t now = *state_byte(i);
        if (now == 1 || now == 2)
            broken("record still BufferInserted/Started after a reboot", i, now);
        M.s[i].state = now;
        M.s[i].linked = false;
    }
    memset(M.n, 0, sizeof(M.n));
    memset(M.tainted, 0, sizeof(M.tainted));
}

/* ---- triage arrays of odd sizes (bugcheck-api.md 11) ------------------------------------- */

static void check_tarr(void)
{
    bcsim__tarray_t *a = M.tarr;
    if (!a)
        return;
    if (a->num_blocks_used > a->num_blocks_total)
        broken("triage NumBlocksUsed > NumBlocksTotal", (int)a->num_blocks_used, (int)a->num_blocks_total);
    if (0x30 + (uint64_t)a->num_blocks_total * 16 > M.tarr_size)
        broken("triage NumBlocksTotal does not fit the array", (int)a->num_blocks_total, (int)M.tarr_size);
    uint64_t sum = 0;
    for (uint32_t i = 0; i < a->num_blocks_used; i++) {
        if (!bcsim__mem_is((uint64_t)a->blocks[i].address, a->blocks[i].size, BCSIM__MC_RESIDENT) ||
            a->blocks[i].size == 0)
            broken("triage block not a resident non-empty range", (int)i, 0);
        sum += a->blocks[i].size;
    }
    if (sum != a->data_size)
        broken("triage DataSize differs from the blocks' sum", (int)sum, (int)a->data_size);
    uint32_t id;
    uint64_t total;
    char why[256];
    if (!bcsim__triage_check_array(a, 0x2000000, &id, why, sizeof(why), &total) || total != sum)
        broken("a consistent triage array fails the dispatcher's check", (int)id, 0);
}

static void triage_init(uint32_t size)
{
    void *p = bcsim__pool_alloc(size ? size : 1, false, 0x7a46, 16, 0, 0);
    if (!p)
        return;
    int32_t rc = bcsim__triage_init_array(p, size);
    bool ok = size >= 0x40;
    if ((rc == 0) != ok)
        broken("KeInitializeTriageDumpDataArray status", (int)size, rc);
    if (ok) {
        M.tarr = p;
        M.tarr_size = size;
        if (M.tarr->num_blocks_total != (size - 0x30) / 16 || M.tarr->num_blocks_used != 0)
            broken("triage array header after initialisation", (int)size, 0);
    }
}

static void triage_add(uint32_t off, uint32_t size)
{
    if (!M.tarr)
        return;
    uint8_t *base = &FzBuffer[0][0];
    uint32_t used = M.tarr->num_blocks_used, dsize = M.tarr->data_size;
    int32_t rc = bcsim__triage_add_block(M.tarr, base + off % sizeof(FzBuffer), size);
    if (rc != 0 && (M.tarr->num_blocks_used != used || M.tarr->data_size != dsize))
        broken("a failed KeAddTriageDumpDataBlock changed the array", rc, 0);
    check_tarr();
}

/* ---- invariants after every step ----------------------------------------------------------- */

static void check(void)
{
    for (int list = 0; list < 3; list++) {
        bcsim_record_iter_t it;
        bcsim_record_info_t info;
        int seen = 0;
        bcsim_records_begin(&it, (uint32_t)list);
        while (bcsim_records_next(&it, &info)) {
            if (info.state > 4)
                broken("iterator State out of range", list, info.state);
            if (++seen > (int)bcsim__m.records_ever + 17)
                broken("iteration not bounded", list, seen);
            if (M.tainted[list])
                continue;
            if (seen > M.n[list] || FzRecord[M.order[list][seen - 1]] != info.record)
                broken("list membership or order differs from the model", list, seen);
            const mslot_t *m = &M.s[M.order[list][seen - 1]];
            if (info.checksum_valid == m->modified)
                broken("checksum validity differs from the model", list, M.order[list][seen - 1]);
        }
        if (!M.tainted[list] && seen != M.n[list])
            broken("list shorter than the model", list, seen);
        if (!M.tainted[list] && bcsim_records_count((uint32_t)list) != (uint32_t)M.n[list])
            broken("bcsim_records_count differs from the model", list, M.n[list]);
    }
    for (int i = 0; i < NSLOT; i++) {
        uint8_t now = *state_byte(i);
        if (now > 4)
            broken("State out of range", i, now);
        bool modelled = !M.s[i].linked || !M.tainted[M.s[i].list];
        if (modelled && now != M.s[i].state)
            broken("State differs from the model", i, now * 16 + M.s[i].state);
    }
}

/* ---- one input --------------------------------------------------------------------------- */

static void setup(uint8_t cfgbits)
{
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    cfg.dump_type = BCSIM_DUMP_NONE;
    cfg.dump_path = NULL;
    cfg.secondary_builtin = false;
    cfg.list_fifo = cfgbits & 1;
    cfg.register_duplicate_check = !(cfgbits & 2);
    cfg.list_corruption_bugcheck = !(cfgbits & 4);
    cfg.walk_mode = (cfgbits & 8) ? BCSIM_WALK_TOLERANT : BCSIM_WALK_STRICT;
    memset(&M, 0, sizeof(M));
    M.fifo = cfg.list_fifo;
    M.dup_check = cfg.register_duplicate_check;
    if (bcsim_sim_create(&cfg, &M.sim) != 0)
        broken("bcsim_sim_create", 0, 0);
    fz_reset();
    for (int i = 0; i < NSLOT; i++) {
        FzLegacy[i] = is_legacy(i);
        if (i < 8)
            FzRecord[i] = fz_global_legacy(i);
        else if (i < 16)
            FzRecord[i] = fz_global_reason(i - 8);
        else
            FzRecord[i] = bcsim__pool_alloc(is_legacy(i) ? 0x40 : 0x30, false, 0x7a46, 16, 0, 0);
        if (!FzRecord[i])
            broken("pool", i, 0);
        memset(FzRecord[i], 0, is_legacy(i) ? 0x40 : 0x30);
        FzReasonOf[i] = BCSIM_REASON_SECONDARY_DUMP_DATA;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int trace = -1;
    if (trace < 0)
        trace = getenv("FUZZ_API_TRACE") != NULL;
    setup(size ? data[0] : 0);
    size_t ops = size > 1 ? (size - 1) / 4 : 0;
    if (ops > 256)
        ops = 256;
    for (size_t k = 0; k < ops; k++) {
        const uint8_t *o = data + 1 + 4 * k;
        int op = o[0] % OP__COUNT, slot = o[1] % NSLOT;
        int32_t reason = o[2] % 12;          /* 0-9 and two undefined values */
        if (trace)
            fprintf(stderr, "op %zu: %d slot %d args %u %u%s\n", k, op, slot, o[2], o[3],
                    M.halted ? " (halted)" : "");
        if (M.halted && op != OP_REBOOT && op != OP_WALK && op != OP_CORRUPT_FIELD &&
            op != OP_CORRUPT_LINK && op < OP_TRIAGE_INIT) {
            check();
            continue;
        }
        switch (op) {
        case OP_INIT: do_init(slot); break;
        case OP_REGISTER: do_register(slot, reason); break;
        case OP_DEREGISTER: do_deregister(slot); break;
        case OP_CORRUPT_FIELD: corrupt_field(slot, o[2]); break;
        case OP_CORRUPT_LINK: corrupt_link(slot, o[2], o[3]); break;
        case OP_WALK: do_walk(o[1] % 3, o[2] % 11, o[3] & 1); break;
        case OP_BUGCHECK: do_bugcheck(o[2] == 0xE5 ? 0xE5 : 0xE2 + (o[3] & 1)); break;
        case OP_REBOOT: do_reboot(); break;
        case OP_ACTION:
            FzAction[slot] = o[2] % 4;
            M.any_action |= FzAction[slot] != FZ_ACT_NONE;
            FzActionArg[slot] = o[3];
            FzReasonOf[slot] = o[3] % 12;
            break;
        case OP_TRIAGE_INIT: triage_init(((uint32_t)o[2] | (uint32_t)o[3] << 8) % 0x300); break;
        case OP_TRIAGE_ADD: triage_add(o[2], (uint32_t)o[3] * 3 + (o[1] & 7)); break;
        }
        if (trace)
            fprintf(stderr, "  slot %d: state %u linked %d list %d modified %d; tainted %d%d%d\n", slot,
                    M.s[slot].state, M.s[slot].linked, M.s[slot].list, M.s[slot].modified,
                    M.tainted[0], M.tainted[1], M.tainted[2]);
        check();
    }
    bcsim_sim_destroy(M.sim);
    M.sim = NULL;
    return 0;
}
