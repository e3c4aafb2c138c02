/*
 * src/dump.c — the dump phase of a bug check (dispatcher-model.md 6.1) and the KbCallbackDumpIo
 * stream (7.7): which pages are in the dump, the secondary-data passes, every chunk of the
 * file handed to DumpIo callbacks in file order, then exactly one KbDumpIoComplete.
 *
 * Policy only: the file format is src/dump_writer.c, the file itself src/dump_file.c.
 */
#include "phases.h"
#include "contain.h"
#include "rsd.h"

#include <stdio.h>
#include <stdlib.h>

bcsim__os_buffers_t bcsim__osb;

typedef struct page_change {
    bool add;
    uint64_t pfn, count;
} page_change_t;

typedef struct forced_range {
    uint64_t va, size;
} forced_range_t;

static struct {
    BCSIM_VEC(page_change_t) changes;
    BCSIM_VEC(forced_range_t) forced;
    uint64_t file_offset;          /* bytes streamed so far */
    bcsim__map_t modified;         /* DumpIo records already reported for changing a buffer */
    bool streaming;
} D;

/* ---- OS buffers ------------------------------------------------------------------------------ */

static int alloc_buffers(void)
{
    bcsim__os_buffers_t *b = &bcsim__osb;
    if (b->scratch)
        return 0;
    uint32_t chunk = bcsim__m.cfg.dumpio_body_chunk_pages ? bcsim__m.cfg.dumpio_body_chunk_pages : 16;
    b->io_buffer_size = (uint32_t)BCSIM_MAX(chunk, 2u) * 0x1000u;
    b->triage = bcsim__os_alloc_guarded(sizeof(bcsim__triage_t), "guard:rsd:TriageDumpData");
    b->pages = bcsim__os_alloc_guarded(sizeof(bcsim__pages_t), "guard:rsd:AddPages/RemovePages");
    b->sdd = bcsim__os_alloc_guarded(sizeof(bcsim__sdd_t), "guard:rsd:SecondaryDumpData");
    b->sddx = bcsim__os_alloc_guarded(sizeof(bcsim__sddx_t), "guard:rsd:SecondaryMultiPartDumpData");
    b->dumpio = bcsim__os_alloc_guarded(sizeof(bcsim__dumpio_t), "guard:rsd:DumpIo");
    b->scratch = bcsim__os_alloc_guarded(0x1000, "guard:inbuffer");
    b->io_buffer = bcsim__os_alloc_guarded(b->io_buffer_size, "guard:dumpio");
    if (!b->triage || !b->pages || !b->sdd || !b->sddx || !b->dumpio || !b->scratch || !b->io_buffer) {
        memset(b, 0, sizeof(*b));
        return BCSIM_ENOMEM;
    }
    return 0;
}

void bcsim__phases_boot(void)
{
    alloc_buffers();
    bcsim__secondary_boot();
}

void bcsim__phases_shutdown(void)
{
    memset(&bcsim__osb, 0, sizeof(bcsim__osb)); /* OS memory goes with the machine */
    BCSIM_VEC_FREE(&D.changes);
    BCSIM_VEC_FREE(&D.forced);
    bcsim__map_clear(&D.modified);
    bcsim__secondary_shutdown();
}

/* ---- what phases tell the dump ------------------------------------------------------------------ */

void bcsim__dump_reset(void)
{
    BCSIM_VEC_CLEAR(&D.changes);
    BCSIM_VEC_CLEAR(&D.forced);
    bcsim__map_clear(&D.modified);
    D.file_offset = 0;
    D.streaming = false;
}

void bcsim__dump_force_range(uint64_t va, uint64_t size)
{
    forced_range_t *f = BCSIM_VEC_PUSH(&D.forced);
    if (f) {
        f->va = va;
        f->size = size;
    }
}

void bcsim__dump_pages_change(bool add, uint64_t first_pfn, uint64_t count)
{
    page_change_t *last = D.changes.n ? &D.changes.v[D.changes.n - 1] : NULL;
    if (last && last->add == add && last->pfn + last->count == first_pfn) {
        last->count += count;
        return;
    }
    page_change_t *c = BCSIM_VEC_PUSH(&D.changes);
    if (c) {
        c->add = add;
        c->pfn = first_pfn;
        c->count = count;
    }
}

bool bcsim__dump_pfn_exists(uint64_t pfn)
{
    uint64_t va;
    return bcsim__mem_pa_to_va(pfn << BCSIM_PAGE_SHIFT, &va);
}

/* Page-table frames sit below the first data frame (dump-format.md 13.4). */
bool bcsim__dump_pfn_protected(uint64_t pfn)
{
    return pfn < 0x10000;
}

/* ---- the DumpIo stream (7.7) --------------------------------------------------------------------- */

typedef struct io_ctx {
    uint32_t type;
    const void *src;               /* the writer's bytes (what goes to the file) */
    uint32_t len;
    uint64_t offset;
    uint64_t hash;
    bool complete;
} io_ctx_t;

