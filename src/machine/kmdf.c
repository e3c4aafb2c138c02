/*
 * src/machine/kmdf.c — the Kernel-Mode Driver Framework as a KMDF driver sees it from DriverEntry to
 * EvtDriverUnload: framework objects and their lifetimes, the simulated PnP device with its
 * hardware resources and registry values, and the PnP/power sequence in Windows' order.
 *
 * The facts it follows (README "KMDF drivers" lists the sources):
 *   - objects: children are deleted with their parent; every child's EvtCleanupCallback runs
 *     before its parent's, then each EvtDestroyCallback once no reference is left, children
 *     first (Learn, EVT_WDF_OBJECT_CONTEXT_CLEANUP / _DESTROY). Objects the framework deletes
 *     itself are refused by WdfObjectDelete (Learn, WdfObjectDelete; the KMDF source traces the
 *     error and breaks into the debugger, the object stays).
 *   - start: EvtDriverDeviceAdd, EvtDevicePrepareHardware (raw and translated lists; a failure
 *     calls EvtDeviceReleaseHardware), EvtDeviceD0Entry (from WdfPowerDeviceD3Final; a failure
 *     means no EvtDeviceD0Exit), EvtInterruptEnable (at the interrupt's DIRQL) for each
 *     interrupt, EvtDeviceD0EntryPostInterruptsEnabled, per DMA enabler EvtDmaEnablerFill,
 *     Enable, SelfManagedIoStart, then EvtDeviceSelfManagedIoInit (Learn, "A User Plugs in a
 *     Device", "A Device Returns to Its Working State", "Supporting Power Management for DMA
 *     Devices").
 *   - removal: EvtDeviceSelfManagedIoSuspend, per DMA enabler SelfManagedIoStop, Disable, Flush,
 *     EvtDeviceD0ExitPreInterruptsDisabled, EvtInterruptDisable, EvtDeviceD0Exit (to
 *     WdfPowerDeviceD3Final), EvtDeviceReleaseHardware, EvtDeviceSelfManagedIoFlush,
 *     EvtDeviceSelfManagedIoCleanup, then the device's deletion (Learn, "The PnP Manager
 *     Redistributes System Resources" and the power-down figure; the KMDF source's removal
 *     states). DriverUnload then calls EvtDriverUnload and deletes the driver object (KMDF
 *     source, FxDriver::Unload).
 *
 * Undocumented, bcsim's choices (README): siblings are deleted in reverse creation order; an
 * object deleted while a registered bug-check record lies in its context or buffer keeps that
 * memory (reported, so later list walks stay meaningful); a failure after EvtDeviceD0Entry
 * powers down what came up, in removal order, then releases the hardware.
 */
#include "machine/kmdf.h"
#include "verifier/contain.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>
#include <stdlib.h>

/* Status values (ntstatus.h, wdfstatus.h) and the framework's bug check (bugcodes.h). */
#define ST_SUCCESS                        ((int32_t)0x00000000)
#define ST_INVALID_PARAMETER              ((int32_t)0xC000000D)
#define ST_INVALID_PARAMETER_2            ((int32_t)0xC00000F0)
#define ST_INVALID_DEVICE_REQUEST         ((int32_t)0xC0000010)
#define ST_INSUFFICIENT_RESOURCES         ((int32_t)0xC000009A)
#define ST_OBJECT_NAME_NOT_FOUND          ((int32_t)0xC0000034)
#define ST_BUFFER_TOO_SMALL               ((int32_t)0xC0000023)
#define ST_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED ((int32_t)0xC020020F)
#define ST_WDF_PARENT_IS_SELF             ((int32_t)0xC020020E)
#define ST_WDF_PARENT_NOT_SPECIFIED       ((int32_t)0xC0200212)
#define ST_WDF_OBJECT_ATTRIBUTES_INVALID  ((int32_t)0xC0200209)
#define BC_WDF_VIOLATION                  0x10Du
#define WDF_REQUIRED_PARAMETER_IS_NULL    0x4u
#define WDF_INVALID_HANDLE                0x5u
#define WDF_OBJECT_ERROR                  0x7u
#define POWER_DEVICE_D3_FINAL             5u     /* WdfPowerDeviceD3Final */
#define REG_SZ 1u
#define REG_EXPAND_SZ 2u
#define REG_MULTI_SZ 7u
#define FX_TAG 0x72447846u                       /* 'FxDr', the framework's default pool tag */

/* ---- state ------------------------------------------------------------------------------------ */

enum { OBJ_LIVE, OBJ_DISPOSED, OBJ_DELETED };

/* How far a device's start came (removal undoes it in reverse). */
enum { DEV_ADDED, DEV_HARDWARE, DEV_D0, DEV_INTERRUPTS, DEV_POST_INTERRUPTS, DEV_DMA, DEV_STARTED };

typedef struct wdf_ctx {
    const void *type;                 /* UniqueType */
    const char *name;
    void *mem;
    uint64_t size;
} wdf_ctx_t;

typedef struct wdf_drv wdf_drv_t;

typedef struct wdf_obj {
    uint32_t kind;                    /* enum bcsim__wdf_kind */
    uint32_t state;
    bool no_delete;                   /* the framework deletes it itself */
    bool control;                     /* a control device */
    bool pnp;                         /* the simulated PnP device */
    bool delete_pending;              /* deleted while referenced */
    int32_t refs;
    uint32_t stage;                   /* devices: DEV_* */
    uint32_t interrupts_up, dma_up;   /* devices: how many were enabled */
    uint32_t lock_held;
    struct wdf_obj *parent;
    BCSIM_VEC(struct wdf_obj *) children;
    BCSIM_VEC(wdf_ctx_t) ctx;
    BCSIM_VEC(void *) pool;           /* framework buffers it owns */
    void *cleanup, *destroy;
    void *ev[BCSIM__WDF_EV_COUNT];
    void *ext;
    uint64_t *handle;                 /* an OS block: magic, serial */
    uint64_t serial;
    wdf_drv_t *drv;
    uint64_t site;                    /* where it was created */
    struct wdf_obj *res_raw, *res_trans;
    struct reg_key *key;              /* WDFKEY */
    uint32_t instance;                /* devices: the simulated device's number */
} wdf_obj_t;

struct wdf_drv {
    void *driver_object;
    wdf_obj_t *obj;
    void *device_add, *unload;
    uint32_t flags, tag;
    int32_t image;
    const char *name;
};

typedef struct reg_value {
    char *name;
    uint32_t type;
    uint8_t *data;
    uint32_t size;
} reg_value_t;

typedef struct reg_key {
    char *name;
    BCSIM_VEC(reg_value_t) values;
    BCSIM_VEC(struct reg_key *) subkeys;
} reg_key_t;

static struct {
    BCSIM_VEC(wdf_obj_t *) objs;
    bcsim__map_t by_handle;           /* handle -> wdf_obj_t * */
    bcsim__map_t by_context;          /* context address -> wdf_obj_t * */
    BCSIM_VEC(wdf_drv_t *) drivers;
    BCSIM_VEC(bcsim_kmdf_event_t) events;
    uint64_t serial;
    uint32_t instances;
    wdf_drv_t *adding;                /* the driver in EvtDriverDeviceAdd */
    wdf_obj_t *added;                 /* the device it created */
    /* the device description */
    bool described;
    BCSIM_VEC(bcsim_device_resource_t) resources;
    reg_key_t *roots[4];              /* 1 parameters, 2 device, 3 driver */
    bool has_pci;
    uint32_t pci_bus, pci_slot;
} K;

#define HANDLE_MAGIC 0x4644577363696d62ULL     /* "bmicsWDF" little-endian: 'bcsimWDF' */

static const char *const kind_names[BCSIM__WDF_KIND_COUNT] = {
    "WDFOBJECT", "WDFDRIVER", "WDFDEVICE", "WDFQUEUE", "WDFREQUEST", "WDFFILEOBJECT",
    "WDFMEMORY", "WDFLOOKASIDE", "WDFSPINLOCK", "WDFWAITLOCK", "WDFTIMER", "WDFWORKITEM",
    "WDFDPC", "WDFINTERRUPT", "WDFDMAENABLER", "WDFCOMMONBUFFER", "WDFDMATRANSACTION",
    "WDFSTRING", "WDFCOLLECTION", "WDFKEY", "WDFCMRESLIST", "WDFIOTARGET", "WDFOBJECT",
};

