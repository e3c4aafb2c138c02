/*
 * bcsim shim: ntdef.h — base types and macros of the Windows kernel world.
 *
 * Written for bcsim from the facts in shared/spec/wdk-surface.md (3.1-3.3) and
 * bugcheck-api.md (0.2). Design rules:
 *   S1  freestanding: only compiler builtin types; no intN_t names, no libc header;
 *   S3  LLP64 on LP64: LONG/ULONG on int, never long; 64-bit types on long long;
 *   S2  WCHAR is the compiler's wchar_t (16-bit under -fshort-wchar);
 *   S7  clean as C and C++.
 * Only what the WDK's kernel headers declare: the user-mode windef.h names (BOOL, BYTE, WORD,
 * FLOAT, WINAPI, CALLBACK, LOWORD/HIWORD/MAKELONG, ...) are left to the driver, which often
 * defines them itself (issue 14: a tree's own typedefs must not collide with the shim's).
 */
#ifndef _NTDEF_
#define _NTDEF_
#define BCSIM_SHIM_NTDEF_H 1

#include <bcsim_shim/msvc.h>
#include <sal.h>
#include <stddef.h>   /* the compiler's own: size_t, offsetof, NULL, wchar_t (C) */
#include <stdarg.h>   /* the compiler's own: va_list */

/* ---- configuration (S12) ------------------------------------------------ */
#if defined(__x86_64__)
#  ifndef _WIN64
#    define _WIN64 1
#  endif
#  ifndef _AMD64_
#    define _AMD64_ 1
#  endif
#  ifndef AMD64
#    define AMD64 1
#  endif
#else
   /* compile-only x86 layout checks (-m32, BCSIM_SHIM_ALLOW_32BIT) */
#  ifndef _X86_
#    define _X86_ 1
#  endif
#endif
#ifndef _KERNEL_MODE
#  define _KERNEL_MODE 1
#endif
#ifndef DBG
#  define DBG 0
#endif

#define NTDDI_WIN2K      0x05000000
#define NTDDI_WINXP      0x05010000
#define NTDDI_WINXPSP1   0x05010100
#define NTDDI_WINXPSP2   0x05010200
#define NTDDI_WS03       0x05020000
#define NTDDI_WS03SP1    0x05020100
#define NTDDI_WIN6       0x06000000
#define NTDDI_VISTA      0x06000000
#define NTDDI_WS08       0x06000100
#define NTDDI_WIN7       0x06010000
#define NTDDI_WIN8       0x06020000
#define NTDDI_WINBLUE    0x06030000
#define NTDDI_WINTHRESHOLD 0x0A000000
#define NTDDI_WIN10      0x0A000000
#define NTDDI_WIN10_TH2  0x0A000001
#define NTDDI_WIN10_RS1  0x0A000002
#define NTDDI_WIN10_RS2  0x0A000003
#define NTDDI_WIN10_RS3  0x0A000004
#define NTDDI_WIN10_RS4  0x0A000005
#define NTDDI_WIN10_RS5  0x0A000006
#define NTDDI_WIN10_19H1 0x0A000007
#define NTDDI_WIN10_VB   0x0A000008
#define NTDDI_WIN10_MN   0x0A000009
#define NTDDI_WIN10_FE   0x0A00000A
#define NTDDI_WIN10_CO   0x0A00000B
#define NTDDI_WIN10_NI   0x0A00000C
#ifndef NTDDI_VERSION
#  define NTDDI_VERSION NTDDI_WIN10_NI
#endif
#ifndef _WIN32_WINNT
#  define _WIN32_WINNT 0x0A00
#endif
#ifndef WINVER
#  define WINVER 0x0A00
#endif

/* ---- linkage and storage macros ------------------------------------------ */
#ifdef __cplusplus
#  define EXTERN_C       extern "C"
#  define EXTERN_C_START extern "C" {
#  define EXTERN_C_END   }
#else
#  define EXTERN_C       extern
#  define EXTERN_C_START
#  define EXTERN_C_END
#endif

