/*
 * sim/main.c — the bcsim program: `bcsim run` (simulate), `bcsim dump` (read a crash dump),
 * `bcsim knobs` (list model knobs), `bcsim --version`.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Knob table access (src/config.c). */
uint32_t bcsim__knob_count(void);
const char *bcsim__knob_describe(uint32_t i, const char **choices);

static void usage(FILE *out)
{
    fprintf(out,
"usage: bcsim <command> [options]\n"
"\n"
"commands:\n"
"  run     load drivers, run a simulated bug check, write and report the dump\n"
"  dump    inspect a crash dump (header, secondary data, memory)\n"
"  knobs   list the model knobs `run --set` and scenarios accept\n"
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

static int cmd_knobs(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "bcsim knobs: unexpected argument '%s' (knobs takes none)\n", argv[1]);
        return 2;
    }
    for (uint32_t i = 0; i < bcsim__knob_count(); i++) {
        const char *choices;
        const char *name = bcsim__knob_describe(i, &choices);
        printf("%-36s %s\n", name, choices);
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
