/* tests/hostile/stack_record.c — registers a callback record that lives on its own stack frame, which then returns. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    KBUGCHECK_CALLBACK_RECORD OnStack;
    KeInitializeCallbackRecord(&OnStack);
    (void)KeRegisterBugCheckCallback(&OnStack, HostileLegacy, NULL, 0, (PUCHAR)"stack"); /* HOSTILE_HERE */
}
