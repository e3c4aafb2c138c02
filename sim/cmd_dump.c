/*
 * sim/cmd_dump.c — `bcsim dump`: inspect a crash dump with the reader of include/bcsim/dump.h
 * (header summary, secondary data like WinDbg's .enumtag, one block by GUID, physical or
 * virtual memory), as text or JSON.
 *
 * Exit codes: 0 ok; 2 bad usage or a bad/malformed input (one line on stderr); 3 internal
 * error (out of memory); 4 the output (--out, standard output) could not be written.
 */
#include "bcsim.h"
#include "bcsim/dump.h"
#include "cli.h"
#include "base/outfile.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define EXIT_OK 0
#define EXIT_BAD 2
#define EXIT_INTERNAL 3
#define EXIT_OUTPUT 4

static const char usage[] =
"usage: bcsim dump FILE [options]\n"
"\n"
"Reads a Windows 64-bit kernel crash dump (DumpType 1 or 5), such as the ones bcsim writes.\n"
"Without options: header summary, layout, secondary data and every diagnostic.\n"
"\n"
"  --enumtag              every secondary-data block, like WinDbg's .enumtag:\n"
"                         \"{GUID} - 0x<size> bytes\", then 16 bytes per line in hex and\n"
"                         ASCII; blocks over 0x100 bytes show their first 0x80 and last\n"
"                         0x20 bytes around a \"....\" line\n"
"  --tag GUID             the first block with this GUID (8-4-4-4-12 or WinDbg's 8-4-4-16\n"
"                         form, braces optional); later blocks with the same GUID are\n"
"                         hidden, as in the debugger (a warning says so)\n"
"    --offset N           start N bytes into the block\n"
"    --size N             at most N bytes\n"
"    --out F              write the raw bytes to F; without --out they go to standard\n"
"                         output: as a hex dump on a terminal, raw when redirected.\n"
"                         F appears whole or not at all; a device or FIFO is written in\n"
"                         place; a directory, a symbolic link to a file or the input dump\n"
"                         itself are refused\n"
"  --phys ADDR LEN        hex dump of LEN bytes of physical memory at ADDR\n"
"  --virt ADDR LEN        hex dump through the dump's page tables (DirectoryTableBase)\n"
"  --json                 machine-readable output (one JSON object)\n"
"  --help                 this text\n"
"\n"
"Numbers are decimal or 0x-prefixed hexadecimal.\n"
"Exit status: 0 ok, 2 bad usage or malformed input, 3 internal error, 4 the output could\n"
"not be written.\n";

typedef struct opts {
    const char *file;
    bool enumtag, json, tag_set, phys, virt;
    bcsim_guid_t tag;
    const char *tag_text;
    uint64_t offset, size;
    bool size_set;
    const char *out;
    uint64_t addr, len;
} opts_t;

static int bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int bad(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bcsim dump: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_BAD;
}

/* Standard output could not take the output (a full device, a closed pipe). */
static int stdout_failed(void)
{
    int e = errno;
    fprintf(stderr, "bcsim dump: cannot write standard output: %s\n", e ? strerror(e) : "write error");
    return EXIT_OUTPUT;
}

static bool stdout_ok(void)
{
    errno = 0;
    return fflush(stdout) == 0 && !ferror(stdout);
}

static bool parse_u64(const char *s, uint64_t *v)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    *v = x;
    return true;
}

