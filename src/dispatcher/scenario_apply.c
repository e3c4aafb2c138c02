/*
 * src/dispatcher/scenario_apply.c — a scenario's devices on the simulated machine: the port
 * and register scripts, PCI configuration spaces and the KMDF device the scenario describes
 * (src/report/scenario.c parses them; the machine's bcsim_sim_* routines take them).
 */
#include "internal.h"
#include "bcsim/scenario.h"
#include "report/report.h"

int bcsim_scenario_apply_devices(const bcsim_scenario_t *s, bcsim_sim_t *sim)
{
    static const bcsim__device_sink_t machine = {
        .port_script = bcsim_sim_port_script,
        .pci_config = bcsim_sim_pci_config,
        .device_reset = bcsim_sim_device_reset,
        .device_resource = bcsim_sim_device_resource,
        .device_registry = bcsim_sim_device_registry,
        .device_pci = bcsim_sim_device_pci,
    };
    return bcsim__scenario_devices(s, &machine, sim);
}
