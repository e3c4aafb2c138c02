/*
 * tests/test_dump_file.c — src/dump/dump_file.c: the dump file is created privately beside the
 * target and renamed into place only when complete; every failure (file size limit,
 * unwritable or missing directory, directory or symlink at the target) gives a precise
 * message and leaves nothing behind.
 */
#include "bcsim_test.h"
#include "dump/dump_file.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct tdir {
    char dir[64];
    char path[128];
} tdir_t;

static void tdir_make(tdir_t *t)
{
    strcpy(t->dir, "/tmp/bcsim-df-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof(t->path), "%s/crash.dmp", t->dir);
}

/* Number of entries in the directory other than . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void rm_rf(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    assert_int_equal(system(cmd), 0);
}

static uint8_t page_a[0x1000], page_zero[0x2000];

static void complete_file_is_renamed_into_place(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    memset(page_a, 0xA5, sizeof(page_a));
    bcsim__dump_file_t *f;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, BCSIM__DF_FSYNC, &f, err, sizeof(err)), 0);
    /* the file being written has no name (O_TMPFILE): nothing in the directory yet */
    struct stat st;
    assert_null(bcsim__dump_file_temp_path(f));
    assert_int_equal(entries(t.dir), 0);
    assert_int_not_equal(access(t.path, F_OK), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_zero, 0x1000), 0);  /* sparse hole */
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x800), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_zero, 0x800), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_zero, 0x2000), 0);  /* trailing hole */
    assert_int_equal(bcsim__dump_file_size(f), 0x5000);
    assert_int_equal(bcsim__dump_file_commit(f, 0x5000), 0);
    bcsim__dump_file_close(f);
    assert_int_equal(stat(t.path, &st), 0);
    assert_int_equal(st.st_size, 0x5000);
    FILE *fp = fopen(t.path, "rb");
    uint8_t buf[0x5000];
    assert_int_equal(fread(buf, 1, sizeof(buf), fp), 0x5000);
    fclose(fp);
    assert_memory_equal(buf, page_a, 0x1000);
    assert_memory_equal(buf + 0x1000, page_zero, 0x1000);
    assert_memory_equal(buf + 0x2000, page_a, 0x800);
    for (size_t i = 0x2800; i < 0x5000; i++)
        assert_int_equal(buf[i], 0);
    assert_int_equal(entries(t.dir), 1);
    /* an existing regular file is replaced */
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), 0);
    assert_int_equal(bcsim__dump_file_commit(f, 0x1000), 0);
    bcsim__dump_file_close(f);
    assert_int_equal(stat(t.path, &st), 0);
    assert_int_equal(st.st_size, 0x1000);
    assert_int_equal(entries(t.dir), 1);
    rm_rf(t.dir);
}

/* write_later keeps pieces (merging memory that continues the last one) and writes them
 * with the next write, flush or commit: the file is byte for byte what write() makes. */
static void kept_writes_land_in_order_with_holes(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    static uint8_t mem[8][0x1000];
    for (int i = 0; i < 8; i++)
        memset(mem[i], i == 3 ? 0 : 0x10 + i, 0x1000);   /* page 3 is zero: a hole */
    bcsim__dump_file_t *f;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), 0);
    assert_int_equal(bcsim__dump_file_write_later(f, mem[0], 0x2000), 0);
    assert_int_equal(bcsim__dump_file_write_later(f, mem[2], 0x2000), 0);   /* continues mem[0..1] */
    assert_int_equal(bcsim__dump_file_write_later(f, mem[6], 0x1000), 0);   /* elsewhere in memory */
    assert_int_equal(bcsim__dump_file_write(f, mem[4], 0x1000), 0);         /* writes the kept first */
    assert_int_equal(bcsim__dump_file_write_later(f, mem[5], 0x3000), 0);   /* kept until commit */
    assert_int_equal(bcsim__dump_file_size(f), 0x9000);
    assert_int_equal(bcsim__dump_file_commit(f, 0x9000), 0);
    bcsim__dump_file_close(f);
    static uint8_t buf[0x9000], want[0x9000];
    const int order[9] = { 0, 1, 2, 3, 6, 4, 5, 6, 7 };
    for (int i = 0; i < 9; i++)
        memcpy(want + i * 0x1000, mem[order[i]], 0x1000);
    FILE *fp = fopen(t.path, "rb");
    assert_non_null(fp);
    assert_int_equal(fread(buf, 1, sizeof(buf), fp), sizeof(buf));
    fclose(fp);
    assert_memory_equal(buf, want, sizeof(want));
    rm_rf(t.dir);
}

static void close_without_commit_leaves_nothing(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    bcsim__dump_file_t *f;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), 0);
    bcsim__dump_file_abort(f);
    assert_int_equal(entries(t.dir), 0);
    rm_rf(t.dir);
}

static void incomplete_commit_is_refused_and_removed(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    bcsim__dump_file_t *f;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), 0);
    assert_int_equal(bcsim__dump_file_commit(f, 0x2000), BCSIM_EIO);
    assert_non_null(strstr(bcsim__dump_file_error(f), "incomplete: 0x1000 of 0x2000"));
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), BCSIM_EIO);
    bcsim__dump_file_close(f);
    assert_int_equal(entries(t.dir), 0);
    rm_rf(t.dir);
}

/* The nested-bug-check halt keeps what was written: a real truncated dump. */
static void partial_commit_keeps_what_was_written(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    bcsim__dump_file_t *f;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_zero, 0x1000), 0);
    assert_int_equal(bcsim__dump_file_commit_partial(f), 0);
    bcsim__dump_file_close(f);
    struct stat st;
    assert_int_equal(stat(t.path, &st), 0);
    assert_int_equal(st.st_size, 0x2000);
    assert_int_equal(entries(t.dir), 1);
    rm_rf(t.dir);
}

