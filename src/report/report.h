/*
 * src/report/report.h — the report forms as JSON objects (report.c), for the CLI and for the
 * supervised boot's event stream (report_doc.c reads them back).
 */
#ifndef BCSIM_SRC_REPORT_REPORT_H
#define BCSIM_SRC_REPORT_REPORT_H

#include "internal.h"

/* The text of a finding kind (findings.c); name and severity are the public
 * bcsim_violation_name() / bcsim_violation_severity(). */
const char *bcsim__violation_message(uint32_t id);

struct bcsim_report_opts;
/* The JSON report as a jansson json_t * (the CLI combines several). */
void *bcsim__report_json_object(const bcsim_result_t *res, const bcsim_violation_t *extra,
                                uint32_t nextra, const struct bcsim_report_opts *opts);
/* One call / one finding as the report's JSON objects (json_t *): the items of "calls" and
 * "findings", also what a supervised boot streams (src/report/report_doc.c reads them back). */
void *bcsim__report_call_json(const bcsim_call_t *c);
void *bcsim__report_violation_json(const bcsim_violation_t *v, bool during_bugcheck);

/* ---- scenarios (scenario.c) ------------------------------------------------------------------
 * The devices a scenario describes, handed one item at a time to the actions of a room above
 * (src/dispatcher/scenario_apply.c binds them to the simulated machine). 0, or the first
 * action's error. */
struct bcsim_scenario;
typedef struct bcsim__device_sink {
    int (*port_script)(bcsim_sim_t *sim, uint64_t address, bool is_register,
                       const uint64_t *values, uint32_t count);
    int (*pci_config)(bcsim_sim_t *sim, uint32_t bus, uint32_t device, uint32_t function,
                      const uint8_t *config, uint32_t length);
    int (*device_reset)(bcsim_sim_t *sim);
    int (*device_resource)(bcsim_sim_t *sim, const bcsim_device_resource_t *resource);
    int (*device_registry)(bcsim_sim_t *sim, const char *key, const char *name, uint32_t type,
                           const void *data, uint32_t size);
    int (*device_pci)(bcsim_sim_t *sim, uint32_t bus, uint32_t device, uint32_t function);
} bcsim__device_sink_t;
int bcsim__scenario_devices(const struct bcsim_scenario *s, const bcsim__device_sink_t *k,
                            bcsim_sim_t *sim);

#endif /* BCSIM_SRC_REPORT_REPORT_H */