static int parse_args(int argc, char **argv, opts_t *o, bool *help)
{
    memset(o, 0, sizeof(*o));
    *help = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            *help = true;
            return 0;
        } else if (!strcmp(a, "--enumtag")) {
            o->enumtag = true;
        } else if (!strcmp(a, "--json")) {
            o->json = true;
        } else if (!strcmp(a, "--tag")) {
            if (!more)
                return bad("--tag needs a GUID");
            o->tag_text = argv[++i];
            if (bcsim_guid_parse(o->tag_text, &o->tag) != 0)
                return bad("--tag: '%s' is not a GUID (expected {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx})",
                           o->tag_text);
            o->tag_set = true;
        } else if (!strcmp(a, "--offset") || !strcmp(a, "--size")) {
            uint64_t v;
            if (!more || !parse_u64(argv[i + 1], &v))
                return bad("%s needs a number", a);
            i++;
            if (a[2] == 'o') {
                o->offset = v;
            } else {
                o->size = v;
                o->size_set = true;
            }
        } else if (!strcmp(a, "--out")) {
            if (!more || !argv[i + 1][0])
                return bad("--out needs a file name");
            o->out = argv[++i];
        } else if (!strcmp(a, "--phys") || !strcmp(a, "--virt")) {
            if (i + 2 >= argc || !parse_u64(argv[i + 1], &o->addr) || !parse_u64(argv[i + 2], &o->len))
                return bad("%s needs ADDR LEN (numbers)", a);
            i += 2;
            if (a[2] == 'p')
                o->phys = true;
            else
                o->virt = true;
        } else if (a[0] == '-' && a[1]) {
            return bad("unknown option '%s' (see bcsim dump --help)", a);
        } else if (!o->file) {
            if (!a[0])
                return bad("an empty dump file name");
            o->file = a;
        } else {
            return bad("more than one FILE ('%s', '%s')", o->file, a);
        }
    }
    if (!o->file)
        return bad("no dump FILE given (see bcsim dump --help)");
    int actions = o->enumtag + o->tag_set + o->phys + o->virt;
    if (actions > 1)
        return bad("--enumtag, --tag, --phys and --virt are exclusive");
    if (!o->tag_set && (o->offset || o->size_set || o->out))
        return bad("--offset, --size and --out need --tag");
    struct stat a, b;
    if (o->out && stat(o->out, &a) == 0 && stat(o->file, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        return bad("--out '%s' is the dump being read ('%s'); give another file", o->out, o->file);
    return 0;
}

/* ---- text helpers ---------------------------------------------------------------------- */

static void hex_line(FILE *f, const char *indent, uint64_t addr, int addr_width,
                     const uint8_t *b, size_t n)
{
    fprintf(f, "%s", indent);
    if (addr_width)
        fprintf(f, "%0*" PRIx64 "  ", addr_width, addr);
    for (size_t i = 0; i < 16; i++) {
        if (i < n)
            fprintf(f, "%02X ", b[i]);
        else
            fputs("   ", f);
    }
    fputc(' ', f);
    for (size_t i = 0; i < n; i++)
        fputc(b[i] >= 0x20 && b[i] < 0x7F ? b[i] : '.', f);
    fputc('\n', f);
}

static void hex_dump(FILE *f, uint64_t addr, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i += 16)
        hex_line(f, "", addr + i, 16, b + i, n - i < 16 ? n - i : 16);
}

static char *hex_string(const uint8_t *b, size_t n)
{
    char *s = malloc(n * 2 + 1);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++)
        sprintf(s + 2 * i, "%02x", b[i]);
    s[2 * n] = 0;
    return s;
}

static const char *status_name(uint32_t s)
{
    switch (s) {
    case 0x00000000: return "STATUS_SUCCESS";
    case 0xC0000001: return "STATUS_UNSUCCESSFUL";
    case 0xC000000D: return "STATUS_INVALID_PARAMETER";
    case 0xC0000017: return "STATUS_NO_MEMORY";
    case 0xC0000023: return "STATUS_BUFFER_TOO_SMALL";
    case 0xC000009A: return "STATUS_INSUFFICIENT_RESOURCES";
    case 0xC00000BB: return "STATUS_NOT_SUPPORTED";
    }
    return NULL;
}

