/*
 * src/nt/stubs_intrin.c — the privileged intrinsics of intrin.h, routed to bcsim instead of
 * executing the instruction (S13: in user mode each would fault). bcsim has no control
 * register or MSR model yet: reads return 0, writes are dropped; each stub reports itself once
 * through the verifier gate. Port I/O and __debugbreak are in intrin_routed.c, __fastfail in
 * ke_checks.c.
 */
#include "nt_private.h"
#include <intrin.h>

unsigned long long __readcr0(void)
{
    bcsim__export_enter(BCSIM__X___readcr0, BCSIM__CALLER());
    return 0;
}

unsigned long long __readcr3(void)
{
    bcsim__export_enter(BCSIM__X___readcr3, BCSIM__CALLER());
    return 0;
}

unsigned long long __readcr4(void)
{
    bcsim__export_enter(BCSIM__X___readcr4, BCSIM__CALLER());
    return 0;
}

unsigned long long __readcr8(void)
{
    bcsim__export_enter(BCSIM__X___readcr8, BCSIM__CALLER());
    return 0;
}

void __writecr8(unsigned long long Data)
{
    bcsim__export_enter(BCSIM__X___writecr8, BCSIM__CALLER());
    (void)Data;
}

void _disable(void)
{
    bcsim__export_enter(BCSIM__X__disable, BCSIM__CALLER());
}

void _enable(void)
{
    bcsim__export_enter(BCSIM__X__enable, BCSIM__CALLER());
}

unsigned long long __readmsr(unsigned int Register)
{
    bcsim__export_enter(BCSIM__X___readmsr, BCSIM__CALLER());
    (void)Register;
    return 0;
}

void __writemsr(unsigned int Register, unsigned long long Value)
{
    bcsim__export_enter(BCSIM__X___writemsr, BCSIM__CALLER());
    (void)Register;
    (void)Value;
}

void __halt(void)
{
    bcsim__export_enter(BCSIM__X___halt, BCSIM__CALLER());

}

unsigned char __readgsbyte(unsigned int Offset)
{
    bcsim__export_enter(BCSIM__X___readgsbyte, BCSIM__CALLER());
    (void)Offset;
    return 0;
}

unsigned short __readgsword(unsigned int Offset)
{
    bcsim__export_enter(BCSIM__X___readgsword, BCSIM__CALLER());
    (void)Offset;
    return 0;
}

unsigned int __readgsdword(unsigned int Offset)
{
    bcsim__export_enter(BCSIM__X___readgsdword, BCSIM__CALLER());
    (void)Offset;
    return 0;
}

unsigned long long __readgsqword(unsigned int Offset)
{
    bcsim__export_enter(BCSIM__X___readgsqword, BCSIM__CALLER());
    (void)Offset;
    return 0;
}
