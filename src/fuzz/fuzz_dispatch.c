/*
 * src/fuzz/fuzz_dispatch.c — one fuzz input through the dispatcher (include/bcsim/fuzz.h): the
 * machine as during a bug check, the real list walk, the real guarded OS structures, the
 * phases' own output validation; and the records put back afterwards, so the next input
 * starts from the same registered records. Memory does not grow per input: the call log,
 * the findings and the string arena are rolled back at the start of each input.
 *
 * Not the whole bug-check sequence (no dump is written): each call entry of an input is one
 * pass of one reason's protocol, as the phase would run it, with the inputs the entry says.
 * The input layout and the contract each field keeps are in fuzz/README.md.
 */
#include "dispatcher/phases.h"
#include "verifier/contain.h"
#include "bcsim/fuzz.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>

#define PAGE 0x1000u

/* ---- the input format ------------------------------------------------------------------------ */

#define CODE_DEFAULT 0xE2u                   /* MANUALLY_INITIATED_CRASH */
#define SDD_INLEN_DEFAULT 0x0FD0u            /* scratch page minus the blob headers (7.5) */
#define MP_INLEN_DEFAULT 0x1000u             /* the whole scratch page (7.6 step 9) */
#define IO_LEN_DEFAULT 0x2000u               /* the header chunk (7.7) */
#define ELSEWHERE_DEFAULT 0x1000u
#define TRIAGE_MAXVIRT_DEFAULT 0x0200u       /* << 16: KE_MAX_TRIAGE_DUMP_DATA_MEMORY_SIZE */

static uint64_t rd(const uint8_t *d, size_t size, size_t off, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        if (off + i < size)
            v |= (uint64_t)d[off + i] << (8 * i);
    return v;
}

static void wr(uint8_t *d, size_t size, size_t off, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++)
        if (off + i < size)
            d[off + i] = (uint8_t)(v >> (8 * i));
}

void bcsim_fuzz_decode(const uint8_t *data, size_t size, bcsim_fuzz_input_t *in)
{
    memset(in, 0, sizeof(*in));
    in->code = (uint32_t)rd(data, size, 0x00, 4) ^ CODE_DEFAULT;
    in->reason_select = (uint8_t)rd(data, size, 0x04, 1);
    in->call_count = (uint32_t)rd(data, size, 0x05, 1) % BCSIM_FUZZ_MAX_CALLS + 1;
    in->rsd_mode = (uint32_t)rd(data, size, 0x06, 1) % 4;
    in->knobs = (uint8_t)rd(data, size, 0x07, 1);
    for (unsigned i = 0; i < 4; i++)
        in->params[i] = rd(data, size, 0x08 + 8 * i, 8);
    in->rsd_length = (uint32_t)rd(data, size, 0x28, 4);
    in->dump_select = (uint8_t)(rd(data, size, 0x2C, 1) % 3);
    for (unsigned i = 0; i < BCSIM_FUZZ_AREA_SIZE; i++)
        in->area[i] = (uint8_t)rd(data, size, BCSIM_FUZZ_AREA_OFFSET + i, 1);
    for (uint32_t c = 0; c < in->call_count; c++) {
        size_t off = BCSIM_FUZZ_CALLS_OFFSET + (size_t)c * BCSIM_FUZZ_CALL_SIZE;
        in->calls[c].kind = (uint8_t)rd(data, size, off, 1);
        in->calls[c].flags = (uint8_t)rd(data, size, off + 1, 1);
        in->calls[c].len = (uint16_t)rd(data, size, off + 2, 2);
        in->calls[c].value = (uint32_t)rd(data, size, off + 4, 4);
    }
    size_t pay = BCSIM_FUZZ_CALLS_OFFSET + (size_t)in->call_count * BCSIM_FUZZ_CALL_SIZE;
    if (size > pay) {
        in->payload = data + pay;
        in->payload_size = size - pay;
    }
}

void bcsim_fuzz_input_init(bcsim_fuzz_input_t *in)
{
    static const uint8_t zero[1];
    bcsim_fuzz_decode(zero, 0, in);
}

size_t bcsim_fuzz_encode(const bcsim_fuzz_input_t *in, uint8_t *buf, size_t size)
{
    uint32_t n = in->call_count >= 1 && in->call_count <= BCSIM_FUZZ_MAX_CALLS ? in->call_count : 1;
    size_t total = BCSIM_FUZZ_CALLS_OFFSET + (size_t)n * BCSIM_FUZZ_CALL_SIZE + in->payload_size;
    if (!buf || !size)
        return total;
    memset(buf, 0, BCSIM_MIN(size, total));
    wr(buf, size, 0x00, 4, in->code ^ CODE_DEFAULT);
    wr(buf, size, 0x04, 1, in->reason_select);
    wr(buf, size, 0x05, 1, n - 1);
    wr(buf, size, 0x06, 1, in->rsd_mode);
    wr(buf, size, 0x07, 1, in->knobs);
    for (unsigned i = 0; i < 4; i++)
        wr(buf, size, 0x08 + 8 * i, 8, in->params[i]);
    wr(buf, size, 0x28, 4, in->rsd_length);
    wr(buf, size, 0x2C, 1, in->dump_select);
    for (unsigned i = 0; i < BCSIM_FUZZ_AREA_SIZE; i++)
        wr(buf, size, BCSIM_FUZZ_AREA_OFFSET + i, 1, in->area[i]);
    for (uint32_t c = 0; c < n; c++) {
        size_t off = BCSIM_FUZZ_CALLS_OFFSET + (size_t)c * BCSIM_FUZZ_CALL_SIZE;
        wr(buf, size, off, 1, in->calls[c].kind);
        wr(buf, size, off + 1, 1, in->calls[c].flags);
        wr(buf, size, off + 2, 2, in->calls[c].len);
        wr(buf, size, off + 4, 4, in->calls[c].value);
    }
    size_t pay = BCSIM_FUZZ_CALLS_OFFSET + (size_t)n * BCSIM_FUZZ_CALL_SIZE;
    for (size_t i = 0; i < in->payload_size && pay + i < size; i++)
        buf[pay + i] = in->payload[i];
    return total;
}

/* ---- state kept between inputs --------------------------------------------------------------- */

typedef struct fz_rec {
    void *rec;
    uint32_t list;                 /* bcsim_list_t */
    bool legacy;
    bool tail;                     /* registered with a tail insert (triage) */
    int32_t reason;
    void *routine;
    uint8_t *component;
    void *buffer;                  /* legacy */
    uint32_t length;
    bcsim__list_t links;           /* Flink/Blink after the last restore */
    /* multi-part sweep (per record, across the passes of one input) */
    bool in_sweep;
    void *mp_context;
    uint32_t mp_flags;
} fz_rec_t;

