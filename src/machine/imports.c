/*
 * src/machine/imports.c — a driver module's kernel imports, and stubs for the ones bcsim does not
 * provide (issue 14; README "Compiling real drivers").
 *
 * Real drivers declare undocumented kernel exports by hand (HalDisplayString,
 * ZwQuerySystemInformation, ...). On Windows the loader resolves them against ntoskrnl; here a
 * module is an ELF shared object whose undefined symbols the dynamic linker resolves against
 * the bcsim program, so an import bcsim does not define would make dlopen() fail. Before the
 * module is opened, its dynamic symbol table is read (libelf) and every global undefined symbol
 * is classified the way the dynamic linker will resolve it: an export of the inventory
 * (src/exports.inc, implemented or stub), something else the process provides (the C library,
 * compiler and sanitizer runtimes), or nothing. For the last kind bcsim writes a small ELF
 * object defining each name and loads it RTLD_GLOBAL, so the module's own dlopen() binds to it:
 *
 *   - a routine (called through the PLT, through a GOT slot a call instruction reads, or
 *     declared a function in the module's debug information) is a 32-byte stub: "movabs $index, %rax; movabs $bcsim__unresolved_thunk, %r11; jmp *%r11".
 *     The thunk (src/machine/import_stub.S) reports UNRESOLVED_IMPORT at the driver's call site
 *     (its return address) and returns 0;
 *   - a data import (only read through the GOT, and not known to be a function) points at 256
 *     zeroed bytes of its own.
 *
 * The object is written to a memfd that stays open (its /proc/self/fd path stays unique, which
 * the dynamic linker's by-name lookup of loaded objects needs). The mechanism needs nothing at
 * build time, so it serves any module `bcsim run` accepts; `bcsim imports MODULE` lists the same
 * classification for any ELF shared object (sim/cmd_imports.c).
 */
#include "internal.h"
#include "machine/imports.h"
#include "verifier/verifier.h"

#include <dlfcn.h>
#include <dwarf.h>
#include <elf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* ---- the stubs of this process ------------------------------------------------------------ */

typedef struct stub {
    char *name;
    bool data;
} stub_t;

static struct {
    BCSIM_VEC(stub_t) stubs;                /* global index = the routine stub's %rax */
    BCSIM_VEC(uint64_t) ranges;             /* [lo, hi) pairs of the stub objects */
    struct bound {
        char *path;
        char *names;                        /* "A, B (data), ..." */
        uint32_t count;
    } last;
} I;

void bcsim__unresolved_thunk(void);         /* src/machine/import_stub.S */
void bcsim__unresolved_called(uint64_t index, uint64_t return_address);

static bool in_stub_object(uint64_t addr)
{
    for (size_t i = 0; i + 1 < I.ranges.n; i += 2)
        if (addr >= I.ranges.v[i] && addr < I.ranges.v[i + 1])
            return true;
    return false;
}

static const char *stub_lookup(const char *name)
{
    for (size_t i = 0; i < I.stubs.n; i++)
        if (!strcmp(I.stubs.v[i].name, name))
            return I.stubs.v[i].name;
    return NULL;
}

/* A driver called a routine nothing provides: report it at the call site; the thunk returns 0. */
void bcsim__unresolved_called(uint64_t index, uint64_t return_address)
{
    if (!bcsim__m.alive || index >= I.stubs.n)
        return;
    uint64_t site = return_address - 1;
    bcsim__report_t r = { .id = BCSIM_V_UNRESOLVED_IMPORT, .reason = BCSIM__NO_REASON,
                          .pc = site, .dedupe = site ^ (index << 48) ^ 0x5eedULL };
    bcsim__violation(&r, "%s is not a routine bcsim provides (an unresolved import); its stub "
                     "returned 0", I.stubs.v[index].name);
}

/* ---- reading the module ----------------------------------------------------------------------- */

static int export_id_of(const char *name)
{
    uint32_t n = bcsim__export_count();
    for (uint32_t i = 0; i < n; i++) {
        const char *en;
        if (bcsim__export_info(i, &en, NULL, NULL, NULL, NULL, NULL) && !strcmp(en, name))
            return (int)i;
    }
    return -1;
}

