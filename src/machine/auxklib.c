/*
 * src/machine/auxklib.c — the Auxiliary Kernel-Mode Library's answers (bugcheck-api.md 10,
 * driver-patterns.md 8 and 19): the bug-check code for callbacks, the loaded-module table.
 *
 * Model (UNDOC, dispatcher-model.md 10 knob auxklib.outside_bugcheck):
 *   - before AuxKlibInitialize: AUXKLIB_CONTRACT and STATUS_UNSUCCESSFUL;
 *   - AuxKlibGetBugCheckData outside a bug-check callback: AUXKLIB_CONTRACT, then success with
 *     code and parameters 0 (or STATUS_UNSUCCESSFUL with auxklib_outside_error);
 *   - the module table lists the host program first (it holds bcsim's kernel routines: the
 *     "kernel image"), then every loaded driver module in load order, with its Linux path.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "verifier/verifier.h"

#include <stdio.h>
#include <unistd.h>

typedef struct kbugcheck_data {
    uint32_t size;
    uint32_t code;
    uint64_t params[4];
} kbugcheck_data_t;
_Static_assert(sizeof(kbugcheck_data_t) == 0x28, "KBUGCHECK_DATA");

typedef struct aux_module_extended_info {
    uint64_t image_base;         /* AUX_MODULE_BASIC_INFO */
    uint32_t image_size;
    uint16_t file_name_offset;
    uint8_t full_path_name[256];
} __attribute__((packed, aligned(8))) aux_module_extended_info_t;
_Static_assert(sizeof(aux_module_extended_info_t) == 0x110, "AUX_MODULE_EXTENDED_INFO");

#define BASIC_INFO_SIZE 8u

static void contract(void *caller, const char *fmt, const char *routine)
{
    bcsim__report_t r = { .id = BCSIM_V_AUXKLIB_CONTRACT, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
    bcsim__violation(&r, fmt, routine);
}

bcsim__i32 bcsim__auxklib_initialize(void)
{
    bcsim__m.auxklib_initialized = true;
    return BCSIM_STATUS_SUCCESS;
}

bcsim__i32 bcsim__auxklib_bugcheck_data(void *data, void *caller)
{
    kbugcheck_data_t *d = data;
    if (!bcsim__m.auxklib_initialized) {
        contract(caller, "%s called before AuxKlibInitialize", "AuxKlibGetBugCheckData");
        return BCSIM_STATUS_UNSUCCESSFUL;
    }
    if (!d || d->size != sizeof(*d))
        return BCSIM_STATUS_INFO_LENGTH_MISMATCH;
    const bcsim__frame_t *f = bcsim__frame_current();
    if (!f || !f->is_callback) {
        contract(caller, "%s called outside a bug-check callback", "AuxKlibGetBugCheckData");
        if (bcsim__m.cfg.auxklib_outside_error)
            return BCSIM_STATUS_UNSUCCESSFUL;
        d->code = 0;
        memset(d->params, 0, sizeof(d->params));
        return BCSIM_STATUS_SUCCESS;
    }
    d->code = (uint32_t)bcsim__m.bugcheck_data[0];
    memcpy(d->params, &bcsim__m.bugcheck_data[1], sizeof(d->params));
    return BCSIM_STATUS_SUCCESS;
}

/* The program's own path for the host image (bcsim records none). */
static void host_path(char *out, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    if (n < 0)
        n = 0;
    out[n] = 0;
}

bcsim__i32 bcsim__auxklib_modules(bcsim__u32 *buffer_size, bcsim__u32 element_size,
                                  void *query_info, void *caller)
{
    if (!bcsim__m.auxklib_initialized) {
        contract(caller, "%s called before AuxKlibInitialize", "AuxKlibQueryModuleInformation");
        return BCSIM_STATUS_UNSUCCESSFUL;
    }
    if (!buffer_size || (element_size != BASIC_INFO_SIZE &&
                         element_size != sizeof(aux_module_extended_info_t)))
        return BCSIM_STATUS_INVALID_PARAMETER;
    uint32_t n = 0;
    for (size_t i = 0; i < bcsim__m.images.n; i++)
        n += !bcsim__m.images.v[i].unloaded;
    uint64_t need = (uint64_t)n * element_size;
    if (need > UINT32_MAX)
        return BCSIM_STATUS_INSUFFICIENT_RESOURCES;
    if (!query_info) {
        *buffer_size = (uint32_t)need;
        return BCSIM_STATUS_SUCCESS;
    }
    if (*buffer_size < need) {
        *buffer_size = (uint32_t)need;
        return BCSIM_STATUS_BUFFER_TOO_SMALL;
    }
    uint8_t *out = query_info;
    for (size_t i = 0; i < bcsim__m.images.n; i++) {
        const bcsim__image_t *im = &bcsim__m.images.v[i];
        if (im->unloaded)
            continue;
        aux_module_extended_info_t e;
        memset(&e, 0, sizeof(e));
        e.image_base = im->base;
        e.image_size = (uint32_t)BCSIM_MIN(im->end - im->base, UINT32_MAX);
        char path[sizeof(e.full_path_name)];
        if (im->host)
            host_path(path, sizeof(path));
        else
            snprintf(path, sizeof(path), "%s", im->path && im->path[0] ? im->path : im->name);
        memcpy(e.full_path_name, path, strlen(path));
        const char *slash = strrchr(path, '/');
        e.file_name_offset = (uint16_t)(slash ? slash + 1 - path : 0);
        memcpy(out, &e, element_size);
        out += element_size;
    }
    *buffer_size = (uint32_t)need;
    return BCSIM_STATUS_SUCCESS;
}
