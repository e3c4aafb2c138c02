/*
 * src/dump/dump_file.h — the dump file on disk: written to an output file of src/base/outfile.h (an
 * unnamed file in the target's directory, linked over the target only when complete or, on
 * request, when deliberately kept partial), or into a descriptor a supervising process
 * created and publishes itself. A failure never leaves a file behind.
 *
 *   bcsim__dump_file_t *f;
 *   char err[256];
 *   if (bcsim__dump_file_open(path, 0, &f, err, sizeof(err)) != 0) report(err);
 *   ... bcsim__dump_file_write(f, buf, len) per chunk (the writer's sink) ...
 *   rc = bcsim__dump_file_commit(f, expected_size);      // or _commit_partial(f)
 *   if (rc) report(bcsim__dump_file_error(f));
 *   bcsim__dump_file_close(f);                           // deletes the temp if not committed
 */
#ifndef BCSIM_DUMP_FILE_H
#define BCSIM_DUMP_FILE_H

#include <stddef.h>
#include <stdint.h>

typedef struct bcsim__dump_file bcsim__dump_file_t;

#define BCSIM__DF_FSYNC 0x1u    /* fsync the file before the rename */

/* Opens the output for `path` (bcsim__outfile_open() without BCSIM__OF_SPECIAL: only a
 * regular file or nothing is replaced; symbolic links, devices, FIFOs, directories and a
 * parent that is not a directory are refused). 0, or BCSIM_EINVAL/BCSIM_EIO/BCSIM_ENOMEM
 * with a one-line message in err. */
int bcsim__dump_file_open(const char *path, uint32_t flags, bcsim__dump_file_t **out,
                          char *err, size_t errlen);

/* Writes into `fd` (truncated to 0 first); commit sets its size and publishes nothing, a
 * failure leaves it to its owner; `path` only names it in messages. The descriptor is not
 * closed. */
int bcsim__dump_file_attach(int fd, const char *path, bcsim__dump_file_t **out, char *err,
                            size_t errlen);

/* Appends len bytes at the current end. Whole zero pages at page-aligned offsets are
 * skipped (the file is sparse; the final size is set on commit). On failure the temporary
 * file is removed and every later call fails with the same message. */
int bcsim__dump_file_write(bcsim__dump_file_t *f, const void *buf, size_t len);

/* The same, but the bytes may be written later, together with the next ones (one pwritev of
 * up to a few MiB instead of one pwrite per chunk): buf must stay valid and unchanged until
 * the next bcsim__dump_file_flush(), _write(), _commit*() or _close(). An error may be
 * reported by any of those. */
int bcsim__dump_file_write_later(bcsim__dump_file_t *f, const void *buf, size_t len);

/* Writes what bcsim__dump_file_write_later() kept. 0, or BCSIM_EIO (as a failed write). */
int bcsim__dump_file_flush(bcsim__dump_file_t *f);

/* Completes the file: checks that exactly `expected_size` bytes were written, sets the
 * size, optionally fsyncs, refuses a target that became something else than a regular file,
 * and links the file over the target. On any failure nothing is left. */
int bcsim__dump_file_commit(bcsim__dump_file_t *f, uint64_t expected_size);

/* Renames what was written so far into place (a truncated dump: the nested-bug-check halt
 * keeps what it has). Fails, removing the temporary file, if a write already failed. */
int bcsim__dump_file_commit_partial(bcsim__dump_file_t *f);

/* Removes the temporary file (unless committed) and frees the handle. NULL is fine. */
void bcsim__dump_file_close(bcsim__dump_file_t *f);
#define bcsim__dump_file_abort bcsim__dump_file_close

/* Bytes written so far (the logical size). */
uint64_t bcsim__dump_file_size(const bcsim__dump_file_t *f);
/* The message of the last failure, "" if none. */
const char *bcsim__dump_file_error(const bcsim__dump_file_t *f);
/* The named temporary file's path (for tests), NULL when the file is unnamed (O_TMPFILE). */
const char *bcsim__dump_file_temp_path(const bcsim__dump_file_t *f);

#endif /* BCSIM_DUMP_FILE_H */
