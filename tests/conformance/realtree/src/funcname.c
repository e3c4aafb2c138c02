/*
 * funcname.c — a logging macro that puts __FUNCTION__ between string literals, as MSVC accepts
 * and clang 17+ accepts in MS-extensions mode (gcc cannot: this TU is built with clang only).
 */
#include ".\INC\DrvCommon.h"
#include "..\Version.h"

#define RT_LOG(fmt, ...) DbgPrint(RT_MODULE "|" __FUNCTION__ ": " fmt "\n", __VA_ARGS__)

static const char RtName[] = __FUNCTION__ "";

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    static const char prefix[] = RT_MODULE "|" __FUNCTION__ ": ";
    RT_CHECK(RtlCompareMemory(prefix, "realtree|DriverEntry: ", sizeof(prefix)) == sizeof(prefix));
    RT_LOG("%s", "logged");
    RT_CHECK(RtName[0] == '\0');           /* __FUNCTION__ outside a function is "" */
    DbgPrint("rt_funcname: all checks passed\n");
    return STATUS_SUCCESS;
}
