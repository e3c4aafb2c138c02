/*
 * tests/drivers/auxklib_drv.c — a test driver for Aux_Klib and KeInitializeCrashDumpHeader
 * (tests/test_auxklib.c, tests/test_dump_header.c).
 */
#include <ntddk.h>
#include <aux_klib.h>

typedef struct ax_bugcheck {
    int status;
    unsigned code;
    unsigned long long params[4];
} ax_bugcheck_t;

static ax_bugcheck_t AxSeen;
static int AxQuery, AxQueryStatus;
static KBUGCHECK_CALLBACK_RECORD AxRecord;

int ax_initialize(void) { return AuxKlibInitialize(); }

ax_bugcheck_t ax_bugcheck_data(unsigned size)
{
    KBUGCHECK_DATA d;
    ax_bugcheck_t r;
    RtlFillMemory(&d, sizeof(d), 0xEE);
    d.BugCheckDataSize = size ? size : sizeof(d);
    r.status = AuxKlibGetBugCheckData(&d);
    r.code = d.BugCheckCode;
    r.params[0] = d.Parameter1;
    r.params[1] = d.Parameter2;
    r.params[2] = d.Parameter3;
    r.params[3] = d.Parameter4;
    return r;
}

int ax_modules(unsigned *buffer_size, unsigned element_size, void *buf)
{
    ULONG size = *buffer_size;
    NTSTATUS s = AuxKlibQueryModuleInformation(&size, element_size, buf);
    *buffer_size = size;
    return s;
}

unsigned ax_extended_size(void) { return sizeof(AUX_MODULE_EXTENDED_INFO); }

static KBUGCHECK_CALLBACK_ROUTINE AxCallback;
static VOID AxCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    AxSeen = ax_bugcheck_data(0);
    if (AxQuery) {
        ULONG size = 0;
        AxQueryStatus = AuxKlibQueryModuleInformation(&size, sizeof(AUX_MODULE_EXTENDED_INFO), NULL);
    }
}

unsigned char ax_register(int query)
{
    AxQuery = query;
    KeInitializeCallbackRecord(&AxRecord);
    return KeRegisterBugCheckCallback(&AxRecord, AxCallback, NULL, 0, (PUCHAR)"auxklib_drv");
}

const ax_bugcheck_t *ax_seen(void) { return &AxSeen; }
int ax_seen_query_status(void) { return AxQueryStatus; }

int ax_crash_dump_header(unsigned type, unsigned flags, void *buf, unsigned size, unsigned *needed)
{
    ULONG n = 0xFFFFFFFF;
    NTSTATUS s = KeInitializeCrashDumpHeader(type, flags, buf, size, needed ? &n : NULL);
    if (needed)
        *needed = n;
    return s;
}
