/*
 * src/nt/hal_registers.c — READ_REGISTER_* / WRITE_REGISTER_* (wdk-surface.md 3.10,
 * driver-patterns.md 13): the volatile access the WDK's x64 inline forms perform, logged in the
 * device model (src/machine/ports.c) with its IRQL and callback. A read returns the test's scripted
 * value for that register address when there is one (the memory keeps what it holds), else
 * what the memory holds. Learn allows register I/O at any IRQL, bug-check callbacks included.
 */
#include "nt_private.h"

#define READ_REG(type, width)                                                            \
    type READ_REGISTER_##type(volatile type *Register)                                       \
    {                                                                                        \
        void *caller = BCSIM__CALLER();                                                      \
        bcsim__export_enter(BCSIM__X_READ_REGISTER_##type, caller);                          \
        _ReadWriteBarrier();                                                                 \
        type v = *Register;                                                                  \
        return (type)bcsim__port_io((ULONG_PTR)Register, width, v, 0, 1, caller);            \
    }

#define WRITE_REG(type, width)                                                               \
    VOID WRITE_REGISTER_##type(volatile type *Register, type Value)                          \
    {                                                                                        \
        void *caller = BCSIM__CALLER();                                                      \
        bcsim__export_enter(BCSIM__X_WRITE_REGISTER_##type, caller);                         \
        *Register = Value;                                                                   \
        __faststorefence();                                                                  \
        bcsim__port_io((ULONG_PTR)Register, width, Value, 1, 1, caller);                     \
    }

/* The buffer forms walk consecutive register addresses, as the x64 string-move forms do. */
#define READ_REG_BUFFER(type, ptype, width)                                                  \
    VOID READ_REGISTER_BUFFER_##type(volatile type *Register, ptype Buffer, ULONG Count)     \
    {                                                                                        \
        void *caller = BCSIM__CALLER();                                                      \
        bcsim__export_enter(BCSIM__X_READ_REGISTER_BUFFER_##type, caller);                   \
        _ReadWriteBarrier();                                                                 \
        for (ULONG i = 0; i < Count; i++) {                                                  \
            type v = Register[i];                                                            \
            Buffer[i] = (type)bcsim__port_io((ULONG_PTR)&Register[i], width, v, 0, 1, caller); \
        }                                                                                    \
    }

#define WRITE_REG_BUFFER(type, ptype, width)                                                 \
    VOID WRITE_REGISTER_BUFFER_##type(volatile type *Register, ptype Buffer, ULONG Count)    \
    {                                                                                        \
        void *caller = BCSIM__CALLER();                                                      \
        bcsim__export_enter(BCSIM__X_WRITE_REGISTER_BUFFER_##type, caller);                  \
        for (ULONG i = 0; i < Count; i++) {                                                  \
            Register[i] = Buffer[i];                                                         \
            bcsim__port_io((ULONG_PTR)&Register[i], width, Buffer[i], 1, 1, caller);         \
        }                                                                                    \
        __faststorefence();                                                                  \
    }

/* READ_REGISTER_xxx — Learn: the value read from the register. */
READ_REG(UCHAR, 1)
READ_REG(USHORT, 2)
READ_REG(ULONG, 4)
READ_REG(ULONG64, 8)
/* WRITE_REGISTER_xxx — Learn: no return value. */
WRITE_REG(UCHAR, 1)
WRITE_REG(USHORT, 2)
WRITE_REG(ULONG, 4)
WRITE_REG(ULONG64, 8)
/* READ_REGISTER_BUFFER_xxx / WRITE_REGISTER_BUFFER_xxx — Learn: Count values. */
READ_REG_BUFFER(UCHAR, PUCHAR, 1)
READ_REG_BUFFER(USHORT, PUSHORT, 2)
READ_REG_BUFFER(ULONG, PULONG, 4)
READ_REG_BUFFER(ULONG64, PULONG64, 8)
WRITE_REG_BUFFER(UCHAR, PUCHAR, 1)
WRITE_REG_BUFFER(USHORT, PUSHORT, 2)
WRITE_REG_BUFFER(ULONG, PULONG, 4)
WRITE_REG_BUFFER(ULONG64, PULONG64, 8)
