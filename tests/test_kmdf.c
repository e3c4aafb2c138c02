/*
 * tests/test_kmdf.c — the KMDF model (issue 19, src/machine/kmdf.c and src/nt/wdf_*.c) with a KMDF
 * driver linked in (tests/drivers/kmdf_drv.c): DriverEntry through EvtDriverUnload in Windows'
 * order, context types, resource lists, cleanup order, the registry and the device description,
 * framework calls inside bug-check callbacks, and the object-misuse findings.
 *
 * Learn pages behind the expectations: "A User Plugs in a Device", "A Device Returns to Its
 * Working State", "The PnP Manager Redistributes System Resources", "Supporting Power
 * Management for DMA Devices", EVT_WDF_DEVICE_PREPARE_HARDWARE (a failure is followed by
 * EvtDeviceReleaseHardware), EVT_WDF_DEVICE_D0_ENTRY (a failure: no EvtDeviceD0Exit),
 * EVT_WDF_OBJECT_CONTEXT_CLEANUP / _DESTROY, WdfObjectDelete, WdfTimerStart, WdfDpcEnqueue,
 * WdfMemoryCopyFromBuffer, WdfRegistryQueryULong, "Bug Check 0x10D: WDF_VIOLATION".
 */
#include "bcsim_test.h"
#include "bcsim/scenario.h"
#include "drivers/kmdf_drv.h"
#include "internal.h"
#include "memory/memory.h"

static const uint64_t P[4] = { 0, 0, 0, 0 };

enum {
    CM_PORT = 1, CM_INTERRUPT = 2, CM_MEMORY = 3, CM_DMA = 4, CM_BUS = 6,
    SHARE_EXCLUSIVE = 1, SHARE_SHARED = 3,
    PORT_IO = 0x1, INT_LATCHED = 0x1, INT_MESSAGE = 0x2,
    REG_SZ_ = 1, REG_BINARY_ = 3, REG_DWORD_ = 4, REG_MULTI_SZ_ = 7, REG_QWORD_ = 11,
    D3_FINAL = 5,
};

#define ST_SUCCESS              0
#define ST_OBJECT_NAME_NOT_FOUND ((int)0xC0000034)
#define ST_OBJECT_TYPE_MISMATCH ((int)0xC0000024)
#define ST_BUFFER_OVERFLOW      ((int)0x80000005)
#define ST_BUFFER_TOO_SMALL     ((int)0xC0000023)
#define ST_INVALID_PARAMETER_2  ((int)0xC00000F0)
#define ST_NOT_SUPPORTED        ((int)0xC00000BB)
#define ST_OBJECT_NAME_COLLISION ((int)0xC0000035)
#define ST_INVALID_DEVICE_STATE ((int)0xC0000184)
#define ST_INVALID_PARAMETER    ((int)0xC000000D)

static bcsim_driver_t *attach(bcsim_sim_t *sim, unsigned flags)
{
    kd_configure(flags);
    bcsim_driver_t *drv = NULL;
    int rc = bcsim_driver_attach(sim, "kmdf_drv", kd_driver_entry(), NULL, &drv);
    if (rc != 0) {
        bcsim_test_dump_violations(sim);
        fail_msg("attach: %d", rc);
    }
    assert_int_equal(bcsim_driver_status(drv), 0);
    return drv;
}

/* The driver's log from index `from` on must be exactly `want` (NULL-terminated). */
static void expect_log(unsigned from, const char *const *want)
{
    unsigned i = 0;
    for (; want[i]; i++) {
        if (from + i >= kd_log_count())
            fail_msg("log[%u]: missing, want '%s'", from + i, want[i]);
        if (strcmp(kd_log(from + i), want[i]) != 0) {
            for (unsigned k = 0; k < kd_log_count(); k++)
                printf("  log[%u] %s\n", k, kd_log(k));
            fail_msg("log[%u]: got '%s', want '%s'", from + i, kd_log(from + i), want[i]);
        }
    }
    if (from + i != kd_log_count()) {
        for (unsigned k = 0; k < kd_log_count(); k++)
            printf("  log[%u] %s\n", k, kd_log(k));
        fail_msg("log: %u entries, want %u", kd_log_count() - from, i);
    }
}

/* The framework's event log must contain `callback` exactly `n` times. */
static unsigned events_named(bcsim_sim_t *sim, const char *callback)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < bcsim_kmdf_event_count(sim); i++)
        n += strcmp(bcsim_kmdf_event(sim, i)->callback, callback) == 0;
    return n;
}

/* A device with every kind of resource: two ports' worth of registers, MMIO, a line-based
 * interrupt (line 5) and a message-signalled one (2 messages at 0x40). */
static void describe_full_device(bcsim_sim_t *sim)
{
    bcsim_device_resource_t r[] = {
        { .type = BCSIM_RESOURCE_PORT, .start = 0x300, .length = 8 },
        { .type = BCSIM_RESOURCE_MEMORY, .start = 0xFEB00000ULL, .length = 0x1000 },
        { .type = BCSIM_RESOURCE_INTERRUPT, .start = 5, .share = SHARE_SHARED },
        { .type = BCSIM_RESOURCE_INTERRUPT, .start = 0x40, .length = 2 },
    };
    assert_int_equal(bcsim_sim_device_reset(sim), 0);
    for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
        assert_int_equal(bcsim_sim_device_resource(sim, &r[i]), 0);
}

/* ---- the lifecycle --------------------------------------------------------------------------- */

