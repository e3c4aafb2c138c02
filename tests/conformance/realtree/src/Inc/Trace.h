/*
 * Trace.h — the tree's logging, included by DrvCommon.h as a sibling ("Trace.h"). A Windows tree
 * writes its prefix with __FUNCTION__ next to string literals only under clang-19/MSVC
 * (src/funcname.c); everything else here builds with gcc too.
 */
#pragma once

#define RT_MODULE "realtree"
#define RtTrace(fmt, ...) DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, RT_MODULE ": " fmt "\n", __VA_ARGS__)

/* A check that fails the run: a breakpoint without a debugger is a violation (BREAKPOINT). */
#define RT_CHECK(e)                                                                           \
    __pragma(warning(suppress: 4127))                                                         \
    do {                                                                                      \
        if (!(e)) {                                                                           \
            DbgPrint(RT_MODULE ": RT_CHECK failed: %s (%s:%d)\n", #e, __FILE__, __LINE__);   \
            __debugbreak();                                                                   \
        }                                                                                     \
    } while (0)
