/*
 * sim/channel.c — the boot child's channel to the supervising process (see channel.h).
 */
#include "channel.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

/* High enough to be out of the way of a driver's own descriptors, low enough for the usual
 * 1024 limit (bcsim_protect_fd keeps its copies at 700 and up). */
#define CHAN_FD_BASE 600

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int chan_child_init(chan_t *c, int fd, uint32_t cell, uint8_t *overflow, size_t overflow_size)
{
    memset(c, 0, sizeof(*c));
    int high = fcntl(fd, F_DUPFD_CLOEXEC, CHAN_FD_BASE);
    if (high >= 0) {
        close(fd);
        fd = high;
    }
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    c->fd = fd;
    c->dev = st.st_dev;
    c->ino = st.st_ino;
    c->cell = cell;
    c->overflow = overflow;
    c->overflow_size = overflow_size;
    return 0;
}

static bool pipe_usable(const chan_t *c)
{
    struct stat st;
    return !c->gone && fstat(c->fd, &st) == 0 && st.st_dev == c->dev && st.st_ino == c->ino;
}

static bool write_all(int fd, struct iovec *v, int n)
{
    while (n) {
        ssize_t k = writev(fd, v, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        for (; n && (size_t)k >= v->iov_len; v++, n--)
            k -= (ssize_t)v->iov_len;
        if (n) {
            v->iov_base = (uint8_t *)v->iov_base + k;
            v->iov_len -= (size_t)k;
        }
    }
    return true;
}

static bool to_overflow(chan_t *c, const uint8_t *hdr, const void *payload, size_t len)
{
    if (!c->overflow || c->overflow_size < 8)
        return false;
    uint64_t used;
    memcpy(&used, c->overflow, 8);
    if (used > c->overflow_size - 8 || c->overflow_size - 8 - used < CHAN_HEADER + len)
        return false;
    uint8_t *p = c->overflow + 8 + used;
    memcpy(p, hdr, CHAN_HEADER);
    if (len)
        memcpy(p + CHAN_HEADER, payload, len);
    used += CHAN_HEADER + len;
    __atomic_store_n((uint64_t *)(void *)c->overflow, used, __ATOMIC_RELEASE);
    return true;
}

bool chan_send(chan_t *c, uint32_t type, const void *payload, size_t len)
{
    if (len > CHAN_MAX_PAYLOAD)
        return false;
    if (c->local) {
        c->local(c->local_ctx, type, ++c->seq, payload, len);
        return true;
    }
    uint8_t hdr[CHAN_HEADER];
    put32(hdr, CHAN_MAGIC);
    put32(hdr + 4, type);
    put32(hdr + 8, c->cell);
    put32(hdr + 12, ++c->seq);
    put32(hdr + 16, (uint32_t)len);
    if (pipe_usable(c)) {
        struct iovec v[2] = { { hdr, CHAN_HEADER }, { (void *)payload, len } };
        if (write_all(c->fd, v, len ? 2 : 1))
            return true;
        if (errno == EPIPE)
            c->gone = true;
    }
    return to_overflow(c, hdr, payload, len);
}

bool chan_send_text(chan_t *c, uint32_t type, const char *text)
{
    return chan_send(c, type, text, strlen(text));
}

/* ---- the parent's end ----------------------------------------------------------------------- */

bool chan_reader_feed(chan_reader_t *r, const void *data, size_t n)
{
    if (r->corrupt || !n)
        return !r->corrupt;
    if (r->len + n > r->cap) {
        size_t cap = r->cap ? r->cap : 65536;
        while (cap < r->len + n)
            cap *= 2;
        uint8_t *b = realloc(r->buf, cap);
        if (!b) {
            r->corrupt = true;
            snprintf(r->why, sizeof(r->why), "out of memory");
            return false;
        }
        r->buf = b;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, data, n);
    r->len += n;
    return true;
}

bool chan_reader_next(chan_reader_t *r, chan_frame_t *f)
{
    if (r->corrupt)
        return false;
    /* Skip bytes that cannot start a frame (someone else wrote into the channel). */
    size_t skip = 0;
    while (r->len - skip >= 4) {
        const uint8_t *h = r->buf + skip;
        if (get32(h) == CHAN_MAGIC) {
            if (r->len - skip < CHAN_HEADER)
                break;
            uint32_t type = get32(h + 4), len = get32(h + 16);
            if (type && type < CHAN__COUNT && len <= CHAN_MAX_PAYLOAD)
                break;
        }
        skip++;
    }
    if (skip) {
        r->skipped += skip;
        memmove(r->buf, r->buf + skip, r->len - skip);
        r->len -= skip;
    }
    if (r->len < CHAN_HEADER)
        return false;
    uint32_t type = get32(r->buf + 4), len = get32(r->buf + 16);
    if (r->len - CHAN_HEADER < len)
        return false;
    char *p = malloc((size_t)len + 1);
    if (!p) {
        r->corrupt = true;
        snprintf(r->why, sizeof(r->why), "out of memory");
        return false;
    }
    memcpy(p, r->buf + CHAN_HEADER, len);
    p[len] = 0;
    f->type = type;
    f->cell = get32(r->buf + 8);
    f->seq = get32(r->buf + 12);
    f->len = len;
    f->payload = p;
    size_t used = CHAN_HEADER + (size_t)len;
    memmove(r->buf, r->buf + used, r->len - used);
    r->len -= used;
    return true;
}

void chan_reader_free(chan_reader_t *r)
{
    free(r->buf);
    memset(r, 0, sizeof(*r));
}

void chan_reader_from_overflow(chan_reader_t *r, const uint8_t *area, size_t size)
{
    if (!area || size < 8)
        return;
    uint64_t used = __atomic_load_n((const uint64_t *)(const void *)area, __ATOMIC_ACQUIRE);
    if (used > size - 8)
        used = size - 8;
    chan_reader_feed(r, area + 8, (size_t)used);
}
