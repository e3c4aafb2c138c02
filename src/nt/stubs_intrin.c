/*
 * src/nt/stubs_intrin.c — the privileged intrinsics of intrin.h, routed to bcsim instead of
 * executing the instruction (S13: in user mode each would fault), that bcsim has no model for
 * yet: control registers other than CR8, MSRs, GS reads. Reads return 0, writes are dropped;
 * each stub reports itself once through the verifier gate. Port I/O, __debugbreak, CR8,
 * _disable/_enable and __halt are in intrin_routed.c, __fastfail in ke_checks.c.
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
