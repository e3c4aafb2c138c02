/*
 * src/nt/rtl_memory.c — RtlCompareMemory and the RTL_BITMAP routines: pure functions on the
 * caller's memory, implemented for real (Learn pages of each routine). Callable at any IRQL
 * when the memory is nonpaged, which is the caller's business (the verifier checks accesses).
 */
#include "nt_private.h"

/* RtlCompareMemory — Learn: returns the number of bytes that match before the first
 * difference, or Length if all match. */
SIZE_T RtlCompareMemory(const VOID *Source1, const VOID *Source2, SIZE_T Length)
{
    bcsim__export_enter(BCSIM__X_RtlCompareMemory, BCSIM__CALLER());
    const UCHAR *a = (const UCHAR *)Source1, *b = (const UCHAR *)Source2;
    SIZE_T i = 0;
    while (i < Length && a[i] == b[i])
        i++;
    return i;
}

/* ---- bitmaps: bit i lives in Buffer[i / 32], bit (i % 32), least significant first ---------- */

static BOOLEAN bit_get(const RTL_BITMAP *h, ULONG i)
{
    return (BOOLEAN)((h->Buffer[i >> 5] >> (i & 31)) & 1u);
}

static void bits_put(PRTL_BITMAP h, ULONG start, ULONG count, BOOLEAN value)
{
    for (ULONG i = start; i < start + count; i++) {
        if (value)
            h->Buffer[i >> 5] |= 1u << (i & 31);
        else
            h->Buffer[i >> 5] &= ~(1u << (i & 31));
    }
}

/* Length of the run of bits equal to value starting at i, stopping at limit. */
static ULONG run_length(const RTL_BITMAP *h, ULONG i, ULONG limit, BOOLEAN value)
{
    ULONG n = 0;
    while (i + n < limit && bit_get(h, i + n) == value)
        n++;
    return n;
}

/* First index in [from, to) that starts a run of count bits equal to value, or ~0. */
static ULONG find_run(const RTL_BITMAP *h, ULONG from, ULONG to, ULONG count, BOOLEAN value)
{
    for (ULONG i = from; i < to && to - i >= count;) {
        ULONG n = run_length(h, i, to, value);
        if (n >= count)
            return i;
        i += n + 1;
    }
    return 0xFFFFFFFFu;
}

/* Learn (RtlFindClearBits/RtlFindSetBits): the search starts at HintIndex and wraps to the
 * start of the bitmap; a run never wraps around the end. */
static ULONG find_bits(const RTL_BITMAP *h, ULONG count, ULONG hint, BOOLEAN value)
{
    ULONG size = h->SizeOfBitMap;
    if (count > size)
        return 0xFFFFFFFFu;
    if (count == 0)
        return 0;
    if (hint >= size)
        hint = 0;
    ULONG at = find_run(h, hint, size, count, value);
    if (at == 0xFFFFFFFFu && hint != 0) {
        ULONG end = hint + count - 1 < size ? hint + count - 1 : size;
        at = find_run(h, 0, end, count, value);
    }
    return at;
}

VOID RtlInitializeBitMap(PRTL_BITMAP BitMapHeader, PULONG BitMapBuffer, ULONG SizeOfBitMap)
{
    bcsim__export_enter(BCSIM__X_RtlInitializeBitMap, BCSIM__CALLER());
    BitMapHeader->SizeOfBitMap = SizeOfBitMap;
    BitMapHeader->Buffer = BitMapBuffer;
}

VOID RtlClearBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    bcsim__export_enter(BCSIM__X_RtlClearBit, BCSIM__CALLER());
    bits_put(BitMapHeader, BitNumber, 1, FALSE);
}

VOID RtlSetBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    bcsim__export_enter(BCSIM__X_RtlSetBit, BCSIM__CALLER());
    bits_put(BitMapHeader, BitNumber, 1, TRUE);
}

BOOLEAN RtlTestBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    bcsim__export_enter(BCSIM__X_RtlTestBit, BCSIM__CALLER());
    return bit_get(BitMapHeader, BitNumber);
}

VOID RtlClearAllBits(PRTL_BITMAP BitMapHeader)
{
    bcsim__export_enter(BCSIM__X_RtlClearAllBits, BCSIM__CALLER());
    memset(BitMapHeader->Buffer, 0, ((BitMapHeader->SizeOfBitMap + 31) / 32) * sizeof(ULONG));
}

VOID RtlSetAllBits(PRTL_BITMAP BitMapHeader)
{
    bcsim__export_enter(BCSIM__X_RtlSetAllBits, BCSIM__CALLER());
    memset(BitMapHeader->Buffer, 0xFF, ((BitMapHeader->SizeOfBitMap + 31) / 32) * sizeof(ULONG));
}

VOID RtlClearBits(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG NumberToClear)
{
    bcsim__export_enter(BCSIM__X_RtlClearBits, BCSIM__CALLER());
    bits_put(BitMapHeader, StartingIndex, NumberToClear, FALSE);
}

