/*
 * src/machine/dbglog.c — the debug-output log behind DbgPrint, DbgPrintEx, vDbgPrintEx(WithPrefix)
 * and KdPrint(Ex): the machine's text log, the component filter, the line sink, and the IRQL
 * findings of dispatcher-model.md 8.2.
 *
 * Filtering (Learn, "Reading and Filtering Debugging Messages"): a message's Level is an
 * importance bit field — 1 << Level for 0..31, Level itself above — and the message is shown
 * when that field shares a bit with the component's filter mask or with the system-wide
 * (WIN2000) mask. Defaults: every component mask 0, the system-wide mask 0x1, so only
 * DPFLTR_ERROR_LEVEL messages are shown; DbgPrint (DPFLTR_DEFAULT_ID, DPFLTR_INFO_LEVEL since
 * Windows Vista) is not. DbgSetDebugFilterState changes a component's mask.
 *
 * bcsim's choice: the sink shows every message by default (knob dbgprint.filter = all), since
 * a developer running bcsim wants to see what the driver printed; dbgprint.filter = windows
 * applies the filter above. bcsim__m.dbgprint (bcsim_sim_dbgprint(), the result's dbgprint) keeps every
 * message as the driver printed it, shown or not, so a test sees what the driver said; the
 * sink (cfg.dbgprint_sink) receives only shown text, as a kernel debugger would display it,
 * one complete line at a time (a line ends at '\n'; "\r\n" is one end; partial messages are
 * joined until their '\n' arrives, or until bcsim__dbglog_flush()).
 */
#include "report/fmt.h"
#include "internal.h"
#include "machine/machine.h"
#include "verifier/verifier.h"

/* Component IDs beyond this have no mask of their own (only the system-wide mask applies). */
#define COMPONENTS 256u

static struct {
    uint32_t masks[COMPONENTS];
    uint32_t system_mask;
    bool ready;
    BCSIM_VEC(char) pending;     /* shown text not yet ended by '\n' */
} dl;

static void ensure_ready(void)
{
    if (!dl.ready) {
        memset(dl.masks, 0, sizeof(dl.masks));
        dl.system_mask = 0x1;   /* DPFLTR_ERROR_LEVEL */
        dl.ready = true;
    }
}

void bcsim__dbglog_reset(void)
{
    BCSIM_VEC_FREE(&dl.pending);
    dl.ready = false;
    ensure_ready();
}

static uint32_t importance(uint32_t level)
{
    return level <= 31 ? 1u << level : level;
}

static bool shown(uint32_t component, uint32_t level)
{
    ensure_ready();
    if (!bcsim__m.cfg.dbgprint_filter_windows)
        return true;
    uint32_t mask = dl.system_mask | (component < COMPONENTS ? dl.masks[component] : 0);
    return (importance(level) & mask) != 0;
}

bcsim__i32 bcsim__dbg_filter_set(bcsim__u32 component, bcsim__u32 level, int state)
{
    ensure_ready();
    if (component >= COMPONENTS)
        return BCSIM_STATUS_INVALID_PARAMETER;
    if (state)
        dl.masks[component] |= importance(level);
    else
        dl.masks[component] &= ~importance(level);
    return BCSIM_STATUS_SUCCESS;
}

bcsim__i32 bcsim__dbg_filter_query(bcsim__u32 component, bcsim__u32 level)
{
    if (component >= COMPONENTS)
        return BCSIM_STATUS_INVALID_PARAMETER;
    return shown(component, level) ? 1 : 0;
}

/* ---- the sink --------------------------------------------------------------------------------- */

static void deliver(const char *line, size_t n)
{
    if (n && line[n - 1] == '\r')
        n--;
    bcsim_line_sink_t sink = bcsim__m.cfg.dbgprint_sink;
    if (!sink)
        return;
    char *copy = malloc(n + 1);
    if (!copy)
        return;
    memcpy(copy, line, n);
    copy[n] = '\0';
    sink(bcsim__m.cfg.dbgprint_ctx, copy);
    free(copy);
}

static void to_sink(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        if (!nl) {
            if (BCSIM_VEC_RESERVE(&dl.pending, dl.pending.n + n)) {
                memcpy(dl.pending.v + dl.pending.n, text + i, n);
                dl.pending.n += n;
            }
            return;
        }
        if (dl.pending.n) {
            if (BCSIM_VEC_RESERVE(&dl.pending, dl.pending.n + n)) {
                memcpy(dl.pending.v + dl.pending.n, text + i, n);
                dl.pending.n += n;
            }
            deliver(dl.pending.v, dl.pending.n);
            dl.pending.n = 0;
        } else {
            deliver(text + i, n);
        }
        i += n + 1;
    }
}

