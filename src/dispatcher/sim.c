/*
 * src/dispatcher/sim.c — the simulated machine's lifetime: boot, reboot, shutdown; the list heads and
 * KiBugCheckData in bcsim OS memory; iteration over the callback lists for tests, reports
 * and the gdb extension.
 */
#include "internal.h"
#include "machine/kmdf.h"
#include "report/fmt.h"
#include "dispatcher/dispatcher.h"
#include "machine/machine.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>
#include <stdlib.h>

struct bcsim_sim {
    int unused;
};
static struct bcsim_sim the_sim;
static struct bcsim_sim *bcsim__sim;


static void lists_init(void)
{
    bcsim__list_t **heads[] = { &bcsim__m.lists.legacy, &bcsim__m.lists.reason,
                                &bcsim__m.lists.pages, &bcsim__m.lists.triage };
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(heads); i++) {
        if (!*heads[i])
            *heads[i] = bcsim__os_alloc(sizeof(bcsim__list_t), 16);
        (*heads[i])->flink = (*heads[i])->blink = *heads[i];
    }
}

static void machine_reset_state(void)
{
    lists_init();
    memset(bcsim__m.bugcheck_data, 0, 5 * sizeof(uint64_t));
    bcsim__m.irql = BCSIM_IRQL_PASSIVE;
    bcsim__m.interrupts_disabled = false;
    bcsim__m.depth = 0;
    bcsim__m.halted = false;
    bcsim__m.current_call = -1;
    bcsim__records_reset(false);
    bcsim__violations_reset_dedupe();
    bcsim__paged_protect(false);
    bcsim__dbglog_reset();
    bcsim__screen_reset();
    bcsim__nt_set_build_number(bcsim__m.cfg.build_number);
    bcsim__boot_hooks();
}

int bcsim_sim_create(const bcsim_config_t *cfg, bcsim_sim_t **out)
{
    if (!out)
        return BCSIM_EINVAL;
    *out = NULL;
    if (bcsim__m.alive)
        return BCSIM_EBUSY;
    memset(&bcsim__m, 0, sizeof(bcsim__m));
    bcsim__supervision_reset();
    if (cfg)
        bcsim__m.cfg = *cfg;
    else
        bcsim_config_init(&bcsim__m.cfg);
    int rc = bcsim__memory_init();
    if (rc)
        return rc;
    bcsim__m.bugcheck_data = bcsim__os_alloc(5 * sizeof(uint64_t), 16);
    if (!bcsim__m.bugcheck_data) {
        bcsim__memory_fini();
        return BCSIM_ENOMEM;
    }
    bcsim__nt_set_bugcheck_data((bcsim__u64 *)bcsim__m.bugcheck_data);   /* KiBugCheckData */
    rc = bcsim__images_init();
    if (rc) {
        bcsim__memory_fini();
        return rc;
    }
    bcsim__m.alive = true;
    machine_reset_state();
    bcsim__sim = &the_sim;
    *out = &the_sim;
    return 0;
}

void bcsim_sim_destroy(bcsim_sim_t *sim)
{
    if (!sim || !bcsim__m.alive)
        return;
    bcsim__dbglog_flush();
    bcsim__shutdown_hooks();
    bcsim__kmdf_shutdown();
    bcsim__pci_shutdown();
    bcsim__screen_reset();
    bcsim__images_fini();
    bcsim__records_reset(true);
    bcsim__map_clear(&bcsim__m.dedupe);
    BCSIM_VEC_FREE(&bcsim__m.violations);
    BCSIM_VEC_FREE(&bcsim__m.dbgprint);
    bcsim__nt_set_bugcheck_data(NULL);
    bcsim__nt_set_build_number(22000);
    bcsim__dbglog_reset();
    bcsim__mm_shutdown();
    bcsim__memory_fini();
    bcsim__symbolize_fini();
    bcsim__strings_free();
    memset(&bcsim__m, 0, sizeof(bcsim__m));
    bcsim__sim = NULL;
}

bcsim_config_t *bcsim_sim_config(bcsim_sim_t *sim)
{
    return sim ? &bcsim__m.cfg : NULL;
}

int bcsim_sim_reboot(bcsim_sim_t *sim)
{
    if (!sim || !bcsim__m.alive)
        return BCSIM_EINVAL;
    machine_reset_state();
    return 0;
}

bool bcsim_sim_halted(const bcsim_sim_t *sim)
{
    (void)sim;
    return bcsim__m.halted;
}

const char *bcsim_sim_dbgprint(const bcsim_sim_t *sim)
{
    (void)sim;
    return bcsim__m.dbgprint.n ? bcsim__m.dbgprint.v : "";
}

/* ---- list iteration for tests, reports and gdb ----------------------------------------------- */

static bcsim__list_t *list_head(uint32_t list)
{
    switch (list) {
    case BCSIM_LIST_LEGACY: return bcsim__m.lists.legacy;
    case BCSIM_LIST_REASON: return bcsim__m.lists.reason;
    case BCSIM_LIST_PAGES: return bcsim__m.lists.pages;
    }
    return NULL;
}

void bcsim_records_begin(bcsim_record_iter_t *it, uint32_t list)
{
    memset(it, 0, sizeof(*it));
    it->list = list;
    bcsim__list_t *head = list_head(list);
    it->prev = head;
    it->next = head ? head->flink : NULL;
    it->done = !head || !head->flink;
}

bool bcsim_records_next(bcsim_record_iter_t *it, bcsim_record_info_t *info)
{
    bcsim__list_t *head = list_head(it->list);
    if (it->done || !head || it->next == head) {
        it->done = true;
        return false;
    }
    bool legacy = it->list == BCSIM_LIST_LEGACY;
    bcsim__list_t *cur = (bcsim__list_t *)it->next;
    if (it->index > bcsim__m.records_ever + 16 ||
        !bcsim__walk_node_ok(cur, (const bcsim__list_t *)it->prev, legacy)) {
        it->done = true;
        return false;
    }
    memset(info, 0, sizeof(*info));
    info->list = it->list;
    info->index = it->index++;
    info->record = cur;
    info->legacy = legacy;
    const uint8_t *comp;
    if (legacy) {
        const bcsim__lrec_t *r = (const bcsim__lrec_t *)cur;
        info->reason = BCSIM_REASON_LEGACY;
        info->state = r->state;
        info->checksum_valid = r->checksum == bcsim__checksum_legacy(r);
        info->routine = r->routine;
        info->buffer = r->buffer;
        info->length = r->length;
        comp = r->component;
    } else {
        const bcsim__rrec_t *r = (const bcsim__rrec_t *)cur;
        info->reason = r->reason;
        info->state = r->state;
        info->checksum_valid = r->checksum == bcsim__checksum_reason(r);
        info->routine = r->routine;
        comp = r->component;
    }
    info->component_ptr = comp;
    size_t i = 0;
    for (; comp && i + 1 < sizeof(info->component); i++) {
        char ch;
        if (!bcsim__mem_read_harness((uint64_t)comp + i, &ch, 1))
            break;
        info->component[i] = ch;
        if (!ch)
            break;
    }
    if (!comp || (i == 0 && !info->component[0]))
        strcpy(info->component, "?");
    it->prev = cur;
    it->next = cur->flink;
    return true;
}

uint32_t bcsim_records_count(uint32_t list)
{
    bcsim_record_iter_t it;
    bcsim_record_info_t info;
    uint32_t n = 0;
    bcsim_records_begin(&it, list);
    while (bcsim_records_next(&it, &info))
        n++;
    return n;
}
