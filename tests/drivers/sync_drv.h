/* tests/drivers/sync_drv.h — the harness-side view of tests/drivers/sync_drv.c. */
#ifndef SYNC_DRV_H
#define SYNC_DRV_H
/* One scenario at a time; each returns a bit mask of checks that failed (0 = all as expected). */
unsigned sy_spin_locks_at_legal_irqls(void);
unsigned sy_events_and_waits_at_legal_irqls(void);
unsigned sy_fast_mutex_at_legal_irqls(void);
/* Single misuses (the test checks the finding). */
void *sy_lock_address(void);
void sy_acquire_at_high(void);             /* KeAcquireSpinLock + KeReleaseSpinLock at HIGH_LEVEL */
void sy_acquire_at_dpc_from_passive(void); /* KeAcquireSpinLockAtDpcLevel + FromDpcLevel at PASSIVE */
void sy_release_at_passive(void);          /* KeReleaseSpinLock at PASSIVE_LEVEL */
void sy_queued_release_at_passive(void);   /* KeReleaseInStackQueuedSpinLock at PASSIVE_LEVEL */
void sy_acquire_held(void);                /* the lock twice: a deadlock */
void sy_take_lock(void);                   /* take the lock and keep it (held at crash time) */
void *sy_event_address(void);
int sy_set_event_at_high(void);            /* KeSetEvent at HIGH_LEVEL (outside callbacks) */
int sy_wait_at_dispatch(long long timeout, int use_timeout);
int sy_wait_forever_unsignaled(void);
void *sy_mutex_address(void);
void sy_fast_mutex_at_dispatch(void);
void sy_fast_mutex_release_at_passive(void);
void sy_fast_mutex_acquire_twice(void);
int sy_delay_at_dispatch(void);
/* A legacy callback: 1 uses an event and a zero-timeout wait; 2 acquires the lock. */
unsigned char sy_register(int mode);
int sy_callback_status(void);
#endif
