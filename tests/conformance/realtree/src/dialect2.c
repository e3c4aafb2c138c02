/* dialect2.c — a second TU of the same driver: the header's __declspec(inline) function again,
 * through an angle include in another case found in the INCLUDE_DIRS folder. */
#include <drvCOMMON.h>

DECLSPEC_NOINLINE ULONG RtSecondTu(void)
{
    return RtHash("abc");
}

PVOID RtSecondTuHash(void)
{
    return (PVOID)&RtHash;
}
