/*
 * bcsim shim: the WPP trace sink (wdk-surface.md 4). The .tmh files bcsim generates for a driver
 * (cmake/BcsimWpp.cmake) turn every WPP FUNC macro into a call of bcsim__wpp_trace with the
 * call site; the sink formats WPP's %!...! conversions itself and captures the text per
 * scenario. Compiler builtin types only.
 */
#ifndef BCSIM_SHIM_WPP_H
#define BCSIM_SHIM_WPP_H

#ifdef __cplusplus
extern "C" {
#endif

void bcsim__wpp_trace(unsigned int level, unsigned int flags, const char *file, int line,
                      const char *function, const char *format, ...);

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_SHIM_WPP_H */
