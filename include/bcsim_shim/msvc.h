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
 * One table for gcc and clang. clang's own __declspec rejects keywords as arguments
 * (__declspec(inline): "must be an identifier or string literal"), so both compilers get the
 * macro. It pastes the first modifier onto __bcsim_declspec_ and closes a GNU attribute list
 * the entry opened:
 *
 *     __declspec(noinline)            -> __attribute__((__noinline__,))
 *     __declspec(deprecated("why"))   -> __attribute__((__deprecated__ ("why")))
 *     __declspec(dllexport noinline)  -> __attribute__((__visibility__("default"), noinline))
 *
 * so an entry either ends in "," (a following modifier of a sequence becomes the next GNU
 * attribute) or takes its parenthesised argument itself. Every modifier of the Learn
 * __declspec grammar is here, plus inline, guard and intrin_type, which drivers also write.
 * Inside the expansion __declspec is not expanded again, so clang's keyword is still reached
 * where its meaning matters (uuid and property in C++). _declspec is MSVC's alias. */
#define __declspec(x) __bcsim_declspec_##x ))
#define _declspec(x) __declspec(x)
#define __bcsim_declspec_align(n)              __attribute__((__aligned__(n),
#define __bcsim_declspec_allocate(...)         __attribute__((
#define __bcsim_declspec_allocator             __attribute__((
#define __bcsim_declspec_appdomain             __attribute__((
#define __bcsim_declspec_code_seg(...)         __attribute__((
#define __bcsim_declspec_deprecated            __attribute__((__deprecated__
#define __bcsim_declspec_dllexport             __attribute__((__visibility__("default"),
#define __bcsim_declspec_dllimport             __attribute__((
#define __bcsim_declspec_empty_bases           __attribute__((
#define __bcsim_declspec_guard(...)            __attribute__((
#define __bcsim_declspec_hybrid_patchable      __attribute__((
#define __bcsim_declspec_inline                __inline__ __attribute__((
#define __bcsim_declspec_intrin_type           __attribute__((
#define __bcsim_declspec_jitintrinsic          __attribute__((
#define __bcsim_declspec_naked                 __attribute__((__naked__,
#define __bcsim_declspec_no_sanitize_address   __attribute__((__no_sanitize_address__,
#define __bcsim_declspec_noalias               __attribute__((
#define __bcsim_declspec_noinline              __attribute__((__noinline__,
#define __bcsim_declspec_noreturn              __attribute__((__noreturn__,
#define __bcsim_declspec_nothrow               __attribute__((__nothrow__,
#define __bcsim_declspec_novtable              __attribute__((
#define __bcsim_declspec_process               __attribute__((
#define __bcsim_declspec_restrict              __attribute__((
#define __bcsim_declspec_safebuffers           __attribute__((
#define __bcsim_declspec_selectany             __attribute__((__weak__,
#define __bcsim_declspec_spectre(...)          __attribute__((
#define __bcsim_declspec_thread                __thread __attribute__((
#if defined(__clang__) && defined(__cplusplus)
   /* COM attributes: clang implements them (__uuidof, property accessors). */
#  define __bcsim_declspec_uuid(...)           __declspec(uuid(__VA_ARGS__)) __attribute__((
#  define __bcsim_declspec_property(...)       __declspec(property(__VA_ARGS__)) __attribute__((
#else
#  define __bcsim_declspec_uuid(...)           __attribute__((
#  define __bcsim_declspec_property(...)       __attribute__((
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
#ifndef __w64
#  define __w64
#endif

/* ---- function names --------------------------------------------------------
 * __FUNCTION__ is native in both compilers; clang (17 and later, MS extensions) also lets it,
 * __FUNCSIG__ and __FUNCDNAME__ stand as string literals next to other literals, as MSVC does.
 * gcc cannot: they are variables there (README "Compiling real drivers"). */
#if !defined(__clang__)
#  ifndef __FUNCSIG__
#    define __FUNCSIG__ __PRETTY_FUNCTION__
#  endif
#  ifndef __FUNCDNAME__
#    define __FUNCDNAME__ __func__
#  endif
#endif

#endif /* BCSIM_SHIM_MSVC_H */
