/*
 * sim/cmd_run.c — `bcsim run`: load drivers, run bug checks, write dumps, report.
 *
 * Every simulated boot runs in a child process (unless --no-contain or a debugger is
 * attached): a driver that calls exit(), or a fault containment could not catch, ends that
 * child and the parent reports what driver code was running (bcsim_set_activity_buffer).
 *
 * Boots, in order:
 *   1. the unload check: load every driver, call each DriverUnload (reverse order), report
 *      records still registered (a crashed machine never unloads drivers, so this needs a
 *      boot of its own; skipped for drivers without DriverUnload, which Windows cannot unload);
 *   2. one boot per bug check: load the drivers, run the bug check, write the dump.
 *
 * Exit codes: 0 no violations; 1 violations (or, with --expect-violations, a different set);
 * 2 bad usage or bad input; 3 internal error.
 */
#include "cli.h"

#include "bcsim/report.h"
#include "bcsim/scenario.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXIT_VIOLATIONS 1
#define EXIT_USAGE 2
#define EXIT_INTERNAL 3

typedef struct run_plan {
    const char **drivers;
    uint32_t ndrivers;
    bcsim_scenario_t *scenario;
    uint32_t nbugchecks;
    /* command-line bug check (used when there is no scenario) */
    uint32_t code;
    uint64_t params[4];
    /* overrides */
    const char *dump_path;
    int dump_type;
    int live;
    bool no_contain;
    uint32_t timeout_ms;
    const char **knobs;              /* "name=value" */
    uint32_t nknobs;
    /* output */
    const char *json_path, *tap_path, *junit_path;
    bool quiet, verbose, color, unload_check;
    const char *const *expect;       /* NULL-terminated, or NULL */
    /* what the plan owns (freed by plan_free) */
    char **owned_drivers;            /* the bundled examples' paths */
    uint32_t nowned_drivers;
    struct csv *expect_owned;        /* --expect-violations */
} run_plan_t;

static void die_usage(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "bcsim run: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(EXIT_USAGE);
}

static void usage(FILE *out)
{
    fprintf(out,
"usage: bcsim run [--driver MODULE]... [options]\n"
"\n"
"Loads driver modules built with bcsim_add_driver(), calls their DriverEntry, runs a\n"
"simulated bug check (callbacks at HIGH_LEVEL, the dump, DumpIo, legacy callbacks), writes\n"
"the crash dump and reports what happened. Without --driver or --scenario it runs the\n"
"bundled example drivers.\n"
"\n"
"  -d, --driver MODULE        load this driver module (repeatable; load order = order given)\n"
"  -b, --bugcheck CODE[,P1,P2,P3,P4]\n"
"                             bug-check code (number or name, e.g. MANUALLY_INITIATED_CRASH)\n"
"                             and up to four parameters; default 0xE2\n"
"  -o, --dump PATH            write the crash dump there (default: no file, DumpIo only)\n"
"  -t, --dump-type TYPE       bitmap (default), full, small, header, none\n"
"      --live                 live-dump mode: triage Flags without BUGCHECK_ACTIVE\n"
"      --no-contain           let faults through (for gdb, ASan); no child processes\n"
"      --timeout-ms N         wall time a callback may go without progress (no kernel call,\n"
"                             no virtual time) before it is a hang (default 5000)\n"
"  -s, --scenario FILE        a JSON scenario (see include/bcsim/scenario.h)\n"
"      --set KNOB=VALUE       set a model knob (repeatable; `bcsim knobs` lists them)\n"
"      --expect-violations A,B  exit 0 only if exactly these violation names occur\n"
"      --no-unload-check      skip the DriverUnload boot\n"
"  -j, --json PATH            write the report as JSON\n"
"      --tap PATH             write the report as TAP\n"
"      --junit PATH           write the report as JUnit XML\n"
"  -q, --quiet                print findings and the summary only\n"
"  -v, --verbose              list every DumpIo call\n"
"      --color WHEN           auto (default), always, never\n"
"  -h, --help                 this text\n"
"\n"
"Exit status: 0 no violations, 1 violations found, 2 bad usage or input, 3 internal error.\n");
}

/* A comma-separated list: v[0..n-1] point into buf, v[n] is NULL. */
typedef struct csv {
    char *buf;
    char **v;
    uint32_t n;
} csv_t;

