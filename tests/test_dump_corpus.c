/*
 * tests/test_dump_corpus.c — replays every seed of fuzz/corpus/fuzz_dump_reader through
 * the fuzz target (fuzz/fuzz_dump_reader.c) without libFuzzer, and checks that the reader
 * says what each seed's name promises: valid- (no warning), note- (notes only), warn-
 * (usable, with a warning), err- (rejected). Seeds come from tests/gen_dump_corpus.c.
 */
#include "bcsim_test.h"
#include "bcsim/dump.h"

#include <dirent.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

static bool has(const bcsim_dump_t *d, uint32_t sev)
{
    for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++)
        if (bcsim_dump_diag_get(d, i)->severity == sev)
            return true;
    return false;
}

static void every_seed_replays_and_reads_as_named(void **state)
{
    (void)state;
    DIR *dir = opendir(BCSIM_DUMP_CORPUS_DIR);
    assert_non_null(dir);
    unsigned seeds = 0, valid = 0, err = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", BCSIM_DUMP_CORPUS_DIR, e->d_name);
        size_t len;
        uint8_t *b = slurp(path, &len);
        assert_int_equal(LLVMFuzzerTestOneInput(b, len), 0);
        bcsim_dump_t *d;
        int rc = bcsim_dump_open_memory(b, len, &d);
        bool ok;
        const char *n = e->d_name;
        if (!strncmp(n, "valid-", 6))
            ok = rc == 0 && !has(d, BCSIM_DIAG_WARNING) && !has(d, BCSIM_DIAG_ERROR), valid++;
        else if (!strncmp(n, "note-", 5))
            ok = rc == 0 && has(d, BCSIM_DIAG_NOTE) && !has(d, BCSIM_DIAG_WARNING);
        else if (!strncmp(n, "warn-", 5))
            ok = rc == 0 && has(d, BCSIM_DIAG_WARNING) && !has(d, BCSIM_DIAG_ERROR);
        else if (!strncmp(n, "err-", 4))
            ok = rc == BCSIM_EFORMAT && has(d, BCSIM_DIAG_ERROR), err++;
        else
            ok = true; /* seeds a fuzzer added: replay only */
        if (!ok) {
            printf("  %s: rc %d\n", n, rc);
            for (uint32_t i = 0; i < bcsim_dump_diag_count(d); i++)
                printf("    %s: %s\n", bcsim_dump_severity_name(bcsim_dump_diag_get(d, i)->severity),
                       bcsim_dump_diag_get(d, i)->message);
        }
        assert_true(ok);
        bcsim_dump_close(d);
        free(b);
        seeds++;
    }
    closedir(dir);
    printf("  %u seeds (%u valid, %u rejected)\n", seeds, valid, err);
    assert_true(valid >= 4);
    assert_true(err >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_seed_replays_and_reads_as_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
