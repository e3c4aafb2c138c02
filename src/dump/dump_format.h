/*
 * src/dump/dump_format.h — the on-disk layout of the Windows 64-bit kernel crash dump bcsim
 * writes and reads (shared/spec/dump-format.md). Harness world: <stdint.h> only.
 *
 * Every structure is the exact little-endian byte layout of the file; offsets are asserted
 * below, so writer and reader can memcpy whole structures. The host is little-endian
 * x86-64 (asserted). Magic numbers are given as the ULONG value with the bytes a hex dump
 * shows in the comment.
 *
 * File layouts (spec 1):
 *   DumpType 1: [0x0000 header][0x2000 runs' pages][T secondary region][EOF]
 *   DumpType 5: [0x0000 header][0x2000 bitmap header + bitmap, zero pad][FirstPage pages]
 *               [T secondary region][EOF]
 *   T = 0x2000 + NumberOfPages * 0x1000 (type 1), FirstPage + TotalPresentPages * 0x1000
 *   (type 5); RequiredDumpSpace = file size.
 */
#ifndef BCSIM_DUMP_FORMAT_H
#define BCSIM_DUMP_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "bcsim.h"   /* bcsim_guid_t: the Windows GUID field layout */

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "dump structures are little-endian");

/* ---- sizes and fixed places ---------------------------------------------------------- */
#define BCSIM__DMP_PAGE 0x1000ULL
#define BCSIM__DMP_HEADER_SIZE 0x2000u          /* DUMP_HEADER64 */
#define BCSIM__DMP_BITMAP_OFFSET 0x2000u        /* bitmap header (types 5/6) */
#define BCSIM__DMP_BITMAP_DATA_OFFSET 0x2038u   /* first byte of the bitmap itself */
#define BCSIM__DMP_MAX_RUNS 42u                 /* (700 - 16) / 16 runs fit the union */

/* ---- signatures (spec 2) ------------------------------------------------------------- */
#define BCSIM__DMP_SIGNATURE 0x45474150u        /* "PAGE": header +0, and the filler pattern */
#define BCSIM__DMP_PAGE_PATTERN64 0x4547415045474150ULL /* "PAGEPAGE" */
#define BCSIM__DMP_VALID_DUMP64 0x34365544u     /* "DU64": 64-bit header +4 */
#define BCSIM__DMP_VALID_DUMP32 0x504D5544u     /* "DUMP": 32-bit header +4, bitmap header +4 */
#define BCSIM__DMP_BITMAP_SDMP 0x504D4453u      /* "SDMP": bitmap header +0 (bcsim writes) */
#define BCSIM__DMP_BITMAP_FDMP 0x504D4446u      /* "FDMP": full-bitmap variant (read only) */
#define BCSIM__DMP_RDMP 0x504D4452u             /* "RDMP": debugger-made dumps (reference) */
#define BCSIM__DMP_BLOB_SIGNATURE1 0x706D7544u  /* "Dump": secondary region +0 */
#define BCSIM__DMP_BLOB_SIGNATURE2 0x626F6C42u  /* "Blob": secondary region +4 */
#define BCSIM__DMP_TRIAGE_VALID 0x44475254u     /* "TRGD": end of a triage dump (reference) */

/* ---- header values bcsim writes (spec 3, 5) ------------------------------------------ */
#define BCSIM__DMP_MAJOR_VERSION 0xFu
#define BCSIM__DMP_MACHINE_AMD64 0x8664u        /* IMAGE_FILE_MACHINE_AMD64 */
#define BCSIM__DMP_MACHINE_ARM64 0xAA64u
#define BCSIM__DMP_MACHINE_I386 0x14Cu
#define BCSIM__DMP_PRODUCT_WORKSTATION 1u       /* VER_NT_WORKSTATION */
#define BCSIM__DMP_BLOB_BUILD_FREE 0xF0000000u  /* blob file header BuildNumber top nibble */
#define BCSIM__DMP_DEFAULT_BUILD 22000u
#define BCSIM__DMP_DEFAULT_MXCSR 0x1F80u
#define BCSIM__DMP_DEFAULT_FPU_CW 0x027Fu

