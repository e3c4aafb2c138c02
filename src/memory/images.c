/*
 * src/memory/images.c — the image registry: which loaded ELF object (a driver module, or the
 * host program with the drivers linked into it) holds an address. Registering an object makes
 * its PT_LOAD segments image memory: globals are nonpaged, code is "executable driver code",
 * and both are in the dump. Loading and unloading are src/machine/driver.c's.
 */
#include "internal.h"
#include "memory/memory.h"

#include <elf.h>
#include <link.h>

const bcsim__image_t *bcsim__image_get(int32_t idx)
{
    return idx >= 0 && (size_t)idx < bcsim__m.images.n ? &bcsim__m.images.v[idx] : NULL;
}

int32_t bcsim__image_of(uint64_t addr)
{
    /* Driver modules first: the host program's range may be large but never overlaps them. */
    for (size_t i = 0; i < bcsim__m.images.n; i++) {
        const bcsim__image_t *im = &bcsim__m.images.v[i];
        if (addr >= im->base && addr < im->end)
            return (int32_t)i;
    }
    return -1;
}

typedef struct find_ctx {
    uint64_t addr;
    int32_t image;
    bool found;
    uint64_t lo, hi;
    bool host;
} find_ctx_t;

static int register_segments(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    find_ctx_t *c = arg;
    bool contains = false;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uint64_t s = info->dlpi_addr + ph->p_vaddr, e = s + ph->p_memsz;
        if (c->addr >= s && c->addr < e)
            contains = true;
    }
    if (!contains)
        return 0;
    c->lo = UINT64_MAX;
    c->hi = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uint64_t s = info->dlpi_addr + ph->p_vaddr, e = s + ph->p_memsz;
        uint32_t flags = BCSIM__MF_DUMP | BCSIM__MF_IMAGE | ((ph->p_flags & PF_X) ? BCSIM__MF_EXEC : 0);
        bcsim__mem_register(s, e, BCSIM__MEM_NONPAGED, flags, c->image,
                            c->host ? "host image" : "driver image");
        c->lo = BCSIM_MIN(c->lo, BCSIM_PAGE_ROUND_DOWN(s));
        c->hi = BCSIM_MAX(c->hi, BCSIM_PAGE_ROUND_UP(e));
    }
    c->found = true;
    return 1;
}

int32_t bcsim__image_register_object(const char *name, const char *path, uint64_t any_addr,
                                     void *handle, bool host)
{
    int32_t idx = (int32_t)bcsim__m.images.n;
    bcsim__image_t *im = BCSIM_VEC_PUSH(&bcsim__m.images);
    if (!im)
        return -1;
    find_ctx_t c = { .addr = any_addr, .image = idx, .host = host };
    dl_iterate_phdr(register_segments, &c);
    im = &bcsim__m.images.v[idx];
    if (!c.found) {
        bcsim__m.images.n--;
        return -1;
    }
    im->name = bcsim__strdup(name);
    im->path = bcsim__strdup(path);
    im->base = c.lo;
    im->end = c.hi;
    im->handle = handle;
    im->host = host;
    return idx;
}

