/* sim/cli.h — the subcommands of the bcsim program. */
#ifndef BCSIM_CLI_H
#define BCSIM_CLI_H

#include "bcsim.h"

int bcsim_cmd_run(int argc, char **argv);
int bcsim_cmd_dump(int argc, char **argv);
int bcsim_cmd_imports(int argc, char **argv);

#endif