#define BCSIM__DMP_TYPE_FULL 1u                 /* DUMP_TYPE_FULL: runs */
#define BCSIM__DMP_TYPE_SUMMARY 2u
#define BCSIM__DMP_TYPE_HEADER 3u
#define BCSIM__DMP_TYPE_TRIAGE 4u
#define BCSIM__DMP_TYPE_BITMAP_FULL 5u          /* bitmap: the one type volatility3 opens */
#define BCSIM__DMP_TYPE_BITMAP_KERNEL 6u
#define BCSIM__DMP_TYPE_AUTOMATIC 7u

#define BCSIM__CONTEXT_AMD64 0x00100000u
#define BCSIM__CONTEXT_CONTROL 0x00100001u
#define BCSIM__CONTEXT_INTEGER 0x00100002u
#define BCSIM__CONTEXT_SEGMENTS 0x00100004u
#define BCSIM__CONTEXT_FLOATING_POINT 0x00100008u
#define BCSIM__CONTEXT_FULL 0x0010000Bu

/* Selectors of a Windows x64 kernel thread (spec 5.1). */
#define BCSIM__KGDT64_R0_CODE 0x10u
#define BCSIM__KGDT64_R0_DATA 0x18u
#define BCSIM__KGDT64_R3_DATA 0x2Bu
#define BCSIM__KGDT64_R3_CMTEB 0x53u

#define BCSIM__EXCEPTION_NONCONTINUABLE 1u

/* ---- paging (spec 13) ----------------------------------------------------------------- */
#define BCSIM__PML4_PFN 0x1ADULL                /* PML4 at PA 0x1AD000: both volatility3 windows */
#define BCSIM__PML4_SELF_INDEX 0x1EDu           /* self-map entry: VA 0xFFFFF680'00000000.. */
#define BCSIM__DMP_DTB (BCSIM__PML4_PFN << 12)

#define BCSIM__PTE_P 0x1ULL
#define BCSIM__PTE_RW 0x2ULL
#define BCSIM__PTE_US 0x4ULL
#define BCSIM__PTE_A 0x20ULL
#define BCSIM__PTE_D 0x40ULL
#define BCSIM__PTE_PS 0x80ULL
#define BCSIM__PTE_XD 0x8000000000000000ULL
#define BCSIM__PTE_ADDR_MASK 0x000FFFFFFFFFF000ULL
#define BCSIM__PTE_1G_MASK 0x000FFFFFC0000000ULL
#define BCSIM__PTE_2M_MASK 0x000FFFFFFFE00000ULL
#define BCSIM__PTE_INTERMEDIATE (BCSIM__PTE_P | BCSIM__PTE_RW | BCSIM__PTE_A)
#define BCSIM__PTE_LEAF (BCSIM__PTE_P | BCSIM__PTE_RW | BCSIM__PTE_A | BCSIM__PTE_D)
#define BCSIM__PTE_SELF (BCSIM__PTE_P | BCSIM__PTE_RW)
#define BCSIM__VA_LIMIT (1ULL << 47)            /* lower canonical half ends here */

/* ---- PHYSICAL_MEMORY_DESCRIPTOR (x64, spec 7) ---------------------------------------- */
typedef struct bcsim__dmp_run {
    uint64_t base_page;                        /* 0x00 a PFN */
    uint64_t page_count;                       /* 0x08 */
} bcsim__dmp_run_t;
_Static_assert(sizeof(bcsim__dmp_run_t) == 0x10, "PHYSICAL_MEMORY_RUN64");

