/*
 * sim/main.c — the bcsim program: `bcsim run` (simulate), `bcsim dump` (read a crash dump),
 * `bcsim imports` (a module's kernel imports), `bcsim knobs` (list model knobs), `bcsim --version`.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>


static void usage(FILE *out)
{
    fprintf(out,
"usage: bcsim <command> [options]\n"
"\n"
"commands:\n"
"  run     load drivers, run a simulated bug check, write and report the dump\n"
"  dump    inspect a crash dump (header, secondary data, memory)\n"
"  imports list a driver module's kernel imports: implemented, stub or unresolved\n"
"  knobs   list the model knobs `run --set` and scenarios accept (`bcsim knobs NAME`: one)\n"
"\n"
"`bcsim <command> --help` describes each; `bcsim --version` prints the version.\n");
}

/* Standard output could not take the output (a full device, a closed pipe): said on stderr. */
static int finish_stdout(const char *cmd)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 0;
    fprintf(stderr, "bcsim%s%s: cannot write standard output: %s\n", cmd ? " " : "", cmd ? cmd : "",
            errno ? strerror(errno) : "write error");
    return 4;
}

/* `bcsim knobs`: every knob with its default, its values and what it does; `bcsim knobs NAME`:
 * one knob in full. */
static int cmd_knobs(int argc, char **argv)
{
    bcsim_knob_info_t k;
    if (argc > 2) {
        fprintf(stderr, "bcsim knobs: unexpected argument '%s' (usage: bcsim knobs [NAME])\n", argv[2]);
        return 2;
    }
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        printf("usage: bcsim knobs [NAME]\n");
        return finish_stdout("knobs");
    }
    if (argc == 2) {
        uint32_t i;
        if (bcsim_knob_lookup(argv[1], &i) != 0) {
            fprintf(stderr, "bcsim knobs: unknown knob '%s' (`bcsim knobs` lists them)\n", argv[1]);
            return 2;
        }
        bcsim_knob_info(i, &k);
        printf("%s\n  %s\n  values:  %s\n  default: %s\n  set with: bcsim run --set %s=VALUE, or a scenario's \"config\"\n",
               k.name, k.description, k.values, k.default_value, k.name);
        return finish_stdout("knobs");
    }
    printf("%-34s %-14s %s\n", "KNOB", "DEFAULT", "VALUES: WHAT IT DOES");
    for (uint32_t i = 0; i < bcsim_knob_count(); i++) {
        bcsim_knob_info(i, &k);
        printf("%-34s %-14s %s: %s\n", k.name, k.default_value, k.values, k.description);
    }
    return finish_stdout("knobs");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "run"))
        return bcsim_cmd_run(argc - 1, argv + 1);
    if (!strcmp(cmd, "dump"))
        return bcsim_cmd_dump(argc - 1, argv + 1);
    if (!strcmp(cmd, "imports"))
        return bcsim_cmd_imports(argc - 1, argv + 1);
    if (!strcmp(cmd, "knobs"))
        return cmd_knobs(argc - 1, argv + 1);
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        if (argc > 2) {
            fprintf(stderr, "bcsim: unexpected argument '%s' after %s\n", argv[2], cmd);
            return 2;
        }
        printf("bcsim %s\n", bcsim_version());
        return finish_stdout(NULL);
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return finish_stdout(NULL);
    }
    fprintf(stderr, "bcsim: unknown command '%s' (see bcsim --help)\n", cmd);
    return 2;
}
