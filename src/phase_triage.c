/*
 * src/phase_triage.c — KbCallbackTriageDumpData (dispatcher-model.md 7.3). (in progress)
 */
#include "phases.h"

void bcsim__phase_triage(void)
{
    bcsim__run.phase = BCSIM_PHASE_TRIAGE;
}
