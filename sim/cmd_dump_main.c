/*
 * sim/cmd_dump_main.c — TEMPORARY standalone `bcsim-dump` (= `bcsim dump`), so the dump
 * reader's CLI can be tested while the bcsim program is being built; remove once
 * sim/main.c dispatches to bcsim_cmd_dump().
 */
#include "cli.h"

int main(int argc, char **argv)
{
    return bcsim_cmd_dump(argc, argv);
}
