/* tests/drivers/dbgprint_drv.h — the harness-side view of tests/drivers/dbgprint_drv.c. */
#ifndef DBGPRINT_DRV_H
#define DBGPRINT_DRV_H
unsigned char dp_register(int mode);
void dp_print(const char *text);
void dp_print_ex(unsigned component, unsigned level, const char *text);
void dp_print_wide(const char *prefix);
void dp_vprint(const char *prefix, int value);
void dp_print_long(void);
void dp_print_nul(void);
long dp_set_filter(unsigned component, unsigned level, int state);
long dp_query_filter(unsigned component, unsigned level);
void dp_kdprint(void);
unsigned char dp_debugger_not_present(void);
#define DP_IHVDRIVER 77u
#define DP_DEFAULT 101u
#endif