static void filetime_text(uint64_t ft, char *buf, size_t n)
{
    const uint64_t epoch = 116444736000000000ULL;
    if (ft < epoch || ft == 0x4547415045474150ULL) {
        snprintf(buf, n, "not set");
        return;
    }
    time_t t = (time_t)((ft - epoch) / 10000000ULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M:%S UTC", &tm))
        snprintf(buf, n, "0x%" PRIx64, ft);
}

static void uptime_text(uint64_t u, char *buf, size_t n)
{
    uint64_t s = u / 10000000ULL;
    snprintf(buf, n, "%" PRIu64 "d %02" PRIu64 ":%02" PRIu64 ":%02" PRIu64 ".%07" PRIu64,
             s / 86400, s / 3600 % 24, s / 60 % 60, s % 60, (uint64_t)(u % 10000000u));
}

static const char *machine_name(uint32_t m)
{
    return m == 0x8664 ? "AMD64" : m == 0xAA64 ? "ARM64" : m == 0x14C ? "i386" : "unknown";
}

/* ---- summary ------------------------------------------------------------------------------ */

static void print_summary(const opts_t *o, bcsim_dump_t *d)
{
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    char g[40], t1[64], t2[64];
    printf("file:            %s (%" PRIu64 " bytes)\n", o->file, in->file_size);
    if (in->is_64bit)
        printf("format:          64-bit kernel dump (PAGE/DU64), DumpType %u (%s)\n",
               in->dump_type, bcsim_dump_type_name(in->dump_type));
    else if (in->is_32bit)
        printf("format:          32-bit kernel dump (PAGE/DUMP): unsupported\n");
    if (in->is_64bit || in->is_32bit) {
        printf("bug check:       0x%08X %s (0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ")\n",
               in->bugcheck_code, in->bugcheck_name ? in->bugcheck_name : "(unknown code)",
               in->bugcheck_params[0], in->bugcheck_params[1], in->bugcheck_params[2],
               in->bugcheck_params[3]);
        printf("version:         %u.%u, machine 0x%x (%s)", in->major_version, in->minor_version,
               in->machine_image_type, machine_name(in->machine_image_type));
        if (in->is_64bit)
            printf(", %u processor%s", in->number_processors, in->number_processors == 1 ? "" : "s");
        putchar('\n');
    }
    if (in->is_64bit) {
        filetime_text(in->system_time, t1, sizeof(t1));
        uptime_text(in->system_uptime, t2, sizeof(t2));
        printf("system time:     %s\n", t1);
        printf("uptime:          %s\n", t2);
        char comment[129];
        size_t k = 0;
        for (size_t i = 0; i < 128 && in->comment[i]; i++)
            comment[k++] = in->comment[i] >= 0x20 && in->comment[i] < 0x7F ? in->comment[i] : '?';
        comment[k] = 0;
        printf("comment:         \"%s\"\n", comment);
        printf("context:         rip 0x%" PRIx64 ", rsp 0x%" PRIx64 ", MxCsr 0x%x/0x%x\n",
               in->context_rip, in->context_rsp, in->context_mxcsr, in->fltsave_mxcsr);
        printf("dump space:      RequiredDumpSpace 0x%" PRIx64 ", file 0x%" PRIx64 "%s\n",
               in->required_dump_space, in->file_size, in->truncated ? " (truncated)" : "");
        if (in->dump_type == 1) {
            printf("runs:            %u, NumberOfPages 0x%" PRIx64 "\n", in->run_count,
                   in->number_of_pages);
            uint64_t b, c;
            for (uint32_t i = 0; bcsim_dump_run_get(d, i, &b, &c) == 0; i++)
                printf("  run %-2u         PFN 0x%" PRIx64 "-0x%" PRIx64 " (%" PRIu64 " pages)\n",
                       i, b, b + c - 1, c);
        } else if (in->dump_type == 5 || in->dump_type == 6) {
            char cc[5] = { 0 };
            memcpy(cc, &in->bitmap_signature, 4);
            for (int i = 0; i < 4; i++)
                if (cc[i] < 0x20 || cc[i] > 0x7E)
                    cc[i] = '?';
            printf("bitmap:          '%s', 0x%" PRIx64 " bits, FirstPage 0x%" PRIx64
                   ", TotalPresentPages 0x%" PRIx64 "\n", cc, in->bitmap_bits, in->first_page,
                   in->total_present_pages);
        }
        if (in->usable)
            printf("pages:           %" PRIu64 " (%" PRIu64 " in the file) from 0x%" PRIx64 "\n",
                   in->page_count, in->pages_in_file, in->data_offset);
        printf("DTB:             0x%" PRIx64 " (virtual reads %s)\n", in->directory_table_base,
               in->virtual_ok ? "available" : "unavailable");
        const char *sn = status_name(in->secondary_data_state);
        printf("secondary data:  state 0x%08X%s%s%s\n", in->secondary_data_state,
               sn ? " (" : "", sn ? sn : "", sn ? ")" : "");
        if (in->usable) {
            if (in->has_tagged)
                printf("tagged data:     %u blob%s at 0x%" PRIx64 " (BuildNumber 0x%08X)\n",
                       in->blob_count, in->blob_count == 1 ? "" : "s", in->tagged_offset,
                       in->blob_build_number);
            else
                printf("tagged data:     none at 0x%" PRIx64 "\n", in->tagged_offset);
            for (uint32_t i = 0; i < in->blob_count; i++) {
                bcsim_dump_blob_t b;
                if (bcsim_dump_blob_get(d, i, &b) == 0)
                    printf("  %s  0x%x bytes at 0x%" PRIx64 "%s\n", bcsim_guid_format(&b.guid, g),
                           b.size, b.data_offset, b.first_of_tag ? "" : " (hidden by an earlier block)");
            }
        }
    }
    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++) {
        const bcsim_dump_diag_t *x = bcsim_dump_diag_get(d, i);
        printf("%s: %s\n", bcsim_dump_severity_name(x->severity), x->message);
    }
}

