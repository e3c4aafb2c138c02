/*
 * src/base/outfile.c — bcsim's output files: whole or not at all, and never at the expense of a
 * file bcsim did not create (see outfile.h for the rules).
 *
 * Why O_TMPFILE first: an unnamed file disappears with the last descriptor, so a run killed
 * by SIGKILL (or a boot child killed mid-dump) leaves nothing behind; a named temporary file
 * needs its creator alive to remove it. Why link-then-rename for an existing target: linkat()
 * cannot replace, rename() can, and rename() is what makes the replacement atomic.
 */
#include "base/outfile.h"

#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

struct bcsim__outfile {
    int fd;
    uint32_t flags;
    char *path;          /* the target */
    char *dir;           /* its directory */
    char *tmp;           /* the named temporary file (fallback), or NULL */
    bool in_place;       /* a device or FIFO written where it is */
};

static int set_err(char *buf, size_t len, int rc, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int set_err(char *buf, size_t len, int rc, const char *fmt, ...)
{
    if (buf && len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(buf, len, fmt, ap);
        va_end(ap);
    }
    return rc;
}

uint32_t bcsim__new_file_mode(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    if (f) {
        char line[128];
        unsigned mask = 0;
        bool found = false;
        while (!found && fgets(line, sizeof(line), f))
            found = sscanf(line, "Umask: %o", &mask) == 1;
        fclose(f);
        if (found)
            return 0666u & ~mask;
    }
    mode_t m = umask(022);
    umask(m);
    return 0666u & ~(uint32_t)m;
}

static void free_outfile(bcsim__outfile_t *o)
{
    free(o->path);
    free(o->dir);
    free(o->tmp);
    free(o);
}

static const char *what_is(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device"
         : S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : S_ISLNK(m) ? "a symbolic link"
                                                                         : "not a regular file";
}

/* A device or FIFO, written where it is: never created, truncated or removed. */
static int open_in_place(bcsim__outfile_t *o, mode_t type, char *err, size_t errlen)
{
    int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY;
    if (S_ISFIFO(type))
        flags |= O_NONBLOCK;
    int fd = open(o->path, flags);
    if (fd < 0)
        return set_err(err, errlen, BCSIM_EIO, "cannot write '%s': %s", o->path,
                       errno == ENXIO && S_ISFIFO(type) ? "it is a FIFO and nothing reads it"
                                                        : strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))) {
        close(fd);
        return set_err(err, errlen, BCSIM_EINVAL, "refusing to write '%s': it changed while bcsim opened it",
                       o->path);
    }
    if (S_ISFIFO(st.st_mode))
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    o->fd = fd;
    o->in_place = true;
    return 0;
}

static int open_temp(bcsim__outfile_t *o, char *err, size_t errlen)
{
    mode_t mode = (mode_t)bcsim__new_file_mode();
    o->fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
    if (o->fd >= 0)
        return 0;
    int e = errno;
    if (e != EOPNOTSUPP && e != EISDIR && e != EINVAL && e != ENOENT)
        return set_err(err, errlen, e == ENOMEM ? BCSIM_ENOMEM : BCSIM_EIO, "cannot create '%s' in '%s': %s",
                       o->path, o->dir, e == EROFS ? "read-only file system" : strerror(e));
    /* No O_TMPFILE here: a hidden file of our own, removed if the output is dropped. */
    const char *slash = strrchr(o->path, '/');
    const char *base = slash ? slash + 1 : o->path;
    size_t n = strlen(o->dir) + strlen(base) + 32;
    o->tmp = malloc(n);
    if (!o->tmp)
        return set_err(err, errlen, BCSIM_ENOMEM, "out of memory");
    for (int attempt = 0; attempt < 100; attempt++) {
        uint32_t rnd = 0;
        if (getrandom(&rnd, sizeof(rnd), GRND_NONBLOCK) != (ssize_t)sizeof(rnd))
            rnd = (uint32_t)getpid() * 2654435761u + (uint32_t)attempt * 40503u;
        snprintf(o->tmp, n, "%s/.%s.%08x.tmp", o->dir, base, rnd);
        o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (o->fd >= 0)
            return 0;
        e = errno;
        if (e != EEXIST)
            break;
    }
    free(o->tmp);
    o->tmp = NULL;
    return set_err(err, errlen, e == ENOMEM ? BCSIM_ENOMEM : BCSIM_EIO, "cannot create '%s' in '%s': %s",
                   o->path, o->dir, e == EROFS ? "read-only file system" : strerror(e));
}