/* DriverEntry, EvtDriverDeviceAdd, PrepareHardware, D0Entry (from D3Final), each interrupt's
 * EvtInterruptEnable, D0EntryPostInterruptsEnabled, the DMA enabler's Fill/Enable/Start and
 * EvtDeviceSelfManagedIoInit, in that order, all during the load. */
static void start_sequence_is_windows_order(void **state)
{
    bcsim_sim_t *sim = *state;
    describe_full_device(sim);
    attach(sim, KD_SMIO | KD_INTERRUPTS | KD_DMA);
    static const char *const want[] = {
        "DriverEntry(1)", "DeviceAdd(1)", "PrepareHardware(1)", "D0Entry(5)", "InterruptEnable(0)",
        "InterruptEnable(1)", "D0EntryPostInterruptsEnabled(5)", "DmaFill", "DmaEnable",
        "DmaSelfManagedIoStart", "SelfManagedIoInit", NULL,
    };
    expect_log(0, want);
    assert_int_equal(bcsim_test_violations(sim), 0);
    /* the framework's own record of the calls agrees */
    assert_string_equal(bcsim_kmdf_event(sim, 0)->callback, "EvtDriverDeviceAdd");
    assert_string_equal(bcsim_kmdf_event(sim, 0)->object, "WDFDRIVER");
    assert_string_equal(bcsim_kmdf_event(sim, 0)->driver, "kmdf_drv");
    assert_string_equal(bcsim_kmdf_event(sim, 1)->callback, "EvtDevicePrepareHardware");
    assert_string_equal(bcsim_kmdf_event(sim, 3)->callback, "EvtInterruptEnable");
    assert_string_equal(bcsim_kmdf_event(sim, 3)->object, "WDFINTERRUPT");
}

/* The unload check's removal: SelfManagedIoSuspend, DMA Stop/Disable/Flush,
 * D0ExitPreInterruptsDisabled, EvtInterruptDisable in reverse, D0Exit (to D3Final),
 * ReleaseHardware, SelfManagedIoFlush/Cleanup, the cleanup callbacks, EvtDriverUnload, then
 * the driver object's cleanup. */
static void removal_sequence_is_windows_order(void **state)
{
    bcsim_sim_t *sim = *state;
    describe_full_device(sim);
    bcsim_driver_t *drv = attach(sim, KD_SMIO | KD_INTERRUPTS | KD_DMA | KD_DRIVER_UNLOAD);
    unsigned from = kd_log_count();
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    static const char *const want[] = {
        "SelfManagedIoSuspend", "DmaSelfManagedIoStop", "DmaDisable", "DmaFlush",
        "D0ExitPreInterruptsDisabled(5)", "InterruptDisable(1)", "InterruptDisable(0)", "D0Exit(5)",
        "ReleaseHardware(1)", "SelfManagedIoFlush", "SelfManagedIoCleanup", "cleanup:device",
        "destroy:device", "EvtDriverUnload(1)", "cleanup:driver", NULL,
    };
    expect_log(from, want);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* Interrupt callbacks run at the interrupt's DIRQL: line 5 translates to vector 0x85, IRQL 8. */
static void interrupt_enable_runs_at_dirql(void **state)
{
    bcsim_sim_t *sim = *state;
    describe_full_device(sim);
    attach(sim, KD_INTERRUPTS);
    assert_int_equal(kd_enable_irql(), 8);
}

/* With no interrupt resource for it, an interrupt object's callbacks still run (bcsim's choice,
 * README), at PASSIVE_LEVEL. */
static void interrupt_without_resource_runs_at_passive(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_INTERRUPTS);                  /* the default device: one port */
    assert_int_equal(kd_enable_irql(), 0);
    assert_int_not_equal(kd_log_find("InterruptEnable(1)"), -1);
}

/* The bug check comes with the device in D0: the callbacks registered in EvtDeviceD0Entry are
 * on the lists and the legacy one runs with its buffer (the device context) intact. (The DumpIo
 * one runs only when a dump is written: tests/test_examples.c runs kmdf_panic with a dump.) */
static void bugcheck_runs_callbacks_registered_in_d0_entry(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_REGISTER);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 1);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_REASON), 1);
    const bcsim_result_t *res = NULL;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &res), 0);
    assert_int_not_equal(kd_log_find("legacy callback(1)"), -1);
    assert_int_not_equal(kd_log_find("typed context(1)"), -1);    /* quiet: context use is fine */
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* Registered in D0Entry, deregistered in D0Exit: the unload check is clean. */
static void deregistering_in_d0_exit_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_REGISTER | KD_DRIVER_UNLOAD);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 1);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_CONTEXT_FREED_WITH_RECORDS), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* A KMDF driver that forgets to deregister in D0Exit: the device context holding the records is
 * freed with the device (WDF_CONTEXT_FREED_WITH_RECORDS, one per record) and the unload check
 * reports the records left registered (DRIVER_UNLOADED_WITH_RECORDS). */
static void forgetting_to_deregister_in_d0_exit_is_reported(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_REGISTER | KD_FORGET | KD_DRIVER_UNLOAD);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_CONTEXT_FREED_WITH_RECORDS), 2);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS), 2);
    const bcsim_violation_t *v = NULL;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++)
        if (bcsim_sim_violation(sim, i)->id == BCSIM_V_WDF_CONTEXT_FREED_WITH_RECORDS)
            v = bcsim_sim_violation(sim, i);
    assert_non_null(v);
    assert_non_null(strstr(v->message, "DEVICE_CONTEXT"));
    assert_non_null(strstr(v->message, "WDFDEVICE"));
}

/* A KMDF driver without EvtDriverUnload can still be unloaded (KMDF sets DriverUnload for PnP
 * drivers): the removal runs. */