static struct {
    bool ready;
    bcsim_fuzz_options_t opt;
    BCSIM_VEC(fz_rec_t) recs;      /* in list order, list by list */
    uint32_t per_list[3];
    size_t violations_base;
    size_t dbgprint_base;
    bcsim__strmark_t mark;
    uint8_t *elsewhere;            /* a guarded page for OutBuffer "elsewhere" */
    bcsim__list_t head_links[3];   /* the list heads after the last restore */
    bool links_known;
    BCSIM_VEC(struct fz_snap { uint64_t *at; uint64_t *copy; size_t words; }) snaps;
} F;

/* Buffers of the direct-call baseline: plain memory, no guard pages. */
static struct {
    _Alignas(4096) uint8_t rsd[PAGE];
    _Alignas(4096) uint8_t scratch[PAGE];
    _Alignas(4096) uint8_t elsewhere[PAGE];
    _Alignas(4096) uint8_t io[16 * PAGE];
} B;

/* What the DumpIo buffer held before the call (the buffer is the OS's: 7.7). */
static uint8_t *io_shadow;
static uint32_t io_shadow_size;

void bcsim_fuzz_config(bcsim_config_t *cfg)
{
    cfg->contain = false;
    cfg->nested = BCSIM_NESTED_CONTAIN;
    cfg->fault = BCSIM_FAULT_CONTAIN;
    cfg->dump_path = NULL;
    cfg->secondary_builtin = false;
    cfg->verifier_bugcheck_on = BCSIM_BUGCHECK_ON_NONE;
}

/* ---- driver data: every input starts from the state DriverEntry left ------------------------
 * Each input is a bug check of its own, and a bug check ends with a reboot: a driver's
 * globals would be fresh for the next one. The .data and .bss sections of each loaded module
 * are copied at setup and put back before every input (coverage counters and sanitizer
 * metadata live in sections of their own and are left alone). State a driver keeps in pool is
 * not restored. Copied word by word without sanitizer checks: the sections hold ASan's
 * redzones between globals. */

static void raw_copy(uint64_t *dst, const uint64_t *src, size_t words)
{
    bcsim__raw_copy(dst, src, words * 8);
}

/* A scratch page zeroed with the C library's memset: a constant-size memset is inlined as
 * `rep stosq`, which takes twice as long for a page as the library's vector loop, and this runs
 * once per call. The size is opaque to the compiler so the call stays. */
static size_t page_bytes = PAGE;

static void zero_page(void *p)
{
    memset(p, 0, *(volatile size_t *)&page_bytes);
}

static bool data_section(const char *name)
{
    if (!strcmp(name, ".data") || !strcmp(name, ".bss"))
        return true;
    if (!strncmp(name, ".data.rel.ro", 12))
        return false;
    return !strncmp(name, ".data.", 6) || !strncmp(name, ".bss.", 5);
}

/* The module's writable data sections, read from its file with libelf (elfutils, linked
 * through libdw anyway), each copied as it is now. */
static void snapshot_module(const bcsim__image_t *im)
{
    struct link_map *lm = NULL;
    if (!im->handle || dlinfo(im->handle, RTLD_DI_LINKMAP, &lm) != 0 || !lm)
        return;
    int fd = open(im->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    size_t shstrndx;
    if (!e || elf_kind(e) != ELF_K_ELF || gelf_getclass(e) != ELFCLASS64 ||
        elf_getshdrstrndx(e, &shstrndx) != 0)
        goto out;
    for (Elf_Scn *scn = elf_nextscn(e, NULL); scn; scn = elf_nextscn(e, scn)) {
        GElf_Shdr sh;
        const char *name;
        if (!gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC) || !(sh.sh_flags & SHF_WRITE) ||
            sh.sh_size == 0 || !(name = elf_strptr(e, shstrndx, sh.sh_name)) || !data_section(name))
            continue;
        uint64_t start = (lm->l_addr + sh.sh_addr + 7) & ~7ull;
        uint64_t end = (lm->l_addr + sh.sh_addr + sh.sh_size) & ~7ull;
        if (end <= start || !bcsim__mem_is(start, end - start, BCSIM__MC_RESIDENT))
            continue;
        struct fz_snap *sn = BCSIM_VEC_PUSH(&F.snaps);
        if (!sn)
            break;
        sn->at = (uint64_t *)start;
        sn->words = (end - start) / 8;
        sn->copy = malloc(end - start);
        if (!sn->copy) {
            F.snaps.n--;
            break;
        }
        raw_copy(sn->copy, sn->at, sn->words);
    }
out:
    if (e)
        elf_end(e);
    close(fd);
}

static void snapshots_free(void)
{
    for (size_t i = 0; i < F.snaps.n; i++)
        free(F.snaps.v[i].copy);
    BCSIM_VEC_FREE(&F.snaps);
}

/* Whether a piece of a section differs from its copy. Driver sections hold sanitizer
 * redzones between globals, so neither memcmp (an interceptor checks the redzones) nor an
 * instrumented load may read them: the loop is uninstrumented, and written as a reduction the
 * compiler vectorises rather than a call it could turn back into memcmp. */
__attribute__((no_sanitize("address", "undefined")))
static bool raw_differs(const uint64_t *a, const uint64_t *b, size_t words)
{
    /* 16-byte lanes with 8-byte alignment (sections are 8-aligned): unaligned vector loads. */
    typedef uint64_t lane_t __attribute__((vector_size(16), aligned(8)));
    lane_t acc0 = { 0, 0 }, acc1 = { 0, 0 };
    size_t i = 0;
    for (; i + 4 <= words; i += 4) {
        acc0 |= *(const lane_t *)(a + i) ^ *(const lane_t *)(b + i);
        acc1 |= *(const lane_t *)(a + i + 2) ^ *(const lane_t *)(b + i + 2);
    }
    acc0 |= acc1;
    uint64_t acc = acc0[0] | acc0[1];
    for (; i < words; i++)
        acc |= a[i] ^ b[i];
    return acc != 0;
}

/* Large sections: only the 4 KiB pieces a callback changed are put back (drivers keep large
 * buffers in their globals and write a few words of them per call); small ones are copied. */
static void driver_data_restore(void)
{
    for (size_t i = 0; i < F.snaps.n; i++) {
        struct fz_snap *sn = &F.snaps.v[i];
        if (sn->words <= 8192) {           /* up to 64 KiB: copying is cheaper than comparing */
            raw_copy(sn->at, sn->copy, sn->words);
            continue;
        }
        for (size_t w = 0; w < sn->words; w += 512) {
            size_t n = BCSIM_MIN(sn->words - w, (size_t)512);
            if (raw_differs(sn->at + w, sn->copy + w, n))
                raw_copy(sn->at + w, sn->copy + w, n);
        }
    }
}

static void links_remember(void);

static fz_rec_t *find_rec(const void *rec)
{
    for (size_t i = 0; i < F.recs.n; i++)
        if (F.recs.v[i].rec == rec)
            return &F.recs.v[i];
    return NULL;
}

