/*
 * bcsim_fuzz_driver.c — the per-reason driver fuzzer that bcsim_add_fuzzer() builds: one
 * driver module, loaded once; every input is decoded (include/bcsim/fuzz.h) and dispatched to
 * the driver's registered callbacks through bcsim's dispatcher. A crash is either a fault the
 * sanitizers or the guard pages catch at the instruction, or a protocol finding (output the
 * dispatcher rejects, a list the callback corrupted), which is printed and abort()ed.
 *
 * Built by bcsim_add_fuzzer() with:
 *   BCSIM_FUZZ_DRIVER_PATH  the driver module (an instrumented copy under libFuzzer)
 *   BCSIM_FUZZ_REASONS      "SecondaryDumpData,DumpIo", or "" for every reason it registers
 * Environment (fuzz/README.md):
 *   BCSIM_FUZZ_DRIVER=path         another module (else the built one, else next to the program)
 *   BCSIM_FUZZ_CONTAIN=1           faults become bcsim findings (then abort) instead of reaching
 *                                  ASan/libFuzzer directly
 *   BCSIM_FUZZ_LOOSE=1             also inputs outside the documented contract
 *   BCSIM_FUZZ_FAIL_ON=violation   (default) | warning | none: which findings crash
 *   BCSIM_FUZZ_FAIL_ON_BUGCHECK=1  a callback calling KeBugCheckEx is a crash too
 *   BCSIM_FUZZ_VERBOSE=1           one line per input and every finding
 * LLVMFuzzerTestOneInput always returns 0 (STYLE rule 12).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bcsim.h"
#include "bcsim/fuzz.h"

#ifndef BCSIM_FUZZ_DRIVER_PATH
#  define BCSIM_FUZZ_DRIVER_PATH ""
#endif
#ifndef BCSIM_FUZZ_REASONS
#  define BCSIM_FUZZ_REASONS ""
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bcsim_sim_t *sim;
static int32_t reasons[16];
static uint32_t nreasons;
static uint32_t fail_severity = BCSIM_SEV_VIOLATION;   /* UINT32_MAX: nothing fails */
static bool fail_on_bugcheck, verbose;

static bool env_on(const char *name)
{
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

static _Noreturn void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "bcsim fuzzer: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

/* The module: $BCSIM_FUZZ_DRIVER, the path it was built at, or the same file name next to
 * this program (OSS-Fuzz copies both into $OUT). */
static const char *driver_path(char *buf, size_t size)
{
    const char *env = getenv("BCSIM_FUZZ_DRIVER");
    if (env && *env)
        return env;
    if (BCSIM_FUZZ_DRIVER_PATH[0] && access(BCSIM_FUZZ_DRIVER_PATH, R_OK) == 0)
        return BCSIM_FUZZ_DRIVER_PATH;
    const char *base = strrchr(BCSIM_FUZZ_DRIVER_PATH, '/');
    base = base ? base + 1 : BCSIM_FUZZ_DRIVER_PATH;
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0 && *base) {
        buf[n] = 0;
        char *slash = strrchr(buf, '/');
        if (slash && (size_t)(slash + 1 - buf) + strlen(base) < size) {
            strcpy(slash + 1, base);
            if (access(buf, R_OK) == 0)
                return buf;
        }
    }
    return BCSIM_FUZZ_DRIVER_PATH;
}

