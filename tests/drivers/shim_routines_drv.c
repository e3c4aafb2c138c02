/*
 * tests/drivers/shim_routines_drv.c — a test driver that exercises the shim's pure routines
 * (src/nt: lists, bitmaps, RtlCompareMemory, wide CRT, Interlocked, processors, data exports,
 * MmGetSystemRoutineAddress, port I/O) exactly as driver code calls them, compiled with the
 * driver profile. tests/test_shim_routines.c checks the results.
 */
#include <ntddk.h>
#include "shim_routines_drv.h"

extern PULONG_PTR KiBugCheckData;

typedef struct _SR_ENTRY {
    LIST_ENTRY Link;
    SINGLE_LIST_ENTRY Single;
    unsigned Id;
} SR_ENTRY;

/* Inserts 1..4 at head/tail, removes from both ends, returns the visit order as decimal digits. */
unsigned sr_list_order(void)
{
    static SR_ENTRY e[5];
    LIST_ENTRY head;
    PLIST_ENTRY l;
    unsigned order = 0, i;
    InitializeListHead(&head);
    for (i = 1; i <= 4; i++)
        e[i].Id = i;
    InsertTailList(&head, &e[1].Link);   /* 1 */
    InsertTailList(&head, &e[2].Link);   /* 1 2 */
    InsertHeadList(&head, &e[3].Link);   /* 3 1 2 */
    /* AppendTailList takes the first entry of a headless ring (Learn: "ListToAppend"). */
    InitializeListHead(&e[4].Link);
    AppendTailList(&head, &e[4].Link);   /* 3 1 2 4 */
    for (l = head.Flink; l != &head; l = l->Flink)
        order = order * 10 + CONTAINING_RECORD(l, SR_ENTRY, Link)->Id;
    order = order * 10 + CONTAINING_RECORD(RemoveHeadList(&head), SR_ENTRY, Link)->Id;  /* 3 */
    order = order * 10 + CONTAINING_RECORD(RemoveTailList(&head), SR_ENTRY, Link)->Id;  /* 4 */
    (void)RemoveEntryList(&e[1].Link);
    order = order * 10 + CONTAINING_RECORD(head.Flink, SR_ENTRY, Link)->Id;             /* 2 */
    return order;
}

int sr_list_empty_after_drain(void)
{
    SR_ENTRY a;
    LIST_ENTRY head;
    InitializeListHead(&head);
    InsertHeadList(&head, &a.Link);
    return !IsListEmpty(&head) && RemoveEntryList(&a.Link) && IsListEmpty(&head);
}

unsigned sr_single_list_order(void)
{
    SR_ENTRY e[4];
    SINGLE_LIST_ENTRY head;
    PSINGLE_LIST_ENTRY s;
    unsigned order = 0, i;
    head.Next = NULL;
    for (i = 1; i <= 3; i++) {
        e[i].Id = i;
        PushEntryList(&head, &e[i].Single);
    }
    while ((s = PopEntryList(&head)) != NULL)
        order = order * 10 + CONTAINING_RECORD(s, SR_ENTRY, Single)->Id;
    return order;                        /* 321 */
}

/* A removal through a corrupted link: the WDK's checks fail fast (bug check 0x139, P1 3). */
void sr_corrupt_list_and_remove(void *unused)
{
    static SR_ENTRY a, b;
    static LIST_ENTRY head;
    UNREFERENCED_PARAMETER(unused);
    InitializeListHead(&head);
    InsertTailList(&head, &a.Link);
    InsertTailList(&head, &b.Link);
    a.Link.Flink = &head;                /* a's successor is b: the list is now inconsistent */
    (void)RemoveEntryList(&a.Link);
}

