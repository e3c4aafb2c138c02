/*
 * tests/conformance/no_libc.c — must NOT compile (S1): with the driver profile no C-library
 * header is reachable from a driver TU. Built once per rejected header, named by
 * BCSIM_REJECT_HEADER (e.g. <stdio.h>, <sys/types.h>); the ctest expects the "not found" error.
 */
#include <wdm.h>
#include BCSIM_REJECT_HEADER

int no_libc_marker;
