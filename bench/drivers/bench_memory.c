/*
 * bench_memory — a driver that owns a lot of nonpaged memory, so a kernel dump has real pages
 * to write: DriverEntry allocates BenchMemoryMiB MiB of nonpaged pool in 16 MiB blocks and
 * fills every byte with a per-page pattern (no page is zero, so the dump file skips none of
 * them as a sparse hole). It registers no callback: what it costs is the dump writer's.
 *
 * Built two ways: as a module with BENCH_MEMORY_MIB=64 (the full-scenario benchmark loads it
 * beside the example drivers) and linked into bench_dump, which picks the size with
 * bench_memory_set_mib() before attaching it.
 */
#include <ntddk.h>

#ifndef BENCH_MEMORY_MIB
#define BENCH_MEMORY_MIB 64
#endif

#define BLOCK_BYTES (16u * 1024u * 1024u)
#define MAX_BLOCKS 256u                      /* 4 GiB */

static ULONG BenchMemoryMiB = BENCH_MEMORY_MIB;
static PVOID Blocks[MAX_BLOCKS];
static ULONG BlockCount;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD BenchMemoryUnload;

static VOID FillBlock(PULONG64 Block, SIZE_T Bytes, ULONG64 Seed)
{
    SIZE_T i;
    for (i = 0; i < Bytes / sizeof(ULONG64); i++)
        Block[i] = (Seed + i / 512) * 0x9E3779B97F4A7C15ULL | 1;
}

_Use_decl_annotations_
VOID BenchMemoryUnload(PDRIVER_OBJECT DriverObject)
{
    ULONG i;
    UNREFERENCED_PARAMETER(DriverObject);
    for (i = 0; i < BlockCount; i++)
        ExFreePoolWithTag(Blocks[i], 'mhcB');
    BlockCount = 0;
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG64 left = (ULONG64)BenchMemoryMiB * 1024 * 1024;
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = BenchMemoryUnload;
    while (left && BlockCount < MAX_BLOCKS) {
        SIZE_T bytes = left < BLOCK_BYTES ? (SIZE_T)left : BLOCK_BYTES;
        PVOID block = ExAllocatePool2(POOL_FLAG_NON_PAGED, bytes, 'mhcB');
        if (block == NULL) {
            BenchMemoryUnload(DriverObject);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        FillBlock((PULONG64)block, bytes, (ULONG64)BlockCount << 16);
        Blocks[BlockCount++] = block;
        left -= bytes;
    }
    return STATUS_SUCCESS;
}

/* Harness side (bench_dump): the size before DriverEntry runs, and DriverEntry itself. */
void bench_memory_set_mib(unsigned mib) { BenchMemoryMiB = mib; }
void *bench_memory_driver_entry(void) { return (void *)DriverEntry; }
