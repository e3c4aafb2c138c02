/*
 * src/dump/dump_header.c — KeInitializeCrashDumpHeader's header (wdk-surface.md 3.17; Learn:
 * KeInitializeCrashDumpHeader): the 0x2000-byte DUMP_HEADER64 of a complete memory dump
 * (DumpType 1) of the simulated machine as it is now, made by the dump writer
 * (src/dump/dump_writer.h). Learn: only DUMP_TYPE_FULL and Flags 0 are valid; the header holds the
 * system page directory base, no exception record and no secondary dump data.
 *
 * "All physical memory" in bcsim is every frame the memory registry has handed out (driver
 * pages outside the default dump set included); the PhysicalMemoryBlock describes those runs.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "dump/dump_format.h"
#include "dump/dump_writer.h"
#include "memory/memory.h"

#define DUMP_TYPE_FULL 1u
#define HEADER_BYTES 0x2000u

_Static_assert(sizeof(bcsim__dmp_header64_t) == HEADER_BYTES, "DUMP_HEADER64");

static int capture(void *ctx, uint32_t type, const void *buf, uint32_t len)
{
    if (type == BCSIM_DUMP_IO_HEADER && len == HEADER_BYTES)
        memcpy(ctx, buf, HEADER_BYTES);
    return 0;
}

static int make_header(void *out, void *caller)
{
    bcsim__pfnset_t set;
    bcsim__pfnset_init(&set, 0);
    size_t n;
    const bcsim__region_t *r = bcsim__mem_regions(&n);
    for (size_t i = 0; i < n; i++)
        if (r[i].pfn_base && r[i].mclass != BCSIM__MEM_MMIO && r[i].mclass != BCSIM__MEM_FREED)
            bcsim__pfnset_add(&set, r[i].pfn_base, (r[i].end - r[i].start) >> BCSIM_PAGE_SHIFT);
    bcsim__dump_params_t p;
    bcsim__dump_params_init(&p);
    p.dump_type = DUMP_TYPE_FULL;
    p.bugcheck_code = (uint32_t)bcsim__m.bugcheck_data[0];
    memcpy(p.bugcheck_params, &bcsim__m.bugcheck_data[1], sizeof(p.bugcheck_params));
    p.build_number = bcsim__m.cfg.build_number;
    p.system_time = bcsim__clock_system_time();
    p.uptime_100ns = bcsim__clock_now_100ns();
    p.comment = "bcsim KeInitializeCrashDumpHeader";
    p.regs.rip = (uint64_t)caller;
    p.regs.rsp = (uint64_t)__builtin_frame_address(0);
    p.regs.rbp = (uint64_t)__builtin_frame_address(0);
    bcsim__dump_writer_t *w = NULL;
    int rc = bcsim__dump_writer_create(&p, &set, capture, out, &w, NULL);
    if (!rc)
        rc = bcsim__dump_writer_header(w);
    bcsim__dump_writer_destroy(w);
    bcsim__pfnset_free(&set);
    if (rc)
        return rc;
    /* Learn: no information about an active exception record. */
    bcsim__dmp_header64_t *h = out;
    memset(&h->exception, 0, sizeof(h->exception));
    return 0;
}

bcsim__i32 bcsim__crash_dump_header(bcsim__u32 dump_type, bcsim__u32 flags, void *buffer,
                                    bcsim__u32 buffer_size, bcsim__u32 *buffer_needed,
                                    void *caller)
{
    if (dump_type != DUMP_TYPE_FULL || flags != 0)
        return BCSIM_STATUS_INVALID_PARAMETER;
    if (buffer_needed)
        *buffer_needed = HEADER_BYTES;
    if (buffer_size < HEADER_BYTES)
        return BCSIM_STATUS_BUFFER_TOO_SMALL;
    if (!buffer)
        return BCSIM_STATUS_INVALID_PARAMETER;
    static uint8_t header[HEADER_BYTES];
    BCSIM__CRITICAL_ENTER();
    int rc = make_header(header, caller);
    BCSIM__CRITICAL_LEAVE();
    if (rc)
        return BCSIM_STATUS_INSUFFICIENT_RESOURCES;
    memcpy(buffer, header, HEADER_BYTES);
    return BCSIM_STATUS_SUCCESS;
}