static void pnp_driver_without_evt_driver_unload_unloads(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_not_equal(kd_log_find("D0Exit(5)"), -1);
    assert_int_equal(kd_log_find("EvtDriverUnload(1)"), -1);
    assert_int_not_equal(kd_log_find("cleanup:driver"), -1);
}

/* ---- failures in the start ------------------------------------------------------------------- */

/* EvtDevicePrepareHardware fails: EvtDeviceReleaseHardware follows, no D0 (Learn), a warning. */
static void prepare_hardware_failure_releases_hardware(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_FAIL_PREPARE | KD_REGISTER);
    static const char *const want[] = { "DriverEntry(1)", "DeviceAdd(1)", "PrepareHardware(1)",
                                        "ReleaseHardware(1)", NULL };
    expect_log(0, want);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_DEVICE_START_FAILED), 1);
    assert_int_equal(bcsim_records_count(BCSIM_LIST_LEGACY), 0);
    unsigned from = kd_log_count();
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    static const char *const gone[] = { "cleanup:device", "destroy:device", "cleanup:driver", NULL };
    expect_log(from, gone);                       /* nothing to power down or release again */
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* EvtDeviceD0Entry fails: no EvtDeviceD0Exit (Learn), the hardware is released. */
static void d0_entry_failure_skips_d0_exit(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_FAIL_D0_ENTRY);
    static const char *const want[] = { "DriverEntry(1)", "DeviceAdd(1)", "PrepareHardware(1)",
                                        "D0Entry(5)", "ReleaseHardware(1)", NULL };
    expect_log(0, want);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_DEVICE_START_FAILED), 1);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* EvtDriverDeviceAdd fails after creating the device: the framework deletes it, no start. */
static void device_add_failure_deletes_the_device(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_FAIL_ADD);
    static const char *const want[] = { "DriverEntry(1)", "DeviceAdd(1)", "cleanup:device",
                                        "destroy:device", NULL };
    expect_log(0, want);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_DEVICE_START_FAILED), 1);
}

/* A device add that creates no device is not an error (a filter that declines the device). */
static void device_add_without_device_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_NO_DEVICE | KD_DRIVER_UNLOAD);
    static const char *const want[] = { "DriverEntry(1)", "DeviceAdd(1)", NULL };
    expect_log(0, want);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* A non-PnP driver: no device add; its control device is created in DriverEntry, has finished
 * initializing, and goes with the driver at unload (after EvtDriverUnload). */
static void non_pnp_driver_gets_no_device_add(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_NON_PNP | KD_DRIVER_UNLOAD);
    static const char *const want[] = { "DriverEntry(1)", "control device(0)", NULL };
    expect_log(0, want);
    assert_int_equal(events_named(sim, "EvtDriverDeviceAdd"), 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    static const char *const unload[] = { "DriverEntry(1)", "control device(0)", "EvtDriverUnload(1)",
                                          "cleanup:device", "cleanup:driver", NULL };
    expect_log(0, unload);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* A non-PnP driver without EvtDriverUnload cannot be unloaded (KMDF sets no DriverUnload). */
static void non_pnp_driver_without_unload_stays(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_NON_PNP);
    assert_int_equal(bcsim_driver_unload(sim, drv), BCSIM_ENOUNLOAD);
}

/* DriverEntry fails after WdfDriverCreate: the WDFDRIVER's cleanup callback runs (the KMDF
 * team's pattern for global cleanup), EvtDriverUnload does not (Learn), no device is added. */