typedef struct undef {
    size_t symidx;
    const char *name;
    bool called;
    bool known;                             /* the debug information said which */
    BCSIM_VEC(uint64_t) got;                /* GOT slots (GLOB_DAT) holding its address */
} undef_t;

/* Executable bytes: every "call/jmp *disp32(%rip)" (FF 15 / FF 25) target, into `targets`. */
static void indirect_targets(const uint8_t *code, size_t size, uint64_t vaddr, bcsim__map_t *targets)
{
    for (size_t i = 0; i + 6 <= size; i++) {
        if (code[i] != 0xFF || (code[i + 1] != 0x15 && code[i + 1] != 0x25))
            continue;
        int32_t disp;
        memcpy(&disp, code + i + 2, 4);
        bcsim__map_put(targets, vaddr + i + 6 + (uint64_t)(int64_t)disp, 1);
    }
}

/* The module's own debug information settles what relocations leave open: a referenced extern
 * is a DW_TAG_subprogram or a DW_TAG_variable declaration (gcc emits both; clang the called
 * functions). */
static void classify_by_dwarf(Elf *e, undef_t *und, size_t n)
{
    Dwarf *dbg = dwarf_begin_elf(e, DWARF_C_READ, NULL);
    if (!dbg)
        return;
    Dwarf_Off off = 0, next;
    size_t hsize;
    while (dwarf_nextcu(dbg, off, &next, &hsize, NULL, NULL, NULL) == 0) {
        Dwarf_Die cu, die;
        if (dwarf_offdie(dbg, off + hsize, &cu) && dwarf_child(&cu, &die) == 0) {
            do {
                int tag = dwarf_tag(&die);
                if ((tag != DW_TAG_subprogram && tag != DW_TAG_variable) ||
                    !dwarf_hasattr(&die, DW_AT_declaration))
                    continue;
                Dwarf_Attribute a;
                const char *name = NULL;
                if (dwarf_attr(&die, DW_AT_linkage_name, &a))
                    name = dwarf_formstring(&a);
                if (!name)
                    name = dwarf_diename(&die);
                for (size_t u = 0; name && u < n; u++)
                    if (!und[u].called && !und[u].known && !strcmp(und[u].name, name)) {
                        und[u].called = tag == DW_TAG_subprogram;
                        und[u].known = true;
                    }
            } while (dwarf_siblingof(&die, &die) == 0);
        }
        off = next;
    }
    dwarf_end(dbg);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const bcsim__import_t *)a)->name, ((const bcsim__import_t *)b)->name);
}

static void *needed_handle(const char *lib)
{
    void *h = dlopen(lib, RTLD_LAZY | RTLD_NOLOAD);
    return h ? h : dlopen(lib, RTLD_LAZY | RTLD_LOCAL);
}

