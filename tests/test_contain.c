/*
 * tests/test_contain.c — containment's signal handling next to other handlers (src/verifier/contain.c):
 * a handler installed after bcsim's that hands signals back to bcsim ("upstream", as
 * libFuzzer's SIGSEGV handler does), and bcsim re-installing itself over it, must end in the
 * default action, never in a loop (issue: verdicts, H: `BCSIM_FUZZ_CONTAIN=1 ./fuzzer crash-…`
 * printed its finding and then spun at 100 % CPU).
 */
#include "bcsim_test.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void (*upstream)(int, siginfo_t *, void *);

/* libFuzzer's SIGSEGV handler in miniature: the previous SA_SIGINFO handler gets the signal. */
static void fuzzer_like_handler(int sig, siginfo_t *si, void *uc)
{
    if (upstream)
        upstream(sig, si, uc);
}

static volatile uintptr_t nowhere = 16;

static void nothing(void *arg)
{
    (void)arg;
}

/* In a child: containment on, a guarded call (installs bcsim's handlers), the fuzzer-like
 * SIGSEGV handler on top, another guarded call (bcsim re-installs itself), then `how`. */
static int child_ends_with(int how)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(20);   /* a loop in the child must not hang the test */
        bcsim_config_t cfg;
        bcsim_config_init(&cfg);
        cfg.contain = true;
        bcsim_sim_t *sim;
        if (bcsim_sim_create(&cfg, &sim) != 0)
            _exit(90);
        bcsim_sim_call(sim, nothing, NULL);
        struct sigaction cur, sa;
        sigaction(SIGSEGV, NULL, &cur);
        upstream = (cur.sa_flags & SA_SIGINFO) ? cur.sa_sigaction : NULL;
        memset(&sa, 0, sizeof(sa));
        sa.sa_sigaction = fuzzer_like_handler;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGSEGV, &sa, NULL);
        bcsim_sim_call(sim, nothing, NULL);
        if (how == 0)
            abort();
        if (how == 1)
            raise(SIGSEGV);
        *(volatile int *)nowhere = 1;
        _exit(91);
    }
    int st;
    time_t t0 = time(NULL);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(time(NULL) - t0 < 15);
    assert_true(WIFSIGNALED(st));
    return WTERMSIG(st);
}

static void abort_outside_driver_code_ends_the_process(void **state)
{
    (void)state;
    assert_int_equal(child_ends_with(0), SIGABRT);
}

static void raised_sigsegv_through_an_upstream_handler_ends_the_process(void **state)
{
    (void)state;
    assert_int_equal(child_ends_with(1), SIGSEGV);
}

static void fault_through_an_upstream_handler_ends_the_process(void **state)
{
    (void)state;
    assert_int_equal(child_ends_with(2), SIGSEGV);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(abort_outside_driver_code_ends_the_process),
        cmocka_unit_test(raised_sigsegv_through_an_upstream_handler_ends_the_process),
        cmocka_unit_test(fault_through_an_upstream_handler_ends_the_process),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
