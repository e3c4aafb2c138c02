/*
 * src/machine/ports.c — the device model behind READ/WRITE_PORT_* and READ/WRITE_REGISTER_*
 * (driver-patterns.md 13): every access is logged with its IRQL and the callback it
 * happened in; reads return scripted values (per address, in order; after the script,
 * the last value again; unscripted ports read as all ones, like an absent ISA device).
 * Registers are plain memory the driver mapped: reads and writes go through to it (the
 * READ_REGISTER_* routine passes the value it read; a script for that address overrides it).
 *
 * Port and register I/O is explicitly allowed in bug-check callbacks (R8); it is a
 * finding only during a call that was passed KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "machine/machine.h"
#include "verifier/verifier.h"

#include <stdlib.h>

/* An I/O port access takes about a microsecond on the bus (the classic port 0x80 delay); bcsim
 * charges that much virtual time for every port and register access, so a callback that polls
 * a device for ever meets the virtual-time watchdog (dispatcher-model.md 7.11). */
#define ACCESS_COST_100NS 10u

typedef struct script {
    uint64_t address;
    bool is_register;
    uint64_t *values;
    uint32_t count, next;
} script_t;

static BCSIM_VEC(script_t) scripts;
static BCSIM_VEC(bcsim_port_access_t) log_outside;   /* accesses outside any bug check */

int bcsim_sim_port_script(bcsim_sim_t *sim, uint64_t address, bool is_register,
                          const uint64_t *values, uint32_t count)
{
    if (!sim || (count && !values))
        return BCSIM_EINVAL;
    for (size_t i = 0; i < scripts.n; i++)
        if (scripts.v[i].address == address && scripts.v[i].is_register == is_register) {
            free(scripts.v[i].values);
            scripts.v[i] = scripts.v[--scripts.n];
            break;
        }
    if (!count)
        return 0;
    script_t *s = BCSIM_VEC_PUSH(&scripts);
    if (!s)
        return BCSIM_ENOMEM;
    s->values = malloc(count * sizeof(uint64_t));
    if (!s->values) {
        scripts.n--;
        return BCSIM_ENOMEM;
    }
    memcpy(s->values, values, count * sizeof(uint64_t));
    s->address = address;
    s->is_register = is_register;
    s->count = count;
    return 0;
}

void bcsim__ports_shutdown(void)
{
    for (size_t i = 0; i < scripts.n; i++)
        free(scripts.v[i].values);
    BCSIM_VEC_FREE(&scripts);
    BCSIM_VEC_FREE(&log_outside);
}

static uint64_t width_mask(uint32_t width)
{
    return width >= 8 ? UINT64_MAX : (1ULL << (8 * width)) - 1;
}

bcsim__u64 bcsim__port_io(bcsim__u64 address, bcsim__u32 width, bcsim__u64 value, int write,
                          int is_register, void *caller)
{
    uint64_t result = value;
    if (!write) {
        script_t *s = NULL;
        for (size_t i = 0; i < scripts.n; i++)
            if (scripts.v[i].address == address && scripts.v[i].is_register == (bool)is_register)
                s = &scripts.v[i];
        if (s) {
            result = s->values[s->next < s->count ? s->next : s->count - 1];
            if (s->next < s->count)
                s->next++;
        } else if (is_register) {
            result = value; /* the caller read the register memory and passed what it holds */
        } else {
            result = UINT64_MAX;
        }
        result &= width_mask(width);
    }
    BCSIM_VEC(bcsim_port_access_t) *log = bcsim__run.active ? (void *)&bcsim__run.ports : (void *)&log_outside;
    if (bcsim__run.active)
        bcsim__run.port_total++;
    bcsim_port_access_t *a = log->n < BCSIM_PORT_LOG_MAX ? BCSIM_VEC_PUSH(log) : NULL;
    if (a) {
        a->address = address;
        a->value = (write ? value : result) & width_mask(width);
        a->width = (uint8_t)width;
        a->write = write;
        a->is_register = is_register;
        a->irql = bcsim__m.irql;
        a->call_seq = bcsim__m.current_call >= 0 ? (uint32_t)bcsim__m.current_call : UINT32_MAX;
    }
    if (bcsim__run.no_device_access) {
        bcsim__report_t r = { .id = BCSIM_V_DEVICE_ACCESS_FORBIDDEN, .reason = BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA,
                              .pc = (uint64_t)caller, .address = address, .dedupe = (uint64_t)caller };
        bcsim__violation(&r, "%s %s%u %#llx", is_register ? "register" : "port",
                         write ? "write" : "read", width * 8, (unsigned long long)address);
    }
    bcsim__clock_advance_100ns(ACCESS_COST_100NS);
    bcsim__watchdog_virtual_check();
    return result;
}
