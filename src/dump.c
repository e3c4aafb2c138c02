/*
 * src/dump.c — dump writing and the DumpIo stream (dispatcher-model.md 6.1, 7.7). (in progress)
 */
#include "phases.h"

void bcsim__phases_boot(void)
{
}

void bcsim__dump_run(void)
{
}

void bcsim__dump_abandon(void)
{
}
