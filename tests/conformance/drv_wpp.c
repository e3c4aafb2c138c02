/*
 * tests/conformance/drv_wpp.c — a WPP-traced callback TU (wdk-surface.md 4): the trace header, then
 * the generated drv_wpp.tmh (cmake/BcsimWpp.cmake), flag names as masks, TraceEvents/Trace with
 * WPP-only conversions, WPP_INIT_TRACING/WPP_CLEANUP. Compile-only conformance TU, C and C++.
 */
#include <ntddk.h>
#include "drv_wpp_trace.h"
#include "drv_wpp.tmh"

/* The flags are masks in declaration order. */
C_ASSERT(MYDRIVER_ALL_INFO == 0x1 && TRACE_DRIVER == 0x2 && TRACE_DEVICE == 0x4 && TRACE_QUEUE == 0x8);

DRIVER_INITIALIZE WppDriverEntry;
DRIVER_UNLOAD WppUnload;
KBUGCHECK_CALLBACK_ROUTINE WppCallback;

static KBUGCHECK_CALLBACK_RECORD g_WppRecord;

_Use_decl_annotations_
VOID WppCallback(PVOID Buffer, ULONG Length)
{
    TraceEvents(TRACE_LEVEL_ERROR, TRACE_DRIVER, "%!FUNC! bug check: buffer %p length %u", Buffer, Length);
    Trace(TRACE_LEVEL_VERBOSE, "%!FUNC! done");
}

_Use_decl_annotations_
VOID WppUnload(PDRIVER_OBJECT DriverObject)
{
    (void)KeDeregisterBugCheckCallback(&g_WppRecord);
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_DRIVER, "%!FUNC! Exit");
    WPP_CLEANUP(DriverObject);
}

_Use_decl_annotations_
NTSTATUS WppDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status = STATUS_SUCCESS;
    WPP_INIT_TRACING(DriverObject, RegistryPath);
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_DRIVER, "%!FUNC! Entry");
    DriverObject->DriverUnload = WppUnload;
    KeInitializeCallbackRecord(&g_WppRecord);
    if (!KeRegisterBugCheckCallback(&g_WppRecord, WppCallback, NULL, 0, (PUCHAR)"BcsimWpp")) {
        status = STATUS_UNSUCCESSFUL;
        TraceEvents(TRACE_LEVEL_ERROR, TRACE_DRIVER | TRACE_DEVICE, "%!FUNC! registration failed %!STATUS!", status);
        WPP_CLEANUP(DriverObject);
    }
    DoTraceMessage(TRACE_QUEUE, "queue ready");
    return status;
}
