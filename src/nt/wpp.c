/*
 * src/nt/wpp.c — the WPP trace sink behind the generated .tmh macros (wdk-surface.md 4).
 * Placeholder: the formatter work owns WPP formatting (%!FUNC!, %!STATUS!, ...); until then a
 * trace is accepted and dropped.
 */
#include <bcsim_shim/wpp.h>

void bcsim__wpp_trace(unsigned int level, unsigned int flags, const char *file, int line,
                      const char *function, const char *format, ...)
{
    (void)level;
    (void)flags;
    (void)file;
    (void)line;
    (void)function;
    (void)format;
}
