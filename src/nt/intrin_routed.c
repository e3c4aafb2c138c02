/*
 * src/nt/intrin_routed.c — the intrinsics bcsim implements by routing (S13): port I/O to the
 * device model (as READ_PORT_* / WRITE_PORT_*, hal_ports.c) and __debugbreak to bcsim's
 * breakpoint handling (STATUS_BREAKPOINT: a finding when no debugger is attached, never a raw
 * SIGTRAP); CR8 to the simulated IRQL (on x64 CR8 is the IRQL), _disable/_enable to the
 * simulated interrupt flag, __halt to virtual time. The remaining privileged intrinsics are
 * stubs in stubs_intrin.c.
 */
#include "nt_private.h"
#include <intrin.h>

unsigned char __inbyte(unsigned short Port)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___inbyte, caller);
    return (unsigned char)bcsim__port_io(Port, 1, 0, 0, 0, caller);
}

unsigned short __inword(unsigned short Port)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___inword, caller);
    return (unsigned short)bcsim__port_io(Port, 2, 0, 0, 0, caller);
}

unsigned int __indword(unsigned short Port)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___indword, caller);
    return (unsigned int)bcsim__port_io(Port, 4, 0, 0, 0, caller);
}

void __outbyte(unsigned short Port, unsigned char Data)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___outbyte, caller);
    bcsim__port_io(Port, 1, Data, 1, 0, caller);
}

void __outword(unsigned short Port, unsigned short Data)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___outword, caller);
    bcsim__port_io(Port, 2, Data, 1, 0, caller);
}

void __outdword(unsigned short Port, unsigned int Data)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___outdword, caller);
    bcsim__port_io(Port, 4, Data, 1, 0, caller);
}

void __inbytestring(unsigned short Port, unsigned char *Buffer, unsigned int Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___inbytestring, caller);
    for (unsigned int i = 0; i < Count; i++)
        Buffer[i] = (unsigned char)bcsim__port_io(Port, 1, 0, 0, 0, caller);
}

void __inwordstring(unsigned short Port, unsigned short *Buffer, unsigned int Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___inwordstring, caller);
    for (unsigned int i = 0; i < Count; i++)
        Buffer[i] = (unsigned short)bcsim__port_io(Port, 2, 0, 0, 0, caller);
}

void __indwordstring(unsigned short Port, unsigned int *Buffer, unsigned int Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___indwordstring, caller);
    for (unsigned int i = 0; i < Count; i++)
        Buffer[i] = (unsigned int)bcsim__port_io(Port, 4, 0, 0, 0, caller);
}

void __outbytestring(unsigned short Port, unsigned char *Buffer, unsigned int Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___outbytestring, caller);
    for (unsigned int i = 0; i < Count; i++)
        bcsim__port_io(Port, 1, Buffer[i], 1, 0, caller);
}

void __outwordstring(unsigned short Port, unsigned short *Buffer, unsigned int Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___outwordstring, caller);
    for (unsigned int i = 0; i < Count; i++)
        bcsim__port_io(Port, 2, Buffer[i], 1, 0, caller);
}

void __outdwordstring(unsigned short Port, unsigned int *Buffer, unsigned int Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___outdwordstring, caller);
    for (unsigned int i = 0; i < Count; i++)
        bcsim__port_io(Port, 4, Buffer[i], 1, 0, caller);
}

/* __debugbreak — a breakpoint exception (STATUS_BREAKPOINT), as DbgBreakPoint. */
void __debugbreak(void)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___debugbreak, caller);
    bcsim__debugbreak(caller);
}

/* __readcr8 — CR8 is the task-priority register: the IRQL on x64. */
unsigned long long __readcr8(void)
{
    bcsim__export_enter(BCSIM__X___readcr8, BCSIM__CALLER());
    return bcsim__irql_current();
}

/* __writecr8 — sets the IRQL: a raise or a lower, with their rules (src/verifier/irql.c). */
void __writecr8(unsigned long long Data)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___writecr8, caller);
    bcsim__irql_write_cr8(Data, caller);
}

/* _disable / _enable — cli / sti on the simulated processor's interrupt flag. */
void _disable(void)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X__disable, caller);
    bcsim__interrupts_set(0, caller);
}

void _enable(void)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X__enable, caller);
    bcsim__interrupts_set(1, caller);
}

/* __halt — hlt: waits for the next interrupt, i.e. one clock tick of virtual time; with
 * interrupts disabled inside a bug-check callback it never resumes (the watchdog ends the
 * callback). */
void __halt(void)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X___halt, caller);
    bcsim__clock_halt(caller);
}
