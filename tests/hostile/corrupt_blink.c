/* tests/hostile/corrupt_blink.c — registers its record, then points the record's Blink at itself. (the finding names the
 * registration: bcsim cannot know which store corrupted the record) */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    (void)KeRegisterBugCheckCallback(&HostileLegacyRecord, HostileLegacy, NULL, 0, (PUCHAR)"blink"); /* HOSTILE_HERE */
    HostileLegacyRecord.Entry.Blink = &HostileLegacyRecord.Entry;
}