/* ---- JSON ------------------------------------------------------------------------------------ */

static json_t *jhex(uint64_t v)
{
    char b[24];
    snprintf(b, sizeof(b), "0x%" PRIx64, v);
    return json_string(b);
}

static json_t *json_summary(const opts_t *o, bcsim_dump_t *d, int rc)
{
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    char g[40], t[64];
    json_t *j = json_object();
    json_object_set_new(j, "file", json_string(o->file));
    json_object_set_new(j, "size", json_integer((json_int_t)in->file_size));
    json_object_set_new(j, "ok", json_boolean(rc == 0));
    const char *err = bcsim_dump_error(d);
    json_object_set_new(j, "error", err ? json_string(err) : json_null());
    json_object_set_new(j, "format", json_string(in->is_64bit ? "64-bit" : in->is_32bit ? "32-bit" : "unknown"));
    if (in->is_64bit || in->is_32bit) {
        json_object_set_new(j, "dump_type", json_integer(in->dump_type));
        json_object_set_new(j, "dump_type_name", json_string(bcsim_dump_type_name(in->dump_type)));
        json_t *bc = json_object();
        json_object_set_new(bc, "code", jhex(in->bugcheck_code));
        json_object_set_new(bc, "name", in->bugcheck_name ? json_string(in->bugcheck_name) : json_null());
        json_t *ps = json_array();
        for (int i = 0; i < 4; i++)
            json_array_append_new(ps, jhex(in->bugcheck_params[i]));
        json_object_set_new(bc, "params", ps);
        json_object_set_new(j, "bugcheck", bc);
        json_object_set_new(j, "major_version", json_integer(in->major_version));
        json_object_set_new(j, "minor_version", json_integer(in->minor_version));
        json_object_set_new(j, "machine", jhex(in->machine_image_type));
    }
    if (in->is_64bit) {
        json_object_set_new(j, "processors", json_integer(in->number_processors));
        json_object_set_new(j, "system_time", jhex(in->system_time));
        filetime_text(in->system_time, t, sizeof(t));
        json_object_set_new(j, "system_time_text", json_string(t));
        json_object_set_new(j, "uptime_100ns", json_integer((json_int_t)(in->system_uptime & INT64_MAX)));
        char comment[129];
        size_t k = 0;
        for (size_t i = 0; i < 128 && in->comment[i]; i++)
            comment[k++] = in->comment[i] >= 0x20 && in->comment[i] < 0x7F ? in->comment[i] : '?';
        comment[k] = 0;
        json_object_set_new(j, "comment", json_string(comment));
        json_object_set_new(j, "required_dump_space", json_integer((json_int_t)(in->required_dump_space & INT64_MAX)));
        json_object_set_new(j, "truncated", json_boolean(in->truncated));
        json_object_set_new(j, "mxcsr", jhex(in->context_mxcsr));
        json_object_set_new(j, "fltsave_mxcsr", jhex(in->fltsave_mxcsr));
        json_object_set_new(j, "rip", jhex(in->context_rip));
        json_object_set_new(j, "rsp", jhex(in->context_rsp));
        json_object_set_new(j, "dtb", jhex(in->directory_table_base));
        json_object_set_new(j, "virtual_ok", json_boolean(in->virtual_ok));
        json_object_set_new(j, "usable", json_boolean(in->usable));
        json_object_set_new(j, "page_count", json_integer((json_int_t)in->page_count));
        json_object_set_new(j, "pages_in_file", json_integer((json_int_t)in->pages_in_file));
        json_object_set_new(j, "data_offset", jhex(in->data_offset));
        if (in->dump_type == 1) {
            json_t *runs = json_array();
            uint64_t b, c;
            for (uint32_t i = 0; bcsim_dump_run_get(d, i, &b, &c) == 0; i++) {
                json_t *r = json_object();
                json_object_set_new(r, "base_pfn", jhex(b));
                json_object_set_new(r, "pages", json_integer((json_int_t)c));
                json_array_append_new(runs, r);
            }
            json_object_set_new(j, "runs", runs);
            json_object_set_new(j, "number_of_pages", json_integer((json_int_t)(in->number_of_pages & INT64_MAX)));
        } else if (in->dump_type == 5 || in->dump_type == 6) {
            json_t *bm = json_object();
            json_object_set_new(bm, "signature", jhex(in->bitmap_signature));
            json_object_set_new(bm, "bits", json_integer((json_int_t)(in->bitmap_bits & INT64_MAX)));
            json_object_set_new(bm, "first_page", jhex(in->first_page));
            json_object_set_new(bm, "total_present_pages", json_integer((json_int_t)(in->total_present_pages & INT64_MAX)));
            json_object_set_new(j, "bitmap", bm);
        }
        json_t *sd = json_object();
        json_object_set_new(sd, "state", jhex(in->secondary_data_state));
        const char *sn = status_name(in->secondary_data_state);
        json_object_set_new(sd, "state_name", sn ? json_string(sn) : json_null());
        json_object_set_new(sd, "tagged_offset", jhex(in->tagged_offset));
        json_object_set_new(sd, "present", json_boolean(in->has_tagged));
        json_t *bl = json_array();
        for (uint32_t i = 0; i < in->blob_count; i++) {
            bcsim_dump_blob_t b;
            if (bcsim_dump_blob_get(d, i, &b))
                continue;
            json_t *x = json_object();
            json_object_set_new(x, "guid", json_string(bcsim_guid_format(&b.guid, g)));
            json_object_set_new(x, "data_offset", jhex(b.data_offset));
            json_object_set_new(x, "size", json_integer(b.size));
            json_object_set_new(x, "first_of_tag", json_boolean(b.first_of_tag));
            json_array_append_new(bl, x);
        }
        json_object_set_new(sd, "blobs", bl);
        json_object_set_new(j, "secondary_data", sd);
    }
    json_t *diags = json_array();
    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++) {
        const bcsim_dump_diag_t *x = bcsim_dump_diag_get(d, i);
        json_t *e = json_object();
        json_object_set_new(e, "severity", json_string(bcsim_dump_severity_name(x->severity)));
        json_object_set_new(e, "offset", x->offset == UINT64_MAX ? json_null() : jhex(x->offset));
        json_object_set_new(e, "message", json_string(x->message));
        json_array_append_new(diags, e);
    }
    json_object_set_new(j, "diagnostics", diags);
    return j;
}