typedef struct bcsim__dmp_pmd {
    uint32_t number_of_runs;                   /* 0x00 */
    uint32_t pad;                              /* 0x04 */
    uint64_t number_of_pages;                  /* 0x08 */
    bcsim__dmp_run_t run[BCSIM__DMP_MAX_RUNS]; /* 0x10 */
} bcsim__dmp_pmd_t;
_Static_assert(offsetof(bcsim__dmp_pmd_t, number_of_pages) == 0x08, "NumberOfPages");
_Static_assert(offsetof(bcsim__dmp_pmd_t, run) == 0x10, "Run[]");
_Static_assert(sizeof(bcsim__dmp_pmd_t) <= 700, "descriptor fits the 700-byte area");

/* ---- AMD64 CONTEXT (spec 5.1): 0x4D0 bytes. M128A is two u64 so the structure needs only
 * 8-byte alignment: in the header it sits at 0x348, which is not 16-byte aligned. */
typedef struct bcsim__m128a {
    uint64_t low;
    uint64_t high;
} bcsim__m128a_t;

typedef struct bcsim__xmm_save_area32 {
    uint16_t control_word;                     /* 0x00 */
    uint16_t status_word;                      /* 0x02 */
    uint8_t tag_word;                          /* 0x04 */
    uint8_t reserved1;                         /* 0x05 */
    uint16_t error_opcode;                     /* 0x06 */
    uint32_t error_offset;                     /* 0x08 */
    uint16_t error_selector;                   /* 0x0C */
    uint16_t reserved2;                        /* 0x0E */
    uint32_t data_offset;                      /* 0x10 */
    uint16_t data_selector;                    /* 0x14 */
    uint16_t reserved3;                        /* 0x16 */
    uint32_t mx_csr;                           /* 0x18 */
    uint32_t mx_csr_mask;                      /* 0x1C */
    bcsim__m128a_t float_registers[8];         /* 0x20 */
    bcsim__m128a_t xmm_registers[16];          /* 0xA0 */
    uint8_t reserved4[96];                     /* 0x1A0 */
} bcsim__xmm_save_area32_t;
_Static_assert(sizeof(bcsim__xmm_save_area32_t) == 512, "XMM_SAVE_AREA32");
_Static_assert(offsetof(bcsim__xmm_save_area32_t, mx_csr) == 0x18, "FltSave.MxCsr");
_Static_assert(offsetof(bcsim__xmm_save_area32_t, xmm_registers) == 0xA0, "XmmRegisters");

typedef struct bcsim__amd64_context {
    uint64_t p_home[6];                        /* 0x000 P1Home..P6Home */
    uint32_t context_flags;                    /* 0x030 */
    uint32_t mx_csr;                           /* 0x034 */
    uint16_t seg_cs;                           /* 0x038 */
    uint16_t seg_ds;                           /* 0x03A */
    uint16_t seg_es;                           /* 0x03C */
    uint16_t seg_fs;                           /* 0x03E */
    uint16_t seg_gs;                           /* 0x040 */
    uint16_t seg_ss;                           /* 0x042 */
    uint32_t eflags;                           /* 0x044 */
    uint64_t dr0, dr1, dr2, dr3, dr6, dr7;     /* 0x048 */
    uint64_t rax;                              /* 0x078 */
    uint64_t rcx, rdx, rbx;                    /* 0x080 */
    uint64_t rsp;                              /* 0x098 */
    uint64_t rbp, rsi, rdi;                    /* 0x0A0 */
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15; /* 0x0B8 */
    uint64_t rip;                              /* 0x0F8 */
    bcsim__xmm_save_area32_t flt_save;         /* 0x100 */
    bcsim__m128a_t vector_register[26];        /* 0x300 */
    uint64_t vector_control;                   /* 0x4A0 */
    uint64_t debug_control;                    /* 0x4A8 */
    uint64_t last_branch_to_rip;               /* 0x4B0 */
    uint64_t last_branch_from_rip;             /* 0x4B8 */
    uint64_t last_exception_to_rip;            /* 0x4C0 */
    uint64_t last_exception_from_rip;          /* 0x4C8 */
} bcsim__amd64_context_t;
_Static_assert(sizeof(bcsim__amd64_context_t) == 0x4D0, "CONTEXT size");
_Static_assert(offsetof(bcsim__amd64_context_t, context_flags) == 0x30, "ContextFlags");
_Static_assert(offsetof(bcsim__amd64_context_t, mx_csr) == 0x34, "MxCsr");
_Static_assert(offsetof(bcsim__amd64_context_t, eflags) == 0x44, "EFlags");
_Static_assert(offsetof(bcsim__amd64_context_t, rax) == 0x78, "Rax");
_Static_assert(offsetof(bcsim__amd64_context_t, rsp) == 0x98, "Rsp");
_Static_assert(offsetof(bcsim__amd64_context_t, r8) == 0xB8, "R8");
_Static_assert(offsetof(bcsim__amd64_context_t, rip) == 0xF8, "Rip");
_Static_assert(offsetof(bcsim__amd64_context_t, flt_save) == 0x100, "FltSave");
_Static_assert(offsetof(bcsim__amd64_context_t, vector_register) == 0x300, "VectorRegister");
_Static_assert(offsetof(bcsim__amd64_context_t, vector_control) == 0x4A0, "VectorControl");
_Static_assert(offsetof(bcsim__amd64_context_t, last_exception_from_rip) == 0x4C8, "LastExceptionFromRip");