static void csv_free(csv_t *c)
{
    if (c) {
        free(c->buf);
        free(c->v);
        free(c);
    }
}

static csv_t *split_csv(const char *text)
{
    csv_t *c = calloc(1, sizeof(*c));
    char *save = NULL;
    if (c) {
        c->buf = strdup(text);
        c->v = calloc(strlen(text) + 2, sizeof(char *));
    }
    if (!c || !c->buf || !c->v)
        die_usage("out of memory");
    for (char *t = strtok_r(c->buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        while (*t == ' ')
            t++;
        c->v[c->n++] = t;
    }
    return c;
}

static void parse_bugcheck(run_plan_t *p, const char *spec)
{
    csv_t *csv = split_csv(spec);
    char **parts = csv->v;
    uint32_t n = csv->n;
    if (n == 0 || n > 5)
        die_usage("--bugcheck '%s': expected CODE[,P1,P2,P3,P4]", spec);
    if (bcsim_bugcheck_parse(parts[0], &p->code))
        die_usage("--bugcheck '%s': '%s' is not a bug-check code or name", spec, parts[0]);
    for (uint32_t i = 1; i < n; i++) {
        char *end;
        errno = 0;
        if (!parts[i][0] || parts[i][0] == '-')
            die_usage("--bugcheck '%s': parameter %u '%s' is not a number", spec, i, parts[i]);
        p->params[i - 1] = strtoull(parts[i], &end, 0);
        if (errno || *end)
            die_usage("--bugcheck '%s': parameter %u '%s' is not a number", spec, i, parts[i]);
    }
    csv_free(csv);
}

/* ---- the bundled examples -------------------------------------------------------------- */

static char *examples_manifest(void)
{
    const char *env = getenv("BCSIM_EXAMPLES_DIR");
    char exe[PATH_MAX], path[PATH_MAX];
    const char *dirs[3] = { env, NULL, BCSIM_BUILD_EXAMPLES_DIR };
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char installed[PATH_MAX + 32];
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(installed, sizeof(installed), "%s/../lib/bcsim/examples", exe);
            dirs[1] = installed;
        }
    }
    for (int i = 0; i < 3; i++) {
        if (!dirs[i])
            continue;
        snprintf(path, sizeof(path), "%s/bundled.txt", dirs[i]);
        if (access(path, R_OK) == 0)
            return strdup(path);
    }
    return NULL;
}

static void load_bundled(run_plan_t *p)
{
    char *manifest = examples_manifest();
    if (!manifest)
        die_usage("no --driver or --scenario given and the bundled example drivers were not found "
                  "(build them, or set BCSIM_EXAMPLES_DIR)");
    FILE *f = fopen(manifest, "r");
    if (!f)
        die_usage("cannot read %s: %s", manifest, strerror(errno));
    char *dir = strdup(manifest);
    *strrchr(dir, '/') = 0;
    char line[512];
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *full = malloc(strlen(dir) + strlen(line) + 2);
        char **owned = realloc(p->owned_drivers, (p->nowned_drivers + 1) * sizeof(char *));
        const char **all = realloc(p->drivers, (p->ndrivers + 1) * sizeof(char *));
        if (owned)
            p->owned_drivers = owned;
        if (all)
            p->drivers = all;
        if (!full || !owned || !all)
            die_usage("out of memory");
        sprintf(full, "%s/%s", dir, line);
        p->owned_drivers[p->nowned_drivers++] = full;
        p->drivers[p->ndrivers++] = full;
    }
    fclose(f);
    free(dir);
    free(manifest);
    if (!p->ndrivers)
        die_usage("the bundled example manifest lists no drivers");
}

/* ---- one simulated boot -------------------------------------------------------------------- */

typedef struct boot_out {
    char json_path[64], tap_path[64], junit_path[64];
} boot_out_t;

static void print_line(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stdout, "%s\n", line);
    fflush(stdout);
}

static bool isatty_color(const run_plan_t *p)
{
    return p->color;
}

typedef struct progress {
    bool tty;
    int last;
} progress_t;

