/* tests/drivers/shim_routines_drv.h — the harness-side view of tests/drivers/shim_routines_drv.c. */
#ifndef SHIM_ROUTINES_DRV_H
#define SHIM_ROUTINES_DRV_H
#include <stddef.h>   /* the compiler's: both worlds include this header */
unsigned sr_list_order(void);
int sr_list_empty_after_drain(void);
unsigned sr_single_list_order(void);
void sr_corrupt_list_and_remove(void *unused);
int sr_bitmap(unsigned int *out, int max);
size_t sr_compare(const void *a, const void *b, size_t n);
int sr_wide(int *out, int max);
void *sr_lookup(const char *ascii_name);
int sr_check_resolve(const char **first_failure);
void *sr_address_of_KeBugCheckEx(void);
void *sr_kibugcheckdata_value(void);
int sr_interlocked(long long *out, int max);
int sr_processors(unsigned long long *out, int max);
void *sr_system_range_start(void);
int sr_debugger_flags(void);
unsigned int sr_build_number(void);
void sr_get_version(unsigned size, unsigned int out[7]);
unsigned sr_size_of_osversioninfo(int ex);
unsigned sr_read_port(unsigned short port);
unsigned sr_inbyte(unsigned short port);
void sr_write_port(unsigned short port, unsigned char v);
#endif
