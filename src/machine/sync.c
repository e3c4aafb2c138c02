/*
 * src/machine/sync.c — spin locks, events, waits, delays and fast mutexes on the one simulated
 * processor (dispatcher-model.md 8.1 R4, 8.2, 9.2; driver-patterns.md 17).
 *
 * State lives where Windows keeps it: the KSPIN_LOCK word (0 free, non-zero held), the
 * DISPATCHER_HEADER of an event (Type, SignalState), the FAST_MUTEX (Count bit 0 = free,
 * OldIrql). There is no second thread, so an acquire of something held, or a wait that no one
 * can satisfy, is a deadlock: inside a bug-check callback bcsim lets virtual time run until the
 * watchdog abandons the callback (CALLBACK_HANG, as the machine would hang at the blue screen);
 * elsewhere (DriverEntry, a test's call) the harness thread cannot block, so bcsim reports
 * DEADLOCK and returns (a lock is treated as acquired, a wait as timed out).
 *
 * Every use inside a bug-check callback is R4 ("must not use any synchronization mechanism"):
 * SPINLOCK_IN_CALLBACK or SYNCHRONIZATION_IN_CALLBACK, once per object and bug check, besides
 * the IRQL finding the routine's own rule gives.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "machine/machine.h"
#include "verifier/verifier.h"

#include <stdio.h>

/* Mirrors of the shim's layouts (x64; include/bcsim_shim/ke.h, ex.h). */
typedef struct dispatcher_header {
    uint8_t type;                /* 0 NotificationEvent, 1 SynchronizationEvent */
    uint8_t signalling;
    uint8_t size;                /* in LONGs */
    uint8_t reserved1;
    int32_t signal_state;
    bcsim__list_t wait_list_head;
} dispatcher_header_t;
_Static_assert(sizeof(dispatcher_header_t) == 0x18, "KEVENT");

typedef struct fast_mutex {
    volatile int32_t count;      /* FM_LOCK_BIT (1) set = free */
    void *owner;
    uint32_t contention;
    dispatcher_header_t event;
    uint32_t old_irql;
} fast_mutex_t;
_Static_assert(sizeof(fast_mutex_t) == 0x38, "FAST_MUTEX");
_Static_assert(offsetof(fast_mutex_t, old_irql) == 0x30, "FAST_MUTEX.OldIrql");

#define STATUS_WAIT_0 0x00000000
#define STATUS_TIMEOUT 0x00000102
#define SYNCHRONIZATION_EVENT 1
#define SIMULATED_THREAD ((void *)0xFFFFB00000001000ULL) /* KeGetCurrentThread's value is opaque */

static const char *routine_name(enum bcsim__export_id id)
{
    const char *name = "?";
    bcsim__export_info((uint32_t)id, &name, NULL, NULL, NULL, NULL, NULL);
    return name;
}

static bool in_callback(void)
{
    const bcsim__frame_t *f = bcsim__frame_current();
    return f && f->is_callback;
}

static void report(uint32_t id, void *caller, uint64_t dedupe, uint32_t code, uint64_t p1,
                   uint64_t p2, uint64_t p3, uint64_t p4, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));
static void report(uint32_t id, void *caller, uint64_t dedupe, uint32_t code, uint64_t p1,
                   uint64_t p2, uint64_t p3, uint64_t p4, const char *fmt, ...)
{
    bcsim__report_t r = { .id = id, .reason = BCSIM__NO_REASON, .pc = (uint64_t)caller,
                          .address = dedupe, .bugcheck_code = code,
                          .bugcheck_params = { p1, p2, p3, p4 }, .dedupe = dedupe };
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&r, fmt, ap);
    va_end(ap);
}

/* R4: a synchronization object used inside a bug-check callback. */
static void r4(bool spin_lock, enum bcsim__export_id id, const void *object, void *caller)
{
    if (!in_callback())
        return;
    report(spin_lock ? BCSIM_V_SPINLOCK_IN_CALLBACK : BCSIM_V_SYNCHRONIZATION_IN_CALLBACK, caller,
           (uint64_t)object, 0, 0, 0, 0, 0, "%s(%p); the system deadlocks if the object is held",
           routine_name(id), object);
}