static void on_progress(void *ctx, uint64_t done, uint64_t total)
{
    progress_t *pr = ctx;
    if (!pr->tty || !total || total < (64u << 20))
        return;
    int pct = (int)(done * 100 / total);
    if (pct == pr->last)
        return;
    pr->last = pct;
    int bar = pct / 4;
    fprintf(stderr, "\rwriting dump [%-25.*s] %3d%%", bar, "#########################", pct);
    if (done >= total)
        fprintf(stderr, "\n");
    fflush(stderr);
}

static int configure(const run_plan_t *p, uint32_t bc, bcsim_config_t *cfg, progress_t *pr)
{
    bcsim_config_init(cfg);
    char err[512];
    if (p->scenario && bcsim_scenario_configure(p->scenario, bc, cfg, err, sizeof(err))) {
        fprintf(stderr, "bcsim run: %s\n", err);
        return EXIT_USAGE;
    }
    for (uint32_t i = 0; i < p->nknobs; i++) {
        char *kv = strdup(p->knobs[i]);
        char *eq = strchr(kv, '=');
        const char *why;
        if (!eq) {
            fprintf(stderr, "bcsim run: --set '%s': expected KNOB=VALUE\n", p->knobs[i]);
            free(kv);
            return EXIT_USAGE;
        }
        *eq = 0;
        if (bcsim_config_set(cfg, kv, eq + 1, &why)) {
            fprintf(stderr, "bcsim run: --set '%s': %s\n", p->knobs[i], why);
            free(kv);
            return EXIT_USAGE;
        }
        free(kv);
    }
    if (p->dump_type >= 0)
        cfg->dump_type = (uint32_t)p->dump_type;
    if (p->live >= 0)
        cfg->live = p->live;
    if (p->no_contain)
        cfg->contain = false;
    if (p->timeout_ms)
        cfg->watchdog_wall_ms = p->timeout_ms;
    const bcsim_scenario_bugcheck_t *sb = p->scenario ? bcsim_scenario_bugcheck(p->scenario, bc) : NULL;
    cfg->dump_path = sb && sb->dump_path ? sb->dump_path : p->dump_path;
    if (!p->quiet) {
        cfg->dbgprint_sink = print_line;
        cfg->dbgprint_ctx = NULL;
    }
    cfg->progress = on_progress;
    cfg->progress_ctx = pr;
    return 0;
}

static int load_drivers(const run_plan_t *p, bcsim_sim_t *sim, bcsim_driver_t **drv, bool *bugchecked)
{
    *bugchecked = false;
    for (uint32_t i = 0; i < p->ndrivers; i++) {
        drv[i] = NULL;
        int rc = bcsim_driver_load(sim, p->drivers[i], NULL, &drv[i]);
        switch (rc) {
        case 0:
            break;
        case BCSIM_ENOENT:
            fprintf(stderr, "bcsim run: %s: no such file\n", p->drivers[i]);
            return EXIT_USAGE;
        case BCSIM_ENOTDRIVER:
            fprintf(stderr, "bcsim run: %s: not a bcsim driver module: %s\n", p->drivers[i], bcsim_last_error());
            return EXIT_USAGE;
        case BCSIM_ENOENTRY:
            fprintf(stderr, "bcsim run: %s: not a driver: it does not define DriverEntry\n", p->drivers[i]);
            return EXIT_USAGE;
        case BCSIM_EDRIVER:
            fprintf(stdout, "driver %s: DriverEntry returned %#x; Windows unloads it\n",
                    p->drivers[i], (uint32_t)bcsim_driver_status(drv[i]));
            drv[i] = NULL;
            break;
        case BCSIM_EBUGCHECK:
            fprintf(stdout, "driver %s: DriverEntry bug-checked\n", p->drivers[i]);
            *bugchecked = true;
            return 0;
        default:
            fprintf(stderr, "bcsim run: %s: %s\n", p->drivers[i], bcsim_strerror(rc));
            return EXIT_INTERNAL;
        }
    }
    return 0;
}

static uint32_t count_violations(const bcsim_result_t *res, const bcsim_violation_t *extra, uint32_t n)
{
    uint32_t v = res ? bcsim_result_count(res, BCSIM_SEV_VIOLATION) : 0;
    for (uint32_t i = 0; i < n; i++)
        v += extra[i].severity == BCSIM_SEV_VIOLATION;
    return v;
}

