/*
 * bcsim shim: ntiodump.h — bcsim's own header for the dump-type values passed in
 * KBUGCHECK_SECONDARY_DUMP_DATA_EX.DumpType and accepted by KeInitializeCrashDumpHeader
 * (bugcheck-api.md 1.4). Not part of the WDK kit: wdm.h deliberately does not define these
 * names, because drivers may define them themselves.
 */
#ifndef BCSIM_SHIM_NTIODUMP_H
#define BCSIM_SHIM_NTIODUMP_H

#include <ntdef.h>

EXTERN_C_START

typedef enum _DUMP_TYPES {
    DUMP_TYPE_INVALID = -1,
    DUMP_TYPE_UNKNOWN = 0,
    DUMP_TYPE_FULL = 1,            /* complete memory dump; the only KeInitializeCrashDumpHeader type */
    DUMP_TYPE_SUMMARY = 2,         /* old kernel summary dump */
    DUMP_TYPE_HEADER = 3,          /* header only */
    DUMP_TYPE_TRIAGE = 4,          /* small memory dump (minidump) */
    DUMP_TYPE_BITMAP_FULL = 5,     /* bitmap dump */
    DUMP_TYPE_BITMAP_KERNEL = 6,   /* bitmap dump */
    DUMP_TYPE_AUTOMATIC = 7
} DUMP_TYPES;

EXTERN_C_END

#endif /* BCSIM_SHIM_NTIODUMP_H */
