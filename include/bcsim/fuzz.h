/**
 * @file bcsim/fuzz.h
 * @brief Fuzzing a driver's bug-check callbacks through bcsim's dispatcher: a structure-aware
 *        input format for the ReasonSpecificData of every reason, and one call that runs an
 *        input through the real list walk, the real guarded OS structures and the protocol's
 *        output validation, fast enough for a fuzzer's inner loop.
 *
 * bcsim_add_fuzzer() (CMake) builds a complete fuzzer around this API; use the functions
 * directly only for a fuzz target of your own. Typical use (what the generated fuzzer does):
 *
 * @code
 *   int LLVMFuzzerInitialize(int *argc, char ***argv) {
 *       bcsim_config_t cfg;
 *       bcsim_config_init(&cfg);
 *       bcsim_fuzz_config(&cfg);                   // contain = false: ASan sees the fault
 *       bcsim_sim_create(&cfg, &sim);
 *       bcsim_driver_load(sim, "mydrv.so", NULL, NULL);
 *       return bcsim_fuzz_setup(sim, NULL);       // remembers the registered records
 *   }
 *   int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
 *       bcsim_fuzz_input_t in;
 *       bcsim_fuzz_outcome_t out;
 *       bcsim_fuzz_decode(data, size, &in);
 *       bcsim_fuzz_dispatch(sim, BCSIM_REASON_SECONDARY_DUMP_DATA, &in, &out);
 *       if (out.findings) abort();                 // a protocol violation is a crash too
 *       return 0;
 *   }
 * @endcode
 *
 * The input layout is stable and documented byte by byte in fuzz/README.md: a fixed
 * little-endian header (bug-check code and parameters, call count, ReasonSpecificDataLength
 * mode, knobs), a 32-byte per-reason area, one 8-byte entry per call, then payload bytes.
 * Short inputs are zero-extended; every field is stored XOR its default, so an all-zero
 * input is the call bcsim's own dispatcher would make.
 */
#ifndef BCSIM_FUZZ_H
#define BCSIM_FUZZ_H

#include <stddef.h>

#include "../bcsim.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @name Input layout */
/**@{*/
#define BCSIM_FUZZ_HEADER_SIZE 0x30u     /**< fixed header */
#define BCSIM_FUZZ_AREA_OFFSET 0x30u     /**< the per-reason area */
#define BCSIM_FUZZ_AREA_SIZE 0x20u
#define BCSIM_FUZZ_CALLS_OFFSET 0x50u    /**< call entries, 8 bytes each */
#define BCSIM_FUZZ_CALL_SIZE 8u
#define BCSIM_FUZZ_MAX_CALLS 16u

/** How ReasonSpecificDataLength and the structure's guarded region relate (header byte 6). */
typedef enum bcsim_fuzz_rsd_mode {
    BCSIM_FUZZ_RSD_EXACT = 0,    /**< length = sizeof, guard page right after the structure */
    BCSIM_FUZZ_RSD_SHORT = 1,    /**< length < sizeof; the region ends (guard) after the length */
    BCSIM_FUZZ_RSD_LONG = 2,     /**< length > sizeof; the region is that long, then the guard */
    BCSIM_FUZZ_RSD_LYING = 3,    /**< any length; the region is the real structure */
} bcsim_fuzz_rsd_mode_t;

/** Header byte 7. */
#define BCSIM_FUZZ_KNOB_LOOSE 0x01u      /**< inputs outside the documented contract (if allowed) */
#define BCSIM_FUZZ_KNOB_NO_DEVICE 0x02u  /**< multi-part: pass KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS in */

/** One call entry (its meaning per reason: fuzz/README.md). */
typedef struct bcsim_fuzz_call {
    uint8_t kind;
    uint8_t flags;
    uint16_t len;
    uint32_t value;
} bcsim_fuzz_call_t;

/** A decoded input: the raw fields (XOR defaults already undone), interpreted per reason by
 *  bcsim_fuzz_dispatch(). Points into the input bytes (payload): keep them alive. */
typedef struct bcsim_fuzz_input {
    uint32_t code;                       /**< bug-check code (KiBugCheckData[0], BugCheckCode) */
    uint64_t params[4];
    uint8_t reason_select;               /**< which of the fuzzer's reasons (modulo their count) */
    uint32_t call_count;                 /**< 1..BCSIM_FUZZ_MAX_CALLS */
    uint32_t rsd_mode;                   /**< bcsim_fuzz_rsd_mode_t */
    uint32_t rsd_length;                 /**< raw length for the SHORT/LONG/LYING modes */
    uint8_t knobs;                       /**< BCSIM_FUZZ_KNOB_* */
    uint8_t dump_select;                 /**< 0 kernel (bitmap), 1 complete, 2 small */
    uint8_t area[BCSIM_FUZZ_AREA_SIZE];  /**< per-reason fields */
    bcsim_fuzz_call_t calls[BCSIM_FUZZ_MAX_CALLS];
    const uint8_t *payload;              /**< bytes after the call entries */
    size_t payload_size;
} bcsim_fuzz_input_t;