/* A fixed bitmap scenario; out[] receives the results in order (see the test). */
int sr_bitmap(unsigned int *out, int max)
{
    static ULONG buffer[3];              /* 70 bits used */
    RTL_BITMAP bm;
    ULONG start = 0;
    int n = 0;
    RtlInitializeBitMap(&bm, buffer, 70);
    RtlSetAllBits(&bm);
    out[n++] = RtlNumberOfSetBits(&bm);                 /* 70 */
    RtlClearAllBits(&bm);
    out[n++] = RtlNumberOfClearBits(&bm);               /* 70 */
    RtlSetBits(&bm, 3, 5);                              /* 3..7 */
    RtlSetBit(&bm, 40);
    out[n++] = RtlNumberOfSetBits(&bm);                 /* 6 */
    out[n++] = RtlTestBit(&bm, 7) + 2 * RtlTestBit(&bm, 8) + 4 * (ULONG)RtlCheckBit(&bm, 40);  /* 5 */
    out[n++] = RtlAreBitsSet(&bm, 3, 5) + 2 * RtlAreBitsSet(&bm, 3, 6);                      /* 1 */
    out[n++] = RtlAreBitsClear(&bm, 8, 32) + 2 * RtlAreBitsClear(&bm, 8, 33);                /* 1 */
    out[n++] = RtlFindSetBits(&bm, 3, 0);               /* 3 */
    out[n++] = RtlFindClearBits(&bm, 4, 0);             /* 8 */
    out[n++] = RtlFindClearBits(&bm, 29, 41);           /* 41 (41..69) */
    out[n++] = RtlFindClearBits(&bm, 30, 41);           /* 8: wraps to the start (8..39) */
    out[n++] = RtlFindClearBits(&bm, 40, 0);            /* 0xFFFFFFFF: no run that long */
    out[n++] = RtlFindClearBitsAndSet(&bm, 2, 0);       /* 0 */
    out[n++] = RtlNumberOfSetBits(&bm);                 /* 8 */
    out[n++] = RtlFindSetBitsAndClear(&bm, 2, 0);       /* 0 */
    out[n++] = RtlFindFirstRunClear(&bm, &start);       /* 3 (0..2) */
    out[n++] = start;                                   /* 0 */
    out[n++] = RtlFindLongestRunClear(&bm, &start);     /* 32 (8..39) */
    out[n++] = start;                                   /* 8 */
    RtlClearBits(&bm, 3, 5);
    RtlClearBit(&bm, 40);
    out[n++] = RtlNumberOfSetBits(&bm);                 /* 0 */
    return n <= max ? n : max;
}

size_t sr_compare(const void *a, const void *b, size_t n)
{
    return RtlCompareMemory(a, b, n);
}

/* Wide CRT on 16-bit units; out[] receives the results in order (see the test). */
int sr_wide(int *out, int max)
{
    static const WCHAR abc[] = L"abcabc";
    WCHAR buf[16];
    int n = 0;
    out[n++] = (int)wcslen(L"KeBugCheckEx");                        /* 12 */
    out[n++] = (int)wcsnlen(L"KeBugCheckEx", 5);                    /* 5 */
    out[n++] = wcscmp(L"abc", L"abc") == 0;                         /* 1 */
    out[n++] = wcscmp(L"abc", L"abd") < 0;                          /* 1 */
    out[n++] = wcsncmp(L"abcX", L"abcY", 3) == 0;                   /* 1 */
    out[n++] = _wcsicmp(L"HeLLo", L"hello") == 0;                   /* 1 */
    out[n++] = (int)(wcschr(abc, L'c') - abc);                  /* 2 */
    out[n++] = (int)(wcsrchr(abc, L'b') - abc);                 /* 4 */
    out[n++] = wcschr(abc, L'z') == NULL;                       /* 1 */
    wcsncpy(buf, L"abc", 16);
    out[n++] = buf[3] == 0 && buf[15] == 0 && buf[2] == L'c';       /* 1: padded */
    out[n++] = wcsstr(L"KeBugCheckEx", L"Check") != NULL;            /* 1 */
    out[n++] = (int)sizeof(WCHAR);                                  /* 2 */
    return n <= max ? n : max;
}

void *sr_lookup(const char *ascii_name)
{
    WCHAR wide[128];
    UNICODE_STRING name;
    ULONG i = 0;
    for (; ascii_name[i] && i + 1 < RTL_NUMBER_OF(wide); i++)
        wide[i] = (WCHAR)(UCHAR)ascii_name[i];
    wide[i] = 0;
    name.Buffer = wide;
    name.Length = (USHORT)(i * sizeof(WCHAR));
    name.MaximumLength = (USHORT)sizeof(wide);
    return MmGetSystemRoutineAddress(&name);
}

/* Every name of wdk-surface.md 3.13 (the checklist's "resolve" lines) resolves to bcsim's own
 * export; KiBugCheckData to the array itself. Returns the number of mismatches. */
int sr_check_resolve(const char **first_failure)
{
#define BCSIM_COV_RESOLVE(n) { #n, (const void *)&n },
    static const struct { const char *name; const void *address; } names[] = {
#include "resolve_names.inc"
    };
#undef BCSIM_COV_RESOLVE
    int bad = 0;
    ULONG i;
    for (i = 0; i < RTL_NUMBER_OF(names); i++) {
        const void *want = strcmp(names[i].name, "KiBugCheckData") ? names[i].address
                                                                    : (const void *)KiBugCheckData;
        if (sr_lookup(names[i].name) != want) {
            if (!bad && first_failure)
                *first_failure = names[i].name;
            bad++;
        }
    }
    return bad;
}

void *sr_address_of_KeBugCheckEx(void)
{
    return (void *)&KeBugCheckEx;
}

void *sr_kibugcheckdata_value(void)
{
    return KiBugCheckData;
}

