/**
 * @file bcsim/dump.h
 * @brief Reading a Windows 64-bit kernel crash dump: the file bcsim writes, or any
 *        DumpType 1 (full) / 5 (bitmap) dump from a real machine.
 *
 * The reader distrusts every byte: each offset and size is bounds- and overflow-checked,
 * a malformed file produces diagnostics (never a crash, a hang or an allocation larger
 * than a small fraction of the file), and it never reads a file whole, so files larger
 * than memory are fine. Harness world: <stdint.h>/<stdbool.h> types only.
 *
 * @code
 *   bcsim_dump_t *d;
 *   int rc = bcsim_dump_open("crash.dmp", &d);
 *   if (rc != 0) {
 *       fprintf(stderr, "%s\n", bcsim_dump_error(d) ? bcsim_dump_error(d) : bcsim_strerror(rc));
 *       bcsim_dump_close(d);
 *       return 2;
 *   }
 *   const bcsim_dump_info_t *info = bcsim_dump_get_info(d);
 *   printf("bug check 0x%x\n", info->bugcheck_code);
 *
 *   uint8_t buf[64];
 *   uint64_t total, copied;
 *   bcsim_guid_t tag;
 *   bcsim_guid_parse("{12345678-1234-1234-1234-123456789abc}", &tag);
 *   if (bcsim_dump_read_tagged(d, &tag, 0, buf, sizeof(buf), &total, &copied) == 0)
 *       printf("%llu of %llu bytes\n", (unsigned long long)copied, (unsigned long long)total);
 *   bcsim_dump_close(d);
 * @endcode
 *
 * Functions return 0 or a negative BCSIM_E* code (include/bcsim.h).
 */
#ifndef BCSIM_DUMP_H
#define BCSIM_DUMP_H

#include <stdbool.h>
#include <stdint.h>

#include "bcsim.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An open dump. */
typedef struct bcsim_dump bcsim_dump_t;

/** Severity of a diagnostic. */
typedef enum bcsim_diag_severity {
    BCSIM_DIAG_NOTE = 0,     /**< informational (e.g. file longer than RequiredDumpSpace) */
    BCSIM_DIAG_WARNING = 1,  /**< another parser would reject or misread this; still readable */
    BCSIM_DIAG_ERROR = 2,    /**< the page data (or the whole file) cannot be used */
} bcsim_diag_severity_t;

/** One finding about the file. */
typedef struct bcsim_dump_diag {
    uint32_t severity;       /**< bcsim_diag_severity_t */
    uint64_t offset;         /**< file offset concerned, or UINT64_MAX */
    const char *message;     /**< one line, no trailing newline; owned by the dump */
} bcsim_dump_diag_t;