/* ---- EXCEPTION_RECORD64 (spec 5.3) ---------------------------------------------------- */
typedef struct bcsim__exception_record64 {
    uint32_t exception_code;                   /* 0x00 */
    uint32_t exception_flags;                  /* 0x04 */
    uint64_t exception_record;                 /* 0x08 */
    uint64_t exception_address;                /* 0x10 */
    uint32_t number_parameters;                /* 0x18 */
    uint32_t unused_alignment;                 /* 0x1C */
    uint64_t exception_information[15];        /* 0x20 */
} bcsim__exception_record64_t;
_Static_assert(sizeof(bcsim__exception_record64_t) == 0x98, "EXCEPTION_RECORD64");

/* ---- DUMP_HEADER64 (spec 3) ------------------------------------------------------------ */
typedef struct bcsim__dmp_header64 {
    uint32_t signature;                        /* 0x000 "PAGE" */
    uint32_t valid_dump;                       /* 0x004 "DU64" */
    uint32_t major_version;                    /* 0x008 */
    uint32_t minor_version;                    /* 0x00C build number */
    uint64_t directory_table_base;             /* 0x010 */
    uint64_t pfn_data_base;                    /* 0x018 */
    uint64_t ps_loaded_module_list;            /* 0x020 */
    uint64_t ps_active_process_head;           /* 0x028 */
    uint32_t machine_image_type;               /* 0x030 */
    uint32_t number_processors;                /* 0x034 */
    uint32_t bug_check_code;                   /* 0x038 */
    uint32_t pad_03c;                          /* 0x03C */
    uint64_t bug_check_parameter[4];           /* 0x040 */
    char version_user[32];                     /* 0x060 */
    uint64_t kd_debugger_data_block;           /* 0x080 */
    union {                                    /* 0x088, 700 bytes padded to 704 */
        bcsim__dmp_pmd_t physical_memory_block;
        uint8_t physical_memory_block_buffer[700];
    };
    union {                                    /* 0x348 */
        bcsim__amd64_context_t context;
        uint8_t context_record[3000];
    };
    bcsim__exception_record64_t exception;     /* 0xF00 */
    uint32_t dump_type;                        /* 0xF98 */
    uint32_t pad_f9c;                          /* 0xF9C */
    int64_t required_dump_space;               /* 0xFA0 */
    int64_t system_time;                       /* 0xFA8 FILETIME */
    char comment[128];                         /* 0xFB0 */
    int64_t system_up_time;                    /* 0x1030 100 ns units */
    uint32_t mini_dump_fields;                 /* 0x1038 */
    uint32_t secondary_data_state;             /* 0x103C NTSTATUS */
    uint32_t product_type;                     /* 0x1040 */
    uint32_t suite_mask;                       /* 0x1044 */
    uint32_t writer_status;                    /* 0x1048 */
    uint8_t unused1;                           /* 0x104C */
    uint8_t kd_secondary_version;              /* 0x104D */
    uint8_t unused[2];                         /* 0x104E */
    uint32_t attributes;                       /* 0x1050 DUMP_FILE_ATTRIBUTES */
    uint32_t boot_id;                          /* 0x1054 */
    uint8_t reserved0[4008];                   /* 0x1058 'PAGE' filler */
} bcsim__dmp_header64_t;

