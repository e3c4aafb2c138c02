/*
 * src/dump/dump_writer.h — the mechanics of writing a Windows 64-bit kernel dump
 * (shared/spec/dump-format.md): a set of present page frames, the secondary-region layout
 * and a streaming writer that hands every chunk of the file, in file order, to a sink.
 *
 * Policy (which pages, which callbacks, DumpIo) is src/dispatcher/phase_dump.c's; this file decides only
 * how bytes are laid out. Memory use is the present-frame bitset, the synthesized page
 * tables and one chunk buffer: it does not grow with the amount of page data.
 *
 * Order of calls:
 *
 *   bcsim__pfnset_t set;                      // which frames the dump holds
 *   bcsim__pfnset_init(&set, limit);
 *   bcsim__pfnset_add(&set, pfn, count); ...
 *   size = bcsim__blob_region_size(sizes, n, packed);   // size pass
 *   bcsim__dump_params_t p; bcsim__dump_params_init(&p); p.secondary_size = size; ...
 *   bcsim__dump_writer_create(&p, &set, sink, ctx, &w, &err);  // adds page-table frames
 *   bcsim__dump_writer_header(w);            // 1 chunk of 0x2000 (HEADER)
 *   bcsim__dump_writer_body(w);              // bitmap (type 5) and pages (BODY)
 *   bcsim__dump_secondary_begin(w);          // data pass (SECONDARY_DATA)
 *   bcsim__dump_secondary_blob(w, &guid, data, len); ...
 *   bcsim__dump_secondary_end(w);
 *   bcsim__dump_writer_finish(w);            // min-size padding; checks the total
 *   bcsim__dump_writer_destroy(w);
 */
#ifndef BCSIM_DUMP_WRITER_H
#define BCSIM_DUMP_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bcsim.h"

/* ---- the set of present page frames ---------------------------------------------------- */
typedef struct bcsim__pfnset {
    uint64_t *words;        /* bit p set <=> PFN p present */
    uint64_t nwords;        /* allocated words */
    uint64_t limit;         /* PFNs >= limit are refused */
    uint64_t count;         /* number of set bits */
} bcsim__pfnset_t;

/* An empty set accepting PFNs below `limit` (0 = 2^32, spec 13.4). Never fails. */
void bcsim__pfnset_init(bcsim__pfnset_t *s, uint64_t limit);
void bcsim__pfnset_free(bcsim__pfnset_t *s);
/* Adds [first, first + count). 0, BCSIM_EINVAL (beyond the limit: nothing added) or
 * BCSIM_ENOMEM. The set grows as needed. */
int bcsim__pfnset_add(bcsim__pfnset_t *s, uint64_t first, uint64_t count);
/* Removes [first, first + count) (frames not in the set are ignored). */
void bcsim__pfnset_remove(bcsim__pfnset_t *s, uint64_t first, uint64_t count);
bool bcsim__pfnset_test(const bcsim__pfnset_t *s, uint64_t pfn);
uint64_t bcsim__pfnset_count(const bcsim__pfnset_t *s);
/* Highest present PFN; false if the set is empty. */
bool bcsim__pfnset_max(const bcsim__pfnset_t *s, uint64_t *pfn);
/* The first run of present frames at or after `from`: true with [*base, *base + *count). */
bool bcsim__pfnset_next_run(const bcsim__pfnset_t *s, uint64_t from, uint64_t *base,
                            uint64_t *count);
/* Number of maximal runs of consecutive present frames. */
uint64_t bcsim__pfnset_runs(const bcsim__pfnset_t *s);

/* ---- secondary-region layout (spec 11.2) ------------------------------------------------ */
/* Where one blob goes, relative to the start of the region (T). */
typedef struct bcsim__blob_place {
    uint64_t header;        /* DUMP_BLOB_HEADER */
    uint64_t data;          /* header + 0x20 + PrePad */
    uint32_t pre_pad;
    uint32_t post_pad;
    uint64_t next;          /* the next header: data + size + PostPad */
} bcsim__blob_place_t;

