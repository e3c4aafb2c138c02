/*
 * src/base/util.h — small tools every room uses (src/base/util.c): a u64 hash map and the
 * string arena (strings live as long as the machine; the fuzz harness rolls the arena back to
 * a mark between inputs, and pinned strings survive the roll-back).
 */
#ifndef BCSIM_SRC_BASE_UTIL_H
#define BCSIM_SRC_BASE_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bcsim__map_slot {
    uint64_t key;
    uint64_t val;
} bcsim__map_slot_t;
typedef struct bcsim__map {
    bcsim__map_slot_t *slots;
    size_t cap, used, count;
} bcsim__map_t;
int bcsim__map_put(bcsim__map_t *m, uint64_t key, uint64_t val);
uint64_t *bcsim__map_get(const bcsim__map_t *m, uint64_t key);
bool bcsim__map_del(bcsim__map_t *m, uint64_t key);
void bcsim__map_clear(bcsim__map_t *m);

const char *bcsim__strdup(const char *s);
const char *bcsim__strndup(const char *s, size_t n);
const char *bcsim__strfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bcsim__strings_free(void);
/* Empties a map but keeps its slots (bcsim__map_clear frees them). */
void bcsim__map_empty(bcsim__map_t *m);

/* The string arena's position, for a loop that runs many inputs on one machine. */
typedef struct bcsim__strmark {
    void *block;
    size_t used;
} bcsim__strmark_t;
/* Where the string arena is now, after making sure its current block has @p room bytes free. */
bcsim__strmark_t bcsim__strings_mark(size_t room);
/* Frees every string made since the mark: nothing made since may still be referenced. */
void bcsim__strings_release(bcsim__strmark_t mark);
/* A string that lives as long as the machine, whatever roll-backs happen. */
const char *bcsim__strdup_pinned(const char *s);

#endif /* BCSIM_SRC_BASE_UTIL_H */