int bcsim__outfile_open(const char *path, uint32_t flags, bcsim__outfile_t **out, char *err,
                        size_t errlen)
{
    *out = NULL;
    if (!path || !*path)
        return set_err(err, errlen, BCSIM_EINVAL, "an empty file name");
    size_t len = strlen(path);
    if (path[len - 1] == '/')
        return set_err(err, errlen, BCSIM_EINVAL, "cannot write '%s': it names a directory", path);
    bcsim__outfile_t *o = calloc(1, sizeof(*o));
    if (!o || !(o->path = strdup(path))) {
        free(o);
        return set_err(err, errlen, BCSIM_ENOMEM, "out of memory");
    }
    o->fd = -1;
    o->flags = flags;
    const char *slash = strrchr(path, '/');
    o->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!o->dir) {
        free_outfile(o);
        return set_err(err, errlen, BCSIM_ENOMEM, "out of memory");
    }
    struct stat st;
    int rc = 0;
    if (lstat(path, &st) == 0) {
        struct stat target;
        if (S_ISREG(st.st_mode)) {
            rc = open_temp(o, err, errlen);
        } else if ((flags & BCSIM__OF_SPECIAL) && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
            rc = open_in_place(o, st.st_mode, err, errlen);
        } else if ((flags & BCSIM__OF_SPECIAL) && S_ISLNK(st.st_mode) && stat(path, &target) == 0 &&
                   (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode))) {
            rc = open_in_place(o, target.st_mode, err, errlen);
        } else if (S_ISLNK(st.st_mode)) {
            rc = set_err(err, errlen, BCSIM_EINVAL, "refusing to write '%s': it is a symbolic link", path);
        } else if (S_ISDIR(st.st_mode)) {
            rc = set_err(err, errlen, BCSIM_EINVAL, "cannot write '%s': it is a directory", path);
        } else {
            rc = set_err(err, errlen, BCSIM_EINVAL, "refusing to write '%s': it exists and is %s, not a "
                         "regular file", path, what_is(st.st_mode));
        }
    } else if (errno == ENOENT) {
        struct stat dst;
        if (stat(o->dir, &dst) != 0)
            rc = set_err(err, errlen, BCSIM_EINVAL, "cannot write '%s': directory '%s': %s", path, o->dir,
                         errno == ENOTDIR ? "a path component is not a directory" : strerror(errno));
        else if (!S_ISDIR(dst.st_mode))
            rc = set_err(err, errlen, BCSIM_EINVAL, "cannot write '%s': '%s' is not a directory", path, o->dir);
        else
            rc = open_temp(o, err, errlen);
    } else if (errno == ENOTDIR) {
        rc = set_err(err, errlen, BCSIM_EINVAL, "cannot write '%s': a parent path component is not a directory",
                     path);
    } else {
        rc = set_err(err, errlen, BCSIM_EIO, "cannot write '%s': %s", path, strerror(errno));
    }
    if (rc) {
        bcsim__outfile_discard(o);
        return rc;
    }
    *out = o;
    return 0;
}

int bcsim__outfile_fd(const bcsim__outfile_t *o)
{
    return o->fd;
}

bool bcsim__outfile_in_place(const bcsim__outfile_t *o)
{
    return o->in_place;
}

const char *bcsim__outfile_temp_path(const bcsim__outfile_t *o)
{
    return o->tmp;
}