static void failed_driver_entry_deletes_the_driver_object(void **state)
{
    bcsim_sim_t *sim = *state;
    kd_configure(KD_FAIL_ENTRY | KD_DRIVER_UNLOAD);
    bcsim_driver_t *drv = NULL;
    assert_int_equal(bcsim_driver_attach(sim, "kmdf_drv", kd_driver_entry(), NULL, &drv), BCSIM_EDRIVER);
    static const char *const want[] = { "DriverEntry(1)", "cleanup:driver", NULL };
    expect_log(0, want);
    assert_int_equal(events_named(sim, "EvtDriverDeviceAdd"), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* WdfDriverCreate's documented failures: a second call (STATUS_DRIVER_INTERNAL_ERROR), a non-PnP
 * driver naming EvtDriverDeviceAdd (STATUS_INVALID_PARAMETER). */
static void driver_create_documented_failures(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_CREATE_TWICE);
    assert_int_not_equal(kd_log_find("second WdfDriverCreate(387)"), -1);       /* 0xC0000183 */
    kd_configure(KD_NON_PNP | KD_NON_PNP_WITH_ADD);
    bcsim_driver_t *drv = NULL;
    assert_int_equal(bcsim_driver_attach(sim, "kmdf_drv2", kd_driver_entry(), NULL, &drv), BCSIM_EDRIVER);
    assert_int_not_equal(kd_log_find("WdfDriverCreate failed(13)"), -1);         /* 0xC000000D */
}

/* ---- contexts -------------------------------------------------------------------------------- */

static void typed_contexts(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    void *dev = kd_device();
    assert_non_null(dev);
    void *ctx = kd_get_context(dev, 1);
    assert_non_null(ctx);
    assert_ptr_equal(kd_get_context_macro(dev, 1), ctx);
    assert_ptr_equal(kd_context_object(ctx), dev);
    assert_int_equal((uintptr_t)ctx % 16, 0);         /* MEMORY_ALLOCATION_ALIGNMENT */
    /* a second type: absent until allocated, then its own block; a third allocation collides */
    assert_null(kd_get_context(dev, 2));
    void *extra = NULL;
    assert_int_equal(kd_allocate_context(dev, 2, &extra), ST_SUCCESS);
    assert_non_null(extra);
    assert_ptr_not_equal(extra, ctx);
    assert_ptr_equal(kd_get_context(dev, 2), extra);
    assert_ptr_equal(kd_get_context_macro(dev, 2), extra);
    assert_ptr_equal(kd_context_object(extra), dev);
    assert_int_equal(kd_allocate_context(dev, 1, &extra), ST_OBJECT_NAME_COLLISION);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* Contexts are zeroed nonpaged pool tagged with the driver's tag (KMDF: from the service name). */
static void context_memory_is_zeroed_and_tagged(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    void *extra = NULL;
    assert_int_equal(kd_allocate_context(kd_device(), 2, &extra), ST_SUCCESS);
    assert_int_equal(*(uint32_t *)extra, 0);
    const bcsim__alloc_t *al = bcsim__pool_find((uint64_t)(uintptr_t)extra);
    assert_non_null(al);
    assert_int_equal(al->tag, 'k' | 'm' << 8 | 'd' << 16 | 'f' << 24);   /* "kmdf_drv" */
    assert_false(al->paged);
}

/* ---- object lifetimes ------------------------------------------------------------------------ */

/* Deleting the device (at removal): every child's cleanup before its parent's, siblings in
 * reverse creation order, then the destroys, children first. */
static void cleanup_order_children_first(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_OBJECTS);
    unsigned from = kd_log_count();
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    static const char *const want[] = {
        "D0ExitPreInterruptsDisabled(5)", "D0Exit(5)", "ReleaseHardware(1)",
        "cleanup:C", "cleanup:B", "cleanup:A", "cleanup:device",
        "destroy:C", "destroy:B", "destroy:A", "destroy:device", "cleanup:driver", NULL,
    };
    expect_log(from, want);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* WdfObjectDelete runs the cleanup and destroy callbacks of the object and its children at
 * once; the handle is then dead. */
static void object_delete_runs_callbacks_immediately(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_OBJECTS | KD_DELETE_A_IN_D0);
    static const char *const want[] = {
        "DriverEntry(1)", "DeviceAdd(1)", "PrepareHardware(1)", "D0Entry(5)",
        "cleanup:B", "cleanup:A", "destroy:B", "destroy:A", "D0EntryPostInterruptsEnabled(5)", NULL,
    };
    expect_log(0, want);
    unsigned from = kd_log_count();
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(kd_log_find("cleanup:A") < (int)from, 1);        /* not again */
    assert_int_not_equal(kd_log_find("cleanup:C"), -1);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* A reference keeps the object: its cleanup runs with its parent's deletion, its destroy only
 * once the last reference is gone (here: in its parent's destroy callback, so after it). */
static void reference_delays_destroy(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_OBJECTS | KD_REFERENCE_B);
    unsigned from = kd_log_count();
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    static const char *const want[] = {
        "D0ExitPreInterruptsDisabled(5)", "D0Exit(5)", "ReleaseHardware(1)",
        "cleanup:C", "cleanup:B", "cleanup:A", "cleanup:device",
        "destroy:C", "destroy:A", "destroy:B", "destroy:device", "cleanup:driver", NULL,
    };
    expect_log(from, want);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* ---- misuse findings ------------------------------------------------------------------------- */

static void misuse_delete_device_is_refused(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_DRIVER_UNLOAD);
    kd_misuse(1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_DELETE_NOT_ALLOWED), 1);
    assert_int_equal(kd_log_find("cleanup:device"), -1);              /* not deleted */
    assert_non_null(kd_get_context(kd_device(), 1));
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_not_equal(kd_log_find("cleanup:device"), -1);
}

static void misuse_deleted_object(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    assert_int_equal(kd_misuse(2), 0);                                 /* NULL buffer */
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_OBJECT_DELETED), 1);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, bcsim_sim_violation_count(sim) - 1);
    assert_int_equal(v->bugcheck_code, 0x10D);
    assert_int_equal(v->bugcheck_params[0], 5);                        /* WDF_INVALID_HANDLE */
    assert_non_null(strstr(v->message, "WdfMemoryGetBuffer"));
}

static void misuse_garbage_and_wrong_type_handles(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_QUEUE_TIMERS);
    assert_int_equal(kd_misuse(3), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_INVALID_HANDLE), 1);
    assert_int_equal(kd_misuse(4), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_INVALID_HANDLE), 2);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, bcsim_sim_violation_count(sim) - 1);
    assert_non_null(strstr(v->message, "a WDFQUEUE where a WDFDEVICE is needed"));
}

static void misuse_unbalanced_dereference(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    kd_misuse(5);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_DEREFERENCE_UNBALANCED), 1);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_OBJECT_DELETED), 0);
}

static void misuse_null_out_parameter(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    assert_int_not_equal(kd_misuse(6), 0);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_WDF_NULL_PARAMETER), 1);
    const bcsim_violation_t *v = bcsim_sim_violation(sim, bcsim_sim_violation_count(sim) - 1);
    assert_int_equal(v->bugcheck_params[0], 4);                        /* WDF_REQUIRED_PARAMETER_IS_NULL */
}

/* A control device may be deleted (Learn, WdfObjectDelete): quiet, its cleanup runs. */
static void deleting_a_control_device_is_allowed(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_NON_PNP | KD_DRIVER_UNLOAD);
    kd_misuse(7);
    assert_int_not_equal(kd_log_find("cleanup:device"), -1);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* The good driver, through its whole life with every feature, raises nothing. */