_Static_assert(offsetof(bcsim__dmp_header64_t, directory_table_base) == 0x010, "DirectoryTableBase");
_Static_assert(offsetof(bcsim__dmp_header64_t, machine_image_type) == 0x030, "MachineImageType");
_Static_assert(offsetof(bcsim__dmp_header64_t, bug_check_code) == 0x038, "BugCheckCode");
_Static_assert(offsetof(bcsim__dmp_header64_t, bug_check_parameter) == 0x040, "BugCheckParameter1");
_Static_assert(offsetof(bcsim__dmp_header64_t, version_user) == 0x060, "VersionUser");
_Static_assert(offsetof(bcsim__dmp_header64_t, kd_debugger_data_block) == 0x080, "KdDebuggerDataBlock");
_Static_assert(offsetof(bcsim__dmp_header64_t, physical_memory_block) == 0x088, "PhysicalMemoryBlock");
_Static_assert(offsetof(bcsim__dmp_header64_t, physical_memory_block.number_of_pages) == 0x090,
               "NumberOfPages");
_Static_assert(offsetof(bcsim__dmp_header64_t, physical_memory_block.run) == 0x098, "Run[0]");
_Static_assert(offsetof(bcsim__dmp_header64_t, context) == 0x348, "ContextRecord");
_Static_assert(offsetof(bcsim__dmp_header64_t, context.mx_csr) == 0x37C, "CONTEXT.MxCsr");
_Static_assert(offsetof(bcsim__dmp_header64_t, context.flt_save.mx_csr) == 0x460, "FltSave.MxCsr");
_Static_assert(offsetof(bcsim__dmp_header64_t, context.rip) == 0x440, "CONTEXT.Rip");
_Static_assert(offsetof(bcsim__dmp_header64_t, exception) == 0xF00, "Exception");
_Static_assert(offsetof(bcsim__dmp_header64_t, dump_type) == 0xF98, "DumpType");
_Static_assert(offsetof(bcsim__dmp_header64_t, required_dump_space) == 0xFA0, "RequiredDumpSpace");
_Static_assert(offsetof(bcsim__dmp_header64_t, system_time) == 0xFA8, "SystemTime");
_Static_assert(offsetof(bcsim__dmp_header64_t, comment) == 0xFB0, "Comment");
_Static_assert(offsetof(bcsim__dmp_header64_t, system_up_time) == 0x1030, "SystemUpTime");
_Static_assert(offsetof(bcsim__dmp_header64_t, mini_dump_fields) == 0x1038, "MiniDumpFields");
_Static_assert(offsetof(bcsim__dmp_header64_t, secondary_data_state) == 0x103C, "SecondaryDataState");
_Static_assert(offsetof(bcsim__dmp_header64_t, product_type) == 0x1040, "ProductType");
_Static_assert(offsetof(bcsim__dmp_header64_t, writer_status) == 0x1048, "WriterStatus");
_Static_assert(offsetof(bcsim__dmp_header64_t, kd_secondary_version) == 0x104D, "KdSecondaryVersion");
_Static_assert(offsetof(bcsim__dmp_header64_t, attributes) == 0x1050, "Attributes");
_Static_assert(offsetof(bcsim__dmp_header64_t, boot_id) == 0x1054, "BootId");
_Static_assert(offsetof(bcsim__dmp_header64_t, reserved0) == 0x1058, "_reserved0");
_Static_assert(sizeof(bcsim__dmp_header64_t) == BCSIM__DMP_HEADER_SIZE, "DUMP_HEADER64 size");