#define NTAPI
#define NTAPI_INLINE
#define FASTCALL
#define DECLSPEC_IMPORT
#define DECLSPEC_EXPORT       __attribute__((__visibility__("default")))
#define NTKERNELAPI
#define NTHALAPI
#define NTSYSAPI
#define NTSYSCALLAPI
#define DECLSPEC_NORETURN     __attribute__((__noreturn__))
#define DECLSPEC_NOINLINE     __attribute__((__noinline__))
#define DECLSPEC_ALIGN(x)     __attribute__((__aligned__(x)))
#define DECLSPEC_SELECTANY    __attribute__((__weak__))
#define DECLSPEC_NOTHROW
#define DECLSPEC_DEPRECATED
#define DECLSPEC_CACHEALIGN   DECLSPEC_ALIGN(64)
#define DECLSPEC_GUARDNOCF
#define DECLSPEC_NOVTABLE
#define DECLSPEC_UUID(x)
#define DECLSPEC_ADDRSAFE
#define DECLSPEC_SAFEBUFFERS
#define FORCEINLINE           __inline__ __attribute__((__always_inline__))
#define NTSTRSAFEDDI          static __inline__
#define CONST                 const
#define VOID                  void
#define IN
#define OUT
#define OPTIONAL
#define UNALIGNED
#define UNALIGNED64
#define RESTRICTED_POINTER
#define POINTER_64
#define POINTER_32
#define POINTER_SIGNED
#define POINTER_UNSIGNED
#define FIRMWARE_PTR

#ifdef __cplusplus
#  define BCSIM_STATIC_ASSERT(e, m) static_assert(e, m)
#else
#  define BCSIM_STATIC_ASSERT(e, m) _Static_assert(e, m)
#endif
#define C_ASSERT(e) BCSIM_STATIC_ASSERT(e, #e)

#ifndef NULL
#  ifdef __cplusplus
#    define NULL 0
#  else
#    define NULL ((void *)0)
#  endif
#endif
#ifndef FALSE
#  define FALSE 0
#endif
#ifndef TRUE
#  define TRUE 1
#endif

EXTERN_C_START

/* ---- basic scalar types (3.2) ------------------------------------------------ */
typedef void *PVOID;
typedef void *PVOID64;
typedef const void *PCVOID;
typedef char CHAR, *PCHAR, *PCH, *LPCH, *PSTR, *LPSTR, *PSZ, *NPSTR;
typedef const char *PCSTR, *LPCSTR, *PCSZ, *PCCH, *LPCCH;
typedef unsigned char UCHAR, *PUCHAR;
typedef signed char SCHAR, *PSCHAR;
typedef char CCHAR, *PCCHAR;
typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef short SHORT, *PSHORT, CSHORT, *PCSHORT;
typedef unsigned short USHORT, *PUSHORT;
/* basetsd.h's sized names (ntdef.h includes it in the WDK). */
typedef signed char INT8, *PINT8;
typedef short INT16, *PINT16;
typedef unsigned char UINT8, *PUINT8;
typedef unsigned short UINT16, *PUINT16;
typedef int LONG, *PLONG, LONG32, *PLONG32, INT, *PINT, INT32, *PINT32;
typedef unsigned int ULONG, *PULONG, ULONG32, *PULONG32, UINT, *PUINT, UINT32, *PUINT32;
typedef unsigned int DWORD, *PDWORD, *LPDWORD, DWORD32, *PDWORD32;
typedef ULONG LOGICAL, *PLOGICAL;
#if defined(__x86_64__)
typedef long long LONG64, *PLONG64, LONGLONG, *PLONGLONG, INT64, *PINT64;
typedef unsigned long long ULONG64, *PULONG64, ULONGLONG, *PULONGLONG, DWORD64, *PDWORD64, UINT64, *PUINT64, DWORDLONG, *PDWORDLONG;
typedef long long LONG_PTR, *PLONG_PTR, INT_PTR, *PINT_PTR, SSIZE_T, *PSSIZE_T;
typedef unsigned long long ULONG_PTR, *PULONG_PTR, UINT_PTR, *PUINT_PTR, SIZE_T, *PSIZE_T, DWORD_PTR, *PDWORD_PTR;
#else
/* MSVC x86 aligns 64-bit members to 8 inside structures; SysV i386 would use 4. */
typedef long long LONG64 __attribute__((__aligned__(8)));
typedef unsigned long long ULONG64 __attribute__((__aligned__(8)));
typedef LONG64 *PLONG64, LONGLONG, *PLONGLONG, INT64, *PINT64;
typedef ULONG64 *PULONG64, ULONGLONG, *PULONGLONG, DWORD64, *PDWORD64, UINT64, *PUINT64, DWORDLONG, *PDWORDLONG;
typedef int LONG_PTR, *PLONG_PTR, INT_PTR, *PINT_PTR, SSIZE_T, *PSSIZE_T;
typedef unsigned int ULONG_PTR, *PULONG_PTR, UINT_PTR, *PUINT_PTR, SIZE_T, *PSIZE_T, DWORD_PTR, *PDWORD_PTR;
#endif
typedef LONG_PTR SHANDLE_PTR;
typedef ULONG_PTR HANDLE_PTR;
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;
typedef double DOUBLE, *PDOUBLE;