/* A routine that needs IRQL >= `min` called below it (0xC4 with the routine's subcode). */
static bool below_min(enum bcsim__export_id id, uint8_t min, uint32_t subcode, uint64_t p3,
                      uint64_t p4, void *caller)
{
    uint8_t irql = bcsim__m.irql;
    if (irql >= min)
        return false;
    report(BCSIM_V_IRQL_TOO_LOW, caller, (uint64_t)caller, BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION,
           subcode, irql, p3, p4, "%s called at %s (%u); it needs %s (%u)", routine_name(id),
           bcsim__irql_name(irql), irql, bcsim__irql_name(min), min);
    return true;
}

/* Something that can never be released or signalled. Inside a watched callback: the processor
 * spins (virtual time passes) until the watchdog ends the callback; never returns then. */
static void deadlock(enum bcsim__export_id id, const void *object, const char *what, void *caller)
{
    report(BCSIM_V_DEADLOCK, caller, (uint64_t)object, 0, 0, 0, 0, 0, "%s(%p): %s", routine_name(id),
           object, what);
    const bcsim__frame_t *f = bcsim__frame_current();
    if (!f || !f->is_callback || !f->watchdog)
        return;
    for (;;) {
        bcsim__clock_advance_100ns(10000);     /* 1 ms per turn of the spin */
        bcsim__watchdog_virtual_check();       /* the CPU/wall watchdog if virtual_ms is 0 */
    }
}

/* ---- spin locks ------------------------------------------------------------------------------ */

/* Spin locks a callback took with a try-acquire: a try cannot deadlock (it fails when the lock
 * is held), the pattern crash paths use to honour R4; the try and its release are reported as
 * a warning (SYNC_TRY_IN_CALLBACK), not as the R4 violation. */
static bcsim__map_t tried;

void bcsim__sync_shutdown(void)
{
    bcsim__map_clear(&tried);
}

/* The acquires that raise to DISPATCH_LEVEL themselves (the framework's too: a WDFSPINLOCK, and
 * an interrupt's lock, which the caller then raises on to the interrupt's DIRQL). */
static bool raises_to_dpc(enum bcsim__export_id id)
{
    return id == BCSIM__X_KeAcquireSpinLockRaiseToDpc || id == BCSIM__X_KeAcquireInStackQueuedSpinLock ||
           id == BCSIM__X_WdfSpinLockAcquire || id == BCSIM__X_WdfInterruptAcquireLock ||
           id == BCSIM__X_WdfInterruptSynchronize;
}

unsigned char bcsim__spin_acquire(enum bcsim__export_id id, volatile bcsim__u64 *lock,
                                  bcsim__u64 held_value, void *caller)
{
    uint8_t old = bcsim__m.irql;
    if (raises_to_dpc(id)) {
        /* Above DISPATCH_LEVEL the gate reported 0xC4/0x42; the IRQL is left where it is. */
        if (old < BCSIM_IRQL_DISPATCH)
            bcsim__m.irql = BCSIM_IRQL_DISPATCH;
    } else {
        below_min(id, BCSIM_IRQL_DISPATCH, 0x40, (uint64_t)lock, 0, caller);
    }
    r4(true, id, (const void *)lock, caller);
    if (*lock != 0)
        deadlock(id, (const void *)lock, "the spin lock is already held", caller);
    *lock = held_value ? held_value : 1;
    return old;
}

int bcsim__spin_try(enum bcsim__export_id id, volatile bcsim__u64 *lock, void *caller)
{
    below_min(id, BCSIM_IRQL_DISPATCH, 0x40, (uint64_t)lock, 0, caller);
    if (in_callback())
        report(BCSIM_V_SYNC_TRY_IN_CALLBACK, caller, (uint64_t)lock, 0, 0, 0, 0, 0,
               "%s(%p) in a bug-check callback: it cannot deadlock, but what the lock protects may be "
               "half-updated", routine_name(id), (const void *)lock);
    if (*lock != 0)
        return 0;
    *lock = 1;
    if (in_callback())
        bcsim__map_put(&tried, (uint64_t)lock, 1);
    return 1;
}

