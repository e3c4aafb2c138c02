/*
 * src/bridge.h — the one narrow bridge between bcsim's two header worlds.
 *
 * The files in src/nt/ hold the Windows-named entry points. They are compiled with the driver
 * profile (-nostdinc, shim headers, -fshort-wchar) so every definition is checked against
 * the shim's declaration. The rest of src/ is ordinary glibc code. This header is the only
 * thing both sides include, so it uses compiler builtin types only: no <stdint.h>, no
 * Windows types, no wchar_t.
 *
 * Naming: bcsim__<area>_<verb>. Wide strings cross the bridge as `const unsigned short *`.
 */
#ifndef BCSIM_BRIDGE_H
#define BCSIM_BRIDGE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long long bcsim__u64;
typedef unsigned int bcsim__u32;
typedef unsigned short bcsim__u16;
typedef unsigned char bcsim__u8;
typedef long long bcsim__i64;
typedef int bcsim__i32;

/* The caller's address, for "file:line" of the driver call site. */
/* An address inside the call instruction (return address - 1), so line lookups name the
 * call itself rather than the line after it. */
#define BCSIM__CALLER() ((void *)((char *)__builtin_extract_return_addr(__builtin_return_address(0)) - 1))

/* ---- export inventory ids (src/exports.inc) ------------------------------------- */
#define BCSIM__EXPORT_ENUM(name, header, kind, status, max_irql, report) BCSIM__X_##name,
enum bcsim__export_id {
#include "exports.inc"
    BCSIM__X__COUNT
};
#undef BCSIM__EXPORT_ENUM

/* Verifier gate for an entry point: checks the simulated IRQL against the inventory's
 * maximum, reports a violation if exceeded, and logs a stub's first use. Never changes
 * what the entry point returns. */
void bcsim__export_enter(enum bcsim__export_id id, void *caller);

/* ---- records (src/records.c) ----------------------------------------------------- */
unsigned char *bcsim__record_note_init(unsigned char *state, void *caller);
unsigned char bcsim__record_register_legacy(void *record, void *routine, void *buffer,
                                            bcsim__u32 length, unsigned char *component,
                                            void *caller);
unsigned char bcsim__record_register_reason(void *record, void *routine, bcsim__i32 reason,
                                            unsigned char *component, void *caller);
unsigned char bcsim__record_deregister_legacy(void *record, void *caller);
unsigned char bcsim__record_deregister_reason(void *record, void *caller);

/* ---- OS memory for structures built in the shim world (memory.c) --------------------- */
void *bcsim__os_alloc_bridge(bcsim__u64 size);

/* ---- driver objects (src/nt/io_driver.c) -------------------------------------------- */
void *bcsim__nt_driver_object_new(const char *driver_name, const char *service_name,
                                  const char *registry_path, void *image_base,
                                  bcsim__u32 image_size, void **registry_path_out);
void *bcsim__nt_driver_unload_routine(void *driver_object);
bcsim__i32 bcsim__nt_call_driver_entry(void *entry, void *driver_object, void *registry_path);
void bcsim__nt_call_driver_unload(void *unload, void *driver_object);

/* ---- triage arrays (src/phase_triage.c) -------------------------------------------- */
bcsim__i32 bcsim__triage_init_array(void *array, bcsim__u32 size);
bcsim__i32 bcsim__triage_add_block(void *array, void *address, bcsim__u64 size);

/* ---- the device model (src/ports.c) ---------------------------------------------------- */
/* Logs a port or register access; for reads returns the scripted value. */
bcsim__u64 bcsim__port_io(bcsim__u64 address, bcsim__u32 width, bcsim__u64 value, int write,
                          int is_register, void *caller);

/* ---- MmGetSystemRoutineAddress (src/nt/mm_routines.c -> src/lookups.c) ----------------------
 * Every name a driver probes, with whether bcsim resolved it (wdk-surface.md 3.13), so a test can
 * see which optional API the driver looked for. */
void bcsim__note_routine_lookup(const char *name, int found);
/* How many lookups were noted with the given outcome since the process started. */
bcsim__u64 bcsim__routine_lookup_count(int found);

