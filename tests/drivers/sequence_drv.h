/* tests/drivers/sequence_drv.h — the harness-side view of tests/drivers/sequence_drv.c. */
#ifndef SEQUENCE_DRV_H
#define SEQUENCE_DRV_H
typedef struct sd_seen {
    int reason;
    void *in_buffer;
    unsigned in_buffer_length;
    unsigned maximum_allowed;
    void *out_buffer_in;
    unsigned out_buffer_length_in;
    void *context;
    unsigned flags;
    unsigned long long offset;
    void *buffer;
    unsigned length;
    int type;
    unsigned bugcheck_code;
    unsigned long long ki_code;
    unsigned char state;
    unsigned char first_byte;
} sd_seen_t;
void sd_reset(void);
unsigned char sd_register(int slot, int reason, const char *component);
unsigned char sd_register_legacy(void *buffer, unsigned length);
void *sd_record(int slot);
sd_seen_t *sd_seen(int i);
int sd_seen_count(void);
int sd_deregistered(void);
void sd_set_modes(int secondary, int dumpio, int pages, int multi, int triage);
void sd_set_paged_buffer(void *p);
void sd_set_slot_mode(int slot, int secondary);
void sd_set_physical(unsigned long long pa);
void *sd_pages_area(int i);
void *sd_own_buffer(void);
void *sd_triage_block(void);
unsigned long long sd_legacy_buffer(void);
unsigned sd_legacy_length(void);
#endif
