/*
 * sim/main.c — the bcsim program: `bcsim run` (simulate), `bcsim dump` (read a crash dump),
 * `bcsim imports` (a module's kernel imports), `bcsim knobs` (list model knobs), `bcsim --version`.
 */
#include "cli.h"

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
"  imports list a driver module's kernel imports: implemented, stub or unresolved\n"
"  knobs   list the model knobs `run --set` and scenarios accept\n"
"\n"
"`bcsim <command> --help` describes each; `bcsim --version` prints the version.\n");
}

static int cmd_knobs(void)
{
    for (uint32_t i = 0; i < bcsim__knob_count(); i++) {
        const char *choices;
        const char *name = bcsim__knob_describe(i, &choices);
        printf("%-36s %s\n", name, choices);
    }
    return 0;
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
        return cmd_knobs();
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("bcsim %s\n", bcsim_version());
        return 0;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "bcsim: unknown command '%s' (see bcsim --help)\n", cmd);
    return 2;
}
