/*
 * fuzz/fuzz_scenario.c — the JSON scenario parser (include/bcsim/scenario.h) as a fuzz target:
 * parse the input, then read back everything a runner reads (every getter, every bug check's
 * knobs applied to a configuration). A malformed scenario must be an error message naming
 * the JSON path, never a crash; an accepted one must be fully readable.
 * Seeds: fuzz/corpus/fuzz_scenario/, dictionary fuzz/fuzz_scenario.dict.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bcsim.h"
#include "bcsim/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void touch(const char *s)
{
    if (s)
        sink += strlen(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bcsim_scenario_t *s = NULL;
    char err[256];
    int rc = bcsim_scenario_parse((const char *)data, size, "/fuzz/base", &s, err, sizeof(err));
    if (rc != 0) {
        /* A one-line message, NUL-terminated inside the buffer. */
        if (memchr(err, 0, sizeof(err)) == NULL)
            __builtin_trap();
        bcsim_scenario_free(s);
        return 0;
    }
    touch(bcsim_scenario_name(s));
    for (uint32_t i = 0; i < bcsim_scenario_driver_count(s); i++)
        touch(bcsim_scenario_driver(s, i));
    for (uint32_t i = 0; i < bcsim_scenario_port_count(s); i++) {
        const bcsim_scenario_port_t *p = bcsim_scenario_port(s, i);
        for (uint32_t k = 0; p && k < p->read_count; k++)
            sink += p->reads[k];
    }
    for (uint32_t i = 0; i < bcsim_scenario_pci_count(s); i++) {
        const bcsim_scenario_pci_t *p = bcsim_scenario_pci(s, i);
        for (uint32_t k = 0; p && k < p->length; k++)
            sink += p->config[k];
    }
    const char *const *ex = bcsim_scenario_expected(s);
    for (; ex && *ex; ex++)
        touch(*ex);
    uint32_t n = bcsim_scenario_bugcheck_count(s);
    for (uint32_t i = 0; i < n; i++) {
        const bcsim_scenario_bugcheck_t *b = bcsim_scenario_bugcheck(s, i);
        if (!b)
            __builtin_trap();
        sink += b->code + b->params[3] + (uint64_t)b->dump_type + (uint64_t)b->live;
        touch(b->dump_path);
        bcsim_config_t cfg;
        bcsim_config_init(&cfg);
        if (bcsim_scenario_configure(s, i, &cfg, err, sizeof(err)) != 0 && !memchr(err, 0, sizeof(err)))
            __builtin_trap();
    }
    /* Out-of-range indices are NULL, not a crash. */
    if (bcsim_scenario_bugcheck(s, n) || bcsim_scenario_driver(s, bcsim_scenario_driver_count(s)))
        __builtin_trap();
    bcsim_scenario_free(s);
    return 0;
}
