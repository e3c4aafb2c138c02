/*
 * tests/drivers/dbgprint_drv.c — a test driver for DbgPrint & co., compiled as a checked build
 * (DBG = 1, so KdPrint / KdPrintEx are active) against the shim. The harness drives it
 * through the dp_* functions; the reason callback prints from inside a bug check, where it
 * runs at HIGH_LEVEL (a reserved reason is called with no dump configured).
 */
#define DBG 1
#include <ntddk.h>

KBUGCHECK_REASON_CALLBACK_RECORD DpRecord;
int DpMode;

KBUGCHECK_REASON_CALLBACK_ROUTINE DpCallback;

_Use_decl_annotations_
VOID DpCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    UNREFERENCED_PARAMETER(Reason);
    UNREFERENCED_PARAMETER(Record);
    UNREFERENCED_PARAMETER(ReasonSpecificData);
    UNREFERENCED_PARAMETER(ReasonSpecificDataLength);
    switch (DpMode) {
    case 1:   /* a Unicode conversion at HIGH_LEVEL */
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "cb %ws\n", L"wide");
        break;
    case 2:   /* plain text at HIGH_LEVEL: above DIRQL */
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "cb plain %d\n", 5);
        break;
    default:
        break;
    }
}

unsigned char dp_register(int mode)
{
    DpMode = mode;
    KeInitializeCallbackRecord(&DpRecord);
    return KeRegisterBugCheckReasonCallback(&DpRecord, DpCallback, KbCallbackReserved1,
                                            (PUCHAR)"dbgdrv");
}

void dp_print(const char *text)
{
    DbgPrint("%s", text);
}

void dp_print_ex(unsigned component, unsigned level, const char *text)
{
    DbgPrintEx(component, level, "%s", text);
}

void dp_print_wide(const char *prefix)
{
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "%s%ws|%wZ\n", prefix, L"w\u00e9",
               &(UNICODE_STRING)RTL_CONSTANT_STRING(L"us"));
}

static void vprefix(const char *prefix, ULONG level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vDbgPrintExWithPrefix(prefix, DPFLTR_IHVDRIVER_ID, level, fmt, ap);
    va_end(ap);
}

static void vplain(ULONG level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vDbgPrintEx(DPFLTR_IHVDRIVER_ID, level, fmt, ap);
    va_end(ap);
}

void dp_vprint(const char *prefix, int value)
{
    if (prefix)
        vprefix(prefix, DPFLTR_ERROR_LEVEL, "v=%d %I64x\n", value, 0x1234567890ULL);
    else
        vplain(DPFLTR_ERROR_LEVEL, "v=%d %lx\n", value, 0xAABBCCDDEEULL);
}

/* 600 characters in one call: Windows transmits 512 bytes of one call. */
void dp_print_long(void)
{
    char s[601];
    for (int i = 0; i < 600; i++)
        s[i] = (char)('a' + i % 26);
    s[600] = '\0';
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "%s", s);
}

void dp_print_nul(void)
{
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "before%cafter\n", 0);
}

long dp_set_filter(unsigned component, unsigned level, int state)
{
    return DbgSetDebugFilterState(component, level, (BOOLEAN)state);
}

long dp_query_filter(unsigned component, unsigned level)
{
    return DbgQueryDebugFilterState(component, level);
}

/* Checked build: KdPrint / KdPrintEx are DbgPrint / DbgPrintEx. */
void dp_kdprint(void)
{
    KdPrint(("kd %d\n", 1));
    KdPrintEx((DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "kdex %d\n", 2));
}

unsigned char dp_debugger_not_present(void)
{
    return KdRefreshDebuggerNotPresent();
}