/* Places a blob of `size` bytes whose header goes at region offset `at` (0x10 for the first
 * blob: right after the file header). Page-granular framing (default): data after the
 * header when it fits in the rest of that page, PostPad to the page end; otherwise PrePad
 * to the page end, data on the next page, PostPad to a page boundary. Packed: PrePad 0,
 * PostPad to 8 bytes. false if the offsets overflow 64 bits or a pad overflows 32. */
bool bcsim__blob_place(uint64_t at, uint32_t size, bool packed, bcsim__blob_place_t *out);

/* Region size (a page multiple) for blobs of these sizes in this order: 0 when n == 0
 * (no blob: no region, spec 11.2), UINT64_MAX on overflow. The size pass calls it, or
 * bcsim__blob_region_add() incrementally. */
uint64_t bcsim__blob_region_size(const uint32_t *sizes, size_t n, bool packed);

/* Incremental form: *cursor starts at 0 (nothing yet); each call adds one blob and returns
 * the region size so far (page multiple), UINT64_MAX on overflow. */
uint64_t bcsim__blob_region_add(uint64_t *cursor, uint32_t size, bool packed);

/* ---- the writer ------------------------------------------------------------------------- */
/* The register state recorded in the header's CONTEXT (captured by the caller). */
typedef struct bcsim__dump_regs {
    uint64_t rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rip;
    uint32_t eflags;
    uint32_t mxcsr;         /* written to CONTEXT.MxCsr and FltSave.MxCsr (must agree) */
} bcsim__dump_regs_t;

/* Receives each chunk of the file, in file order: type is BCSIM_DUMP_IO_HEADER, _BODY or
 * _SECONDARY_DATA, len a non-zero multiple of 0x1000. Non-zero return stops the writer
 * and is returned by the writer call that produced the chunk. */
typedef int (*bcsim__dump_sink_fn)(void *ctx, uint32_t type, const void *buf, uint32_t len);

typedef struct bcsim__dump_params {
    uint32_t dump_type;             /* 1 (runs) or 5 (bitmap) */
    uint32_t bugcheck_code;
    uint64_t bugcheck_params[4];
    uint32_t build_number;          /* MinorVersion; blob BuildNumber = 0xF0000000 | build */
    uint32_t number_processors;
    uint64_t system_time;           /* FILETIME (100 ns since 1601) */
    uint64_t uptime_100ns;
    int32_t secondary_state;        /* NTSTATUS of the size pass */
    uint64_t secondary_size;        /* reserved region bytes, page multiple; 0 = none */
    bool secondary_packed;          /* framing of the region (size must match it) */
    const char *comment;            /* NUL-terminated ASCII; cut at 127 bytes */
    bcsim__dump_regs_t regs;
    uint32_t body_chunk_pages;      /* pages per BODY/SECONDARY_DATA chunk (>= 1) */
    uint64_t min_file_size;         /* pad with zero pages up to this size (0 = none) */
    uint64_t ps_loaded_module_list; /* header field, 0 if none */
    uint32_t boot_id;
    /* Asked before each body chunk of page data: true lets the writer hand the sink a
     * pointer into simulated memory instead of a copy, when the chunk's frames are
     * consecutive pool memory (bcsim__dump_writer_in_place() tells the sink). Return true
     * only if no driver code can run before the sink is done with those bytes. NULL: never. */
    bool (*in_place)(void *ctx);
} bcsim__dump_params_t;

/* Defaults: type 5, build 22000, 1 processor, MxCsr 0x1F80, 16 pages per chunk, comment
 * "bcsim simulated crash dump", everything else 0. */
void bcsim__dump_params_init(bcsim__dump_params_t *p);

typedef struct bcsim__dump_writer bcsim__dump_writer_t;