int bcsim__imports_scan(const char *path, bcsim__import_list_t *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof(*out));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return BCSIM_ENOENT;
    }
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    GElf_Ehdr eh;
    int rc = BCSIM_EFORMAT;
    BCSIM_VEC(undef_t) und = { 0 };
    BCSIM_VEC(const char *) needed = { 0 };
    if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_machine != EM_X86_64 || eh.e_type != ET_DYN) {
        snprintf(err, errsz, "%s: not an x86-64 ELF shared object", path);
        goto done;
    }
    /* The dynamic symbol table, undefined globals first. */
    Elf_Scn *scn = NULL, *dynsym = NULL;
    GElf_Shdr dsh = { 0 };
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_DYNSYM) {
            dynsym = scn;
            dsh = sh;
        }
    }
    if (!dynsym) {
        snprintf(err, errsz, "%s: no dynamic symbol table", path);
        goto done;
    }
    Elf_Data *syms = elf_getdata(dynsym, NULL);
    size_t nsyms = dsh.sh_entsize ? dsh.sh_size / dsh.sh_entsize : 0;
    for (size_t i = 1; syms && i < nsyms; i++) {
        GElf_Sym s;
        if (!gelf_getsym(syms, (int)i, &s) || s.st_shndx != SHN_UNDEF)
            continue;
        if (GELF_ST_BIND(s.st_info) != STB_GLOBAL || GELF_ST_TYPE(s.st_info) == STT_TLS)
            continue;                       /* weak references may stay unresolved */
        const char *name = elf_strptr(e, dsh.sh_link, s.st_name);
        if (!name || !*name)
            continue;
        undef_t *u = BCSIM_VEC_PUSH(&und);
        if (!u)
            goto done;
        memset(u, 0, sizeof(*u));
        u->symidx = i;
        u->name = name;
    }
    /* How each is used: relocations, then the code reading GOT slots. */
    scn = NULL;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            continue;
        if (sh.sh_type == SHT_DYNAMIC) {
            Elf_Data *d = elf_getdata(scn, NULL);
            size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
            for (size_t k = 0; d && k < n; k++) {
                GElf_Dyn dyn;
                if (gelf_getdyn(d, (int)k, &dyn) && dyn.d_tag == DT_NEEDED) {
                    const char *lib = elf_strptr(e, sh.sh_link, dyn.d_un.d_val);
                    const char **slot = lib ? BCSIM_VEC_PUSH(&needed) : NULL;
                    if (slot)
                        *slot = lib;
                }
            }
        }
        if (sh.sh_type != SHT_RELA || elf_getscn(e, sh.sh_link) != dynsym)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
        for (size_t k = 0; d && k < n; k++) {
            GElf_Rela r;
            if (!gelf_getrela(d, (int)k, &r))
                continue;
            size_t si = GELF_R_SYM(r.r_info);
            uint32_t type = (uint32_t)GELF_R_TYPE(r.r_info);
            for (size_t u = 0; u < und.n; u++) {
                if (und.v[u].symidx != si)
                    continue;
                if (type == R_X86_64_JUMP_SLOT) {
                    und.v[u].called = true;
                } else if (type == R_X86_64_GLOB_DAT) {
                    uint64_t *g = BCSIM_VEC_PUSH(&und.v[u].got);
                    if (g)
                        *g = r.r_offset;
                }
            }
        }
    }
    /* A GOT slot a call instruction reads holds a routine. One pass over the code. */
    bool any_got = false;
    for (size_t u = 0; u < und.n && !any_got; u++)
        any_got = !und.v[u].called && und.v[u].got.n;
    if (any_got) {
        bcsim__map_t targets = { 0 };
        scn = NULL;
        while ((scn = elf_nextscn(e, scn)) != NULL) {
            GElf_Shdr sh;
            if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS || !(sh.sh_flags & SHF_EXECINSTR))
                continue;
            Elf_Data *d = elf_getdata(scn, NULL);
            if (d && d->d_buf)
                indirect_targets(d->d_buf, d->d_size, sh.sh_addr, &targets);
        }
        for (size_t u = 0; u < und.n; u++)
            for (size_t g = 0; !und.v[u].called && g < und.v[u].got.n; g++)
                und.v[u].called = bcsim__map_get(&targets, und.v[u].got.v[g]) != NULL;
        bcsim__map_clear(&targets);
    }
    /* (Only an import nothing provides needs it: its stub's kind depends on it.) */
    bool undecided = false;
    for (size_t u = 0; u < und.n && !undecided; u++)
        undecided = !und.v[u].called && export_id_of(und.v[u].name) < 0 &&
                    !dlsym(RTLD_DEFAULT, und.v[u].name);
    if (undecided)
        classify_by_dwarf(e, und.v, und.n);

    /* Classify, as the dynamic linker will resolve them. */
    out->v = calloc(und.n ? und.n : 1, sizeof(*out->v));
    if (!out->v) {
        rc = BCSIM_ENOMEM;
        goto done;
    }
    for (size_t u = 0; u < und.n; u++) {
        bcsim__import_t *im = &out->v[out->n++];
        im->name = strdup(und.v[u].name);
        im->export_id = export_id_of(und.v[u].name);
        im->data = !und.v[u].called;
        if (im->export_id >= 0) {
            bool stub = false;
            bcsim__export_info((uint32_t)im->export_id, NULL, NULL, NULL, &stub, NULL, NULL);
            im->status = stub ? BCSIM__IMPORT_STUB : BCSIM__IMPORT_IMPLEMENTED;
            continue;
        }
        void *at = dlsym(RTLD_DEFAULT, und.v[u].name);
        for (size_t k = 0; !at && k < needed.n; k++) {
            void *h = needed_handle(needed.v[k]);
            at = h ? dlsym(h, und.v[u].name) : NULL;
        }
        Dl_info di;
        if (at && !in_stub_object((uint64_t)at) && !strncmp(im->name, "bcsim", 5)) {
            im->status = BCSIM__IMPORT_SHIM;
        } else if (at && !in_stub_object((uint64_t)at)) {
            im->status = BCSIM__IMPORT_RUNTIME;
            im->provider = dladdr(at, &di) && di.dli_fname ? di.dli_fname : "?";
        } else {
            im->status = BCSIM__IMPORT_UNRESOLVED;
        }
    }
    for (size_t i = 0; i < out->n; i++)
        if (!out->v[i].name) {
            rc = BCSIM_ENOMEM;
            goto done;
        }
    qsort(out->v, out->n, sizeof(out->v[0]), by_name);
    rc = 0;
