/* bcsim shim: specstrings.h forwards to sal.h (legacy and modern SAL as no-ops). */
#ifndef BCSIM_SHIM_SPECSTRINGS_H
#define BCSIM_SHIM_SPECSTRINGS_H
#include <sal.h>
#endif
