/* bcsim shim: intrin_impl part of wdm.h (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_INTRIN_IMPL_H
#define BCSIM_SHIM_INTRIN_IMPL_H
#endif
