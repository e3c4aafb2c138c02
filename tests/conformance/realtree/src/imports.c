/*
 * imports.c — kernel exports a real tree declares by hand because the WDK does not: the boot
 * video routines a crash handler writes the blue screen with (bcsim implements them), and
 * undocumented ones bcsim does not provide (HalDisplayString, ZwQuerySystemInformation,
 * InitSafeBootMode): the module still loads; each call reports UNRESOLVED_IMPORT and returns 0.
 */
#include "inc\drvcommon.h"

NTHALAPI VOID NTAPI HalDisplayString(PUCHAR String);
NTSYSAPI NTSTATUS NTAPI ZwQuerySystemInformation(ULONG SystemInformationClass, PVOID SystemInformation,
                                                 ULONG SystemInformationLength, PULONG ReturnLength);
extern PULONG InitSafeBootMode;
NTKERNELAPI VOID InbvAcquireDisplayOwnership(VOID);
NTKERNELAPI BOOLEAN InbvResetDisplay(VOID);
NTKERNELAPI VOID InbvSolidColorFill(ULONG Left, ULONG Top, ULONG Right, ULONG Bottom, ULONG Color);
NTKERNELAPI VOID InbvSetTextColor(ULONG Color);
NTKERNELAPI BOOLEAN InbvDisplayString(PUCHAR String);
NTKERNELAPI BOOLEAN InbvIsBootDriverInstalled(VOID);

static KBUGCHECK_CALLBACK_RECORD RtRecord;

KBUGCHECK_CALLBACK_ROUTINE RtScreenCallback;

VOID RtScreenCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    if (InbvIsBootDriverInstalled()) {
        InbvAcquireDisplayOwnership();
        InbvResetDisplay();
        InbvSolidColorFill(0, 0, 639, 479, 1);
        InbvSetTextColor(15);
        RT_CHECK(InbvDisplayString((PUCHAR)"*** realtree crash handler\n"));
        InbvDisplayString((PUCHAR)"*** bug check seen, state saved\n");
    }
    HalDisplayString((PUCHAR)"realtree: HAL display\n");
    DbgPrint("rt_imports: callback done\n");
}

DRIVER_UNLOAD RtUnload;

VOID RtUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeDeregisterBugCheckCallback(&RtRecord);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = RtUnload;
    ULONG needed = 0xABCD;
    RT_CHECK(ZwQuerySystemInformation(11, NULL, 0, &needed) == 0);   /* the stub's 0 */
    RT_CHECK(needed == 0xABCD);                                        /* nothing written */
    RT_CHECK(InitSafeBootMode == NULL);                                /* data reads as zeros */
    KeInitializeCallbackRecord(&RtRecord);
    RT_CHECK(KeRegisterBugCheckCallback(&RtRecord, RtScreenCallback, NULL, 0, (PUCHAR)"rt_imports"));
    DbgPrint("rt_imports: all checks passed\n");
    return STATUS_SUCCESS;
}
