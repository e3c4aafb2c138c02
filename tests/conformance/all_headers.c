/*
 * tests/conformance/all_headers.c — includes every shim header, so gcc -aux-info lists every
 * function the shim declares (check_inventory.cmake compares them with src/exports.inc and
 * libbcsim.a).
 */
#include <ntifs.h>
#include <aux_klib.h>
#include <wdf.h>
#include <wdmsec.h>
#include <wdmguid.h>
#include <ntimage.h>
#include <ntiodump.h>
#include <evntrace.h>
#include <wpprecorder.h>
#include <intrin.h>
#include <ndis.h>
#include <ntstrsafe.h>
#include <stdlib.h>
#include <string.h>
#include <bcsim_shim/wpp.h>

int bcsim_all_headers_marker;
