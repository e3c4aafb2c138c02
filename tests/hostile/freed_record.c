/* tests/hostile/freed_record.c — registers a record in pool, then frees the pool without deregistering. (the finding names the
 * registration: bcsim cannot know which store corrupted the record) */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    PKBUGCHECK_CALLBACK_RECORD r = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*r), 'lsoH');
    if (!r)
        return;
    KeInitializeCallbackRecord(r);
    (void)KeRegisterBugCheckCallback(r, HostileLegacy, NULL, 0, (PUCHAR)"freed"); /* HOSTILE_HERE */
    ExFreePoolWithTag(r, 'lsoH');
}
