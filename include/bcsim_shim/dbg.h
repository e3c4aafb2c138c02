/* bcsim shim: dbg part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_DBG_H
#define BCSIM_SHIM_DBG_H
#endif
