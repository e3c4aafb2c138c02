/*
 * src/phases.h — the phases of a bug check (dispatcher-model.md 6-7), one file each:
 *   phase_basic.c      legacy callbacks (7.1) and reserved reasons (7.2)
 *   phase_triage.c     KbCallbackTriageDumpData (7.3)
 *   phase_pages.c      KbCallbackAddPages / KbCallbackRemovePages (7.4)
 *   phase_secondary.c  KbCallbackSecondaryDumpData (7.5), ...MultiPartDumpData (7.6)
 *   dump.c             dump writing and the KbCallbackDumpIo stream (6.1, 7.7)
 */
#ifndef BCSIM_PHASES_H
#define BCSIM_PHASES_H

#include "internal.h"

void bcsim__phases_boot(void);              /* after every (re)boot */
void bcsim__phase_legacy(void);
void bcsim__phase_reserved(int32_t reason, uint32_t phase);
void bcsim__phase_triage(void);
void bcsim__dump_run(void);                 /* 8a-8f */
void bcsim__dump_abandon(void);             /* halt during a dump: keep what was written */

#endif /* BCSIM_PHASES_H */
