/*
 * src/machine/driver.c — driver images and their lifetime: loading a module built with
 * bcsim_add_driver() (or attaching one linked into the program), DriverEntry with a
 * simulated DRIVER_OBJECT, DriverUnload and the records-left-behind check (R11).
 *
 * Every loaded ELF object's PT_LOAD segments become driver-image memory in the registry, so
 * globals are nonpaged memory, code is "executable driver code", and both are in the dump.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "machine/kmdf.h"
#include "machine/imports.h"
#include "machine/machine.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* ---- the images' lifetime (the registry is src/memory/images.c) ---------------------------- */

int bcsim__images_init(void)
{
    /* The program itself: drivers linked into a test, and bcsim's own globals. */
    if (bcsim__image_register_object("host", "", (uint64_t)&bcsim__images_init, NULL, true) < 0)
        return BCSIM_EINTERNAL;
    bcsim__symbolize_invalidate();
    /* The main thread's stack: a record there is "on a stack" (dispatcher-model.md 8.3). */
    pthread_attr_t a;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&a, &addr, &size) == 0)
            bcsim__mem_register((uint64_t)addr, (uint64_t)addr + size, BCSIM__MEM_STACK, 0, -1,
                                "thread stack");
        pthread_attr_destroy(&a);
    }
    int rc = bcsim__callback_stack_create();
    return rc ? rc : bcsim__driver_stack_create();
}

void bcsim__images_fini(void)
{
    for (size_t i = 0; i < bcsim__m.drivers.n; i++)
        free(bcsim__m.drivers.v[i]);
    BCSIM_VEC_FREE(&bcsim__m.drivers);
    /* Modules stay mapped: a driver's code may still be referenced by a caller's result
     * (routine names are copied, but be conservative and never dlclose). */
    BCSIM_VEC_FREE(&bcsim__m.images);
    bcsim__callback_stack_destroy();
}

/* ---- calling driver code --------------------------------------------------------------------- */

typedef struct entry_args {
    void *entry, *drvobj, *regpath;
    int32_t status;
} entry_args_t;

static void call_entry(void *p)
{
    entry_args_t *a = p;
    a->status = bcsim__nt_call_driver_entry(a->entry, a->drvobj, a->regpath);
}

static void call_unload(void *p)
{
    entry_args_t *a = p;
    bcsim__nt_call_driver_unload(a->entry, a->drvobj);
}

static const char *basename_noext(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    return dot ? bcsim__strndup(b, (size_t)(dot - b)) : bcsim__strdup(b);
}

/* Runs DriverEntry at PASSIVE_LEVEL under containment. A fault is an unhandled kernel
 * exception: the machine bug-checks (0x1E, or 0x50 for an invalid address). */
static int run_driver_entry(bcsim_driver_t *d, void *entry)
{
    entry_args_t a = { .entry = entry, .drvobj = d->driver_object, .regpath = d->registry_path };
    int rc = bcsim__hook_run_driver_code(call_entry, &a, "DriverEntry", d->name, entry);
    if (rc)
        return rc;
    d->status = a.status;
    d->unload = bcsim__nt_driver_unload_routine(d->driver_object);
    return 0;
}

static int attach(const char *name, const char *path, void *entry, void *handle,
                  const char *registry_path, bcsim_driver_t **out)
{
    if (bcsim__m.halted)
        return BCSIM_ESTATE;
    /* A module already known (loaded before, or the host program for a driver linked into
     * a test) keeps its image; a new module gets its segments registered. */
    int32_t image = bcsim__image_of((uint64_t)entry);
    if (image < 0) {
        image = bcsim__image_register_object(name, path, (uint64_t)entry, handle, false);
        if (image < 0)
            return BCSIM_EINTERNAL;
        bcsim__symbolize_invalidate();   /* the new module's symbols */
    }
    const bcsim__image_t *im = bcsim__image_get(image);

    bcsim_driver_t *d = calloc(1, sizeof(*d));
    if (!d)
        return BCSIM_ENOMEM;
    struct bcsim_driver **slot = BCSIM_VEC_PUSH(&bcsim__m.drivers);
    if (!slot) {
        free(d);
        return BCSIM_ENOMEM;
    }
    *slot = d;
    d->image = image;
    d->name = bcsim__strdup(name);
    d->path = bcsim__strdup(path);
    char drvname[256], rp[512];
    snprintf(drvname, sizeof(drvname), "\\Driver\\%s", name);
    if (!registry_path) {
        snprintf(rp, sizeof(rp), "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\%s", name);
        registry_path = rp;
    }
    d->driver_object = bcsim__nt_driver_object_new(
        drvname, name, registry_path, im ? (void *)im->base : NULL,
        im ? (uint32_t)(im->end - im->base) : 0, &d->registry_path);
    if (!d->driver_object)
        return BCSIM_ENOMEM;
    if (out)
        *out = d;
    int rc = run_driver_entry(d, entry);
    if (rc)
        return rc;
    if (d->status < 0) {
        /* A failed DriverEntry: Windows unloads the image without calling DriverUnload (a KMDF
         * driver's WDFDRIVER is deleted first: src/machine/kmdf.c). */
        int krc = bcsim__kmdf_driver_entry_failed(d);
        bcsim__hook_records_check_unload(image);
        d->unloaded = true;
        return krc ? krc : BCSIM_EDRIVER;
    }
    /* A KMDF driver: the PnP manager adds and starts its device (src/machine/kmdf.c). */
    return bcsim__kmdf_driver_loaded(d);
}