/* ---- the bug check (src/bugcheck.c) ------------------------------------------------- */
__attribute__((__noreturn__))
void bcsim__bugcheck_from_driver(bcsim__u32 code, bcsim__u64 p1, bcsim__u64 p2, bcsim__u64 p3,
                                 bcsim__u64 p4, void *caller);

/* ---- formatting and debug output (src/fmt.c, src/dbglog.c) --------------------------
 * Driver format strings are formatted with Windows semantics by src/fmt.c, never by glibc.
 * A src/nt caller passes the address of its own va_list (va_copy a va_list parameter into a
 * local first): both worlds use the compiler's builtin va_list type. */
#define BCSIM__FMT_USED_UNICODE   0x1u  /* a narrow/wide conversion: %C %S %lc %ls %wc %ws %wZ */
#define BCSIM__FMT_USED_PERCENT_N 0x2u  /* %n was seen (refused: nothing written) */
#define BCSIM__FMT_USED_FLOAT     0x4u  /* %e %f %g %a ... */
#define BCSIM__FMT_BAD_SPEC       0x8u  /* unknown or truncated conversion, printed as written */
/* vsnprintf-like: at most size - 1 bytes and a NUL; returns the length the output needs. */
int bcsim__fmt_bridge(char *out, bcsim__u64 size, const char *fmt, void *va_list_ptr,
                      unsigned *flags_used);
/* The same for 16-bit text: fmt and out are WCHAR strings, size and the result count units;
 * %s/%c take wide arguments and %S/%C narrow ones (swprintf convention). */
int bcsim__fmt_bridge_w(unsigned short *out, bcsim__u64 size, const unsigned short *fmt,
                        void *va_list_ptr, unsigned *flags_used);
/* The same without a terminator: fills at most size units (counted UNICODE_STRING output). */
int bcsim__fmt_bridge_wn(unsigned short *out, bcsim__u64 size, const unsigned short *fmt,
                         void *va_list_ptr, unsigned *flags_used);
/* One formatted DbgPrint-family message: logged, filtered, delivered to the sink by line,
 * checked against the IRQL rules (dispatcher-model.md 8.2). */
void bcsim__dbgprint_emit(const char *text, bcsim__u64 len, bcsim__u32 component,
                          bcsim__u32 level, unsigned flags_used, void *caller);
/* DbgSetDebugFilterState / DbgQueryDebugFilterState: NTSTATUS / TRUE, FALSE or NTSTATUS. */
bcsim__i32 bcsim__dbg_filter_set(bcsim__u32 component, bcsim__u32 level, int state);
bcsim__i32 bcsim__dbg_filter_query(bcsim__u32 component, bcsim__u32 level);
/* The ntstrsafe copy/cat/length rule: above PASSIVE_LEVEL a STRSAFE_AT_HIGH_IRQL warning, or
 * with verifier.strsafe_copy = violation an IRQL_TOO_HIGH finding (0x121, P1 = 2). */
void bcsim__strsafe_irql_check(enum bcsim__export_id id, void *caller);
/* A breakpoint raised by driver code (DbgBreakPoint): the lead's contain.c implements it. */
void bcsim__debugbreak(void *caller);

/* ---- pool for routines that allocate on the driver's behalf (memory.c) ------------------ *
 * RtlUnicodeStringToAnsiString(..., TRUE) and friends; freed by RtlFreeAnsiString & co. */
void *bcsim__pool_alloc_bridge(bcsim__u64 size, int paged, bcsim__u32 tag, void *caller);
/* Pool with the verifier's IRQL rules (src/pool.c): the ExAllocatePool* / ExFreePool* paths. */
void *bcsim__pool_alloc_ex(bcsim__u64 size, int paged, bcsim__u32 tag, bcsim__u32 align,
                           bcsim__i32 pool_type, void *caller);
int bcsim__pool_free_ex(void *p, bcsim__u32 tag, int check_tag, void *caller);
void bcsim__pool_free_bridge(void *p, void *caller);

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_BRIDGE_H */