static const char *const event_names[BCSIM__WDF_EV_COUNT] = {
    "EvtDriverDeviceAdd", "EvtDriverUnload", "EvtDevicePrepareHardware",
    "EvtDeviceReleaseHardware", "EvtDeviceD0Entry", "EvtDeviceD0EntryPostInterruptsEnabled",
    "EvtDeviceD0ExitPreInterruptsDisabled", "EvtDeviceD0Exit", "EvtDeviceSelfManagedIoInit",
    "EvtDeviceSelfManagedIoSuspend", "EvtDeviceSelfManagedIoRestart", "EvtDeviceQueryRemove",
    "EvtDeviceQueryStop", "EvtDeviceSelfManagedIoFlush", "EvtDeviceSelfManagedIoCleanup",
    "EvtDeviceSurpriseRemoval", "EvtInterruptEnable", "EvtInterruptDisable",
    "EvtDmaEnablerFill", "EvtDmaEnablerEnable", "EvtDmaEnablerSelfManagedIoStart",
    "EvtDmaEnablerSelfManagedIoStop", "EvtDmaEnablerDisable", "EvtDmaEnablerFlush",
    "EvtCleanupCallback", "EvtDestroyCallback",
};

static const char *kind_name(uint32_t kind)
{
    return kind < BCSIM__WDF_KIND_COUNT ? kind_names[kind] : "WDFOBJECT";
}

static const char *routine_name(enum bcsim__export_id id)
{
    const char *name = "a framework routine";
    bcsim__export_info((uint32_t)id, &name, NULL, NULL, NULL, NULL, NULL);
    return name;
}

/* The component a finding names: the driver whose object it is about, where one is known. */
static const char *report_component;

static void report(uint32_t vid, uint64_t pc, uint64_t address, uint32_t code, uint64_t p1,
                   uint64_t p2, uint64_t p3, uint64_t dedupe, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));
static void report(uint32_t vid, uint64_t pc, uint64_t address, uint32_t code, uint64_t p1,
                   uint64_t p2, uint64_t p3, uint64_t dedupe, const char *fmt, ...)
{
    bcsim__report_t r = { .id = vid, .reason = BCSIM__NO_REASON, .pc = pc, .address = address,
                          .bugcheck_code = code, .bugcheck_params = { p1, p2, p3, 0 },
                          .dedupe = dedupe, .component = report_component };
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&r, fmt, ap);
    va_end(ap);
}

/* ---- objects --------------------------------------------------------------------------------- */

static wdf_obj_t *lookup(const void *handle)
{
    uint64_t *v = handle ? bcsim__map_get(&K.by_handle, (uint64_t)handle) : NULL;
    return v ? (wdf_obj_t *)(uintptr_t)*v : NULL;
}

static wdf_drv_t *driver_by_object(const void *driver_object)
{
    for (size_t i = K.drivers.n; i-- > 0;)
        if (K.drivers.v[i]->driver_object == driver_object)
            return K.drivers.v[i];
    return NULL;
}

static wdf_drv_t *driver_by_image(int32_t image)
{
    for (size_t i = K.drivers.n; i-- > 0;)
        if (K.drivers.v[i]->image == image)
            return K.drivers.v[i];
    return NULL;
}

/* The driver an object belongs to: its creator's, found by the calling image. */
static wdf_drv_t *driver_of_caller(void *caller)
{
    wdf_drv_t *d = driver_by_image(bcsim__image_of((uint64_t)caller));
    return d ? d : (K.drivers.n ? K.drivers.v[K.drivers.n - 1] : NULL);
}

static wdf_obj_t *object_alloc(uint32_t kind, void *ext, uint64_t site)
{
    wdf_obj_t *o = calloc(1, sizeof(*o));
    uint64_t *cell = bcsim__os_alloc(16, 16);
    wdf_obj_t **slot = o && cell ? BCSIM_VEC_PUSH(&K.objs) : NULL;
    if (!slot) {
        free(o);
        return NULL;
    }
    *slot = o;
    o->kind = kind;
    o->ext = ext;
    o->serial = ++K.serial;
    o->site = site;
    cell[0] = HANDLE_MAGIC;
    cell[1] = o->serial;
    o->handle = cell;
    if (bcsim__map_put(&K.by_handle, (uint64_t)cell, (uint64_t)(uintptr_t)o) != 0) {
        K.objs.n--;
        free(o);
        return NULL;
    }
    return o;
}

static void link_child(wdf_obj_t *parent, wdf_obj_t *child)
{
    child->parent = parent;
    if (parent) {
        wdf_obj_t **s = BCSIM_VEC_PUSH(&parent->children);
        if (s)
            *s = child;
    }
}

static void unlink_child(wdf_obj_t *o)
{
    wdf_obj_t *p = o->parent;
    if (!p)
        return;
    for (size_t i = 0; i < p->children.n; i++)
        if (p->children.v[i] == o) {
            memmove(&p->children.v[i], &p->children.v[i + 1],
                    (p->children.n - i - 1) * sizeof(p->children.v[0]));
            p->children.n--;
            break;
        }
}

static int32_t add_context(wdf_obj_t *o, const void *type, const char *name, uint64_t size,
                           uint64_t site, void **out)
{
    if (out)
        *out = NULL;
    for (size_t i = 0; i < o->ctx.n; i++)
        if (o->ctx.v[i].type == type)
            return (int32_t)0xC0000035;        /* STATUS_OBJECT_NAME_COLLISION (Learn) */
    uint32_t tag = o->drv ? o->drv->tag : FX_TAG;
    void *mem = bcsim__pool_alloc(size ? size : 1, false, tag, 16, 0, site);
    wdf_ctx_t *c = mem ? BCSIM_VEC_PUSH(&o->ctx) : NULL;
    if (!c) {
        if (mem)
            bcsim__pool_free(mem, site, NULL);
        return ST_INSUFFICIENT_RESOURCES;
    }
    c->type = type;
    c->name = name ? bcsim__strdup(name) : "context";
    c->mem = mem;
    c->size = size;
    bcsim__map_put(&K.by_context, (uint64_t)mem, (uint64_t)(uintptr_t)o);
    if (out)
        *out = mem;
    return ST_SUCCESS;
}

static void log_event(wdf_obj_t *o, uint32_t ev, int32_t status)
{
    bcsim_kmdf_event_t *e = BCSIM_VEC_PUSH(&K.events);
    if (!e)
        return;
    e->driver = o->drv ? o->drv->name : "?";
    e->callback = event_names[ev];
    e->object = kind_name(o->kind);
    e->status = status;
}

/* ---- calling driver code ------------------------------------------------------------------------ */

typedef struct invoke_args {
    uint32_t ev;
    void *fn, *a, *b, *c;
    uint32_t value;
    int32_t status;
} invoke_args_t;

static void invoke_thunk(void *p)
{
    invoke_args_t *a = p;
    a->status = bcsim__wdf_nt_invoke((enum bcsim__wdf_event)a->ev, a->fn, a->a, a->b, a->c, a->value);
}

/* Calls the callback for `ev` on `o` (fn overrides o->ev). Contained (a step of the framework's
 * own sequences: its own catch point, faults are unhandled exceptions) or direct (the framework
 * acting inside a driver call, e.g. WdfObjectDelete's cleanup callbacks). The callback runs at
 * `irql`. Returns 0 or BCSIM_EBUGCHECK; *status what the callback returned (SUCCESS if none). */
static int call(wdf_obj_t *o, uint32_t ev, void *fn, void *a, void *b, void *c, uint32_t value,
                bool contained, uint8_t irql, int32_t *status)
{
    if (!fn)
        fn = o->ev[ev];
    *status = ST_SUCCESS;
    if (!fn)
        return 0;
    invoke_args_t args = { .ev = ev, .fn = fn, .a = a, .b = b, .c = c, .value = value };
    uint8_t old = bcsim__m.irql;
    bcsim__m.irql = irql;
    int rc = 0;
    if (contained) {
        char what[96];
        snprintf(what, sizeof(what), "%s (%s)", event_names[ev], bcsim__symbol_name((uint64_t)fn));
        rc = bcsim__hook_run_driver_code(invoke_thunk, &args, bcsim__strdup(what),
                                         o->drv ? o->drv->name : NULL, fn);
    } else {
        invoke_thunk(&args);
    }
    if (!bcsim__m.halted)
        bcsim__m.irql = old;
    *status = args.status;
    log_event(o, ev, args.status);
    return rc;
}

/* ---- deletion ---------------------------------------------------------------------------------- */