static void choose_reasons(void)
{
    int32_t have[16];
    uint32_t nhave = bcsim_fuzz_reasons(have, 16);
    const char *list = BCSIM_FUZZ_REASONS;
    if (!*list) {
        for (uint32_t i = 0; i < nhave && i < 16; i++)
            reasons[nreasons++] = have[i];
    } else {
        char buf[512];
        snprintf(buf, sizeof(buf), "%s", list);
        for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            int32_t r;
            if (bcsim_reason_parse(t, &r) != 0)
                die("unknown reason '%s' in BCSIM_FUZZ_REASONS", t);
            bool registered = false;
            for (uint32_t i = 0; i < nhave; i++)
                registered |= have[i] == r;
            if (!registered)
                fprintf(stderr, "bcsim fuzzer: the driver registers no %s record\n", bcsim_reason_name(r));
            else if (nreasons < 16)
                reasons[nreasons++] = r;
        }
    }
    if (!nreasons)
        die("%s", "no registered callback to fuzz (the driver registered none of the REASONS)");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    bcsim_config_t cfg;
    bcsim_config_init(&cfg);
    bcsim_fuzz_config(&cfg);
    cfg.contain = env_on("BCSIM_FUZZ_CONTAIN");
    const char *fail = getenv("BCSIM_FUZZ_FAIL_ON");
    if (fail && !strcmp(fail, "warning"))
        fail_severity = BCSIM_SEV_WARNING;
    else if (fail && !strcmp(fail, "none"))
        fail_severity = UINT32_MAX;
    fail_on_bugcheck = env_on("BCSIM_FUZZ_FAIL_ON_BUGCHECK");
    verbose = env_on("BCSIM_FUZZ_VERBOSE");
    if (bcsim_sim_create(&cfg, &sim) != 0)
        die("%s", "cannot create the simulated machine");
    char buf[4096];
    const char *path = driver_path(buf, sizeof(buf));
    int rc = bcsim_driver_load(sim, path, NULL, NULL);
    if (rc != 0) {
        fprintf(stderr, "bcsim fuzzer: loading %s: %s %s\n", path, bcsim_strerror(rc), bcsim_last_error());
        exit(2);
    }
    bcsim_fuzz_options_t opts = { .allow_loose = env_on("BCSIM_FUZZ_LOOSE") };
    if (bcsim_fuzz_setup(sim, &opts) != 0)
        die("%s", "bcsim_fuzz_setup failed");
    choose_reasons();
    if (verbose) {
        fprintf(stderr, "bcsim fuzzer: %s, reasons", path);
        for (uint32_t i = 0; i < nreasons; i++)
            fprintf(stderr, " %s", bcsim_reason_name(reasons[i]));
        fprintf(stderr, "%s\n", cfg.contain ? " (contained)" : "");
    }
    return 0;
}

/* Header byte 4: a reason number (0xFF: legacy) this fuzzer has, else an index into its
 * reasons, so the per-reason seeds reach their reason in any fuzzer that has it. */
static int32_t pick_reason(uint8_t select)
{
    int32_t want = select == 0xFF ? BCSIM_REASON_LEGACY : (int32_t)select;
    for (uint32_t i = 0; i < nreasons; i++)
        if (reasons[i] == want)
            return want;
    return reasons[select % nreasons];
}

static void print_findings(const bcsim_fuzz_outcome_t *out)
{
    char line[1024];
    for (uint32_t i = 0; i < out->violation_count; i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, out->violation_first + i);
        if (!v)
            continue;
        bcsim_violation_format(v, line, sizeof(line));
        fprintf(stderr, "bcsim: %s\n", line);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!sim)
        LLVMFuzzerInitialize(NULL, NULL);
    bcsim_fuzz_input_t in;
    bcsim_fuzz_outcome_t out;
    bcsim_fuzz_decode(data, size, &in);
    int32_t reason = pick_reason(in.reason_select);
    int rc = bcsim_fuzz_dispatch(sim, reason, &in, &out);
    if (verbose)
        fprintf(stderr, "bcsim fuzzer: %s, %u passes, %u calls, %u findings\n",
                bcsim_reason_name(reason), out.passes, out.calls, out.violation_count);
    if (rc == BCSIM_EBUGCHECK) {
        print_findings(&out);
        fprintf(stderr, "bcsim fuzzer: bcsim halted the simulated machine during this input\n");
        abort();
    }
    uint32_t failing = 0;
    for (uint32_t i = 0; i < out.violation_count; i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, out.violation_first + i);
        if (!v)
            continue;
        if (v->id == BCSIM_V_NESTED_BUGCHECK ? fail_on_bugcheck : v->severity >= fail_severity)
            failing++;
    }
    if (failing || (verbose && out.violation_count))
        print_findings(&out);
    if (failing) {
        fprintf(stderr, "bcsim fuzzer: %u finding(s) in a %s callback\n", failing, bcsim_reason_name(reason));
        abort();
    }
    return 0;
}