static bcsim__list_t *list_head(uint32_t list)
{
    return list == BCSIM_LIST_LEGACY ? bcsim__m.lists.legacy
         : list == BCSIM_LIST_PAGES ? bcsim__m.lists.pages : bcsim__m.lists.reason;
}

/* The machine goes away (hook machine_gone): forget its records, buffers and snapshots. */
static void machine_gone(void)
{
    snapshots_free();
    BCSIM_VEC_FREE(&F.recs);
    free(io_shadow);
    io_shadow = NULL;
    io_shadow_size = 0;
    memset(&F, 0, sizeof(F));   /* the OS buffer (elsewhere) went with the machine */
}

int bcsim_fuzz_setup(bcsim_sim_t *sim, const bcsim_fuzz_options_t *opts)
{
    if (!sim || !bcsim__m.alive)
        return BCSIM_EINVAL;
    if (bcsim__m.halted || bcsim__m.depth)
        return BCSIM_ESTATE;
    bcsim__hooks.machine_gone = machine_gone;
    BCSIM_VEC_FREE(&F.recs);
    memset(F.per_list, 0, sizeof(F.per_list));
    F.opt = opts ? *opts : (bcsim_fuzz_options_t){ 0 };
    bcsim__m.untimed_calls = true;
    for (uint32_t list = BCSIM_LIST_LEGACY; list <= BCSIM_LIST_PAGES; list++) {
        bcsim_record_iter_t it;
        bcsim_record_info_t info;
        bcsim_records_begin(&it, list);
        while (bcsim_records_next(&it, &info)) {
            if (info.state != BCSIM_STATE_INSERTED || !info.checksum_valid)
                continue;
            fz_rec_t *r = BCSIM_VEC_PUSH(&F.recs);
            if (!r)
                return BCSIM_ENOMEM;
            r->rec = (void *)info.record;
            r->list = list;
            r->legacy = info.legacy;
            r->reason = info.reason;
            r->tail = !info.legacy && info.reason == BCSIM_REASON_TRIAGE_DUMP_DATA;
            r->routine = (void *)info.routine;
            r->component = (uint8_t *)info.component_ptr;
            r->buffer = (void *)info.buffer;
            r->length = info.length;
            F.per_list[list]++;
            /* Resolved now, so the symbolizer's cache (pinned strings) holds the routine. */
            (void)bcsim__symbol_name((uint64_t)info.routine);
        }
    }
    snapshots_free();
    if (!F.opt.keep_driver_data)
        for (size_t i = 0; i < bcsim__m.images.n; i++)
            if (!bcsim__m.images.v[i].host && !bcsim__m.images.v[i].unloaded)
                snapshot_module(&bcsim__m.images.v[i]);
    if (!F.elsewhere)
        F.elsewhere = bcsim__os_alloc_guarded(PAGE, "guard:outbuffer");
    if (!F.elsewhere)
        return BCSIM_ENOMEM;
    links_remember();
    bcsim__violations_resolve();
    F.violations_base = bcsim__m.violations.n;
    F.dbgprint_base = bcsim__m.dbgprint.n;
    F.mark = bcsim__strings_mark(48 * 1024);
    F.ready = true;
    return 0;
}

uint32_t bcsim_fuzz_reasons(int32_t *reasons, uint32_t max)
{
    uint32_t n = 0;
    for (int32_t r = BCSIM_REASON_LEGACY; r <= BCSIM_REASON_RESERVED3; r++) {
        bool have = false;
        for (size_t i = 0; i < F.recs.n && !have; i++)
            have = F.recs.v[i].reason == r;
        if (!have)
            continue;
        if (n < max && reasons)
            reasons[n] = r;
        n++;
    }
    return n;
}

/* ---- putting the records back ------------------------------------------------------------------ */

/* Every list holds exactly its remembered records, structurally sound. */
static bool lists_as_remembered(void)
{
    for (uint32_t list = BCSIM_LIST_LEGACY; list <= BCSIM_LIST_PAGES; list++) {
        bcsim__list_t *head = list_head(list), *prev = head;
        if (!head || !head->flink)
            return false;
        uint32_t n = 0;
        for (bcsim__list_t *cur = head->flink; cur != head; prev = cur, cur = cur->flink) {
            if (++n > F.per_list[list] || !bcsim__walk_node_ok(cur, prev, list == BCSIM_LIST_LEGACY))
                return false;
            const fz_rec_t *r = find_rec(cur);
            if (!r || r->list != list)
                return false;
        }
        if (n != F.per_list[list] || head->blink != prev)
            return false;
    }
    return true;
}

static void rewrite_fields(const fz_rec_t *r)
{
    if (r->legacy) {
        bcsim__lrec_t *l = r->rec;
        if (l->routine != r->routine || l->buffer != r->buffer || l->length != r->length ||
            l->component != r->component || l->checksum != bcsim__checksum_legacy(l)) {
            l->routine = r->routine;
            l->buffer = r->buffer;
            l->length = r->length;
            l->component = r->component;
            l->checksum = bcsim__checksum_legacy(l);
        }
        l->state = BCSIM_STATE_INSERTED;
    } else {
        bcsim__rrec_t *q = r->rec;
        if (q->routine != r->routine || q->reason != r->reason || q->component != r->component ||
            q->checksum != bcsim__checksum_reason(q)) {
            q->routine = r->routine;
            q->reason = r->reason;
            q->component = r->component;
            q->checksum = bcsim__checksum_reason(q);
        }
        q->state = BCSIM_STATE_INSERTED;
    }
}

static void reregister(const fz_rec_t *r)
{
    uint8_t *state = r->legacy ? &((bcsim__lrec_t *)r->rec)->state : &((bcsim__rrec_t *)r->rec)->state;
    *bcsim__record_note_init(state, NULL) = BCSIM_STATE_EMPTY;
    if (r->legacy)
        bcsim__record_register_legacy(r->rec, r->routine, r->buffer, r->length, r->component, NULL);
    else
        bcsim__record_register_reason(r->rec, r->routine, r->reason, r->component, NULL);
}

/* Back to the remembered records, registered, BufferInserted. The usual case (the lists are
 * intact) only rewrites State; a callback that deregistered itself, registered something new
 * or damaged a list gets the lists rebuilt by registering the records again, in an order
 * that reproduces the remembered list order. Findings of the rebuild are not the input's. */
/* Every link as the last restore left it: then no record came or went and nothing was
 * relinked (a change to any list changes a link of a head or of a remembered record). */
static bool links_unchanged(void)
{
    if (!F.links_known)
        return false;
    for (uint32_t list = BCSIM_LIST_LEGACY; list <= BCSIM_LIST_PAGES; list++) {
        const bcsim__list_t *h = list_head(list);
        if (h->flink != F.head_links[list].flink || h->blink != F.head_links[list].blink)
            return false;
    }
    for (size_t i = 0; i < F.recs.n; i++) {
        const bcsim__list_t *e = F.recs.v[i].rec;
        if (e->flink != F.recs.v[i].links.flink || e->blink != F.recs.v[i].links.blink)
            return false;
    }
    return true;
}