static void symlink_at_target_is_refused(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    char victim[160];
    snprintf(victim, sizeof(victim), "%s/victim", t.dir);
    FILE *v = fopen(victim, "w");
    fputs("keep", v);
    fclose(v);
    assert_int_equal(symlink(victim, t.path), 0);
    bcsim__dump_file_t *f = NULL;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_null(f);
    assert_non_null(strstr(err, "it is a symbolic link"));
    assert_int_equal(entries(t.dir), 2);           /* victim + link, nothing else */
    /* a dangling link too */
    unlink(victim);
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_non_null(strstr(err, "symbolic link"));
    assert_int_equal(entries(t.dir), 1);
    rm_rf(t.dir);
}

/* The target turns into a symlink between open and commit: refused, temp removed. */
static void symlink_planted_before_commit_is_refused(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    bcsim__dump_file_t *f;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), 0);
    assert_int_equal(bcsim__dump_file_write(f, page_a, 0x1000), 0);
    assert_int_equal(symlink("/etc/passwd", t.path), 0);
    assert_int_equal(bcsim__dump_file_commit(f, 0x1000), BCSIM_EINVAL);
    assert_non_null(strstr(bcsim__dump_file_error(f), "symbolic link"));
    bcsim__dump_file_close(f);
    assert_int_equal(entries(t.dir), 1);           /* only the planted link */
    rm_rf(t.dir);
}

static void directory_at_target_is_refused(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    assert_int_equal(mkdir(t.path, 0700), 0);
    bcsim__dump_file_t *f = NULL;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_non_null(strstr(err, "it is a directory"));
    assert_int_equal(entries(t.dir), 1);
    char slash[160];
    snprintf(slash, sizeof(slash), "%s/", t.dir);
    assert_int_equal(bcsim__dump_file_open(slash, 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_non_null(strstr(err, "names a directory"));
    rm_rf(t.dir);
}

static void parent_that_is_a_file_or_missing_is_refused(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    char file[160], path[200];
    snprintf(file, sizeof(file), "%s/plain", t.dir);
    FILE *v = fopen(file, "w");
    fclose(v);
    snprintf(path, sizeof(path), "%s/crash.dmp", file);
    bcsim__dump_file_t *f = NULL;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(path, 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_non_null(strstr(err, "not a directory"));
    snprintf(path, sizeof(path), "%s/missing/crash.dmp", t.dir);
    assert_int_equal(bcsim__dump_file_open(path, 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_non_null(strstr(err, "No such file or directory"));
    assert_int_equal(bcsim__dump_file_open("", 0, &f, err, sizeof(err)), BCSIM_EINVAL);
    assert_int_equal(entries(t.dir), 1);
    rm_rf(t.dir);
}

static void unwritable_directory_is_reported(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root writes anywhere: permissions do not apply */
    tdir_t t;
    tdir_make(&t);
    assert_int_equal(chmod(t.dir, 0500), 0);
    bcsim__dump_file_t *f = NULL;
    char err[256];
    assert_int_equal(bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)), BCSIM_EIO);
    assert_non_null(strstr(err, "Permission denied"));
    assert_int_equal(entries(t.dir), 0);
    rm_rf(t.dir);
}

/* RLIMIT_FSIZE in a child: EFBIG (not SIGXFSZ), a clear message, no file left, and the
 * process's own SIGXFSZ disposition back in place once the file is closed. */
static void file_size_limit_fails_cleanly(void **state)
{
    (void)state;
    tdir_t t;
    tdir_make(&t);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit rl = { 0x3000, 0x3000 };
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(10);
        bcsim__dump_file_t *f;
        char err[256];
        if (bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)) != 0)
            _exit(11);
        int rc = 0;
        for (int i = 0; i < 8 && !rc; i++)
            rc = bcsim__dump_file_write(f, page_a, 0x1000);
        if (rc != BCSIM_EIO)
            _exit(12);
        if (!strstr(bcsim__dump_file_error(f), "file too large"))
            _exit(13);
        if (bcsim__dump_file_commit(f, 0x8000) == 0)
            _exit(14);
        bcsim__dump_file_close(f);
        /* the limit also stops a sparse tail that ftruncate would create */
        if (bcsim__dump_file_open(t.path, 0, &f, err, sizeof(err)) != 0)
            _exit(15);
        for (int i = 0; i < 8; i++)
            if (bcsim__dump_file_write(f, page_zero, 0x1000))
                _exit(16);
        if (bcsim__dump_file_commit(f, 0x8000) != BCSIM_EIO ||
            !strstr(bcsim__dump_file_error(f), "file too large"))
            _exit(17);
        bcsim__dump_file_close(f);
        struct sigaction now;
        if (sigaction(SIGXFSZ, NULL, &now) != 0 || now.sa_handler != SIG_DFL)
            _exit(18);
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status))
        fail_msg("child killed by signal %d", WTERMSIG(status));
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(entries(t.dir), 0);
    rm_rf(t.dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(complete_file_is_renamed_into_place),
        cmocka_unit_test(kept_writes_land_in_order_with_holes),
        cmocka_unit_test(close_without_commit_leaves_nothing),
        cmocka_unit_test(incomplete_commit_is_refused_and_removed),
        cmocka_unit_test(partial_commit_keeps_what_was_written),
        cmocka_unit_test(symlink_at_target_is_refused),
        cmocka_unit_test(symlink_planted_before_commit_is_refused),
        cmocka_unit_test(directory_at_target_is_refused),
        cmocka_unit_test(parent_that_is_a_file_or_missing_is_refused),
        cmocka_unit_test(unwritable_directory_is_reported),
        cmocka_unit_test(file_size_limit_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
