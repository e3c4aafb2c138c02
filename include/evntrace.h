/*
 * bcsim shim: evntrace.h — the event-tracing names WPP-traced drivers use (wdk-surface.md 4):
 * trace levels and the trace handle. Freestanding.
 */
#ifndef _EVNTRACE_
#define _EVNTRACE_
#define BCSIM_SHIM_EVNTRACE_H 1

#include <ntdef.h>

#define TRACE_LEVEL_NONE        0   /* tracing is not on */
#define TRACE_LEVEL_CRITICAL    1   /* abnormal exit or termination */
#define TRACE_LEVEL_FATAL       1   /* deprecated name for abnormal exit or termination */
#define TRACE_LEVEL_ERROR       2   /* severe errors that need logging */
#define TRACE_LEVEL_WARNING     3   /* warnings such as allocation failure */
#define TRACE_LEVEL_INFORMATION 4   /* includes non-error cases (e.g. entry-exit) */
#define TRACE_LEVEL_VERBOSE     5   /* detailed traces from intermediate steps */
#define TRACE_LEVEL_RESERVED6   6
#define TRACE_LEVEL_RESERVED7   7
#define TRACE_LEVEL_RESERVED8   8
#define TRACE_LEVEL_RESERVED9   9

#define EVENT_TRACE_TYPE_INFO   0x00
#define EVENT_TRACE_TYPE_START  0x01
#define EVENT_TRACE_TYPE_END    0x02

#ifndef INVALID_PROCESSTRACE_HANDLE
#  define INVALID_PROCESSTRACE_HANDLE ((TRACEHANDLE)0xFFFFFFFFFFFFFFFFULL)
#endif

#endif /* _EVNTRACE_ */
