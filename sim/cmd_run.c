/*
 * sim/cmd_run.c — `bcsim run`: the supervising process. It parses the command line, runs
 * every simulated boot in a child process (sim/supervise.c; sim/boot.c is the child's side),
 * and renders every report and decides the exit status from what each child sent through its
 * channel before it ended (sim/channel.h): a driver can crash, hang, stop, exit or silence its
 * boot, never the report.
 *
 * Boots, in order: the unload check (unless --no-unload-check), then one per bug check.
 * Outputs (the dump files, --json, --tap, --junit) are opened before the first boot and
 * published only at the end of a run that was not interrupted (src/base/outfile.h): an interrupted
 * run leaves every file as it was.
 *
 * Exit status (README "Exit status"): 0 no violations; 1 violations (or, with
 * --expect-violations, a different set); 2 bad usage or bad input; 3 internal error; 4 an
 * output asked for (the dump, a report file, standard output) could not be written;
 * 128 + N interrupted by signal N.
 */
#include "cli.h"
#include "run.h"
#include "supervise.h"

#include "bcsim/report.h"
#include "bcsim/scenario.h"
#include "internal.h"
#include "base/outfile.h"
#include "report/report.h"
#include "report/report_doc.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
"bundled example drivers. Every boot runs in a child process with a deadline.\n"
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
"      --deadline-ms N        wall-clock deadline of one boot (knob boot.deadline_ms, 30000)\n"
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
"Exit status: 0 no violations, 1 violations found, 2 bad usage or input, 3 internal error,\n"
"4 an output asked for (dump, report file, standard output) was not written, 128+N\n"
"interrupted by signal N.\n");
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

/* Splits a comma-separated list strictly: no empty field (",1", "1,,2", "1,"), spaces
 * around a field trimmed. NULL (with *why set) on a malformed list. */