/* A registered bug-check record inside [block, block + size): reported; true if any. */
static bool records_inside(const void *block, uint64_t size, const wdf_obj_t *o, const char *what)
{
    const bcsim__map_t *m = &bcsim__m.recinfo;
    bool found = false;
    for (size_t i = 0; i < m->cap; i++) {
        uint64_t key = m->slots[i].key;
        if (key <= 1 || key < (uint64_t)block || key >= (uint64_t)block + size)
            continue;
        const bcsim__recinfo_t *ri = &bcsim__m.recs.v[m->slots[i].val];
        if (!ri->linked)
            continue;
        report_component = o->drv ? o->drv->name : NULL;
        report(BCSIM_V_WDF_CONTEXT_FREED_WITH_RECORDS, ri->site, key,
               BCSIM_BC_DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL, key, 0, 0, key,
               "record %#llx in %s of %s %p (%s) is still registered; the bug-check list now "
               "leads into freed memory (bcsim keeps the block so the list stays walkable)",
               (unsigned long long)key, what, kind_name(o->kind), (void *)o->handle,
               o->drv ? o->drv->name : "?");
        report_component = NULL;
        found = true;
    }
    return found;
}

static void release_memory(wdf_obj_t *o)
{
    for (size_t i = 0; i < o->ctx.n; i++) {
        wdf_ctx_t *c = &o->ctx.v[i];
        bcsim__map_del(&K.by_context, (uint64_t)c->mem);
        char what[96];
        snprintf(what, sizeof(what), "the %s context", c->name);
        if (!records_inside(c->mem, c->size, o, what))
            bcsim__pool_free(c->mem, o->site, NULL);
    }
    for (size_t i = 0; i < o->pool.n; i++) {
        const bcsim__alloc_t *al = bcsim__pool_find((uint64_t)o->pool.v[i]);
        if (!records_inside(o->pool.v[i], al ? al->size : 1, o, "the buffer"))
            bcsim__pool_free(o->pool.v[i], o->site, NULL);
    }
    o->pool.n = 0;
}

/* Cleanup: every child's first (reverse creation order), then the object's own. */
static void dispose(wdf_obj_t *o, bool contained)
{
    if (o->state != OBJ_LIVE)
        return;
    o->state = OBJ_DISPOSED;
    for (size_t i = o->children.n; i-- > 0;)
        dispose(o->children.v[i], contained);
    int32_t st;
    if (o->cleanup)
        call(o, BCSIM__WDF_EV_CLEANUP, o->cleanup, o->handle, NULL, NULL, 0, contained,
             bcsim__m.irql, &st);
}

/* Destroy: the children without references first, then the object if it has none left. */
static void destroy(wdf_obj_t *o, bool contained)
{
    if (o->state == OBJ_DELETED)
        return;
    for (size_t i = o->children.n; i-- > 0;) {
        wdf_obj_t *c = o->children.v[i];
        if (c->refs <= 0)
            destroy(c, contained);
        else
            c->delete_pending = true;
    }
    if (o->refs > 0) {
        o->delete_pending = true;
        return;
    }
    int32_t st;
    if (o->destroy)
        call(o, BCSIM__WDF_EV_DESTROY, o->destroy, o->handle, NULL, NULL, 0, contained,
             bcsim__m.irql, &st);
    release_memory(o);
    o->state = OBJ_DELETED;
    unlink_child(o);
    for (size_t i = 0; i < o->children.n; i++)
        o->children.v[i]->parent = NULL;          /* survivors held by a reference */
}

static void delete_tree(wdf_obj_t *o, bool contained)
{
    dispose(o, contained);
    destroy(o, contained);
}

/* ---- the bridge: objects ------------------------------------------------------------------------ */

void *bcsim__wdf_object_new(enum bcsim__wdf_kind kind, const bcsim__wdf_attrs_t *attrs,
                            void *default_parent, int parent_rule, void *ext, void *caller,
                            bcsim__i32 *status)
{
    *status = ST_SUCCESS;
    if (attrs && attrs->present && !attrs->valid) {
        *status = ST_WDF_OBJECT_ATTRIBUTES_INVALID;
        return NULL;
    }
    void *given = attrs && attrs->present ? attrs->parent : NULL;
    wdf_obj_t *parent = NULL;
    if (parent_rule == BCSIM__WDF_PARENT_FIXED) {
        if (given && given != default_parent) {
            *status = ST_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED;
            return NULL;
        }
        parent = lookup(default_parent);
    } else if (given) {
        parent = lookup(given);
        if (!parent || parent->state != OBJ_LIVE) {
            bcsim__wdf_object_ext(given, BCSIM__WDF_ANY, BCSIM__X_WdfObjectCreate, caller);
            *status = ST_INVALID_PARAMETER;
            return NULL;
        }
    } else if (parent_rule == BCSIM__WDF_PARENT_REQUIRED) {
        *status = ST_WDF_PARENT_NOT_SPECIFIED;
        return NULL;
    } else {
        parent = lookup(default_parent);
    }
    wdf_obj_t *o = object_alloc(kind, ext, (uint64_t)caller);
    if (!o) {
        *status = ST_INSUFFICIENT_RESOURCES;
        return NULL;
    }
    o->drv = parent && parent->drv ? parent->drv : driver_of_caller(caller);
    link_child(parent, o);
    if (attrs && attrs->present) {
        o->cleanup = attrs->cleanup;
        o->destroy = attrs->destroy;
        if (attrs->ctx_type) {
            int32_t st = add_context(o, attrs->ctx_type, attrs->ctx_name, attrs->ctx_size,
                                     (uint64_t)caller, NULL);
            if (st < 0) {
                o->state = OBJ_DELETED;
                unlink_child(o);
                *status = st;
                return NULL;
            }
        }
    }
    return o->handle;
}

static bool object_ok(const void *handle, uint32_t kind, enum bcsim__export_id id, void *caller,
                      wdf_obj_t **out)
{
    wdf_obj_t *o = lookup(handle);
    *out = NULL;
    if (!handle) {
        bcsim__wdf_null_parameter(id, kind_name(kind), caller);
        return false;
    }
    if (!o) {
        report(BCSIM_V_WDF_INVALID_HANDLE, (uint64_t)caller, (uint64_t)handle, BC_WDF_VIOLATION,
               WDF_INVALID_HANDLE, (uint64_t)handle, 0, (uint64_t)caller,
               "%s(%p): not a framework object handle", routine_name(id), handle);
        return false;
    }
    if (o->state == OBJ_DELETED) {
        report(BCSIM_V_WDF_OBJECT_DELETED, (uint64_t)caller, (uint64_t)handle, BC_WDF_VIOLATION,
               WDF_INVALID_HANDLE, (uint64_t)handle, 0, (uint64_t)caller,
               "%s(%p): the %s was deleted", routine_name(id), handle, kind_name(o->kind));
        return false;
    }
    if (kind != BCSIM__WDF_ANY && o->kind != kind) {
        report(BCSIM_V_WDF_INVALID_HANDLE, (uint64_t)caller, (uint64_t)handle, BC_WDF_VIOLATION,
               WDF_INVALID_HANDLE, (uint64_t)handle, 0, (uint64_t)caller,
               "%s(%p): a %s where a %s is needed", routine_name(id), handle,
               kind_name(o->kind), kind_name(kind));
        return false;
    }
    *out = o;
    return true;
}

void *bcsim__wdf_object_ext(const void *handle, enum bcsim__wdf_kind kind, enum bcsim__export_id id,
                            void *caller)
{
    wdf_obj_t *o;
    return object_ok(handle, kind, id, caller, &o) ? o->ext : NULL;
}

int bcsim__wdf_object_check(const void *handle, enum bcsim__wdf_kind kind, enum bcsim__export_id id,
                            void *caller)
{
    wdf_obj_t *o;
    return object_ok(handle, kind, id, caller, &o);
}

int bcsim__wdf_object_kind(const void *handle)
{
    wdf_obj_t *o = lookup(handle);
    return o ? (int)o->kind : -1;
}

void *bcsim__wdf_object_parent(const void *handle)
{
    wdf_obj_t *o = lookup(handle);
    return o && o->parent ? o->parent->handle : NULL;
}

void bcsim__wdf_object_set_event(const void *handle, enum bcsim__wdf_event ev, void *fn)
{
    wdf_obj_t *o = lookup(handle);
    if (o && (uint32_t)ev < BCSIM__WDF_EV_COUNT)
        o->ev[ev] = fn;
}