static void links_remember(void)
{
    for (uint32_t list = BCSIM_LIST_LEGACY; list <= BCSIM_LIST_PAGES; list++)
        F.head_links[list] = *list_head(list);
    for (size_t i = 0; i < F.recs.n; i++)
        F.recs.v[i].links = *(const bcsim__list_t *)F.recs.v[i].rec;
    F.links_known = true;
}

static void restore_records(void)
{
    if (links_unchanged() || lists_as_remembered()) {
        for (size_t i = 0; i < F.recs.n; i++)
            rewrite_fields(&F.recs.v[i]);
        links_remember();
        return;
    }
    size_t before = bcsim__m.violations.n;
    bcsim__records_reset(false);
    for (uint32_t list = BCSIM_LIST_LEGACY; list <= BCSIM_LIST_PAGES; list++) {
        bcsim__list_t *h = list_head(list);
        h->flink = h->blink = h;
    }
    bool fifo = bcsim__m.cfg.list_fifo;
    /* Head inserts in reverse list order, then tail inserts in list order. */
    for (size_t i = F.recs.n; i-- > 0;)
        if (!fifo && !F.recs.v[i].tail)
            reregister(&F.recs.v[i]);
    for (size_t i = 0; i < F.recs.n; i++)
        if (fifo || F.recs.v[i].tail)
            reregister(&F.recs.v[i]);
    for (size_t i = 0; i < F.recs.n; i++)
        rewrite_fields(&F.recs.v[i]);
    links_remember();
    bcsim__m.violations.n = before;
    if (bcsim__m.violations_resolved > before)
        bcsim__m.violations_resolved = before;
}

/* ---- one input --------------------------------------------------------------------------------- */

typedef struct fz_ctx {
    const bcsim_fuzz_input_t *in;
    bcsim_fuzz_outcome_t *out;
    int32_t reason;
    uint32_t pass;
    bool loose;
    bool direct;                   /* the baseline: call routines directly */
    uint64_t maximum_default;
    /* DumpIo stream */
    uint32_t io_last_type;
    bool io_real_offsets;
    uint64_t io_file_offset;
    uint8_t *io_buf;
    uint32_t io_len;
    /* AddPages/RemovePages */
    bool pages_add;
} fz_ctx_t;

/* Where the structure lives for this input: in its OS buffer's page, ending at the guard
 * page, with ReasonSpecificDataLength and the region as the header's mode says. The
 * structure is filled in a staging copy and copied in (and out after the call), so a region
 * shorter than the structure holds its prefix only. */
typedef struct rsd {
    uint8_t *at;
    uint32_t region;               /* bytes before the guard page */
    uint32_t declared;             /* ReasonSpecificDataLength */
    uint32_t size;                 /* sizeof the structure */
    bool full;                     /* region >= size: outputs can be validated */
} rsd_t;

static uint32_t round8(uint32_t n)
{
    return (n + 7u) & ~7u;
}

static void rsd_place(rsd_t *d, void *os_buf, uint32_t size, const fz_ctx_t *c)
{
    const bcsim_fuzz_input_t *in = c->in;
    uint8_t *end = c->direct ? B.rsd + PAGE : (uint8_t *)os_buf + size;
    d->size = size;
    switch (in->rsd_mode) {
    case BCSIM_FUZZ_RSD_SHORT:
        d->declared = in->rsd_length % size;
        d->region = round8(d->declared);
        break;
    case BCSIM_FUZZ_RSD_LONG:
        d->declared = size + 1 + in->rsd_length % (PAGE - size);
        d->region = round8(d->declared);
        break;
    case BCSIM_FUZZ_RSD_LYING:
        d->declared = in->rsd_length;
        d->region = size;
        break;
    default:
        d->declared = d->region = size;
        break;
    }
    if (d->region > PAGE)
        d->region = PAGE;
    d->at = end - d->region;
    d->full = d->region >= size;
}

static void rsd_in(const rsd_t *d, const void *staging, const fz_ctx_t *c)
{
    uint32_t n = BCSIM_MIN(d->region, d->size);
    memcpy(d->at, staging, n);
    if (d->region > n) {
        /* The bytes past the structure: zero, or the payload in loose mode. */
        memset(d->at + n, 0, d->region - n);
        if (c->loose && c->in->payload_size)
            memcpy(d->at + n, c->in->payload, BCSIM_MIN(c->in->payload_size, d->region - n));
    }
}

static void rsd_out(const rsd_t *d, void *staging)
{
    memcpy(staging, d->at, BCSIM_MIN(d->region, d->size));
}

static uint8_t *scratch(const fz_ctx_t *c)
{
    return c->direct ? B.scratch : bcsim__osb.scratch;
}

static uint8_t *elsewhere(const fz_ctx_t *c)
{
    return c->direct ? B.elsewhere : F.elsewhere;
}

/* One call of one record: through bcsim__invoke, or directly for the baseline. */
static int call(fz_ctx_t *c, void *rec, bool legacy, void *routine, void *data, uint32_t len,
                uint8_t state_during, uint32_t *call_idx)
{
    c->out->calls++;
    if (c->direct) {
        if (legacy) {
            fz_rec_t *r = find_rec(rec);
            ((void (*)(void *, uint32_t))routine)(r ? r->buffer : NULL, r ? r->length : 0);
        } else {
            ((void (*)(int32_t, void *, void *, uint32_t))routine)(c->reason, rec, data, len);
        }
        *call_idx = UINT32_MAX;
        return BCSIM_OUTCOME_RETURNED;
    }
    fz_rec_t *fr = find_rec(rec);
    bcsim__cb_t cb = { .record = rec, .legacy = legacy, .reason = legacy ? BCSIM_REASON_LEGACY : c->reason,
                       .routine = routine, .data = data, .data_len = len,
                       .buffer = fr ? fr->buffer : NULL, .length = fr ? fr->length : 0,
                       .irql = c->reason == BCSIM_REASON_RESERVED2 ? BCSIM_IRQL_PASSIVE : BCSIM_IRQL_HIGH,
                       .state_during = state_during };
    int out = bcsim__invoke(&cb);
    *call_idx = cb.call;
    if (out == BCSIM_OUTCOME_FAULTED)
        c->out->faulted++;
    else if (out == BCSIM_OUTCOME_HUNG)
        c->out->hung++;
    else if (out == BCSIM_OUTCOME_NESTED)
        c->out->nested++;
    return out;
}

static void state_after(fz_ctx_t *c, void *rec, bool legacy, uint8_t during, uint8_t after,
                        uint32_t call_idx)
{
    if (!c->direct)
        bcsim__state_after(rec, legacy, during, after, call_idx);
}

/* ---- KbCallbackSecondaryDumpData (7.5) ---------------------------------------------------- */