#ifdef __cplusplus
typedef wchar_t WCHAR;           /* a keyword in C++; 16-bit under -fshort-wchar */
#else
typedef __WCHAR_TYPE__ WCHAR;    /* the type of L"..." literals */
#endif
typedef WCHAR *PWCHAR, *PWCH, *LPWCH, *PWSTR, *LPWSTR, *NWPSTR, *PZZWSTR;
typedef const WCHAR *PCWCH, *LPCWCH, *PCWSTR, *LPCWSTR, *PCZZWSTR;
typedef WCHAR *PWCHAR_UNALIGNED;

typedef LONG NTSTATUS, *PNTSTATUS;
typedef void *HANDLE, **PHANDLE;
typedef UCHAR KIRQL, *PKIRQL;
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;
typedef LONG KPRIORITY;
typedef ULONG_PTR PFN_NUMBER, *PPFN_NUMBER;
typedef ULONG64 POOL_FLAGS;
typedef ULONG CLONG;
typedef ULONG ACCESS_MASK, *PACCESS_MASK;
typedef ULONG LCID;
typedef ULONG64 TRACEHANDLE, *PTRACEHANDLE;
typedef CCHAR KPROCESSOR_MODE;
typedef LONG KPRIORITY_T;
typedef ULONG EXECUTION_STATE;
typedef USHORT RTL_ATOM;

typedef enum _MODE { KernelMode = 0, UserMode = 1, MaximumMode = 2 } MODE;