static int emit_json(json_t *j)
{
    if (!j)
        return EXIT_INTERNAL;
    int r = json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(j);
    if (r != 0 || fputc('\n', stdout) == EOF || !stdout_ok())
        return stdout_failed();
    return EXIT_OK;
}

/* ---- actions ------------------------------------------------------------------------------- */

static int do_enumtag(const opts_t *o, bcsim_dump_t *d)
{
    uint32_t n = bcsim_dump_blob_count(d);
    json_t *arr = o->json ? json_array() : NULL;
    char g[40];
    uint8_t *buf = NULL;
    int rc = EXIT_OK;
    for (uint32_t i = 0; i < n && rc == EXIT_OK; i++) {
        bcsim_dump_blob_t b;
        if (bcsim_dump_blob_get(d, i, &b))
            continue;
        uint8_t *nb = realloc(buf, b.size ? b.size : 1);
        if (!nb) {
            rc = EXIT_INTERNAL;
            break;
        }
        buf = nb;
        uint64_t got = 0;
        if (bcsim_dump_read_blob(d, i, 0, buf, b.size, &got) != 0 || got != b.size) {
            rc = bad("%s: cannot read blob %u at 0x%" PRIx64, o->file, i, b.data_offset);
            break;
        }
        bcsim_guid_format(&b.guid, g);
        if (arr) {
            json_t *x = json_object();
            char *hex = hex_string(buf, b.size);
            if (!hex) {
                json_decref(x);
                rc = EXIT_INTERNAL;
                break;
            }
            json_object_set_new(x, "guid", json_string(g));
            json_object_set_new(x, "data_offset", jhex(b.data_offset));
            json_object_set_new(x, "size", json_integer(b.size));
            json_object_set_new(x, "first_of_tag", json_boolean(b.first_of_tag));
            json_object_set_new(x, "data", json_string(hex));
            free(hex);
            json_array_append_new(arr, x);
            continue;
        }
        printf("%s - 0x%x bytes\n", g, b.size);
        if (b.size <= 0x100) {
            for (uint32_t k = 0; k < b.size; k += 16)
                hex_line(stdout, "  ", 0, 0, buf + k, b.size - k < 16 ? b.size - k : 16);
        } else {
            for (uint32_t k = 0; k < 0x80; k += 16)
                hex_line(stdout, "  ", 0, 0, buf + k, 16);
            printf("  ....\n");
            uint32_t tail = (b.size - 0x20) & ~15u;   /* lines holding the last 0x20 bytes */
            if (tail < 0x80)
                tail = 0x80;
            for (uint32_t k = tail; k < b.size; k += 16)
                hex_line(stdout, "  ", 0, 0, buf + k, b.size - k < 16 ? b.size - k : 16);
        }
    }
    free(buf);
    if (arr) {
        if (rc != EXIT_OK) {
            json_decref(arr);
            return rc;
        }
        json_t *j = json_object();
        json_object_set_new(j, "file", json_string(o->file));
        json_object_set_new(j, "blobs", arr);
        return emit_json(j);
    }
    if (rc == EXIT_OK && n == 0)
        printf("no secondary-data blocks\n");
    return rc == EXIT_OK && !stdout_ok() ? stdout_failed() : rc;
}

