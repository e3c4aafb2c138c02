/*
 * sim/bcsim_inventory.c — prints bcsim's export inventory (src/exports.inc) as the markdown
 * support table of the README: every kernel routine, data export and routed intrinsic the shim
 * declares or bcsim defines, with its header, whether bcsim implements it or only stubs it, and
 * the maximum IRQL its Learn page allows. tests/conformance/check_readme.cmake keeps the README
 * equal to this output.
 *
 *   bcsim-inventory            the table (with a one-line summary above it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { FUNC, DATA };
enum status { IMPLEMENTED, STUB };

/* The IRQL and report columns of the inventory, spelled for people. */
#define PASSIVE "PASSIVE_LEVEL"
#define APC "APC_LEVEL"
#define DISPATCH "DISPATCH_LEVEL"
#define DIRQL "DIRQL"
#define HIGH "any (HIGH_LEVEL)"

typedef struct row {
    const char *name;
    const char *header;
    enum kind kind;
    enum status status;
    const char *max_irql;
} row_t;

static row_t rows[] = {
#define BCSIM__EXPORT_ENUM(name, header, kind, status, max_irql, report) \
    { #name, header, kind, status, max_irql },
#include "exports.inc"
#undef BCSIM__EXPORT_ENUM
};

static int by_header_then_name(const void *a, const void *b)
{
    const row_t *x = a, *y = b;
    int c = strcmp(x->header, y->header);
    return c ? c : strcmp(x->name, y->name);
}

int main(void)
{
    size_t n = sizeof(rows) / sizeof(rows[0]), stubs = 0, data = 0;
    qsort(rows, n, sizeof(rows[0]), by_header_then_name);
    for (size_t i = 0; i < n; i++) {
        stubs += rows[i].status == STUB;
        data += rows[i].kind == DATA;
    }
    printf("%zu entries (%zu routines, %zu data exports): %zu implemented, %zu stubs.\n\n",
           n, n - data, data, n - stubs, stubs);
    printf("| Name | Header | Status | Max IRQL |\n");
    printf("|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        const row_t *r = &rows[i];
        printf("| `%s`%s | %s | %s | %s |\n", r->name, r->kind == DATA ? " (data)" : "",
               strcmp(r->header, "-") ? r->header : "(not declared)",
               r->status == STUB ? "stub" : "implemented", r->max_irql);
    }
    return 0;
}