/* ---- LARGE_INTEGER ----------------------------------------------------------- */
typedef union _LARGE_INTEGER {
    struct { ULONG LowPart; LONG HighPart; };
    struct { ULONG LowPart; LONG HighPart; } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct { ULONG LowPart; ULONG HighPart; };
    struct { ULONG LowPart; ULONG HighPart; } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

/* ---- M128A -------------------------------------------------------------------- */
typedef struct DECLSPEC_ALIGN(16) _M128A {
    ULONGLONG Low;
    LONGLONG High;
} M128A, *PM128A;

/* ---- lists ---------------------------------------------------------------------- */
typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY, *RESTRICTED_POINTER PRLIST_ENTRY;

typedef struct _SINGLE_LIST_ENTRY {
    struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

typedef struct LIST_ENTRY32 { ULONG Flink; ULONG Blink; } LIST_ENTRY32, *PLIST_ENTRY32;
typedef struct LIST_ENTRY64 { ULONGLONG Flink; ULONGLONG Blink; } LIST_ENTRY64, *PLIST_ENTRY64;

/* ---- strings ------------------------------------------------------------------------ */
typedef struct _UNICODE_STRING {
    USHORT Length;          /* bytes, without the terminator */
    USHORT MaximumLength;   /* bytes */
    _Field_size_bytes_part_(MaximumLength, Length) PWCH Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

typedef struct _STRING {
    USHORT Length;
    USHORT MaximumLength;
    _Field_size_bytes_part_opt_(MaximumLength, Length) PCHAR Buffer;
} STRING, *PSTRING, ANSI_STRING, *PANSI_STRING, OEM_STRING, *POEM_STRING;
typedef const STRING *PCSTRING;
typedef const ANSI_STRING *PCANSI_STRING;
typedef const OEM_STRING *PCOEM_STRING;

#define UNICODE_NULL ((WCHAR)0)
#define ANSI_NULL ((CHAR)0)
#define UNICODE_STRING_MAX_BYTES ((USHORT)65534)
#define UNICODE_STRING_MAX_CHARS (32767)
#define RTL_CONSTANT_STRING(s) { (USHORT)(sizeof(s) - sizeof((s)[0])), (USHORT)sizeof(s), (s) }
#define DECLARE_CONST_UNICODE_STRING(_var, _string) \
    const WCHAR _var##_buffer[] = _string; \
    const UNICODE_STRING _var = { sizeof(_string) - sizeof(WCHAR), sizeof(_string), (PWCH)_var##_buffer }
#define DECLARE_UNICODE_STRING_SIZE(_var, _size) \
    WCHAR _var##_buffer[_size]; \
    UNICODE_STRING _var = { 0, (_size) * sizeof(WCHAR), _var##_buffer }

/* ---- object attributes (used by Zw and Io prototypes) ------------------------------- */
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length;
    HANDLE RootDirectory;
    PUNICODE_STRING ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
typedef const OBJECT_ATTRIBUTES *PCOBJECT_ATTRIBUTES;

#define OBJ_INHERIT            0x00000002U
#define OBJ_PERMANENT          0x00000010U
#define OBJ_EXCLUSIVE          0x00000020U
#define OBJ_CASE_INSENSITIVE   0x00000040U
#define OBJ_OPENIF             0x00000080U
#define OBJ_OPENLINK           0x00000100U
#define OBJ_KERNEL_HANDLE      0x00000200U
#define OBJ_FORCE_ACCESS_CHECK 0x00000400U
#define InitializeObjectAttributes(p, n, a, r, s) do { \
        (p)->Length = sizeof(OBJECT_ATTRIBUTES);          \
        (p)->RootDirectory = (r);                         \
        (p)->Attributes = (a);                            \
        (p)->ObjectName = (n);                            \
        (p)->SecurityDescriptor = (s);                    \
        (p)->SecurityQualityOfService = NULL;             \
    } while (0)

/* ---- status helpers (3.3) ------------------------------------------------------------ */
#define NT_SUCCESS(Status)     (((NTSTATUS)(Status)) >= 0)
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#define NT_WARNING(Status)     ((((ULONG)(Status)) >> 30) == 2)
#define NT_ERROR(Status)       ((((ULONG)(Status)) >> 30) == 3)

/* ---- structure helpers --------------------------------------------------------------- */
#define FIELD_OFFSET(type, field)    ((ULONG)__builtin_offsetof(type, field))
#define UFIELD_OFFSET(type, field)   ((ULONG)__builtin_offsetof(type, field))
#define RTL_FIELD_SIZE(type, field)  (sizeof(((type *)0)->field))
#define RTL_SIZEOF_THROUGH_FIELD(type, field) (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#define RTL_CONTAINS_FIELD(Struct, Size, Field) \
    ((((PCHAR)(&(Struct)->Field)) + sizeof((Struct)->Field)) <= (((PCHAR)(Struct)) + (Size)))
#define RTL_NUMBER_OF_V1(A)          (sizeof(A) / sizeof((A)[0]))
#define RTL_NUMBER_OF_V2(A)          RTL_NUMBER_OF_V1(A)
#define RTL_NUMBER_OF(A)             RTL_NUMBER_OF_V1(A)
#define ARRAYSIZE(A)                 RTL_NUMBER_OF_V2(A)
#define _ARRAYSIZE(A)                RTL_NUMBER_OF_V1(A)
#define RTL_NUMBER_OF_FIELD(type, field) (RTL_NUMBER_OF(RTL_FIELD_TYPE(type, field)))
#define RTL_FIELD_TYPE(type, field)  (((type *)0)->field)
#define RTL_PADDING_BETWEEN_FIELDS(T, F1, F2) \
    ((FIELD_OFFSET(T, F2) > FIELD_OFFSET(T, F1)) \
        ? (FIELD_OFFSET(T, F2) - FIELD_OFFSET(T, F1) - RTL_FIELD_SIZE(T, F1)) \
        : (FIELD_OFFSET(T, F1) - FIELD_OFFSET(T, F2) - RTL_FIELD_SIZE(T, F2)))
/* The offset by __builtin_offsetof, not a member access through a null pointer (which UBSan
 * reports in a sanitizer build of the driver). */
#define CONTAINING_RECORD(address, type, field) \
    ((type *)((PCHAR)(address) - __builtin_offsetof(type, field)))
#define ANYSIZE_ARRAY 1
#define ALIGN_DOWN_BY(length, alignment) ((ULONG_PTR)(length) & ~((ULONG_PTR)(alignment) - 1))
#define ALIGN_UP_BY(length, alignment)   (ALIGN_DOWN_BY(((ULONG_PTR)(length) + (alignment) - 1), alignment))
#define ALIGN_DOWN_POINTER_BY(address, alignment) ((PVOID)ALIGN_DOWN_BY(address, alignment))
#define ALIGN_UP_POINTER_BY(address, alignment)   ((PVOID)ALIGN_UP_BY(address, alignment))
#define ALIGN_DOWN(length, type)     ALIGN_DOWN_BY(length, sizeof(type))
#define ALIGN_UP(length, type)       ALIGN_UP_BY(length, sizeof(type))
#define MAXUCHAR    0xff
#define MAXUSHORT   0xffff
#define MAXULONG    0xffffffffU
#define MAXLONG     0x7fffffff
#define MINLONG     (-MAXLONG - 1)
#define MAXLONGLONG (0x7fffffffffffffffLL)
#define MAXULONGLONG (0xffffffffffffffffULL)
#define MAXULONG_PTR (~((ULONG_PTR)0))
#define MAXLONG_PTR  ((LONG_PTR)(MAXULONG_PTR >> 1))
#define MAXSIZE_T    ((SIZE_T)~((SIZE_T)0))
#define MAXSSIZE_T   ((SSIZE_T)(MAXSIZE_T >> 1))
#define MAXUINT      ((UINT)~((UINT)0))
#define MAXINT       ((INT)(MAXUINT >> 1))
#define MAXDWORD     0xffffffffU
#define MAXWORD      0xffff
#define MAXBYTE      0xff
#define MAXUINT32    ((UINT32)~((UINT32)0))
#define MAXUINT64    ((UINT64)~((UINT64)0))
#define MAXULONG32   ((ULONG32)~((ULONG32)0))
#define MAXULONG64   ((ULONG64)~((ULONG64)0))
#define MAXLONG64    ((LONG64)(MAXULONG64 >> 1))
#define MINLONG64    ((LONG64)~MAXLONG64)

#define UNREFERENCED_PARAMETER(P)          ((void)(P))
#define DBG_UNREFERENCED_PARAMETER(P)      ((void)(P))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))
#define UNUSED_PARAMETER(P)                ((void)(P))

#define Int32x32To64(a, b)   (((LONGLONG)((LONG)(a))) * ((LONGLONG)((LONG)(b))))
#define UInt32x32To64(a, b)  (((ULONGLONG)((ULONG)(a))) * ((ULONGLONG)((ULONG)(b))))
#define PtrToUlong(p)        ((ULONG)(ULONG_PTR)(p))
#define PtrToLong(p)         ((LONG)(LONG_PTR)(p))
#define PtrToUshort(p)       ((USHORT)(ULONG_PTR)(p))
#define PtrToUint(p)         ((UINT)(UINT_PTR)(p))
#define PtrToInt(p)          ((INT)(INT_PTR)(p))
#define UlongToPtr(ul)       ((PVOID)(ULONG_PTR)(ul))
#define LongToPtr(l)         ((PVOID)(LONG_PTR)(l))
#define ULongToPtr(ul)       UlongToPtr(ul)
#define UintToPtr(ui)        ((PVOID)(UINT_PTR)(ui))
#define IntToPtr(i)          ((PVOID)(INT_PTR)(i))
#define HandleToUlong(h)     ((ULONG)(ULONG_PTR)(h))
#define HandleToLong(h)      ((LONG)(LONG_PTR)(h))
#define UlongToHandle(ul)    ((HANDLE)(ULONG_PTR)(ul))
#define LongToHandle(h)      ((HANDLE)(LONG_PTR)(h))
#define PtrToPtr64(p)        ((void *)(p))
#define Ptr64ToPtr(p)        ((void *)(p))

#define BooleanFlagOn(F, SF) ((BOOLEAN)(((F) & (SF)) != 0))
#define FlagOn(_F, _SF)      ((_F) & (_SF))
#define SetFlag(_F, _SF)     ((_F) |= (_SF))
#define ClearFlag(_F, _SF)   ((_F) &= ~(_SF))

#define DEFINE_ENUM_FLAG_OPERATORS(ENUMTYPE)

/* Multi-character pool tags (e.g. 'gaTB') are ints in both compilers; -Wno-multichar
 * silences them for driver TUs. */

EXTERN_C_END

#include <guiddef.h>

#endif /* _NTDEF_ */
