/*
 * src/base/vec.h — a growable array, used for every log and table in the harness.
 *
 *   BCSIM_VEC(bcsim_call_t) calls = {0};
 *   bcsim_call_t *c = BCSIM_VEC_PUSH(&calls);   // zeroed slot, or NULL when out of memory
 *
 * Growth doubles; elements move, so never keep a pointer across a push.
 */
#ifndef BCSIM_VEC_H
#define BCSIM_VEC_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define BCSIM_VEC(type) struct { type *v; size_t n, cap; }

void *bcsim__vec_grow(void *v, size_t *cap, size_t need, size_t elem);

#define BCSIM_VEC_PUSH(vec) \
    (((vec)->n < (vec)->cap || \
      ((vec)->v = bcsim__vec_grow((vec)->v, &(vec)->cap, (vec)->n + 1, sizeof(*(vec)->v))) != NULL) \
         ? (memset(&(vec)->v[(vec)->n], 0, sizeof(*(vec)->v)), &(vec)->v[(vec)->n++]) \
         : NULL)

#define BCSIM_VEC_RESERVE(vec, need) \
    ((need) <= (vec)->cap || \
     ((vec)->v = bcsim__vec_grow((vec)->v, &(vec)->cap, (need), sizeof(*(vec)->v))) != NULL)

#define BCSIM_VEC_FREE(vec) do { free((vec)->v); (vec)->v = NULL; (vec)->n = (vec)->cap = 0; } while (0)
#define BCSIM_VEC_CLEAR(vec) ((vec)->n = 0)

#endif /* BCSIM_VEC_H */