int sr_interlocked(long long *out, int max)
{
    static volatile LONG l;
    static volatile LONG64 q;
    static PVOID volatile p;
    ULONG index = 99;
    int n = 0;
    l = 5;
    q = 1LL << 40;
    out[n++] = InterlockedIncrement(&l);                         /* 6 */
    out[n++] = InterlockedDecrement(&l);                         /* 5 */
    out[n++] = InterlockedExchange(&l, 9);                       /* 5 */
    out[n++] = InterlockedCompareExchange(&l, 1, 8);             /* 9 (no swap) */
    out[n++] = InterlockedCompareExchange(&l, 1, 9);             /* 9 (swapped) */
    out[n++] = InterlockedExchangeAdd(&l, 10);                   /* 1 */
    out[n++] = InterlockedOr(&l, 0x100);                         /* 11 */
    out[n++] = InterlockedAnd(&l, 0xF);                          /* 0x10B */
    out[n++] = InterlockedXor(&l, 0xF);                          /* 0xB */
    out[n++] = l;                                                /* 4 */
    out[n++] = InterlockedIncrement64(&q);                       /* 2^40 + 1 */
    out[n++] = InterlockedAdd64(&q, -1);                         /* 2^40 */
    out[n++] = InterlockedCompareExchangePointer(&p, (PVOID)&l, NULL) == NULL && p == (PVOID)&l;  /* 1 */
    out[n++] = InterlockedBitTestAndSet(&l, 4) + 2 * InterlockedBitTestAndSet(&l, 4);            /* 2 */
    out[n++] = BitScanForward(&index, 0x50) ? (LONG)index : -1;  /* 4 */
    out[n++] = BitScanReverse64(&index, 1ULL << 50) ? (LONG)index : -1;   /* 50 */
    out[n++] = BitScanForward(&index, 0);                        /* 0 */
    out[n++] = (long long)PopulationCount64(0xF0F0ULL);          /* 8 */
    return n <= max ? n : max;
}

int sr_processors(unsigned long long *out, int max)
{
    PROCESSOR_NUMBER pn;
    KAFFINITY active = 0;
    int n = 0;
    pn.Group = 7;
    pn.Number = 7;
    out[n++] = KeGetCurrentProcessorNumber();                    /* 0 */
    out[n++] = KeGetCurrentProcessorNumberEx(&pn) + pn.Group + pn.Number;   /* 0 */
    out[n++] = KeQueryActiveProcessorCount(&active);             /* 1 */
    out[n++] = active;                                           /* 1 */
    out[n++] = KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS);         /* 1 */
    out[n++] = KeQueryMaximumProcessorCountEx(0);                /* 1 */
    out[n++] = (unsigned long long)KeNumberProcessors;                     /* 1 */
    out[n++] = PsGetCurrentProcess() == IoGetCurrentProcess() &&
               PsGetProcessId(PsGetCurrentProcess()) == PsGetCurrentProcessId();   /* 1 */
    out[n++] = (PVOID)PsGetCurrentThread() == (PVOID)KeGetCurrentThread();        /* 1 */
    return n <= max ? n : max;
}

void *sr_system_range_start(void)
{
    return MmSystemRangeStart;
}

int sr_debugger_flags(void)
{
    return (KD_DEBUGGER_ENABLED ? 1 : 0) + (KD_DEBUGGER_NOT_PRESENT ? 2 : 0) +
           ((ULONG_PTR)MmHighestUserAddress < MmUserProbeAddress ? 4 : 0) +
           (MmUserProbeAddress <= (ULONG_PTR)MmSystemRangeStart ? 8 : 0);
}

unsigned int sr_build_number(void)
{
    extern ULONG NtBuildNumber;
    return NtBuildNumber;
}

/* RtlGetVersion with a structure of `size` bytes (0: NULL); out[] = status, major, minor,
 * build, platform, CSD[0], product type (EX only; 0xFF untouched). */
void sr_get_version(unsigned size, unsigned int out[7])
{
    RTL_OSVERSIONINFOEXW v;
    NTSTATUS st;
    RtlFillMemory(&v, sizeof(v), 0xFF);
    v.dwOSVersionInfoSize = size;
    st = RtlGetVersion(size ? (PRTL_OSVERSIONINFOW)&v : NULL);
    out[0] = (unsigned int)st;
    out[1] = v.dwMajorVersion;
    out[2] = v.dwMinorVersion;
    out[3] = v.dwBuildNumber;
    out[4] = v.dwPlatformId;
    out[5] = v.szCSDVersion[0];
    out[6] = v.wProductType;
}

unsigned sr_size_of_osversioninfo(int ex)
{
    return ex ? sizeof(RTL_OSVERSIONINFOEXW) : sizeof(RTL_OSVERSIONINFOW);
}

unsigned sr_read_port(unsigned short port)
{
    return READ_PORT_UCHAR((PUCHAR)(ULONG_PTR)port);
}

unsigned sr_inbyte(unsigned short port)
{
    return __inbyte(port);
}

void sr_write_port(unsigned short port, unsigned char v)
{
    WRITE_PORT_UCHAR((PUCHAR)(ULONG_PTR)port, v);
}
