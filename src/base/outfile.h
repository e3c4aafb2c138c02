/*
 * src/base/outfile.h — bcsim's output files (src/base/outfile.c): the dump, the --json/--tap/--junit
 * reports, `bcsim dump --out`. The rule: bcsim never unlinks, truncates or renames over
 * anything it did not create in this run, and an output appears whole or not at all.
 *
 *   - A regular file (or no file yet) at the path: the bytes go to an unnamed file in the same
 *     directory (O_TMPFILE; where the file system has none, a hidden ".<name>.<random>.tmp" of
 *     bcsim's own), which _commit() links over the path once complete, with the permissions a
 *     new file gets from the umask. Until then the path is untouched; _discard() (or the
 *     process dying) leaves nothing behind (the hidden fallback file is removed by _discard()).
 *   - With BCSIM__OF_SPECIAL, a character device or a FIFO (also through a symbolic link, such
 *     as /dev/stdout) is written in place: opened without creating or truncating, never
 *     removed; a FIFO without a reader is an error, not a wait.
 *   - Anything else is refused with a one-line reason: a directory, a symbolic link to a
 *     regular file, a socket, a block device, a device or FIFO without BCSIM__OF_SPECIAL, an
 *     empty path, a path whose directory does not exist.
 *
 *   bcsim__outfile_t *o;
 *   char err[512];
 *   if (bcsim__outfile_open("report.json", BCSIM__OF_SPECIAL, &o, err, sizeof(err))) fail(err);
 *   write(bcsim__outfile_fd(o), ...);
 *   if (bcsim__outfile_commit(o, err, sizeof(err))) fail(err);   // also frees o
 */
#ifndef BCSIM_OUTFILE_H
#define BCSIM_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bcsim__outfile bcsim__outfile_t;

#define BCSIM__OF_SPECIAL 0x1u   /* character devices and FIFOs are written in place */
#define BCSIM__OF_FSYNC 0x2u     /* fsync the file (and its directory) on commit */

/* 0, or BCSIM_EINVAL (refused target) / BCSIM_EIO / BCSIM_ENOMEM with a reason in err. */
int bcsim__outfile_open(const char *path, uint32_t flags, bcsim__outfile_t **out, char *err,
                        size_t errlen);
int bcsim__outfile_fd(const bcsim__outfile_t *o);
/* true when the output is a device or FIFO written in place (no temporary file). */
bool bcsim__outfile_in_place(const bcsim__outfile_t *o);
/* The named temporary file, when the fallback is in use (for tests); NULL otherwise. */
const char *bcsim__outfile_temp_path(const bcsim__outfile_t *o);
/* Publishes the output (see above) and frees o. 0, or BCSIM_EIO / BCSIM_EINVAL (the target
 * became something bcsim does not replace) with a reason; on failure nothing is left. */
int bcsim__outfile_commit(bcsim__outfile_t *o, char *err, size_t errlen);
/* Drops the output: closes it, removes a named temporary file, frees o. NULL is fine. */
void bcsim__outfile_discard(bcsim__outfile_t *o);

/* The permissions a new file gets: 0666 & ~umask (read without changing the umask). */
uint32_t bcsim__new_file_mode(void);

#endif /* BCSIM_OUTFILE_H */
