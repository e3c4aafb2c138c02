/*
 * DrvCommon.h — the tree's common header, in a folder named "Inc" and reached as
 * "inc\drvcommon.h" (a backslash path and another case), as Windows trees write it. Its own
 * includes are a sibling ("Trace.h") and the tree root ("..\..\Version.h").
 */
#ifndef DRVCOMMON_H
#define DRVCOMMON_H

#pragma warning(push)
#pragma warning(disable: 4201 4214)
#include <NTDDK.H>
#include "Trace.h"
#include "..\..\Version.h"
#pragma warning(pop)

_Analysis_mode_(_Analysis_code_type_kernel_driver_);

/* The tree's own Windows names, which the kernel headers do not declare. */
typedef unsigned char BYTE;
typedef unsigned short WORD;
typedef int BOOL;
#ifndef CALLBACK
#define CALLBACK
#endif

/* A non-static function defined in a header that several TUs include: MSVC keeps one copy. */
__declspec(inline) ULONG RtHash(_In_z_ PCSTR Text)
{
    ULONG h = 2166136261u;
    for (; *Text; Text++)
        h = (h ^ (UCHAR)*Text) * 16777619u;
    return h;
}

_declspec(noinline) __drv_maxIRQL(HIGH_LEVEL)
ULONG RtSum(__in_ecount(Count) const ULONG *Values, __in ULONG Count);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
__checkReturn
NTSTATUS
RtFill(
    _Out_writes_bytes_to_(Size, *Written) PVOID Buffer,
    _In_ ULONG Size,
    _Out_ _Deref_out_range_(0, Size) PULONG Written,
    __inout_bcount_opt(Size) PVOID Scratch
    );

#endif /* DRVCOMMON_H */
