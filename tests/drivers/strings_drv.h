/* tests/drivers/strings_drv.h — the harness-side view of tests/drivers/strings_drv.c. */
#ifndef STRINGS_DRV_H
#define STRINGS_DRV_H
extern int SdFailLines[256];
extern int SdFailCount;
void sd_reset(void);
int sd_run_copy(void);
int sd_run_cat(void);
int sd_run_printf(void);
int sd_run_length(void);
int sd_run_ex(void);
int sd_run_wide(void);
int sd_run_unicode_string(void);
int sd_run_rtl(void);
int sd_kdprint_compiled_out(void);
int sd_printf_once(void);
int sd_copy_once(void);
int sd_printf_conversion_once(int which);
int sd_unicode_printf_once(void);
void sd_init_unicode_once(void);
#endif
