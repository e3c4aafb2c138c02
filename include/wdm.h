/*
 * bcsim shim: wdm.h — the WDM kernel surface (wdk-surface.md 2, 3), assembled from the
 * pieces under bcsim_shim/. Defines _WDMDDK_. Freestanding: no libc header is reached.
 */
#ifndef _WDMDDK_
#define _WDMDDK_
#define BCSIM_SHIM_WDM_H 1

#include <ntdef.h>
#include <ntstatus.h>
#include <excpt.h>
#include <bugcodes.h>
#include <bcsim_shim/intrin_impl.h>
#include <bcsim_shim/ke.h>
#include <bcsim_shim/rtl.h>
#include <bcsim_shim/ex.h>
#include <bcsim_shim/mm.h>
#include <bcsim_shim/io.h>
#include <bcsim_shim/hal.h>
#include <bcsim_shim/pci.h>
/* Debug output and the Rtl string routines come from the formatter/string part of the shim. */
#if !defined(__has_include) || __has_include(<bcsim_shim/dbg.h>)
#  include <bcsim_shim/dbg.h>
#endif
#if defined(__has_include)
#  if __has_include(<bcsim_shim/rtl_string.h>)
#    include <bcsim_shim/rtl_string.h>
#  endif
#endif
#include <bcsim_shim/ps.h>
#include <bcsim_shim/bugcheck.h>

#endif /* _WDMDDK_ */
