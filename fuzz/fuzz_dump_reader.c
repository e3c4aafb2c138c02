/*
 * fuzz/fuzz_dump_reader.c — the crash-dump reader (include/bcsim/dump.h) as a fuzz target:
 * open the input from memory, then run every read operation on whatever it accepted.
 * Seeds: fuzz/corpus/fuzz_dump_reader/ (made by tests/gen_dump_corpus.c); the ctest
 * test_dump_corpus replays them without libFuzzer.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bcsim.h"
#include "bcsim/dump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t get64(const uint8_t *data, size_t size, size_t off)
{
    uint64_t v = 0;
    if (off + 8 <= size)
        memcpy(&v, data + off, 8);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bcsim_dump_t *d = NULL;
    bcsim_dump_open_memory(data, size, &d);
    if (!d)
        return 0;
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    uint8_t buf[0x2200];
    uint64_t a, b, done, total;

    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++)
        (void)bcsim_dump_diag_get(d, i)->message;
    (void)bcsim_dump_error(d);
    for (uint32_t i = 0; bcsim_dump_run_get(d, i, &a, &b) == 0 && i < 64; i++) {
        bcsim_dump_read_physical(d, a << 12, buf, 0x1000, &done);
        bcsim_dump_read_physical(d, ((a + b - 1) << 12) + 0xFF8, buf, 0x10, &done);
    }
    /* physical addresses the file itself suggests, and fixed interesting ones */
    uint64_t pas[] = { 0, 0x1AD000, 0x1AE000, 0x10000000, in->directory_table_base,
                       get64(data, size, 0x98) << 12, get64(data, size, 0x2020) << 12,
                       UINT64_MAX - 0x10 };
    for (size_t i = 0; i < sizeof(pas) / sizeof(pas[0]); i++) {
        bcsim_dump_page_offset(d, pas[i] >> 12, &a);
        bcsim_dump_read_physical(d, pas[i], buf, 0x1100, &done);
    }
    uint64_t vas[] = { in->context_rip, in->context_rsp, 0xFFFFF6FB7DBED000ULL,
                       0xFFFFF6FB7DA00000ULL, get64(data, size, 0x20), 0x7FFFFFFFF000ULL,
                       0x0000800000000000ULL, 0 };
    for (size_t i = 0; i < sizeof(vas) / sizeof(vas[0]); i++) {
        bcsim_dump_translate(d, vas[i], &a);
        bcsim_dump_read_virtual(d, vas[i] - 0x10, buf, 0x2010, &done);
    }
    uint32_t n = bcsim_dump_blob_count(d);
    for (uint32_t i = 0; i < n && i < 256; i++) {
        bcsim_dump_blob_t blob;
        if (bcsim_dump_blob_get(d, i, &blob))
            continue;
        bcsim_dump_read_blob(d, i, 0, buf, sizeof(buf), &done);
        bcsim_dump_read_blob(d, i, blob.size, buf, 1, &done);
        bcsim_dump_read_tagged(d, &blob.guid, blob.size / 2, buf, 16, &total, &done);
        bcsim_dump_tag_count(d, &blob.guid);
    }
    bcsim_guid_t zero;
    memset(&zero, 0, sizeof(zero));
    bcsim_dump_read_tagged(d, &zero, 0, buf, 8, &total, &done);
    bcsim_dump_close(d);
    return 0;
}
