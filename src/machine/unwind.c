/*
 * src/machine/unwind.c — stack walks over real frames: the calling chain behind
 * RtlCaptureStackBackTrace / RtlWalkFrameChain / RtlGetCallersAddress, and the one-frame step
 * behind RtlLookupFunctionEntry / RtlVirtualUnwind (src/nt/rtl_stack.c).
 *
 * The model (README "Stack walks"). Windows unwinds x64 frames with the image's .pdata
 * RUNTIME_FUNCTION entries and their UNWIND_INFO; a bcsim driver module is an ELF object
 * whose equivalent is the DWARF call-frame information every x86-64 object carries in
 * .eh_frame. One step evaluates the CFI row of the frame's instruction (read through elfutils,
 * src/verifier/symbolize.c's view of the process): the canonical frame address, where the caller's
 * callee-saved registers were saved, and the return address. A Rip that is a return address
 * is looked up at Rip - 1 (inside its call instruction), as unwinders do.
 *
 * A walk stays on the stack it started on, as a kernel walk stays within the thread's stack
 * limits: the frame whose caller's frame lies on another stack is the thread's first frame,
 * and unwinding it gives Rip 0. For driver code called by a bug check that first frame is the
 * entry of the simulated kernel stack (bcsim__call_on_stack, src/verifier/trampoline.S), so a walk from
 * a callback sees the driver's frames, then bcsim's dispatcher frames on that stack, then 0.
 * On a thread's own stack the chain ends where its CFI says the return address is undefined
 * (_start, a thread's entry). Every stack read is checked against the stack's bounds.
 */
#include "internal.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <dlfcn.h>
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <stdlib.h>

/* DWARF x86-64 register numbers -> Windows CONTEXT order (bridge.h BCSIM__REG_*). */
static const int dw_to_win[17] = {
    0 /* rax */, 2 /* rdx */, 1 /* rcx */, 3 /* rbx */, 6 /* rsi */, 7 /* rdi */, 5 /* rbp */,
    4 /* rsp */, 8, 9, 10, 11, 12, 13, 14, 15, 16 /* return address column */
};
/* The registers the caller keeps across a call (SysV: rbx, rbp, r12-r15; rsi and rdi too,
 * which Windows keeps, when the CFI says where they are). */
static const int dw_restored[] = { 3, 6, 12, 13, 14, 15, 4, 5 };

typedef struct stack_bounds {
    uint64_t lo, hi;        /* 0, 0: unknown stack (every read probed) */
} stack_bounds_t;

static stack_bounds_t bounds_of(uint64_t rsp)
{
    stack_bounds_t b = { 0, 0 };
    const bcsim__region_t *r = bcsim__mem_find(rsp);
    if (!r || r->mclass != BCSIM__MEM_STACK)
        r = bcsim__mem_find(rsp - 1);        /* an empty stack: rsp is its top */
    if (r && r->mclass == BCSIM__MEM_STACK) {
        b.lo = r->start;
        b.hi = r->end;
    }
    return b;
}

/* Saved registers live in stack memory, which holds sanitizer redzones next to locals. */
__attribute__((no_sanitize("address")))
static bool read64(const stack_bounds_t *b, uint64_t addr, uint64_t *out)
{
    if (b->hi) {
        if (addr < b->lo || addr + 8 > b->hi)
            return false;
    } else if (!bcsim__probe_read((const void *)addr, 8)) {
        return false;
    }
    *out = *(const volatile uint64_t *)addr;
    return true;
}

/* A DWARF expression of the kinds compilers emit in CFI: register bases, constants,
 * arithmetic, comparisons, dereferences; DW_OP_call_frame_cfa pushes `cfa`. Returns false for
 * anything else. `*is_value`: the result is the register's value (DW_OP_stack_value), not the
 * address where it is saved. */