/* Synthesizes the page tables for every registry page with a frame (spec 13.4), adds the
 * table frames to `present` (it must outlive the writer and not change any more), and
 * computes the layout. `*err` receives a static or writer-owned message on failure.
 * 0, BCSIM_EINVAL (bad params, > 42 runs for type 1, frame collision), BCSIM_ENOMEM. */
int bcsim__dump_writer_create(const bcsim__dump_params_t *p, bcsim__pfnset_t *present,
                              bcsim__dump_sink_fn sink, void *ctx, bcsim__dump_writer_t **out,
                              const char **err);
/* Frees the writer. Always safe, also after a sink call that never returned (a nested bug
 * check longjmp'ed out of a DumpIo callback): nothing is allocated after create. */
void bcsim__dump_writer_destroy(bcsim__dump_writer_t *w);

/* Inside the sink: true if buf points into simulated memory (see in_place above), false if
 * it is the writer's chunk buffer (valid only during the call). */
bool bcsim__dump_writer_in_place(const bcsim__dump_writer_t *w);

/* Layout facts, valid after create. */
uint64_t bcsim__dump_writer_file_size(const bcsim__dump_writer_t *w);   /* RequiredDumpSpace */
uint64_t bcsim__dump_writer_tagged_offset(const bcsim__dump_writer_t *w); /* T */
uint64_t bcsim__dump_writer_page_count(const bcsim__dump_writer_t *w);
uint64_t bcsim__dump_writer_written(const bcsim__dump_writer_t *w);     /* bytes so far */
/* File offset of a present frame's data, or UINT64_MAX. */
uint64_t bcsim__dump_writer_page_offset(const bcsim__dump_writer_t *w, uint64_t pfn);
/* The last error message ("" if none). */
const char *bcsim__dump_writer_error(const bcsim__dump_writer_t *w);

/* The 0x2000-byte header as one chunk. */
int bcsim__dump_writer_header(bcsim__dump_writer_t *w);
/* Type 5: bitmap header, bitmap and zero pad; then the page data (both as BODY chunks of
 * body_chunk_pages pages, the last one shorter). Pages are read from the memory registry
 * now (unreadable frames are written as zero pages); table pages come from the writer. */
int bcsim__dump_writer_body(bcsim__dump_writer_t *w);

/* The secondary region (only if params.secondary_size != 0): the file header, then blobs
 * in the framing of params.secondary_packed. A blob that would not fit in the reserved
 * size is refused with BCSIM_EINVAL and nothing written; bcsim__dump_secondary_fits()
 * asks first. _end zero-fills the rest of the region. */
int bcsim__dump_secondary_begin(bcsim__dump_writer_t *w);
bool bcsim__dump_secondary_fits(const bcsim__dump_writer_t *w, uint32_t size);
int bcsim__dump_secondary_blob(bcsim__dump_writer_t *w, const bcsim_guid_t *tag,
                               const void *data, uint32_t size);
/* The same in parts (multi-part records): declare the size, append the bytes (NULL data =
 * zeros), end (missing bytes are zero-filled; more than declared is BCSIM_EINVAL). */
int bcsim__dump_secondary_blob_begin(bcsim__dump_writer_t *w, const bcsim_guid_t *tag,
                                     uint32_t size);
int bcsim__dump_secondary_blob_append(bcsim__dump_writer_t *w, const void *data, uint32_t len);
int bcsim__dump_secondary_blob_end(bcsim__dump_writer_t *w);
int bcsim__dump_secondary_end(bcsim__dump_writer_t *w);

/* Ends the file: closes the region if open (an unopened reserved region is zero-filled),
 * then the zero padding up to min_file_size (as SECONDARY_DATA after a region, BODY
 * otherwise). Checks that exactly RequiredDumpSpace bytes went to the sink. */
int bcsim__dump_writer_finish(bcsim__dump_writer_t *w);

#endif /* BCSIM_DUMP_WRITER_H */