void bcsim__spin_release(enum bcsim__export_id id, volatile bcsim__u64 *lock,
                         unsigned char new_irql, int lower, void *caller)
{
    /* KeReleaseSpinLock and KeReleaseInStackQueuedSpinLock need exactly DISPATCH_LEVEL (the
     * gate reported above it); the FromDpcLevel forms at least DISPATCH_LEVEL. */
    uint32_t subcode = id == BCSIM__X_KeReleaseSpinLock || id == BCSIM__X_WdfSpinLockRelease ? 0x32
                     : id == BCSIM__X_KeReleaseInStackQueuedSpinLock ? 0x35 : 0x41;
    below_min(id, BCSIM_IRQL_DISPATCH, subcode, (uint64_t)lock, subcode == 0x35 ? new_irql : 0,
              caller);
    if (!bcsim__map_del(&tried, (uint64_t)lock))
        r4(true, id, (const void *)lock, caller);
    *lock = 0;
    if (lower)
        bcsim__irql_lower(new_irql, caller);
}

/* ---- events ---------------------------------------------------------------------------------- */

void bcsim__event_init(void *event, bcsim__i32 type, int signaled)
{
    dispatcher_header_t *h = event;
    h->type = (uint8_t)type;
    h->signalling = 0;
    h->size = sizeof(dispatcher_header_t) / sizeof(int32_t);
    h->reserved1 = 0;
    h->signal_state = signaled ? 1 : 0;
    h->wait_list_head.flink = h->wait_list_head.blink = &h->wait_list_head;
}

bcsim__i32 bcsim__event_set(void *event, void *caller)
{
    dispatcher_header_t *h = event;
    r4(false, BCSIM__X_KeSetEvent, event, caller);
    int32_t previous = h->signal_state;
    h->signal_state = 1;
    return previous;
}

bcsim__i32 bcsim__event_reset(enum bcsim__export_id id, void *event, void *caller)
{
    dispatcher_header_t *h = event;
    r4(false, id, event, caller);
    int32_t previous = h->signal_state;
    h->signal_state = 0;
    return previous;
}

bcsim__i32 bcsim__event_read(void *event)
{
    return ((dispatcher_header_t *)event)->signal_state;
}

/* ---- waits ----------------------------------------------------------------------------------- */

/* A dispatcher object is signalled when its SignalState is positive (events; other objects
 * bcsim does not model keep whatever the driver initialised). Satisfying a wait resets a
 * synchronization event. */
static bool signalled(void *object)
{
    return ((dispatcher_header_t *)object)->signal_state > 0;
}

static void satisfy(void *object)
{
    dispatcher_header_t *h = object;
    if (h->type == SYNCHRONIZATION_EVENT)
        h->signal_state = 0;
}

/* Lets a finite timeout (100-ns units; negative = relative, positive = absolute system time)
 * pass in virtual time. */
static void let_time_pass(int64_t t)
{
    if (t < 0)
        bcsim__clock_advance_100ns(t == INT64_MIN ? (uint64_t)INT64_MAX + 1 : (uint64_t)-t);
    else if ((uint64_t)t > bcsim__clock_system_time())
        bcsim__clock_advance_100ns((uint64_t)t - bcsim__clock_system_time());
    bcsim__watchdog_virtual_check();
}