static void write_forms(const run_plan_t *p, const boot_out_t *o, const bcsim_result_t *res,
                        const bcsim_violation_t *extra, uint32_t nextra, const bcsim_report_opts_t *ro)
{
    FILE *f;
    if ((p->json_path || p->expect) && (f = fopen(o->json_path, "w"))) {
        bcsim_report_json(f, res, extra, nextra, ro);
        fclose(f);
    }
    if (p->tap_path && (f = fopen(o->tap_path, "w"))) {
        bcsim_report_tap(f, res, extra, nextra, ro);
        fclose(f);
    }
    if (p->junit_path && (f = fopen(o->junit_path, "w"))) {
        bcsim_report_junit(f, res, extra, nextra, ro);
        fclose(f);
    }
}

/* The scenario's machine state (scripted port and register reads) applies to every boot of a
 * run, the unload check's included: both boots must see the same driver state. */
static void apply_machine_state(const run_plan_t *p, bcsim_sim_t *sim)
{
    if (!p->scenario)
        return;
    bcsim_scenario_apply_devices(p->scenario, sim);   /* ports, registers, PCI functions */
}

/* The unload check: load, DriverUnload in reverse order, records left registered. */
static int boot_unload(const run_plan_t *p, const boot_out_t *o)
{
    bcsim_config_t cfg;
    progress_t pr = { 0 };
    int rc = configure(p, 0, &cfg, &pr);
    if (rc)
        return rc;
    cfg.dump_type = BCSIM_DUMP_NONE;
    bcsim_sim_t *sim;
    if ((rc = bcsim_sim_create(&cfg, &sim)))
        return fprintf(stderr, "bcsim run: cannot boot: %s\n", bcsim_strerror(rc)), EXIT_INTERNAL;
    apply_machine_state(p, sim);
    bcsim_driver_t **drv = calloc(p->ndrivers + 1, sizeof(*drv));
    bool bugchecked;
    rc = load_drivers(p, sim, drv, &bugchecked);
    if (rc) {
        bcsim_sim_destroy(sim);
        free(drv);
        return rc;
    }
    uint32_t unloaded = 0, fixed = 0;
    for (uint32_t i = p->ndrivers; !bugchecked && i-- > 0;) {
        if (!drv[i])
            continue;
        int u = bcsim_driver_unload(sim, drv[i]);
        if (u == BCSIM_EBUGCHECK)
            bugchecked = true;
        else if (u == 0)
            unloaded++;
        else if (u == BCSIM_ENOUNLOAD)
            fixed++;   /* no DriverUnload: Windows cannot unload it, nothing to check */
    }
    uint32_t n = bcsim_sim_violation_count(sim);
    bcsim_violation_t *v = calloc(n + 1, sizeof(*v));
    for (uint32_t i = 0; i < n; i++)
        v[i] = *bcsim_sim_violation(sim, i);
    bcsim_report_opts_t ro = { .verbose = p->verbose, .color = isatty_color(p), .title = "unload check" };
    const bcsim_result_t *res = bugchecked ? bcsim_sim_last_result(sim) : NULL;
    if (!p->quiet || count_violations(res, v, n)) {
        char why[96] = "";
        if (fixed)
            snprintf(why, sizeof(why), " (%u without DriverUnload: not unloadable, as on Windows)", fixed);
        fprintf(stdout, "== unload check: %u of %u drivers unloaded%s%s\n", unloaded, p->ndrivers,
                why, bugchecked ? " (a bug check interrupted it)" : "");
        if (res || n)
            bcsim_report_text(stdout, res, v, n, &(bcsim_report_opts_t){ .color = ro.color });
        fprintf(stdout, "\n");
    }
    write_forms(p, o, res, v, n, &ro);
    int code = count_violations(res, v, n) ? EXIT_VIOLATIONS : 0;
    free(v);
    free(drv);
    bcsim_sim_destroy(sim);
    fflush(NULL);
    return code;
}