static void good_driver_is_quiet(void **state)
{
    bcsim_sim_t *sim = *state;
    describe_full_device(sim);
    bcsim_driver_t *drv = attach(sim, KD_REGISTER | KD_INTERRUPTS | KD_DMA | KD_SMIO | KD_OBJECTS |
                                          KD_QUEUE_TIMERS | KD_DRIVER_UNLOAD | KD_REFERENCE_B);
    assert_int_equal(kd_memory_roundtrip(), 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(bcsim_sim_violation_count(sim), 0);
}

/* ---- framework calls inside bug-check callbacks ------------------------------------------------ */

/* WdfSpinLockAcquire (a spin lock), WdfWaitLockAcquire (a wait, even with a zero timeout) at
 * HIGH_LEVEL, and WdfDeviceWdmGetDeviceObject above its DISPATCH_LEVEL are each judged. */
static void framework_calls_in_callback_are_judged(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_REGISTER | KD_LOCKS_IN_CALLBACK);
    const bcsim_result_t *res = NULL;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &res), 0);
    assert_int_not_equal(kd_log_find("device object(1)"), -1);
    assert_true(bcsim_result_has(res, BCSIM_V_SPINLOCK_IN_CALLBACK));
    assert_true(bcsim_result_has(res, BCSIM_V_SYNCHRONIZATION_IN_CALLBACK));
    assert_true(bcsim_result_has(res, BCSIM_V_WAIT_AT_HIGH_IRQL));   /* zero timeout: <= DISPATCH */
    /* WdfSpinLockAcquire/Release, WdfWaitLockRelease, WdfDeviceWdmGetDeviceObject */
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_IRQL_TOO_HIGH), 4);
    bool named = false;
    for (uint32_t i = 0; i < bcsim_sim_violation_count(sim); i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        if (v->id == BCSIM_V_IRQL_TOO_HIGH && strstr(v->message, "WdfDeviceWdmGetDeviceObject"))
            named = true;
    }
    assert_true(named);
}

/* Timers, DPCs and work items are created and queued, never run (not during a bug check
 * either); the BOOLEANs are Windows': WdfTimerStart TRUE if it was already queued,
 * WdfDpcEnqueue FALSE if it was, WdfTimerStop TRUE if it was queued. */
static void timers_dpcs_work_items_never_run(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_driver_t *drv = attach(sim, KD_QUEUE_TIMERS | KD_REGISTER);
    const bcsim_result_t *res = NULL;
    assert_int_equal(bcsim_sim_bugcheck(sim, 0xE2, P, &res), 0);
    assert_int_equal(bcsim_sim_reboot(sim), 0);
    assert_int_equal(bcsim_driver_unload(sim, drv), 0);
    assert_int_equal(kd_queue_results(), 0x2 | 0x4 | 0x10);
    assert_int_equal(kd_log_find("timer ran"), -1);
    assert_int_equal(kd_log_find("dpc ran"), -1);
    assert_int_equal(kd_log_find("work item ran"), -1);
}

/* ---- resources ------------------------------------------------------------------------------- */

static void resource_lists_raw_and_translated(void **state)
{
    bcsim_sim_t *sim = *state;
    describe_full_device(sim);
    attach(sim, 0);
    kd_res_t raw[8], tr[8];
    assert_int_equal(kd_resources(0, raw, 8), 4);
    assert_int_equal(kd_resources(1, tr, 8), 4);
    assert_true(kd_descriptor_past_end_is_null());
    /* the port and the memory range translate to themselves */
    for (int l = 0; l < 2; l++) {
        kd_res_t *r = l ? tr : raw;
        assert_int_equal(r[0].type, CM_PORT);
        assert_int_equal(r[0].start, 0x300);
        assert_int_equal(r[0].length, 8);
        assert_int_equal(r[0].flags, PORT_IO);
        assert_int_equal(r[0].share, SHARE_EXCLUSIVE);
        assert_int_equal(r[1].type, CM_MEMORY);
        assert_int_equal(r[1].start, 0xFEB00000ULL);
        assert_int_equal(r[1].length, 0x1000);
        assert_int_equal(r[2].type, CM_INTERRUPT);
        assert_int_equal(r[2].share, SHARE_SHARED);
        assert_int_equal(r[2].flags, 0);                     /* level-sensitive */
        assert_int_equal(r[3].type, CM_INTERRUPT);
        assert_int_equal(r[3].flags, INT_LATCHED | INT_MESSAGE);
    }
    /* raw: the line and every processor; translated: vector 0x80 + line at IRQL vector/16 on
     * processor 0 */
    assert_int_equal(raw[2].level, 5);
    assert_int_equal(raw[2].vector, 5);
    assert_int_equal(raw[2].affinity, ~0ULL);
    assert_int_equal(tr[2].vector, 0x85);
    assert_int_equal(tr[2].level, 8);
    assert_int_equal(tr[2].affinity, 1);
    assert_int_equal(raw[3].message_count, 2);
    assert_int_equal(raw[3].vector, 0x40);
    assert_int_equal(tr[3].vector, 0xC0);
    assert_int_equal(tr[3].level, 12);
}

/* Without a description the device has the default resource: the QEMU panic port. */
static void default_device_is_the_panic_port(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    kd_res_t tr[4];
    assert_int_equal(kd_resources(1, tr, 4), 1);
    assert_int_equal(tr[0].type, CM_PORT);
    assert_int_equal(tr[0].start, 0x505);
    assert_int_equal(tr[0].length, 1);
    assert_int_equal(tr[0].flags, PORT_IO);
}

