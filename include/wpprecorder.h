/*
 * bcsim shim: wpprecorder.h — the WPP recorder (in-flight trace recorder) names, as no-ops
 * (wdk-surface.md 3.17, 4). On Windows these come from WppRecorder.lib; bcsim's trace sink
 * already captures every WPP trace, so the recorder API only has to compile and succeed.
 */
#ifndef BCSIM_SHIM_WPPRECORDER_H
#define BCSIM_SHIM_WPPRECORDER_H

#include <wdm.h>

EXTERN_C_START

typedef PVOID RECORDER_LOG, *PRECORDER_LOG;
#define WPP_RECORDER_DEFAULT_LOG_HANDLE ((RECORDER_LOG)NULL)
#define RECORDER_LOG_IDENTIFIER_MAX_CHARS 32

typedef struct _RECORDER_LOG_CREATE_PARAMS {
    ULONG CreateFlags;
    ULONG TotalBufferSize;
    ULONG ConcurrentBufferSize;
    ULONG ErrorPartitionSize;
    CHAR LogIdentifier[RECORDER_LOG_IDENTIFIER_MAX_CHARS];
} RECORDER_LOG_CREATE_PARAMS, *PRECORDER_LOG_CREATE_PARAMS;

BCSIM_SHIM_INLINE VOID RECORDER_LOG_CREATE_PARAMS_INIT(_Out_ PRECORDER_LOG_CREATE_PARAMS Params,
                                                       _In_opt_ PSTR LogIdentifier)
{
    RtlZeroMemory(Params, sizeof(*Params));
    if (LogIdentifier) {
        ULONG i = 0;
        for (; i + 1 < RECORDER_LOG_IDENTIFIER_MAX_CHARS && LogIdentifier[i]; i++)
            Params->LogIdentifier[i] = LogIdentifier[i];
    }
}

BCSIM_SHIM_INLINE NTSTATUS WppRecorderLogCreate(_In_ PRECORDER_LOG_CREATE_PARAMS CreateParams,
                                                _Out_ RECORDER_LOG *RecorderLog)
{
    UNREFERENCED_PARAMETER(CreateParams);
    *RecorderLog = WPP_RECORDER_DEFAULT_LOG_HANDLE;
    return STATUS_SUCCESS;
}

BCSIM_SHIM_INLINE VOID WppRecorderLogDelete(_In_ RECORDER_LOG RecorderLog)
{
    UNREFERENCED_PARAMETER(RecorderLog);
}

BCSIM_SHIM_INLINE RECORDER_LOG WppRecorderLogGetDefault(VOID)
{
    return WPP_RECORDER_DEFAULT_LOG_HANDLE;
}

BCSIM_SHIM_INLINE NTSTATUS WppRecorderLogSetIdentifier(_In_ RECORDER_LOG RecorderLog,
                                                       _In_ PSTR LogIdentifier)
{
    UNREFERENCED_PARAMETER(RecorderLog);
    UNREFERENCED_PARAMETER(LogIdentifier);
    return STATUS_SUCCESS;
}

EXTERN_C_END

#endif /* BCSIM_SHIM_WPPRECORDER_H */
