/*
 * src/report/report_doc.h — a report read back from its JSON form (src/report/report_doc.c): the result
 * object and the findings outside the bug check, owned by the document, ready for
 * bcsim_report_text/json/tap/junit. The supervising `bcsim run` process renders every report
 * from what its boot children sent (sim/cmd_run.c), so the JSON is untrusted input: every
 * field is checked, a malformed document is an error, never a crash (fuzz/fuzz_report_doc.c).
 *
 *   bcsim__report_doc_t *d = bcsim__report_doc_new();
 *   if (bcsim__report_doc_load(d, text, len, err, sizeof(err))) ... malformed ...
 *   bcsim_report_text(stdout, bcsim__report_doc_result(d), bcsim__report_doc_extra(d, &n), n, &o);
 *   bcsim__report_doc_free(d);
 *
 * A document may also be built piece by piece from a boot's streamed events (the bug check's
 * code, each call, each finding) when the boot died before sending its report.
 */
#ifndef BCSIM_REPORT_DOC_H
#define BCSIM_REPORT_DOC_H

#include "bcsim.h"

#include <stddef.h>

typedef struct bcsim__report_doc bcsim__report_doc_t;

bcsim__report_doc_t *bcsim__report_doc_new(void);
void bcsim__report_doc_free(bcsim__report_doc_t *d);

/* Reads a whole per-boot report (the object bcsim_report_json() writes). 0, or
 * BCSIM_EFORMAT with a one-line reason naming the JSON path in err. */
int bcsim__report_doc_load(bcsim__report_doc_t *d, const char *json, size_t len, char *err,
                           size_t errlen);

/* Pieces (each a JSON text of the report's item schema). 0 or BCSIM_EFORMAT. */
int bcsim__report_doc_add_call(bcsim__report_doc_t *d, const char *json, size_t len, char *err,
                               size_t errlen);
int bcsim__report_doc_add_finding(bcsim__report_doc_t *d, const char *json, size_t len,
                                  char *err, size_t errlen);
void bcsim__report_doc_set_bugcheck(bcsim__report_doc_t *d, uint32_t code, const uint64_t p[4]);
/* Adds a finding made by the caller (copied); during_bugcheck puts it in the result. */
int bcsim__report_doc_add_violation(bcsim__report_doc_t *d, const bcsim_violation_t *v,
                                    bool during_bugcheck);
/* The dump line of the result: requested path, its size, and why it was not written (NULL =
 * written). */
void bcsim__report_doc_set_dump(bcsim__report_doc_t *d, uint32_t dump_type, const char *path,
                                uint64_t size, const char *error);
void bcsim__report_doc_set_title(bcsim__report_doc_t *d, const char *title);

/* The result (NULL when the document holds no bug check); valid until the next change. */
const bcsim_result_t *bcsim__report_doc_result(bcsim__report_doc_t *d);
const bcsim_violation_t *bcsim__report_doc_extra(const bcsim__report_doc_t *d, uint32_t *n);
const char *bcsim__report_doc_title(const bcsim__report_doc_t *d);
/* Violations (severity violation) in the whole document. */
uint32_t bcsim__report_doc_violations(bcsim__report_doc_t *d);

#endif /* BCSIM_REPORT_DOC_H */