/* An empty description: no resources, PrepareHardware still runs. */
static void empty_description_gives_empty_lists(void **state)
{
    bcsim_sim_t *sim = *state;
    assert_int_equal(bcsim_sim_device_reset(sim), 0);
    attach(sim, 0);
    kd_res_t tr[4];
    assert_int_equal(kd_resources(1, tr, 4), 0);
    assert_true(kd_descriptor_past_end_is_null());
    assert_int_not_equal(kd_log_find("D0Entry(5)"), -1);
}

static void device_resource_rejects_bad_input(void **state)
{
    bcsim_sim_t *sim = *state;
    bcsim_device_resource_t r = { .type = 9, .start = 1, .length = 1 };
    assert_int_equal(bcsim_sim_device_resource(sim, &r), BCSIM_EINVAL);
    r.type = BCSIM_RESOURCE_PORT;
    r.length = 0;
    assert_int_equal(bcsim_sim_device_resource(sim, &r), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_device_resource(sim, NULL), BCSIM_EINVAL);
    assert_int_equal(bcsim_sim_device_resource(NULL, &r), BCSIM_EINVAL);
}

/* The WDM device object behind the WDFDEVICE: initialized (DO_DEVICE_INITIALIZING cleared),
 * direct I/O as WdfDeviceInitSetIoType asked. */
static void wdm_device_object_flags(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    unsigned flags = kd_device_flags();
    assert_int_equal(flags & 0x80, 0);           /* DO_DEVICE_INITIALIZING */
    assert_int_equal(flags & 0x10, 0x10);        /* DO_DIRECT_IO */
    assert_int_equal(flags & 0x08, 0x08);        /* DO_EXCLUSIVE */
}

/* ---- the registry ----------------------------------------------------------------------------- */

