/*
 * src/verifier/symbolize.c — addresses to "file:line function" through DWARF (elfutils libdw), for
 * the driver call sites and faulting instructions that every finding names.
 *
 * The process's modules are re-reported after a driver module is loaded. Results are
 * cached per address; their strings are pinned (they outlive a roll-back of the arena).
 */
#include "internal.h"
#include "verifier/verifier.h"

#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <unistd.h>

static struct {
    Dwfl *dwfl;
    uint64_t generation, reported;
    bcsim__map_t cache;            /* pc -> index into locs */
    BCSIM_VEC(bcsim__srcloc_t) locs;
    char cwd[512];
} S;

static char *debuginfo_path;
static const Dwfl_Callbacks callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .debuginfo_path = &debuginfo_path,
};

void bcsim__symbolize_invalidate(void)
{
    S.generation++;
    bcsim__map_clear(&S.cache);
    BCSIM_VEC_CLEAR(&S.locs);
}

static bool ensure_dwfl(void)
{
    if (S.dwfl && S.reported == S.generation)
        return true;
    if (!S.dwfl) {
        S.dwfl = dwfl_begin(&callbacks);
        if (!S.dwfl)
            return false;
        if (!getcwd(S.cwd, sizeof(S.cwd)))
            S.cwd[0] = 0;
    }
    dwfl_report_begin(S.dwfl);
    if (dwfl_linux_proc_report(S.dwfl, getpid()) != 0) {
        dwfl_report_end(S.dwfl, NULL, NULL);
        return false;
    }
    dwfl_report_end(S.dwfl, NULL, NULL);
    S.reported = S.generation;
    return true;
}

static const char *shorten(const char *file)
{
    size_t n = strlen(S.cwd);
    if (n && !strncmp(file, S.cwd, n) && file[n] == '/')
        return file + n + 1;
    return file;
}

/* The line of pc found through the CU whose own address ranges contain it. clang emits no
 * .debug_aranges unless asked (-gdwarf-aranges), and elfutils 0.188 (Debian 12) finds a CU
 * only through them, so dwfl_module_getsrc() fails for clang-built drivers. */
static const char *line_by_cu_scan(Dwfl_Module *mod, uint64_t pc, int *lineno)
{
    Dwarf_Addr bias;
    for (Dwarf_Die *cu = NULL; (cu = dwfl_module_nextcu(mod, cu, &bias)) != NULL;) {
        if (dwarf_haspc(cu, pc - bias) <= 0)
            continue;
        Dwarf_Line *l = dwarf_getsrc_die(cu, pc - bias);
        return l && dwarf_lineno(l, lineno) == 0 ? dwarf_linesrc(l, NULL, NULL) : NULL;
    }
    return NULL;
}

void bcsim__symbolize(uint64_t pc, bcsim__srcloc_t *out)
{
    memset(out, 0, sizeof(*out));
    if (!pc || !ensure_dwfl())
        return;
    uint64_t *hit = bcsim__map_get(&S.cache, pc);
    if (hit) {
        *out = S.locs.v[*hit];
        return;
    }
    Dwfl_Module *mod = dwfl_addrmodule(S.dwfl, (Dwarf_Addr)pc);
    if (mod) {
        const char *mname = NULL;
        dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, &mname, NULL);
        if (mname) {
            const char *slash = strrchr(mname, '/');
            out->module = bcsim__strdup_pinned(slash ? slash + 1 : mname);
        }
        const char *fn = dwfl_module_addrname(mod, (GElf_Addr)pc);
        if (fn)
            out->function = bcsim__strdup_pinned(fn);
        Dwfl_Line *line = dwfl_module_getsrc(mod, (Dwarf_Addr)pc);
        int lineno = 0;
        const char *file = line ? dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL)
                                : line_by_cu_scan(mod, pc, &lineno);
        if (file) {
            out->file = bcsim__strdup_pinned(shorten(file));
            out->line = (uint32_t)lineno;
        }
    }
    size_t idx = S.locs.n;
    bcsim__srcloc_t *slot = BCSIM_VEC_PUSH(&S.locs);
    if (slot) {
        *slot = *out;
        bcsim__map_put(&S.cache, pc, idx);
    }
}

const char *bcsim__symbol_name(uint64_t addr)
{
    if (!addr)
        return "NULL";
    bcsim__srcloc_t loc;
    bcsim__symbolize(addr, &loc);
    if (loc.function)
        return loc.function;
    if (loc.module && S.dwfl) {
        Dwfl_Module *mod = dwfl_addrmodule(S.dwfl, (Dwarf_Addr)addr);
        Dwarf_Addr start = 0;
        if (mod && dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL, NULL, NULL))
            return bcsim__strfmt("%s+%#llx", loc.module, (unsigned long long)(addr - start));
    }
    return bcsim__strfmt("%#llx", (unsigned long long)addr);
}

Dwarf_CFI *bcsim__cfi_find(uint64_t pc, uint64_t *bias, uint64_t *module_lo)
{
    if (!ensure_dwfl())
        return NULL;
    Dwfl_Module *mod = dwfl_addrmodule(S.dwfl, (Dwarf_Addr)pc);
    if (!mod)
        return NULL;
    Dwarf_Addr lo = 0, b = 0;
    dwfl_module_info(mod, NULL, &lo, NULL, NULL, NULL, NULL, NULL);
    /* .eh_frame first: it is loaded, complete for every function (-fasynchronous-unwind-tables,
     * the x86-64 default of both compilers) and needs no debug information. */
    Dwarf_CFI *cfi = dwfl_module_eh_cfi(mod, &b);
    if (!cfi)
        cfi = dwfl_module_dwarf_cfi(mod, &b);
    if (cfi) {
        *bias = b;
        *module_lo = lo;
    }
    return cfi;
}

bool bcsim__function_range(uint64_t pc, uint64_t *start, uint64_t *end)
{
    if (!ensure_dwfl())
        return false;
    Dwfl_Module *mod = dwfl_addrmodule(S.dwfl, (Dwarf_Addr)pc);
    GElf_Off off = 0;
    GElf_Sym sym;
    if (!mod || !dwfl_module_addrinfo(mod, (GElf_Addr)pc, &off, &sym, NULL, NULL, NULL) ||
        GELF_ST_TYPE(sym.st_info) != STT_FUNC || !sym.st_size)
        return false;
    *start = pc - off;
    *end = *start + sym.st_size;
    return pc < *end;
}

void bcsim__symbolize_fini(void)
{
    if (S.dwfl)
        dwfl_end(S.dwfl);
    bcsim__map_clear(&S.cache);
    BCSIM_VEC_FREE(&S.locs);
    memset(&S, 0, sizeof(S));
}