static bool sdd_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__rrec_t *r = rec;
    const bcsim_fuzz_call_t *e = &c->in->calls[c->pass];
    uint32_t kind = e->kind % 3u;               /* 0 size, 1 data, 2 OutBuffer elsewhere */
    uint8_t *scr = scratch(c);
    uint32_t inlen = (uint32_t)((e->len ^ SDD_INLEN_DEFAULT) % (PAGE + 1));
    zero_page(scr);
    if (c->loose && (e->flags & 1) && c->in->payload_size)
        memcpy(scr + PAGE - inlen, c->in->payload, BCSIM_MIN(c->in->payload_size, inlen));
    bcsim__sdd_t given = { 0 };
    given.in_buffer = scr + PAGE - inlen;
    given.in_buffer_length = inlen;
    given.maximum_allowed = e->value ^ (uint32_t)c->maximum_default;
    if (kind == 1) {
        given.out_buffer = given.in_buffer;
    } else if (kind == 2) {
        uint32_t n = (uint32_t)(rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 0, 2) ^ ELSEWHERE_DEFAULT) % (PAGE + 1);
        uint8_t *eb = elsewhere(c);
        zero_page(eb);
        given.out_buffer = eb + PAGE - n;
    }
    if (c->loose && (e->flags & 2))
        memcpy(&given.guid, c->in->area + 0x10, sizeof(given.guid));
    if (c->loose && (e->flags & 4))
        given.out_buffer_length = (uint32_t)rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 4, 4);

    rsd_t d;
    rsd_place(&d, bcsim__osb.sdd, sizeof(bcsim__sdd_t), c);
    rsd_in(&d, &given, c);
    uint8_t during = kind == 0 ? 1 : 2;
    uint32_t ci;
    int out = call(c, r, false, r->routine, d.at, d.declared, during, &ci);
    if (c->direct)
        return false;
    if (out != BCSIM_OUTCOME_RETURNED) {
        state_after(c, r, false, during, 4, ci);
        return false;
    }
    if (!d.full) {
        state_after(c, r, false, during, 3, ci);
        return false;
    }
    bcsim__sdd_t got;
    rsd_out(&d, &got);
    bcsim_call_t *cl = bcsim__call(ci);
    if (cl) {
        cl->bytes = got.out_buffer ? got.out_buffer_length : 0;
        cl->guid = got.guid;
        cl->has_guid = got.out_buffer && got.out_buffer_length;
    }
    /* Judged against what the dispatcher passed in, not the callback's copy of the inputs. */
    bcsim__sdd_t judged = got;
    judged.in_buffer = given.in_buffer;
    judged.in_buffer_length = given.in_buffer_length;
    char why[256];
    bool paged;
    switch (bcsim__sdd_check_output(&judged, given.maximum_allowed, kind != 0, why, sizeof(why), &paged)) {
    case BCSIM__SDD_NONE:
        state_after(c, r, false, during, 3, ci);
        return false;
    case BCSIM__SDD_INVALID:
        bcsim__call_finding(r, ci, paged ? BCSIM_V_SECONDARY_BUFFER_NOT_RESIDENT : BCSIM_V_SECONDARY_INVALID_OUTPUT,
                            (uint64_t)got.out_buffer, "%s", why);
        state_after(c, r, false, during, 4, ci);
        return false;
    default:
        break;
    }
    if (kind == 0) {
        if (bcsim__sdd_unmapped_own_buffer(&judged))
            bcsim__call_finding(r, ci, BCSIM_V_SECONDARY_INVALID_OUTPUT, (uint64_t)got.out_buffer,
                                "OutBuffer %#llx returned by the size request is not mapped (checked again in the data request)",
                                (unsigned long long)got.out_buffer);
        return false;              /* stays BufferInserted: it will be asked for the data */
    }
    state_after(c, r, false, during, 3, ci);
    return false;
}

/* ---- KbCallbackSecondaryMultiPartDumpData (7.6) ------------------------------------------- */

static uint32_t dump_type_of(const fz_ctx_t *c)
{
    static const uint32_t types[3] = { 5, 1, 4 };   /* kernel (bitmap), complete, small (triage) */
    uint32_t raw = (uint32_t)rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 0x10, 4);
    if (c->loose && raw)
        return raw;
    return types[c->in->dump_select % 3];
}

static bool mp_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__rrec_t *r = rec;
    fz_rec_t *fr = find_rec(r);
    const bcsim_fuzz_call_t *e = &c->in->calls[c->pass];
    bool data_style = e->kind & 1, restart = (e->kind & 2) || !fr || !fr->in_sweep;
    bool no_device = c->in->knobs & BCSIM_FUZZ_KNOB_NO_DEVICE;
    void *context = NULL;
    uint32_t flags = 0;
    if (fr && !restart) {
        context = fr->mp_context;
        flags = fr->mp_flags;
    } else if (c->loose) {
        context = (void *)(uintptr_t)rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 8, 8);
        flags = (uint32_t)rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 0, 4);
    }
    bcsim__sddx_t given = { 0 };
    uint8_t *scr = scratch(c);
    zero_page(scr);
    if (data_style) {
        uint32_t inlen = (uint32_t)((e->len ^ MP_INLEN_DEFAULT) % (PAGE + 1));
        given.in_buffer = scr + PAGE - inlen;
        given.in_buffer_length = inlen;
        given.out_buffer = given.in_buffer;
    }
    given.maximum_allowed = e->value ^ (uint32_t)c->maximum_default;
    given.context = context;
    given.flags = flags | (no_device ? BCSIM__KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS : 0);
    given.dump_type = dump_type_of(c);
    given.bugcheck_code = c->in->code;
    memcpy(given.bugcheck_params, c->in->params, sizeof(given.bugcheck_params));

    rsd_t d;
    rsd_place(&d, bcsim__osb.sddx, sizeof(bcsim__sddx_t), c);
    rsd_in(&d, &given, c);
    bcsim__run.no_device_access = no_device;
    uint32_t ci;
    int out = call(c, r, false, r->routine, d.at, d.declared, 1, &ci);
    bcsim__run.no_device_access = false;
    bcsim__sddx_t got = given;
    if (d.full)
        rsd_out(&d, &got);
    if (fr) {
        fr->mp_context = got.context;
        fr->mp_flags = got.flags;
        fr->in_sweep = out == BCSIM_OUTCOME_RETURNED &&
                       (got.flags & BCSIM__KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA);
    }
    if (c->direct)
        return false;
    if (out != BCSIM_OUTCOME_RETURNED) {
        state_after(c, r, false, 1, 4, ci);
        return false;
    }
    bcsim_call_t *cl = bcsim__call(ci);
    if (cl) {
        cl->bytes = got.out_buffer ? got.out_buffer_length : 0;
        cl->guid = got.guid;
        cl->has_guid = got.out_buffer_length != 0;
        cl->flags = got.flags;
    }
    bool bad = false;
    if (d.full && got.out_buffer_length > given.maximum_allowed) {
        bcsim__call_finding(r, ci, BCSIM_V_SECONDARY_INVALID_OUTPUT, (uint64_t)got.out_buffer,
                            "part: OutBufferLength %u exceeds MaximumAllowed %u", got.out_buffer_length,
                            given.maximum_allowed);
        bad = true;
    } else if (d.full && data_style && !bcsim__sddx_part_resident(&got)) {
        bcsim__call_finding(r, ci, BCSIM_V_SECONDARY_INVALID_OUTPUT, (uint64_t)got.out_buffer,
                            "part: OutBuffer %#llx (%u bytes) is in %s", (unsigned long long)got.out_buffer,
                            got.out_buffer_length, bcsim__mem_describe((uint64_t)got.out_buffer));
        bad = true;
    }
    /* A finished sweep leaves the record in BufferInserted: it is asked again (the next
     * sweep); invalid output ends it in BufferIncomplete. */
    if (bad) {
        if (fr)
            fr->in_sweep = false;
        state_after(c, r, false, 1, 4, ci);
    }
    return false;
}

