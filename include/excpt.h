/*
 * bcsim shim: excpt.h — structured exception handling for gcc and clang (wdk-surface.md S6).
 *
 * Neither compiler supports SEH on Linux. bcsim implements the recommended form: __try
 * pushes a frame holding a jump buffer onto a per-thread stack; bcsim's fault handler
 * (SIGSEGV, SIGFPE, SIGILL, SIGBUS, __debugbreak, ExRaiseStatus) jumps to the innermost
 * frame; the __except filter is evaluated after the jump, with GetExceptionCode() valid.
 *
 *   EXCEPTION_EXECUTE_HANDLER (1)     the handler runs
 *   EXCEPTION_CONTINUE_SEARCH (0)     the exception goes to the next outer frame (or to the
 *                                     callback-level containment of the dispatcher)
 *   EXCEPTION_CONTINUE_EXECUTION (-1) cannot resume after a jump: reported, then as CONTINUE_SEARCH
 *
 * __finally runs after the body completes normally, via __leave, or when an exception
 * passes through (AbnormalTermination() is then true), after which the search continues.
 *
 * Known limits (documented in the README): `break` and `continue` written directly in a
 * __try body leave the __try (like __leave) instead of an enclosing loop; `return` from a
 * __try body skips a __finally block; automatic variables changed in the body and read in
 * the handler must be volatile, as with setjmp.
 */
#ifndef _INC_EXCPT
#define _INC_EXCPT
#define BCSIM_SHIM_EXCPT_H 1

#ifdef __cplusplus
extern "C" {
#endif

#define EXCEPTION_EXECUTE_HANDLER     1
#define EXCEPTION_CONTINUE_SEARCH     0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

typedef enum _EXCEPTION_DISPOSITION {
    ExceptionContinueExecution,
    ExceptionContinueSearch,
    ExceptionNestedException,
    ExceptionCollidedUnwind
} EXCEPTION_DISPOSITION;

/* One __try frame. jb is glibc's jmp_buf storage (200 bytes on x86-64), kept opaque here
 * because no libc header may reach a driver translation unit. */
typedef struct bcsim_seh_frame {
    unsigned long long jb[26] __attribute__((__aligned__(16)));
    struct bcsim_seh_frame *prev;
    int phase;      /* 0 new, 1 body, 2 handler/finally, 3 done */
    int raised;     /* an exception reached this frame */
    int handled;    /* the filter said EXCEPTION_EXECUTE_HANDLER */
    int code;       /* NTSTATUS of the exception */
    void *info;     /* PEXCEPTION_POINTERS */
} bcsim_seh_frame_t;

#define BCSIM_SEH_FRAME_INIT { { 0 }, 0, 0, 0, 0, 0, 0 }

int bcsim__seh_setjmp(void *jb) __asm__("_setjmp") __attribute__((__returns_twice__, __nothrow__));
void *bcsim__seh_push(bcsim_seh_frame_t *frame);
int bcsim__seh_step(bcsim_seh_frame_t *frame);
int bcsim__seh_filter(bcsim_seh_frame_t *frame, int disposition);
void bcsim__seh_cleanup(bcsim_seh_frame_t *frame);
int bcsim__seh_code(void);
void *bcsim__seh_info(void);

/* The for loop gives the frame a scope and drives the phases; the cleanup attribute pops
 * the frame if the body leaves by return or break. */
#define __try \
    for (bcsim_seh_frame_t _bcsim_seh __attribute__((__cleanup__(bcsim__seh_cleanup))) = BCSIM_SEH_FRAME_INIT; \
         bcsim__seh_step(&_bcsim_seh); ) \
        if (_bcsim_seh.phase == 1) \
            if (bcsim__seh_setjmp(bcsim__seh_push(&_bcsim_seh)) == 0)

/* Variadic so a filter with a top-level comma (a comma expression) passes through whole. */
#define __except(...) \
            else {} \
        else if (_bcsim_seh.raised && bcsim__seh_filter(&_bcsim_seh, (int)(__VA_ARGS__)))

#define __finally \
            else {} \
        else

#define __leave continue

#define try_except __try
#define GetExceptionCode()        ((NTSTATUS)bcsim__seh_code())
#define _exception_code()         ((unsigned long)(unsigned int)bcsim__seh_code())
#define GetExceptionInformation() ((struct _EXCEPTION_POINTERS *)bcsim__seh_info())
#define _exception_info()         bcsim__seh_info()
#define AbnormalTermination()     (_bcsim_seh.raised)
#define _abnormal_termination()   (_bcsim_seh.raised)

#ifdef __cplusplus
}
#endif

#endif /* _INC_EXCPT */