void bcsim__wdf_object_delete(const void *handle, enum bcsim__export_id id, void *caller)
{
    wdf_obj_t *o;
    if (!object_ok(handle, BCSIM__WDF_ANY, id, caller, &o))
        return;
    if (o->no_delete && !o->control) {
        report(BCSIM_V_WDF_DELETE_NOT_ALLOWED, (uint64_t)caller, (uint64_t)handle, 0, 0, 0, 0,
               (uint64_t)caller, "WdfObjectDelete(%p): the framework deletes this %s itself",
               handle, kind_name(o->kind));
        return;
    }
    if (o->state != OBJ_LIVE)
        return;
    delete_tree(o, false);
}

void bcsim__wdf_object_reference(const void *handle, int delta, enum bcsim__export_id id, void *caller)
{
    wdf_obj_t *o = lookup(handle);
    if (!o || o->state == OBJ_DELETED) {
        object_ok(handle, BCSIM__WDF_ANY, id, caller, &o);
        return;
    }
    if (delta < 0 && o->refs <= 0) {
        report(BCSIM_V_WDF_DEREFERENCE_UNBALANCED, (uint64_t)caller, (uint64_t)handle,
               BC_WDF_VIOLATION, WDF_OBJECT_ERROR, (uint64_t)handle, 0, (uint64_t)caller,
               "WdfObjectDereference(%p): the %s holds no reference of the driver's",
               handle, kind_name(o->kind));
        return;
    }
    o->refs += delta;
    if (o->refs == 0 && o->delete_pending)
        destroy(o, false);
}

void bcsim__wdf_object_lock(const void *handle, int acquire, enum bcsim__export_id id, void *caller)
{
    wdf_obj_t *o;
    if (!object_ok(handle, BCSIM__WDF_ANY, id, caller, &o))
        return;
    if (acquire)
        o->lock_held++;
    else if (o->lock_held)
        o->lock_held--;
}

void *bcsim__wdf_context(const void *handle, const void *type, void *caller)
{
    wdf_obj_t *o;
    if (!object_ok(handle, BCSIM__WDF_ANY, BCSIM__X_WdfObjectGetTypedContextWorker, caller, &o))
        return NULL;
    for (size_t i = 0; i < o->ctx.n; i++)
        if (o->ctx.v[i].type == type)
            return o->ctx.v[i].mem;
    return NULL;
}

bcsim__i32 bcsim__wdf_context_allocate(const void *handle, const bcsim__wdf_attrs_t *attrs,
                                       void **context, void *caller)
{
    wdf_obj_t *o;
    if (context)
        *context = NULL;
    if (!object_ok(handle, BCSIM__WDF_ANY, BCSIM__X_WdfObjectAllocateContext, caller, &o))
        return ST_INVALID_PARAMETER;
    if (!attrs || !attrs->present || !attrs->ctx_type)
        return ST_WDF_OBJECT_ATTRIBUTES_INVALID;
    if (attrs->parent)
        return ST_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED;
    int32_t st = add_context(o, attrs->ctx_type, attrs->ctx_name, attrs->ctx_size,
                             (uint64_t)caller, context);
    if (st >= 0) {
        /* Learn (WdfObjectAllocateContext): the attributes' callbacks are added for the object. */
        if (attrs->cleanup && !o->cleanup)
            o->cleanup = attrs->cleanup;
        if (attrs->destroy && !o->destroy)
            o->destroy = attrs->destroy;
    }
    return st;
}

void *bcsim__wdf_context_object(const void *context, void *caller)
{
    uint64_t *v = context ? bcsim__map_get(&K.by_context, (uint64_t)context) : NULL;
    if (!v) {
        report(BCSIM_V_WDF_INVALID_HANDLE, (uint64_t)caller, (uint64_t)context, BC_WDF_VIOLATION,
               WDF_INVALID_HANDLE, (uint64_t)context, 0, (uint64_t)caller,
               "WdfObjectContextGetObject(%p): not the start of an object context", context);
        return NULL;
    }
    return ((wdf_obj_t *)(uintptr_t)*v)->handle;
}

void *bcsim__wdf_object_pool(const void *handle, bcsim__u64 size, int paged, bcsim__u32 tag,
                             void *caller)
{
    wdf_obj_t *o = lookup(handle);
    if (!o)
        return NULL;
    void *p = bcsim__pool_alloc(size ? size : 1, paged != 0, tag ? tag : (o->drv ? o->drv->tag : FX_TAG),
                                16, paged ? 1 : 0, (uint64_t)caller);
    void **slot = p ? BCSIM_VEC_PUSH(&o->pool) : NULL;
    if (!slot) {
        if (p)
            bcsim__pool_free(p, (uint64_t)caller, NULL);
        return NULL;
    }
    *slot = p;
    return p;
}

void bcsim__wdf_null_parameter(enum bcsim__export_id id, const char *parameter, void *caller)
{
    report(BCSIM_V_WDF_NULL_PARAMETER, (uint64_t)caller, 0, BC_WDF_VIOLATION,
           WDF_REQUIRED_PARAMETER_IS_NULL, 0, (uint64_t)caller, (uint64_t)caller,
           "%s: %s is NULL", routine_name(id), parameter);
}

/* ---- drivers ----------------------------------------------------------------------------------- */

/* KMDF's pool tag for a driver (the KMDF source, FxDriver::_InitializeTag): DriverPoolTag if
 * set, else the first four characters of the service name after a leading "WDF", or 'FxDr'
 * for names of two characters or less. */
static uint32_t name_tag(const char *name)
{
    if (!name)
        return FX_TAG;
    if (strncasecmp(name, "wdf", 3) == 0 && strlen(name) >= 3)
        name += 3;
    size_t n = strlen(name);
    if (n <= 2)
        return FX_TAG;
    uint32_t tag = 0;
    for (size_t i = 0; i < 4 && i < n; i++)
        tag |= (uint32_t)(uint8_t)name[i] << (8 * i);
    return tag;
}

bcsim__i32 bcsim__wdf_driver_new(void *driver_object, const bcsim__wdf_attrs_t *attrs,
                                 void *device_add, void *unload, bcsim__u32 flags,
                                 bcsim__u32 pool_tag, void *ext, void *caller, void **handle)
{
    *handle = NULL;
    if (driver_by_object(driver_object))
        return (int32_t)0xC0000183;                /* STATUS_DRIVER_INTERNAL_ERROR: called twice (Learn) */
    if ((flags & 0x1u) && device_add)
        return ST_INVALID_PARAMETER;               /* a non-PnP driver with EvtDriverDeviceAdd (Learn) */
    if (attrs && attrs->present && attrs->parent)
        return ST_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED;
    const char *name = NULL;
    int32_t image = bcsim__image_of((uint64_t)caller);
    for (size_t i = 0; i < bcsim__m.drivers.n; i++)
        if (bcsim__m.drivers.v[i]->driver_object == driver_object) {
            name = bcsim__m.drivers.v[i]->name;
            image = bcsim__m.drivers.v[i]->image;
        }
    wdf_drv_t *d = calloc(1, sizeof(*d));
    wdf_drv_t **slot = d ? BCSIM_VEC_PUSH(&K.drivers) : NULL;
    if (!slot) {
        free(d);
        return ST_INSUFFICIENT_RESOURCES;
    }
    *slot = d;
    d->driver_object = driver_object;
    d->device_add = device_add;
    d->unload = unload;
    d->flags = flags;
    d->image = image;
    d->name = name ? name : "driver";
    d->tag = pool_tag ? pool_tag : name_tag(name);
    bcsim__i32 st;
    bcsim__wdf_attrs_t a = attrs ? *attrs : (bcsim__wdf_attrs_t){ 0 };
    a.parent = NULL;
    void *h = bcsim__wdf_object_new(BCSIM__WDF_DRIVER, &a, NULL, BCSIM__WDF_PARENT_DEFAULT, ext,
                                    caller, &st);
    if (!h) {
        K.drivers.n--;
        free(d);
        return st;
    }
    d->obj = lookup(h);
    d->obj->drv = d;
    d->obj->no_delete = true;
    *handle = h;
    return ST_SUCCESS;
}

void *bcsim__wdf_driver_of(const void *driver_object)
{
    wdf_drv_t *d = driver_by_object(driver_object);
    return d && d->obj->state != OBJ_DELETED ? d->obj->handle : NULL;
}

void *bcsim__wdf_driver_of_caller(void *caller)
{
    wdf_drv_t *d = driver_of_caller(caller);
    return d && d->obj->state != OBJ_DELETED ? d->obj->handle : NULL;
}

bcsim__u32 bcsim__wdf_driver_tag(const void *object)
{
    wdf_obj_t *o = lookup(object);
    return o && o->drv ? o->drv->tag : FX_TAG;
}

