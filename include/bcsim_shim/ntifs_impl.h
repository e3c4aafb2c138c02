/* bcsim shim: ntifs-only declarations (placeholder, filled by the shim-surface work). */
#ifndef BCSIM_SHIM_NTIFS_IMPL_H
#define BCSIM_SHIM_NTIFS_IMPL_H
#endif