static void registry_values_from_the_description(void **state)
{
    bcsim_sim_t *sim = *state;
    uint32_t dword = 7;
    uint64_t qword = 0x1122334455667788ULL;
    assert_int_equal(bcsim_sim_device_registry(sim, "parameters", "Mode", REG_DWORD_, &dword, 4), 0);
    assert_int_equal(bcsim_sim_device_registry(sim, "parameters", "Name", REG_SZ_, "héllo", 7), 0);
    assert_int_equal(bcsim_sim_device_registry(sim, "parameters", "List", REG_MULTI_SZ_, "a\0bc\0", 6), 0);
    assert_int_equal(bcsim_sim_device_registry(sim, "parameters", "Big", REG_QWORD_, &qword, 8), 0);
    assert_int_equal(bcsim_sim_device_registry(sim, "device", "Speed", REG_DWORD_, &dword, 4), 0);
    assert_int_equal(bcsim_sim_device_registry(sim, "driver\\Sub\\Deep", "Inner", REG_DWORD_, &dword, 4), 0);
    assert_int_equal(bcsim_sim_device_registry(sim, "nowhere", "X", REG_DWORD_, &dword, 4), BCSIM_EINVAL);
    attach(sim, 0);
    unsigned v = 0;
    char text[64];
    assert_int_equal(kd_reg_ulong(1, NULL, "Mode", &v), ST_SUCCESS);
    assert_int_equal(v, 7);
    assert_int_equal(kd_reg_ulong(2, NULL, "Speed", &v), ST_SUCCESS);
    assert_int_equal(kd_reg_ulong(3, "Sub\\Deep", "Inner", &v), ST_SUCCESS);
    assert_int_equal(v, 7);
    assert_int_equal(kd_reg_ulong(1, NULL, "Missing", &v), ST_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(kd_reg_ulong(3, "NoSuchKey", "Inner", &v), ST_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(kd_reg_ulong(1, NULL, "Name", &v), ST_OBJECT_TYPE_MISMATCH);
    assert_int_equal(kd_reg_string(1, "Name", text, sizeof(text)), ST_SUCCESS);
    assert_int_equal((unsigned char)text[1], 0xE9);                 /* é, as UTF-16 0x00E9 */
    assert_string_equal(text + 2, "llo");
    unsigned count = 0;
    assert_int_equal(kd_reg_multi_count(1, "List", &count), ST_SUCCESS);
    assert_int_equal(count, 2);
    uint8_t buf[16];
    unsigned len = 0, type = 0;
    assert_int_equal(kd_reg_value(1, "Big", buf, sizeof(buf), &len, &type), ST_SUCCESS);
    assert_int_equal(len, 8);
    assert_int_equal(type, REG_QWORD_);
    assert_memory_equal(buf, &qword, 8);
    assert_int_equal(kd_reg_value(1, "Big", buf, 4, &len, &type), ST_BUFFER_OVERFLOW);
    assert_int_equal(len, 8);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* Values the driver writes are read back (the registry lives as long as the machine). */
static void registry_assign_and_create(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    unsigned v = 0, disposition = 0;
    assert_int_equal(kd_reg_assign_ulong(3, "Written", 42), ST_SUCCESS);
    assert_int_equal(kd_reg_ulong(3, NULL, "Written", &v), ST_SUCCESS);
    assert_int_equal(v, 42);
    assert_int_equal(kd_reg_create_subkey(1, "New", &disposition), ST_SUCCESS);
    assert_int_equal(disposition, 1);                               /* REG_CREATED_NEW_KEY */
    assert_int_equal(kd_reg_create_subkey(1, "New", &disposition), ST_SUCCESS);
    assert_int_equal(disposition, 2);                               /* REG_OPENED_EXISTING_KEY */
}

/* ---- the bus interface and properties --------------------------------------------------------- */

static void pci_device_bus_interface_and_properties(void **state)
{
    bcsim_sim_t *sim = *state;
    uint8_t cfg[64] = { 0x86, 0x80, 0x3a, 0x15, 0, 0, 0, 0, 0x04 };
    cfg[0x2C] = 0x34;
    cfg[0x2D] = 0x12;
    cfg[0x2E] = 0x78;
    cfg[0x2F] = 0x56;
    assert_int_equal(bcsim_sim_pci_config(sim, 2, 3, 1, cfg, sizeof(cfg)), 0);
    assert_int_equal(bcsim_sim_device_pci(sim, 2, 3, 1), 0);
    attach(sim, 0);
    uint8_t buf[4] = { 0 };
    unsigned got = 0, v = 0;
    assert_int_equal(kd_bus_read(buf, 0, 4, &got), ST_SUCCESS);
    assert_int_equal(got, 4);
    assert_int_equal(buf[0], 0x86);
    assert_int_equal(buf[3], 0x15);
    assert_int_equal(kd_property_ulong(14, &v), ST_SUCCESS);        /* BusNumber */
    assert_int_equal(v, 2);
    assert_int_equal(kd_property_ulong(16, &v), ST_SUCCESS);        /* Address */
    assert_int_equal(v, 3u << 16 | 1);
    assert_int_equal(kd_property_ulong(13, &v), ST_SUCCESS);        /* LegacyBusType: PCIBus */
    assert_int_equal(v, 5);
    char text[128];
    assert_int_equal(kd_property_string(1, text, sizeof(text)), ST_SUCCESS);
    assert_string_equal(text, "PCI\\VEN_8086&DEV_153A&SUBSYS_56781234&REV_04");
    assert_int_equal(kd_property_string(15, text, sizeof(text)), ST_SUCCESS);
    assert_string_equal(text, "PCI");
    assert_int_equal(kd_property_ulong(99, &v), ST_INVALID_PARAMETER_2);
}

/* A root-enumerated device has no bus interface to give. */
static void root_device_has_no_bus_interface(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    uint8_t buf[4];
    unsigned got = 0;
    assert_int_equal(kd_bus_read(buf, 0, 4, &got), ST_NOT_SUPPORTED);
    char text[64];
    assert_int_equal(kd_property_string(15, text, sizeof(text)), ST_SUCCESS);
    assert_string_equal(text, "ROOT");
}

static void memory_objects(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    assert_int_equal(kd_memory_roundtrip(), 0);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* Queues are created and started but no request ever arrives: a search finds nothing (Learn's
 * statuses for an empty queue). */
static void queues_hold_no_requests(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, KD_QUEUE_TIMERS);
    int r[4];
    kd_queue_search(r);
    assert_int_equal(r[0], (int)0x8000001A);                       /* STATUS_NO_MORE_ENTRIES */
    assert_int_equal(r[1], (int)0x8000001A);
    assert_int_equal(r[2], (int)0xC0000225);                       /* STATUS_NOT_FOUND */
    assert_int_equal(r[3], 1);
    assert_int_equal(bcsim_test_violations(sim), 0);
}

/* Remote I/O targets: created closed; a name opens nothing on bcsim's machine; an existing device
 * object opens (started); stop, start, close; nothing is ever sent. */
static void remote_io_target_lifecycle(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    long r[16];
    assert_int_equal(kd_iotarget(r, 16), 12);
    assert_int_equal(r[0], ST_SUCCESS);
    assert_int_equal(r[1], 4);                                   /* WdfIoTargetClosed */
    assert_int_equal(r[2], ST_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(r[3], ST_INVALID_DEVICE_STATE);             /* start before open */
    assert_int_equal(r[4], ST_SUCCESS);
    assert_int_equal(r[5], 1);                                   /* WdfIoTargetStarted */
    assert_int_equal(r[6], 1);
    assert_int_equal(r[7], 2);                                   /* WdfIoTargetStopped */
    assert_int_equal(r[8], ST_SUCCESS);
    assert_int_equal(r[9], 1);
    assert_int_equal(r[10], ST_INVALID_DEVICE_STATE);            /* no I/O is delivered */
    assert_int_equal(r[11], 4);
    assert_int_equal(bcsim_test_violations(sim), 0);
    /* the send is a stub, and says so once */
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNIMPLEMENTED_ROUTINE), 1);
    assert_int_equal(kd_iotarget(r, 16), 12);
    assert_int_equal(bcsim_test_count(sim, BCSIM_V_UNIMPLEMENTED_ROUTINE), 1);
}

/* Common buffers are physically contiguous and page aligned: any alignment mask below a page is
 * met; a larger one is refused (bcsim's choice). */
static void common_buffer_alignment(void **state)
{
    bcsim_sim_t *sim = *state;
    attach(sim, 0);
    unsigned long long la = 1;
    assert_int_equal(kd_common_buffer(0x1FF, &la), ST_SUCCESS);   /* FILE_512_BYTE_ALIGNMENT */
    assert_int_equal(la & 0xFFF, 0);
    assert_int_not_equal(la, 0);
    assert_int_equal(kd_common_buffer(0x1FFF, &la), ST_INVALID_PARAMETER);
}

/* ---- the scenario's "device" section ---------------------------------------------------------- */

static void scenario_device_section_applies(void **state)
{
    bcsim_sim_t *sim = *state;
    const char *json =
        "{ \"device\": { \"resources\": [ { \"port\": \"0x510\", \"length\": 2 },"
        "  { \"interrupt\": 9 }, { \"memory\": \"0xFE000000\", \"length\": \"0x100\" } ],"
        "  \"registry\": { \"parameters\": { \"Mode\": 3, \"Label\": \"x\","
        "     \"Sub\": { \"Inner\": { \"qword\": 5 } } } } } }";
    bcsim_scenario_t *s = NULL;
    char err[256] = "";
    assert_int_equal(bcsim_scenario_parse(json, strlen(json), NULL, &s, err, sizeof(err)), 0);
    assert_int_equal(bcsim_scenario_apply_devices(s, sim), 0);
    bcsim_scenario_free(s);
    attach(sim, 0);
    kd_res_t tr[4];
    assert_int_equal(kd_resources(1, tr, 4), 3);
    assert_int_equal(tr[0].start, 0x510);
    assert_int_equal(tr[0].length, 2);
    assert_int_equal(tr[1].type, CM_INTERRUPT);
    assert_int_equal(tr[1].vector, 0x89);
    assert_int_equal(tr[2].type, CM_MEMORY);
    assert_int_equal(tr[2].length, 0x100);
    unsigned v = 0;
    assert_int_equal(kd_reg_ulong(1, NULL, "Mode", &v), ST_SUCCESS);
    assert_int_equal(v, 3);
    assert_int_equal(kd_reg_ulong(1, "Sub", "Inner", &v), ST_OBJECT_TYPE_MISMATCH);   /* a QWORD */
}

static void scenario_device_errors_name_the_path(void **state)
{
    (void)state;
    static const struct { const char *json, *msg; } bad[] = {
        { "{ \"device\": [] }", "device: expected an object" },
        { "{ \"device\": { \"resources\": [ { \"length\": 1 } ] } }", "device.resources[0]" },
        { "{ \"device\": { \"resources\": [ { \"port\": 1, \"memory\": 2 } ] } }", "device.resources[0]" },
        { "{ \"device\": { \"resorces\": [] } }", "unknown key \"resorces\"" },
        { "{ \"device\": { \"registry\": { \"hklm\": {} } } }", "device.registry" },
        { "{ \"device\": { \"registry\": { \"parameters\": { \"V\": { \"dword\": \"x\" } } } } }",
          "device.registry.parameters.V" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bcsim_scenario_t *s = NULL;
        char err[256] = "";
        assert_int_equal(bcsim_scenario_parse(bad[i].json, strlen(bad[i].json), NULL, &s, err, sizeof(err)),
                         BCSIM_EFORMAT);
        if (!strstr(err, bad[i].msg))
            fail_msg("%s: got '%s', want '%s'", bad[i].json, err, bad[i].msg);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        BCSIM_TEST(start_sequence_is_windows_order),
        BCSIM_TEST(removal_sequence_is_windows_order),
        BCSIM_TEST(interrupt_enable_runs_at_dirql),
        BCSIM_TEST(interrupt_without_resource_runs_at_passive),
        BCSIM_TEST(bugcheck_runs_callbacks_registered_in_d0_entry),
        BCSIM_TEST(deregistering_in_d0_exit_is_quiet),
        BCSIM_TEST(forgetting_to_deregister_in_d0_exit_is_reported),
        BCSIM_TEST(pnp_driver_without_evt_driver_unload_unloads),
        BCSIM_TEST(prepare_hardware_failure_releases_hardware),
        BCSIM_TEST(d0_entry_failure_skips_d0_exit),
        BCSIM_TEST(device_add_failure_deletes_the_device),
        BCSIM_TEST(device_add_without_device_is_quiet),
        BCSIM_TEST(non_pnp_driver_gets_no_device_add),
        BCSIM_TEST(non_pnp_driver_without_unload_stays),
        BCSIM_TEST(failed_driver_entry_deletes_the_driver_object),
        BCSIM_TEST(driver_create_documented_failures),
        BCSIM_TEST(typed_contexts),
        BCSIM_TEST(context_memory_is_zeroed_and_tagged),
        BCSIM_TEST(cleanup_order_children_first),
        BCSIM_TEST(object_delete_runs_callbacks_immediately),
        BCSIM_TEST(reference_delays_destroy),
        BCSIM_TEST(misuse_delete_device_is_refused),
        BCSIM_TEST(misuse_deleted_object),
        BCSIM_TEST(misuse_garbage_and_wrong_type_handles),
        BCSIM_TEST(misuse_unbalanced_dereference),
        BCSIM_TEST(misuse_null_out_parameter),
        BCSIM_TEST(deleting_a_control_device_is_allowed),
        BCSIM_TEST(good_driver_is_quiet),
        BCSIM_TEST(framework_calls_in_callback_are_judged),
        BCSIM_TEST(timers_dpcs_work_items_never_run),
        BCSIM_TEST(resource_lists_raw_and_translated),
        BCSIM_TEST(default_device_is_the_panic_port),
        BCSIM_TEST(empty_description_gives_empty_lists),
        BCSIM_TEST(device_resource_rejects_bad_input),
        BCSIM_TEST(wdm_device_object_flags),
        BCSIM_TEST(registry_values_from_the_description),
        BCSIM_TEST(registry_assign_and_create),
        BCSIM_TEST(pci_device_bus_interface_and_properties),
        BCSIM_TEST(root_device_has_no_bus_interface),
        BCSIM_TEST(memory_objects),
        BCSIM_TEST(queues_hold_no_requests),
        BCSIM_TEST(remote_io_target_lifecycle),
        BCSIM_TEST(common_buffer_alignment),
        BCSIM_TEST(scenario_device_section_applies),
        BCSIM_TEST(scenario_device_errors_name_the_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
