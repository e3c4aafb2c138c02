/*
 * bcsim shim: the ntddk-only declarations (wdk-surface.md 2, 3.10, 3.12, 3.15): KeBugCheck,
 * MmIsAddressValid, the system-range data exports, image and process notify routines.
 * KeInitializeCrashDumpHeader is declared in bugcheck.h (wdm.h has it since the Windows 8 kit).
 */
#ifndef BCSIM_SHIM_NTDDK_IMPL_H
#define BCSIM_SHIM_NTDDK_IMPL_H

EXTERN_C_START

__drv_preferredFunction("error logging or driver shutdown",
    "Whenever possible, all kernel-mode components should log an error and "
    "continue to run, rather than calling KeBugCheck")
NTKERNELAPI DECLSPEC_NORETURN VOID NTAPI KeBugCheck(_In_ ULONG BugCheckCode);

/* ---- stacks and IRQL -------------------------------------------------------------------------- */
#if defined(__x86_64__)
#  define KERNEL_STACK_SIZE 0x6000
#  define SYNCH_LEVEL 12
#else
#  define KERNEL_STACK_SIZE 12288
#  define SYNCH_LEVEL (IPI_LEVEL - 2)
#endif

_IRQL_requires_max_(SYNCH_LEVEL)
_IRQL_raises_(SYNCH_LEVEL)
_IRQL_saves_
NTKERNELAPI
KIRQL
NTAPI
KeRaiseIrqlToSynchLevel(
    VOID
    );

/* ---- memory ------------------------------------------------------------------------------------- */
/* Learn: allowed inside bug-check callbacks (bugcheck-api.md 6). */
NTKERNELAPI
BOOLEAN
MmIsAddressValid(
    _In_ PVOID VirtualAddress
    );

/* The virtual address of a physical one (bcsim's synthetic frames, I/O-space mappings); NULL
 * if none. */
NTKERNELAPI
PVOID
MmGetVirtualForPhysical(
    _In_ PHYSICAL_ADDRESS PhysicalAddress
    );

/* System-range data exports (3.12): MmSystemRangeStart is at or below every address bcsim hands
 * to drivers, so harness buffers classify as system space; the user range is just below it. */
extern NTKERNELAPI const PVOID MmSystemRangeStart;
extern NTKERNELAPI const PVOID MmHighestUserAddress;
extern NTKERNELAPI const ULONG64 MmUserProbeAddress;
#define MM_SYSTEM_RANGE_START MmSystemRangeStart
#define MM_HIGHEST_USER_ADDRESS MmHighestUserAddress
#define MM_USER_PROBE_ADDRESS MmUserProbeAddress

/* Obsolete but still read by drivers; bcsim simulates one processor. */
extern NTSYSAPI CCHAR KeNumberProcessors;

/* ---- image load notification -------------------------------------------------------------------- */
#define IMAGE_ADDRESSING_MODE_32BIT 3

typedef struct _IMAGE_INFO {
    union {
        ULONG Properties;
        struct {
            ULONG ImageAddressingMode : 8;
            ULONG SystemModeImage : 1;
            ULONG ImageMappedToAllPids : 1;
            ULONG ExtendedInfoPresent : 1;
            ULONG MachineTypeMismatch : 1;
            ULONG ImageSignatureLevel : 4;
            ULONG ImageSignatureType : 3;
            ULONG ImagePartialMap : 1;
            ULONG Reserved : 12;
        };
    };
    PVOID ImageBase;
    ULONG ImageSelector;
    SIZE_T ImageSize;
    ULONG ImageSectionNumber;
} IMAGE_INFO, *PIMAGE_INFO;

typedef struct _IMAGE_INFO_EX {
    SIZE_T Size;
    IMAGE_INFO ImageInfo;
    struct _FILE_OBJECT *FileObject;
} IMAGE_INFO_EX, *PIMAGE_INFO_EX;

typedef
_IRQL_requires_same_
_Function_class_(LOAD_IMAGE_NOTIFY_ROUTINE)
VOID
LOAD_IMAGE_NOTIFY_ROUTINE(
    _In_opt_ PUNICODE_STRING FullImageName,
    _In_ HANDLE ProcessId,
    _In_ PIMAGE_INFO ImageInfo
    );
