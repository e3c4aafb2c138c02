/*
 * tests/test_supervise.c — sim/supervise.c: cells run in parallel with their own channels (the
 * frames of each arrive tagged with its cell id), a cell past its deadline is killed, a cell that
 * stops itself is killed at once, a cell's orphans (even after setsid) are ended, and signals a
 * cell sends to the supervisor are recorded against it instead of obeyed.
 */
#include "bcsim_test.h"

#include "supervise.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int say_and_sleep(cell_t *cell, chan_t *chan)
{
    char line[32];
    snprintf(line, sizeof(line), "cell %u", cell->id);
    chan_send_text(chan, CHAN_NOTE, line);
    usleep(300 * 1000);
    return 0;
}

static int spin(cell_t *cell, chan_t *chan)
{
    (void)cell;
    chan_send_text(chan, CHAN_NOTE, "spinning");
    for (volatile int i = 0;; i++)
        ;
    return 0;
}

static int stop_self(cell_t *cell, chan_t *chan)
{
    (void)cell;
    (void)chan;
    raise(SIGSTOP);
    return 0;
}

static int orphan_and_signal(cell_t *cell, chan_t *chan)
{
    (void)cell;
    (void)chan;
    if (fork() == 0) {   /* an orphan in its own session: must not outlive the cell */
        setsid();
        for (;;)
            pause();
    }
    kill(getppid(), SIGTERM);   /* to the supervisor: recorded, not obeyed */
    usleep(100 * 1000);
    return 3;
}

static void cells_run_in_parallel_with_their_own_frames(void **state)
{
    (void)state;
    cell_t cells[4];
    memset(cells, 0, sizeof(cells));
    for (uint32_t i = 0; i < 4; i++)
        cells[i] = (cell_t){ .id = 10 + i, .what = "cell", .deadline_ms = 5000, .fn = say_and_sleep, .keep_fd = -1 };
    double t0 = now();
    assert_int_equal(sup_run(cells, 4, 4, NULL, NULL), 0);
    double took = now() - t0;
    assert_true(took < 1.0);    /* 4 x 300 ms, side by side */
    for (uint32_t i = 0; i < 4; i++) {
        assert_true(cells[i].ended);
        assert_true(WIFEXITED(cells[i].wstatus) && WEXITSTATUS(cells[i].wstatus) == 0);
        assert_int_equal(cells[i].frames.n, 1);
        assert_int_equal(cells[i].frames.v[0].cell, 10 + i);
        char want[32];
        snprintf(want, sizeof(want), "cell %u", 10 + i);
        assert_string_equal(cells[i].frames.v[0].payload, want);
        sup_cell_free(&cells[i]);
    }
}

static void deadline_stop_orphans_and_signals(void **state)
{
    (void)state;
    cell_t cells[3];
    memset(cells, 0, sizeof(cells));
    cells[0] = (cell_t){ .id = 1, .what = "spin", .deadline_ms = 300, .fn = spin, .keep_fd = -1 };
    cells[1] = (cell_t){ .id = 2, .what = "stop", .deadline_ms = 10000, .fn = stop_self, .keep_fd = -1 };
    cells[2] = (cell_t){ .id = 3, .what = "orphan", .deadline_ms = 10000, .fn = orphan_and_signal, .keep_fd = -1 };
    double t0 = now();
    assert_int_equal(sup_run(cells, 3, 3, NULL, NULL), 0);
    assert_true(now() - t0 < 3.0);
    assert_true(cells[0].deadline_hit);
    assert_true(WIFSIGNALED(cells[0].wstatus) && WTERMSIG(cells[0].wstatus) == SIGKILL);
    assert_int_equal(cells[0].frames.n, 1);                /* what it said before it hung stays */
    assert_int_equal(cells[1].stop_signal, SIGSTOP);
    assert_false(cells[1].deadline_hit);
    assert_true(WIFEXITED(cells[2].wstatus) && WEXITSTATUS(cells[2].wstatus) == 3);
    assert_int_equal(cells[2].signals_sent, 1);
    assert_int_equal(cells[2].last_signal_sent, SIGTERM);
    /* no child of ours is left: the orphan was killed and reaped */
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    for (int i = 0; i < 3; i++)
        sup_cell_free(&cells[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cells_run_in_parallel_with_their_own_frames),
        cmocka_unit_test(deadline_stop_orphans_and_signals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