/* ---- KbCallbackDumpIo (7.7) ------------------------------------------------------------------ */

/* The payload repeated (or the area's fill byte) over n bytes. */
static void fill_pattern(uint8_t *buf, uint32_t n, const bcsim_fuzz_input_t *in)
{
    if (!in->payload_size) {
        memset(buf, in->area[8], n);
        return;
    }
    uint32_t done = (uint32_t)BCSIM_MIN(in->payload_size, n);
    memcpy(buf, in->payload, done);
    while (done < n) {
        uint32_t k = BCSIM_MIN(done, n - done);
        memcpy(buf + done, buf, k);
        done += k;
    }
}

static bool dumpio_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__rrec_t *r = rec;
    const bcsim_fuzz_call_t *e = &c->in->calls[c->pass];
    bool complete = c->io_last_type == BCSIM_DUMP_IO_COMPLETE;
    bcsim__dumpio_t given = { 0 };
    given.type = c->io_last_type;
    given.buffer = complete && !(c->loose && (e->flags & 8)) ? NULL : c->io_buf;
    given.buffer_length = complete && !c->loose ? 0 : c->io_len;
    given.offset = c->io_real_offsets && !complete ? c->io_file_offset : UINT64_MAX;
    if (c->loose && (e->flags & 2))
        given.offset = rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 0, 8) ^ ((uint64_t)e->value << 9);

    rsd_t d;
    rsd_place(&d, bcsim__osb.dumpio, sizeof(bcsim__dumpio_t), c);
    rsd_in(&d, &given, c);
    uint32_t ci;
    int out = call(c, r, false, r->routine, d.at, d.declared, 1, &ci);
    if (c->direct)
        return false;
    bcsim_call_t *cl = bcsim__call(ci);
    if (cl) {
        cl->io_type = given.type;
        cl->io_offset = given.offset;
        cl->io_length = given.buffer_length;
    }
    if (out != BCSIM_OUTCOME_RETURNED)
        state_after(c, r, false, 1, 4, ci);
    else if (complete)
        state_after(c, r, false, 1, 3, ci);
    if (c->io_len && memcmp(c->io_buf, io_shadow, c->io_len) != 0) {
        bcsim__report_t rep = { .id = BCSIM_V_DUMPIO_BUFFER_MODIFIED, .reason = r->reason,
                                .component = cl ? cl->component : NULL,
                                .pc = (uint64_t)r->routine, .address = (uint64_t)r,
                                .dedupe = (uint64_t)r ^ 0x10 };
        bcsim__violation(&rep, "%s write of %u bytes", bcsim_dump_io_type_name(given.type), c->io_len);
        /* The next callback sees the original bytes, as in the real stream. */
        memcpy(c->io_buf, io_shadow, c->io_len);
    }
    return false;
}

/* The chunk of one pass. Within a stream the types follow the documented order: Header+,
 * Body+, SecondaryData+, exactly one Complete (entry kind bit 0: advance to the next type);
 * the first entry of a stream says sequential (Offset -1) or real offsets (flags bit 0); a
 * Complete ends the stream and the next entry starts a new one. Loose inputs take any type
 * in any order. Returns true when a new stream starts. */
static bool dumpio_pass_begin(fz_ctx_t *c)
{
    const bcsim_fuzz_call_t *e = &c->in->calls[c->pass];
    bool new_stream = c->pass == 0 || c->io_last_type == BCSIM_DUMP_IO_COMPLETE;
    uint32_t type;
    if (c->loose)
        type = e->kind;
    else if (new_stream)
        type = BCSIM_DUMP_IO_HEADER;
    else
        type = BCSIM_MIN(c->io_last_type + (e->kind & 1u), (uint32_t)BCSIM_DUMP_IO_COMPLETE);
    if (new_stream) {
        c->io_file_offset = 0;
        c->io_real_offsets = e->flags & 1;
    }
    c->io_last_type = type;
    uint32_t io_size = c->direct ? (uint32_t)sizeof(B.io) : bcsim__osb.io_buffer_size;
    uint8_t *io_end = (c->direct ? B.io : bcsim__osb.io_buffer) + io_size;
    uint32_t len = (uint32_t)((e->len ^ IO_LEN_DEFAULT) % (io_size + 1u));
    if (!c->loose && len == 0)
        len = PAGE;
    if (type == BCSIM_DUMP_IO_COMPLETE && !c->loose)
        len = 0;
    /* flags bit 2: a page-aligned start with slack before the guard; else ending at the guard. */
    uint8_t *buf = (e->flags & 4) ? io_end - BCSIM_PAGE_ROUND_UP(len) : io_end - len;
    fill_pattern(buf, len, c->in);
    if (!c->direct && len > io_shadow_size) {
        uint8_t *n = realloc(io_shadow, io_size);
        if (n) {
            io_shadow = n;
            io_shadow_size = io_size;
        } else {
            len = BCSIM_MIN(len, io_shadow_size);
        }
    }
    if (!c->direct && len)
        memcpy(io_shadow, buf, len);
    c->io_buf = buf;
    c->io_len = len;
    return new_stream;
}

/* ---- KbCallbackAddPages / KbCallbackRemovePages (7.4) ------------------------------------------ */