static int boot_bugcheck(const run_plan_t *p, uint32_t bc, const boot_out_t *o)
{
    bcsim_config_t cfg;
    progress_t pr = { .tty = isatty(2), .last = -1 };
    int rc = configure(p, bc, &cfg, &pr);
    if (rc)
        return rc;
    bcsim_sim_t *sim;
    if ((rc = bcsim_sim_create(&cfg, &sim)))
        return fprintf(stderr, "bcsim run: cannot boot: %s\n", bcsim_strerror(rc)), EXIT_INTERNAL;
    apply_machine_state(p, sim);
    bcsim_driver_t **drv = calloc(p->ndrivers + 1, sizeof(*drv));
    bool bugchecked;
    rc = load_drivers(p, sim, drv, &bugchecked);
    if (rc) {
        bcsim_sim_destroy(sim);
        free(drv);
        return rc;
    }
    const bcsim_result_t *res = NULL;
    if (bugchecked) {
        res = bcsim_sim_last_result(sim);
    } else {
        uint32_t code = p->code;
        const uint64_t *params = p->params;
        const bcsim_scenario_bugcheck_t *sb = p->scenario ? bcsim_scenario_bugcheck(p->scenario, bc) : NULL;
        if (sb) {
            code = sb->code;
            params = sb->params;
        }
        rc = bcsim_sim_bugcheck(sim, code, params, &res);
        if (rc || !res) {
            fprintf(stderr, "bcsim run: bug check failed: %s\n", bcsim_strerror(rc));
            bcsim_sim_destroy(sim);
            free(drv);
            return EXIT_INTERNAL;
        }
    }
    /* Findings raised while the drivers loaded (before the bug check) belong to the run. */
    uint32_t nall = bcsim_sim_violation_count(sim), nbefore = 0;
    for (uint32_t i = 0; i < nall; i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        bool in_res = false;
        for (uint32_t k = 0; k < res->violation_count && !in_res; k++)
            in_res = res->violations[k].message == v->message && res->violations[k].pc == v->pc;
        nbefore += !in_res;
    }
    bcsim_violation_t *pre = calloc(nbefore + 1, sizeof(*pre));
    nbefore = 0;
    for (uint32_t i = 0; i < nall; i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        bool in_res = false;
        for (uint32_t k = 0; k < res->violation_count && !in_res; k++)
            in_res = res->violations[k].message == v->message && res->violations[k].pc == v->pc;
        if (!in_res)
            pre[nbefore++] = *v;
    }
    char title[128];
    snprintf(title, sizeof(title), "bug check %u of %u", bc + 1, p->nbugchecks);
    bcsim_report_opts_t ro = { .verbose = p->verbose, .color = isatty_color(p), .title = title };
    if (p->quiet) {
        char line[1024];
        for (uint32_t i = 0; i < nbefore; i++)
            bcsim_violation_format(&pre[i], line, sizeof(line)), fprintf(stdout, "%s\n", line);
        for (uint32_t i = 0; i < res->violation_count; i++)
            bcsim_violation_format(&res->violations[i], line, sizeof(line)), fprintf(stdout, "%s\n", line);
        fprintf(stdout, "summary: %u violations: %s\n", count_violations(res, pre, nbefore),
                count_violations(res, pre, nbefore) ? "FAIL" : "PASS");
    } else {
        bcsim_report_text(stdout, res, pre, nbefore, &ro);
        fprintf(stdout, "\n");
    }
    write_forms(p, o, res, pre, nbefore, &ro);
    int code = count_violations(res, pre, nbefore) ? EXIT_VIOLATIONS : 0;
    if (res->dump_status && cfg.dump_path)
        code = code ? code : EXIT_VIOLATIONS;
    free(pre);
    free(drv);
    bcsim_sim_destroy(sim);
    fflush(NULL);
    return code;
}

/* ---- supervision ------------------------------------------------------------------------------ */

#define ACTIVITY_SIZE 512

