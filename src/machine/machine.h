/*
 * src/machine/machine.h — the simulated machine's services to the dispatcher: the loader's
 * lifetime (driver.c, elfcheck.c), the screen (screen.c), the DbgPrint log (dbglog.c) and the
 * devices' shutdowns. Kernel routines themselves are reached through src/bridge.h.
 */
#ifndef BCSIM_SRC_MACHINE_MACHINE_H
#define BCSIM_SRC_MACHINE_MACHINE_H

#include "internal.h"

/* The host image, the main thread's stack, the callback and driver stacks (driver.c). */
int bcsim__images_init(void);
void bcsim__images_fini(void);
/* Is the file a bcsim driver module (elfcheck.c)? Read from the ELF file, before any of its
 * code can run: 0, BCSIM_ENOENT, BCSIM_ENOTDRIVER or BCSIM_ENOENTRY with a one-line reason. */
int bcsim__elf_check_driver(const char *path, char *err, size_t errlen);

void bcsim__ports_shutdown(void);
void bcsim__pci_shutdown(void);        /* src/machine/pci.c: forgets the scripted PCI functions */
void bcsim__sync_shutdown(void);      /* src/machine/sync.c: forgets try-acquired locks */
void bcsim__mm_shutdown(void);        /* src/machine/mm.c: forgets the I/O-space mappings */

/* The screen text so far (a copy), or NULL (screen.c). */
const char *bcsim__screen_contents(void);

/* The debug-output log (dbglog.c): bcsim__dbgprint_emit() (bridge.h) appends every message
 * to bcsim__m.dbgprint and hands the lines a kernel debugger would show (component filter,
 * Learn "Reading and Filtering Debugging Messages") to cfg.dbgprint_sink. */
/* Forgets the component filter masks and the sink's pending partial line (machine reset). */
void bcsim__dbglog_reset(void);
/* Delivers a pending partial line to the sink (end of a bug check, machine shutdown). */
void bcsim__dbglog_flush(void);

#endif /* BCSIM_SRC_MACHINE_MACHINE_H */
