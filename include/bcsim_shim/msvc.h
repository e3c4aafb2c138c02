/*
 * bcsim shim: MSVC language extensions for gcc and clang (wdk-surface.md S4, S5, S7).
 *
 * Internal piece of the shim; included by ntdef.h. Never includes a libc header.
 * clang with -fms-extensions -fdeclspec accepts most of these natively; gcc gets macros.
 */
#ifndef BCSIM_SHIM_MSVC_H
#define BCSIM_SHIM_MSVC_H

#if !defined(__x86_64__)
#  if !defined(BCSIM_SHIM_ALLOW_32BIT)
#    error "bcsim simulates x64 Windows; driver translation units must be built for x86-64"
#  endif
#endif

/* ---- __declspec ----------------------------------------------------------
 * gcc: dispatch on the argument by token pasting to a table of GNU attributes.
 * Known arguments map to an attribute or to nothing; clang keeps its own. */
#if !defined(__clang__)
#  define __declspec(x) __bcsim_declspec_##x
#  define __bcsim_declspec_noreturn        __attribute__((__noreturn__))
#  define __bcsim_declspec_noinline        __attribute__((__noinline__))
#  define __bcsim_declspec_selectany       __attribute__((__weak__))
#  define __bcsim_declspec_align(n)        __attribute__((__aligned__(n)))
#  define __bcsim_declspec_dllimport
#  define __bcsim_declspec_dllexport
#  define __bcsim_declspec_inline          __inline__
#  define __bcsim_declspec_restrict
#  define __bcsim_declspec_noalias
#  define __bcsim_declspec_novtable
#  define __bcsim_declspec_nothrow
#  define __bcsim_declspec_naked           __attribute__((__naked__))
#  define __bcsim_declspec_thread          __thread
#  define __bcsim_declspec_safebuffers
#  define __bcsim_declspec_allocator
#  define __bcsim_declspec_empty_bases
#  define __bcsim_declspec_uuid(...)
#  define __bcsim_declspec_allocate(...)
#  define __bcsim_declspec_code_seg(...)
#  define __bcsim_declspec_deprecated(...) __attribute__((__deprecated__))
#  define __bcsim_declspec_guard(...)
#  define __bcsim_declspec_spectre(...)
#  define __bcsim_declspec_property(...)
#  define __bcsim_declspec_intrin_type
#endif

/* ---- sized integer keywords ------------------------------------------- */
#if !defined(__clang__)
#  define __int8  char
#  define __int16 short
#  define __int32 int
#  define __int64 long long
#endif

/* ---- inline ----------------------------------------------------------------
 * __inline is a GNU keyword already. __forceinline keeps MSVC's "one copy"
 * linkage through -fgnu89-inline in C plus --allow-multiple-definition (S5). */
#if !defined(__clang__)
#  define __forceinline __inline__ __attribute__((__always_inline__))
#endif

/* ---- calling conventions and pointer qualifiers: one ABI on x86-64 ------- */
#if !defined(__clang__)
#  define __cdecl
#  define __stdcall
#  define __fastcall
#  define __thiscall
#  define __vectorcall
#  define __unaligned
#  define __ptr64
#  define __ptr32
#  define __sptr
#  define __uptr
#else
   /* clang with -fms-extensions knows the keywords; on x86-64 ELF it warns that
    * the conventions are ignored. Expand them to nothing so driver TUs stay quiet. */
#  define __cdecl
#  define __stdcall
#  define __fastcall
#  define __thiscall
#  define __vectorcall
#endif

/* ---- small keywords ---------------------------------------------------- */
#ifndef __pragma
#  define __pragma(x) _Pragma(#x)
#endif
#if !defined(__clang__)
#  define __assume(e) ((e) ? (void)0 : __builtin_unreachable())
#  define __noop(...) ((void)0)
#  ifndef __alignof
#    define __alignof(t) __alignof__(t)
#  endif
#endif
#define __annotation(...) ((void)0)

#endif /* BCSIM_SHIM_MSVC_H */
