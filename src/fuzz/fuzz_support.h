/*
 * src/fuzz_support.h — the few hooks a harness loop that runs many inputs on one machine
 * (src/fuzz_dispatch.c) needs from other modules, so that memory does not grow per input:
 *   util.c       roll the string arena back to a mark; pinned strings for caches
 *   symbolize.c  keeps its cached names pinned (they survive a roll-back)
 *   bugcheck.c   a catch point for harness code that may halt the machine; tells
 *                fuzz_dispatch.c when the machine goes away
 */
#ifndef BCSIM_FUZZ_SUPPORT_H
#define BCSIM_FUZZ_SUPPORT_H

#include <stddef.h>

typedef struct bcsim__strmark {
    void *block;
    size_t used;
} bcsim__strmark_t;

/* Where the string arena is now, after making sure its current block has @p room bytes free. */
bcsim__strmark_t bcsim__strings_mark(size_t room);
/* Frees every string made since the mark: nothing made since may still be referenced. */
void bcsim__strings_release(bcsim__strmark_t mark);
/* Empties a map but keeps its slots (bcsim__map_clear frees them). */
struct bcsim__map;
void bcsim__map_empty(struct bcsim__map *m);
/* A string that lives as long as the machine, whatever roll-backs happen. */
const char *bcsim__strdup_pinned(const char *s);

/* Runs harness code with a catch point: 0, or BCSIM_EBUGCHECK if it ended in a halt (the
 * machine is then halted, as after bcsim_sim_bugcheck()). */
int bcsim__with_catch_point(void (*fn)(void *), void *arg);

/* The machine goes away (bcsim_sim_destroy): the fuzz harness forgets its records, buffers
 * and snapshots (fuzz_dispatch.c). */
void bcsim__fuzz_shutdown(void);

#endif /* BCSIM_FUZZ_SUPPORT_H */