static int do_tag(const opts_t *o, bcsim_dump_t *d)
{
    uint32_t idx;
    char g[40];
    bcsim_guid_format(&o->tag, g);
    if (bcsim_dump_find_tag(d, &o->tag, &idx) != 0)
        return bad("%s: no secondary-data block with tag %s", o->file, g);
    uint32_t count = bcsim_dump_tag_count(d, &o->tag);
    bcsim_dump_blob_t b;
    bcsim_dump_blob_get(d, idx, &b);
    if (count > 1)
        fprintf(stderr, "bcsim dump: warning: %u blocks carry tag %s; the first (at 0x%" PRIx64
                ") is shown, the other %u are hidden as in the debugger\n", count, g,
                b.data_offset, count - 1);
    if (o->offset > b.size)
        return bad("--offset 0x%" PRIx64 " is past the end of the 0x%x-byte block %s",
                   o->offset, b.size, g);
    uint64_t want = b.size - o->offset;
    if (o->size_set && o->size < want)
        want = o->size;
    uint8_t *buf = malloc(want ? want : 1);
    if (!buf)
        return EXIT_INTERNAL;
    uint64_t total = 0, got = 0;
    if (bcsim_dump_read_tagged(d, &o->tag, o->offset, buf, want, &total, &got) != 0) {
        free(buf);
        return bad("%s: cannot read block %s at 0x%" PRIx64, o->file, g, b.data_offset);
    }
    int rc = EXIT_OK;
    if (o->out) {
        /* src/base/outfile.h: never truncates or removes what is there unless the bytes are whole */
        bcsim__outfile_t *f;
        char err[600];
        if (bcsim__outfile_open(o->out, BCSIM__OF_SPECIAL, &f, err, sizeof(err))) {
            free(buf);
            return bad("--out: %s", err);
        }
        int fd = bcsim__outfile_fd(f);
        uint64_t done = 0;
        while (done < got) {
            ssize_t k = write(fd, buf + done, got - done);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0) {
                int e = k < 0 ? errno : EIO;
                bcsim__outfile_discard(f);
                free(buf);
                fprintf(stderr, "bcsim dump: cannot write '%s': %s\n", o->out, strerror(e));
                return EXIT_OUTPUT;
            }
            done += (uint64_t)k;
        }
        if (bcsim__outfile_commit(f, err, sizeof(err))) {
            free(buf);
            fprintf(stderr, "bcsim dump: %s\n", err);
            return EXIT_OUTPUT;
        }
    }
    if (o->json) {
        json_t *j = json_object();
        json_object_set_new(j, "guid", json_string(g));
        json_object_set_new(j, "size", json_integer((json_int_t)total));
        json_object_set_new(j, "offset", json_integer((json_int_t)o->offset));
        json_object_set_new(j, "length", json_integer((json_int_t)got));
        json_object_set_new(j, "data_offset", jhex(b.data_offset));
        json_object_set_new(j, "blocks_with_tag", json_integer(count));
        if (o->out) {
            json_object_set_new(j, "out", json_string(o->out));
        } else {
            char *hex = hex_string(buf, got);
            json_object_set_new(j, "data", hex ? json_string(hex) : json_null());
            free(hex);
        }
        rc = emit_json(j);
    } else if (!o->out) {
        if (isatty(STDOUT_FILENO))
            hex_dump(stdout, o->offset, buf, got);
        else if (fwrite(buf, 1, got, stdout) != got)
            rc = EXIT_OUTPUT;
        if (rc == EXIT_OUTPUT || !stdout_ok())
            rc = stdout_failed();
    }
    free(buf);
    return rc;
}

