/* bcsim shim: hal part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_HAL_H
#define BCSIM_SHIM_HAL_H
#endif
