/*
 * src/machine/imports.h — a driver module's kernel imports (src/machine/imports.c): what each undefined symbol
 * of the module resolves to in bcsim, and stubs for the ones bcsim does not provide.
 */
#ifndef BCSIM_IMPORTS_H
#define BCSIM_IMPORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum bcsim__import_status {
    BCSIM__IMPORT_IMPLEMENTED,  /* an inventory export bcsim implements */
    BCSIM__IMPORT_STUB,         /* an inventory export bcsim stubs (documented failure value) */
    BCSIM__IMPORT_RUNTIME,      /* not a kernel export: the C library or a compiler runtime */
    BCSIM__IMPORT_UNRESOLVED,   /* nothing provides it: a generated stub at load */
    BCSIM__IMPORT_SHIM,         /* a bcsim helper the shim headers' inline code calls */
} bcsim__import_status_t;

typedef struct bcsim__import {
    char *name;
    bcsim__import_status_t status;
    bool data;                  /* referenced as data only (never called through the PLT/GOT) */
    int32_t export_id;          /* src/exports.inc index, or -1 */
    const char *provider;       /* RUNTIME: the object defining it (dladdr) */
} bcsim__import_t;

typedef struct bcsim__import_list {
    bcsim__import_t *v;
    size_t n;
} bcsim__import_list_t;

/* Every global undefined symbol of the ELF shared object at `path`, classified against this
 * process (the inventory, then what the dynamic linker would find). 0, or BCSIM_ENOENT (cannot
 * read) / BCSIM_EFORMAT (not an x86-64 ELF shared object) with a message in err. */
int bcsim__imports_scan(const char *path, bcsim__import_list_t *out, char *err, size_t errsz);
void bcsim__imports_free(bcsim__import_list_t *l);

/* Before a module is dlopen()ed: every unresolved import gets a stub (one generated ELF object
 * per module, loaded RTLD_GLOBAL). A routine stub reports UNRESOLVED_IMPORT when called and
 * returns 0; a data import points at zeroed memory. Failures leave dlopen() to report. */
void bcsim__imports_bind(const char *path);
/* After the module loaded: one UNRESOLVED_IMPORTS finding (info) naming them, if any. */
void bcsim__imports_report_loaded(const char *path, const char *module, uint64_t base);

#endif /* BCSIM_IMPORTS_H */
