/*
 * bcsim shim: the MSVC intrinsics drivers use (wdk-surface.md 3.8), shared by <intrin.h> and
 * <wdm.h>.
 *
 * Freestanding (S1): compiler builtin types only (LONG = int, LONG64 = long long: S3), no
 * libc header, never <immintrin.h>. Three kinds:
 *
 *   pure        barriers, Interlocked*, bit scans, rotates, byte swaps, cpuid/rdtsc:
 *               static inline functions on __atomic and __builtin_* (sequentially consistent).
 *               clang (with -fms-extensions) knows many of these names as builtins of its own,
 *               with LP64 "long" signatures that clash with LLP64; under clang each is renamed
 *               to bcsim_intrin_<name> by an object-like macro, so calls, &name and decltype
 *               all still work.
 *   routed      privileged or trapping ones (S13): port I/O, control registers, MSRs,
 *               _disable/_enable, __halt, __readgs*, __debugbreak, __fastfail. They are real
 *               functions defined by bcsim (src/nt/), never the instruction: in user mode the
 *               instruction would fault. Where clang insists on its builtin (__debugbreak,
 *               __fastfail, __readgs*), an alias declaration with an asm label binds the call to
 *               the same bcsim symbol gcc uses.
 *   keywords    __assume, __noop, __annotation, _ReturnAddress, ...: macros (msvc.h and below).
 */
#ifndef BCSIM_SHIM_INTRIN_IMPL_H
#define BCSIM_SHIM_INTRIN_IMPL_H

#include <bcsim_shim/msvc.h>
#include <stddef.h>   /* the compiler's own: size_t */

