/*
 * bcsim_fuzz_main.c — a main() for fuzz targets built without libFuzzer (gcc builds, CI): runs
 * every file named on the command line, and every file under every directory named, through
 * LLVMFuzzerTestOneInput, once, in a stable order. Linked into every bcsim fuzz target when
 * BCSIM_BUILD_FUZZERS is off, so a corpus and saved crashes replay as ordinary tests.
 *
 *   target [options] file-or-dir...
 *     -expect_crash=1   every input must crash: each runs in a child process, and the run
 *                       succeeds only if every child died (signal, abort, sanitizer exit)
 *     -verbose=1        name each input
 *     -<anything>=...   libFuzzer flags are accepted and ignored, so one command line serves
 *                       both kinds of build
 * Exit status: 0, or 1 when an -expect_crash input did not crash, 2 on bad usage.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static int expect_crash, verbose;
static unsigned ran, crashed, survived;

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *b = malloc(cap);
    for (size_t k; b && (k = fread(b + n, 1, cap - n, f)) > 0;) {
        n += k;
        if (n == cap) {
            uint8_t *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static void run_one(const char *path)
{
    size_t len;
    uint8_t *data = slurp(path, &len);
    if (!data) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    if (verbose)
        fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    ran++;
    if (!expect_crash) {
        /* An exact-size copy, so a read past the input is caught as it would be by libFuzzer. */
        uint8_t *copy = malloc(len ? len : 1);
        memcpy(copy, data, len);
        LLVMFuzzerTestOneInput(copy, len);
        free(copy);
        free(data);
        return;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        LLVMFuzzerTestOneInput(data, len);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    if (WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) != 0)) {
        crashed++;
        fprintf(stderr, "replay: %s crashed as expected (%s %d)\n", path,
                WIFSIGNALED(st) ? "signal" : "exit status",
                WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    } else {
        survived++;
        fprintf(stderr, "replay: %s did NOT crash\n", path);
    }
    free(data);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: no such file or directory\n", path);
        exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        run_one(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char **nn = realloc(names, (n + 1) * sizeof(*names));
        if (!nn)
            break;
        names = nn;
        if (asprintf(&names[n], "%s/%s", path, e->d_name) < 0)
            break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n; i++) {
        run_path(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int paths = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            if (!strncmp(argv[i], "-expect_crash=", 14))
                expect_crash = atoi(argv[i] + 14);
            else if (!strncmp(argv[i], "-verbose=", 9))
                verbose = atoi(argv[i] + 9);
            continue;
        }
        paths++;
    }
    if (!paths) {
        fprintf(stderr, "usage: %s [-expect_crash=1] [-verbose=1] file-or-directory...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        if (argv[i][0] != '-')
            run_path(argv[i]);
    if (expect_crash) {
        fprintf(stderr, "replay: %u inputs, %u crashed, %u did not\n", ran, crashed, survived);
        return survived || !ran ? 1 : 0;
    }
    fprintf(stderr, "replay: %u inputs ran\n", ran);
    return 0;
}
