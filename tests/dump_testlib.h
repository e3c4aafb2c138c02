/*
 * tests/dump_testlib.h — shared by the dump tests and the fuzz-seed generator: a memory
 * sink that records every chunk, and a builder for small dumps over a simulated machine.
 */
#ifndef BCSIM_DUMP_TESTLIB_H
#define BCSIM_DUMP_TESTLIB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bcsim.h"
#include "bcsim/dump.h"
#include "dump/dump_format.h"
#include "dump/dump_writer.h"
#include "internal.h"
#include "memory/memory.h"

typedef struct dt_chunk {
    uint32_t type;
    uint32_t len;
} dt_chunk_t;

/* Collects the stream; fail_at > 0 makes the n-th chunk fail (1-based). */
typedef struct dt_sink {
    uint8_t *buf;
    uint64_t len, cap;
    dt_chunk_t chunks[4096];
    uint32_t nchunks;
    bool order_ok;          /* types never go backwards, every len a page multiple */
    uint32_t fail_at;
    int (*tee)(void *ctx, const void *buf, uint32_t len);
    void *tee_ctx;
} dt_sink_t;

static inline void dt_sink_init(dt_sink_t *s)
{
    memset(s, 0, sizeof(*s));
    s->order_ok = true;
}

static inline void dt_sink_free(dt_sink_t *s)
{
    free(s->buf);
    s->buf = NULL;
}

static inline int dt_sink(void *ctx, uint32_t type, const void *buf, uint32_t len)
{
    dt_sink_t *s = ctx;
    if (s->fail_at && s->nchunks + 1 == s->fail_at)
        return BCSIM_EIO;
    if (len == 0 || len % 0x1000)
        s->order_ok = false;
    if (s->nchunks && type < s->chunks[s->nchunks - 1].type)
        s->order_ok = false;
    if (s->nchunks < 4096)
        s->chunks[s->nchunks] = (dt_chunk_t){ type, len };
    s->nchunks++;
    if (s->len + len > s->cap) {
        uint64_t ncap = s->cap ? s->cap : 0x10000;
        while (ncap < s->len + len)
            ncap *= 2;
        uint8_t *nb = realloc(s->buf, ncap);
        if (!nb)
            return BCSIM_ENOMEM;
        s->buf = nb;
        s->cap = ncap;
    }
    memcpy(s->buf + s->len, buf, len);
    s->len += len;
    if (s->tee)
        return s->tee(s->tee_ctx, buf, len);
    return 0;
}

/* A blob to put in the secondary region. */
typedef struct dt_blob {
    bcsim_guid_t guid;
    const void *data;
    uint32_t size;
} dt_blob_t;

/* Writes a whole dump of `set` with `blobs` into sink s. 0 or the first error. */
static inline int dt_write(bcsim__dump_params_t *p, bcsim__pfnset_t *set, const dt_blob_t *blobs,
                           size_t nblobs, dt_sink_t *s, const char **err)
{
    uint32_t sizes[64];
    for (size_t i = 0; i < nblobs && i < 64; i++)
        sizes[i] = blobs[i].size;
    p->secondary_size = bcsim__blob_region_size(sizes, nblobs, p->secondary_packed);
    bcsim__dump_writer_t *w = NULL;
    int rc = bcsim__dump_writer_create(p, set, dt_sink, s, &w, err);
    if (rc)
        return rc;
    rc = bcsim__dump_writer_header(w);
    if (!rc)
        rc = bcsim__dump_writer_body(w);
    if (!rc && nblobs) {
        rc = bcsim__dump_secondary_begin(w);
        for (size_t i = 0; !rc && i < nblobs; i++)
            rc = bcsim__dump_secondary_blob(w, &blobs[i].guid, blobs[i].data, blobs[i].size);
        if (!rc)
            rc = bcsim__dump_secondary_end(w);
    }
    if (!rc)
        rc = bcsim__dump_writer_finish(w);
    if (rc && err)
        *err = bcsim__dump_writer_error(w);
    static char keep[320];
    if (rc && err) {
        strncpy(keep, *err, sizeof(keep) - 1);
        *err = keep;
    }
    bcsim__dump_writer_destroy(w);
    return rc;
}

/* Adds the frames of [va, va + len) to the set. */
static inline int dt_add_va(bcsim__pfnset_t *set, const void *va, uint64_t len)
{
    uint64_t a = (uint64_t)va & ~0xFFFULL, e = (uint64_t)va + len;
    for (; a < e; a += 0x1000) {
        uint64_t pa;
        if (!bcsim__mem_va_to_pa(a, &pa))
            return BCSIM_ENOTFOUND;
        int rc = bcsim__pfnset_add(set, pa >> 12, 1);
        if (rc)
            return rc;
    }
    return 0;
}

static inline void dt_fill(void *p, uint64_t len, uint32_t seed)
{
    uint8_t *b = p;
    uint32_t x = seed * 2654435761u + 1;
    for (uint64_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b[i] = (uint8_t)x;
    }
}

static inline uint32_t dt_get32(const uint8_t *b, uint64_t off)
{
    uint32_t v;
    memcpy(&v, b + off, 4);
    return v;
}

static inline uint64_t dt_get64(const uint8_t *b, uint64_t off)
{
    uint64_t v;
    memcpy(&v, b + off, 8);
    return v;
}

static inline void dt_put32(uint8_t *b, uint64_t off, uint32_t v) { memcpy(b + off, &v, 4); }
static inline void dt_put64(uint8_t *b, uint64_t off, uint64_t v) { memcpy(b + off, &v, 8); }

/* true if the dump has a diagnostic of at least `sev` whose message contains `needle`. */
static inline bool dt_has_diag(const bcsim_dump_t *d, uint32_t sev, const char *needle)
{
    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++) {
        const bcsim_dump_diag_t *g = bcsim_dump_diag_get(d, i);
        if (g->severity >= sev && strstr(g->message, needle))
            return true;
    }
    return false;
}

#endif /* BCSIM_DUMP_TESTLIB_H */