VOID RtlSetBits(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG NumberToSet)
{
    bcsim__export_enter(BCSIM__X_RtlSetBits, BCSIM__CALLER());
    bits_put(BitMapHeader, StartingIndex, NumberToSet, TRUE);
}

ULONG RtlFindClearBits(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    bcsim__export_enter(BCSIM__X_RtlFindClearBits, BCSIM__CALLER());
    return find_bits(BitMapHeader, NumberToFind, HintIndex, FALSE);
}

ULONG RtlFindSetBits(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    bcsim__export_enter(BCSIM__X_RtlFindSetBits, BCSIM__CALLER());
    return find_bits(BitMapHeader, NumberToFind, HintIndex, TRUE);
}

ULONG RtlFindClearBitsAndSet(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    bcsim__export_enter(BCSIM__X_RtlFindClearBitsAndSet, BCSIM__CALLER());
    ULONG at = find_bits(BitMapHeader, NumberToFind, HintIndex, FALSE);
    if (at != 0xFFFFFFFFu)
        bits_put(BitMapHeader, at, NumberToFind, TRUE);
    return at;
}

ULONG RtlFindSetBitsAndClear(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    bcsim__export_enter(BCSIM__X_RtlFindSetBitsAndClear, BCSIM__CALLER());
    ULONG at = find_bits(BitMapHeader, NumberToFind, HintIndex, TRUE);
    if (at != 0xFFFFFFFFu)
        bits_put(BitMapHeader, at, NumberToFind, FALSE);
    return at;
}

/* Learn: FALSE when the range does not lie inside the bitmap (a zero-length range included). */
BOOLEAN RtlAreBitsClear(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG Length)
{
    bcsim__export_enter(BCSIM__X_RtlAreBitsClear, BCSIM__CALLER());
    ULONG size = BitMapHeader->SizeOfBitMap;
    if (Length == 0 || StartingIndex >= size || Length > size - StartingIndex)
        return FALSE;
    return (BOOLEAN)(run_length(BitMapHeader, StartingIndex, size, FALSE) >= Length);
}

BOOLEAN RtlAreBitsSet(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG Length)
{
    bcsim__export_enter(BCSIM__X_RtlAreBitsSet, BCSIM__CALLER());
    ULONG size = BitMapHeader->SizeOfBitMap;
    if (Length == 0 || StartingIndex >= size || Length > size - StartingIndex)
        return FALSE;
    return (BOOLEAN)(run_length(BitMapHeader, StartingIndex, size, TRUE) >= Length);
}

static ULONG count_set(const RTL_BITMAP *h)
{
    ULONG n = 0;
    for (ULONG w = 0; w < h->SizeOfBitMap / 32; w++)
        n += (ULONG)__builtin_popcount(h->Buffer[w]);
    for (ULONG i = h->SizeOfBitMap & ~31u; i < h->SizeOfBitMap; i++)
        n += bit_get(h, i);
    return n;
}

ULONG RtlNumberOfSetBits(PRTL_BITMAP BitMapHeader)
{
    bcsim__export_enter(BCSIM__X_RtlNumberOfSetBits, BCSIM__CALLER());
    return count_set(BitMapHeader);
}

ULONG RtlNumberOfClearBits(PRTL_BITMAP BitMapHeader)
{
    bcsim__export_enter(BCSIM__X_RtlNumberOfClearBits, BCSIM__CALLER());
    return BitMapHeader->SizeOfBitMap - count_set(BitMapHeader);
}

/* Learn: returns the number of clear bits in the first (lowest) clear run, 0 if none. */
ULONG RtlFindFirstRunClear(PRTL_BITMAP BitMapHeader, PULONG StartingIndex)
{
    bcsim__export_enter(BCSIM__X_RtlFindFirstRunClear, BCSIM__CALLER());
    ULONG size = BitMapHeader->SizeOfBitMap;
    *StartingIndex = 0;
    for (ULONG i = 0; i < size; i++)
        if (!bit_get(BitMapHeader, i)) {
            *StartingIndex = i;
            return run_length(BitMapHeader, i, size, FALSE);
        }
    return 0;
}

/* Learn: returns the length of the longest clear run, 0 if none. */
ULONG RtlFindLongestRunClear(PRTL_BITMAP BitMapHeader, PULONG StartingIndex)
{
    bcsim__export_enter(BCSIM__X_RtlFindLongestRunClear, BCSIM__CALLER());
    ULONG size = BitMapHeader->SizeOfBitMap, best = 0;
    *StartingIndex = 0;
    for (ULONG i = 0; i < size;) {
        ULONG n = run_length(BitMapHeader, i, size, FALSE);
        if (n > best) {
            best = n;
            *StartingIndex = i;
        }
        i += n ? n : 1;
    }
    return best;
}
