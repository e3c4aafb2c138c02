/* bcsim shim: ke part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_KE_H
#define BCSIM_SHIM_KE_H
#endif