bcsim__i32 bcsim__wait(enum bcsim__export_id id, void *const *objects, bcsim__u32 count,
                       int wait_all, const bcsim__i64 *timeout, void *caller)
{
    uint8_t irql = bcsim__m.irql;
    void *first = count ? objects[0] : NULL;
    bool zero = timeout && *timeout == 0;
    /* Learn: <= DISPATCH_LEVEL with a zero timeout, otherwise <= APC_LEVEL (0xC4/0x3B). */
    if (irql > BCSIM_IRQL_DISPATCH || (irql == BCSIM_IRQL_DISPATCH && !zero))
        report(BCSIM_V_WAIT_AT_HIGH_IRQL, caller, (uint64_t)caller,
               BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION, 0x3B, irql, (uint64_t)first,
               (uint64_t)timeout, "%s at %s (%u) with %s timeout", routine_name(id),
               bcsim__irql_name(irql), irql, !timeout ? "an infinite" : zero ? "a zero" : "a non-zero");
    for (bcsim__u32 i = 0; i < count; i++)
        r4(false, id, objects[i], caller);

    bcsim__u32 ready = 0, first_ready = count;
    for (bcsim__u32 i = 0; i < count; i++)
        if (signalled(objects[i])) {
            ready++;
            if (first_ready == count)
                first_ready = i;
        }
    if (count && wait_all && ready == count) {
        for (bcsim__u32 i = 0; i < count; i++)
            satisfy(objects[i]);
        return STATUS_WAIT_0;
    }
    if (count && !wait_all && ready) {
        satisfy(objects[first_ready]);
        return (bcsim__i32)(STATUS_WAIT_0 + first_ready);
    }
    if (timeout) {
        let_time_pass(*timeout);
        return STATUS_TIMEOUT;
    }
    /* Infinite wait on something no other thread can signal. */
    deadlock(id, first, "infinite wait on an object nothing can signal; bcsim returns STATUS_TIMEOUT",
             caller);
    return STATUS_TIMEOUT;
}

bcsim__i32 bcsim__delay(const bcsim__i64 *interval, void *caller)
{
    r4(false, BCSIM__X_KeDelayExecutionThread, caller, caller);
    if (interval)
        let_time_pass(*interval);
    return 0; /* STATUS_SUCCESS */
}

/* ---- fast mutexes ----------------------------------------------------------------------------- */

void bcsim__fast_mutex_acquire(void *fast_mutex, void *caller)
{
    fast_mutex_t *m = fast_mutex;
    r4(false, BCSIM__X_ExAcquireFastMutex, fast_mutex, caller);
    uint8_t old = bcsim__m.irql;
    if (!(m->count & 1))
        deadlock(BCSIM__X_ExAcquireFastMutex, fast_mutex, "the fast mutex is already held", caller);
    m->count &= ~1;
    m->owner = SIMULATED_THREAD;
    m->old_irql = old;
    if (old < BCSIM_IRQL_APC)
        bcsim__m.irql = BCSIM_IRQL_APC;
}

int bcsim__fast_mutex_try(void *fast_mutex, void *caller)
{
    fast_mutex_t *m = fast_mutex;
    if (in_callback())
        report(BCSIM_V_SYNC_TRY_IN_CALLBACK, caller, (uint64_t)fast_mutex, 0, 0, 0, 0, 0,
               "ExTryToAcquireFastMutex(%p) in a bug-check callback: it cannot deadlock, but what "
               "the mutex protects may be half-updated", fast_mutex);
    if (!(m->count & 1))
        return 0;
    if (in_callback())
        bcsim__map_put(&tried, (uint64_t)fast_mutex, 1);
    uint8_t old = bcsim__m.irql;
    m->count &= ~1;
    m->owner = SIMULATED_THREAD;
    m->old_irql = old;
    if (old < BCSIM_IRQL_APC)
        bcsim__m.irql = BCSIM_IRQL_APC;
    return 1;
}

void bcsim__fast_mutex_release(void *fast_mutex, void *caller)
{
    fast_mutex_t *m = fast_mutex;
    /* Learn: exactly APC_LEVEL; the gate reported above it (0xC4/0x34). */
    below_min(BCSIM__X_ExReleaseFastMutex, BCSIM_IRQL_APC, 0x34, (uint64_t)fast_mutex, 0, caller);
    if (!bcsim__map_del(&tried, (uint64_t)fast_mutex))
        r4(false, BCSIM__X_ExReleaseFastMutex, fast_mutex, caller);
    uint8_t restore = (uint8_t)m->old_irql;
    m->owner = NULL;
    m->count |= 1;
    bcsim__irql_lower(restore, caller);
}
