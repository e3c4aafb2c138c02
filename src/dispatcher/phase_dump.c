/*
 * src/dispatcher/phase_dump.c — the dump phase of a bug check (dispatcher-model.md 6.1) and the KbCallbackDumpIo
 * stream (7.7): which pages are in the dump, the secondary-data passes, every chunk of the
 * file handed to DumpIo callbacks in file order, then exactly one KbDumpIoComplete.
 *
 * Policy only: the file format is src/dump/dump_writer.c, the file itself src/dump/dump_file.c.
 */
#include "dispatcher/phases.h"
#include "verifier/contain.h"
#include "rsd.h"
#include "dump/dump_file.h"
#include "dump/dump_writer.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>
#include <stdlib.h>
#include <xxhash.h>

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
    size_t quiet_calls;            /* callback count when a DumpIo walk last called nobody */
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
    D.quiet_calls = SIZE_MAX;
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
    bool complete;
    bool copied;                   /* src is in the DumpIo buffer (done for the first record) */
    bool called;                   /* some DumpIo record was called with this chunk */
} io_ctx_t;

static bool dumpio_visit(void *rec, void *ctx_)
{
    io_ctx_t *ctx = ctx_;
    bcsim__rrec_t *r = rec;
    bcsim__dumpio_t *io = bcsim__osb.dumpio;
    if (!ctx->complete && !ctx->copied) {
        memcpy(bcsim__osb.io_buffer, ctx->src, ctx->len);
        ctx->copied = true;
    }
    ctx->called = true;
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
        if (memcmp(bcsim__osb.io_buffer, ctx->src, ctx->len) != 0) {
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

/* One chunk of the file: logged, handed to every DumpIo record, then written. The chunk is
 * copied into the OS's DumpIo buffer and hashed only when a DumpIo callback is called with
 * it (the hash is there to check a mirror against; with no mirror it would only cost time:
 * about a third of the writing time of a 1 GiB dump). */
int bcsim__dump_stream_chunk(uint32_t type, const void *buf, uint32_t len)
{
    uint32_t saved_phase = bcsim__run.phase;
    bcsim__run.phase = io_phase(type);
    bcsim_dumpio_write_t *w = BCSIM_VEC_PUSH(&bcsim__run.writes);
    if (w) {
        w->type = type;
        w->file_offset = D.file_offset;
        w->length = len;
        w->hash = 0;
    }
    bool called = false;
    for (uint32_t done = 0; done < len;) {
        uint32_t n = BCSIM_MIN(len - done, bcsim__osb.io_buffer_size);
        io_ctx_t ctx = { .type = type, .src = (const uint8_t *)buf + done, .len = n,
                         .offset = D.file_offset + done };
        /* A walk that called nobody, repeated before any driver code has run, reads the same
         * bytes and does the same: nothing (its findings are deduplicated). Skip it: with
         * many records of other reasons on the list, a walk of them all per 64 KiB chunk made
         * a bug check's cost grow with records x dump size. */
        if (D.quiet_calls != bcsim__run.calls.n) {
            bcsim__walk_opts_t o = { .reason = BCSIM_REASON_DUMP_IO };
            bcsim__walk(bcsim__m.lists.reason, &o, dumpio_visit, &ctx);
            if (!ctx.called)
                D.quiet_calls = bcsim__run.calls.n;
        }
        called |= ctx.called;
        done += n;
    }
    if (w && called)
        w->hash = XXH3_64bits(buf, len);
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

/* ---- the dump phase (6.1) ------------------------------------------------------------------------ */

static struct {
    bcsim__dump_writer_t *w;
    bcsim__dump_file_t *file;
    bool file_failed;
    uint64_t total;               /* RequiredDumpSpace */
    uint64_t tagged;              /* T */
    uint64_t cursor;              /* region offset of the next blob header */
    bcsim__pfnset_t set;          /* frames in the dump (kept here: a halt may jump out) */
    bool have_set;
} W;

/* The file is done: a supervising process may publish it even if a later callback ends the
 * boot (cfg.on_dump). */
static void dump_finished(void)
{
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    if (cfg->on_dump)
        cfg->on_dump(cfg->event_ctx, bcsim__run.dump_status, D.file_offset, bcsim__run.dump_error);
}

static void file_error(const char *what)
{
    if (!bcsim__run.dump_status) {
        bcsim__run.dump_status = BCSIM_EIO;
        bcsim__run.dump_error = bcsim__strdup(what);
        bcsim__report_t r = { .id = BCSIM_V_DUMP_WRITE_FAILED, .reason = BCSIM__NO_REASON };
        bcsim__violation(&r, "%s", what);
    }
}

static void file_failed(void)
{
    W.file_failed = true;
    file_error(bcsim__dump_file_error(W.file));
    bcsim__dump_file_abort(W.file);
    W.file = NULL;
}

/* Writes out file bytes kept in place; before any driver code runs, which could change them. */
static void file_flush(void)
{
    if (W.file && !W.file_failed && bcsim__dump_file_flush(W.file) != 0)
        file_failed();
}

/* No DumpIo walk will run before the next callback invocation (see the quiet walk in
 * bcsim__dump_stream_chunk): no driver code runs, so the writer may hand over memory in
 * place and the file may keep it for a later, larger write. */
static bool dumpio_quiet(void *ctx)
{
    (void)ctx;
    return D.quiet_calls == bcsim__run.calls.n;
}

/* Every chunk the writer produces: DumpIo callbacks, then the file. A file error loses the
 * file (no partial file is left) but not the stream: callbacks still see every write. */
static int stream_sink(void *ctx, uint32_t type, const void *buf, uint32_t len)
{
    (void)ctx;
    bool in_place = W.w && bcsim__dump_writer_in_place(W.w);
    if (!in_place)
        file_flush();
    bcsim__dump_stream_chunk(type, buf, len);
    if (W.file && !W.file_failed &&
        (in_place ? bcsim__dump_file_write_later(W.file, buf, len)
                  : bcsim__dump_file_write(W.file, buf, len)) != 0)
        file_failed();
    if (bcsim__m.cfg.progress)
        bcsim__m.cfg.progress(bcsim__m.cfg.progress_ctx, D.file_offset, W.total);
    return 0;
}

void bcsim__dump_blob(const bcsim_guid_t *guid, const void *data, uint64_t size,
                      const char *component)
{
    if (!W.w || size > UINT32_MAX)
        return;
    bcsim__blob_place_t pl;
    if (!bcsim__blob_place(W.cursor, (uint32_t)size, bcsim__m.cfg.secondary_packed, &pl) ||
        !bcsim__dump_secondary_fits(W.w, (uint32_t)size))
        return;
    if (bcsim__dump_secondary_blob(W.w, guid, data, (uint32_t)size) != 0)
        return;
    bcsim_blob_info_t *b = BCSIM_VEC_PUSH(&bcsim__run.blobs);
    if (b) {
        b->guid = *guid;
        b->size = (uint32_t)size;
        b->data_offset = W.tagged + pl.data;
        b->component = component;
    }
    W.cursor = pl.next;
}

/* The default page set: all driver-visible memory for full and kernel dumps; for the small
 * configuration only bcsim's own structures (the triage blocks are added below). */
static void default_pages(bcsim__pfnset_t *set, uint32_t dump_type)
{
    size_t n;
    const bcsim__region_t *r = bcsim__mem_regions(&n);
    for (size_t i = 0; i < n; i++) {
        if (!r[i].pfn_base || !(r[i].flags & BCSIM__MF_DUMP))
            continue;
        if (dump_type == BCSIM_DUMP_SMALL && !(r[i].flags & BCSIM__MF_OS))
            continue;
        bcsim__pfnset_add(set, r[i].pfn_base, (r[i].end - r[i].start) >> BCSIM_PAGE_SHIFT);
    }
}

static void apply_phase_pages(bcsim__pfnset_t *set)
{
    for (size_t i = 0; i < D.forced.n; i++) {
        uint64_t va = BCSIM_PAGE_ROUND_DOWN(D.forced.v[i].va);
        uint64_t end = D.forced.v[i].va + D.forced.v[i].size;
        for (; va < end; va += BCSIM_PAGE_SIZE) {
            uint64_t pa;
            if (bcsim__mem_va_to_pa(va, &pa))
                bcsim__pfnset_add(set, pa >> BCSIM_PAGE_SHIFT, 1);
        }
    }
    for (size_t i = 0; i < D.changes.n; i++) {
        if (D.changes.v[i].add)
            bcsim__pfnset_add(set, D.changes.v[i].pfn, D.changes.v[i].count);
        else
            bcsim__pfnset_remove(set, D.changes.v[i].pfn, D.changes.v[i].count);
    }
}

void bcsim__dump_run(void)
{
    bcsim__run_t *u = &bcsim__run;
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    uint32_t t = u->dump_type;
    bcsim__dump_abandon();         /* nothing should be left, but never leak */
    memset(&W, 0, sizeof(W));

    /* 8a: AddPages, RemovePages (kernel and complete dumps only, Doc). */
    if (t == BCSIM_DUMP_FULL || t == BCSIM_DUMP_BITMAP)
        bcsim__phase_pages();
    /* 8b: the secondary-data size pass. */
    bcsim__phase_secondary_size();

    bcsim__pfnset_init(&W.set, 0);
    W.have_set = true;
    if (t != BCSIM_DUMP_HEADER)
        default_pages(&W.set, t);
    apply_phase_pages(&W.set);

    if (cfg->dump_path || cfg->dump_fd >= 0) {
        char err[512];
        if ((cfg->dump_fd >= 0 ? bcsim__dump_file_attach(cfg->dump_fd, cfg->dump_path, &W.file, err, sizeof(err))
                               : bcsim__dump_file_open(cfg->dump_path, 0, &W.file, err, sizeof(err))) != 0) {
            W.file = NULL;
            file_error(err);
        }
        u->dump_path = bcsim__strdup(cfg->dump_path ? cfg->dump_path : "(descriptor)");
    }

    bcsim__dump_params_t p;
    bcsim__dump_params_init(&p);
    p.dump_type = t == BCSIM_DUMP_FULL ? 1 : t == BCSIM_DUMP_HEADER ? 3 : 5;
    p.bugcheck_code = (uint32_t)bcsim__m.bugcheck_data[0];   /* "when the header is written" */
    memcpy(p.bugcheck_params, &bcsim__m.bugcheck_data[1], sizeof(p.bugcheck_params));
    p.build_number = cfg->build_number;
    p.system_time = bcsim__clock_system_time();
    p.uptime_100ns = bcsim__clock_now_100ns();
    p.secondary_state = (int32_t)u->secondary_state;
    p.secondary_size = bcsim__secondary_region_size();
    p.secondary_packed = cfg->secondary_packed;
    p.comment = t == BCSIM_DUMP_SMALL ? "bcsim simulated crash dump (small-dump configuration: only chosen pages)"
              : t == BCSIM_DUMP_HEADER ? "bcsim simulated crash dump (header-only configuration)"
                                       : "bcsim simulated crash dump";
    p.regs.rip = u->ctx_rip;
    p.regs.rsp = u->ctx_rsp;
    p.regs.rbp = u->ctx_rbp;
    p.body_chunk_pages = cfg->dumpio_body_chunk_pages ? cfg->dumpio_body_chunk_pages : 16;
    p.min_file_size = cfg->dump_min_size;
    p.in_place = dumpio_quiet;
    const char *err = NULL;
    int rc = bcsim__dump_writer_create(&p, &W.set, stream_sink, NULL, &W.w, &err);
    if (rc) {
        u->dump_status = BCSIM_EINTERNAL;
        u->dump_error = bcsim__strfmt("cannot lay out the dump: %s", err ? err : bcsim_strerror(rc));
        if (W.file)
            bcsim__dump_file_abort(W.file);
        W.file = NULL;
        bcsim__pfnset_free(&W.set);
        W.have_set = false;
        bcsim__dump_stream_complete();
        return;
    }
    W.total = bcsim__dump_writer_file_size(W.w);
    W.tagged = bcsim__dump_writer_tagged_offset(W.w);
    D.streaming = true;
    /* 8c, 8d: header and body. */
    rc = bcsim__dump_writer_header(W.w);
    if (!rc)
        rc = bcsim__dump_writer_body(W.w);
    file_flush();   /* the body may be kept in place; secondary-data callbacks come next */
    /* 8e: the data pass streams its blocks into the region. */
    if (!rc && p.secondary_size) {
        rc = bcsim__dump_secondary_begin(W.w);
        W.cursor = 0x10;
        if (!rc)
            bcsim__phase_secondary_data();
        if (!rc)
            rc = bcsim__dump_secondary_end(W.w);
    }
    if (!rc)
        rc = bcsim__dump_writer_finish(W.w);
    if (rc && !u->dump_status) {
        u->dump_status = BCSIM_EINTERNAL;
        u->dump_error = bcsim__strdup(bcsim__dump_writer_error(W.w));
    }
    /* 8f: exactly one Complete. */
    bcsim__dump_stream_complete();
    D.streaming = false;
    u->dump_size = D.file_offset;
    if (W.file) {
        if (bcsim__dump_file_commit(W.file, W.total) != 0)
            file_error(bcsim__dump_file_error(W.file));
        bcsim__dump_file_close(W.file);
        W.file = NULL;
        dump_finished();
    }
    bcsim__dump_writer_destroy(W.w);
    W.w = NULL;
    bcsim__pfnset_free(&W.set);
    W.have_set = false;
}

/* The machine halted in the middle of the dump (nested bug check, fault = halt): what was
 * written stays, as a real truncated dump would (7.9 step 4). */
void bcsim__dump_abandon(void)
{
    if (W.file) {
        if (bcsim__dump_file_commit_partial(W.file) != 0)
            file_error(bcsim__dump_file_error(W.file));
        bcsim__dump_file_close(W.file);
        W.file = NULL;
        bcsim__run.dump_size = D.file_offset;
        dump_finished();
    }
    if (W.w) {
        bcsim__dump_writer_destroy(W.w);
        W.w = NULL;
    }
    if (W.have_set) {
        bcsim__pfnset_free(&W.set);
        W.have_set = false;
    }
    D.streaming = false;
}
