/* bcsim shim: ps part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_PS_H
#define BCSIM_SHIM_PS_H
#endif
