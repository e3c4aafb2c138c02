/*
 * src/verifier/contain.h — guarded calls into driver code (src/verifier/contain.c).
 */
#ifndef BCSIM_CONTAIN_H
#define BCSIM_CONTAIN_H

#include <setjmp.h>
#include <excpt.h>

#include "internal.h"

enum {
    BCSIM__OUT_RETURNED = BCSIM_OUTCOME_RETURNED,
    BCSIM__OUT_FAULT = BCSIM_OUTCOME_FAULTED,
    BCSIM__OUT_HANG = BCSIM_OUTCOME_HUNG,
    BCSIM__OUT_NESTED = BCSIM_OUTCOME_NESTED,
};

typedef struct bcsim__frame {
    sigjmp_buf jb;
    struct bcsim__frame *prev;
    void (*fn)(void *);
    void *arg;
    /* inputs */
    bool on_callback_stack;       /* run on the simulated kernel stack */
    bool on_driver_stack;         /* run on the driver thread stack (DriverEntry, DriverUnload) */
    bool watchdog;                /* arm the hang watchdog */
    bool is_callback;             /* a bug-check callback (KeBugCheckEx inside it is nested) */
    /* set by bcsim__guarded_call */
    bool contain;
    uint8_t irql_at_entry;        /* simulated IRQL the call started at (src/verifier/irql.c rules) */
    bcsim_seh_frame_t *seh_at_entry;
    int critical_at_entry;
    uint64_t generation;
    uint64_t virtual_start;
    /* outputs */
    volatile int outcome;
    int signo, si_code;
    bool fault_write;
    bool hang_virtual;
    int exception_code;           /* software exception (no signal) */
    uint64_t fault_addr, fault_pc;
    uint64_t fault_rsp;           /* stack pointer at the fault */
    bool fault_exec;              /* an instruction fetch faulted (page-fault error code bit 4) */
    uint64_t stack_top_word;      /* [rsp] at the fault (a call's return address), 0 if unread */
    uint64_t stack_below_word;    /* [rsp - 8] (the address a `ret` just popped), 0 if unread */
    uint64_t driver_pc;           /* first return address into driver code above the fault when
                                     the fault itself is outside driver code (libc, the shim) */
    uint64_t routine;             /* input: the driver routine the call ran (a callback), named
                                     when neither the fault nor the stack shows a driver line */
    int seh_handled;              /* exceptions a driver __except handled during the call */
    int seh_last_code;
    uint64_t seh_last_pc, seh_last_addr;
} bcsim__frame_t;

int bcsim__contain_install(void);
void bcsim__contain_uninstall(void);
int bcsim__guarded_call(bcsim__frame_t *f, void (*fn)(void *), void *arg);
_Noreturn void bcsim__guarded_abort(int outcome);
bcsim__frame_t *bcsim__frame_current(void);
bool bcsim__containment_on(void);
bool bcsim__debugger_attached(void);
int bcsim__callback_stack_create(void);
int bcsim__driver_stack_create(void);
uint32_t bcsim__driver_stack_bytes(void);
void bcsim__callback_stack_destroy(void);
bool bcsim__in_callback_stack_guard(uint64_t addr);
/* Is addr a return address in a loaded driver module (not the host program): executable
 * driver code right after a call instruction? Async-signal-safe. */
bool bcsim__is_driver_return_address(uint64_t addr);
/* Is addr inside a loaded driver module's code (not the host program)? Async-signal-safe. */
bool bcsim__in_driver_code(uint64_t addr);
void bcsim__raise_exception(int code, uint64_t pc);
void bcsim__watchdog_virtual_check(void);
/* Unwinds bcsim's frame and SEH stacks to a saved point (after a jump to a catch point). */
bcsim__frame_t *bcsim__frames_save(void **seh);
void bcsim__frames_restore(bcsim__frame_t *frame, void *seh);
/* Sanitizer builds: clears the poison of frames a jump from another stack abandoned on the
 * thread's own stack, below `upto` (a local of the frame the jump landed in). */
void bcsim__host_stack_clean(const void *upto);
/* Reports a contained fault as the finding Windows would raise (dispatch.c). */
void bcsim__report_fault(const bcsim__frame_t *f, const char *component, int32_t reason,
                         bool in_callback, const char *what);

/* Harness code that allocates or holds harness state runs "critical": the watchdog defers
 * ending a callback until it leaves. */
extern volatile int bcsim__critical;
void bcsim__critical_leave_slow(void);
#define BCSIM__CRITICAL_ENTER() (bcsim__critical++)
#define BCSIM__CRITICAL_LEAVE() do { if (--bcsim__critical == 0) bcsim__critical_leave_slow(); } while (0)

#endif /* BCSIM_CONTAIN_H */