static int do_memory(const opts_t *o, bcsim_dump_t *d)
{
    const bcsim_dump_info_t *in = bcsim_dump_get_info(d);
    bool virt = o->virt;
    if (!in->usable)
        return bad("%s: the dump has no readable page data", o->file);
    if (virt && !in->virtual_ok)
        return bad("%s: virtual reads are unavailable (the PML4 at DirectoryTableBase 0x%" PRIx64
                   " is not in the dump)", o->file, in->directory_table_base);
    if (o->addr + o->len < o->addr)
        return bad("%s 0x%" PRIx64 " 0x%" PRIx64 ": the range wraps around", virt ? "--virt" : "--phys",
                   o->addr, o->len);
    if (o->json && o->len > (16u << 20))
        return bad("--json output is limited to 16 MiB of memory per request");
    json_t *j = NULL;
    char *hexall = NULL;
    size_t hexlen = 0;
    if (o->json) {
        hexall = malloc(o->len * 2 + 1);
        if (!hexall)
            return EXIT_INTERNAL;
        hexall[0] = 0;
    }
    uint8_t buf[0x10000];
    uint64_t pos = 0;
    int rc = EXIT_OK;
    while (pos < o->len) {
        uint64_t k = o->len - pos < sizeof(buf) ? o->len - pos : sizeof(buf);
        uint64_t got = 0;
        int r = virt ? bcsim_dump_read_virtual(d, o->addr + pos, buf, k, &got)
                     : bcsim_dump_read_physical(d, o->addr + pos, buf, k, &got);
        if (hexall) {
            for (uint64_t i = 0; i < got; i++)
                sprintf(hexall + hexlen + 2 * i, "%02x", buf[i]);
            hexlen += 2 * got;
        } else {
            hex_dump(stdout, o->addr + pos, buf, got);
        }
        pos += got;
        if (r) {
            uint64_t a = o->addr + pos;
            fflush(stdout);
            const char *why = r == BCSIM_ENOTFOUND ? (virt ? "is not mapped, or its page is not in the dump" : "is not in the dump")
                            : r == BCSIM_EIO ? "lies past the end of the truncated file"
                            : r == BCSIM_EINVAL ? "is not a canonical address" : bcsim_strerror(r);
            rc = bad("%s: %s address 0x%" PRIx64 " %s", o->file, virt ? "virtual" : "physical", a, why);
            break;
        }
    }
    if (o->json) {
        j = json_object();
        json_object_set_new(j, virt ? "virtual_address" : "physical_address", jhex(o->addr));
        json_object_set_new(j, "length", json_integer((json_int_t)pos));
        json_object_set_new(j, "complete", json_boolean(pos == o->len));
        json_object_set_new(j, "data", json_string(hexall));
        free(hexall);
        int r = emit_json(j);
        return rc != EXIT_OK ? rc : r;
    }
    if (!stdout_ok())
        return stdout_failed();
    return rc;
}