done:
    for (size_t u = 0; u < und.n; u++)
        BCSIM_VEC_FREE(&und.v[u].got);
    BCSIM_VEC_FREE(&und);
    BCSIM_VEC_FREE(&needed);
    if (e)
        elf_end(e);
    close(fd);
    if (rc && out->v)
        bcsim__imports_free(out);
    return rc;
}

void bcsim__imports_free(bcsim__import_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].name);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* ---- the stub object ---------------------------------------------------------------------------- */

enum { STUB_CODE = 32, STUB_DATA = 256, PAGE = 4096 };

static uint32_t sysv_hash(const char *name)
{
    uint32_t h = 0, g;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h = (h << 4) + *p;
        if ((g = h & 0xF0000000u) != 0)
            h ^= g >> 24;
        h &= ~g;
    }
    return h;
}

#define ALIGN(x, a) (((x) + (a) - 1) & ~(uint64_t)((a) - 1))

/* An ET_DYN image defining stubs [first, first + n) of I.stubs: one read-execute segment (ELF
 * header, program headers, hash table, symbols, strings, code), one read-write segment (the
 * dynamic section, which the dynamic linker relocates in place, and the zeroed data stubs). */
static uint8_t *stub_image(size_t first, size_t n, size_t *size_out, uint64_t *memsz_out)
{
    size_t nsyms = n + 1, nfunc = 0, ndata = 0, strsz = 1;
    for (size_t i = 0; i < n; i++) {
        stub_t *s = &I.stubs.v[first + i];
        if (s->data)
            ndata++;
        else
            nfunc++;
        strsz += strlen(s->name) + 1;
    }
    uint64_t off_hash = sizeof(Elf64_Ehdr) + 4 * sizeof(Elf64_Phdr);
    uint64_t hash_sz = 4 * (2 + nsyms + nsyms);
    uint64_t off_sym = ALIGN(off_hash + hash_sz, 8);
    uint64_t off_str = off_sym + nsyms * sizeof(Elf64_Sym);
    uint64_t off_text = ALIGN(off_str + strsz, 16);
    uint64_t rx_end = off_text + nfunc * STUB_CODE;
    uint64_t off_rw = ALIGN(rx_end, PAGE);
    uint64_t dyn_sz = 6 * sizeof(Elf64_Dyn);
    uint64_t off_data = ALIGN(off_rw + dyn_sz, 64);
    uint64_t memsz = off_data + ndata * STUB_DATA;
    size_t size = (size_t)(off_rw + dyn_sz);
    uint8_t *img = calloc(1, size);
    if (!img)
        return NULL;

    Elf64_Ehdr *eh = (Elf64_Ehdr *)img;
    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS64;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_ident[EI_OSABI] = ELFOSABI_SYSV;
    eh->e_type = ET_DYN;
    eh->e_machine = EM_X86_64;
    eh->e_version = EV_CURRENT;
    eh->e_phoff = sizeof(Elf64_Ehdr);
    eh->e_ehsize = sizeof(Elf64_Ehdr);
    eh->e_phentsize = sizeof(Elf64_Phdr);
    eh->e_phnum = 4;

    Elf64_Phdr *ph = (Elf64_Phdr *)(img + eh->e_phoff);
    ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0, .p_vaddr = 0,
                          .p_paddr = 0, .p_filesz = rx_end, .p_memsz = rx_end, .p_align = PAGE };
    ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = off_rw,
                          .p_vaddr = off_rw, .p_paddr = off_rw, .p_filesz = dyn_sz,
                          .p_memsz = memsz - off_rw, .p_align = PAGE };
    ph[2] = (Elf64_Phdr){ .p_type = PT_DYNAMIC, .p_flags = PF_R | PF_W, .p_offset = off_rw,
                          .p_vaddr = off_rw, .p_paddr = off_rw, .p_filesz = dyn_sz,
                          .p_memsz = dyn_sz, .p_align = 8 };
    ph[3] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W, .p_align = 16 };

    uint32_t *hash = (uint32_t *)(img + off_hash);
    uint32_t *bucket = hash + 2, *chain = hash + 2 + nsyms;
    hash[0] = (uint32_t)nsyms;
    hash[1] = (uint32_t)nsyms;
    Elf64_Sym *sym = (Elf64_Sym *)(img + off_sym);
    char *str = (char *)(img + off_str);
    size_t stroff = 1, fi = 0, di = 0;
    uint64_t thunk = (uint64_t)(uintptr_t)&bcsim__unresolved_thunk;
    for (size_t i = 0; i < n; i++) {
        stub_t *s = &I.stubs.v[first + i];
        size_t k = i + 1, len = strlen(s->name);
        memcpy(str + stroff, s->name, len + 1);
        sym[k].st_name = (uint32_t)stroff;
        stroff += len + 1;
        sym[k].st_info = ELF64_ST_INFO(STB_GLOBAL, s->data ? STT_OBJECT : STT_FUNC);
        sym[k].st_other = STV_DEFAULT;
        sym[k].st_shndx = 1;                /* any defined section: there are no section headers */
        if (s->data) {
            sym[k].st_value = off_data + di++ * STUB_DATA;
            sym[k].st_size = STUB_DATA;
        } else {
            uint64_t at = off_text + fi++ * STUB_CODE;
            uint8_t *c = img + at;
            uint64_t index = first + i;
            memset(c, 0xCC, STUB_CODE);
            c[0] = 0x48; c[1] = 0xB8; memcpy(c + 2, &index, 8);     /* movabs $index, %rax */
            c[10] = 0x49; c[11] = 0xBB; memcpy(c + 12, &thunk, 8);  /* movabs $thunk, %r11 */
            c[20] = 0x41; c[21] = 0xFF; c[22] = 0xE3;               /* jmp *%r11 */
            sym[k].st_value = at;
            sym[k].st_size = STUB_CODE;
        }
        uint32_t b = sysv_hash(s->name) % (uint32_t)nsyms;
        chain[k] = bucket[b];
        bucket[b] = (uint32_t)k;
    }
    Elf64_Dyn *dyn = (Elf64_Dyn *)(img + off_rw);
    dyn[0] = (Elf64_Dyn){ .d_tag = DT_HASH, .d_un.d_ptr = off_hash };
    dyn[1] = (Elf64_Dyn){ .d_tag = DT_STRTAB, .d_un.d_ptr = off_str };
    dyn[2] = (Elf64_Dyn){ .d_tag = DT_SYMTAB, .d_un.d_ptr = off_sym };
    dyn[3] = (Elf64_Dyn){ .d_tag = DT_STRSZ, .d_un.d_val = strsz };
    dyn[4] = (Elf64_Dyn){ .d_tag = DT_SYMENT, .d_un.d_val = sizeof(Elf64_Sym) };
    dyn[5] = (Elf64_Dyn){ .d_tag = DT_NULL };
    *size_out = size;
    *memsz_out = memsz;
    return img;
}