static bool eval(const Dwarf_Op *ops, size_t n, const bcsim__u64 regs[17], uint64_t cfa,
                 const stack_bounds_t *b, uint64_t *out, bool *is_value)
{
    uint64_t st[16];
    size_t sp = 0;
    *is_value = false;
#define PUSH(v) do { uint64_t pv_ = (v); if (sp == 16) return false; st[sp++] = pv_; } while (0)
#define NEED(k) do { if (sp < (k)) return false; } while (0)
    for (size_t i = 0; i < n; i++) {
        uint8_t op = ops[i].atom;
        uint64_t n1 = ops[i].number, n2 = ops[i].number2;
        if (op >= DW_OP_lit0 && op <= DW_OP_lit31) {
            PUSH((uint64_t)(op - DW_OP_lit0));
        } else if (op >= DW_OP_breg0 && op <= DW_OP_breg16) {
            PUSH(regs[dw_to_win[op - DW_OP_breg0]] + n1);
        } else if (op >= DW_OP_reg0 && op <= DW_OP_reg16) {
            PUSH(regs[dw_to_win[op - DW_OP_reg0]]);
            *is_value = true;
        } else {
            switch (op) {
            case DW_OP_bregx:
                if (n1 > 16)
                    return false;
                PUSH(regs[dw_to_win[n1]] + n2);
                break;
            case DW_OP_call_frame_cfa: PUSH(cfa); break;
            case DW_OP_const1u: case DW_OP_const2u: case DW_OP_const4u: case DW_OP_const8u:
            case DW_OP_const1s: case DW_OP_const2s: case DW_OP_const4s: case DW_OP_const8s:
            case DW_OP_constu: case DW_OP_consts:
                PUSH(n1);
                break;
            case DW_OP_plus_uconst: NEED(1); st[sp - 1] += n1; break;
            case DW_OP_dup: NEED(1); PUSH(st[sp - 1]); break;
            case DW_OP_drop: NEED(1); sp--; break;
            case DW_OP_swap: { NEED(2); uint64_t t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break; }
            case DW_OP_deref: NEED(1); if (!read64(b, st[sp - 1], &st[sp - 1])) return false; break;
#define BIN(opcode, expr) case opcode: { NEED(2); sp--; uint64_t y = st[sp], x = st[sp - 1]; st[sp - 1] = (expr); break; }
            BIN(DW_OP_plus, x + y)
            BIN(DW_OP_minus, x - y)
            BIN(DW_OP_mul, x * y)
            BIN(DW_OP_and, x & y)
            BIN(DW_OP_or, x | y)
            BIN(DW_OP_xor, x ^ y)
            BIN(DW_OP_shl, y < 64 ? x << y : 0)
            BIN(DW_OP_shr, y < 64 ? x >> y : 0)
            BIN(DW_OP_ge, (int64_t)x >= (int64_t)y)
            BIN(DW_OP_gt, (int64_t)x > (int64_t)y)
            BIN(DW_OP_le, (int64_t)x <= (int64_t)y)
            BIN(DW_OP_lt, (int64_t)x < (int64_t)y)
            BIN(DW_OP_eq, x == y)
            BIN(DW_OP_ne, x != y)
#undef BIN
            case DW_OP_stack_value: *is_value = true; break;
            case DW_OP_nop: break;
            default: return false;
            }
        }
    }
#undef PUSH
#undef NEED
    if (!sp)
        return false;
    *out = st[sp - 1];
    return true;
}

/* The CFI row for a frame whose Rip is `pc`: looked up at pc - 1 (a return address), else at
 * pc. The caller frees *frame. */
static bool frame_row(uint64_t pc, Dwarf_Frame **frame, uint64_t *bias, uint64_t *module_lo)
{
    for (int k = 1; k >= 0; k--) {
        uint64_t at = pc - (uint64_t)k;
        Dwarf_CFI *cfi = bcsim__cfi_find(at, bias, module_lo);
        if (cfi && dwarf_cfi_addrframe(cfi, at - *bias, frame) == 0)
            return true;
    }
    return false;
}

int bcsim__unwind_function(bcsim__u64 pc, bcsim__u64 *image_base, bcsim__u64 *begin,
                           bcsim__u64 *end)
{
    Dwarf_Frame *f;
    uint64_t bias, lo;
    if (!pc)
        return 0;
    Dwarf_CFI *cfi = bcsim__cfi_find(pc, &bias, &lo);
    if (!cfi || dwarf_cfi_addrframe(cfi, pc - bias, &f) != 0)
        return 0;
    Dwarf_Addr s = 0, e = 0;
    bool signalp;
    int ok = dwarf_frame_info(f, &s, &e, &signalp) >= 0;
    free(f);
    if (!ok || s + bias < lo)
        return 0;
    /* A function table entry covers a whole function: its symbol's range. Without a symbol (a
     * stripped module) the CFI row's range still lets a walk go on. */
    uint64_t fs, fe;
    if (bcsim__function_range(pc, &fs, &fe) && fs >= lo) {
        s = fs - bias;
        e = fe - bias;
    }
    *image_base = lo;
    *begin = s + bias;
    *end = e + bias;
    return 1;
}

