/* tests/drivers/auxklib_drv.h — the harness-side view of tests/drivers/auxklib_drv.c. */
#ifndef AUXKLIB_DRV_H
#define AUXKLIB_DRV_H
typedef struct ax_bugcheck {
    int status;
    unsigned code;
    unsigned long long params[4];
} ax_bugcheck_t;
int ax_initialize(void);
/* AuxKlibGetBugCheckData with BugCheckDataSize = size (0: sizeof(KBUGCHECK_DATA)). */
ax_bugcheck_t ax_bugcheck_data(unsigned size);
/* AuxKlibQueryModuleInformation: with buf NULL the size query. */
int ax_modules(unsigned *buffer_size, unsigned element_size, void *buf);
unsigned ax_extended_size(void);
/* A legacy callback calling AuxKlibGetBugCheckData (and, with query, the module query). */
unsigned char ax_register(int query);
const ax_bugcheck_t *ax_seen(void);
int ax_seen_query_status(void);
/* KeInitializeCrashDumpHeader. */
int ax_crash_dump_header(unsigned type, unsigned flags, void *buf, unsigned size, unsigned *needed);
#endif
