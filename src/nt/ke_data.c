/*
 * src/nt/ke_data.c — data exports with the shapes drivers expect (wdk-surface.md 3.12).
 *
 * KiBugCheckData is a pointer variable (PULONG_PTR), never an array and never declared in
 * a shim header (bugcheck-api.md 9): drivers declare "extern PULONG_PTR KiBugCheckData;".
 * It points at a zero array until a machine boots, then at the dispatcher's five values.
 */
#include <wdm.h>
#include "../bridge.h"

static ULONG_PTR bcsim_boot_bugcheck_data[5];
PULONG_PTR KiBugCheckData = bcsim_boot_bugcheck_data;

void bcsim__nt_set_bugcheck_data(bcsim__u64 *values)
{
    KiBugCheckData = values ? (PULONG_PTR)values : bcsim_boot_bugcheck_data;
}