/** What the header and the layout say. Fields the file does not have are 0. */
typedef struct bcsim_dump_info {
    uint64_t file_size;
    uint32_t signature;              /**< header +0 ("PAGE" = 0x45474150) */
    uint32_t valid_dump;             /**< header +4 ("DU64" = 0x34365544) */
    bool is_64bit;                   /**< "PAGE" + "DU64" */
    bool is_32bit;                   /**< "PAGE" + "DUMP": recognised, unsupported */
    bool usable;                     /**< physical pages can be read */
    uint32_t dump_type;              /**< 1 full, 5 bitmap, ... */
    uint32_t major_version;          /**< 0xF */
    uint32_t minor_version;          /**< the build number */
    uint64_t directory_table_base;   /**< as stored (CR3) */
    uint64_t pfn_database;           /**< 0 when absent ('PAGE' filler) */
    uint64_t ps_loaded_module_list;
    uint64_t ps_active_process_head;
    uint64_t kd_debugger_data_block;
    uint32_t machine_image_type;     /**< 0x8664 */
    uint32_t number_processors;
    uint32_t bugcheck_code;
    uint64_t bugcheck_params[4];
    const char *bugcheck_name;       /**< "MANUALLY_INITIATED_CRASH", or NULL */
    uint64_t system_time;            /**< FILETIME: 100 ns units since 1601-01-01 UTC */
    uint64_t system_uptime;          /**< 100 ns units */
    char comment[129];               /**< NUL-terminated copy of the Comment field */
    uint64_t required_dump_space;    /**< RequiredDumpSpace (0 when absent) */
    bool truncated;                  /**< the file is shorter than its layout needs */
    uint32_t secondary_data_state;   /**< SecondaryDataState (NTSTATUS) */
    uint32_t product_type;
    uint32_t attributes;
    uint32_t boot_id;
    uint32_t context_mxcsr;          /**< CONTEXT.MxCsr (file 0x37C) */
    uint32_t fltsave_mxcsr;          /**< CONTEXT.FltSave.MxCsr (file 0x460) */
    uint64_t context_rip;
    uint64_t context_rsp;
    /* page data */
    uint32_t run_count;              /**< DumpType 1: runs in the descriptor */
    uint64_t number_of_pages;        /**< DumpType 1: NumberOfPages as stored */
    uint32_t bitmap_signature;       /**< DumpType 5/6: "SDMP" or "FDMP" */
    uint64_t bitmap_bits;            /**< DumpType 5/6: PFNs the bitmap covers */
    uint64_t first_page;             /**< DumpType 5/6: FirstPage */
    uint64_t total_present_pages;    /**< DumpType 5/6: as stored */
    uint64_t page_count;             /**< pages the layout describes (sum of runs, popcount) */
    uint64_t pages_in_file;          /**< of those, pages wholly inside the file */
    uint64_t data_offset;            /**< file offset of the first page's data */
    /* secondary data */
    uint64_t tagged_offset;          /**< T: first byte after the page data */
    bool has_tagged;                 /**< a valid blob file header is at T */
    uint32_t blob_build_number;      /**< its BuildNumber */
    uint32_t blob_count;
    /* virtual memory */
    bool virtual_ok;                 /**< the PML4 page at DirectoryTableBase is in the dump */
} bcsim_dump_info_t;

/** One secondary-data block, in file order (duplicates included). */
typedef struct bcsim_dump_blob {
    bcsim_guid_t guid;
    uint64_t header_offset;          /**< file offset of its DUMP_BLOB_HEADER */
    uint64_t data_offset;            /**< file offset of its data */
    uint32_t size;                   /**< DataSize */
    bool first_of_tag;               /**< the block a lookup by this GUID returns */
} bcsim_dump_blob_t;

/**
 * Opens a dump file. The file is read with pread on demand; it may be larger than memory.
 * @param path file to open
 * @param out  receives a handle in every case except BCSIM_ENOMEM / BCSIM_EINVAL (then
 *             NULL); always release it with bcsim_dump_close()
 * @return 0 if the header is a readable 64-bit dump (check info.usable for page data and
 *         the diagnostics for warnings); BCSIM_EFORMAT if the file is not a usable dump
 *         (bcsim_dump_error() says why); BCSIM_ENOENT / BCSIM_EIO if it cannot be read.
 */
int bcsim_dump_open(const char *path, bcsim_dump_t **out);

/**
 * Like bcsim_dump_open() over bytes in memory (tests, fuzzing). The buffer is not copied
 * and must stay valid and unchanged until bcsim_dump_close().
 */
int bcsim_dump_open_memory(const void *data, uint64_t size, bcsim_dump_t **out);

/** Releases a dump (NULL is fine). */
void bcsim_dump_close(bcsim_dump_t *d);

/** Header and layout facts. Never NULL for an open handle. */
const bcsim_dump_info_t *bcsim_dump_get_info(const bcsim_dump_t *d);

/** Number of diagnostics (at most 256 are kept; a final note counts the rest). */
uint32_t bcsim_dump_diag_count(const bcsim_dump_t *d);
/** Diagnostic @p index (0-based, file order of discovery), or NULL. */
const bcsim_dump_diag_t *bcsim_dump_diag_get(const bcsim_dump_t *d, uint32_t index);
/** Message of the first BCSIM_DIAG_ERROR diagnostic, or NULL if there is none. */
const char *bcsim_dump_error(const bcsim_dump_t *d);
/** "note", "warning" or "error". */
const char *bcsim_dump_severity_name(uint32_t severity);
/** "DUMP_TYPE_FULL", "DUMP_TYPE_BITMAP_FULL", ... or "DUMP_TYPE_UNKNOWN". */
const char *bcsim_dump_type_name(uint32_t dump_type);

