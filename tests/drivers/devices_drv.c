/*
 * tests/drivers/devices_drv.c — a test driver for the device and display surface
 * (tests/test_devices.c): PCI configuration space, processor numbers, the Inbv boot-video
 * routines a crash handler writes the blue screen with (declared here, as drivers do).
 */
#include <ntddk.h>

NTKERNELAPI BOOLEAN InbvDisplayString(PUCHAR String);
NTKERNELAPI BOOLEAN InbvResetDisplay(VOID);
NTKERNELAPI BOOLEAN InbvEnableDisplayString(BOOLEAN Enable);
NTKERNELAPI VOID InbvAcquireDisplayOwnership(VOID);
NTKERNELAPI BOOLEAN InbvCheckDisplayOwnership(VOID);

static PCI_SLOT_NUMBER Slot(unsigned device, unsigned function)
{
    PCI_SLOT_NUMBER s;
    s.u.AsULONG = 0;
    s.u.bits.DeviceNumber = device;
    s.u.bits.FunctionNumber = function;
    return s;
}

unsigned dv_pci_get(int type, unsigned bus, unsigned device, unsigned function, void *buf,
                    unsigned offset, unsigned length)
{
    return HalGetBusDataByOffset((BUS_DATA_TYPE)type, bus, Slot(device, function).u.AsULONG, buf,
                                 offset, length);
}

unsigned dv_pci_set(int type, unsigned bus, unsigned device, unsigned function, const void *buf,
                    unsigned offset, unsigned length)
{
    return HalSetBusDataByOffset((BUS_DATA_TYPE)type, bus, Slot(device, function).u.AsULONG,
                                 (PVOID)buf, offset, length);
}

unsigned dv_pci_get_whole(unsigned bus, unsigned device, void *buf, unsigned length)
{
    return HalGetBusData(PCIConfiguration, bus, Slot(device, 0).u.AsULONG, buf, length);
}

int dv_processor_from_index(unsigned index, unsigned *group, unsigned *number)
{
    PROCESSOR_NUMBER pn = { 0xFFFF, 0xFF, 0xFF };
    NTSTATUS st = KeGetProcessorNumberFromIndex(index, &pn);
    *group = pn.Group;
    *number = pn.Number;
    return st;
}

unsigned dv_processor_index(unsigned group, unsigned number)
{
    PROCESSOR_NUMBER pn = { (USHORT)group, (UCHAR)number, 0 };
    return KeGetProcessorIndexFromNumber(&pn);
}

unsigned dv_group_counts(void)
{
    return (unsigned)KeQueryActiveGroupCount() << 16 | KeQueryMaximumGroupCount();
}

unsigned long long dv_affinity_round_trip(unsigned long long affinity)
{
    KAFFINITY old = KeSetSystemAffinityThreadEx((KAFFINITY)affinity);
    KeRevertToUserAffinityThreadEx(old);
    return old;
}

static unsigned DvIpiCalls;
static ULONG_PTR DvIpiArgument;
static KIRQL DvIpiIrql;

static ULONG_PTR DvIpiWorker(ULONG_PTR Argument)
{
    DvIpiCalls++;
    DvIpiArgument = Argument;
    DvIpiIrql = KeGetCurrentIrql();
    return Argument + 1;
}

unsigned long long dv_ipi(unsigned long long context, unsigned *calls, unsigned long long *argument,
                          unsigned *irql)
{
    DvIpiCalls = 0;
    ULONG_PTR r = KeIpiGenericCall(DvIpiWorker, (ULONG_PTR)context);
    *calls = DvIpiCalls;
    *argument = DvIpiArgument;
    *irql = DvIpiIrql;
    return r;
}

int dv_time_fields(long long time, short f[8], long long *back)
{
    LARGE_INTEGER t, b;
    TIME_FIELDS tf;
    t.QuadPart = time;
    RtlTimeToTimeFields(&t, &tf);
    f[0] = tf.Year; f[1] = tf.Month; f[2] = tf.Day; f[3] = tf.Hour;
    f[4] = tf.Minute; f[5] = tf.Second; f[6] = tf.Milliseconds; f[7] = tf.Weekday;
    b.QuadPart = -1;
    BOOLEAN ok = RtlTimeFieldsToTime(&tf, &b);
    *back = b.QuadPart;
    return ok;
}

int dv_time_fields_invalid(void)
{
    TIME_FIELDS tf = { 2024, 2, 30, 0, 0, 0, 0, 0 };
    LARGE_INTEGER t;
    return RtlTimeFieldsToTime(&tf, &t);
}

static BOOLEAN DvNmi(PVOID Context, BOOLEAN Handled)
{
    UNREFERENCED_PARAMETER(Context);
    return Handled;
}

int dv_nmi_round_trip(int *first, int *second)
{
    PVOID h = KeRegisterNmiCallback(DvNmi, NULL);
    *first = KeDeregisterNmiCallback(h);
    *second = KeDeregisterNmiCallback(h);
    return h != NULL;
}

unsigned dv_misc(unsigned ntddi)
{
    return (unsigned)KeGetCurrentNodeNumber() << 16 | (unsigned)KeAreAllApcsDisabled() << 8 |
           RtlIsNtDdiVersionAvailable(ntddi);
}

static KBUGCHECK_CALLBACK_RECORD DvRecord;
static const char *DvLine1, *DvLine2;
static int DvReset, DvDisable;

static VOID DvScreen(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    InbvAcquireDisplayOwnership();
    if (!InbvCheckDisplayOwnership())
        return;
    InbvDisplayString((PUCHAR)DvLine1);
    if (DvReset)
        InbvResetDisplay();
    if (DvDisable)
        InbvEnableDisplayString(FALSE);
    InbvDisplayString((PUCHAR)DvLine2);
}

unsigned char dv_register_screen(const char *line1, const char *line2, int reset_between, int disable_second)
{
    DvLine1 = line1;
    DvLine2 = line2;
    DvReset = reset_between;
    DvDisable = disable_second;
    KeInitializeCallbackRecord(&DvRecord);
    return KeRegisterBugCheckCallback(&DvRecord, DvScreen, NULL, 0, (PUCHAR)"devices");
}