static bool pages_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__rrec_t *r = rec;
    bcsim__pages_t p = { 0 };
    if (c->loose)
        p.context = (void *)(uintptr_t)rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 0, 8);
    rsd_t d;
    rsd_place(&d, bcsim__osb.pages, sizeof(bcsim__pages_t), c);
    bool all_accepted = true, runaway = false;
    uint64_t pages_total = 0, protected_pages = 0;
    uint32_t ci = UINT32_MAX, n;
    for (n = 0; n < c->in->call_count; n++) {
        const bcsim_fuzz_call_t *e = &c->in->calls[n];
        /* Before each call: Flags, Address, Count zero; Context preserved (7.4 step 2). */
        p.flags = c->loose ? e->value : 0;
        p.address = c->loose ? rd(c->in->area, BCSIM_FUZZ_AREA_SIZE, 0x10, 8) : 0;
        p.count = c->loose ? e->len : 0;
        p.bugcheck_code = c->in->code;
        rsd_in(&d, &p, c);
        int out = call(c, r, false, r->routine, d.at, d.declared, 1, &ci);
        rsd_out(&d, &p);
        if (c->direct) {
            if (!(p.flags & BCSIM__KB_PAGES_FLAG_ADDITIONAL_RANGES) || p.count == 0)
                break;
            continue;
        }
        if (out != BCSIM_OUTCOME_RETURNED) {
            all_accepted = false;
            break;
        }
        if (bcsim__rec_state(r, false) != 1 || !d.full)
            break;
        int verdict = bcsim__pages_check(r, ci, &p, c->pages_add, false, &pages_total, &protected_pages);
        if (verdict == BCSIM__PAGES_REJECTED)
            all_accepted = false;
        if (verdict == BCSIM__PAGES_RUNAWAY)
            runaway = true;
        if (verdict != BCSIM__PAGES_MORE)
            break;
    }
    if (c->direct)
        return false;
    if (runaway) {
        bcsim__call_finding(r, ci, BCSIM_V_PAGES_RUNAWAY, (uint64_t)r,
                            "stopped after %u calls and %llu pages (bound: %llu pages)", n + 1,
                            (unsigned long long)pages_total, (unsigned long long)bcsim__m.cfg.pages_max_pages);
        all_accepted = false;
    }
    state_after(c, r, false, 1, all_accepted ? 3 : 4, ci);
    return false;
}

/* ---- KbCallbackTriageDumpData (7.3) -------------------------------------------------------- */

static bool triage_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__rrec_t *r = rec;
    const bcsim_fuzz_call_t *e = &c->in->calls[c->pass];
    bcsim__triage_t given = { 0 };
    given.flags = e->value ^ BCSIM__KB_TRIAGE_FLAG_BUGCHECK_ACTIVE;
    given.max_virt_mem_size = (uint32_t)(e->len ^ TRIAGE_MAXVIRT_DEFAULT) << 16;
    given.bugcheck_code = c->in->code;
    memcpy(given.bugcheck_params, c->in->params, sizeof(given.bugcheck_params));
    rsd_t d;
    rsd_place(&d, bcsim__osb.triage, sizeof(bcsim__triage_t), c);
    rsd_in(&d, &given, c);
    bcsim__run.triage_flags = given.flags;
    uint32_t ci;
    int out = call(c, r, false, r->routine, d.at, d.declared, 1, &ci);
    bcsim__run.triage_flags = 0;
    if (c->direct)
        return false;
    bcsim__triage_t got = given;
    if (d.full)
        rsd_out(&d, &got);
    if (out != BCSIM_OUTCOME_RETURNED || !got.data_array || !d.full) {
        state_after(c, r, false, 1, 4, ci);
        return false;
    }
    char why[256];
    uint32_t id;
    uint64_t total;
    if (!bcsim__triage_check_array(got.data_array, given.max_virt_mem_size, &id, why, sizeof(why), &total)) {
        bcsim__call_finding(r, ci, id, (uint64_t)r, "%s", why);
        state_after(c, r, false, 1, 4, ci);
        return false;
    }
    /* Accepted; not linked into the triage list (each pass is a bug check of its own). */
    state_after(c, r, false, 1, 3, ci);
    return false;
}

/* ---- legacy (7.1) and reserved reasons (7.2) ---------------------------------------------------- */

static bool legacy_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__lrec_t *r = rec;
    if (!c->direct && !bcsim__mem_is_exec((uint64_t)r->routine))
        return false;              /* the walk's own rule (4.2): reported by the real phase */
    uint32_t ci;
    int out = call(c, r, true, r->routine, NULL, 0, 2, &ci);
    state_after(c, r, true, 2, out == BCSIM_OUTCOME_RETURNED ? 3 : 4, ci);
    return false;
}

static bool reserved_visit(void *rec, void *vctx)
{
    fz_ctx_t *c = vctx;
    bcsim__rrec_t *r = rec;
    uint32_t ci;
    int out = call(c, r, false, r->routine, NULL, 0, 1, &ci);
    state_after(c, r, false, 1, out == BCSIM_OUTCOME_RETURNED ? 3 : 4, ci);
    return false;
}

/* ---- the passes ---------------------------------------------------------------------------------- */

static uint32_t phase_of(int32_t reason)
{
    switch (reason) {
    case BCSIM_REASON_LEGACY: return BCSIM_PHASE_LEGACY;
    case BCSIM_REASON_RESERVED2: return BCSIM_PHASE_RESERVED2;
    case BCSIM_REASON_TRIAGE_DUMP_DATA: return BCSIM_PHASE_TRIAGE;
    case BCSIM_REASON_ADD_PAGES: return BCSIM_PHASE_ADD_PAGES;
    case BCSIM_REASON_REMOVE_PAGES: return BCSIM_PHASE_REMOVE_PAGES;
    case BCSIM_REASON_SECONDARY_DUMP_DATA: return BCSIM_PHASE_SECONDARY_SIZE;
    case BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA: return BCSIM_PHASE_MULTIPART_SIZE;
    case BCSIM_REASON_DUMP_IO: return BCSIM_PHASE_DUMP_BODY;
    default: return BCSIM_PHASE_RESERVED;
    }
}

/* The records of the reason in list order, for the baseline. */
static void direct_walk(int32_t reason, bcsim__visit_fn visit, fz_ctx_t *c)
{
    for (size_t i = 0; i < F.recs.n; i++)
        if (F.recs.v[i].reason == reason)
            visit(F.recs.v[i].rec, c);
}

