/* bcsim shim: mm part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_MM_H
#define BCSIM_SHIM_MM_H
#endif
