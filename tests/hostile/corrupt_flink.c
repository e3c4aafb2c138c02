/* tests/hostile/corrupt_flink.c — registers its record, then overwrites the record's Flink. (the finding names the
 * registration: bcsim cannot know which store corrupted the record) */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    (void)KeRegisterBugCheckCallback(&HostileLegacyRecord, HostileLegacy, NULL, 0, (PUCHAR)"flink"); /* HOSTILE_HERE */
    HostileLegacyRecord.Entry.Flink = (PLIST_ENTRY)(ULONG_PTR)0x00007ff000000000ULL;
}
