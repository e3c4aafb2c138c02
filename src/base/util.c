/*
 * src/base/util.c — small shared mechanics: vector growth, the u64 hash map, FNV-1a,
 * a string arena for strings that live as long as the simulated machine.
 */
#include "internal.h"

#include <stdio.h>

void *bcsim__vec_grow(void *v, size_t *cap, size_t need, size_t elem)
{
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return NULL;
        ncap *= 2;
    }
    void *nv = realloc(v, ncap * elem);
    if (!nv)
        return NULL; /* caller's vector is unchanged; its pointer is still valid */
    *cap = ncap;
    return nv;
}

/* ---- u64 -> u64 map: open addressing, linear probing, tombstones -------------------- */
#define MAP_EMPTY 0
#define MAP_TOMB 1

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

/* Keys 0 and 1 are reserved as markers; callers' keys are addresses (never 0/1) or are
 * shifted by bcsim__map_key(). */
static int map_rehash(bcsim__map_t *m, size_t ncap)
{
    bcsim__map_slot_t *old = m->slots;
    size_t ocap = m->cap;
    bcsim__map_slot_t *s = calloc(ncap, sizeof(*s));
    if (!s)
        return BCSIM_ENOMEM;
    m->slots = s;
    m->cap = ncap;
    m->used = 0;
    m->count = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key > MAP_TOMB)
            bcsim__map_put(m, old[i].key, old[i].val);
    free(old);
    return 0;
}

int bcsim__map_put(bcsim__map_t *m, uint64_t key, uint64_t val)
{
    if ((m->used + 1) * 4 >= m->cap * 3) {
        int rc = map_rehash(m, m->cap ? (m->count * 4 >= m->cap ? m->cap * 2 : m->cap) : 64);
        if (rc)
            return rc;
    }
    size_t mask = m->cap - 1, i = mix(key) & mask, tomb = SIZE_MAX;
    for (;; i = (i + 1) & mask) {
        if (m->slots[i].key == key) {
            m->slots[i].val = val;
            return 0;
        }
        if (m->slots[i].key == MAP_TOMB && tomb == SIZE_MAX)
            tomb = i;
        if (m->slots[i].key == MAP_EMPTY)
            break;
    }
    if (tomb != SIZE_MAX)
        i = tomb;
    else
        m->used++;
    m->slots[i].key = key;
    m->slots[i].val = val;
    m->count++;
    return 0;
}

uint64_t *bcsim__map_get(const bcsim__map_t *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        if (m->slots[i].key == key)
            return &m->slots[i].val;
        if (m->slots[i].key == MAP_EMPTY)
            return NULL;
    }
}

bool bcsim__map_del(bcsim__map_t *m, uint64_t key)
{
    if (!m->cap)
        return false;
    size_t mask = m->cap - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        if (m->slots[i].key == key) {
            m->slots[i].key = MAP_TOMB;
            m->count--;
            return true;
        }
        if (m->slots[i].key == MAP_EMPTY)
            return false;
    }
}

void bcsim__map_empty(bcsim__map_t *m)
{
    if (m->slots)
        memset(m->slots, 0, m->cap * sizeof(*m->slots));
    m->used = m->count = 0;
}

void bcsim__map_clear(bcsim__map_t *m)
{
    free(m->slots);
    memset(m, 0, sizeof(*m));
}

/* ---- string arena: strings handed out through the public API --------------------------
 * Two chains: the arena proper, which a harness loop (the fuzz harness) may roll back to a
 * mark, and a pinned chain for strings that caches keep across such roll-backs (the
 * symbolizer's). Both are freed when the machine goes away. */
typedef struct strblock {
    struct strblock *next;
    size_t used, cap;
    char data[];
} strblock_t;

static strblock_t *g_strings, *g_pinned;

static const char *chain_strndup(strblock_t **chain, const char *s, size_t n)
{
    if (!s)
        return NULL;
    if (!*chain || (*chain)->cap - (*chain)->used < n + 1) {
        size_t cap = n + 1 > 65536 ? n + 1 : 65536;
        strblock_t *b = malloc(sizeof(*b) + cap);
        if (!b)
            return "";
        b->next = *chain;
        b->used = 0;
        b->cap = cap;
        *chain = b;
    }
    char *d = (*chain)->data + (*chain)->used;
    memcpy(d, s, n);
    d[n] = 0;
    (*chain)->used += n + 1;
    return d;
}

const char *bcsim__strdup(const char *s)
{
    return s ? bcsim__strndup(s, strlen(s)) : NULL;
}

const char *bcsim__strndup(const char *s, size_t n)
{
    return chain_strndup(&g_strings, s, n);
}

const char *bcsim__strdup_pinned(const char *s)
{
    return s ? chain_strndup(&g_pinned, s, strlen(s)) : NULL;
}

const char *bcsim__strfmt(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0)
        return "";
    return bcsim__strndup(buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

bcsim__strmark_t bcsim__strings_mark(size_t room)
{
    /* A block with room for what runs after the mark: otherwise every roll-back would free,
     * and every run allocate, a block of its own. */
    if (!g_strings || g_strings->cap - g_strings->used < room) {
        strblock_t *b = malloc(sizeof(*b) + BCSIM_MAX(room, (size_t)65536));
        if (b) {
            b->next = g_strings;
            b->used = 0;
            b->cap = BCSIM_MAX(room, (size_t)65536);
            g_strings = b;
        }
    }
    bcsim__strmark_t m = { g_strings, g_strings ? g_strings->used : 0 };
    return m;
}

void bcsim__strings_release(bcsim__strmark_t m)
{
    while (g_strings && g_strings != m.block) {
        strblock_t *n = g_strings->next;
        free(g_strings);
        g_strings = n;
    }
    if (g_strings)
        g_strings->used = m.used;
}

void bcsim__strings_free(void)
{
    strblock_t **chains[] = { &g_strings, &g_pinned };
    for (size_t i = 0; i < 2; i++)
        while (*chains[i]) {
            strblock_t *n = (*chains[i])->next;
            free(*chains[i]);
            *chains[i] = n;
        }
}