static bool dumpio_visit(void *rec, void *ctx_)
{
    io_ctx_t *ctx = ctx_;
    bcsim__rrec_t *r = rec;
    bcsim__dumpio_t *io = bcsim__osb.dumpio;
    io->offset = bcsim__m.cfg.dumpio_real_offsets && !ctx->complete ? ctx->offset : UINT64_MAX;
    io->buffer = ctx->complete ? NULL : bcsim__osb.io_buffer;
    io->buffer_length = ctx->complete ? 0 : ctx->len;
    io->type = ctx->type;
    bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine, .data = io,
                       .data_len = sizeof(*io), .irql = BCSIM_IRQL_HIGH, .state_during = 1 };
    int out = bcsim__invoke(&cb);
    bcsim_call_t *c = bcsim__call(cb.call);
    if (c) {
        c->io_type = ctx->type;
        c->io_offset = io->offset;
        c->io_length = ctx->complete ? 0 : ctx->len;
    }
    if (out != BCSIM_OUTCOME_RETURNED) {
        bcsim__state_after(r, false, 1, 4, cb.call);
    } else if (ctx->complete) {
        bcsim__state_after(r, false, 1, 3, cb.call);
    }
    if (!ctx->complete) {
        /* The buffer is the OS's: a callback that changed it gets a finding, and the next
         * callback (and the file) see the original bytes. */
        uint64_t h = bcsim__fnv1a(bcsim__osb.io_buffer, ctx->len, BCSIM__FNV_INIT);
        if (h != ctx->hash) {
            if (!bcsim__map_get(&D.modified, (uint64_t)r)) {
                bcsim__map_put(&D.modified, (uint64_t)r, 1);
                bcsim__report_t rep = { .id = BCSIM_V_DUMPIO_BUFFER_MODIFIED, .reason = r->reason,
                                        .component = c ? c->component : NULL,
                                        .pc = (uint64_t)r->routine, .address = (uint64_t)r };
                bcsim__violation(&rep, "%s write at file offset %#llx (%u bytes); the file keeps the original bytes",
                                 bcsim_dump_io_type_name(ctx->type), (unsigned long long)ctx->offset,
                                 ctx->len);
            }
            memcpy(bcsim__osb.io_buffer, ctx->src, ctx->len);
        }
    }
    return false;
}

static uint32_t io_phase(uint32_t type)
{
    switch (type) {
    case BCSIM_DUMP_IO_HEADER: return BCSIM_PHASE_DUMP_HEADER;
    case BCSIM_DUMP_IO_BODY: return BCSIM_PHASE_DUMP_BODY;
    case BCSIM_DUMP_IO_SECONDARY_DATA: return BCSIM_PHASE_DUMP_SECONDARY;
    default: return BCSIM_PHASE_DUMP_COMPLETE;
    }
}

/* One chunk of the file: logged, handed to every DumpIo record, then written. */
int bcsim__dump_stream_chunk(uint32_t type, const void *buf, uint32_t len)
{
    uint32_t saved_phase = bcsim__run.phase;
    bcsim__run.phase = io_phase(type);
    bcsim_dumpio_write_t *w = BCSIM_VEC_PUSH(&bcsim__run.writes);
    uint64_t hash = bcsim__fnv1a(buf, len, BCSIM__FNV_INIT);
    if (w) {
        w->type = type;
        w->file_offset = D.file_offset;
        w->length = len;
        w->hash = hash;
    }
    for (uint32_t done = 0; done < len;) {
        uint32_t n = BCSIM_MIN(len - done, bcsim__osb.io_buffer_size);
        io_ctx_t ctx = { .type = type, .src = (const uint8_t *)buf + done, .len = n,
                         .offset = D.file_offset + done };
        memcpy(bcsim__osb.io_buffer, ctx.src, n);
        ctx.hash = n == len ? hash : bcsim__fnv1a(ctx.src, n, BCSIM__FNV_INIT);
        bcsim__walk_opts_t o = { .reason = BCSIM_REASON_DUMP_IO };
        bcsim__walk(bcsim__m.lists.reason, &o, dumpio_visit, &ctx);
        done += n;
    }
    D.file_offset += len;
    bcsim__run.phase = saved_phase;
    return 0;
}

void bcsim__dump_stream_complete(void)
{
    bcsim__run.phase = BCSIM_PHASE_DUMP_COMPLETE;
    io_ctx_t ctx = { .type = BCSIM_DUMP_IO_COMPLETE, .complete = true };
    bcsim__walk_opts_t o = { .reason = BCSIM_REASON_DUMP_IO };
    bcsim__walk(bcsim__m.lists.reason, &o, dumpio_visit, &ctx);
}

/* ---- the dump phase (6.1) -------------------------------------------------------------------------
 * The file is produced by src/dump_writer.c (in progress); until it lands this runs every
 * callback phase and streams nothing. */

void bcsim__dump_blob(const bcsim_guid_t *guid, const void *data, uint64_t size,
                      const char *component)
{
    (void)data;
    bcsim_blob_info_t *b = BCSIM_VEC_PUSH(&bcsim__run.blobs);
    if (b) {
        b->guid = *guid;
        b->size = (uint32_t)size;
        b->component = component;
    }
}

void bcsim__dump_run(void)
{
    uint32_t t = bcsim__run.dump_type;
    if (t == BCSIM_DUMP_FULL || t == BCSIM_DUMP_BITMAP)
        bcsim__phase_pages();
    bcsim__phase_secondary_size();
    bcsim__phase_secondary_data();
    bcsim__dump_stream_complete();
}

void bcsim__dump_abandon(void)
{
}