int bcsim__unwind_step(bcsim__u64 regs[17], bcsim__u64 *saved[16])
{
    if (saved)
        memset(saved, 0, 16 * sizeof(saved[0]));
    uint64_t pc = regs[BCSIM__REG_RIP];
    if (!pc)
        return 0;
    Dwarf_Frame *f;
    uint64_t bias, lo;
    if (!frame_row(pc, &f, &bias, &lo))
        return -1;
    stack_bounds_t b = bounds_of(regs[BCSIM__REG_RSP]);
    int rc = -1;
    Dwarf_Op *ops;
    size_t nops;
    uint64_t cfa;
    bcsim__u64 next[17];
    bool is_value;
    if (dwarf_frame_cfa(f, &ops, &nops) != 0 || !eval(ops, nops, regs, 0, &b, &cfa, &is_value))
        goto out;
    memcpy(next, regs, sizeof(next));
    next[BCSIM__REG_RSP] = cfa;
    bcsim__u64 *where[17] = { 0 };
    bool ra_undefined = false;
    for (size_t i = 0; i <= BCSIM_ARRAY_SIZE(dw_restored); i++) {
        int dw = i < BCSIM_ARRAY_SIZE(dw_restored) ? dw_restored[i] : 16;
        Dwarf_Op mem[3];
        if (dwarf_frame_register(f, dw, mem, &ops, &nops) != 0)
            goto out;
        if (nops == 0) {
            if (!ops && dw == 16)
                ra_undefined = true;        /* the outermost frame of its thread */
            continue;                       /* undefined, or the same value */
        }
        uint64_t v;
        if (!eval(ops, nops, regs, cfa, &b, &v, &is_value))
            goto out;
        if (!is_value) {
            where[dw_to_win[dw]] = (bcsim__u64 *)v;
            if (!read64(&b, v, &v))
                goto out;
        }
        next[dw_to_win[dw]] = v;
    }
    if (ra_undefined) {
        next[BCSIM__REG_RIP] = 0;
        rc = 0;
    } else if (b.hi && (cfa < b.lo || cfa > b.hi)) {
        next[BCSIM__REG_RIP] = 0;           /* the caller is on another stack: end of the chain */
        rc = 0;
    } else {
        rc = next[BCSIM__REG_RIP] ? 1 : 0;
    }
    memcpy(regs, next, sizeof(next));
    if (saved)
        memcpy(saved, where, 16 * sizeof(saved[0]));
out:
    free(f);
    return rc;
}

void bcsim__unwind_leaf(bcsim__u64 regs[17], bcsim__u64 *saved[16])
{
    stack_bounds_t b = bounds_of(regs[BCSIM__REG_RSP]);
    uint64_t ra = 0;
    if (saved)
        memset(saved, 0, 16 * sizeof(saved[0]));
    if (!read64(&b, regs[BCSIM__REG_RSP], &ra))
        ra = 0;
    regs[BCSIM__REG_RIP] = ra;
    regs[BCSIM__REG_RSP] += 8;
}

bcsim__u32 bcsim__stack_frames(void *first, bcsim__u32 skip, bcsim__u32 count, void **out)
{
    bcsim__u64 regs[17];
    bcsim__capture_regs(regs);
    bcsim__u32 n = 0, seen = 0;
    bool started = false;
    /* Bounded: a walk never takes more steps than a 24 KiB stack (or a long host stack) has
     * frames. */
    for (int steps = 0; steps < 4096 && n < count; steps++) {
        uint64_t rip = regs[BCSIM__REG_RIP];
        if (!rip)
            break;
        if (!started && rip == (uint64_t)first)
            started = true;
        if (started && seen++ >= skip)
            out[n++] = (void *)rip;
        if (n < count && bcsim__unwind_step(regs, NULL) < 0)
            break;                          /* no unwind data: the chain ends here */
    }
    return n;
}

int bcsim__stack_bounds(bcsim__u64 sp, bcsim__u64 *lo, bcsim__u64 *hi)
{
    stack_bounds_t b = bounds_of(sp);
    if (!b.hi)
        return 0;
    *lo = b.lo;
    *hi = b.hi;
    return 1;
}

void *bcsim__module_base(const void *pc)
{
    Dl_info di;
    return pc && dladdr(pc, &di) && di.dli_fbase ? di.dli_fbase : NULL;
}
