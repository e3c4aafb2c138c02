/*
 * fuzz/gen_fuzz_seeds.c — writes the per-reason seeds of the driver fuzzers
 * (fuzz/driver/corpus/<Reason>/) through bcsim_fuzz_encode(), so they follow the documented
 * input layout by construction. Each seed is a call sequence bcsim's dispatcher itself makes,
 * or a documented variation of one; none is meant to crash a correct driver.
 *
 *   gen_fuzz_seeds <fuzz/driver/corpus>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bcsim.h"
#include "bcsim/fuzz.h"

static const char *root;

static void emit(const char *reason_dir, const char *name, const bcsim_fuzz_input_t *in)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", root, reason_dir);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/%s/%s", root, reason_dir, name);
    size_t n = bcsim_fuzz_encode(in, NULL, 0);
    unsigned char *buf = malloc(n);
    bcsim_fuzz_encode(in, buf, n);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, n, f) != n) {
        perror(path);
        exit(1);
    }
    fclose(f);
    free(buf);
}

/* A fresh input for a reason: the dispatcher's defaults, reason_select naming the reason. */
static bcsim_fuzz_input_t base(int32_t reason, uint32_t calls)
{
    bcsim_fuzz_input_t in;
    bcsim_fuzz_input_init(&in);
    in.reason_select = reason == BCSIM_REASON_LEGACY ? 0xFF : (uint8_t)reason;
    in.call_count = calls;
    in.params[0] = 1;
    in.params[1] = 2;
    in.params[2] = 3;
    in.params[3] = 4;
    return in;
}

/* Raw call-entry fields are XOR their defaults (fuzz/README.md): these give the values. */
#define SDD_LEN(v) ((uint16_t)((v) ^ 0x0FD0u))
#define MP_LEN(v) ((uint16_t)((v) ^ 0x1000u))
#define IO_LEN(v) ((uint16_t)((v) ^ 0x2000u))
#define MAXIMUM(v) ((uint32_t)(v) ^ 0x04000000u)

static void secondary(void)
{
    const char *d = "SecondaryDumpData";
    int32_t r = BCSIM_REASON_SECONDARY_DUMP_DATA;
    bcsim_fuzz_input_t in = base(r, 1);
    emit(d, "size-request", &in);
    in.calls[0].kind = 1;
    emit(d, "data-request", &in);
    in = base(r, 2);
    in.calls[1].kind = 1;
    emit(d, "size-then-data", &in);
    in = base(r, 3);
    in.calls[1].kind = 1;
    in.calls[2].kind = 2;                   /* OutBuffer elsewhere, a whole page */
    emit(d, "size-data-elsewhere", &in);
    in = base(r, 2);
    in.calls[0].len = SDD_LEN(0x0FE0);      /* the geometry after a first block */
    in.calls[1].kind = 1;
    in.calls[1].len = SDD_LEN(0x0FE0);
    emit(d, "second-block-geometry", &in);
    in = base(r, 2);
    in.dump_select = 2;                     /* small dump: MaximumAllowed 4 KiB */
    in.calls[1].kind = 1;
    emit(d, "small-dump", &in);
    in = base(r, 2);
    in.calls[0].value = MAXIMUM(0x2000);    /* a nearly exhausted total */
    in.calls[1].kind = 1;
    in.calls[1].value = MAXIMUM(0x2000);
    emit(d, "limited-total", &in);
    in = base(r, 1);
    in.code = 0xD1;
    in.params[0] = 0x10;
    in.params[3] = 0xfffff80000001234ull;
    emit(d, "code-d1", &in);
    in = base(r, 1);
    in.rsd_mode = BCSIM_FUZZ_RSD_LONG;
    in.rsd_length = 0x10;
    emit(d, "rsd-longer", &in);
}

static void multipart(void)
{
    const char *d = "SecondaryMultiPartDumpData";
    int32_t r = BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA;
    bcsim_fuzz_input_t in = base(r, 6);     /* a sizing sweep */
    emit(d, "sizing-sweep", &in);
    for (int i = 0; i < 6; i++)
        in.calls[i].kind = 1;               /* a data sweep */
    emit(d, "data-sweep", &in);
    in = base(r, 12);
    for (int i = 6; i < 12; i++)
        in.calls[i].kind = 1;
    in.calls[6].kind = 3;                   /* restart: the data sweep after the sizing sweep */
    emit(d, "sizing-then-data", &in);
    in = base(r, 6);
    in.knobs = BCSIM_FUZZ_KNOB_NO_DEVICE;
    emit(d, "no-device-access", &in);
    in = base(r, 8);
    in.dump_select = 2;
    for (int i = 0; i < 8; i++)
        in.calls[i].kind = 1;
    emit(d, "small-dump", &in);
    in = base(r, 4);
    for (int i = 0; i < 4; i++) {
        in.calls[i].kind = 1;
        in.calls[i].len = MP_LEN(0x800);
        in.calls[i].value = MAXIMUM(0x800);
    }
    emit(d, "half-page-parts", &in);
}