static void run_passes(void *arg)
{
    fz_ctx_t *c = arg;
    int32_t reason = c->reason;
    bcsim__visit_fn visit;
    switch (reason) {
    case BCSIM_REASON_LEGACY: visit = legacy_visit; break;
    case BCSIM_REASON_SECONDARY_DUMP_DATA: visit = sdd_visit; break;
    case BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA: visit = mp_visit; break;
    case BCSIM_REASON_DUMP_IO: visit = dumpio_visit; break;
    case BCSIM_REASON_ADD_PAGES:
    case BCSIM_REASON_REMOVE_PAGES: visit = pages_visit; break;
    case BCSIM_REASON_TRIAGE_DUMP_DATA: visit = triage_visit; break;
    default: visit = reserved_visit; break;
    }
    c->pages_add = reason == BCSIM_REASON_ADD_PAGES;
    /* AddPages/RemovePages: one pass, the entries are the calls of each record's loop. */
    uint32_t passes = reason == BCSIM_REASON_ADD_PAGES || reason == BCSIM_REASON_REMOVE_PAGES
                          ? 1 : c->in->call_count;
    for (size_t i = 0; i < F.recs.n; i++)
        F.recs.v[i].in_sweep = false;
    bcsim__walk_opts_t o = { .legacy = reason == BCSIM_REASON_LEGACY, .reason = reason };
    bcsim__list_t *head = reason == BCSIM_REASON_LEGACY ? bcsim__m.lists.legacy
                        : reason == BCSIM_REASON_ADD_PAGES || reason == BCSIM_REASON_REMOVE_PAGES
                            ? bcsim__m.lists.pages : bcsim__m.lists.reason;
    for (c->pass = 0; c->pass < passes; c->pass++) {
        /* One input is one bug check. Its passes: successive size/data requests, multi-part
         * calls (a restart begins a new sweep) and DumpIo chunks belong to it; a DumpIo entry
         * after a Complete, and every further triage, legacy or reserved-reason pass (called
         * once per bug check), is another bug check: records and driver data start afresh. */
        bool fresh, another_bugcheck;
        if (reason == BCSIM_REASON_DUMP_IO) {
            fresh = another_bugcheck = dumpio_pass_begin(c);
        } else if (reason == BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA) {
            fresh = c->in->calls[c->pass].kind & 2;
            another_bugcheck = false;
        } else if (reason == BCSIM_REASON_SECONDARY_DUMP_DATA) {
            fresh = true;
            another_bugcheck = false;
        } else {
            fresh = another_bugcheck = true;
        }
        if (c->pass && !c->direct) {
            if (another_bugcheck)
                driver_data_restore();
            if (fresh)
                restore_records();
        }
        c->out->passes++;
        if (c->direct)
            direct_walk(reason, visit, c);
        else
            bcsim__walk(head, &o, visit, c);
        if (reason == BCSIM_REASON_DUMP_IO)
            c->io_file_offset += c->io_len;
    }
}

/* Back to the state at setup: no call log, findings or strings of the previous input. */
static void input_reset(void)
{
    bcsim__m.violations.n = F.violations_base;
    if (bcsim__m.violations_resolved > F.violations_base)
        bcsim__m.violations_resolved = F.violations_base;
    bcsim__map_empty(&bcsim__m.dedupe);     /* dedupe per bug check; slots kept */
    if (bcsim__m.dbgprint.n > F.dbgprint_base) {
        bcsim__m.dbgprint.n = F.dbgprint_base;
        bcsim__m.dbgprint.v[F.dbgprint_base] = 0;
    }
    BCSIM_VEC_CLEAR(&bcsim__run.calls);
    BCSIM_VEC_CLEAR(&bcsim__run.ports);
    BCSIM_VEC_CLEAR(&bcsim__run.ranges);
    BCSIM_VEC_CLEAR(&bcsim__run.writes);
    BCSIM_VEC_CLEAR(&bcsim__run.blobs);
    bcsim__strings_release(F.mark);
}

static bool reason_valid(int32_t reason)
{
    return reason == BCSIM_REASON_LEGACY || (reason >= 1 && reason <= 9);
}

static uint64_t maximum_default(const bcsim_fuzz_input_t *in)
{
    /* MaximumAllowed when an input leaves it alone: the per-callback limit (7.5). */
    return in->dump_select % 3 == 2 ? 4ull << 10 : 64ull << 20;
}

int bcsim_fuzz_dispatch(bcsim_sim_t *sim, int32_t reason, const bcsim_fuzz_input_t *in,
                        bcsim_fuzz_outcome_t *out)
{
    bcsim_fuzz_outcome_t scratch_out;
    if (!out)
        out = &scratch_out;
    memset(out, 0, sizeof(*out));
    out->reason = reason;
    if (!sim || !in || !F.ready || !reason_valid(reason) || bcsim__m.halted)
        return BCSIM_EINVAL;
    input_reset();
    driver_data_restore();
    out->violation_first = (uint32_t)F.violations_base;

    fz_ctx_t c = { .in = in, .out = out, .reason = reason,
                   .loose = F.opt.allow_loose && (in->knobs & BCSIM_FUZZ_KNOB_LOOSE),
                   .maximum_default = maximum_default(in) };
    /* The machine as during a bug check (dispatcher-model.md 6 steps 1-4). */
    bcsim__run_t *u = &bcsim__run;
    u->active = true;
    u->phase = phase_of(reason);
    u->code = in->code;
    memcpy(u->params, in->params, sizeof(u->params));
    u->nested = false;
    u->violations_start = (uint32_t)F.violations_base;
    u->dbgprint_start = F.dbgprint_base;
    u->dump_type = (uint32_t[]){ BCSIM_DUMP_BITMAP, BCSIM_DUMP_FULL, BCSIM_DUMP_SMALL }[in->dump_select % 3];
    bcsim__m.depth = 1;
    bcsim__m.bugcheck_data[0] = in->code;
    memcpy(&bcsim__m.bugcheck_data[1], in->params, 4 * sizeof(uint64_t));
    bcsim__m.interrupts_disabled = reason != BCSIM_REASON_RESERVED2;
    bcsim__m.irql = reason == BCSIM_REASON_RESERVED2 ? BCSIM_IRQL_PASSIVE : BCSIM_IRQL_HIGH;
    bcsim__paged_protect(true);

    int rc = bcsim__with_catch_point(run_passes, &c);

    bcsim__paged_protect(false);
    bcsim__m.irql = BCSIM_IRQL_PASSIVE;
    bcsim__m.interrupts_disabled = false;
    bcsim__m.depth = 0;
    u->active = false;
    memset(bcsim__m.bugcheck_data, 0, 5 * sizeof(uint64_t));
    bcsim__m.current_call = -1;

    out->violation_count = (uint32_t)(bcsim__m.violations.n - F.violations_base);
    for (size_t i = F.violations_base; i < bcsim__m.violations.n; i++) {
        const bcsim_violation_t *v = &bcsim__m.violations.v[i];
        if (v->severity >= BCSIM_SEV_VIOLATION && v->id != BCSIM_V_NESTED_BUGCHECK)
            out->findings++;
    }
    if (rc) {
        /* bcsim itself halted the machine: the caller reboots and sets up again. */
        out->halted = true;
        F.ready = false;
        return BCSIM_EBUGCHECK;
    }
    restore_records();
    return 0;
}

uint32_t bcsim_fuzz_direct(int32_t reason, const bcsim_fuzz_input_t *in)
{
    bcsim_fuzz_outcome_t out = { 0 };
    if (!F.ready || !in || !reason_valid(reason))
        return 0;
    fz_ctx_t c = { .in = in, .out = &out, .reason = reason, .direct = true,
                   .loose = F.opt.allow_loose && (in->knobs & BCSIM_FUZZ_KNOB_LOOSE),
                   .maximum_default = maximum_default(in) };
    run_passes(&c);
    return out.calls;
}
