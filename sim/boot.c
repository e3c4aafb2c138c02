/*
 * sim/boot.c — one simulated boot of `bcsim run`, in a boot child (or in-process under gdb
 * and --no-contain). It prints nothing itself: every line, finding, call and the final result
 * go through the channel (sim/channel.h) and the supervising parent renders the reports, so a
 * driver that closes standard output or ends the process cannot change what is reported.
 *
 * Boots:
 *   - the unload check: load every driver, call each DriverUnload (reverse order), report
 *     records still registered (a crashed machine never unloads drivers, so this needs a boot
 *     of its own; drivers without DriverUnload, which Windows cannot unload, are skipped);
 *   - one boot per bug check: load the drivers, run the bug check, write the dump.
 * Both apply the scenario's machine state (knobs, scripted ports and registers).
 */
#include "run.h"

#include "bcsim/report.h"
#include "internal.h"
#include "verifier/verifier.h"
#include "report/report.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern bool bcsim_cli_guard_signals;

/* ---- configuration --------------------------------------------------------------------------- */

int boot_configure(const run_plan_t *p, uint32_t bc, bcsim_config_t *cfg)
{
    bcsim_config_init(cfg);
    char err[512];
    if (p->scenario && bcsim_scenario_configure(p->scenario, bc, cfg, err, sizeof(err))) {
        fprintf(stderr, "bcsim run: %s\n", err);
        return EXIT_USAGE;
    }
    for (uint32_t i = 0; i < p->nknobs; i++) {
        char *kv = strdup(p->knobs[i]);
        char *eq = kv ? strchr(kv, '=') : NULL;
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
    if (p->deadline_set)
        cfg->boot_deadline_ms = p->deadline_ms;
    cfg->dump_path = bc == UINT32_MAX ? NULL : boot_dump_path(p, bc);
    return 0;
}

const char *boot_dump_path(const run_plan_t *p, uint32_t bc)
{
    const bcsim_scenario_bugcheck_t *sb = p->scenario ? bcsim_scenario_bugcheck(p->scenario, bc) : NULL;
    return sb && sb->dump_path ? sb->dump_path : p->dump_path;
}

/* ---- the channel's sinks -------------------------------------------------------------------------- */

static void send_json(chan_t *c, uint32_t type, json_t *j)
{
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    if (s)
        chan_send_text(c, type, s);
    free(s);
    json_decref(j);
}

static void sink_line(void *ctx, const char *line)
{
    chan_send_text(ctx, CHAN_LINE, line);
}

static void sink_finding(void *ctx, const bcsim_violation_t *v, bool during)
{
    send_json(ctx, CHAN_FINDING, bcsim__report_violation_json(v, during));
}

static void sink_call(void *ctx, const bcsim_call_t *c)
{
    send_json(ctx, CHAN_CALL, bcsim__report_call_json(c));
}

static void sink_bugcheck(void *ctx, uint32_t code, const uint64_t p[4])
{
    char hex[5][24];
    snprintf(hex[0], sizeof(hex[0]), "%#x", code);
    for (int i = 0; i < 4; i++)
        snprintf(hex[i + 1], sizeof(hex[i + 1]), "%#llx", (unsigned long long)p[i]);
    send_json(ctx, CHAN_BUGCHECK, json_pack("{s:s, s:[s,s,s,s]}", "code", hex[0], "params", hex[1],
                                            hex[2], hex[3], hex[4]));
}

static void sink_dump(void *ctx, int32_t status, uint64_t size, const char *error)
{
    send_json(ctx, CHAN_DUMP, json_pack("{s:i, s:I, s:s?}", "status", (int)status, "size", (json_int_t)size,
                                        "error", error));
}

static void note(chan_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(chan_t *c, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    chan_send_text(c, CHAN_NOTE, line);
}

static int error(chan_t *c, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int error(chan_t *c, int code, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    send_json(c, CHAN_ERROR, json_pack("{s:i, s:s}", "exit", code, "message", msg));
    return code;
}

/* ---- progress (a terminal's stderr only; cosmetic, so written by the child directly) ------------- */

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

/* ---- a boot ---------------------------------------------------------------------------------------- */

static int create_machine(const boot_job_t *job, chan_t *chan, progress_t *pr, bcsim_sim_t **sim)
{
    const run_plan_t *p = job->plan;
    bcsim_config_t cfg;
    int rc = boot_configure(p, job->unload ? UINT32_MAX : job->bc, &cfg);
    if (rc)
        return error(chan, rc, "the configuration of this boot is invalid");
    if (job->unload) {
        cfg.dump_type = BCSIM_DUMP_NONE;
    } else {
        cfg.dump_path = job->dump_path;
        cfg.dump_fd = job->dump_fd;
    }
    if (!p->quiet) {
        cfg.dbgprint_sink = sink_line;
        cfg.dbgprint_ctx = chan;
    }
    cfg.on_finding = sink_finding;
    cfg.on_call = sink_call;
    cfg.on_bugcheck = sink_bugcheck;
    cfg.on_dump = sink_dump;
    cfg.event_ctx = chan;
    cfg.progress = on_progress;
    cfg.progress_ctx = pr;
    if ((rc = bcsim_sim_create(&cfg, sim)))
        return error(chan, EXIT_INTERNAL, "cannot boot: %s", bcsim_strerror(rc));
    /* The scenario's machine state (ports, registers, PCI functions) applies to every boot,
     * the unload check's included: both boots must see the same driver state. */
    if (p->scenario)
        bcsim_scenario_apply_devices(p->scenario, *sim);
    return 0;
}

static int load_drivers(const run_plan_t *p, chan_t *chan, bcsim_sim_t *sim, bcsim_driver_t **drv,
                        bool *bugchecked)
{
    *bugchecked = false;
    for (uint32_t i = 0; i < p->ndrivers; i++) {
        drv[i] = NULL;
        int rc = bcsim_driver_load(sim, p->drivers[i], NULL, &drv[i]);
        switch (rc) {
        case 0:
            break;
        case BCSIM_ENOENT:
            return error(chan, EXIT_USAGE, "%s: no such file", p->drivers[i]);
        case BCSIM_ENOTDRIVER:
            return error(chan, EXIT_USAGE, "%s: not a bcsim driver module: %s", p->drivers[i], bcsim_last_error());
        case BCSIM_ENOENTRY:
            return error(chan, EXIT_USAGE, "%s: not a driver: it does not define DriverEntry", p->drivers[i]);
        case BCSIM_EDRIVER:
            note(chan, "driver %s: DriverEntry returned %#x; Windows unloads it", p->drivers[i],
                 (uint32_t)bcsim_driver_status(drv[i]));
            drv[i] = NULL;
            break;
        case BCSIM_EBUGCHECK:
            note(chan, "driver %s: %s bug-checked", p->drivers[i], drv[i] ? "DriverEntry" : "loading it");
            *bugchecked = true;
            return 0;
        default:
            return error(chan, EXIT_INTERNAL, "%s: %s", p->drivers[i], bcsim_strerror(rc));
        }
    }
    return 0;
}

static json_t *report_object(const bcsim_result_t *res, const bcsim_violation_t *extra, uint32_t n,
                             const char *title)
{
    bcsim_report_opts_t ro = { .title = title };
    return bcsim__report_json_object(res, extra, n, &ro);
}

/* The unload check: load, DriverUnload in reverse order, records left registered. */
static int boot_unload(const boot_job_t *job, chan_t *chan)
{
    const run_plan_t *p = job->plan;
    progress_t pr = { 0 };
    bcsim_sim_t *sim;
    int rc = create_machine(job, chan, &pr, &sim);
    if (rc)
        return rc;
    bcsim_driver_t **drv = calloc(p->ndrivers + 1, sizeof(*drv));
    bool bugchecked;
    if (!drv || (rc = load_drivers(p, chan, sim, drv, &bugchecked))) {
        free(drv);
        bcsim_sim_destroy(sim);
        return rc ? rc : error(chan, EXIT_INTERNAL, "out of memory");
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
    for (uint32_t i = 0; v && i < n; i++)
        v[i] = *bcsim_sim_violation(sim, i);
    const bcsim_result_t *res = bugchecked ? bcsim_sim_last_result(sim) : NULL;
    /* findings of the bug check that interrupted it are in the result already */
    uint32_t nextra = 0;
    for (uint32_t i = 0; v && i < n; i++) {
        bool in_res = false;
        for (uint32_t k = 0; res && k < res->violation_count && !in_res; k++)
            in_res = res->violations[k].message == v[i].message && res->violations[k].pc == v[i].pc;
        if (!in_res)
            v[nextra++] = v[i];
    }
    json_t *r = json_pack("{s:s, s:i, s:i, s:i, s:b, s:o}", "kind", "unload", "unloaded", (json_int_t)unloaded,
                          "fixed", (json_int_t)fixed, "drivers", (json_int_t)p->ndrivers, "bugchecked", bugchecked,
                          "report",
                          report_object(res, v, nextra, "unload check"));
    send_json(chan, CHAN_RESULT, r);
    free(v);
    free(drv);
    bcsim_sim_destroy(sim);
    return 0;
}

static int boot_bugcheck(const boot_job_t *job, chan_t *chan)
{
    const run_plan_t *p = job->plan;
    progress_t pr = { .tty = isatty(2), .last = -1 };
    bcsim_sim_t *sim;
    int rc = create_machine(job, chan, &pr, &sim);
    if (rc)
        return rc;
    bcsim_driver_t **drv = calloc(p->ndrivers + 1, sizeof(*drv));
    bool bugchecked;
    if (!drv || (rc = load_drivers(p, chan, sim, drv, &bugchecked))) {
        free(drv);
        bcsim_sim_destroy(sim);
        return rc ? rc : error(chan, EXIT_INTERNAL, "out of memory");
    }
    const bcsim_result_t *res = NULL;
    if (bugchecked) {
        res = bcsim_sim_last_result(sim);
    } else {
        uint32_t code = p->code;
        const uint64_t *params = p->params;
        const bcsim_scenario_bugcheck_t *sb = p->scenario ? bcsim_scenario_bugcheck(p->scenario, job->bc) : NULL;
        if (sb) {
            code = sb->code;
            params = sb->params;
        }
        rc = bcsim_sim_bugcheck(sim, code, params, &res);
        if (rc || !res) {
            free(drv);
            bcsim_sim_destroy(sim);
            return error(chan, EXIT_INTERNAL, "bug check failed: %s", bcsim_strerror(rc));
        }
    }
    /* Findings raised while the drivers loaded (before the bug check) belong to the run. */
    uint32_t nall = bcsim_sim_violation_count(sim), nbefore = 0;
    bcsim_violation_t *pre = calloc(nall + 1, sizeof(*pre));
    for (uint32_t i = 0; pre && i < nall; i++) {
        const bcsim_violation_t *v = bcsim_sim_violation(sim, i);
        bool in_res = false;
        for (uint32_t k = 0; k < res->violation_count && !in_res; k++)
            in_res = res->violations[k].message == v->message && res->violations[k].pc == v->pc;
        if (!in_res)
            pre[nbefore++] = *v;
    }
    char title[128];
    snprintf(title, sizeof(title), "bug check %u of %u", job->bc + 1, p->nbugchecks);
    send_json(chan, CHAN_RESULT, json_pack("{s:s, s:i, s:o}", "kind", "bugcheck", "bc", (json_int_t)job->bc,
                                           "report", report_object(res, pre, nbefore, title)));
    free(pre);
    free(drv);
    bcsim_sim_destroy(sim);
    return 0;
}

/* exit() or quick_exit() called by driver code: the activity record names the call. */
static void at_exit(void)
{
    bcsim__activity_locate_caller();
}

int boot_run(const boot_job_t *job, chan_t *chan)
{
    /* What the driver must not take away from a boot child: the channel, standard output and
     * error, the dump file. (In-process boots under gdb or --no-contain do not guard.) */
    if (!chan->local) {
        bcsim_cli_guard_signals = true;   /* sim/interpose.c */
        atexit(at_exit);
        at_quick_exit(at_exit);
        bcsim_protect_fd(1);
        bcsim_protect_fd(2);
        bcsim_protect_fd(chan->fd);
        if (job->dump_fd >= 0)
            bcsim_protect_fd(job->dump_fd);
    }
    return job->unload ? boot_unload(job, chan) : boot_bugcheck(job, chan);
}
