/*
 * tests/conformance/drv_cpp.cpp — a C++ callback TU (wdk-surface.md S6, S7): decltype of the
 * registration routine, routines declared through role types, SEH in the form real C++ drivers
 * write it, DEFINE_GUID with INITGUID, IsEqualGUID on references, templates and constexpr
 * around shim types. Compile-only conformance TU, C++17.
 */
#define INITGUID
#include <ntddk.h>
#include <aux_klib.h>
#include <wdf.h>

DEFINE_GUID(GUID_BCSIM_CPP_DATA, 0x4e7a90c1, 0x12ab, 0x4c3d, 0x8e, 0x0f, 0x5a, 0x6b, 0x7c, 0x8d, 0x9e, 0xaf);

namespace {

using RegisterFn = decltype(KeRegisterBugCheckCallback);
using RegisterReasonFn = decltype(&KeRegisterBugCheckReasonCallback);
constexpr RegisterFn *g_register = &KeRegisterBugCheckCallback;

template <typename T>
constexpr ULONG SizeOf() { return static_cast<ULONG>(sizeof(T)); }
static_assert(SizeOf<KBUGCHECK_CALLBACK_RECORD>() == 0x40, "legacy record");
static_assert(SizeOf<KBUGCHECK_REASON_CALLBACK_RECORD>() == 0x30, "reason record");

struct CallbackState {
    KBUGCHECK_CALLBACK_RECORD Legacy;
    KBUGCHECK_REASON_CALLBACK_RECORD Reason;
    UCHAR Buffer[32];
    LONG Faults;
};

CallbackState g_state;

} // namespace

extern "C" DRIVER_INITIALIZE DriverEntry;
KBUGCHECK_CALLBACK_ROUTINE CppLegacyCallback;
KBUGCHECK_REASON_CALLBACK_ROUTINE CppReasonCallback;

_Use_decl_annotations_
VOID CppLegacyCallback(PVOID Buffer, ULONG Length)
{
    __try {
        RtlZeroMemory(Buffer, Length);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        InterlockedIncrement(&g_state.Faults);
    }
}

_Use_decl_annotations_
VOID CppReasonCallback(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record,
                       PVOID ReasonSpecificData, ULONG ReasonSpecificDataLength)
{
    UNREFERENCED_PARAMETER(Record);
    if (Reason != KbCallbackSecondaryDumpData || ReasonSpecificDataLength < sizeof(KBUGCHECK_SECONDARY_DUMP_DATA))
        return;
    auto *data = static_cast<PKBUGCHECK_SECONDARY_DUMP_DATA>(ReasonSpecificData);
    if (data->OutBuffer == nullptr) {
        data->Guid = GUID_BCSIM_CPP_DATA;
        data->OutBufferLength = sizeof(g_state.Buffer);
    } else if (IsEqualGUID(data->Guid, GUID_BCSIM_CPP_DATA)) {
        data->OutBuffer = g_state.Buffer;
    }
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    NTSTATUS status = STATUS_SUCCESS;
    KeInitializeCallbackRecord(&g_state.Legacy);
    KeInitializeCallbackRecord(&g_state.Reason);
    if (!g_register(&g_state.Legacy, CppLegacyCallback, g_state.Buffer, sizeof(g_state.Buffer),
                    reinterpret_cast<PUCHAR>(const_cast<char *>("BcsimCpp"))))
        return STATUS_UNSUCCESSFUL;
    RegisterReasonFn registerReason = KeRegisterBugCheckReasonCallback;
    if (!registerReason(&g_state.Reason, CppReasonCallback, KbCallbackSecondaryDumpData,
                        reinterpret_cast<PUCHAR>(const_cast<char *>("BcsimCpp"))))
        status = STATUS_UNSUCCESSFUL;
    __try {
        if (!NT_SUCCESS(status))
            __leave;
        status = AuxKlibInitialize();
    } __finally {
        if (AbnormalTermination())
            status = STATUS_UNSUCCESSFUL;
    }
    return status;
}
