/*
 * sim/channel.h — the channel from a boot child to the supervising `bcsim run` process
 * (sim/channel.c). The parent renders every report and decides every exit status from what
 * arrives here, so nothing a driver does to the child's standard output, standard error or
 * exit status can silence or fake a report.
 *
 * Frames: a 20-byte header (magic "BCSM", type, cell, sequence number, payload length, each
 * a little-endian u32) and the payload (UTF-8 text: a line, or one JSON object). The cell id
 * lets one channel carry several cells (a worker running a sweep) and the parent tell
 * concurrent boots apart; the sequence number orders frames that took different routes.
 *
 * Routes: a pipe, whose write end the child keeps at a high descriptor and protects
 * (bcsim_protect_fd: a driver that closes or replaces it is reported and undone); when the
 * pipe is unusable at the moment of a send (closed, replaced, a driver closed every
 * descriptor), the frame goes to a shared-memory overflow area the parent reads after the
 * child ended. Frames in the pipe are beyond the driver's reach once written.
 *
 * The parent treats every byte as untrusted: bytes that do not start a valid frame (a bad
 * magic, an unknown type, an absurd length: a driver wrote into the channel) are skipped up to
 * the next valid header and counted; a truncated last frame (the child died while writing
 * it) is dropped. Each payload is validated again by whoever reads it (src/report/report_doc.c).
 */
#ifndef BCSIM_SIM_CHANNEL_H
#define BCSIM_SIM_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define CHAN_MAGIC 0x4d534342u          /* "BCSM" */
#define CHAN_HEADER 20u
#define CHAN_MAX_PAYLOAD (512u << 20)
#define CHAN_OVERFLOW_BYTES (64u << 20) /* shared overflow area per cell (reserved, not touched) */

typedef enum chan_type {
    CHAN_LINE = 1,       /* a line a driver printed (DbgPrint & co.): shown live */
    CHAN_NOTE = 2,       /* a line of bcsim's own output ("driver X: DriverEntry returned ...") */
    CHAN_ERROR = 3,      /* {"exit": 2|3, "message": "..."}: bad input or an internal error */
    CHAN_BUGCHECK = 4,   /* {"code": .., "params": [..]}: a bug check begins */
    CHAN_CALL = 5,       /* one finished callback call (the report's "calls" item) */
    CHAN_FINDING = 6,    /* one finding (the report's "findings" item) */
    CHAN_RESULT = 7,     /* the boot's result: {"kind": .., "report": {..}, ...} */
    CHAN_DUMP = 8,       /* {"status": 0|BCSIM_E*, "size": n, "error": ".."}: the dump file is done */
    CHAN__COUNT
} chan_type_t;

/* The child's end. */
typedef struct chan {
    int fd;
    dev_t dev;
    ino_t ino;
    uint32_t cell;
    uint32_t seq;
    uint8_t *overflow;            /* shared: u64 used, then frames */
    size_t overflow_size;
    bool gone;                    /* the parent is gone (EPIPE): stop sending */
    /* in-process boots (gdb, --no-contain): frames go straight to this function */
    void (*local)(void *ctx, uint32_t type, uint32_t seq, const void *payload, size_t len);
    void *local_ctx;
} chan_t;

/* Sets up the child's end: moves fd to a high descriptor (closing the original). */
int chan_child_init(chan_t *c, int fd, uint32_t cell, uint8_t *overflow, size_t overflow_size);
/* Sends one frame; false if it could go nowhere. */
bool chan_send(chan_t *c, uint32_t type, const void *payload, size_t len);
bool chan_send_text(chan_t *c, uint32_t type, const char *text);

/* The parent's end: one received frame. */
typedef struct chan_frame {
    uint32_t type, cell, seq;
    uint32_t len;
    char *payload;                /* NUL-terminated copy */
} chan_frame_t;

typedef struct chan_reader {
    uint8_t *buf;
    size_t len, cap;
    uint64_t skipped;             /* bytes that were not part of a valid frame */
    bool corrupt;                 /* out of memory: reading stopped */
    char why[128];
} chan_reader_t;

/* Appends bytes read from the pipe. */
bool chan_reader_feed(chan_reader_t *r, const void *data, size_t n);
/* Takes the next complete frame (true) into *f (caller frees f->payload). */
bool chan_reader_next(chan_reader_t *r, chan_frame_t *f);
void chan_reader_free(chan_reader_t *r);
/* Feeds a reader with the frames of a shared overflow area (after the child ended). */
void chan_reader_from_overflow(chan_reader_t *r, const uint8_t *area, size_t size);

#endif /* BCSIM_SIM_CHANNEL_H */
