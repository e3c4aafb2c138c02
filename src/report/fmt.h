/*
 * src/report/fmt.h — bcsim's one formatter with Windows printf semantics (wdk-surface.md S16), and
 * the debug-output log behind DbgPrint & co. (src/machine/dbglog.c). Harness world (glibc).
 *
 * Driver format strings never reach glibc's printf: %lx is 32-bit, %I64x / %Ix / %Iu follow
 * the Windows length modifiers, %p prints 16 uppercase hex digits, %ws / %S / %wZ / %Z read
 * Windows string types (16-bit units for wide ones, converted to UTF-8), %n is refused.
 * Floating point conversions go through glibc with a format string bcsim builds itself.
 *
 * Wide output (the W variants of ntstrsafe) runs the same formatter in "wide mode", where
 * %s / %c take wide arguments and %S / %C narrow ones (MSVC's swprintf convention); the
 * result is produced as UTF-8 and converted to 16-bit units.
 */
#ifndef BCSIM_FMT_H
#define BCSIM_FMT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "bridge.h"   /* BCSIM__FMT_USED_* */

/* Caps applied to hostile input: widths and precisions above this are clamped. */
#define BCSIM_FMT_MAX_WIDTH 65536

/*
 * Formats like vsnprintf: writes at most size - 1 bytes plus a NUL (nothing if size == 0)
 * and returns the length the complete output needs (clamped to INT_MAX). fmt may be NULL
 * (formats as "(null)"). *flags_used (optional) receives BCSIM__FMT_USED_* bits.
 */
int bcsim__fmt_windows(char *out, size_t size, const char *fmt, va_list ap, unsigned *flags_used);

/*
 * Wide variant: fmt and out are 16-bit units (WCHAR under -fshort-wchar); size counts units.
 * Returns the number of units the complete output needs.
 */
int bcsim__fmt_windows_w(uint16_t *out, size_t size, const uint16_t *fmt, va_list ap,
                         unsigned *flags_used);

/*
 * WPP trace formats (wdk-surface.md 4): Windows printf conversions plus
 *   %!FUNC! %!LINE! %!FILE!  from the call site (no argument consumed; FILE is the base name)
 *   %!STATUS!                an NTSTATUS (int): its name if bcsim knows it, else 0x%08X
 *   %!HEXDUMP!               a WPP xstr_t by value: { const void *buffer; short length; }
 *   %!GUID!                  a pointer to a GUID, printed {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}
 *   %!bool!                  an int: TRUE / FALSE
 *   %!IPADDR!                a ULONG IPv4 address in network byte order: a.b.c.d
 *   %!other!                 any other name: a 64-bit argument printed as 0x%llX
 */
int bcsim__fmt_wpp(char *out, size_t size, const char *fmt, va_list ap, const char *file,
                   unsigned line, const char *func, unsigned *flags_used);

/* UTF-16 (16-bit units, surrogate pairs; invalid units become U+FFFD) to UTF-8. Returns the
 * UTF-8 length of the whole input; writes at most size - 1 bytes and a NUL. */
size_t bcsim__utf16_to_utf8(char *out, size_t size, const uint16_t *in, size_t units);
/* UTF-8 (invalid bytes become U+FFFD) to UTF-16. Returns the units the whole input needs;
 * writes at most size - 1 units and a NUL. */
size_t bcsim__utf8_to_utf16(uint16_t *out, size_t size, const char *in, size_t bytes);

/* NTSTATUS name ("STATUS_BUFFER_OVERFLOW") for the statuses bcsim knows, NULL otherwise. */
const char *bcsim__status_name(int32_t status);

#endif /* BCSIM_FMT_H */
