/* tests/hostile/cpu_state.c — returns with the CPU state the ABI says a callee keeps: the
 * direction flag set (string instructions run backwards), alignment checking on, every SSE
 * floating-point exception unmasked and x87 rounding changed. bcsim's own code after it
 * (memcpy, the report) must not notice: the run is clean. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    unsigned int mxcsr = 0x0000;            /* all exceptions unmasked */
    unsigned short fcw = 0x0c00 | 0x0000;   /* round toward zero, exceptions unmasked */
    __asm__ volatile("ldmxcsr %0" ::"m"(mxcsr));
    __asm__ volatile("fldcw %0" ::"m"(fcw));
    __asm__ volatile("pushfq; orq $0x40000, (%%rsp); popfq; std" ::: "cc", "memory"); /* HOSTILE_HERE */
}