#ifdef __cplusplus
extern "C" {
#endif

/* Helper bodies defined in shim headers (list helpers, IoGetCurrentIrpStackLocation, ...): the WDK
 * makes them FORCEINLINE, i.e. one COMDAT copy per image. static inline gives the same effect
 * without relying on -fgnu89-inline or --allow-multiple-definition (S5). */
#ifndef BCSIM_SHIM_INLINE
#  define BCSIM_SHIM_INLINE static __inline__ __attribute__((__unused__))
#endif
#ifndef BCSIM_INTRIN
#  define BCSIM_INTRIN static __inline__ __attribute__((__always_inline__, __unused__))
#endif

/* ---- clang builtin names: rename the pure intrinsics ------------------------------------ */
#if defined(__clang__)
#  define _InterlockedCompareExchange8        bcsim_intrin__InterlockedCompareExchange8
#  define _InterlockedCompareExchange16       bcsim_intrin__InterlockedCompareExchange16
#  define _InterlockedCompareExchange         bcsim_intrin__InterlockedCompareExchange
#  define _InterlockedCompareExchange64       bcsim_intrin__InterlockedCompareExchange64
#  define _InterlockedCompareExchangePointer  bcsim_intrin__InterlockedCompareExchangePointer
#  define _InterlockedExchange8               bcsim_intrin__InterlockedExchange8
#  define _InterlockedExchange16              bcsim_intrin__InterlockedExchange16
#  define _InterlockedExchange                bcsim_intrin__InterlockedExchange
#  define _InterlockedExchange64              bcsim_intrin__InterlockedExchange64
#  define _InterlockedExchangePointer         bcsim_intrin__InterlockedExchangePointer
#  define _InterlockedIncrement16             bcsim_intrin__InterlockedIncrement16
#  define _InterlockedIncrement               bcsim_intrin__InterlockedIncrement
#  define _InterlockedIncrement64             bcsim_intrin__InterlockedIncrement64
#  define _InterlockedDecrement16             bcsim_intrin__InterlockedDecrement16
#  define _InterlockedDecrement               bcsim_intrin__InterlockedDecrement
#  define _InterlockedDecrement64             bcsim_intrin__InterlockedDecrement64
#  define _InterlockedExchangeAdd8            bcsim_intrin__InterlockedExchangeAdd8
#  define _InterlockedExchangeAdd16           bcsim_intrin__InterlockedExchangeAdd16
#  define _InterlockedExchangeAdd             bcsim_intrin__InterlockedExchangeAdd
#  define _InterlockedExchangeAdd64           bcsim_intrin__InterlockedExchangeAdd64
#  define _InterlockedOr8                     bcsim_intrin__InterlockedOr8
#  define _InterlockedOr16                    bcsim_intrin__InterlockedOr16
#  define _InterlockedOr                      bcsim_intrin__InterlockedOr
#  define _InterlockedOr64                    bcsim_intrin__InterlockedOr64
#  define _InterlockedAnd8                    bcsim_intrin__InterlockedAnd8
#  define _InterlockedAnd16                   bcsim_intrin__InterlockedAnd16
#  define _InterlockedAnd                     bcsim_intrin__InterlockedAnd
#  define _InterlockedAnd64                   bcsim_intrin__InterlockedAnd64
#  define _InterlockedXor8                    bcsim_intrin__InterlockedXor8
#  define _InterlockedXor16                   bcsim_intrin__InterlockedXor16
#  define _InterlockedXor                     bcsim_intrin__InterlockedXor
#  define _InterlockedXor64                   bcsim_intrin__InterlockedXor64
#  define _interlockedbittestandset           bcsim_intrin__interlockedbittestandset
#  define _interlockedbittestandreset         bcsim_intrin__interlockedbittestandreset
#  define _interlockedbittestandset64         bcsim_intrin__interlockedbittestandset64
#  define _interlockedbittestandreset64       bcsim_intrin__interlockedbittestandreset64
#  define _BitScanForward                     bcsim_intrin__BitScanForward
#  define _BitScanReverse                     bcsim_intrin__BitScanReverse
#  define _BitScanForward64                   bcsim_intrin__BitScanForward64
#  define _BitScanReverse64                   bcsim_intrin__BitScanReverse64
#  define _bittest                            bcsim_intrin__bittest
#  define _bittestandset                      bcsim_intrin__bittestandset
#  define _bittestandreset                    bcsim_intrin__bittestandreset
#  define _bittestandcomplement               bcsim_intrin__bittestandcomplement
#  define _bittest64                          bcsim_intrin__bittest64
#  define _bittestandset64                    bcsim_intrin__bittestandset64
#  define _bittestandreset64                  bcsim_intrin__bittestandreset64
#  define _bittestandcomplement64             bcsim_intrin__bittestandcomplement64
#  define __popcnt16                          bcsim_intrin___popcnt16
#  define __popcnt                            bcsim_intrin___popcnt
#  define __popcnt64                          bcsim_intrin___popcnt64
#  define _ReadWriteBarrier                   bcsim_intrin__ReadWriteBarrier
#  define _ReadBarrier                        bcsim_intrin__ReadBarrier
#  define _WriteBarrier                       bcsim_intrin__WriteBarrier
#  define _mm_pause                           bcsim_intrin__mm_pause
#  define _mm_lfence                          bcsim_intrin__mm_lfence
#  define _mm_mfence                          bcsim_intrin__mm_mfence
#  define _mm_sfence                          bcsim_intrin__mm_sfence
#  define __faststorefence                    bcsim_intrin___faststorefence
#  define __rdtsc                             bcsim_intrin___rdtsc
#  define __cpuid                             bcsim_intrin___cpuid
#  define __cpuidex                           bcsim_intrin___cpuidex
#  define __nop                               bcsim_intrin___nop
#  define __readeflags                        bcsim_intrin___readeflags
#  define _rotl                               bcsim_intrin__rotl
#  define _rotr                               bcsim_intrin__rotr
#  define _rotl64                             bcsim_intrin__rotl64
#  define _rotr64                             bcsim_intrin__rotr64
#  define _byteswap_ushort                    bcsim_intrin__byteswap_ushort
#  define _byteswap_ulong                     bcsim_intrin__byteswap_ulong
#  define _byteswap_uint64                    bcsim_intrin__byteswap_uint64
#  define _umul128                            bcsim_intrin__umul128
#  define _mul128                             bcsim_intrin__mul128
#  define __shiftleft128                      bcsim_intrin___shiftleft128
#  define __shiftright128                     bcsim_intrin___shiftright128
#  define __stosb                             bcsim_intrin___stosb
#  define __stosw                             bcsim_intrin___stosw
#  define __stosd                             bcsim_intrin___stosd
#  define __stosq                             bcsim_intrin___stosq
#  define __movsb                             bcsim_intrin___movsb
#endif

/* ---- barriers and pause ------------------------------------------------------------------ */
/* compiler-only barriers: no instruction, no reordering across them */
BCSIM_INTRIN void _ReadWriteBarrier(void) { __atomic_signal_fence(__ATOMIC_SEQ_CST); }
BCSIM_INTRIN void _ReadBarrier(void) { __atomic_signal_fence(__ATOMIC_SEQ_CST); }
BCSIM_INTRIN void _WriteBarrier(void) { __atomic_signal_fence(__ATOMIC_SEQ_CST); }
BCSIM_INTRIN void _mm_pause(void) { __asm__ __volatile__("pause" ::: "memory"); }
BCSIM_INTRIN void _mm_lfence(void) { __asm__ __volatile__("lfence" ::: "memory"); }
BCSIM_INTRIN void _mm_mfence(void) { __asm__ __volatile__("mfence" ::: "memory"); }
BCSIM_INTRIN void _mm_sfence(void) { __asm__ __volatile__("sfence" ::: "memory"); }
BCSIM_INTRIN void __faststorefence(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

/* ---- CPU --------------------------------------------------------------------------------- */
BCSIM_INTRIN unsigned long long __rdtsc(void)
{
    unsigned int lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long long)hi << 32) | lo;
}
BCSIM_INTRIN void __cpuidex(int CPUInfo[4], int Function, int SubLeaf)
{
    unsigned int a, b, c, d;
    __asm__ __volatile__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
                         : "a"((unsigned int)Function), "c"((unsigned int)SubLeaf));
    CPUInfo[0] = (int)a; CPUInfo[1] = (int)b; CPUInfo[2] = (int)c; CPUInfo[3] = (int)d;
}
BCSIM_INTRIN void __cpuid(int CPUInfo[4], int Function) { __cpuidex(CPUInfo, Function, 0); }
BCSIM_INTRIN void __nop(void) { __asm__ __volatile__("nop"); }
BCSIM_INTRIN unsigned long long __readeflags(void)
{
    unsigned long long f;
#if defined(__x86_64__)
    __asm__ __volatile__("pushfq; popq %0" : "=r"(f));
#else
    unsigned int f32;
    __asm__ __volatile__("pushfl; popl %0" : "=r"(f32));
    f = f32;
#endif
    return f;
}