void bcsim__dbglog_flush(void)
{
    if (dl.pending.n) {
        deliver(dl.pending.v, dl.pending.n);
        dl.pending.n = 0;
    }
}

/* ---- one message -------------------------------------------------------------------------------- */

void bcsim__dbgprint_emit(const char *text, bcsim__u64 len, bcsim__u32 component,
                          bcsim__u32 level, unsigned flags_used, void *caller)
{
    uint8_t irql = bcsim__m.irql;
    /* Learn (DbgPrintEx): Unicode format codes only at PASSIVE_LEVEL. */
    if ((flags_used & BCSIM__FMT_USED_UNICODE) && irql > BCSIM_IRQL_PASSIVE) {
        bcsim__report_t r = { .id = BCSIM_V_DBGPRINT_UNICODE_AT_HIGH_IRQL,
                              .reason = BCSIM__NO_REASON, .pc = (uint64_t)caller,
                              .dedupe = (uint64_t)caller };
        bcsim__violation(&r, "called at %s (%u)", bcsim__irql_name(irql), irql);
    }
    /* Learn: callable at IRQL <= DIRQL; above it the debugger's IPIs can deadlock. */
    if (irql > BCSIM_IRQL_DIRQL) {
        bcsim__report_t r = { .id = BCSIM_V_DBGPRINT_ABOVE_DIRQL, .reason = BCSIM__NO_REASON,
                              .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
        bcsim__violation(&r, "called at %s (%u)", bcsim__irql_name(irql), irql);
    }
    /* The debugger receives a C string: text after an embedded NUL is not transmitted. */
    const char *nul = memchr(text, '\0', (size_t)len);
    size_t n = nul ? (size_t)(nul - text) : (size_t)len;
    if (BCSIM_VEC_RESERVE(&bcsim__m.dbgprint, bcsim__m.dbgprint.n + n + 1)) {
        memcpy(bcsim__m.dbgprint.v + bcsim__m.dbgprint.n, text, n);
        bcsim__m.dbgprint.n += n;
        bcsim__m.dbgprint.v[bcsim__m.dbgprint.n] = '\0';
    }
    if (shown(component, level))
        to_sink(text, n);
}

/* ---- the ntstrsafe rules (dispatcher-model.md 8.2) ------------------------------------------------
 * The functions are compiled into the driver: Driver Verifier never sees the call and Windows
 * raises no bug check for it, so the findings carry no bug-check code of their own and
 * verifier.bugcheck_on never turns them into a bug check. The real hazard is pageable memory:
 * the NLS tables a character-width conversion reads. */

void bcsim__strsafe_irql_check(enum bcsim__export_id id, void *caller, int printf_family)
{
    uint8_t irql = bcsim__m.irql;
    if (irql == BCSIM_IRQL_PASSIVE)
        return;
    const char *name = "?";
    bcsim__export_info((uint32_t)id, &name, NULL, NULL, NULL, NULL, NULL);
    bcsim__report_t r = { .id = BCSIM_V_STRSAFE_AT_HIGH_IRQL, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
    if (!printf_family && bcsim__m.cfg.verifier_strsafe_copy_violation)
        r.id = BCSIM_V_STRSAFE_COPY_AT_HIGH_IRQL;
    bcsim__violation(&r, "%s called at %s (%u); Learn documents PASSIVE_LEVEL (compiled into the driver: no bug check)",
                     name, bcsim__irql_name(irql), irql);
}

void bcsim__strsafe_format_check(enum bcsim__export_id id, void *caller, unsigned used)
{
    uint8_t irql = bcsim__m.irql;
    if (!(used & BCSIM__FMT_USED_UNICODE) || irql <= BCSIM_IRQL_APC)
        return;
    const char *name = "?";
    bcsim__export_info((uint32_t)id, &name, NULL, NULL, NULL, NULL, NULL);
    bcsim__report_t r = { .id = BCSIM_V_STRSAFE_CONVERSION_AT_HIGH_IRQL, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .dedupe = (uint64_t)caller ^ 0x55,
                          .bugcheck_code = BCSIM_BC_DRIVER_IRQL_NOT_LESS_OR_EQUAL,
                          .bugcheck_params = { 0, irql, 0, (uint64_t)caller } };
    bcsim__violation(&r, "%s converted between narrow and wide characters at %s (%u): the NLS tables "
                     "it reads are pageable, and a paged-out table at this IRQL is a 0x50/0xD1 bug check",
                     name, bcsim__irql_name(irql), irql);
}