static void sync_dir(const char *dir)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
}

/* Links the unnamed file at `name` (which must not exist). */
static int link_unnamed(int fd, const char *name)
{
    char proc[64];
    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
        return 0;
    if (errno == EEXIST)
        return -1;
    return linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH);
}

static int publish(bcsim__outfile_t *o, char *err, size_t errlen)
{
    /* The target as it is now: only a regular file (or nothing) is replaced. */
    struct stat st;
    bool exists = lstat(o->path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return set_err(err, errlen, BCSIM_EINVAL, "refusing to replace '%s': it became %s while bcsim wrote",
                       o->path, what_is(st.st_mode));
    if (o->tmp) {
        if (fchmod(o->fd, (mode_t)bcsim__new_file_mode()) != 0 || rename(o->tmp, o->path) != 0)
            return set_err(err, errlen, BCSIM_EIO, "cannot put '%s' in place: %s", o->path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return 0;
    }
    if (!exists && link_unnamed(o->fd, o->path) == 0)
        return 0;
    if (!exists && errno != EEXIST)
        return set_err(err, errlen, BCSIM_EIO, "cannot put '%s' in place: %s", o->path, strerror(errno));
    /* Replace: link under a hidden name of our own, then rename it over the target. */
    const char *slash = strrchr(o->path, '/');
    const char *base = slash ? slash + 1 : o->path;
    size_t n = strlen(o->dir) + strlen(base) + 32;
    char *tmp = malloc(n);
    if (!tmp)
        return set_err(err, errlen, BCSIM_ENOMEM, "out of memory");
    int e = EEXIST;
    for (int attempt = 0; attempt < 100 && e == EEXIST; attempt++) {
        uint32_t rnd = 0;
        if (getrandom(&rnd, sizeof(rnd), GRND_NONBLOCK) != (ssize_t)sizeof(rnd))
            rnd = (uint32_t)getpid() * 2654435761u + (uint32_t)attempt * 40503u;
        snprintf(tmp, n, "%s/.%s.%08x.tmp", o->dir, base, rnd);
        e = link_unnamed(o->fd, tmp) == 0 ? 0 : errno;
    }
    if (e) {
        free(tmp);
        return set_err(err, errlen, BCSIM_EIO, "cannot put '%s' in place: %s", o->path, strerror(e));
    }
    if (lstat(o->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        unlink(tmp);
        free(tmp);
        return set_err(err, errlen, BCSIM_EINVAL, "refusing to replace '%s': it became %s while bcsim wrote",
                       o->path, what_is(st.st_mode));
    }
    if (rename(tmp, o->path) != 0) {
        e = errno;
        unlink(tmp);
        free(tmp);
        return set_err(err, errlen, BCSIM_EIO, "cannot put '%s' in place: %s", o->path, strerror(e));
    }
    free(tmp);
    return 0;
}

int bcsim__outfile_commit(bcsim__outfile_t *o, char *err, size_t errlen)
{
    int rc = 0;
    if (o->in_place) {
        if (close(o->fd) != 0 && errno != EINTR)
            rc = set_err(err, errlen, BCSIM_EIO, "cannot write '%s': %s", o->path, strerror(errno));
        o->fd = -1;
        free_outfile(o);
        return rc;
    }
    if ((o->flags & BCSIM__OF_FSYNC) && fsync(o->fd) != 0)
        rc = set_err(err, errlen, BCSIM_EIO, "cannot sync '%s': %s", o->path, strerror(errno));
    if (!rc)
        rc = publish(o, err, errlen);
    if (!rc && (o->flags & BCSIM__OF_FSYNC))
        sync_dir(o->dir);
    bcsim__outfile_discard(o);
    return rc;
}

void bcsim__outfile_discard(bcsim__outfile_t *o)
{
    if (!o)
        return;
    if (o->fd >= 0)
        close(o->fd);
    if (o->tmp)
        unlink(o->tmp);
    free_outfile(o);
}