void bcsim__wdf_framework_unload(void *driver_object)
{
    wdf_drv_t *d = driver_by_object(driver_object);
    if (!d || d->obj->state == OBJ_DELETED)
        return;
    int32_t st;
    call(d->obj, BCSIM__WDF_EV_DRIVER_UNLOAD, d->unload, d->obj->handle, NULL, NULL, 0, false,
         BCSIM_IRQL_PASSIVE, &st);
    delete_tree(d->obj, false);
}

/* ---- devices ----------------------------------------------------------------------------------- */

void *bcsim__wdf_device_new(void *driver, int control, const bcsim__wdf_attrs_t *attrs,
                            void *const *events, void *ext, void *caller, bcsim__i32 *status)
{
    wdf_obj_t *d = lookup(driver);
    if (!d || d->kind != BCSIM__WDF_DRIVER) {
        *status = ST_INVALID_PARAMETER;
        return NULL;
    }
    void *h = bcsim__wdf_object_new(BCSIM__WDF_DEVICE, attrs, driver, BCSIM__WDF_PARENT_FIXED, ext,
                                    caller, status);
    if (!h)
        return NULL;
    wdf_obj_t *o = lookup(h);
    o->no_delete = true;
    o->control = control != 0;
    for (uint32_t i = 0; events && i < BCSIM__WDF_EV_COUNT; i++)
        o->ev[i] = events[i];
    if (!control && K.adding && K.adding->obj == d && !K.added) {
        o->pnp = true;
        o->instance = K.instances;
        K.added = o;
    }
    return h;
}

int bcsim__wdf_device_state(const void *device, int *started)
{
    wdf_obj_t *o = lookup(device);
    if (started)
        *started = o && o->stage >= DEV_STARTED;
    return o && o->stage >= DEV_D0 && o->state == OBJ_LIVE;
}

/* The children of a kind, in creation order. */
static size_t children_of(wdf_obj_t *o, uint32_t kind, wdf_obj_t **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < o->children.n; i++)
        if (o->children.v[i]->kind == kind && o->children.v[i]->state == OBJ_LIVE) {
            if (n < max)
                out[n] = o->children.v[i];
            n++;
        }
    return n;
}

/* Reported at the callback that failed (its first line). */
static void start_failed(wdf_obj_t *dev, uint32_t ev, void *fn, int32_t status)
{
    report(BCSIM_V_WDF_DEVICE_START_FAILED, (uint64_t)fn, (uint64_t)dev->handle, 0, 0, 0, 0,
           (uint64_t)dev->handle, "%s of %s returned %#x; the device is not started",
           event_names[ev], dev->drv ? dev->drv->name : "?", (uint32_t)status);
}

/* The resources as the PnP manager hands them over: raw (bus-relative) and translated
 * (processor-relative). On x64 ports and memory translate to themselves; a line-based interrupt
 * translates to vector 0x80 + line at IRQL vector / 16 (bcsim's choice), on processor 0. */
static uint32_t make_resources(bcsim__wdf_res_t *raw, bcsim__wdf_res_t *tr, size_t max)
{
    bcsim_device_resource_t def = { .type = BCSIM_RESOURCE_PORT, .start = 0x505, .length = 1 };
    const bcsim_device_resource_t *res = K.described ? K.resources.v : &def;
    size_t n = K.described ? K.resources.n : 1;
    uint32_t count = 0;
    for (size_t i = 0; i < n && count < max; i++) {
        const bcsim_device_resource_t *r = &res[i];
        bcsim__wdf_res_t a = { .type = r->type, .share = r->share ? r->share : 1, .flags = r->flags,
                               .start = r->start, .length = (uint32_t)r->length };
        bcsim__wdf_res_t b = a;
        switch (r->type) {
        case BCSIM_RESOURCE_PORT:
            if (!r->flags)
                a.flags = b.flags = 0x0001;                       /* CM_RESOURCE_PORT_IO */
            break;
        case BCSIM_RESOURCE_INTERRUPT:
            a.length = b.length = 0;
            if (r->length) {                                      /* message-signalled */
                a.flags = b.flags = (r->flags ? r->flags : 0x0001) | 0x0002;
                a.length = (uint32_t)r->length;                   /* Raw.MessageCount */
                a.vector = (uint32_t)r->start;
                a.affinity = b.affinity = 1;
            } else {
                a.level = a.vector = (uint32_t)r->start;
                a.affinity = ~0ULL;
                b.affinity = 1;
            }
            b.vector = 0x80u + (uint32_t)r->start;
            b.level = b.vector >> 4;
            break;
        default:
            break;
        }
        raw[count] = a;
        tr[count] = b;
        count++;
    }
    return count;
}

/* Undoes a start that came `dev->stage` far (removal order), without the deletion. */
static int power_down(wdf_obj_t *dev)
{
    int32_t st;
    int rc = 0;
    void *h = dev->handle;
    if (dev->stage >= DEV_STARTED &&
        (rc = call(dev, BCSIM__WDF_EV_SMIO_SUSPEND, NULL, h, NULL, NULL, 0, true, 0, &st)))
        return rc;
    wdf_obj_t *list[64];
    size_t nd = BCSIM_MIN(children_of(dev, BCSIM__WDF_DMAENABLER, list, 64), dev->dma_up);
    for (size_t i = nd; i-- > 0;) {
        wdf_obj_t *e = list[i];
        if ((rc = call(e, BCSIM__WDF_EV_DMA_SMIO_STOP, NULL, e->handle, NULL, NULL, 0, true, 0, &st)) ||
            (rc = call(e, BCSIM__WDF_EV_DMA_DISABLE, NULL, e->handle, NULL, NULL, 0, true, 0, &st)) ||
            (rc = call(e, BCSIM__WDF_EV_DMA_FLUSH, NULL, e->handle, NULL, NULL, 0, true, 0, &st)))
            return rc;
    }
    dev->dma_up = 0;
    if (dev->stage >= DEV_POST_INTERRUPTS &&
        (rc = call(dev, BCSIM__WDF_EV_D0_EXIT_PRE_INTERRUPTS, NULL, h, NULL, NULL,
                   POWER_DEVICE_D3_FINAL, true, 0, &st)))
        return rc;
    size_t ni = BCSIM_MIN(children_of(dev, BCSIM__WDF_INTERRUPT, list, 64), dev->interrupts_up);
    for (size_t i = ni; i-- > 0;) {
        wdf_obj_t *in = list[i];
        if ((rc = call(in, BCSIM__WDF_EV_INTERRUPT_DISABLE, NULL, in->handle, h, NULL, 0, true,
                       bcsim__wdf_nt_interrupt_irql(in->ext), &st)))
            return rc;
    }
    dev->interrupts_up = 0;
    if (dev->stage >= DEV_D0 &&
        (rc = call(dev, BCSIM__WDF_EV_D0_EXIT, NULL, h, NULL, NULL, POWER_DEVICE_D3_FINAL, true, 0, &st)))
        return rc;
    if (dev->stage >= DEV_HARDWARE &&
        (rc = call(dev, BCSIM__WDF_EV_RELEASE_HARDWARE, NULL, h,
                   dev->res_trans ? dev->res_trans->handle : NULL, NULL, 0, true, 0, &st)))
        return rc;
    dev->stage = DEV_ADDED;
    return 0;
}

