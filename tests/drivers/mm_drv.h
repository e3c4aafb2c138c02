/* tests/drivers/mm_drv.h — the harness-side view of tests/drivers/mm_drv.c. */
#ifndef MM_DRV_H
#define MM_DRV_H
#include <stddef.h>
void *mm_global(void);
void *mm_paged(size_t bytes);
void *mm_nonpaged(size_t bytes);
void mm_free(void *p);
int mm_valid(const void *p);
unsigned long long mm_pa(const void *p);
void *mm_va(unsigned long long pa);
void *mm_contig(size_t bytes, unsigned long long highest);
void *mm_contig_ex(size_t bytes, unsigned long long lowest, unsigned long long highest,
                   unsigned long long boundary);
void mm_contig_free(void *p);
void *mm_io_map(unsigned long long pa, size_t bytes);
void mm_io_unmap(void *va, size_t bytes);
/* MmAllocatePagesForMdlEx + MmGetSystemAddressForMdlSafe; fills each page with 'A' + index. */
void *mm_pages_mdl(size_t bytes, unsigned long long *pfns, int max_pfns, void **mapped);
void mm_pages_mdl_free(void *mdl, void *mapped);
/* IoAllocateMdl + MmBuildMdlForNonPagedPool: PFNs, flags, the system address. */
int mm_mdl_build(void *buf, unsigned len, unsigned long long *pfns, int max_pfns, unsigned *flags,
                 void **sysva);
/* IoAllocateMdl + MmProbeAndLockPages(IoWriteAccess) inside __try: the exception code (0 if none). */
int mm_probe(void *buf, unsigned len, unsigned *flags_locked, unsigned *flags_unlocked);
void mm_probe_at_dispatch(void *buf, unsigned len);
void *mm_pages_mdl_at_high(void);
void *mm_io_map_at_high(unsigned long long pa, size_t bytes);
int mm_valid_at_high(const void *p);
/* Callbacks. */
enum { MM_CB_VALIDITY = 1, MM_CB_REGISTERS, MM_CB_ADD_PAGES, MM_CB_TRIAGE_VALIDITY };
typedef struct mm_seen {
    int valid[4];
    unsigned reg_read[4];
    int calls;
} mm_seen_t;
/* validity: checks a[0..3]; registers: on the mapping `a[0]`; add pages: physical range a[0], a[1] pages. */
unsigned char mm_register(int mode, const void *a0, const void *a1, const void *a2, const void *a3);
const mm_seen_t *mm_seen(void);
#endif
