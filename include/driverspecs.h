/* bcsim shim: driverspecs.h forwards to sal.h (__drv_* and _IRQL_* annotations as no-ops). */
#ifndef BCSIM_SHIM_DRIVERSPECS_H
#define BCSIM_SHIM_DRIVERSPECS_H
#include <sal.h>
#endif
