/* tests/hostile/double_register.c — registers the same record twice. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    (void)KeRegisterBugCheckCallback(&HostileLegacyRecord, HostileLegacy, NULL, 0, (PUCHAR)"twice");
    (void)KeRegisterBugCheckCallback(&HostileLegacyRecord, HostileLegacy, NULL, 0, (PUCHAR)"twice"); /* HOSTILE_HERE */
}