typedef struct open_args {
    const char *path;
    void *handle;
} open_args_t;

/* dlopen() runs the module's static constructors: driver code, run under containment. */
static void call_dlopen(void *p)
{
    open_args_t *a = p;
    a->handle = dlopen(a->path, RTLD_NOW | RTLD_LOCAL);
}

int bcsim_driver_load(bcsim_sim_t *sim, const char *path, const char *registry_path,
                      bcsim_driver_t **out)
{
    if (out)
        *out = NULL;
    if (!sim || !path)
        return BCSIM_EINVAL;
    struct stat st;
    if (stat(path, &st) != 0)
        return BCSIM_ENOENT;
    if (bcsim__m.halted)
        return BCSIM_ESTATE;
    /* Decided from the file before any of its code runs (src/machine/elfcheck.c). */
    char why[512];
    int rc = bcsim__elf_check_driver(path, why, sizeof(why));
    if (rc) {
        bcsim__set_last_error("%s", why);
        return rc;
    }
    bcsim__imports_bind(path);      /* stubs for the imports bcsim does not provide */
    const char *name = basename_noext(path);
    open_args_t oa = { .path = path };
    rc = bcsim__hook_run_driver_code(call_dlopen, &oa, "static constructors", name, NULL);
    if (rc)
        return rc;    /* a constructor bug-checked (a fault in it is an unhandled exception) */
    void *h = oa.handle;
    if (!h) {
        bcsim__set_last_error("%s", dlerror());
        return BCSIM_ENOTDRIVER;
    }
    void *entry = dlsym(h, "DriverEntry");
    Dl_info di;
    if (!entry || !dladdr(entry, &di) || !di.dli_fname) {
        bcsim__set_last_error("%s does not define DriverEntry", path);
        return BCSIM_ENOENTRY;
    }
    bcsim__imports_report_loaded(path, name, (uint64_t)di.dli_fbase);
    return attach(name, path, entry, h, registry_path, out);
}

int bcsim_driver_attach(bcsim_sim_t *sim, const char *name, void *driver_entry,
                        const char *registry_path, bcsim_driver_t **out)
{
    if (out)
        *out = NULL;
    if (!sim || !name || !driver_entry)
        return BCSIM_EINVAL;
    return attach(name, "", driver_entry, NULL, registry_path, out);
}

int32_t bcsim_driver_status(const bcsim_driver_t *drv)
{
    return drv ? drv->status : 0;
}

const char *bcsim_driver_name(const bcsim_driver_t *drv)
{
    return drv ? drv->name : NULL;
}

void *bcsim_driver_object(const bcsim_driver_t *drv)
{
    return drv ? drv->driver_object : NULL;
}

int bcsim_driver_unload(bcsim_sim_t *sim, bcsim_driver_t *drv)
{
    if (!sim || !drv)
        return BCSIM_EINVAL;
    if (drv->unloaded)
        return BCSIM_ESTATE;
    if (bcsim__m.halted)
        return BCSIM_ESTATE;
    drv->unload = bcsim__nt_driver_unload_routine(drv->driver_object);
    if (!drv->unload)
        return BCSIM_ENOUNLOAD;   /* Windows cannot unload it: nothing to check */
    /* A KMDF driver's devices are removed before its DriverUnload runs (src/machine/kmdf.c). */
    int rc = bcsim__kmdf_driver_unloading(drv);
    if (rc)
        return rc;
    entry_args_t a = { .entry = drv->unload, .drvobj = drv->driver_object };
    rc = bcsim__hook_run_driver_code(call_unload, &a, "DriverUnload", drv->name, drv->unload);
    if (rc)
        return rc;
    drv->unloaded = true;
    bcsim__hook_records_check_unload(drv->image);
    const bcsim__image_t *im = bcsim__image_get(drv->image);
    if (im && !im->host) {
        bcsim__mem_reclassify_image(drv->image, BCSIM__MEM_FREED);
        bcsim__m.images.v[drv->image].unloaded = true;
    }
    return 0;
}
