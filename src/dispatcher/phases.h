/*
 * src/dispatcher/phases.h — the phases of a bug check (dispatcher-model.md 6-7), one file each:
 *   phase_basic.c      legacy callbacks (7.1) and reserved reasons (7.2)
 *   phase_triage.c     KbCallbackTriageDumpData (7.3)
 *   phase_pages.c      KbCallbackAddPages / KbCallbackRemovePages (7.4)
 *   phase_secondary.c  KbCallbackSecondaryDumpData (7.5), ...MultiPartDumpData (7.6)
 *   dump.c             dump writing and the KbCallbackDumpIo stream (6.1, 7.7)
 */
#ifndef BCSIM_PHASES_H
#define BCSIM_PHASES_H

#include "internal.h"
#include "rsd.h"

/* bcsim-owned buffers every phase uses, allocated once per machine in OS memory. Each
 * reason-specific structure ends at a page boundary followed by a guard page, so writing
 * past it faults at the instruction (STRUCTURE_OVERRUN); so does the scratch page behind
 * InBuffer (INBUFFER_OVERRUN). */
typedef struct bcsim__os_buffers {
    void *triage;        /* KBUGCHECK_TRIAGE_DUMP_DATA */
    void *pages;         /* KBUGCHECK_ADD_PAGES / REMOVE_PAGES */
    void *sdd;           /* KBUGCHECK_SECONDARY_DUMP_DATA */
    void *sddx;          /* KBUGCHECK_SECONDARY_DUMP_DATA_EX */
    void *dumpio;        /* KBUGCHECK_DUMP_IO */
    uint8_t *scratch;    /* the 4 KiB secondary-data scratch page (InBuffer) */
    uint8_t *io_buffer;  /* page-aligned buffer handed to DumpIo callbacks */
    uint32_t io_buffer_size;
} bcsim__os_buffers_t;
extern bcsim__os_buffers_t bcsim__osb;

void bcsim__phases_boot(void);              /* after every (re)boot */
void bcsim__phases_shutdown(void);
void bcsim__phase_legacy(void);
void bcsim__phase_reserved(int32_t reason, uint32_t phase);
void bcsim__phase_triage(void);
void bcsim__dump_run(void);                 /* 8a-8f */
void bcsim__dump_abandon(void);             /* halt during a dump: keep what was written */

void bcsim__dump_reset(void);               /* start of a bug check */
int bcsim__dump_stream_chunk(uint32_t type, const void *buf, uint32_t len);
void bcsim__dump_stream_complete(void);

/* Phase results the dump needs (dump.c keeps them until the body is written). */
void bcsim__dump_force_range(uint64_t va, uint64_t size);         /* triage blocks */
void bcsim__dump_pages_change(bool add, uint64_t first_pfn, uint64_t count);
bool bcsim__dump_pfn_exists(uint64_t pfn);
bool bcsim__dump_pfn_protected(uint64_t pfn);
void bcsim__phase_pages(void);
/* Secondary data: the size pass (8b) and the data pass (8e). */
void bcsim__phase_secondary_size(void);
void bcsim__phase_secondary_data(void);
uint64_t bcsim__secondary_region_size(void);  /* bytes the size pass reserved (0 = none) */
void bcsim__secondary_boot(void);            /* registers the built-in producer */
void bcsim__secondary_shutdown(void);
/* A block of secondary data, in production order (dump.c frames and streams it). */
void bcsim__dump_blob(const bcsim_guid_t *guid, const void *data, uint64_t size,
                      const char *component);

/* Output validation shared by the phases and the fuzz harness (src/fuzz/fuzz_dispatch.c), so a
 * fuzzed call is judged exactly as a call in a real bug check. */
enum { BCSIM__SDD_NONE = 0, BCSIM__SDD_OK = 1, BCSIM__SDD_INVALID = 2 };
/* SecondaryDumpData output (7.5 size pass steps 3-6, data pass step 4); why/paged on INVALID. */
int bcsim__sdd_check_output(const bcsim__sdd_t *d, uint64_t maximum, bool data_pass, char *why,
                            size_t why_size, bool *paged_buffer);
/* The size request returned an own buffer the host cannot even read (reported, not fatal). */
bool bcsim__sdd_unmapped_own_buffer(const bcsim__sdd_t *d);
/* A SecondaryMultiPartDumpData data-sweep part lies in readable nonpaged memory (7.6 step 10). */
bool bcsim__sddx_part_resident(const bcsim__sddx_t *x);
/* A returned triage array (7.3), all rules but "already linked in this bug check". */
bool bcsim__triage_check_array(const bcsim__tarray_t *a, uint32_t max_virt_mem, uint32_t *id,
                               char *why, size_t why_size, uint64_t *total);
/* One AddPages/RemovePages return (7.4 steps 4-12); findings are reported inside. */
enum { BCSIM__PAGES_MORE = 0, BCSIM__PAGES_DONE = 1, BCSIM__PAGES_REJECTED = 2,
       BCSIM__PAGES_RUNAWAY = 3 };
int bcsim__pages_check(bcsim__rrec_t *r, uint32_t call, const bcsim__pages_t *p, bool add,
                       bool apply, uint64_t *pages_total, uint64_t *protected_pages);

#endif /* BCSIM_PHASES_H */
