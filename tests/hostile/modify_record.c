/* tests/hostile/modify_record.c — changes its record's Component after registering it. (the finding names the
 * registration: bcsim cannot know which store corrupted the record) */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    (void)KeRegisterBugCheckCallback(&HostileLegacyRecord, HostileLegacy, NULL, 0, (PUCHAR)"modify"); /* HOSTILE_HERE */
    HostileLegacyRecord.Component = (PUCHAR)"changed";
}