/* EvtDevicePrepareHardware through EvtDeviceSelfManagedIoInit. */
static int start_device(wdf_obj_t *dev)
{
    bcsim__wdf_res_t raw[64], tr[64];
    uint32_t n = make_resources(raw, tr, 64);
    bcsim__i32 st;
    void *h = dev->handle;
    if (!dev->res_raw) {
        bcsim__wdf_attrs_t none = { 0 };
        void *r = bcsim__wdf_object_new(BCSIM__WDF_CMRESLIST, &none, h, BCSIM__WDF_PARENT_FIXED,
                                        bcsim__wdf_nt_resource_list(raw, n), (void *)dev->site, &st);
        void *t = bcsim__wdf_object_new(BCSIM__WDF_CMRESLIST, &none, h, BCSIM__WDF_PARENT_FIXED,
                                        bcsim__wdf_nt_resource_list(tr, n), (void *)dev->site, &st);
        dev->res_raw = lookup(r);
        dev->res_trans = lookup(t);
        if (!dev->res_raw || !dev->res_trans || !dev->res_raw->ext || !dev->res_trans->ext)
            return BCSIM_ENOMEM;
        dev->res_raw->no_delete = dev->res_trans->no_delete = true;
    }
    /* The interrupts created in EvtDriverDeviceAdd take the interrupt resources in order. */
    wdf_obj_t *list[64];
    size_t ni = children_of(dev, BCSIM__WDF_INTERRUPT, list, 64);
    for (size_t i = 0; i < ni && i < 64; i++)
        bcsim__wdf_nt_interrupt_bind(list[i]->ext, dev->res_trans->ext, dev->res_raw->ext, (uint32_t)i);

    int rc = call(dev, BCSIM__WDF_EV_PREPARE_HARDWARE, NULL, h, dev->res_raw->handle,
                  dev->res_trans->handle, 0, true, 0, &st);
    if (rc)
        return rc;
    dev->stage = DEV_HARDWARE;
    if (st < 0) {
        start_failed(dev, BCSIM__WDF_EV_PREPARE_HARDWARE, dev->ev[BCSIM__WDF_EV_PREPARE_HARDWARE], st);
        return power_down(dev);                    /* Learn: EvtDeviceReleaseHardware follows */
    }
    if ((rc = call(dev, BCSIM__WDF_EV_D0_ENTRY, NULL, h, NULL, NULL, POWER_DEVICE_D3_FINAL, true, 0, &st)))
        return rc;
    if (st < 0) {
        start_failed(dev, BCSIM__WDF_EV_D0_ENTRY, dev->ev[BCSIM__WDF_EV_D0_ENTRY], st);
        return power_down(dev);                    /* no EvtDeviceD0Exit after a failed entry */
    }
    dev->stage = DEV_D0;
    /* Interrupts created in EvtDevicePrepareHardware count too. */
    ni = children_of(dev, BCSIM__WDF_INTERRUPT, list, 64);
    dev->stage = DEV_INTERRUPTS;
    for (size_t i = 0; i < ni && i < 64; i++) {
        wdf_obj_t *in = list[i];
        if ((rc = call(in, BCSIM__WDF_EV_INTERRUPT_ENABLE, NULL, in->handle, h, NULL, 0, true,
                       bcsim__wdf_nt_interrupt_irql(in->ext), &st)))
            return rc;
        if (st < 0) {
            start_failed(dev, BCSIM__WDF_EV_INTERRUPT_ENABLE, in->ev[BCSIM__WDF_EV_INTERRUPT_ENABLE], st);
            return power_down(dev);
        }
        dev->interrupts_up++;
    }
    if ((rc = call(dev, BCSIM__WDF_EV_D0_ENTRY_POST_INTERRUPTS, NULL, h, NULL, NULL,
                   POWER_DEVICE_D3_FINAL, true, 0, &st)))
        return rc;
    if (st < 0) {
        start_failed(dev, BCSIM__WDF_EV_D0_ENTRY_POST_INTERRUPTS, dev->ev[BCSIM__WDF_EV_D0_ENTRY_POST_INTERRUPTS], st);
        return power_down(dev);
    }
    dev->stage = DEV_POST_INTERRUPTS;
    size_t nd = children_of(dev, BCSIM__WDF_DMAENABLER, list, 64);
    dev->stage = DEV_DMA;
    for (size_t i = 0; i < nd && i < 64; i++) {
        wdf_obj_t *e = list[i];
        static const uint32_t up[] = { BCSIM__WDF_EV_DMA_FILL, BCSIM__WDF_EV_DMA_ENABLE,
                                       BCSIM__WDF_EV_DMA_SMIO_START };
        for (size_t k = 0; k < BCSIM_ARRAY_SIZE(up); k++) {
            if ((rc = call(e, up[k], NULL, e->handle, NULL, NULL, 0, true, 0, &st)))
                return rc;
            if (st < 0) {
                start_failed(dev, up[k], e->ev[up[k]], st);
                return power_down(dev);
            }
        }
        dev->dma_up++;
    }
    if ((rc = call(dev, BCSIM__WDF_EV_SMIO_INIT, NULL, h, NULL, NULL, 0, true, 0, &st)))
        return rc;
    if (st < 0) {
        start_failed(dev, BCSIM__WDF_EV_SMIO_INIT, dev->ev[BCSIM__WDF_EV_SMIO_INIT], st);
        return power_down(dev);
    }
    dev->stage = DEV_STARTED;
    return 0;
}

/* The framework deletes the device at removal: a contained step of its own. */
typedef struct delete_args {
    wdf_obj_t *o;
} delete_args_t;

static void delete_thunk(void *p)
{
    delete_tree(((delete_args_t *)p)->o, false);
}

static int delete_contained(wdf_obj_t *o)
{
    delete_args_t a = { o };
    return bcsim__hook_run_driver_code(delete_thunk, &a,
                                       "the framework's deletion of an object (cleanup callbacks)",
                                       o->drv ? o->drv->name : NULL, o->cleanup);
}

static int remove_device(wdf_obj_t *dev)
{
    int rc = power_down(dev);
    int32_t st;
    void *h = dev->handle;
    if (rc || (rc = call(dev, BCSIM__WDF_EV_SMIO_FLUSH, NULL, h, NULL, NULL, 0, true, 0, &st)) ||
        (rc = call(dev, BCSIM__WDF_EV_SMIO_CLEANUP, NULL, h, NULL, NULL, 0, true, 0, &st)))
        return rc;
    return delete_contained(dev);
}

int bcsim__kmdf_driver_loaded(bcsim_driver_t *drv)
{
    wdf_drv_t *d = driver_by_object(drv->driver_object);
    if (!d || d->obj->state != OBJ_LIVE || !d->device_add ||
        (d->flags & 0x3u) != 0)                    /* NonPnpDriver, NoDispatchOverride */
        return 0;
    K.instances++;
    void *pdo = bcsim__wdf_nt_pdo_new(K.instances);
    void *init = pdo ? bcsim__wdf_nt_device_init_new(d->obj->handle, pdo) : NULL;
    if (!init)
        return BCSIM_ENOMEM;
    K.adding = d;
    K.added = NULL;
    int32_t st;
    int rc = call(d->obj, BCSIM__WDF_EV_DEVICE_ADD, d->device_add, d->obj->handle, init, NULL, 0,
                  true, 0, &st);
    wdf_obj_t *dev = K.added;
    K.adding = NULL;
    K.added = NULL;
    bcsim__wdf_nt_device_init_free(init);
    if (rc)
        return rc;
    if (!dev) {
        if (st < 0)
            report(BCSIM_V_WDF_DEVICE_START_FAILED, (uint64_t)d->device_add, 0, 0, 0, 0, 0, 0,
                   "EvtDriverDeviceAdd of %s returned %#x without creating a device", d->name,
                   (uint32_t)st);
        return 0;
    }
    if (st < 0) {
        start_failed(dev, BCSIM__WDF_EV_DEVICE_ADD, d->device_add, st);
        return delete_contained(dev);              /* the KMDF source deletes it (failed add) */
    }
    bcsim__wdf_nt_device_finish(dev->ext);
    return start_device(dev);
}

int bcsim__kmdf_driver_entry_failed(bcsim_driver_t *drv)
{
    wdf_drv_t *d = driver_by_object(drv->driver_object);
    if (!d || d->obj->state != OBJ_LIVE)
        return 0;
    return delete_contained(d->obj);
}

