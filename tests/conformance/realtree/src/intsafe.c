/* intsafe.c — ntintsafe.h's overflow results: STATUS_INTEGER_OVERFLOW and the _ERROR value. */
#define ENABLE_INTSAFE_SIGNED_FUNCTIONS
#include "inc\drvcommon.h"
#include <ntintsafe.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    ULONG ul;
    SIZE_T sz;
    ULONGLONG ull;
    USHORT us;
    LONG l;
    INT i;

    RT_CHECK(RtlULongAdd(0xFFFFFFF0u, 0x0F, &ul) == STATUS_SUCCESS && ul == 0xFFFFFFFFu);
    RT_CHECK(RtlULongAdd(0xFFFFFFF0u, 0x10, &ul) == STATUS_INTEGER_OVERFLOW && ul == ULONG_ERROR);
    RT_CHECK(RtlULongSub(5, 6, &ul) == STATUS_INTEGER_OVERFLOW && ul == ULONG_ERROR);
    RT_CHECK(RtlULongMult(0x10000, 0x10000, &ul) == STATUS_INTEGER_OVERFLOW && ul == 0xFFFFFFFFu);
    RT_CHECK(RtlULongMult(0x10000, 0xFFFF, &ul) == STATUS_SUCCESS && ul == 0xFFFF0000u);
    RT_CHECK(RtlSizeTAdd((SIZE_T)-1, 1, &sz) == STATUS_INTEGER_OVERFLOW && sz == SIZET_ERROR);
    RT_CHECK(RtlSizeTMult((SIZE_T)1 << 32, (SIZE_T)1 << 31, &sz) == STATUS_SUCCESS && sz == (SIZE_T)1 << 63);
    RT_CHECK(RtlSizeTMult((SIZE_T)1 << 32, (SIZE_T)1 << 32, &sz) == STATUS_INTEGER_OVERFLOW);
    RT_CHECK(RtlULongLongSub(0, 1, &ull) == STATUS_INTEGER_OVERFLOW && ull == ULONGLONG_ERROR);
    RT_CHECK(RtlULongLongToULong(0x100000000ull, &ul) == STATUS_INTEGER_OVERFLOW && ul == ULONG_ERROR);
    RT_CHECK(RtlULongLongToULong(0xFFFFFFFFull, &ul) == STATUS_SUCCESS && ul == 0xFFFFFFFFu);
    RT_CHECK(RtlSizeTToULong((SIZE_T)0x1FFFFFFFF, &ul) == STATUS_INTEGER_OVERFLOW);
    RT_CHECK(RtlULongToUShort(0x10000, &us) == STATUS_INTEGER_OVERFLOW && us == USHORT_ERROR);
    RT_CHECK(RtlLongToULong(-1, &ul) == STATUS_INTEGER_OVERFLOW && ul == ULONG_ERROR);
    RT_CHECK(RtlULongToLong(0x80000000u, &l) == STATUS_INTEGER_OVERFLOW && l == LONG_ERROR);
    RT_CHECK(RtlLongLongToLong(-2147483648LL, &l) == STATUS_SUCCESS && l == MINLONG);
    RT_CHECK(RtlLongAdd(MAXLONG, 1, &l) == STATUS_INTEGER_OVERFLOW && l == -1);
    RT_CHECK(RtlIntMult(-46341, 46341, &i) == STATUS_INTEGER_OVERFLOW);
    RT_CHECK(RtlIntMult(-46340, 46340, &i) == STATUS_SUCCESS && i == -2147395600);
    DbgPrint("rt_intsafe: all checks passed\n");
    return STATUS_SUCCESS;
}
