/*
 * src/machine/elfcheck.c — is a file a bcsim driver module? Decided from the ELF file alone, with
 * libelf, before dlopen() maps it and runs any of its code (its static constructors run
 * inside dlopen): a module that is not a driver must not execute.
 *
 * A bcsim driver module (bcsim_add_driver(), cmake/bcsim_driver_marker.c) is a 64-bit x86-64
 * shared object whose dynamic symbol table defines
 *   - bcsim_driver_abi_version: a 4-byte data object (STT_OBJECT, in a section with file
 *     contents) holding BCSIM_DRIVER_ABI_VERSION; and
 *   - DriverEntry: a function.
 * The marker's value is read from the file (the section's bytes at the symbol's address), so
 * a string, a function, a .bss variable or another version of that name is refused by name.
 */
#include "internal.h"
#include "machine/machine.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define MARKER "bcsim_driver_abi_version"

typedef struct found {
    bool marker, entry;
    GElf_Sym marker_sym, entry_sym;
} found_t;

static int why(char *buf, size_t n, int rc, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int why(char *buf, size_t n, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (buf && n)
        vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return rc;
}

static void scan_dynsym(Elf *e, found_t *f)
{
    for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e, scn)) != NULL;) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM || !sh.sh_entsize)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        if (!data)
            continue;
        size_t n = sh.sh_size / sh.sh_entsize;
        for (size_t i = 0; i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(data, (int)i, &sym) || sym.st_shndx == SHN_UNDEF)
                continue;
            const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
            if (!name)
                continue;
            if (!f->marker && !strcmp(name, MARKER)) {
                f->marker = true;
                f->marker_sym = sym;
            } else if (!f->entry && !strcmp(name, "DriverEntry")) {
                f->entry = true;
                f->entry_sym = sym;
            }
        }
    }
}

/* The marker's 4 bytes from the section that holds its address. */
static bool marker_value(Elf *e, const GElf_Sym *sym, uint32_t *value, bool *nobits)
{
    *nobits = false;
    if (sym->st_shndx >= SHN_LORESERVE)
        return false;
    Elf_Scn *scn = elf_getscn(e, sym->st_shndx);
    GElf_Shdr sh;
    if (!scn || !gelf_getshdr(scn, &sh))
        return false;
    if (sh.sh_type == SHT_NOBITS) {
        *nobits = true;
        return false;
    }
    if (sym->st_value < sh.sh_addr || sym->st_value - sh.sh_addr > sh.sh_size ||
        sh.sh_size - (sym->st_value - sh.sh_addr) < 4)
        return false;
    uint64_t off = sym->st_value - sh.sh_addr;
    for (Elf_Data *d = NULL; (d = elf_getdata(scn, d)) != NULL;) {
        if (!d->d_buf || off < (uint64_t)d->d_off || off - (uint64_t)d->d_off > d->d_size ||
            d->d_size - (off - (uint64_t)d->d_off) < 4)
            continue;
        uint8_t b[4];
        memcpy(b, (const uint8_t *)d->d_buf + (off - (uint64_t)d->d_off), 4);
        *value = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
        return true;
    }
    return false;
}

int bcsim__elf_check_driver(const char *path, char *err, size_t errlen)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return why(err, errlen, BCSIM_EINTERNAL, "libelf: %s", elf_errmsg(-1));
    /* O_NONBLOCK: a FIFO given as a module must not hang the open. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return why(err, errlen, errno == ENOENT ? BCSIM_ENOENT : BCSIM_ENOTDRIVER, "cannot open %s: %s",
                   path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return why(err, errlen, BCSIM_ENOTDRIVER, "%s is not a regular file", path);
    }
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    int rc = 0;
    GElf_Ehdr eh;
    found_t f = { 0 };
    if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh)) {
        rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s is not an ELF file", path);
    } else if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64 || eh.e_type != ET_DYN) {
        rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s is not a 64-bit x86-64 shared object", path);
    } else {
        scan_dynsym(e, &f);
        uint32_t value = 0;
        bool nobits = false;
        if (!f.marker)
            rc = why(err, errlen, BCSIM_ENOTDRIVER,
                     "%s has no " MARKER " marker (build it with bcsim_add_driver())", path);
        else if (GELF_ST_TYPE(f.marker_sym.st_info) != STT_OBJECT)
            rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s: " MARKER " is %s, not the marker (a 4-byte "
                     "unsigned int)", path, GELF_ST_TYPE(f.marker_sym.st_info) == STT_FUNC ? "a function"
                                                                                       : "not a data object");
        else if (f.marker_sym.st_size < 4)
            rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s: " MARKER " is %llu bytes (a string?), not the "
                     "marker (a 4-byte unsigned int)", path, (unsigned long long)f.marker_sym.st_size);
        else if (!marker_value(e, &f.marker_sym, &value, &nobits))
            rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s: " MARKER " has %s", path,
                     nobits ? "no value in the file (an uninitialised variable), not the marker"
                            : "no readable value");
        /* an AddressSanitizer build pads the marker with its redzone: larger, same value */
        else if (value != BCSIM_DRIVER_ABI_VERSION && f.marker_sym.st_size != 4)
            rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s: " MARKER " is %llu bytes (a string or an array?), "
                     "not the marker (a 4-byte unsigned int)", path, (unsigned long long)f.marker_sym.st_size);
        else if (value != BCSIM_DRIVER_ABI_VERSION)
            rc = why(err, errlen, BCSIM_ENOTDRIVER, "%s was built for bcsim driver ABI version %u; this "
                     "bcsim loads version %u (rebuild the driver against this bcsim)", path, value,
                     BCSIM_DRIVER_ABI_VERSION);
        else if (!f.entry)
            rc = why(err, errlen, BCSIM_ENOENTRY, "%s does not define DriverEntry", path);
        else if (GELF_ST_TYPE(f.entry_sym.st_info) != STT_FUNC)
            rc = why(err, errlen, BCSIM_ENOENTRY, "%s: DriverEntry is not a function", path);
    }
    if (e)
        elf_end(e);
    close(fd);
    return rc;
}