/* Loads stubs [first, I.stubs.n). false if the object could not be made or loaded. */
static bool load_stubs(size_t first)
{
    size_t size;
    uint64_t memsz;
    uint8_t *img = stub_image(first, I.stubs.n - first, &size, &memsz);
    if (!img)
        return false;
    int fd = memfd_create("bcsim-unresolved-imports", MFD_CLOEXEC);
    bool ok = fd >= 0 && write(fd, img, size) == (ssize_t)size;
    free(img);
    if (!ok) {
        if (fd >= 0)
            close(fd);
        return false;
    }
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (!h) {
        close(fd);
        return false;
    }
    /* The fd stays open: its path names this object for the rest of the process. */
    void *at = dlsym(h, I.stubs.v[first].name);
    Dl_info di;
    if (at && dladdr(at, &di) && di.dli_fbase) {
        uint64_t *r = BCSIM_VEC_PUSH(&I.ranges);
        if (r)
            *r = (uint64_t)di.dli_fbase;
        r = BCSIM_VEC_PUSH(&I.ranges);
        if (r)
            *r = (uint64_t)di.dli_fbase + memsz;
    }
    return true;
}

void bcsim__imports_bind(const char *path)
{
    free(I.last.path);
    free(I.last.names);
    memset(&I.last, 0, sizeof(I.last));
    bcsim__import_list_t l;
    char err[256];
    if (bcsim__imports_scan(path, &l, err, sizeof(err)))
        return;                             /* dlopen() says what is wrong with the file */
    size_t first = I.stubs.n, len = 0;
    char *names = NULL;
    for (size_t i = 0; i < l.n; i++) {
        if (l.v[i].status != BCSIM__IMPORT_UNRESOLVED)
            continue;
        char item[320];
        int k = snprintf(item, sizeof(item), "%s%s%s", I.last.count ? ", " : "", l.v[i].name,
                         l.v[i].data ? " (data)" : "");
        char *grown = realloc(names, len + (size_t)k + 1);
        if (grown) {
            names = grown;
            memcpy(names + len, item, (size_t)k + 1);
            len += (size_t)k;
            I.last.count++;
        }
        if (stub_lookup(l.v[i].name))
            continue;                       /* an earlier module's stub object defines it */
        stub_t *s = BCSIM_VEC_PUSH(&I.stubs);
        if (!s)
            continue;
        s->name = strdup(l.v[i].name);
        s->data = l.v[i].data;
        if (!s->name)
            I.stubs.n--;
    }
    bcsim__imports_free(&l);
    if (I.stubs.n > first && !load_stubs(first)) {
        for (size_t i = first; i < I.stubs.n; i++)
            free(I.stubs.v[i].name);
        I.stubs.n = first;
    }
    I.last.path = strdup(path);
    I.last.names = names;
}

void bcsim__imports_report_loaded(const char *path, const char *module, uint64_t base)
{
    if (!I.last.path || strcmp(I.last.path, path) || !I.last.count)
        return;
    size_t before = bcsim__m.violations.n;
    bcsim__report_t r = { .id = BCSIM_V_UNRESOLVED_IMPORTS, .reason = BCSIM__NO_REASON,
                          .component = module, .dedupe = base ^ 0x1a9d0000ULL };
    bcsim__violation(&r, "%u: %s (each a stub: a call reports UNRESOLVED_IMPORT and returns 0; "
                     "data reads as zeros)", I.last.count, I.last.names);
    /* No call site: the finding names the module file. */
    if (bcsim__m.violations.n > before)
        bcsim__m.violations.v[before].file = bcsim__strdup(path);
}