/* ---- Interlocked (all sequentially consistent, as the x64 lock-prefixed forms are) -------- */
#define BCSIM_SC __ATOMIC_SEQ_CST
BCSIM_INTRIN char _InterlockedCompareExchange8(char volatile *Destination, char Exchange, char Comparand)
{ __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, BCSIM_SC, BCSIM_SC); return Comparand; }
BCSIM_INTRIN short _InterlockedCompareExchange16(short volatile *Destination, short Exchange, short Comparand)
{ __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, BCSIM_SC, BCSIM_SC); return Comparand; }
BCSIM_INTRIN int _InterlockedCompareExchange(int volatile *Destination, int Exchange, int Comparand)
{ __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, BCSIM_SC, BCSIM_SC); return Comparand; }
BCSIM_INTRIN long long _InterlockedCompareExchange64(long long volatile *Destination, long long Exchange, long long Comparand)
{ __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, BCSIM_SC, BCSIM_SC); return Comparand; }
BCSIM_INTRIN void *_InterlockedCompareExchangePointer(void *volatile *Destination, void *Exchange, void *Comparand)
{ __atomic_compare_exchange_n(Destination, &Comparand, Exchange, 0, BCSIM_SC, BCSIM_SC); return Comparand; }

BCSIM_INTRIN char _InterlockedExchange8(char volatile *Target, char Value)
{ return __atomic_exchange_n(Target, Value, BCSIM_SC); }
BCSIM_INTRIN short _InterlockedExchange16(short volatile *Target, short Value)
{ return __atomic_exchange_n(Target, Value, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedExchange(int volatile *Target, int Value)
{ return __atomic_exchange_n(Target, Value, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedExchange64(long long volatile *Target, long long Value)
{ return __atomic_exchange_n(Target, Value, BCSIM_SC); }
BCSIM_INTRIN void *_InterlockedExchangePointer(void *volatile *Target, void *Value)
{ return __atomic_exchange_n(Target, Value, BCSIM_SC); }

BCSIM_INTRIN short _InterlockedIncrement16(short volatile *Addend) { return __atomic_add_fetch(Addend, 1, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedIncrement(int volatile *Addend) { return __atomic_add_fetch(Addend, 1, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedIncrement64(long long volatile *Addend) { return __atomic_add_fetch(Addend, 1, BCSIM_SC); }
BCSIM_INTRIN short _InterlockedDecrement16(short volatile *Addend) { return __atomic_sub_fetch(Addend, 1, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedDecrement(int volatile *Addend) { return __atomic_sub_fetch(Addend, 1, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedDecrement64(long long volatile *Addend) { return __atomic_sub_fetch(Addend, 1, BCSIM_SC); }

BCSIM_INTRIN char _InterlockedExchangeAdd8(char volatile *Addend, char Value) { return __atomic_fetch_add(Addend, Value, BCSIM_SC); }
BCSIM_INTRIN short _InterlockedExchangeAdd16(short volatile *Addend, short Value) { return __atomic_fetch_add(Addend, Value, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedExchangeAdd(int volatile *Addend, int Value) { return __atomic_fetch_add(Addend, Value, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedExchangeAdd64(long long volatile *Addend, long long Value) { return __atomic_fetch_add(Addend, Value, BCSIM_SC); }

BCSIM_INTRIN char _InterlockedOr8(char volatile *Destination, char Value) { return __atomic_fetch_or(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN short _InterlockedOr16(short volatile *Destination, short Value) { return __atomic_fetch_or(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedOr(int volatile *Destination, int Value) { return __atomic_fetch_or(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedOr64(long long volatile *Destination, long long Value) { return __atomic_fetch_or(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN char _InterlockedAnd8(char volatile *Destination, char Value) { return __atomic_fetch_and(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN short _InterlockedAnd16(short volatile *Destination, short Value) { return __atomic_fetch_and(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedAnd(int volatile *Destination, int Value) { return __atomic_fetch_and(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedAnd64(long long volatile *Destination, long long Value) { return __atomic_fetch_and(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN char _InterlockedXor8(char volatile *Destination, char Value) { return __atomic_fetch_xor(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN short _InterlockedXor16(short volatile *Destination, short Value) { return __atomic_fetch_xor(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN int _InterlockedXor(int volatile *Destination, int Value) { return __atomic_fetch_xor(Destination, Value, BCSIM_SC); }
BCSIM_INTRIN long long _InterlockedXor64(long long volatile *Destination, long long Value) { return __atomic_fetch_xor(Destination, Value, BCSIM_SC); }

BCSIM_INTRIN unsigned char _interlockedbittestandset(int volatile *Base, int Offset)
{
    unsigned int bit = 1u << (Offset & 31);
    return (unsigned char)((__atomic_fetch_or((unsigned int volatile *)Base + (Offset >> 5), bit, BCSIM_SC) & bit) != 0);
}
BCSIM_INTRIN unsigned char _interlockedbittestandreset(int volatile *Base, int Offset)
{
    unsigned int bit = 1u << (Offset & 31);
    return (unsigned char)((__atomic_fetch_and((unsigned int volatile *)Base + (Offset >> 5), ~bit, BCSIM_SC) & bit) != 0);
}
BCSIM_INTRIN unsigned char _interlockedbittestandset64(long long volatile *Base, long long Offset)
{
    unsigned long long bit = 1ULL << (Offset & 63);
    return (unsigned char)((__atomic_fetch_or((unsigned long long volatile *)Base + (Offset >> 6), bit, BCSIM_SC) & bit) != 0);
}
BCSIM_INTRIN unsigned char _interlockedbittestandreset64(long long volatile *Base, long long Offset)
{
    unsigned long long bit = 1ULL << (Offset & 63);
    return (unsigned char)((__atomic_fetch_and((unsigned long long volatile *)Base + (Offset >> 6), ~bit, BCSIM_SC) & bit) != 0);
}
#undef BCSIM_SC

/* ---- bits -------------------------------------------------------------------------------- */
BCSIM_INTRIN unsigned char _BitScanForward(unsigned int *Index, unsigned int Mask)
{ if (!Mask) return 0; *Index = (unsigned int)__builtin_ctz(Mask); return 1; }
BCSIM_INTRIN unsigned char _BitScanReverse(unsigned int *Index, unsigned int Mask)
{ if (!Mask) return 0; *Index = 31u - (unsigned int)__builtin_clz(Mask); return 1; }
BCSIM_INTRIN unsigned char _BitScanForward64(unsigned int *Index, unsigned long long Mask)
{ if (!Mask) return 0; *Index = (unsigned int)__builtin_ctzll(Mask); return 1; }
BCSIM_INTRIN unsigned char _BitScanReverse64(unsigned int *Index, unsigned long long Mask)
{ if (!Mask) return 0; *Index = 63u - (unsigned int)__builtin_clzll(Mask); return 1; }

BCSIM_INTRIN unsigned char _bittest(int const *Base, int Offset)
{ return (unsigned char)((((unsigned int const *)Base)[Offset >> 5] >> (Offset & 31)) & 1u); }
BCSIM_INTRIN unsigned char _bittestandset(int *Base, int Offset)
{
    unsigned int *w = (unsigned int *)Base + (Offset >> 5), bit = 1u << (Offset & 31);
    unsigned char old = (unsigned char)((*w & bit) != 0);
    *w |= bit;
    return old;
}
BCSIM_INTRIN unsigned char _bittestandreset(int *Base, int Offset)
{
    unsigned int *w = (unsigned int *)Base + (Offset >> 5), bit = 1u << (Offset & 31);
    unsigned char old = (unsigned char)((*w & bit) != 0);
    *w &= ~bit;
    return old;
}
BCSIM_INTRIN unsigned char _bittestandcomplement(int *Base, int Offset)
{
    unsigned int *w = (unsigned int *)Base + (Offset >> 5), bit = 1u << (Offset & 31);
    unsigned char old = (unsigned char)((*w & bit) != 0);
    *w ^= bit;
    return old;
}
BCSIM_INTRIN unsigned char _bittest64(long long const *Base, long long Offset)
{ return (unsigned char)((((unsigned long long const *)Base)[Offset >> 6] >> (Offset & 63)) & 1u); }
BCSIM_INTRIN unsigned char _bittestandset64(long long *Base, long long Offset)
{
    unsigned long long *w = (unsigned long long *)Base + (Offset >> 6), bit = 1ULL << (Offset & 63);
    unsigned char old = (unsigned char)((*w & bit) != 0);
    *w |= bit;
    return old;
}
BCSIM_INTRIN unsigned char _bittestandreset64(long long *Base, long long Offset)
{
    unsigned long long *w = (unsigned long long *)Base + (Offset >> 6), bit = 1ULL << (Offset & 63);
    unsigned char old = (unsigned char)((*w & bit) != 0);
    *w &= ~bit;
    return old;
}
BCSIM_INTRIN unsigned char _bittestandcomplement64(long long *Base, long long Offset)
{
    unsigned long long *w = (unsigned long long *)Base + (Offset >> 6), bit = 1ULL << (Offset & 63);
    unsigned char old = (unsigned char)((*w & bit) != 0);
    *w ^= bit;
    return old;
}
BCSIM_INTRIN unsigned short __popcnt16(unsigned short Value) { return (unsigned short)__builtin_popcount(Value); }
BCSIM_INTRIN unsigned int __popcnt(unsigned int Value) { return (unsigned int)__builtin_popcount(Value); }
BCSIM_INTRIN unsigned long long __popcnt64(unsigned long long Value) { return (unsigned long long)__builtin_popcountll(Value); }

BCSIM_INTRIN unsigned int _rotl(unsigned int Value, int Shift)
{ Shift &= 31; return Shift ? (Value << Shift) | (Value >> (32 - Shift)) : Value; }
BCSIM_INTRIN unsigned int _rotr(unsigned int Value, int Shift)
{ Shift &= 31; return Shift ? (Value >> Shift) | (Value << (32 - Shift)) : Value; }
BCSIM_INTRIN unsigned long long _rotl64(unsigned long long Value, int Shift)
{ Shift &= 63; return Shift ? (Value << Shift) | (Value >> (64 - Shift)) : Value; }
BCSIM_INTRIN unsigned long long _rotr64(unsigned long long Value, int Shift)
{ Shift &= 63; return Shift ? (Value >> Shift) | (Value << (64 - Shift)) : Value; }
BCSIM_INTRIN unsigned short _byteswap_ushort(unsigned short Value) { return __builtin_bswap16(Value); }
BCSIM_INTRIN unsigned int _byteswap_ulong(unsigned int Value) { return __builtin_bswap32(Value); }
BCSIM_INTRIN unsigned long long _byteswap_uint64(unsigned long long Value) { return __builtin_bswap64(Value); }

#if defined(__x86_64__)   /* 128-bit helpers: x64 only, as in MSVC */
BCSIM_INTRIN unsigned long long _umul128(unsigned long long Multiplier, unsigned long long Multiplicand,
                                         unsigned long long *HighProduct)
{
    unsigned __int128 p = (unsigned __int128)Multiplier * Multiplicand;
    *HighProduct = (unsigned long long)(p >> 64);
    return (unsigned long long)p;
}
BCSIM_INTRIN long long _mul128(long long Multiplier, long long Multiplicand, long long *HighProduct)
{
    __int128 p = (__int128)Multiplier * Multiplicand;
    *HighProduct = (long long)(p >> 64);
    return (long long)p;
}
BCSIM_INTRIN unsigned long long __shiftleft128(unsigned long long LowPart, unsigned long long HighPart,
                                               unsigned char Shift)
{
    unsigned __int128 v = ((unsigned __int128)HighPart << 64) | LowPart;
    return (unsigned long long)((v << (Shift & 63)) >> 64);
}
BCSIM_INTRIN unsigned long long __shiftright128(unsigned long long LowPart, unsigned long long HighPart,
                                                unsigned char Shift)
{
    unsigned __int128 v = ((unsigned __int128)HighPart << 64) | LowPart;
    return (unsigned long long)(v >> (Shift & 63));
}
#endif

/* string stores/moves: plain loops (the rep-prefixed forms are not privileged, loops are
 * simply easier for the sanitizers to follow) */
BCSIM_INTRIN void __stosb(unsigned char *Destination, unsigned char Data, size_t Count)
{ for (size_t i = 0; i < Count; i++) Destination[i] = Data; }
BCSIM_INTRIN void __stosw(unsigned short *Destination, unsigned short Data, size_t Count)
{ for (size_t i = 0; i < Count; i++) Destination[i] = Data; }
BCSIM_INTRIN void __stosd(unsigned int *Destination, unsigned int Data, size_t Count)
{ for (size_t i = 0; i < Count; i++) Destination[i] = Data; }
BCSIM_INTRIN void __stosq(unsigned long long *Destination, unsigned long long Data, size_t Count)
{ for (size_t i = 0; i < Count; i++) Destination[i] = Data; }
BCSIM_INTRIN void __movsb(unsigned char *Destination, unsigned char const *Source, size_t Count)
{ for (size_t i = 0; i < Count; i++) Destination[i] = Source[i]; }

/* ---- keywords that are not functions ---------------------------------------------------- */
#ifndef _ReturnAddress
#  define _ReturnAddress() __builtin_return_address(0)
#endif
#ifndef _AddressOfReturnAddress
#  define _AddressOfReturnAddress() ((void *)((char *)__builtin_frame_address(0) + sizeof(void *)))
#endif

/* ---- routed to bcsim (S13): real functions, never the privileged instruction ------------- */
unsigned char __inbyte(unsigned short Port);
unsigned short __inword(unsigned short Port);
unsigned int __indword(unsigned short Port);
void __outbyte(unsigned short Port, unsigned char Data);
void __outword(unsigned short Port, unsigned short Data);
void __outdword(unsigned short Port, unsigned int Data);
void __inbytestring(unsigned short Port, unsigned char *Buffer, unsigned int Count);
void __inwordstring(unsigned short Port, unsigned short *Buffer, unsigned int Count);
void __indwordstring(unsigned short Port, unsigned int *Buffer, unsigned int Count);
void __outbytestring(unsigned short Port, unsigned char *Buffer, unsigned int Count);
void __outwordstring(unsigned short Port, unsigned short *Buffer, unsigned int Count);
void __outdwordstring(unsigned short Port, unsigned int *Buffer, unsigned int Count);
unsigned long long __readcr0(void);
unsigned long long __readcr3(void);
unsigned long long __readcr4(void);
unsigned long long __readcr8(void);
void __writecr8(unsigned long long Data);
void _disable(void);
void _enable(void);
unsigned long long __readmsr(unsigned int Register);
void __writemsr(unsigned int Register, unsigned long long Value);
void __halt(void);
#if defined(__clang__)
   /* clang lowers these names to its own builtins (int3, int 0x29, gs: loads); bind them to
    * bcsim's symbols through alias declarations instead. */
void bcsim_intrin___debugbreak(void) __asm__("__debugbreak");
__attribute__((__noreturn__)) void bcsim_intrin___fastfail(unsigned int Code) __asm__("__fastfail");
unsigned char bcsim_intrin___readgsbyte(unsigned int Offset) __asm__("__readgsbyte");
unsigned short bcsim_intrin___readgsword(unsigned int Offset) __asm__("__readgsword");
unsigned int bcsim_intrin___readgsdword(unsigned int Offset) __asm__("__readgsdword");
unsigned long long bcsim_intrin___readgsqword(unsigned int Offset) __asm__("__readgsqword");
#  define __debugbreak bcsim_intrin___debugbreak
#  define __fastfail   bcsim_intrin___fastfail
#  define __readgsbyte  bcsim_intrin___readgsbyte
#  define __readgsword  bcsim_intrin___readgsword
#  define __readgsdword bcsim_intrin___readgsdword
#  define __readgsqword bcsim_intrin___readgsqword
#else
void __debugbreak(void);
__attribute__((__noreturn__)) void __fastfail(unsigned int Code);
unsigned char __readgsbyte(unsigned int Offset);
unsigned short __readgsword(unsigned int Offset);
unsigned int __readgsdword(unsigned int Offset);
unsigned long long __readgsqword(unsigned int Offset);
#endif

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_SHIM_INTRIN_IMPL_H */