/**
 * DumpType 1 run @p index as stored (0-based). @return 0, BCSIM_ENOTFOUND past the last
 * run or if the dump is not DumpType 1.
 */
int bcsim_dump_run_get(const bcsim_dump_t *d, uint32_t index, uint64_t *base_pfn,
                       uint64_t *page_count);

/**
 * File offset of the data of physical page @p pfn.
 * @return 0; BCSIM_ENOTFOUND if the page is not in the dump; BCSIM_ESTATE if the dump has
 *         no usable page data; BCSIM_EIO if the page lies past the end of a truncated file.
 */
int bcsim_dump_page_offset(bcsim_dump_t *d, uint64_t pfn, uint64_t *offset);

/**
 * Reads @p len bytes of physical memory at @p pa, across pages.
 * @param done receives the number of bytes copied before a failure (may be NULL)
 * @return 0; BCSIM_ENOTFOUND at the first page not in the dump; BCSIM_EIO past the end
 *         of a truncated file; BCSIM_ESTATE without usable page data; BCSIM_EINVAL if
 *         pa + len overflows.
 */
int bcsim_dump_read_physical(bcsim_dump_t *d, uint64_t pa, void *buf, uint64_t len,
                             uint64_t *done);

/**
 * Translates a virtual address with the dump's x64 4-level page tables
 * (DirectoryTableBase & ~0xFFF; 4 KiB, 2 MiB and 1 GiB pages).
 * @return 0; BCSIM_ENOTFOUND if not mapped (or a table page is missing); BCSIM_EINVAL for
 *         a non-canonical address; BCSIM_ESTATE if virtual reads are unavailable.
 */
int bcsim_dump_translate(bcsim_dump_t *d, uint64_t va, uint64_t *pa);

/** Reads virtual memory page by page through bcsim_dump_translate(); errors as above. */
int bcsim_dump_read_virtual(bcsim_dump_t *d, uint64_t va, void *buf, uint64_t len,
                            uint64_t *done);

/** Number of secondary-data blocks found by the walk (0 if none). */
uint32_t bcsim_dump_blob_count(const bcsim_dump_t *d);

/** Block @p index in file order. @return 0 or BCSIM_ENOTFOUND. */
int bcsim_dump_blob_get(const bcsim_dump_t *d, uint32_t index, bcsim_dump_blob_t *out);

/**
 * Reads bytes of block @p index from @p offset (enumeration access: also reaches blocks
 * hidden behind an earlier one with the same GUID).
 * @param copied receives min(len, size - offset)
 * @return 0; BCSIM_ENOTFOUND for a bad index; BCSIM_EINVAL if offset > size; BCSIM_EIO.
 */
int bcsim_dump_read_blob(bcsim_dump_t *d, uint32_t index, uint64_t offset, void *buf,
                         uint64_t len, uint64_t *copied);

/**
 * The debugger's ReadTagged: the first block with @p tag in file order. A @p buf_size
 * smaller than the rest of the block returns the requested bytes; a larger one returns
 * the bytes the block has. Later blocks with the same GUID are not reachable here.
 * @param offset     byte offset into the block
 * @param total_size receives the block's size (may be NULL)
 * @param copied     receives the bytes copied (may be NULL)
 * @return 0; BCSIM_ENOTFOUND if no block has the tag; BCSIM_EINVAL if offset > size;
 *         BCSIM_EIO if the file cannot be read.
 */
int bcsim_dump_read_tagged(bcsim_dump_t *d, const bcsim_guid_t *tag, uint64_t offset,
                           void *buf, uint64_t buf_size, uint64_t *total_size,
                           uint64_t *copied);

/** Index of the first block with @p tag. @return 0 or BCSIM_ENOTFOUND. */
int bcsim_dump_find_tag(const bcsim_dump_t *d, const bcsim_guid_t *tag, uint32_t *index);

/** Number of blocks carrying @p tag (duplicates make later ones unreachable by tag). */
uint32_t bcsim_dump_tag_count(const bcsim_dump_t *d, const bcsim_guid_t *tag);

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_DUMP_H */
