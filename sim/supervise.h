/*
 * sim/supervise.h — running boots ("cells") in child processes and judging how each ended
 * (sim/supervise.c). Promises (dispatcher-model.md 7.11, issue "every run ends"):
 *
 *   - every cell ends: a wall-clock deadline per cell, enforced here, independent of anything
 *     inside the child; on expiry the cell's whole process group is killed;
 *   - no orphans: each cell is its own process group with a parent-death signal, this process
 *     is a child subreaper, and whatever a cell left running (even after setsid()) is killed
 *     and reaped when the cell ends;
 *   - a driver cannot kill or stop the supervisor with a signal: SIGINT, SIGTERM and SIGHUP
 *     sent from a cell's processes are recorded against the cell and ignored; from anyone
 *     else they interrupt the run (sup_run returns the signal; the caller cleans up and exits
 *     128 + signal).
 *
 * Cells run up to `parallel` at a time; frames arrive through each cell's channel
 * (sim/channel.h) and are handed to the caller as they come.
 */
#ifndef BCSIM_SIM_SUPERVISE_H
#define BCSIM_SIM_SUPERVISE_H

#include "bcsim.h"
#include "channel.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct cell cell_t;

/* Runs in the child: the cell's work. Returns the child's exit status (informational: the
 * parent judges from the frames). */
typedef int (*cell_fn_t)(cell_t *cell, chan_t *chan);
/* Called in the parent for each frame as it arrives (frames also stay in cell->frames). */
typedef void (*frame_fn_t)(void *ctx, cell_t *cell, const chan_frame_t *frame);

typedef struct cell_frames {
    chan_frame_t *v;
    size_t n, cap;
} cell_frames_t;

struct cell {
    /* inputs */
    uint32_t id;
    const char *what;                 /* "the unload check", "bug check 1 of 2" */
    uint32_t deadline_ms;             /* 0: none */
    cell_fn_t fn;
    void *arg;
    const char *const *drivers;       /* module paths: the probe looks for their frames */
    uint32_t ndrivers;
    int keep_fd;                      /* a descriptor the child keeps (the dump file), -1 */
    /* outcome */
    pid_t pid;
    bool started, ended;
    int wstatus;                      /* from waitpid (exit or signal) */
    bool deadline_hit;                /* killed at its deadline */
    int stop_signal;                  /* stopped itself (SIGSTOP, ...): killed; 0 otherwise */
    double seconds;                   /* wall time it ran */
    cell_frames_t frames;             /* every frame, both routes, in sequence order */
    bool channel_corrupt;
    char channel_why[128];
    uint64_t channel_skipped;         /* bytes in the channel that were not bcsim's frames */
    bcsim_activity_t junk_activity;   /* the activity record when the first such bytes arrived */
    bcsim_activity_t activity;        /* the child's activity record when it ended */
    /* where the first driver frame was when the cell was stopped (deadline, stop): from the
     * child's stack through ptrace; found = false when it could not be read */
    struct {
        bool found;
        uint64_t pc;
        char function[96];
        char file[256];
        uint32_t line;
    } probe;
    /* signals its processes sent to the supervisor */
    uint32_t signals_sent;
    int last_signal_sent;
    pid_t signal_sender;
    bcsim_activity_t signal_activity; /* the activity record when the last one arrived */
    /* private */
    int rfd;
    uint64_t start_ns;
    bcsim_activity_t *shared;
    uint8_t *overflow;
    chan_reader_t reader;
};

/* Installs the supervisor's signal handling and makes this process a child subreaper.
 * 0 or -1. */
int sup_init(void);
/* Runs the cells. Returns 0, or the number of a signal from outside that interrupted the run
 * (every running cell is then killed and reaped; cells not started stay unstarted). */
int sup_run(cell_t *cells, uint32_t n, uint32_t parallel, frame_fn_t live, void *ctx);
/* A signal from outside received since the last call (0 if none); also consumes it. */
int sup_pending_signal(void);
/* Frees the frames of a cell. */
void sup_cell_free(cell_t *c);

#endif /* BCSIM_SIM_SUPERVISE_H */