static int supervise(const run_plan_t *p, int (*fn)(const run_plan_t *, uint32_t, const boot_out_t *),
                     uint32_t arg, const boot_out_t *o, const char *what)
{
    fflush(NULL);
    if (p->no_contain || bcsim_debugger_attached())
        return fn(p, arg, o);
    char *activity = mmap(NULL, ACTIVITY_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (activity == MAP_FAILED)
        return fn(p, arg, o);
    activity[0] = 0;
    pid_t pid = fork();
    if (pid < 0) {
        munmap(activity, ACTIVITY_SIZE);
        return fn(p, arg, o);
    }
    if (pid == 0) {
        bcsim_set_activity_buffer(activity, ACTIVITY_SIZE);
        int code = fn(p, arg, o);
        fflush(NULL);
        _exit(code);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    int code;
    activity[ACTIVITY_SIZE - 1] = 0;
    if (WIFEXITED(st) && WEXITSTATUS(st) <= EXIT_INTERNAL && !activity[0]) {
        code = WEXITSTATUS(st);
    } else if (activity[0]) {
        /* The simulation ended inside driver code: the driver's doing. */
        fprintf(stdout, "%s: the simulation ended while running %s: %s\n", what, activity,
                WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "the driver called exit()");
        code = EXIT_VIOLATIONS;
    } else {
        fprintf(stderr, "bcsim run: internal error: %s ended with %s %d\n", what,
                WIFSIGNALED(st) ? "signal" : "status", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
        code = EXIT_INTERNAL;
    }
    munmap(activity, ACTIVITY_SIZE);
    return code;
}

static int unload_adapter(const run_plan_t *p, uint32_t arg, const boot_out_t *o)
{
    (void)arg;
    return boot_unload(p, o);
}

/* ---- combining the forms ------------------------------------------------------------------- */

static json_t *load_json(const char *path)
{
    json_error_t e;
    return json_load_file(path, 0, &e);
}

static void collect_names(json_t *run, json_t *names)
{
    json_t *fs = json_object_get(run, "findings"), *f;
    size_t i;
    json_array_foreach(fs, i, f) {
        if (strcmp(json_string_value(json_object_get(f, "severity")) ?: "", "violation"))
            continue;
        json_object_set_new(names, json_string_value(json_object_get(f, "name")), json_true());
    }
}

static int check_expect(const run_plan_t *p, json_t *names)
{
    if (!p->expect)
        return -1;
    bool ok = true;
    for (const char *const *e = p->expect; *e; e++)
        if (!json_object_get(names, *e)) {
            fprintf(stdout, "expected violation %s did not occur\n", *e);
            ok = false;
        }
    const char *k;
    json_t *v;
    json_object_foreach(names, k, v) {
        bool expected = false;
        for (const char *const *e = p->expect; *e; e++)
            expected |= !strcmp(*e, k);
        if (!expected) {
            fprintf(stdout, "unexpected violation %s\n", k);
            ok = false;
        }
    }
    fprintf(stdout, "expected violations: %s\n", ok ? "matched" : "MISMATCH");
    return ok ? 0 : EXIT_VIOLATIONS;
}

static void finish_forms(const run_plan_t *p, boot_out_t *outs, uint32_t nout, const int *codes,
                         int final, json_t *names)
{
    if (p->json_path) {
        json_t *root = json_object();
        json_t *runs = json_array();
        json_object_set_new(root, "bcsim", json_string(bcsim_version()));
        json_t *drivers = json_array();
        for (uint32_t i = 0; i < p->ndrivers; i++)
            json_array_append_new(drivers, json_string(p->drivers[i]));
        json_object_set_new(root, "drivers", drivers);
        for (uint32_t i = 0; i < nout; i++) {
            json_t *r = load_json(outs[i].json_path);
            if (!r)
                r = json_pack("{s:s, s:i}", "error", "this boot produced no report", "exit_code", codes[i]);
            json_array_append_new(runs, r);
        }
        json_object_set_new(root, "runs", runs);
        json_object_set_new(root, "violation_names", json_incref(names));
        json_object_set_new(root, "exit_code", json_integer(final));
        if (json_dump_file(root, p->json_path, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
            fprintf(stderr, "bcsim run: cannot write %s\n", p->json_path);
        json_decref(root);
    }
    if (p->tap_path) {
        FILE *f = fopen(p->tap_path, "w");
        if (f) {
            fprintf(f, "TAP version 13\n1..%u\n", nout);
            for (uint32_t i = 0; i < nout; i++) {
                FILE *in = fopen(outs[i].tap_path, "r");
                char line[2048];
                while (in && fgets(line, sizeof(line), in))
                    if (strncmp(line, "TAP version", 11))
                        fprintf(f, "    %s", line);
                if (in)
                    fclose(in);
                fprintf(f, "%s %u - %s\n", codes[i] ? "not ok" : "ok", i + 1,
                        i == 0 && p->unload_check ? "unload check" : "bug check");
            }
            fclose(f);
        }
    }
    if (p->junit_path) {
        FILE *f = fopen(p->junit_path, "w");
        if (f) {
            fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            for (uint32_t i = 0; i < nout; i++) {
                FILE *in = fopen(outs[i].junit_path, "r");
                char line[4096];
                while (in && fgets(line, sizeof(line), in))
                    if (strncmp(line, "<?xml", 5) && strncmp(line, "<testsuites>", 12) &&
                        strncmp(line, "</testsuites>", 13))
                        fputs(line, f);
                if (in)
                    fclose(in);
            }
            fprintf(f, "</testsuites>\n");
            fclose(f);
        }
    }
}

static void plan_free(run_plan_t *p)
{
    for (uint32_t i = 0; i < p->nowned_drivers; i++)
        free(p->owned_drivers[i]);
    free(p->owned_drivers);
    free(p->drivers);
    free(p->knobs);
    csv_free(p->expect_owned);
    bcsim_scenario_free(p->scenario);
}

static void temp_name(char *buf, size_t n, const char *kind, uint32_t i)
{
    snprintf(buf, n, "/tmp/bcsim-%d-%u.%s", (int)getpid(), i, kind);
}

int bcsim_cmd_run(int argc, char **argv)
{
    run_plan_t p = { .dump_type = -1, .live = -1, .code = 0xE2, .unload_check = true,
                     .color = isatty(1) };
    static const struct option opts[] = {
        { "driver", required_argument, 0, 'd' },
        { "bugcheck", required_argument, 0, 'b' },
        { "dump", required_argument, 0, 'o' },
        { "dump-type", required_argument, 0, 't' },
        { "live", no_argument, 0, 'L' },
        { "no-contain", no_argument, 0, 'C' },
        { "timeout-ms", required_argument, 0, 'T' },
        { "scenario", required_argument, 0, 's' },
        { "set", required_argument, 0, 'S' },
        { "expect-violations", required_argument, 0, 'E' },
        { "no-unload-check", no_argument, 0, 'U' },
        { "json", required_argument, 0, 'j' },
        { "tap", required_argument, 0, 'P' },
        { "junit", required_argument, 0, 'J' },
        { "quiet", no_argument, 0, 'q' },
        { "verbose", no_argument, 0, 'v' },
        { "color", required_argument, 0, 'K' },
        { "help", no_argument, 0, 'h' },
        { 0, 0, 0, 0 },
    };
    const char *scenario_path = NULL;
    bool have_bugcheck = false;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":d:b:o:t:s:j:qvh", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            p.drivers = realloc(p.drivers, (p.ndrivers + 1) * sizeof(char *));
            p.drivers[p.ndrivers++] = optarg;
            break;
        case 'b':
            parse_bugcheck(&p, optarg);
            have_bugcheck = true;
            break;
        case 'o': p.dump_path = optarg; break;
        case 't': {
            static const struct { const char *n; int v; } t[] = {
                { "none", BCSIM_DUMP_NONE }, { "full", BCSIM_DUMP_FULL }, { "bitmap", BCSIM_DUMP_BITMAP },
                { "kernel", BCSIM_DUMP_BITMAP }, { "small", BCSIM_DUMP_SMALL }, { "header", BCSIM_DUMP_HEADER } };
            p.dump_type = -2;
            for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (!strcmp(optarg, t[i].n))
                    p.dump_type = t[i].v;
            if (p.dump_type == -2)
                die_usage("--dump-type '%s': expected full, bitmap, small, header or none", optarg);
            break;
        }
        case 'L': p.live = 1; break;
        case 'C': p.no_contain = true; break;
        case 'T': {
            char *end;
            errno = 0;
            unsigned long v = strtoul(optarg, &end, 10);
            if (errno || *end || !v || v > 3600000 || optarg[0] == '-')
                die_usage("--timeout-ms '%s': expected milliseconds (1..3600000)", optarg);
            p.timeout_ms = (uint32_t)v;
            break;
        }
        case 's': scenario_path = optarg; break;
        case 'S':
            p.knobs = realloc(p.knobs, (p.nknobs + 1) * sizeof(char *));
            p.knobs[p.nknobs++] = optarg;
            break;
        case 'E': {
            csv_t *names = split_csv(optarg);
            for (uint32_t i = 0; i < names->n; i++) {
                uint32_t id;
                if (bcsim_violation_lookup(names->v[i], &id))
                    die_usage("--expect-violations: '%s' is not a violation name", names->v[i]);
            }
            csv_free(p.expect_owned);      /* the last --expect-violations counts */
            p.expect_owned = names;
            p.expect = (const char *const *)names->v;
            break;
        }
        case 'U': p.unload_check = false; break;
        case 'j': p.json_path = optarg; break;
        case 'P': p.tap_path = optarg; break;
        case 'J': p.junit_path = optarg; break;
        case 'q': p.quiet = true; break;
        case 'v': p.verbose = true; break;
        case 'K':
            if (!strcmp(optarg, "always")) p.color = true;
            else if (!strcmp(optarg, "never")) p.color = false;
            else if (!strcmp(optarg, "auto")) p.color = isatty(1);
            else die_usage("--color '%s': expected auto, always or never", optarg);
            break;
        case 'h':
            usage(stdout);
            plan_free(&p);
            return 0;
        case ':':
            die_usage("option %s needs a value", argv[optind - 1]);
        default:
            die_usage("unknown option '%s' (see bcsim run --help)", argv[optind - 1]);
        }
    }
    if (optind < argc)
        die_usage("unexpected argument '%s' (drivers are given with --driver)", argv[optind]);
    if (scenario_path) {
        char err[1024];
        int rc = bcsim_scenario_load(scenario_path, &p.scenario, err, sizeof(err));
        if (rc)
            die_usage("%s", err);
        if (have_bugcheck)
            die_usage("--bugcheck and --scenario both choose the bug check; give one");
        for (uint32_t i = 0; i < bcsim_scenario_driver_count(p.scenario); i++) {
            p.drivers = realloc(p.drivers, (p.ndrivers + 1) * sizeof(char *));
            p.drivers[p.ndrivers++] = bcsim_scenario_driver(p.scenario, i);
        }
        if (!p.expect)
            p.expect = bcsim_scenario_expected(p.scenario);
    }
    if (!p.ndrivers)
        load_bundled(&p);
    p.nbugchecks = p.scenario ? bcsim_scenario_bugcheck_count(p.scenario) : 1;
    if (p.dump_path && p.nbugchecks > 1)
        die_usage("--dump names one file but the scenario has %u bug checks; give each a \"dump\"", p.nbugchecks);

    uint32_t nout = p.nbugchecks + (p.unload_check ? 1 : 0);
    boot_out_t *outs = calloc(nout, sizeof(*outs));
    int *codes = calloc(nout, sizeof(int));
    for (uint32_t i = 0; i < nout; i++) {
        temp_name(outs[i].json_path, sizeof(outs[i].json_path), "json", i);
        temp_name(outs[i].tap_path, sizeof(outs[i].tap_path), "tap", i);
        temp_name(outs[i].junit_path, sizeof(outs[i].junit_path), "xml", i);
    }
    if (!outs || !codes)
        die_usage("out of memory");
    int worst = 0, final;
    json_t *names = json_object();
    uint32_t k = 0;
    for (uint32_t b = 0; k < nout; k++) {
        bool unload = p.unload_check && k == 0;
        codes[k] = unload ? supervise(&p, unload_adapter, 0, &outs[k], "the unload check")
                          : supervise(&p, boot_bugcheck, b++, &outs[k], "the bug check");
        if (codes[k] == EXIT_USAGE || codes[k] == EXIT_INTERNAL) {
            /* bad input or a harness failure: no report beyond the error itself */
            final = codes[k];
            finish_forms(&p, outs, 0, codes, final, names);
            goto out;
        }
        worst = codes[k] > worst ? codes[k] : worst;
    }
    /* Names of every violation across the boots (for --expect-violations and JSON). */
    for (uint32_t i = 0; i < nout; i++) {
        json_t *r = load_json(outs[i].json_path);
        if (r) {
            collect_names(r, names);
            json_decref(r);
        }
    }
    final = worst;
    int e = check_expect(&p, names);
    if (e >= 0)
        final = e;
    finish_forms(&p, outs, nout, codes, final, names);
out:
    for (uint32_t i = 0; i < nout; i++) {     /* every boot's temporary reports, also after an error */
        unlink(outs[i].json_path);
        unlink(outs[i].tap_path);
        unlink(outs[i].junit_path);
    }
    json_decref(names);
    plan_free(&p);
    free(outs);
    free(codes);
    return final;
}
