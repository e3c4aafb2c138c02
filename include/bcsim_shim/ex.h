/* bcsim shim: ex part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_EX_H
#define BCSIM_SHIM_EX_H
#endif
