/*
 * src/verifier/verifier.h — the verifier's services to the rooms above it: findings
 * (violations.c), symbolization (symbolize.c), the IRQL gate (irql.c) and supervision of
 * driver code (supervision.c). Containment is src/verifier/contain.h.
 */
#ifndef BCSIM_SRC_VERIFIER_VERIFIER_H
#define BCSIM_SRC_VERIFIER_VERIFIER_H

#include "internal.h"

/* ---- findings (violations.c; the table of kinds is src/report/findings.c) ------------------ */
typedef struct bcsim__report {
    uint32_t id;
    const char *component;       /* may be NULL */
    int32_t reason;              /* INT32_MIN = none */
    uint64_t pc;                 /* call site / faulting instruction */
    uint64_t address;
    uint32_t bugcheck_code;
    uint64_t bugcheck_params[4];
    uint64_t dedupe;             /* non-zero: report (id, dedupe) once per bug check */
} bcsim__report_t;

/* Records a finding; formats the message from the table text plus `detail` (only when the
 * finding is kept: not a duplicate, not a verifier rule with the verifier off). The va_list
 * form is for the wrappers that fill a report and pass their caller's format on. */
void bcsim__violation(const bcsim__report_t *r, const char *detail_fmt, ...)
    __attribute__((format(printf, 2, 3)));
void bcsim__violationv(const bcsim__report_t *r, const char *detail_fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void bcsim__violations_reset_dedupe(void);
/* Fills in file:line of findings recorded while a callback ran (harness stack only). */
void bcsim__violations_resolve(void);

/* ---- symbolization (symbolize.c) ----------------------------------------------------------- */
typedef struct bcsim__srcloc {
    const char *file;            /* NULL if unknown */
    uint32_t line;
    const char *function;
    const char *module;
} bcsim__srcloc_t;
void bcsim__symbolize(uint64_t pc, bcsim__srcloc_t *out);
const char *bcsim__symbol_name(uint64_t addr);   /* "Fn" or "module+0x1234" */
void bcsim__symbolize_invalidate(void);          /* after a module was loaded */
void bcsim__symbolize_fini(void);
/* The CFI (.eh_frame, else .debug_frame) of the module containing pc; *bias is the module's
 * load bias (CFI addresses + bias = run-time addresses), *module_lo its lowest mapped address.
 * NULL when no module or no CFI covers pc. Owned by the process's Dwfl: never freed here. */
struct Dwarf_CFI_s;
struct Dwarf_CFI_s *bcsim__cfi_find(uint64_t pc, uint64_t *bias, uint64_t *module_lo);
/* The function symbol around pc (the module's symbol table): [start, end). false if none. */
bool bcsim__function_range(uint64_t pc, uint64_t *start, uint64_t *end);

/* ---- IRQL and the verifier gate (irql.c) ------------------------------------------------- */
uint8_t bcsim__irql_get(void);
void bcsim__irql_set(uint8_t irql);
const char *bcsim__irql_name(uint8_t irql);
uint32_t bcsim__export_count(void);
bool bcsim__export_info(uint32_t id, const char **name, const char **header, bool *data,
                        bool *stub, uint8_t *max_irql, uint32_t *report);

/* Supervision (supervision.c): every piece of driver code is bracketed by enter/leave;
 * enter streams the events so far and names the code in the activity record, leave checks
 * the protected descriptors. kind is a bcsim_activity_kind_t; routine 0 if none. */
void bcsim__driver_code_enter(uint32_t kind, uint64_t routine, const char *driver,
                              const char *component, int32_t reason, uint32_t call_seq,
                              const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void bcsim__driver_code_leave(void);
void bcsim__supervision_bugcheck(uint32_t code, const uint64_t p[4]);
void bcsim__supervision_reset(void);
/* Driver code is ending the process: point the activity record at its call (atexit hook). */
void bcsim__activity_locate_caller(void);
#endif /* BCSIM_SRC_VERIFIER_VERIFIER_H */
