/* tests/drivers/fuzz_drv.h — the harness-side view of tests/drivers/fuzz_drv.c. */
#ifndef FUZZ_DRV_H
#define FUZZ_DRV_H
/* What the last callback saw. */
typedef struct fd_seen {
    int reason;
    unsigned length;            /* ReasonSpecificDataLength */
    void *data;                 /* ReasonSpecificData */
    void *in_buffer;
    unsigned in_buffer_length;
    unsigned maximum_allowed;
    void *out_buffer;           /* on entry */
    unsigned flags;
    void *context;
    unsigned dump_type;
    unsigned code;
    unsigned long long param1;
    unsigned io_type;
    unsigned long long io_offset;
    void *io_buffer;
    unsigned io_length;
    unsigned max_virt;
} fd_seen_t;
extern fd_seen_t FdSeen;
extern unsigned FdCalls;
/* Behaviour: 0 well-behaved; 1 overwrites MaximumAllowed and returns more than allowed;
 * 2 deregisters its own record; 3 writes into the DumpIo buffer; 4 reads one byte past
 * ReasonSpecificDataLength. */
extern int FdMode;
void *fd_driver_entry(void);
unsigned char fd_register_at(void *record);
#endif
