/*
 * src/rsd.h — the harness's view of the reason-specific data structures (bugcheck-api.md
 * 5.3-5.9, x64 column). The shim declares the same layouts with the WDK names; both are
 * asserted to the spec's offsets, and tests/conformance/layout_bridge checks they agree.
 */
#ifndef BCSIM_RSD_H
#define BCSIM_RSD_H

#include <stddef.h>
#include <stdint.h>

#include "bcsim.h"

typedef struct bcsim__sdd {            /* KBUGCHECK_SECONDARY_DUMP_DATA */
    void *in_buffer;
    uint32_t in_buffer_length;
    uint32_t maximum_allowed;
    bcsim_guid_t guid;
    void *out_buffer;
    uint32_t out_buffer_length;
} bcsim__sdd_t;
_Static_assert(sizeof(bcsim__sdd_t) == 0x30, "SECONDARY_DUMP_DATA");
_Static_assert(offsetof(bcsim__sdd_t, guid) == 0x10, "Guid");
_Static_assert(offsetof(bcsim__sdd_t, out_buffer) == 0x20, "OutBuffer");
_Static_assert(offsetof(bcsim__sdd_t, out_buffer_length) == 0x28, "OutBufferLength");

typedef struct bcsim__sddx {           /* KBUGCHECK_SECONDARY_DUMP_DATA_EX */
    void *in_buffer;
    uint32_t in_buffer_length;
    uint32_t maximum_allowed;
    bcsim_guid_t guid;
    void *out_buffer;
    uint32_t out_buffer_length;
    void *context;
    uint32_t flags;
    uint32_t dump_type;
    uint32_t bugcheck_code;
    uint64_t bugcheck_params[4];
} bcsim__sddx_t;
_Static_assert(sizeof(bcsim__sddx_t) == 0x68, "SECONDARY_DUMP_DATA_EX");
_Static_assert(offsetof(bcsim__sddx_t, context) == 0x30, "Context");
_Static_assert(offsetof(bcsim__sddx_t, flags) == 0x38, "Flags");
_Static_assert(offsetof(bcsim__sddx_t, dump_type) == 0x3C, "DumpType");
_Static_assert(offsetof(bcsim__sddx_t, bugcheck_code) == 0x40, "BugCheckCode");
_Static_assert(offsetof(bcsim__sddx_t, bugcheck_params) == 0x48, "BugCheckParameter1");

typedef struct bcsim__dumpio {         /* KBUGCHECK_DUMP_IO */
    uint64_t offset;
    void *buffer;
    uint32_t buffer_length;
    uint32_t type;
} bcsim__dumpio_t;
_Static_assert(sizeof(bcsim__dumpio_t) == 0x18, "DUMP_IO");

typedef struct bcsim__pages {          /* KBUGCHECK_ADD_PAGES / KBUGCHECK_REMOVE_PAGES */
    void *context;
    uint32_t flags;
    uint32_t bugcheck_code;
    uint64_t address;
    uint64_t count;
} bcsim__pages_t;
_Static_assert(sizeof(bcsim__pages_t) == 0x20, "ADD_PAGES");
_Static_assert(offsetof(bcsim__pages_t, address) == 0x10, "Address");

typedef struct bcsim__krange {         /* KADDRESS_RANGE */
    void *address;
    uint64_t size;
} bcsim__krange_t;

typedef struct bcsim__tarray {         /* KTRIAGE_DUMP_DATA_ARRAY */
    void *flink, *blink;
    uint32_t num_blocks_used;
    uint32_t num_blocks_total;
    uint32_t data_size;
    uint32_t max_data_size;
    uint32_t component_name_buffer_length;
    uint8_t *component_name;
    bcsim__krange_t blocks[1];
} bcsim__tarray_t;
_Static_assert(sizeof(bcsim__tarray_t) == 0x40, "KTRIAGE_DUMP_DATA_ARRAY");
_Static_assert(offsetof(bcsim__tarray_t, blocks) == 0x30, "Blocks");
#define BCSIM__TARRAY_HEADER 0x30u

typedef struct bcsim__triage {         /* KBUGCHECK_TRIAGE_DUMP_DATA */
    bcsim__tarray_t *data_array;
    uint32_t flags;
    uint32_t max_virt_mem_size;
    uint32_t bugcheck_code;
    uint64_t bugcheck_params[4];
} bcsim__triage_t;
_Static_assert(sizeof(bcsim__triage_t) == 0x38, "TRIAGE_DUMP_DATA");
_Static_assert(offsetof(bcsim__triage_t, bugcheck_params) == 0x18, "BugCheckParameter1");

#define BCSIM__KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA 0x1u
#define BCSIM__KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS 0x2u
#define BCSIM__KB_PAGES_FLAG_VIRTUAL 0x1u
#define BCSIM__KB_PAGES_FLAG_PHYSICAL 0x2u
#define BCSIM__KB_PAGES_FLAG_ADDITIONAL_RANGES 0x80000000u
#define BCSIM__KB_PAGES_FEATURE_MASKS 0x00000FF0u
#define BCSIM__KB_TRIAGE_FLAG_BUGCHECK_ACTIVE 0x1u

#endif /* BCSIM_RSD_H */
