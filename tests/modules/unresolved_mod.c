/*
 * tests/modules/unresolved_mod.c — a driver module (loaded by tests/test_imports.c) importing
 * kernel exports bcsim does not provide, declared by hand as real drivers do: two routines
 * (one only through its address) and one data export; plus an implemented routine, a stubbed
 * one and the C library's strlen.
 */
#include <ntddk.h>

NTHALAPI VOID NTAPI HalDisplayString(PUCHAR String);
NTSYSAPI NTSTATUS NTAPI ZwQuerySystemInformation(ULONG Class, PVOID Info, ULONG Length, PULONG Needed);
extern ULONG InitSafeBootMode;

static volatile ULONG UmSafeBoot = 0xFFFF;
static volatile NTSTATUS UmStatus = 0x1234;
typedef NTSTATUS (NTAPI *ZWQSI)(ULONG, PVOID, ULONG, PULONG);
static volatile ZWQSI UmPointer;
static const char *volatile UmText = "unresolved_mod";
static volatile SIZE_T UmLength;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    UCHAR buf[16] = { 0 };
    UmLength = strlen(UmText);                                    /* the C runtime's */
    UmSafeBoot = InitSafeBootMode;                                /* data: zero */
    UmPointer = &ZwQuerySystemInformation;                        /* taken by address */
    UmStatus = UmPointer(0, buf, sizeof(buf), NULL);              /* called through it: 0 */
    HalDisplayString((PUCHAR)"unresolved_mod\n");                  /* the UNRESOLVED_IMPORT line */
    DbgPrint("unresolved_mod: safe boot %u, status %x\n", UmSafeBoot, UmStatus);
    if (DriverObject == NULL)
        IoDeleteDevice(NULL);                                     /* a stub, never called */
    return UmStatus;
}

ULONG um_safe_boot(void) { return UmSafeBoot; }
