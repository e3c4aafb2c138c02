/*
 * tests/drivers/pool_drv.c — a test driver for the pool routines (tests/test_pool.c): thin
 * wrappers over every ExAllocatePool* / ExFreePool* form, exception-catching variants for the
 * raising forms, and a legacy callback that allocates at HIGH_LEVEL.
 */
#include <ntddk.h>

void *pl_alloc2(unsigned long long flags, size_t bytes, unsigned tag)
{
    return ExAllocatePool2(flags, bytes, tag);
}

void *pl_alloc3(unsigned long long flags, size_t bytes, unsigned tag, int with_params)
{
    POOL_EXTENDED_PARAMETER p;
    RtlZeroMemory(&p, sizeof(p));
    p.Type = PoolExtendedParameterPriority;
    p.Priority = HighPoolPriority;
    return with_params < 0 ? ExAllocatePool3(flags, bytes, tag, NULL, 1)
                           : ExAllocatePool3(flags, bytes, tag, with_params ? &p : NULL, with_params ? 1 : 0);
}

void *pl_alloc_tag(int pool_type, size_t bytes, unsigned tag)
{
    return ExAllocatePoolWithTag((POOL_TYPE)pool_type, bytes, tag);
}

void *pl_alloc_priority(int pool_type, size_t bytes, unsigned tag)
{
    return ExAllocatePoolWithTagPriority((POOL_TYPE)pool_type, bytes, tag, NormalPoolPriority);
}

void *pl_alloc_untagged(int pool_type, size_t bytes)
{
    return ExAllocatePool((POOL_TYPE)pool_type, bytes);
}

void *pl_alloc_zero(int pool_type, size_t bytes, unsigned tag)
{
    return ExAllocatePoolZero((POOL_TYPE)pool_type, bytes, tag);
}

void *pl_alloc_uninitialized(int pool_type, size_t bytes, unsigned tag)
{
    return ExAllocatePoolUninitialized((POOL_TYPE)pool_type, bytes, tag);
}

void pl_free(void *p) { ExFreePool(p); }
void pl_free_tag(void *p, unsigned tag) { ExFreePoolWithTag(p, tag); }
void pl_free2(void *p, unsigned tag) { ExFreePool2(p, tag, NULL, 0); }

int pl_alloc2_catching(unsigned long long flags, size_t bytes, unsigned tag, void **out)
{
    volatile int code = 0;
    void *volatile p = (void *)1;
    __try {
        p = ExAllocatePool2(flags, bytes, tag);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    *out = p;
    return code;
}

int pl_alloc_quota_catching(int pool_type, size_t bytes, unsigned tag, void **out)
{
    volatile int code = 0;
    void *volatile p = (void *)1;
    __try {
        p = ExAllocatePoolWithQuotaTag((POOL_TYPE)pool_type, bytes, tag);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        code = GetExceptionCode();
    }
    *out = p;
    return code;
}

void pl_raise_unhandled(void *unused)
{
    UNREFERENCED_PARAMETER(unused);
    (void)ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_RAISE_ON_FAILURE, (SIZE_T)1 << 40, 'esiR');
}

void *pl_alloc2_at(unsigned char irql, unsigned long long flags, size_t bytes, unsigned tag)
{
    KIRQL old;
    void *p;
    KeRaiseIrql(irql, &old);
    p = ExAllocatePool2(flags, bytes, tag);
    KeLowerIrql(old);
    return p;
}

void pl_free_at(unsigned char irql, void *p)
{
    KIRQL old;
    KeRaiseIrql(irql, &old);
    ExFreePool(p);
    KeLowerIrql(old);
}

static KBUGCHECK_CALLBACK_RECORD PlRecord;
static KBUGCHECK_CALLBACK_ROUTINE PlCallback;

static VOID PlCallback(PVOID Buffer, ULONG Length)
{
    PVOID p;
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 48, 'bCoP');
    if (p)
        ExFreePoolWithTag(p, 'bCoP');
}

unsigned char pl_register(void)
{
    KeInitializeCallbackRecord(&PlRecord);
    return KeRegisterBugCheckCallback(&PlRecord, PlCallback, NULL, 0, (PUCHAR)"pool_drv");
}

/* Use after free outside a callback: the read of a freed block (the mistake marker is for the
 * test, which checks the finding's line). */
static volatile ULONG *PlStale;
void pl_use_after_free(void *unused)
{
    UNREFERENCED_PARAMETER(unused);
    PlStale = (volatile ULONG *)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'fauU');
    ExFreePoolWithTag((PVOID)PlStale, 'fauU');
    (void)*PlStale;                                           /* the mistake */
}
