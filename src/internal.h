/*
 * src/internal.h — the vocabulary every room of the harness side of src/ shares (glibc world):
 * page arithmetic, the Windows constants and the exact record layouts, plus the two headers of
 * src/base every room reads (util.h, state.h). Each room's services are in its own header
 * (memory/memory.h, verifier/verifier.h, machine/machine.h, dispatcher/dispatcher.h, ...); a
 * file includes only headers of its own room and the rooms below it (docs/ARCHITECTURE.md).
 *
 * Prefixes: bcsim_ public (include/bcsim.h), bcsim__ shared inside src/, static otherwise.
 * All state of the one simulated machine hangs off `bcsim__m` (base/state.h).
 */
#ifndef BCSIM_INTERNAL_H
#define BCSIM_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bcsim.h"
#include "bridge.h"
#include "base/vec.h"

#define BCSIM_PAGE_SIZE 0x1000ULL
#define BCSIM_PAGE_SHIFT 12
#define BCSIM_PAGE_ROUND_UP(x) (((uint64_t)(x) + 0xFFFULL) & ~0xFFFULL)
#define BCSIM_PAGE_ROUND_DOWN(x) ((uint64_t)(x) & ~0xFFFULL)
#define BCSIM_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BCSIM_MIN(a, b) ((a) < (b) ? (a) : (b))
#define BCSIM_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Copies driver memory as the kernel would: a string move, which neither the compiler nor a
 * sanitizer's memcpy interceptor sees. A driver built with ASan keeps redzones between its
 * globals, and its pages are read whole (dumps, restores) even when bcsim itself is not built
 * with ASan: the interceptor is in any program that links the ASan runtime. x86-64 only, as
 * all of bcsim; fast for large copies on processors with ERMS. */
static inline void bcsim__raw_copy(void *dst, const void *src, size_t n)
{
    __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* ---- Windows constants the harness needs (values from shared/spec) ------------------- */
#define BCSIM_IRQL_PASSIVE 0
#define BCSIM_IRQL_APC 1
#define BCSIM_IRQL_DISPATCH 2
#define BCSIM_IRQL_DIRQL 12      /* device IRQLs are 3..12 on x64; bcsim uses 12 as "DIRQL" */
#define BCSIM_IRQL_HIGH 15

#define BCSIM_STATUS_SUCCESS 0x00000000
#define BCSIM_STATUS_UNSUCCESSFUL ((int32_t)0xC0000001)
#define BCSIM_STATUS_NOT_IMPLEMENTED ((int32_t)0xC0000002)
#define BCSIM_STATUS_INFO_LENGTH_MISMATCH ((int32_t)0xC0000004)
#define BCSIM_STATUS_ACCESS_VIOLATION ((int32_t)0xC0000005)
#define BCSIM_STATUS_INVALID_PARAMETER ((int32_t)0xC000000D)
#define BCSIM_STATUS_NO_MEMORY ((int32_t)0xC0000017)
#define BCSIM_STATUS_ILLEGAL_INSTRUCTION ((int32_t)0xC000001D)
#define BCSIM_STATUS_BUFFER_TOO_SMALL ((int32_t)0xC0000023)
#define BCSIM_STATUS_INTEGER_DIVIDE_BY_ZERO ((int32_t)0xC0000094)
#define BCSIM_STATUS_PRIVILEGED_INSTRUCTION ((int32_t)0xC0000096)
#define BCSIM_STATUS_INSUFFICIENT_RESOURCES ((int32_t)0xC000009A)
#define BCSIM_STATUS_NOT_SUPPORTED ((int32_t)0xC00000BB)
#define BCSIM_STATUS_INVALID_PARAMETER_4 ((int32_t)0xC00000F2)
#define BCSIM_STATUS_STACK_OVERFLOW ((int32_t)0xC00000FD)
#define BCSIM_STATUS_BREAKPOINT ((int32_t)0x80000003)
#define BCSIM_STATUS_DATATYPE_MISALIGNMENT ((int32_t)0x80000002)
#define BCSIM_STATUS_IN_PAGE_ERROR ((int32_t)0xC0000006)

#define BCSIM_BC_IRQL_NOT_LESS_OR_EQUAL 0x0A
#define BCSIM_BC_KMODE_EXCEPTION_NOT_HANDLED 0x1E
#define BCSIM_BC_PAGE_FAULT_IN_NONPAGED_AREA 0x50
#define BCSIM_BC_UNEXPECTED_KERNEL_MODE_TRAP 0x7F
#define BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION 0xC4
#define BCSIM_BC_DRIVER_UNLOADED_WITHOUT_CANCELLING 0xCE
#define BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL 0xD1
#define BCSIM_BC_DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL 0xD5
#define BCSIM_BC_MANUALLY_INITIATED_CRASH 0xE2
#define BCSIM_BC_POWER_FAILURE_SIMULATE 0xE5
#define BCSIM_BC_DRIVER_VIOLATION 0x121
#define BCSIM_BC_KERNEL_SECURITY_CHECK_FAILURE 0x139

/* ---- record mirrors: the exact x64 layouts of bugcheck-api.md 5.1/5.2 ----------------
 * The shim's KBUGCHECK_*_RECORD types are asserted to the same offsets; the conformance
 * test tests/conformance/layout_bridge.c checks the two worlds agree. */
typedef struct bcsim__list {
    struct bcsim__list *flink;
    struct bcsim__list *blink;
} bcsim__list_t;

typedef struct bcsim__lrec {
    bcsim__list_t entry;
    void *routine;
    void *buffer;
    uint32_t length;
    uint8_t *component;
    uint64_t checksum;
    uint8_t state;
} bcsim__lrec_t;

typedef struct bcsim__rrec {
    bcsim__list_t entry;
    void *routine;
    uint8_t *component;
    uint64_t checksum;
    int32_t reason;
    uint8_t state;
} bcsim__rrec_t;

_Static_assert(sizeof(bcsim__lrec_t) == 0x40, "legacy record size");
_Static_assert(offsetof(bcsim__lrec_t, state) == 0x38, "legacy State offset");
_Static_assert(offsetof(bcsim__lrec_t, checksum) == 0x30, "legacy Checksum offset");
_Static_assert(sizeof(bcsim__rrec_t) == 0x30, "reason record size");
_Static_assert(offsetof(bcsim__rrec_t, reason) == 0x28, "reason Reason offset");
_Static_assert(offsetof(bcsim__rrec_t, state) == 0x2C, "reason State offset");

/* No reason: a finding or call not tied to a reason callback. */
#define BCSIM__NO_REASON INT32_MIN

#define BCSIM__LREC_SIZE 0x40u
#define BCSIM__RREC_SIZE 0x30u


#include "base/util.h"
#include "base/state.h"

#endif /* BCSIM_INTERNAL_H */