static void dumpio(void)
{
    const char *d = "DumpIo";
    int32_t r = BCSIM_REASON_DUMP_IO;
    /* Header, Body, SecondaryData, Complete (kind bit 0 advances the type). */
    bcsim_fuzz_input_t in = base(r, 4);
    for (int i = 1; i < 4; i++)
        in.calls[i].kind = 1;
    in.calls[1].len = IO_LEN(0x10000 - 0x1000);
    in.calls[2].len = IO_LEN(0x1000);
    emit(d, "stream", &in);
    in.calls[0].flags = 1;                  /* real offsets */
    emit(d, "stream-real-offsets", &in);
    in = base(r, 8);
    in.calls[0].len = IO_LEN(0x2000);
    in.calls[1].kind = 1;
    in.calls[1].len = IO_LEN(0x8000);
    in.calls[2].len = IO_LEN(0x8000);
    in.calls[3].len = IO_LEN(0x3000);
    in.calls[4].kind = 1;
    in.calls[4].len = IO_LEN(0x1000);
    in.calls[5].len = IO_LEN(0x2000);
    in.calls[6].kind = 1;                   /* H, B, B, B, S, S, C, then a new stream's H */
    emit(d, "stream-many-chunks", &in);
    in = base(r, 8);
    for (int i = 1; i < 8; i++)
        in.calls[i].kind = 1;               /* H B S C, then H B S C again */
    in.calls[4].kind = 0;
    emit(d, "two-streams", &in);
    in = base(r, 2);
    in.calls[0].flags = 4;                  /* page-aligned buffers */
    in.calls[1].kind = 1;
    in.calls[1].flags = 4;
    in.calls[1].len = IO_LEN(0x4000);
    emit(d, "aligned-buffers", &in);
    static const unsigned char pattern[] = "PAGEDU64";
    in = base(r, 4);
    for (int i = 1; i < 4; i++)
        in.calls[i].kind = 1;
    in.payload = pattern;
    in.payload_size = 8;
    emit(d, "stream-dump-signature", &in);
}

static void pages(int32_t r, const char *d)
{
    bcsim_fuzz_input_t in = base(r, 1);
    emit(d, "one-call", &in);
    in = base(r, 4);
    emit(d, "up-to-four-calls", &in);
    in = base(r, 16);
    emit(d, "up-to-sixteen-calls", &in);
    in = base(r, 4);
    in.dump_select = 1;
    in.code = 0x139;
    emit(d, "complete-dump", &in);
}

static void triage(void)
{
    const char *d = "TriageDumpData";
    int32_t r = BCSIM_REASON_TRIAGE_DUMP_DATA;
    bcsim_fuzz_input_t in = base(r, 1);
    emit(d, "bugcheck-active", &in);
    in.calls[0].value = 1;                  /* Flags 0: a live dump */
    emit(d, "live-dump", &in);
    in = base(r, 2);
    in.calls[1].value = 1;
    emit(d, "bugcheck-then-live", &in);
    in = base(r, 1);
    in.calls[0].len = 0x0200 ^ 0x0001;      /* MaxVirtMemSize 64 KiB */
    emit(d, "small-max-virt-mem", &in);
}

static void simple(int32_t r, const char *d)
{
    bcsim_fuzz_input_t in = base(r, 1);
    emit(d, "one-call", &in);
    in.code = 0xE5;                         /* POWER_FAILURE_SIMULATE */
    emit(d, "power-failure", &in);
    in = base(r, 3);
    in.code = 0xD1;
    emit(d, "three-bugchecks", &in);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s <fuzz/driver/corpus>\n", argv[0]);
        return 2;
    }
    root = argv[1];
    mkdir(root, 0755);
    secondary();
    multipart();
    dumpio();
    pages(BCSIM_REASON_ADD_PAGES, "AddPages");
    pages(BCSIM_REASON_REMOVE_PAGES, "RemovePages");
    triage();
    simple(BCSIM_REASON_LEGACY, "legacy");
    simple(BCSIM_REASON_RESERVED1, "Reserved1");
    simple(BCSIM_REASON_RESERVED2, "Reserved2");
    simple(BCSIM_REASON_RESERVED3, "Reserved3");
    return 0;
}
