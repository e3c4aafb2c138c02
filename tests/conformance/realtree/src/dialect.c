/*
 * dialect.c — the MSVC dialect a Windows tree is written in: a header reached by a backslash
 * path in another case, __declspec / _declspec modifiers (inline, noinline, selectany, align,
 * deprecated, a modifier sequence), pragmas, SAL 1 and SAL 2, __drv_* annotations,
 * __analysis_assume, __annotation. DriverEntry checks what they mean at run time.
 */
#include "inc\drvcommon.h"
#include "INC/unwind.H"

DRIVER_INITIALIZE DriverEntry;
#pragma alloc_text(INIT, DriverEntry)
#pragma section(".rtdata", read, write)
#pragma comment(lib, "ntoskrnl.lib")
#pragma intrinsic(_ReturnAddress)
#pragma warning(disable: 4100)

__declspec(selectany) ULONG RtSelected = 7;
__declspec(align(64)) static UCHAR RtAligned[16];
__declspec(allocate(".rtdata")) ULONG RtPlaced = 3;
DECLSPEC_NOINLINE ULONG RtSecondTu(void);      /* dialect2.c */
PVOID RtSecondTuHash(void);

__declspec(deprecated("use RtSum")) static ULONG RtOldSum(ULONG a) { return a; }

_declspec(noinline) ULONG RtSum(__in_ecount(Count) const ULONG *Values, __in ULONG Count)
{
    ULONG s = 0;
    __analysis_assume(Count < 100);
    for (ULONG i = 0; i < Count; i++)
        s += Values[i];
    return s;
}

__declspec(dllexport noinline) ULONG __stdcall RtExported(_In_ ULONG v) { return v + 1; }

_Use_decl_annotations_
NTSTATUS RtFill(PVOID Buffer, ULONG Size, PULONG Written, PVOID Scratch)
{
    UNREFERENCED_PARAMETER(Scratch);
    RtlFillMemory(Buffer, Size, 0x5A);
    *Written = Size;
    return STATUS_SUCCESS;
}

_Function_class_(DRIVER_INITIALIZE)
_IRQL_requires_same_
__drv_dispatchType(IRP_MJ_CREATE)
NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __annotation(L"realtree", L"DriverEntry");
    ULONG values[3] = { 1, 2, 3 };
    BYTE small = 200;
    WORD word = 60000;
    BOOL flag = TRUE;
    RUNTIME_FUNCTION rf = { 0, 0, 0 };
    UCHAR buf[8];
    ULONG written = 0;

    RT_CHECK(RtSum(values, 3) == 6);
    RT_CHECK(RtHash("abc") == RtSecondTu());
    RT_CHECK((PVOID)&RtHash == RtSecondTuHash());   /* one copy of the __declspec(inline) body */
    RT_CHECK(RtSelected == 7 && RtPlaced == 3);
    RT_CHECK(((ULONG_PTR)RtAligned & 63) == 0);
#pragma warning(suppress: 4996)
    RT_CHECK(RtOldSum(5) == 5);
    RT_CHECK(RtExported(1) == 2);
    RT_CHECK(NT_SUCCESS(RtFill(buf, sizeof(buf), &written, NULL)) && written == 8 && buf[7] == 0x5A);
    RT_CHECK(small == 200 && word == 60000 && flag && sizeof(rf) == 12);
    RT_CHECK(RT_VERSION_MAJOR == 2);
    RtTrace("version %s, all checks passed", RT_VERSION_STRING);
    DbgPrint("rt_dialect: all checks passed\n");
    return STATUS_SUCCESS;
}