/* DUMP_HEADER32 (spec 9): only what the reader needs to name a 32-bit file. */
#define BCSIM__DMP32_MAJOR_VERSION 0x008u
#define BCSIM__DMP32_MINOR_VERSION 0x00Cu
#define BCSIM__DMP32_MACHINE_IMAGE_TYPE 0x020u
#define BCSIM__DMP32_BUG_CHECK_CODE 0x028u
#define BCSIM__DMP32_BUG_CHECK_PARAMETER1 0x02Cu
#define BCSIM__DMP32_DUMP_TYPE 0xF88u
#define BCSIM__DMP32_HEADER_SIZE 0x1000u

/* ---- bitmap dump header at 0x2000 (spec 8) -------------------------------------------- */
typedef struct bcsim__dmp_bitmap_header {
    uint32_t signature;                        /* 0x00 "SDMP" */
    uint32_t valid_dump;                       /* 0x04 "DUMP" */
    uint8_t reserved[0x18];                    /* 0x08 DumpOptions / padding: 0 */
    uint64_t first_page;                       /* 0x20 file offset of the first page */
    uint64_t total_present_pages;              /* 0x28 popcount of the bitmap */
    uint64_t pages;                            /* 0x30 bit count (PFNs covered from 0) */
    /* 0x38: bitmap, bit b of byte k set <=> PFN 8k + b present */
} bcsim__dmp_bitmap_header_t;
_Static_assert(offsetof(bcsim__dmp_bitmap_header_t, first_page) == 0x20, "FirstPage");
_Static_assert(offsetof(bcsim__dmp_bitmap_header_t, total_present_pages) == 0x28, "TotalPresentPages");
_Static_assert(offsetof(bcsim__dmp_bitmap_header_t, pages) == 0x30, "Pages");
_Static_assert(sizeof(bcsim__dmp_bitmap_header_t) == 0x38, "bitmap header size");

/* ---- secondary-data region (spec 11) ---------------------------------------------------- */
typedef struct bcsim__dmp_blob_file_header {
    uint32_t signature1;                       /* 0x00 "Dump" */
    uint32_t signature2;                       /* 0x04 "Blob" */
    uint32_t header_size;                      /* 0x08 0x10 */
    uint32_t build_number;                     /* 0x0C 0xF0000000 | build */
} bcsim__dmp_blob_file_header_t;
_Static_assert(sizeof(bcsim__dmp_blob_file_header_t) == 0x10, "DUMP_BLOB_FILE_HEADER");

typedef struct bcsim__dmp_blob_header {
    uint32_t header_size;                      /* 0x00 0x20 */
    bcsim_guid_t tag;                          /* 0x04 */
    uint32_t data_size;                        /* 0x14 */
    uint32_t pre_pad;                          /* 0x18 */
    uint32_t post_pad;                         /* 0x1C */
} bcsim__dmp_blob_header_t;
_Static_assert(offsetof(bcsim__dmp_blob_header_t, tag) == 0x04, "Tag");
_Static_assert(offsetof(bcsim__dmp_blob_header_t, data_size) == 0x14, "DataSize");
_Static_assert(offsetof(bcsim__dmp_blob_header_t, pre_pad) == 0x18, "PrePad");
_Static_assert(offsetof(bcsim__dmp_blob_header_t, post_pad) == 0x1C, "PostPad");
_Static_assert(sizeof(bcsim__dmp_blob_header_t) == 0x20, "DUMP_BLOB_HEADER");
_Static_assert(sizeof(bcsim_guid_t) == 16, "GUID");

#define BCSIM__DMP_BLOB_FILE_HEADER_SIZE 0x10u
#define BCSIM__DMP_BLOB_HEADER_SIZE 0x20u

#endif /* BCSIM_DUMP_FORMAT_H */