/** Decodes any byte string (zero-extended when short). Never fails. */
void bcsim_fuzz_decode(const uint8_t *data, size_t size, bcsim_fuzz_input_t *in);

/**
 * Encodes a decoded input (the inverse of bcsim_fuzz_decode(), for seed generators).
 * @return the encoded size (header, area, call entries, payload); nothing is written beyond
 *         @p size, so call with size 0 to learn the size.
 */
size_t bcsim_fuzz_encode(const bcsim_fuzz_input_t *in, uint8_t *buf, size_t size);
/** Fills @p in with the all-zero input's meaning (one default call). */
void bcsim_fuzz_input_init(bcsim_fuzz_input_t *in);
/**@}*/

/** @name Running inputs */
/**@{*/
/**
 * Sets the knobs a fuzzer wants on a configuration: contain = false (faults reach ASan and
 * libFuzzer at the faulting instruction), nested = contain, no dump file, no built-in
 * secondary-data producer, reports never raise simulated bug checks.
 */
void bcsim_fuzz_config(bcsim_config_t *cfg);

/** Options of bcsim_fuzz_setup(). */
typedef struct bcsim_fuzz_options {
    bool allow_loose;        /**< honour BCSIM_FUZZ_KNOB_LOOSE (default false: contract only) */
    bool keep_driver_data;   /**< do not put the modules' .data/.bss back before each input */
} bcsim_fuzz_options_t;

/**
 * Remembers every record registered now (after the drivers' DriverEntry): each input starts
 * from exactly these records, registered and in BufferInserted, and (unless
 * keep_driver_data) from the loaded modules' .data and .bss as they are now: every input is a
 * bug check on a freshly booted machine. @p opts may be NULL.
 * @return 0, BCSIM_ESTATE if the machine is halted or in a bug check, BCSIM_ENOMEM.
 */
int bcsim_fuzz_setup(bcsim_sim_t *sim, const bcsim_fuzz_options_t *opts);

/**
 * The distinct reasons of the remembered records (BCSIM_REASON_LEGACY for legacy records),
 * in ascending order. @return how many (may exceed @p max; only @p max are stored).
 */
uint32_t bcsim_fuzz_reasons(int32_t *reasons, uint32_t max);

/** What one input did. Valid until the next bcsim_fuzz_dispatch(). */
typedef struct bcsim_fuzz_outcome {
    int32_t reason;              /**< the reason dispatched */
    uint32_t passes;             /**< list walks (one per call entry) */
    uint32_t calls;              /**< callback invocations */
    uint32_t faulted;            /**< contained faults (cfg.contain only) */
    uint32_t hung;               /**< abandoned by the watchdog (cfg.contain only) */
    uint32_t nested;             /**< callbacks that called KeBugCheckEx */
    uint32_t violation_first;    /**< findings of this input: bcsim_sim_violation(first + i) */
    uint32_t violation_count;
    uint32_t findings;           /**< of them: severity VIOLATION, except NESTED_BUGCHECK */
    bool halted;                 /**< bcsim halted the machine (a bcsim-level failure) */
} bcsim_fuzz_outcome_t;

/**
 * Runs one input for @p reason through the dispatcher as during a bug check: KiBugCheckData
 * holds the input's code and parameters, IRQL HIGH_LEVEL (reason 8: PASSIVE_LEVEL), paged
 * pool inaccessible; for each call entry the real list for the reason is walked
 * (eligibility, checksums, structure), every eligible record's callback is invoked through
 * the dispatcher with the ReasonSpecificData in its guarded OS structure (InBuffer, DumpIo
 * buffers, OutBuffer "elsewhere" also end at guard pages), and its output is validated as
 * the phase would. Afterwards the records are back in their remembered state.
 * @return 0; BCSIM_EINVAL (no setup, bad reason); BCSIM_EBUGCHECK if the machine halted
 *         (outcome.halted; call bcsim_sim_reboot() and set up again).
 */
int bcsim_fuzz_dispatch(bcsim_sim_t *sim, int32_t reason, const bcsim_fuzz_input_t *in,
                        bcsim_fuzz_outcome_t *out);

/**
 * The baseline for throughput measurements: the same input, the same structure contents,
 * but each remembered record's routine called directly (no walk, no containment, no guard
 * pages, no validation). @return the number of calls made.
 */
uint32_t bcsim_fuzz_direct(int32_t reason, const bcsim_fuzz_input_t *in);
/**@}*/

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_FUZZ_H */
