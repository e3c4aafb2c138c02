/*
 * tests/drivers/irql_drv.c — a test driver for the IRQL model (tests/test_irql.c): thin
 * wrappers over the Ke IRQL routines and CR8, and a legacy bug-check callback that raises,
 * lowers and reads the IRQL as the test says.
 */
#include <ntddk.h>
#include <intrin.h>

static KBUGCHECK_CALLBACK_RECORD IrRecord;
static int IrMode;
static KIRQL IrSeen[4];

unsigned char ir_current(void) { return KeGetCurrentIrql(); }
unsigned char ir_raise(unsigned char new_irql) { KIRQL old; KeRaiseIrql(new_irql, &old); return old; }
void ir_lower(unsigned char new_irql) { KeLowerIrql(new_irql); }
unsigned char ir_kf_raise(unsigned char new_irql) { return KfRaiseIrql(new_irql); }
unsigned char ir_raise_to_dpc(void) { return KeRaiseIrqlToDpcLevel(); }
unsigned char ir_raise_to_synch(void) { return KeRaiseIrqlToSynchLevel(); }
unsigned long long ir_readcr8(void) { return __readcr8(); }
void ir_writecr8(unsigned long long v) { __writecr8(v); }
void ir_disable(void) { _disable(); }
void ir_enable(void) { _enable(); }

void ir_paged_function(void)
{
    PAGED_CODE();
}

static KBUGCHECK_CALLBACK_ROUTINE IrCallback;
static VOID IrCallback(PVOID Buffer, ULONG Length)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    IrSeen[0] = KeGetCurrentIrql();
    switch (IrMode) {
    case 2: /* IR_HIGH_ROUND_TRIP: legal */
        KeRaiseIrql(HIGH_LEVEL, &old);
        IrSeen[1] = KeGetCurrentIrql();
        KeLowerIrql(old);
        IrSeen[2] = old;
        break;
    case 3: /* IR_LOWER_AND_BACK: lowering is the mistake; raising back restores */
        KeLowerIrql(DISPATCH_LEVEL);
        IrSeen[1] = KeGetCurrentIrql();
        KeRaiseIrql(HIGH_LEVEL, &old);
        IrSeen[2] = old;
        break;
    case 4: /* IR_RAISE_TO_DISPATCH: a "raise" that would lower */
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        IrSeen[1] = KeGetCurrentIrql();
        IrSeen[2] = old;
        break;
    case 5: /* IR_CR8_LOWER */
        __writecr8(PASSIVE_LEVEL);
        IrSeen[1] = KeGetCurrentIrql();
        __writecr8(HIGH_LEVEL);
        break;
    case 6: /* IR_PAGED_CODE */
        ir_paged_function();
        break;
    case 7: /* IR_ENABLE_INTERRUPTS: the cli/sti pair of ordinary code, at a bug check */
        _disable();
        _enable();
        break;
    case 8: /* IR_DISABLE_INTERRUPTS: already off; harmless */
        _disable();
        break;
    default:
        break;
    }
    IrSeen[3] = KeGetCurrentIrql();
}

unsigned char ir_register(int mode)
{
    IrMode = mode;
    RtlZeroMemory(IrSeen, sizeof(IrSeen));
    KeInitializeCallbackRecord(&IrRecord);
    return KeRegisterBugCheckCallback(&IrRecord, IrCallback, NULL, 0, (PUCHAR)"irql_drv");
}

unsigned char ir_seen_irql(int i) { return IrSeen[i]; }
