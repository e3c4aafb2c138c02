/**
 * @file bcsim/scenario.h
 * @brief JSON scenarios: which drivers, which bug checks, which knobs, scripted device reads,
 *        expected findings. `bcsim run --scenario FILE` and bcsim_add_driver_test(SCENARIO)
 *        use them.
 *
 * Format (every key optional except where noted; unknown keys are errors, so typos fail):
 * @code
 * {
 *   "name": "text",
 *   "drivers": ["relative/to/the/scenario/driver.so", ...],
 *   "config": { "<knob>": "<value>", ... },          // bcsim_config_set() names, e.g. "walk.mode"
 *   "ports": [ { "port": "0x505", "reads": [1, "0x2"] },
 *              { "register": "0xfed00000", "reads": [0] } ],
 *   "pci": [ { "bus": 0, "device": 3, "function": 0,          // HalGetBusDataByOffset's space
 *              "config": "86 80 3a 15 06 04 10 00",        // or [134, 128, ...]; up to 4096 bytes
 *              "vendor_id": "0x8086", "device_id": "0x153a", "revision": 4,
 *              "class": "0x020000", "header_type": 0,
 *              "subsystem_vendor_id": "0x17aa", "subsystem_id": "0x2214" } ],
 *   "bugchecks": [                                    // default: one MANUALLY_INITIATED_CRASH
 *     { "code": "MANUALLY_INITIATED_CRASH" | "0xE2" | 226,
 *       "params": [1, "0x2", 3, 4],                   // up to four
 *       "dump": "out.dmp", "dump_type": "bitmap", "live": false,
 *       "config": { "<knob>": "<value>" } }           // for this bug check only
 *   ],
 *   "expect": { "violations": ["NAME", ...] }         // exactly these names (any order, each at least once)
 * }
 * @endcode
 * Every bug check runs on a freshly booted machine with the drivers loaded again.
 */
#ifndef BCSIM_SCENARIO_H
#define BCSIM_SCENARIO_H

#include "../bcsim.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bcsim_scenario bcsim_scenario_t;

typedef struct bcsim_scenario_port {
    uint64_t address;
    bool is_register;
    const uint64_t *reads;
    uint32_t read_count;
} bcsim_scenario_port_t;

/** A scripted PCI function (bcsim_sim_pci_config()): its configuration space, header fields
 *  applied, at least 256 bytes. */
typedef struct bcsim_scenario_pci {
    uint32_t bus, device, function;
    const uint8_t *config;
    uint32_t length;
} bcsim_scenario_pci_t;

typedef struct bcsim_scenario_bugcheck {
    uint32_t code;
    uint64_t params[4];
    const char *dump_path;      /**< NULL: the runner's default */
    int32_t dump_type;          /**< BCSIM_DUMP_*, or -1 for the runner's default */
    int32_t live;               /**< 0/1, or -1 for the default */
} bcsim_scenario_bugcheck_t;

/**
 * Parses a scenario from JSON text. Relative driver and dump paths are resolved against
 * @p base_dir (may be NULL). On error returns BCSIM_EFORMAT and writes a one-line message
 * naming the JSON path ("bugchecks[1].params: ...") into @p err.
 */
int bcsim_scenario_parse(const char *json, uint64_t len, const char *base_dir,
                         bcsim_scenario_t **out, char *err, uint64_t err_size);
/** Reads and parses a file (BCSIM_ENOENT if unreadable). */
int bcsim_scenario_load(const char *path, bcsim_scenario_t **out, char *err, uint64_t err_size);
void bcsim_scenario_free(bcsim_scenario_t *s);

const char *bcsim_scenario_name(const bcsim_scenario_t *s);
uint32_t bcsim_scenario_driver_count(const bcsim_scenario_t *s);
const char *bcsim_scenario_driver(const bcsim_scenario_t *s, uint32_t i);
uint32_t bcsim_scenario_bugcheck_count(const bcsim_scenario_t *s);
const bcsim_scenario_bugcheck_t *bcsim_scenario_bugcheck(const bcsim_scenario_t *s, uint32_t i);
uint32_t bcsim_scenario_port_count(const bcsim_scenario_t *s);
const bcsim_scenario_port_t *bcsim_scenario_port(const bcsim_scenario_t *s, uint32_t i);
uint32_t bcsim_scenario_pci_count(const bcsim_scenario_t *s);
const bcsim_scenario_pci_t *bcsim_scenario_pci(const bcsim_scenario_t *s, uint32_t i);
/** Applies the scenario's device scripts (ports, registers, PCI functions) to a machine.
 *  @return 0 or the first bcsim_sim_port_script() / bcsim_sim_pci_config() error. */
int bcsim_scenario_apply_devices(const bcsim_scenario_t *s, bcsim_sim_t *sim);
/** Expected violation names (NULL-terminated array), or NULL if the scenario sets none. */
const char *const *bcsim_scenario_expected(const bcsim_scenario_t *s);

/**
 * Applies the scenario's global knobs, then bug check @p bugcheck's own knobs, to @p cfg.
 * @return 0, or BCSIM_EINVAL with a one-line message in @p err.
 */
int bcsim_scenario_configure(const bcsim_scenario_t *s, uint32_t bugcheck, bcsim_config_t *cfg,
                             char *err, uint64_t err_size);

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_SCENARIO_H */
