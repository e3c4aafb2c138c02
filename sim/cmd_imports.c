/*
 * sim/cmd_imports.c — `bcsim imports MODULE...`: every kernel import of a driver module and what
 * it resolves to in bcsim (src/machine/imports.c): implemented, stub (returns its documented failure
 * value) or unresolved (a generated stub: UNRESOLVED_IMPORT when called, 0 returned), with the
 * support table's header and maximum IRQL; then what the C library or a compiler runtime
 * provides. Works on any ELF shared object, built with bcsim_add_driver() or not.
 */
#include "cli.h"
#include "internal.h"
#include "verifier/verifier.h"
#include "machine/imports.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out,
"usage: bcsim imports [--unresolved] MODULE...\n"
"\n"
"Lists every kernel import of each driver module (the routines and data it uses but does not\n"
"define) and what bcsim does with it:\n"
"  implemented   bcsim implements it (README \"Kernel routine support\")\n"
"  stub          bcsim stubs it: UNIMPLEMENTED_ROUTINE once, the documented failure value\n"
"  unresolved    nothing provides it: a generated stub; a call reports UNRESOLVED_IMPORT and\n"
"                returns 0, a data import reads as zeros\n"
"  shim          a bcsim helper the shim headers' inline code calls\n"
"  runtime       not a kernel export: provided by the C library or a compiler runtime\n"
"\n"
"  -u, --unresolved   list only the unresolved imports\n"
"  -h, --help         this text\n"
"\n"
"Exit status: 0 listed; 2 bad usage or a file that is not an x86-64 ELF shared object.\n");
}

static const char *irql_text(uint8_t irql)
{
    switch (irql) {
    case BCSIM_IRQL_PASSIVE: return "PASSIVE_LEVEL";
    case BCSIM_IRQL_APC: return "APC_LEVEL";
    case BCSIM_IRQL_DISPATCH: return "DISPATCH_LEVEL";
    case BCSIM_IRQL_DIRQL: return "DIRQL";
    default: return "any (HIGH_LEVEL)";
    }
}

static const char *status_text(bcsim__import_status_t s)
{
    switch (s) {
    case BCSIM__IMPORT_IMPLEMENTED: return "implemented";
    case BCSIM__IMPORT_STUB: return "stub";
    case BCSIM__IMPORT_RUNTIME: return "runtime";
    case BCSIM__IMPORT_SHIM: return "shim";
    default: return "unresolved";
    }
}

static int list_module(const char *path, bool only_unresolved)
{
    bcsim__import_list_t l;
    char err[512];
    int rc = bcsim__imports_scan(path, &l, err, sizeof(err));
    if (rc) {
        fprintf(stderr, "bcsim imports: %s\n", err);
        return 2;
    }
    size_t count[5] = { 0 };
    for (size_t i = 0; i < l.n; i++)
        count[l.v[i].status]++;
    printf("%s: %zu kernel imports (%zu implemented, %zu stubs, %zu unresolved), %zu from the C runtime, "
           "%zu shim helpers\n", path,
           count[BCSIM__IMPORT_IMPLEMENTED] + count[BCSIM__IMPORT_STUB] + count[BCSIM__IMPORT_UNRESOLVED],
           count[BCSIM__IMPORT_IMPLEMENTED], count[BCSIM__IMPORT_STUB], count[BCSIM__IMPORT_UNRESOLVED],
           count[BCSIM__IMPORT_RUNTIME], count[BCSIM__IMPORT_SHIM]);
    /* Kernel imports first (implemented, stubs, unresolved), then the runtime's. */
    static const bcsim__import_status_t order[] = { BCSIM__IMPORT_IMPLEMENTED, BCSIM__IMPORT_STUB,
                                                    BCSIM__IMPORT_UNRESOLVED, BCSIM__IMPORT_SHIM,
                                                    BCSIM__IMPORT_RUNTIME };
    bool header = false;
    for (size_t o = 0; o < 5; o++) {
        if (only_unresolved && order[o] != BCSIM__IMPORT_UNRESOLVED)
            continue;
        for (size_t i = 0; i < l.n; i++) {
            const bcsim__import_t *im = &l.v[i];
            if (im->status != order[o])
                continue;
            if (!header) {
                printf("  %-44s %-12s %-14s %-17s %s\n", "import", "status", "header", "max IRQL", "note");
                header = true;
            }
            const char *hdr = "-", *irql = "-", *note = "";
            bool data = im->data;
            if (im->export_id >= 0) {
                uint8_t max = 0;
                bcsim__export_info((uint32_t)im->export_id, NULL, &hdr, &data, NULL, &max, NULL);
                irql = irql_text(max);
                if (!strcmp(hdr, "-"))
                    hdr = "(not declared)";
            }
            switch (im->status) {
            case BCSIM__IMPORT_STUB:
                note = "returns its documented failure value (UNIMPLEMENTED_ROUTINE once)";
                break;
            case BCSIM__IMPORT_UNRESOLVED:
                note = im->data ? "data: reads as zeros" : "a call reports UNRESOLVED_IMPORT and returns 0";
                break;
            case BCSIM__IMPORT_RUNTIME:
                note = im->provider;
                break;
            case BCSIM__IMPORT_SHIM:
                note = "called by the shim headers' inline code";
                break;
            default:
                break;
            }
            char name[160], line[512];
            snprintf(name, sizeof(name), "%s%s", im->name, data ? " (data)" : "");
            int len = snprintf(line, sizeof(line), "  %-44s %-12s %-14s %-17s %s", name,
                               status_text(im->status), hdr, irql, note);
            while (len > 0 && (size_t)len < sizeof(line) && line[len - 1] == ' ')
                line[--len] = '\0';
            printf("%s\n", line);
        }
    }
    bcsim__imports_free(&l);
    return 0;
}

int bcsim_cmd_imports(int argc, char **argv)
{
    static const struct option opts[] = {
        { "unresolved", no_argument, NULL, 'u' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool only_unresolved = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "uh", opts, NULL)) != -1) {
        switch (c) {
        case 'u': only_unresolved = true; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "bcsim imports: no module given\n");
        usage(stderr);
        return 2;
    }
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        int r = list_module(argv[i], only_unresolved);
        if (r)
            rc = r;
    }
    return rc;
}
