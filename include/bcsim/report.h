/**
 * @file bcsim/report.h
 * @brief Reports of a bug check: human text, JSON (for tools), TAP and JUnit (for CI).
 *
 * Every form carries the same facts: the bug check, the call sequence, DumpIo writes,
 * secondary-data blocks, the port/register log, accepted page ranges, every finding (in
 * the one format of bcsim_violation_format()) and a summary.
 */
#ifndef BCSIM_REPORT_H
#define BCSIM_REPORT_H

#include <stdio.h>

#include "../bcsim.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Report options. */
typedef struct bcsim_report_opts {
    bool verbose;          /**< text: list every DumpIo call instead of a per-record summary */
    bool color;            /**< text: ANSI colours */
    const char *title;     /**< text/JSON: a label for this run (scenario name, driver list) */
} bcsim_report_opts_t;

/**
 * Writes the text report of one bug check to @p out.
 * @param extra findings outside the bug check to list too (e.g. unload checks), may be NULL
 */
void bcsim_report_text(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                       uint32_t extra_count, const bcsim_report_opts_t *opts);

/**
 * Writes one bug check as a JSON object (UTF-8, one line per call is not guaranteed).
 * @return 0, or BCSIM_EIO / BCSIM_ENOMEM.
 */
int bcsim_report_json(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                      uint32_t extra_count, const bcsim_report_opts_t *opts);

/** TAP version 13: one test point per callback invocation group and per finding. */
void bcsim_report_tap(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                      uint32_t extra_count, const bcsim_report_opts_t *opts);

/** JUnit XML: one testcase per callback record; findings become failures. */
void bcsim_report_junit(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                        uint32_t extra_count, const bcsim_report_opts_t *opts);

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_REPORT_H */