int bcsim_cmd_dump(int argc, char **argv)
{
    opts_t o;
    bool help;
    int rc = parse_args(argc, argv, &o, &help);
    if (rc)
        return rc;
    if (help) {
        fputs(usage, stdout);
        return stdout_ok() ? EXIT_OK : stdout_failed();
    }
    bcsim_dump_t *d = NULL;
    int orc = bcsim_dump_open(o.file, &d);
    if (!d)
        return orc == BCSIM_ENOMEM ? EXIT_INTERNAL : bad("%s: %s", o.file, bcsim_strerror(orc));
    const char *err = bcsim_dump_error(d);
    if (orc == BCSIM_ENOENT || orc == BCSIM_EIO) {
        bad("%s", err ? err : bcsim_strerror(orc));
        bcsim_dump_close(d);
        return EXIT_BAD;
    }
    if (orc != 0 && orc != BCSIM_EFORMAT) {
        bcsim_dump_close(d);
        return EXIT_INTERNAL;
    }
    if (o.enumtag || o.tag_set || o.phys || o.virt) {
        if (orc) {
            bad("%s: %s", o.file, err ? err : "not a usable dump");
            bcsim_dump_close(d);
            return EXIT_BAD;
        }
        rc = o.enumtag ? do_enumtag(&o, d) : o.tag_set ? do_tag(&o, d) : do_memory(&o, d);
    } else if (o.json) {
        rc = emit_json(json_summary(&o, d, orc));
        if (rc == EXIT_OK && orc)
            rc = bad("%s: %s", o.file, err ? err : "not a usable dump");
    } else {
        print_summary(&o, d);
        if (!stdout_ok())
            rc = stdout_failed();
        else if (orc)
            rc = bad("%s: %s", o.file, err ? err : "not a usable dump");
    }
    bcsim_dump_close(d);
    return rc;
}