typedef LOAD_IMAGE_NOTIFY_ROUTINE *PLOAD_IMAGE_NOTIFY_ROUTINE;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
PsSetLoadImageNotifyRoutine(
    _In_ PLOAD_IMAGE_NOTIFY_ROUTINE NotifyRoutine
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
PsRemoveLoadImageNotifyRoutine(
    _In_ PLOAD_IMAGE_NOTIFY_ROUTINE NotifyRoutine
    );

/* ---- process and thread notification ------------------------------------------------------------ */
typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
_Function_class_(CREATE_PROCESS_NOTIFY_ROUTINE)
VOID
CREATE_PROCESS_NOTIFY_ROUTINE(
    _In_ HANDLE ParentId,
    _In_ HANDLE ProcessId,
    _In_ BOOLEAN Create
    );
typedef CREATE_PROCESS_NOTIFY_ROUTINE *PCREATE_PROCESS_NOTIFY_ROUTINE;

typedef struct _PS_CREATE_NOTIFY_INFO {
    _In_ SIZE_T Size;
    union {
        _In_ ULONG Flags;
        struct {
            _In_ ULONG FileOpenNameAvailable : 1;
            _In_ ULONG IsSubsystemProcess : 1;
            _In_ ULONG Reserved : 30;
        };
    };
    _In_ HANDLE ParentProcessId;
    _In_ CLIENT_ID CreatingThreadId;
    _Inout_ struct _FILE_OBJECT *FileObject;
    _In_ PCUNICODE_STRING ImageFileName;
    _In_opt_ PCUNICODE_STRING CommandLine;
    _Inout_ NTSTATUS CreationStatus;
} PS_CREATE_NOTIFY_INFO, *PPS_CREATE_NOTIFY_INFO;

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
_Function_class_(CREATE_PROCESS_NOTIFY_ROUTINE_EX)
VOID
CREATE_PROCESS_NOTIFY_ROUTINE_EX(
    _Inout_ PEPROCESS Process,
    _In_ HANDLE ProcessId,
    _Inout_opt_ PPS_CREATE_NOTIFY_INFO CreateInfo
    );
typedef CREATE_PROCESS_NOTIFY_ROUTINE_EX *PCREATE_PROCESS_NOTIFY_ROUTINE_EX;

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
_Function_class_(CREATE_THREAD_NOTIFY_ROUTINE)
VOID
CREATE_THREAD_NOTIFY_ROUTINE(
    _In_ HANDLE ProcessId,
    _In_ HANDLE ThreadId,
    _In_ BOOLEAN Create
    );
typedef CREATE_THREAD_NOTIFY_ROUTINE *PCREATE_THREAD_NOTIFY_ROUTINE;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
PsSetCreateProcessNotifyRoutine(
    _In_ PCREATE_PROCESS_NOTIFY_ROUTINE NotifyRoutine,
    _In_ BOOLEAN Remove
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
PsSetCreateProcessNotifyRoutineEx(
    _In_ PCREATE_PROCESS_NOTIFY_ROUTINE_EX NotifyRoutine,
    _In_ BOOLEAN Remove
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
PsSetCreateThreadNotifyRoutine(
    _In_ PCREATE_THREAD_NOTIFY_ROUTINE NotifyRoutine
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
PsRemoveCreateThreadNotifyRoutine(
    _In_ PCREATE_THREAD_NOTIFY_ROUTINE NotifyRoutine
    );

NTKERNELAPI
HANDLE
PsGetProcessId(
    _In_ PEPROCESS Process
    );

/* Learn: RtlWalkFrameChain — reserved for system use (use RtlCaptureStackBackTrace); the
 * frames to skip are Flags >> RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT. */
#define RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT 8
NTSYSAPI
ULONG
NTAPI
RtlWalkFrameChain(
    _Out_writes_(Count - (Flags >> RTL_STACK_WALKING_MODE_FRAMES_TO_SKIP_SHIFT)) PVOID *Callers,
    _In_ ULONG Count,
    _In_ ULONG Flags
    );

/* ---- bus configuration space (Learn: kept for backward compatibility; PCIConfiguration is
 * the only bus data type still supported). The return value is the number of bytes read from /
 * written to configuration space. */
NTHALAPI
ULONG
NTAPI
HalGetBusDataByOffset(
    _In_ BUS_DATA_TYPE BusDataType,
    _In_ ULONG BusNumber,
    _In_ ULONG SlotNumber,
    _Out_writes_bytes_(Length) PVOID Buffer,
    _In_ ULONG Offset,
    _In_ ULONG Length
    );

NTHALAPI
ULONG
NTAPI
HalSetBusDataByOffset(
    _In_ BUS_DATA_TYPE BusDataType,
    _In_ ULONG BusNumber,
    _In_ ULONG SlotNumber,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ ULONG Offset,
    _In_ ULONG Length
    );

NTHALAPI
ULONG
NTAPI
HalGetBusData(
    _In_ BUS_DATA_TYPE BusDataType,
    _In_ ULONG BusNumber,
    _In_ ULONG SlotNumber,
    _Out_writes_bytes_(Length) PVOID Buffer,
    _In_ ULONG Length
    );

NTHALAPI
ULONG
NTAPI
HalSetBusData(
    _In_ BUS_DATA_TYPE BusDataType,
    _In_ ULONG BusNumber,
    _In_ ULONG SlotNumber,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ ULONG Length
    );

EXTERN_C_END

#endif /* BCSIM_SHIM_NTDDK_IMPL_H */