static csv_t *split_csv(const char *text, const char **why)
{
    csv_t *c = calloc(1, sizeof(*c));
    if (c) {
        c->buf = strdup(text);
        c->v = calloc(strlen(text) + 2, sizeof(char *));
    }
    if (!c || !c->buf || !c->v)
        die_usage("out of memory");
    *why = NULL;
    char *t = c->buf;
    for (;;) {
        char *comma = strchr(t, ',');
        if (comma)
            *comma = 0;
        while (*t == ' ' || *t == '\t')
            t++;
        char *end = t + strlen(t);
        while (end > t && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = 0;
        if (!*t) {
            *why = !c->n && !comma ? "it is empty" : !c->n ? "it starts with a comma"
                   : !comma ? "it ends with a comma" : "it has an empty field";
            csv_free(c);
            return NULL;
        }
        c->v[c->n++] = t;
        if (!comma)
            break;
        t = comma + 1;
    }
    return c;
}

static void parse_bugcheck(run_plan_t *p, const char *spec)
{
    const char *why;
    csv_t *csv = split_csv(spec, &why);
    if (!csv)
        die_usage("--bugcheck '%s': expected CODE[,P1,P2,P3,P4]; %s", spec, why);
    char **parts = csv->v;
    uint32_t n = csv->n;
    if (n == 0 || n > 5)
        die_usage("--bugcheck '%s': expected CODE[,P1,P2,P3,P4]", spec);
    if (bcsim_bugcheck_parse(parts[0], &p->code))
        die_usage("--bugcheck '%s': '%s' is not a bug-check code or name", spec, parts[0]);
    for (uint32_t i = 1; i < n; i++) {
        char *end;
        errno = 0;
        if (!parts[i][0] || parts[i][0] == '-' || parts[i][0] == '+')
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

/* ---- outputs ------------------------------------------------------------------------------- */

/* One output file named on the command line or in the scenario. */
typedef struct output {
    const char *option;          /* "--json", "--dump", "bugchecks[1].dump" */
    const char *path;
    bcsim__outfile_t *file;
} output_t;

/* Two names for one file: the same inode, or the same canonical path for files not there
 * yet (the directory resolved, the last component compared). */
static char *canonical(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    char real[PATH_MAX];
    char *out = NULL;
    if (dir && realpath(dir, real) && asprintf(&out, "%s/%s", real, slash ? slash + 1 : path) < 0)
        out = NULL;
    free(dir);
    return out;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char *ca = canonical(a), *cb = canonical(b);
    bool same = ca && cb ? !strcmp(ca, cb) : !strcmp(a, b);
    free(ca);
    free(cb);
    return same;
}

/* Writes text into an output and publishes it. 0, or EXIT_OUTPUT with the reason on stderr. */
static int publish_text(output_t *o, const char *text, size_t len)
{
    char err[600];
    int fd = bcsim__outfile_fd(o->file);
    size_t done = 0;
    while (done < len) {
        ssize_t k = write(fd, text + done, len - done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            fprintf(stderr, "bcsim run: %s '%s': cannot write: %s\n", o->option, o->path,
                    k < 0 ? strerror(errno) : "no progress");
            bcsim__outfile_discard(o->file);
            o->file = NULL;
            return EXIT_OUTPUT;
        }
        done += (size_t)k;
    }
    int rc = bcsim__outfile_commit(o->file, err, sizeof(err));
    o->file = NULL;
    if (rc) {
        fprintf(stderr, "bcsim run: %s: %s\n", o->option, err);
        return EXIT_OUTPUT;
    }
    return 0;
}

/* ---- the boots ------------------------------------------------------------------------------- */

typedef struct boot {
    boot_job_t job;
    cell_t cell;
    const char *title;           /* "unload check", "bug check 1 of 2" */
    bcsim__report_doc_t *doc;
    bool have_result;
    uint32_t unloaded, fixed;
    bool bugchecked;
    int code;                    /* 0 or EXIT_VIOLATIONS */
    output_t *dump;              /* the dump output of this boot, or NULL */
    bool dump_written;
    char dump_why[512];          /* why not */
} boot_t;

typedef struct run_ctx {
    const run_plan_t *plan;
} run_ctx_t;

/* The first error writing standard output (a full device, a closed pipe), 0 if none. */
static int stdout_errno;

static void check_stdout(void)
{
    errno = 0;
    if (!stdout_errno && (fflush(stdout) != 0 || ferror(stdout)))
        stdout_errno = errno ? errno : EIO;
}

/* Frames shown as they arrive: what drivers print, bcsim's notes. */
static void live_frame(void *ctx, cell_t *cell, const chan_frame_t *f)
{
    (void)cell;
    const run_ctx_t *rc = ctx;
    if (f->type == CHAN_LINE && !rc->plan->quiet) {
        fputs(f->payload, stdout);
        fputc('\n', stdout);
        check_stdout();
    } else if (f->type == CHAN_NOTE) {
        fputs(f->payload, stdout);
        fputc('\n', stdout);
        check_stdout();
    }
}

static int cell_fn(cell_t *cell, chan_t *chan)
{
    return boot_run(cell->arg, chan);
}

/* In-process boots (gdb attached, --no-contain): frames straight into the cell. */
typedef struct local_ctx {
    cell_t *cell;
    run_ctx_t *run;
} local_ctx_t;

static void local_frame(void *ctx, uint32_t type, uint32_t seq, const void *payload, size_t len)
{
    local_ctx_t *l = ctx;
    cell_frames_t *fr = &l->cell->frames;
    if (fr->n == fr->cap) {
        size_t cap = fr->cap ? fr->cap * 2 : 64;
        chan_frame_t *v = realloc(fr->v, cap * sizeof(*v));
        if (!v)
            return;
        fr->v = v;
        fr->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, payload, len);
    copy[len] = 0;
    chan_frame_t f = { .type = type, .cell = l->cell->id, .seq = seq, .len = (uint32_t)len, .payload = copy };
    fr->v[fr->n++] = f;
    live_frame(l->run, l->cell, &f);
}

static void run_in_process(boot_t *b, run_ctx_t *rc)
{
    local_ctx_t l = { &b->cell, rc };
    chan_t ch = { .fd = -1, .cell = b->cell.id, .local = local_frame, .local_ctx = &l };
    b->cell.started = true;
    boot_run(&b->job, &ch);
    b->cell.ended = true;
    b->cell.wstatus = 0;    /* as a normal exit(0) */
}

/* ---- judging a boot: the report from its frames, and how it ended ----------------------------- */

static const bcsim_activity_t *activity_of(const boot_t *b)
{
    return &b->cell.activity;
}

/* A finding of the supervisor about a boot: located at the probed driver frame, else at the
 * routine the activity record names. */
static void boot_finding(boot_t *b, uint32_t id, bool during, const bcsim_activity_t *at,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void boot_finding(boot_t *b, uint32_t id, bool during, const bcsim_activity_t *at,
                         const char *fmt, ...)
{
    const cell_t *c = &b->cell;
    bool last = at != NULL;   /* a snapshot: its routine, even if it had returned */
    const bcsim_activity_t *a = at ? at : activity_of(b);
    char detail[700], message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    /* the table message, then the specifics: the one format (violations.c) */
    bcsim_violation_t v = { .id = id, .severity = bcsim_violation_severity(id), .name = bcsim_violation_name(id),
                            .reason = INT32_MIN, .call_seq = UINT32_MAX };
    static const char *const table_msg[] = {
#define XX(name, sev, msg) msg,
        BCSIM_VIOLATION_MAP(XX)
#undef XX
    };
    snprintf(message, sizeof(message), "%s: %s", table_msg[id], detail);
    v.message = message;
    bool in_driver = a->kind != BCSIM_ACTIVITY_NONE;
    if (!at && c->probe.found && c->probe.file[0]) {
        v.file = c->probe.file;
        v.line = c->probe.line;
        v.function = c->probe.function[0] ? c->probe.function : NULL;
        v.pc = c->probe.pc;
    } else if ((in_driver || last) && a->file[0]) {
        /* the routine of the driver code running (or, for `last`, that ran last) */
        v.file = a->file;
        v.line = a->line;
        v.function = a->function[0] ? a->function : NULL;
        v.pc = a->routine;
    }
    if (!v.file)
        v.file = "?";
    if (in_driver || last) {
        v.component = a->component[0] ? a->component : NULL;
        v.reason = a->kind == BCSIM_ACTIVITY_CALLBACK ? a->reason : INT32_MIN;
        v.call_seq = a->kind == BCSIM_ACTIVITY_CALLBACK ? a->call_seq : UINT32_MAX;
    }
    bcsim__report_doc_add_violation(b->doc, &v, during);
}

static const char *running_what(const boot_t *b, char *buf, size_t n)
{
    const bcsim_activity_t *a = activity_of(b);
    if (a->kind != BCSIM_ACTIVITY_NONE)
        snprintf(buf, n, "while running %s", a->what);
    else if (a->last[0])
        snprintf(buf, n, "while bcsim's own code ran (the last driver code was %s)", a->last);
    else
        snprintf(buf, n, "while bcsim's own code ran");
    return buf;
}

static const char *signame(int sig)
{
    const char *n = sigabbrev_np(sig);
    static char buf[32];
    snprintf(buf, sizeof(buf), "SIG%s", n ? n : "?");
    return buf;
}

/* Builds b->doc and b->code from the boot's frames and its end. Returns 0, or EXIT_USAGE /
 * EXIT_INTERNAL when the boot reported bad input or bcsim itself failed (message on stderr). */
static int judge(const run_plan_t *p, boot_t *b)
{
    cell_t *c = &b->cell;
    b->doc = bcsim__report_doc_new();
    if (!b->doc)
        return fprintf(stderr, "bcsim run: out of memory\n"), EXIT_INTERNAL;
    bcsim__report_doc_set_title(b->doc, b->title);
    const chan_frame_t *result = NULL, *error = NULL, *dump = NULL;
    for (size_t i = 0; i < c->frames.n; i++) {
        const chan_frame_t *f = &c->frames.v[i];
        if (f->type == CHAN_RESULT && !result)
            result = f;
        else if (f->type == CHAN_ERROR && !error)
            error = f;
        else if (f->type == CHAN_DUMP && !dump)
            dump = f;
    }
    if (error) {
        json_t *j = json_loads(error->payload, 0, NULL);
        const char *msg = json_string_value(json_object_get(j, "message"));
        int code = (int)json_integer_value(json_object_get(j, "exit"));
        fprintf(stderr, "bcsim run: %s\n", msg ? msg : "the boot failed");
        json_decref(j);
        return code == EXIT_USAGE ? EXIT_USAGE : EXIT_INTERNAL;
    }
    char err[512] = "";
    if (result) {
        json_t *j = json_loads(result->payload, 0, NULL);
        json_t *report = json_object_get(j, "report");
        char *text = report ? json_dumps(report, JSON_COMPACT) : NULL;
        if (text && bcsim__report_doc_load(b->doc, text, strlen(text), err, sizeof(err)) == 0) {
            b->have_result = true;
            b->unloaded = (uint32_t)json_integer_value(json_object_get(j, "unloaded"));
            b->fixed = (uint32_t)json_integer_value(json_object_get(j, "fixed"));
            b->bugchecked = json_is_true(json_object_get(j, "bugchecked"));
            bcsim__report_doc_set_title(b->doc, b->title);
        } else {
            snprintf(c->channel_why, sizeof(c->channel_why), "its result is malformed: %.100s",
                     err[0] ? err : "not JSON");
            c->channel_corrupt = true;
            bcsim__report_doc_free(b->doc);
            b->doc = bcsim__report_doc_new();
            bcsim__report_doc_set_title(b->doc, b->title);
        }
        free(text);
        json_decref(j);
    }
    bool in_bugcheck = false;
    if (!b->have_result) {
        /* What the boot streamed before it ended. */
        for (size_t i = 0; i < c->frames.n; i++) {
            const chan_frame_t *f = &c->frames.v[i];
            if (f->type == CHAN_BUGCHECK) {
                json_t *j = json_loads(f->payload, 0, NULL);
                uint64_t code = strtoull(json_string_value(json_object_get(j, "code")) ?: "0", NULL, 0), pp[4];
                for (int k = 0; k < 4; k++)
                    pp[k] = strtoull(json_string_value(json_array_get(json_object_get(j, "params"), (size_t)k)) ?: "0",
                                     NULL, 0);
                json_decref(j);
                bcsim__report_doc_set_bugcheck(b->doc, (uint32_t)code, pp);
                in_bugcheck = true;
            } else if (f->type == CHAN_CALL) {
                bcsim__report_doc_add_call(b->doc, f->payload, f->len, err, sizeof(err));
            } else if (f->type == CHAN_FINDING) {
                bcsim__report_doc_add_finding(b->doc, f->payload, f->len, err, sizeof(err));
            }
        }
        if (in_bugcheck && !b->job.unload) {
            bcsim_config_t cfg;
            boot_configure(p, b->job.bc, &cfg);
            bcsim__report_doc_set_dump(b->doc, cfg.dump_type, b->job.dump_path, 0,
                                       "the boot ended before the dump was complete");
        }
    }
    /* How the boot ended. */
    const bcsim_activity_t *a = activity_of(b);
    int st = c->wstatus;
    char where[400];
    if (c->deadline_hit) {
        boot_finding(b, BCSIM_V_BOOT_DEADLINE, in_bugcheck, NULL, "%s ran for %u ms of wall time; killed %s", b->title,
                     c->deadline_ms, running_what(b, where, sizeof(where)));
    } else if (c->stop_signal) {
        boot_finding(b, BCSIM_V_BOOT_STOPPED, in_bugcheck, NULL, "%s stopped by %s %s", b->title,
                     signame(c->stop_signal), running_what(b, where, sizeof(where)));
    } else if (!b->have_result) {
        bool in_driver = a->kind != BCSIM_ACTIVITY_NONE;
        if (st == -1) {
            fprintf(stderr, "bcsim run: internal error: cannot start %s: %s\n", b->title, strerror(errno));
            return EXIT_INTERNAL;
        } else if (WIFSIGNALED(st) && in_driver) {
            boot_finding(b, BCSIM_V_BOOT_KILLED, in_bugcheck, NULL, "%s ended by %s %s", b->title,
                         signame(WTERMSIG(st)), running_what(b, where, sizeof(where)));
        } else if (WIFSIGNALED(st)) {
            fprintf(stderr, "bcsim run: internal error: %s ended with signal %d (%s) %s\n", b->title,
                    WTERMSIG(st), signame(WTERMSIG(st)), running_what(b, where, sizeof(where)));
            return EXIT_INTERNAL;
        } else if (in_driver) {
            boot_finding(b, BCSIM_V_BOOT_EXITED, in_bugcheck, NULL, "%s ended with exit status %d %s", b->title,
                         WEXITSTATUS(st), running_what(b, where, sizeof(where)));
        } else {
            boot_finding(b, BCSIM_V_BOOT_NO_REPORT, in_bugcheck, NULL, "%s ended with exit status %d %s%s%s", b->title,
                         WEXITSTATUS(st), running_what(b, where, sizeof(where)),
                         c->channel_corrupt ? "; its channel: " : "", c->channel_corrupt ? c->channel_why : "");
        }
    }
    if (c->channel_skipped)
        boot_finding(b, BCSIM_V_DESCRIPTOR_TAMPERED, in_bugcheck, &c->junk_activity, "%llu bytes that are not "
                     "bcsim's were written into its report channel (skipped) during %s",
                     (unsigned long long)c->channel_skipped,
                     c->junk_activity.last[0] ? c->junk_activity.last : b->title);
    if (c->signals_sent)
        boot_finding(b, BCSIM_V_HARNESS_SIGNALLED, in_bugcheck, &c->signal_activity, "%u signal%s, the last %s "
                     "from process %d, received during %s", c->signals_sent, c->signals_sent == 1 ? "" : "s",
                     signame(c->last_signal_sent), (int)c->signal_sender,
                     c->signal_activity.last[0] ? c->signal_activity.last : b->title);
    b->code = bcsim__report_doc_violations(b->doc) ? EXIT_VIOLATIONS : 0;
    /* The dump: written when the result (or, for a boot that died after it, the dump's own
     * frame) says so; published at the end of the run. */
    if (b->dump) {
        const bcsim_result_t *res = bcsim__report_doc_result(b->doc);
        json_t *dj = dump ? json_loads(dump->payload, 0, NULL) : NULL;
        bool dump_done = dj && json_integer_value(json_object_get(dj, "status")) == 0 &&
                         json_is_integer(json_object_get(dj, "status"));
        if (dump_done && !b->have_result && res)
            bcsim__report_doc_set_dump(b->doc, res->dump_type, b->dump->path,
                                       (uint64_t)json_integer_value(json_object_get(dj, "size")), NULL);
        json_decref(dj);
        if ((res && res->dump_status == 0 && res->dump_path && b->have_result) || dump_done) {
            b->dump_written = true;
        } else {
            snprintf(b->dump_why, sizeof(b->dump_why), "%s",
                     res && res->dump_error ? res->dump_error
                     : !b->have_result ? "the boot ended before the dump was complete"
                     : res && res->halted_early ? "the machine halted (a nested bug check, or fault = halt) "
                                                  "before the dump was begun"
                     : res && res->power_failure ? "POWER_FAILURE_SIMULATE writes no dump"
                                                 : "the bug check wrote no dump");
            if (res && !res->dump_error)
                bcsim__report_doc_set_dump(b->doc, res->dump_type, b->dump->path, 0, b->dump_why);
        }
    }
    return 0;
}

/* ---- rendering ----------------------------------------------------------------------------------- */

static void render_text(const run_plan_t *p, boot_t *b)
{
    const bcsim_result_t *res = bcsim__report_doc_result(b->doc);
    uint32_t n;
    const bcsim_violation_t *extra = bcsim__report_doc_extra(b->doc, &n);
    uint32_t nv = bcsim__report_doc_violations(b->doc);
    if (b->job.unload) {
        if (p->quiet && !nv)
            return;
        char why[96] = "";
        if (b->fixed)
            snprintf(why, sizeof(why), " (%u without DriverUnload: not unloadable, as on Windows)", b->fixed);
        if (b->have_result)
            fprintf(stdout, "== unload check: %u of %u drivers unloaded%s%s\n", b->unloaded, p->ndrivers,
                    why, b->bugchecked ? " (a bug check interrupted it)" : "");
        else
            fprintf(stdout, "== unload check: ended early\n");
        if (res || n)
            bcsim_report_text(stdout, res, extra, n, &(bcsim_report_opts_t){ .color = p->color });
        fprintf(stdout, "\n");
        return;
    }
    bcsim_report_opts_t ro = { .verbose = p->verbose, .color = p->color, .title = b->title };
    if (p->quiet) {
        char line[1024];
        for (uint32_t i = 0; i < n; i++)
            bcsim_violation_format(&extra[i], line, sizeof(line)), fprintf(stdout, "%s\n", line);
        for (uint32_t i = 0; res && i < res->violation_count; i++)
            bcsim_violation_format(&res->violations[i], line, sizeof(line)), fprintf(stdout, "%s\n", line);
        fprintf(stdout, "summary: %u violations: %s\n", nv, nv ? "FAIL" : "PASS");
    } else {
        bcsim_report_text(stdout, res, extra, n, &ro);
        fprintf(stdout, "\n");
    }
}

static void collect_names(boot_t *b, json_t *names)
{
    const bcsim_result_t *res = bcsim__report_doc_result(b->doc);
    uint32_t n;
    const bcsim_violation_t *extra = bcsim__report_doc_extra(b->doc, &n);
    for (uint32_t i = 0; res && i < res->violation_count; i++)
        if (res->violations[i].severity == BCSIM_SEV_VIOLATION)
            json_object_set_new(names, res->violations[i].name, json_true());
    for (uint32_t i = 0; i < n; i++)
        if (extra[i].severity == BCSIM_SEV_VIOLATION)
            json_object_set_new(names, extra[i].name, json_true());
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

/* One form of one boot into a string (report.h writes to a FILE). */
static char *form_text(int form, boot_t *b, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    const bcsim_result_t *res = bcsim__report_doc_result(b->doc);
    uint32_t n;
    const bcsim_violation_t *extra = bcsim__report_doc_extra(b->doc, &n);
    bcsim_report_opts_t ro = { .title = b->title };
    if (form == 't')
        bcsim_report_tap(f, res, extra, n, &ro);
    else
        bcsim_report_junit(f, res, extra, n, &ro);
    fclose(f);
    return buf;
}

static int write_forms(const run_plan_t *p, output_t *json_out, output_t *tap_out, output_t *junit_out,
                       boot_t *boots, uint32_t nboots, int final, json_t *names)
{
    int rc = 0;
    if (json_out && json_out->file) {
        json_t *root = json_object();
        json_t *runs = json_array();
        json_object_set_new(root, "bcsim", json_string(bcsim_version()));
        json_t *drivers = json_array();
        for (uint32_t i = 0; i < p->ndrivers; i++)
            json_array_append_new(drivers, json_string(p->drivers[i]));
        json_object_set_new(root, "drivers", drivers);
        for (uint32_t i = 0; i < nboots; i++) {
            const bcsim_result_t *res = bcsim__report_doc_result(boots[i].doc);
            uint32_t n;
            const bcsim_violation_t *extra = bcsim__report_doc_extra(boots[i].doc, &n);
            bcsim_report_opts_t ro = { .title = boots[i].title };
            json_t *r = bcsim__report_json_object(res, extra, n, &ro);
            json_object_set_new(r, "exit_code", json_integer(boots[i].code));
            json_array_append_new(runs, r);
        }
        json_object_set_new(root, "runs", runs);
        json_object_set_new(root, "violation_names", json_incref(names));
        json_object_set_new(root, "exit_code", json_integer(final));
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(root);
        if (!text) {
            fprintf(stderr, "bcsim run: --json: out of memory\n");
            rc = EXIT_OUTPUT;
        } else {
            size_t len = strlen(text);
            text[len] = '\n';   /* json_dumps' NUL becomes the final newline */
            if (publish_text(json_out, text, len + 1))
                rc = EXIT_OUTPUT;
        }
        free(text);
    }
    if (tap_out && tap_out->file) {
        char *out = NULL;
        size_t olen = 0;
        FILE *f = open_memstream(&out, &olen);
        if (f) {
            fprintf(f, "TAP version 13\n1..%u\n", nboots);
            for (uint32_t i = 0; i < nboots; i++) {
                size_t len;
                char *t = form_text('t', &boots[i], &len);
                for (char *line = t, *nl; line && *line; line = nl ? nl + 1 : line + strlen(line)) {
                    nl = strchr(line, '\n');
                    int l = nl ? (int)(nl - line) : (int)strlen(line);
                    if (strncmp(line, "TAP version", 11))
                        fprintf(f, "    %.*s\n", l, line);
                }
                free(t);
                fprintf(f, "%s %u - %s\n", boots[i].code ? "not ok" : "ok", i + 1, boots[i].title);
            }
            fclose(f);
        }
        if (!out || publish_text(tap_out, out, olen))
            rc = EXIT_OUTPUT;
        free(out);
    }
    if (junit_out && junit_out->file) {
        char *out = NULL;
        size_t olen = 0;
        FILE *f = open_memstream(&out, &olen);
        if (f) {
            fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            for (uint32_t i = 0; i < nboots; i++) {
                size_t len;
                char *t = form_text('j', &boots[i], &len);
                for (char *line = t, *nl; line && *line; line = nl ? nl + 1 : line + strlen(line)) {
                    nl = strchr(line, '\n');
                    int l = nl ? (int)(nl - line) : (int)strlen(line);
                    if (strncmp(line, "<?xml", 5) && strncmp(line, "<testsuites>", 12) &&
                        strncmp(line, "</testsuites>", 13))
                        fprintf(f, "%.*s\n", l, line);
                }
                free(t);
            }
            fprintf(f, "</testsuites>\n");
            fclose(f);
        }
        if (!out || publish_text(junit_out, out, olen))
            rc = EXIT_OUTPUT;
        free(out);
    }
    return rc;
}

/* ---- the run --------------------------------------------------------------------------------------- */

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

static void add_output(output_t **v, uint32_t *n, const char *option, const char *path)
{
    output_t *nv = realloc(*v, (*n + 1) * sizeof(**v));
    if (!nv)
        die_usage("out of memory");
    *v = nv;
    nv[*n] = (output_t){ .option = option, .path = path };
    (*n)++;
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
        { "deadline-ms", required_argument, 0, 'D' },
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
    bool have_bugcheck = false, dump_set = false;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":d:b:o:t:s:j:qvh", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (!optarg[0])
                die_usage("--driver: an empty file name");
            p.drivers = realloc(p.drivers, (p.ndrivers + 1) * sizeof(char *));
            p.drivers[p.ndrivers++] = optarg;
            break;
        case 'b':
            if (have_bugcheck)
                die_usage("--bugcheck given twice; give one");
            parse_bugcheck(&p, optarg);
            have_bugcheck = true;
            break;
        case 'o':
            if (dump_set)
                die_usage("--dump given twice; give one");
            if (!optarg[0])
                die_usage("--dump: an empty file name");
            p.dump_path = optarg;
            dump_set = true;
            break;
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
        case 'T':
        case 'D': {
            char *end;
            errno = 0;
            unsigned long v = strtoul(optarg, &end, 10);
            if (errno || *end || !v || v > 3600000 || optarg[0] == '-' || optarg[0] == '+' || !optarg[0])
                die_usage("%s '%s': expected milliseconds (1..3600000)", c == 'T' ? "--timeout-ms" : "--deadline-ms",
                          optarg);
            if (c == 'T') {
                p.timeout_ms = (uint32_t)v;
            } else {
                p.deadline_ms = (uint32_t)v;
                p.deadline_set = true;
            }
            break;
        }
        case 's':
            if (scenario_path)
                die_usage("--scenario given twice ('%s', '%s'); give one", scenario_path, optarg);
            if (!optarg[0])
                die_usage("--scenario: an empty file name");
            scenario_path = optarg;
            break;
        case 'S':
            p.knobs = realloc(p.knobs, (p.nknobs + 1) * sizeof(char *));
            p.knobs[p.nknobs++] = optarg;
            break;
        case 'E': {
            const char *why;
            csv_t *names = split_csv(optarg, &why);
            if (!names)
                die_usage("--expect-violations '%s': expected NAME[,NAME...]; %s", optarg, why);
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
        case 'j':
        case 'P':
        case 'J': {
            const char **slot = c == 'j' ? &p.json_path : c == 'P' ? &p.tap_path : &p.junit_path;
            const char *opt = c == 'j' ? "--json" : c == 'P' ? "--tap" : "--junit";
            if (*slot)
                die_usage("%s given twice; give one", opt);
            if (!optarg[0])
                die_usage("%s: an empty file name", opt);
            *slot = optarg;
            break;
        }
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
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_OUTPUT;
        case ':':
            die_usage("option %s needs a value", argv[optind - 1]);
        default:
            die_usage("unknown option '%s' (see bcsim run --help)", argv[optind - 1]);
        }
    }
    if (optind < argc)
        die_usage("unexpected argument '%s' (drivers are given with --driver)", argv[optind]);
    if (p.dump_path && p.dump_type == BCSIM_DUMP_NONE)
        die_usage("--dump '%s' with --dump-type none: no dump would be written; give one of them", p.dump_path);
    if (scenario_path) {
        char err[1024];
        int rc = bcsim_scenario_load(scenario_path, &p.scenario, err, sizeof(err));
        if (rc)
            die_usage("%s", err);
        p.scenario_path = scenario_path;
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

    /* Every boot's configuration now: bad knobs are bad usage before anything runs. */
    uint32_t nboots = p.nbugchecks + (p.unload_check ? 1 : 0);
    boot_t *boots = calloc(nboots, sizeof(*boots));
    if (!boots)
        die_usage("out of memory");
    char (*titles)[64] = calloc(nboots, sizeof(*titles));
    if (!titles)
        die_usage("out of memory");
    for (uint32_t k = 0, bc = 0; k < nboots; k++) {
        boot_t *b = &boots[k];
        bool unload = p.unload_check && k == 0;
        bcsim_config_t cfg;
        if (boot_configure(&p, unload ? UINT32_MAX : bc, &cfg))
            exit(EXIT_USAGE);
        if (!unload && cfg.dump_path && cfg.dump_type == BCSIM_DUMP_NONE)
            die_usage("bug check %u: a dump file '%s' with dump type none: no dump would be written", bc + 1,
                      cfg.dump_path);
        b->job = (boot_job_t){ .plan = &p, .unload = unload, .bc = unload ? 0 : bc, .dump_fd = -1,
                               .dump_path = unload ? NULL : cfg.dump_path };
        if (unload)
            snprintf(titles[k], sizeof(titles[k]), "unload check");
        else
            snprintf(titles[k], sizeof(titles[k]), "bug check %u of %u", bc + 1, p.nbugchecks);
        b->title = titles[k];
        b->cell = (cell_t){ .id = k, .what = b->title, .deadline_ms = cfg.boot_deadline_ms, .fn = cell_fn,
                            .arg = &b->job, .drivers = p.drivers, .ndrivers = p.ndrivers, .keep_fd = -1 };
        if (!unload)
            bc++;
    }

    /* The outputs: distinct, none an input, each openable; published at the end. */
    output_t *outs = NULL;
    uint32_t nouts = 0;
    if (p.json_path)
        add_output(&outs, &nouts, "--json", p.json_path);
    if (p.tap_path)
        add_output(&outs, &nouts, "--tap", p.tap_path);
    if (p.junit_path)
        add_output(&outs, &nouts, "--junit", p.junit_path);
    uint32_t first_dump = nouts;
    for (uint32_t k = 0; k < nboots; k++)
        if (boots[k].job.dump_path)
            add_output(&outs, &nouts, p.dump_path ? "--dump" : "the scenario's \"dump\"", boots[k].job.dump_path);
    for (uint32_t i = 0; i < nouts; i++) {
        for (uint32_t j = 0; j < i; j++)
            if (same_file(outs[i].path, outs[j].path))
                die_usage("%s '%s' and %s '%s' name the same file; give each output its own", outs[j].option,
                          outs[j].path, outs[i].option, outs[i].path);
        for (uint32_t d = 0; d < p.ndrivers; d++)
            if (same_file(outs[i].path, p.drivers[d]))
                die_usage("%s '%s' is the driver module '%s'", outs[i].option, outs[i].path, p.drivers[d]);
        if (p.scenario_path && same_file(outs[i].path, p.scenario_path))
            die_usage("%s '%s' is the scenario file", outs[i].option, outs[i].path);
    }
    for (uint32_t i = 0; i < nouts; i++) {
        char err[600];
        bool dump = i >= first_dump;
        if (bcsim__outfile_open(outs[i].path, dump ? 0 : BCSIM__OF_SPECIAL, &outs[i].file, err, sizeof(err))) {
            for (uint32_t j = 0; j < i; j++)
                bcsim__outfile_discard(outs[j].file);
            die_usage("%s: %s", outs[i].option, err);
        }
    }
    for (uint32_t k = 0, d = first_dump; k < nboots; k++)
        if (boots[k].job.dump_path) {
            boots[k].dump = &outs[d++];
            boots[k].job.dump_fd = bcsim__outfile_fd(boots[k].dump->file);
        }
    output_t *json_out = p.json_path ? &outs[0] : NULL;
    output_t *tap_out = p.tap_path ? &outs[p.json_path ? 1 : 0] : NULL;
    output_t *junit_out = p.junit_path ? &outs[(p.json_path ? 1 : 0) + (p.tap_path ? 1 : 0)] : NULL;

    bool supervised = !p.no_contain && !bcsim_debugger_attached();
    if (supervised && sup_init() != 0) {
        fprintf(stderr, "bcsim run: internal error: cannot set up supervision: %s\n", strerror(errno));
        exit(EXIT_INTERNAL);
    }
    run_ctx_t rc = { .plan = &p };
    int worst = 0, final = 0, sig = 0;
    uint32_t judged = 0;
    json_t *names = json_object();
    for (uint32_t k = 0; k < nboots; k++) {
        boot_t *b = &boots[k];
        fflush(NULL);
        if ((sig = supervised ? sup_pending_signal() : 0))
            break;
        if (supervised)
            sig = sup_run(&b->cell, 1, 1, live_frame, &rc);
        else
            run_in_process(b, &rc);
        if (sig)
            break;
        int j = judge(&p, b);
        judged = k + 1;
        if (j) {
            /* bad input or a harness failure: no report beyond the error itself */
            final = j;
            goto out;
        }
        render_text(&p, b);
        check_stdout();
        collect_names(b, names);
        worst = b->code > worst ? b->code : worst;
    }
    if (!sig && supervised)
        sig = sup_pending_signal();
    if (sig)
        goto interrupted;
    final = worst;
    int e = check_expect(&p, names);
    if (e >= 0)
        final = e;
    /* Publish: reports, then the dumps written in full (or kept partial on purpose). */
    int out_rc = write_forms(&p, json_out, tap_out, junit_out, boots, judged, final, names);
    for (uint32_t k = 0; k < nboots; k++) {
        boot_t *b = &boots[k];
        if (!b->dump || !b->dump->file)
            continue;
        char err[600];
        if (!b->dump_written) {
            bcsim__outfile_discard(b->dump->file);
            b->dump->file = NULL;
            fprintf(stderr, "bcsim run: dump '%s' (%s) was not written: %s\n", b->dump->path, b->title, b->dump_why);
            out_rc = EXIT_OUTPUT;
        } else if (bcsim__outfile_commit(b->dump->file, err, sizeof(err))) {
            b->dump->file = NULL;
            fprintf(stderr, "bcsim run: dump '%s' (%s) was not written: %s\n", b->dump->path, b->title, err);
            out_rc = EXIT_OUTPUT;
        } else {
            b->dump->file = NULL;
        }
    }
    check_stdout();
    if (stdout_errno) {
        fprintf(stderr, "bcsim run: cannot write the report to standard output: %s\n", strerror(stdout_errno));
        out_rc = EXIT_OUTPUT;
    }
    if (out_rc)
        final = EXIT_OUTPUT;
    goto out;
interrupted:
    fprintf(stderr, "bcsim run: interrupted by %s: every boot was ended, no output was written\n", signame(sig));
    final = 128 + sig;
out:
    if (final == EXIT_USAGE || final == EXIT_INTERNAL) {
        /* the forms say so (no runs); the dumps are dropped */
        for (uint32_t i = 0; i < nouts; i++)
            if (i >= first_dump && outs[i].file) {
                bcsim__outfile_discard(outs[i].file);
                outs[i].file = NULL;
            }
        write_forms(&p, json_out, tap_out, junit_out, boots, 0, final, names);
    }
    for (uint32_t i = 0; i < nouts; i++)
        bcsim__outfile_discard(outs[i].file);
    for (uint32_t k = 0; k < nboots; k++) {
        sup_cell_free(&boots[k].cell);
        bcsim__report_doc_free(boots[k].doc);
    }
    json_decref(names);
    free(outs);
    free(boots);
    free(titles);
    plan_free(&p);
    fflush(NULL);
    return final;
}
