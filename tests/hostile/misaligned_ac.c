/* tests/hostile/misaligned_ac.c — a misaligned load with the alignment-check flag set (SIGBUS). */
#include "hostile.h"

static volatile ULONG64 Words[2];

__attribute__((noinline)) static void Misbehave(void)
{
    __asm__ volatile("pushfq; orq $0x40000, (%rsp); popfq");
    volatile ULONG *p = (volatile ULONG *)((volatile UCHAR *)Words + 1);
    ULONG v = *p; /* HOSTILE_HERE */
    __asm__ volatile("pushfq; andq $~0x40000, (%rsp); popfq");
    (void)v;
}