int bcsim__kmdf_driver_unloading(bcsim_driver_t *drv)
{
    wdf_drv_t *d = driver_by_object(drv->driver_object);
    if (!d || d->obj->state != OBJ_LIVE)
        return 0;
    wdf_obj_t *devs[64];
    size_t n = children_of(d->obj, BCSIM__WDF_DEVICE, devs, 64);
    for (size_t i = BCSIM_MIN(n, 64); i-- > 0;) {
        if (!devs[i]->pnp)
            continue;                              /* control devices go with the driver */
        int rc = remove_device(devs[i]);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- the device description ---------------------------------------------------------------------- */

static void key_free(reg_key_t *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->values.n; i++) {
        free(k->values.v[i].name);
        free(k->values.v[i].data);
    }
    BCSIM_VEC_FREE(&k->values);
    for (size_t i = 0; i < k->subkeys.n; i++)
        key_free(k->subkeys.v[i]);
    BCSIM_VEC_FREE(&k->subkeys);
    free(k->name);
    free(k);
}

static reg_key_t *key_new(const char *name, size_t len)
{
    reg_key_t *k = calloc(1, sizeof(*k));
    if (k && !(k->name = strndup(name, len))) {
        free(k);
        return NULL;
    }
    return k;
}

/* The subkey `name` (len bytes) of k, created if asked. */
static reg_key_t *key_child(reg_key_t *k, const char *name, size_t len, bool create, bool *created)
{
    for (size_t i = 0; i < k->subkeys.n; i++)
        if (strlen(k->subkeys.v[i]->name) == len && strncasecmp(k->subkeys.v[i]->name, name, len) == 0)
            return k->subkeys.v[i];
    if (!create)
        return NULL;
    reg_key_t *c = key_new(name, len);
    reg_key_t **slot = c ? BCSIM_VEC_PUSH(&k->subkeys) : NULL;
    if (!slot) {
        key_free(c);
        return NULL;
    }
    *slot = c;
    if (created)
        *created = true;
    return c;
}

/* A path "A\B\C" below k. */
static reg_key_t *key_path(reg_key_t *k, const char *path, bool create, bool *created)
{
    while (k && *path) {
        while (*path == '\\')
            path++;
        size_t len = strcspn(path, "\\");
        if (!len)
            break;
        k = key_child(k, path, len, create, created);
        path += len;
    }
    return k;
}

static reg_value_t *value_find(reg_key_t *k, const char *name)
{
    for (size_t i = 0; i < k->values.n; i++)
        if (strcasecmp(k->values.v[i].name, name) == 0)
            return &k->values.v[i];
    return NULL;
}

static int value_set(reg_key_t *k, const char *name, uint32_t type, const void *data, uint32_t size)
{
    reg_value_t *v = value_find(k, name);
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return BCSIM_ENOMEM;
    if (size)
        memcpy(copy, data, size);
    if (!v) {
        char *n = strdup(name);
        v = n ? BCSIM_VEC_PUSH(&k->values) : NULL;
        if (!v) {
            free(n);
            free(copy);
            return BCSIM_ENOMEM;
        }
        v->name = n;
    } else {
        free(v->data);
    }
    v->type = type;
    v->data = copy;
    v->size = size;
    return 0;
}

static void describe(void)
{
    if (!K.described) {
        K.described = true;
        K.resources.n = 0;
    }
}

int bcsim_sim_device_reset(bcsim_sim_t *sim)
{
    if (!sim)
        return BCSIM_EINVAL;
    K.described = true;
    K.resources.n = 0;
    for (int i = 1; i < 4; i++) {
        key_free(K.roots[i]);
        K.roots[i] = NULL;
    }
    K.has_pci = false;
    return 0;
}

int bcsim_sim_device_resource(bcsim_sim_t *sim, const bcsim_device_resource_t *r)
{
    if (!sim || !r)
        return BCSIM_EINVAL;
    switch (r->type) {
    case BCSIM_RESOURCE_PORT:
    case BCSIM_RESOURCE_MEMORY:
    case BCSIM_RESOURCE_BUS_NUMBER:
        if (!r->length || r->length > 0xFFFFFFFFULL)
            return BCSIM_EINVAL;
        break;
    case BCSIM_RESOURCE_INTERRUPT:
        if (r->start > 0xFFFF || r->length > 2048)
            return BCSIM_EINVAL;
        break;
    case BCSIM_RESOURCE_DMA:
        if (r->start > 0xFFFFFFFFULL)
            return BCSIM_EINVAL;
        break;
    default:
        return BCSIM_EINVAL;
    }
    if (r->share > 3)
        return BCSIM_EINVAL;
    describe();
    bcsim_device_resource_t *slot = BCSIM_VEC_PUSH(&K.resources);
    if (!slot)
        return BCSIM_ENOMEM;
    *slot = *r;
    return 0;
}

/* UTF-8 to UTF-16LE (malformed bytes become U+FFFD); *units without the terminator. */
static uint16_t *utf16(const char *s, size_t n, size_t *units)
{
    uint16_t *w = malloc((n + 1) * 2 * sizeof(uint16_t));
    size_t o = 0;
    if (!w)
        return NULL;
    for (size_t i = 0; i < n;) {
        uint8_t c = (uint8_t)s[i];
        uint32_t cp = 0xFFFD;
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (len > 1 && i + len <= n) {
            cp = c & (0x7F >> len);
            for (size_t k = 1; k < len; k++)
                cp = (cp << 6) | ((uint8_t)s[i + k] & 0x3F);
        } else if (len == 1 && c < 0x80) {
            cp = c;
        }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            w[o++] = (uint16_t)(0xD800 + (cp >> 10));
            w[o++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            w[o++] = (uint16_t)cp;
        }
    }
    w[o] = 0;
    *units = o;
    return w;
}

int bcsim_sim_device_registry(bcsim_sim_t *sim, const char *key, const char *name, uint32_t type,
                              const void *data, uint32_t size)
{
    if (!sim || !key || !name || (size && !data))
        return BCSIM_EINVAL;
    static const char *const roots[] = { NULL, "parameters", "device", "driver" };
    size_t len = strcspn(key, "\\");
    int root = 0;
    for (int i = 1; i < 4; i++)
        if (strlen(roots[i]) == len && strncasecmp(key, roots[i], len) == 0)
            root = i;
    if (!root)
        return BCSIM_EINVAL;
    if (!K.roots[root] && !(K.roots[root] = key_new(roots[root], strlen(roots[root]))))
        return BCSIM_ENOMEM;
    reg_key_t *k = key_path(K.roots[root], key + len, true, NULL);
    if (!k)
        return BCSIM_ENOMEM;
    if (type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ) {
        size_t units;
        uint16_t *w = utf16(data ? data : "", size, &units);
        if (!w)
            return BCSIM_ENOMEM;
        /* REG_SZ: the terminator included; REG_MULTI_SZ: the list's final empty string too. */
        size_t bytes = (units + 1) * 2;
        if (type == REG_MULTI_SZ) {
            w[units + 1] = 0;
            bytes = (units && w[units - 1] == 0 ? units + 1 : units + 2) * 2;
        }
        int rc = value_set(k, name, type, w, (uint32_t)bytes);
        free(w);
        return rc;
    }
    return value_set(k, name, type, data, size);
}

int bcsim_sim_device_pci(bcsim_sim_t *sim, uint32_t bus, uint32_t device, uint32_t function)
{
    if (!sim || bus > 0xFF || device > 31 || function > 7)
        return BCSIM_EINVAL;
    describe();
    K.has_pci = true;
    K.pci_bus = bus;
    K.pci_slot = device | (function << 5);
    return 0;
}

uint32_t bcsim_kmdf_event_count(const bcsim_sim_t *sim)
{
    (void)sim;
    return (uint32_t)K.events.n;
}

const bcsim_kmdf_event_t *bcsim_kmdf_event(const bcsim_sim_t *sim, uint32_t index)
{
    (void)sim;
    return index < K.events.n ? &K.events.v[index] : NULL;
}

int bcsim__wdf_device_pci_slot(const void *device, bcsim__u32 *bus, bcsim__u32 *slot)
{
    (void)device;
    if (!K.has_pci)
        return 0;
    *bus = K.pci_bus;
    *slot = K.pci_slot;
    return 1;
}

/* ---- device properties (IoGetDeviceProperty's values for the simulated device) ---------------- */

static int32_t put_property(const void *data, uint32_t size, void *buffer, uint32_t length,
                            bcsim__u32 *result)
{
    *result = size;
    if (length < size || !buffer)
        return ST_BUFFER_TOO_SMALL;
    memcpy(buffer, data, size);
    return ST_SUCCESS;
}

static int32_t put_string(const char *text, bool multi, void *buffer, uint32_t length,
                          bcsim__u32 *result)
{
    size_t units;
    uint16_t *w = utf16(text, strlen(text), &units);
    if (!w)
        return ST_INSUFFICIENT_RESOURCES;
    w[units + 1] = 0;
    int32_t st = put_property(w, (uint32_t)((units + (multi ? 2 : 1)) * 2), buffer, length, result);
    free(w);
    return st;
}

bcsim__i32 bcsim__wdf_device_property(const void *device, bcsim__u32 property, void *buffer,
                                      bcsim__u32 length, bcsim__u32 *result)
{
    wdf_obj_t *o = lookup(device);
    uint32_t instance = o ? o->instance : 0;
    uint8_t cfg[0x30] = { 0 };
    char text[128];
    uint32_t value;
    if (K.has_pci)
        bcsim__pci_access(K.pci_bus, K.pci_slot, cfg, 0, sizeof(cfg), 0);
    switch (property) {
    case 0:   /* DevicePropertyDeviceDescription */
    case 9:   /* DevicePropertyFriendlyName */
        return put_string("bcsim simulated device", false, buffer, length, result);
    case 1:   /* DevicePropertyHardwareID */
        if (K.has_pci)
            snprintf(text, sizeof(text), "PCI\\VEN_%02X%02X&DEV_%02X%02X&SUBSYS_%02X%02X%02X%02X&REV_%02X",
                     cfg[1], cfg[0], cfg[3], cfg[2], cfg[0x2F], cfg[0x2E], cfg[0x2D], cfg[0x2C], cfg[8]);
        else
            snprintf(text, sizeof(text), "ROOT\\BCSIM_DEVICE");
        return put_string(text, true, buffer, length, result);
    case 8:   /* DevicePropertyManufacturer */
        return put_string("bcsim", false, buffer, length, result);
    case 11:  /* DevicePropertyPhysicalDeviceObjectName */
        snprintf(text, sizeof(text), "\\Device\\%08u", instance);
        return put_string(text, false, buffer, length, result);
    case 15:  /* DevicePropertyEnumeratorName */
        return put_string(K.has_pci ? "PCI" : "ROOT", false, buffer, length, result);
    case 7:   /* DevicePropertyDriverKeyName: the System class, instance 0000 */
        return put_string("{4d36e97d-e325-11ce-bfc1-08002be10318}\\0000", false, buffer, length, result);
    case 13:  /* DevicePropertyLegacyBusType: INTERFACE_TYPE */
        value = K.has_pci ? 5u /* PCIBus */ : 15u /* PNPBus */;
        return put_property(&value, 4, buffer, length, result);
    case 14:  /* DevicePropertyBusNumber */
        value = K.has_pci ? K.pci_bus : 0;
        return put_property(&value, 4, buffer, length, result);
    case 16:  /* DevicePropertyAddress: PCI (device << 16) | function */
        value = K.has_pci ? ((K.pci_slot & 0x1F) << 16) | ((K.pci_slot >> 5) & 7) : instance;
        return put_property(&value, 4, buffer, length, result);
    case 17:  /* DevicePropertyUINumber */
        value = instance;
        return put_property(&value, 4, buffer, length, result);
    case 18:  /* DevicePropertyInstallState: InstallStateInstalled */
        value = 0;
        return put_property(&value, 4, buffer, length, result);
    default:
        *result = 0;
        return ST_INVALID_PARAMETER_2;
    }
}

/* ---- registry keys ------------------------------------------------------------------------------- */

static char *narrow(const unsigned short *w, uint32_t units)
{
    char *s = malloc((size_t)units * 3 + 1);
    size_t o = 0;
    if (!s)
        return NULL;
    for (uint32_t i = 0; w && i < units && w[i]; i++) {
        uint32_t c = w[i];
        if (c < 0x80) {
            s[o++] = (char)c;
        } else if (c < 0x800) {
            s[o++] = (char)(0xC0 | (c >> 6));
            s[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            s[o++] = (char)(0xE0 | (c >> 12));
            s[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            s[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    s[o] = 0;
    return s;
}

void *bcsim__wdf_registry_open(const void *parent, int root, const unsigned short *name,
                               bcsim__u32 units, int create, const bcsim__wdf_attrs_t *attrs,
                               void *default_parent, void *caller, bcsim__i32 *status,
                               bcsim__u32 *disposition)
{
    static const char *const root_names[] = { NULL, "parameters", "device", "driver" };
    reg_key_t *k = NULL;
    bool created = false;
    *status = ST_SUCCESS;
    if (root >= 1 && root <= 3) {
        /* The driver's and the device's keys always exist (the installer made them). */
        if (!K.roots[root] && !(K.roots[root] = key_new(root_names[root], strlen(root_names[root])))) {
            *status = ST_INSUFFICIENT_RESOURCES;
            return NULL;
        }
        k = K.roots[root];
    } else {
        wdf_obj_t *p = lookup(parent);
        if (!p || p->kind != BCSIM__WDF_KEY || !p->key) {
            /* A full registry path: only the keys bcsim describes exist. */
            *status = ST_OBJECT_NAME_NOT_FOUND;
            return NULL;
        }
        char *path = narrow(name, units);
        if (!path) {
            *status = ST_INSUFFICIENT_RESOURCES;
            return NULL;
        }
        k = key_path(p->key, path, create != 0, &created);
        free(path);
        if (!k) {
            *status = create ? ST_INSUFFICIENT_RESOURCES : ST_OBJECT_NAME_NOT_FOUND;
            return NULL;
        }
    }
    if (disposition)
        *disposition = created ? 1u /* REG_CREATED_NEW_KEY */ : 2u /* REG_OPENED_EXISTING_KEY */;
    void *h = bcsim__wdf_object_new(BCSIM__WDF_KEY, attrs, default_parent, BCSIM__WDF_PARENT_DEFAULT,
                                    NULL, caller, status);
    if (h)
        lookup(h)->key = k;
    return h;
}

static reg_key_t *key_of(const void *key, enum bcsim__export_id id, void *caller)
{
    wdf_obj_t *o;
    return object_ok(key, BCSIM__WDF_KEY, id, caller, &o) ? o->key : NULL;
}

bcsim__i32 bcsim__wdf_registry_query(const void *key, const unsigned short *name, bcsim__u32 units,
                                     bcsim__u32 *type, const void **data, bcsim__u32 *size,
                                     void *caller)
{
    reg_key_t *k = key_of(key, BCSIM__X_WdfRegistryQueryValue, caller);
    if (!k)
        return ST_INVALID_PARAMETER;
    char *n = narrow(name, units);
    reg_value_t *v = n ? value_find(k, n) : NULL;
    free(n);
    if (!v)
        return ST_OBJECT_NAME_NOT_FOUND;
    *type = v->type;
    *data = v->data;
    *size = v->size;
    return ST_SUCCESS;
}

bcsim__i32 bcsim__wdf_registry_assign(const void *key, const unsigned short *name,
                                      bcsim__u32 units, bcsim__u32 type, const void *data,
                                      bcsim__u32 size, void *caller)
{
    reg_key_t *k = key_of(key, BCSIM__X_WdfRegistryAssignValue, caller);
    if (!k)
        return ST_INVALID_PARAMETER;
    char *n = narrow(name, units);
    int rc = n ? value_set(k, n, type, data, size) : BCSIM_ENOMEM;
    free(n);
    return rc ? ST_INSUFFICIENT_RESOURCES : ST_SUCCESS;
}

bcsim__i32 bcsim__wdf_registry_remove(const void *key, const unsigned short *name,
                                      bcsim__u32 units, int whole_key, void *caller)
{
    reg_key_t *k = key_of(key, whole_key ? BCSIM__X_WdfRegistryRemoveKey : BCSIM__X_WdfRegistryRemoveValue,
                          caller);
    if (!k)
        return ST_INVALID_PARAMETER;
    if (whole_key) {
        /* Values and subkeys go; the key object stays valid until WdfRegistryClose. */
        for (size_t i = 0; i < k->values.n; i++) {
            free(k->values.v[i].name);
            free(k->values.v[i].data);
        }
        k->values.n = 0;
        for (size_t i = 0; i < k->subkeys.n; i++)
            key_free(k->subkeys.v[i]);
        k->subkeys.n = 0;
        return ST_SUCCESS;
    }
    char *n = narrow(name, units);
    reg_value_t *v = n ? value_find(k, n) : NULL;
    free(n);
    if (!v)
        return ST_OBJECT_NAME_NOT_FOUND;
    free(v->name);
    free(v->data);
    size_t i = (size_t)(v - k->values.v);
    memmove(v, v + 1, (k->values.n - i - 1) * sizeof(*v));
    k->values.n--;
    return ST_SUCCESS;
}

/* ---- lifetime ----------------------------------------------------------------------------------- */

void bcsim__kmdf_shutdown(void)
{
    for (size_t i = 0; i < K.objs.n; i++) {
        wdf_obj_t *o = K.objs.v[i];
        BCSIM_VEC_FREE(&o->children);
        BCSIM_VEC_FREE(&o->ctx);
        BCSIM_VEC_FREE(&o->pool);
        free(o);
    }
    BCSIM_VEC_FREE(&K.objs);
    for (size_t i = 0; i < K.drivers.n; i++)
        free(K.drivers.v[i]);
    BCSIM_VEC_FREE(&K.drivers);
    BCSIM_VEC_FREE(&K.events);
    BCSIM_VEC_FREE(&K.resources);
    bcsim__map_clear(&K.by_handle);
    bcsim__map_clear(&K.by_context);
    for (int i = 1; i < 4; i++)
        key_free(K.roots[i]);
    memset(&K, 0, sizeof(K));
}
