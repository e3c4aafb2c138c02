/*
 * cppdrv.cpp — a C++ driver TU as Windows trees write one: extern "C" DriverEntry, the driver's
 * own operator new/delete on pool (the kernel has no C++ runtime), a class hierarchy with virtual
 * functions, a static object whose constructor runs before DriverEntry, and a bug-check callback
 * that uses it.
 */
#include "inc\DrvCommon.h"

#define RT_TAG 'ppCR'

void *__cdecl operator new(size_t Size)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, RT_TAG);
}
void *__cdecl operator new(size_t Size, POOL_FLAGS Flags, ULONG Tag)
{
    return ExAllocatePool2(Flags, Size, Tag);
}
void __cdecl operator delete(void *P) noexcept
{
    if (P)
        ExFreePoolWithTag(P, RT_TAG);
}
void __cdecl operator delete(void *P, size_t) noexcept
{
    if (P)
        ExFreePoolWithTag(P, RT_TAG);
}

namespace realtree {

class Recorder {
public:
    virtual ~Recorder() {}
    virtual ULONG Kind() const = 0;
    void Note(ULONG v) { m_last = v; m_count++; }
    ULONG Count() const { return m_count; }
protected:
    ULONG m_last = 0;
    ULONG m_count = 0;
};

class CrashRecorder : public Recorder {
public:
    ULONG Kind() const override { return 0xC0DE; }
};

struct Startup {
    ULONG Magic;
    Startup() : Magic(0x5A5A5A5A) {}        /* a static constructor */
};

Startup g_startup;
Recorder *g_recorder;
KBUGCHECK_CALLBACK_RECORD g_record;

} // namespace realtree

using namespace realtree;

extern "C" {
DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD RtUnload;
KBUGCHECK_CALLBACK_ROUTINE RtCppCallback;
}

VOID RtCppCallback(PVOID Buffer, ULONG Length)
{
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    if (g_recorder) {
        g_recorder->Note(KeGetCurrentIrql());
        RT_CHECK(g_recorder->Count() == 1 && g_recorder->Kind() == 0xC0DE);
        DbgPrint("rt_cpp: callback used the recorder\n");
    }
}

VOID RtUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeDeregisterBugCheckCallback(&g_record);
    delete g_recorder;
    g_recorder = nullptr;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    RT_CHECK(g_startup.Magic == 0x5A5A5A5A);
    g_recorder = new (POOL_FLAG_NON_PAGED, RT_TAG) CrashRecorder();
    RT_CHECK(g_recorder != nullptr && g_recorder->Kind() == 0xC0DE);
    Recorder *extra = new CrashRecorder();
    RT_CHECK(extra && extra->Count() == 0);
    delete extra;
    KeInitializeCallbackRecord(&g_record);
    RT_CHECK(KeRegisterBugCheckCallback(&g_record, RtCppCallback, NULL, 0, (PUCHAR)"rt_cpp"));
    DriverObject->DriverUnload = RtUnload;
    DbgPrint("rt_cpp: all checks passed\n");
    return STATUS_SUCCESS;
}
