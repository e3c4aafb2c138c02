/*
 * src/nt/hal_ports.c — READ_PORT_* / WRITE_PORT_* routed to bcsim's device model (S13,
 * driver-patterns.md 13) instead of in/out instructions: every access is logged with its IRQL
 * and callback; reads return the test's scripted values (all ones when unscripted, like an
 * absent ISA device). Learn allows port I/O at any IRQL, bug-check callbacks included.
 */
#include "nt_private.h"

/* READ_PORT_UCHAR — Learn: the value read from the port. */
UCHAR READ_PORT_UCHAR(PUCHAR Port)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_READ_PORT_UCHAR, caller);
    return (UCHAR)bcsim__port_io((ULONG_PTR)Port, 1, 0, 0, 0, caller);
}

/* READ_PORT_BUFFER_UCHAR — Learn: reads Count values from the one port into Buffer. */
VOID READ_PORT_BUFFER_UCHAR(PUCHAR Port, PUCHAR Buffer, ULONG Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_READ_PORT_BUFFER_UCHAR, caller);
    for (ULONG i = 0; i < Count; i++)
        Buffer[i] = (UCHAR)bcsim__port_io((ULONG_PTR)Port, 1, 0, 0, 0, caller);
}

/* WRITE_PORT_UCHAR — Learn: no return value. */
VOID WRITE_PORT_UCHAR(PUCHAR Port, UCHAR Value)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_WRITE_PORT_UCHAR, caller);
    bcsim__port_io((ULONG_PTR)Port, 1, Value, 1, 0, caller);
}

/* WRITE_PORT_BUFFER_UCHAR — Learn: writes Count values from Buffer to the one port. */
VOID WRITE_PORT_BUFFER_UCHAR(PUCHAR Port, PUCHAR Buffer, ULONG Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_WRITE_PORT_BUFFER_UCHAR, caller);
    for (ULONG i = 0; i < Count; i++)
        bcsim__port_io((ULONG_PTR)Port, 1, Buffer[i], 1, 0, caller);
}

/* READ_PORT_USHORT — Learn: the value read from the port. */
USHORT READ_PORT_USHORT(PUSHORT Port)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_READ_PORT_USHORT, caller);
    return (USHORT)bcsim__port_io((ULONG_PTR)Port, 2, 0, 0, 0, caller);
}

/* READ_PORT_BUFFER_USHORT — Learn: reads Count values from the one port into Buffer. */
VOID READ_PORT_BUFFER_USHORT(PUSHORT Port, PUSHORT Buffer, ULONG Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_READ_PORT_BUFFER_USHORT, caller);
    for (ULONG i = 0; i < Count; i++)
        Buffer[i] = (USHORT)bcsim__port_io((ULONG_PTR)Port, 2, 0, 0, 0, caller);
}

/* WRITE_PORT_USHORT — Learn: no return value. */
VOID WRITE_PORT_USHORT(PUSHORT Port, USHORT Value)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_WRITE_PORT_USHORT, caller);
    bcsim__port_io((ULONG_PTR)Port, 2, Value, 1, 0, caller);
}

/* WRITE_PORT_BUFFER_USHORT — Learn: writes Count values from Buffer to the one port. */
VOID WRITE_PORT_BUFFER_USHORT(PUSHORT Port, PUSHORT Buffer, ULONG Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_WRITE_PORT_BUFFER_USHORT, caller);
    for (ULONG i = 0; i < Count; i++)
        bcsim__port_io((ULONG_PTR)Port, 2, Buffer[i], 1, 0, caller);
}

/* READ_PORT_ULONG — Learn: the value read from the port. */
ULONG READ_PORT_ULONG(PULONG Port)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_READ_PORT_ULONG, caller);
    return (ULONG)bcsim__port_io((ULONG_PTR)Port, 4, 0, 0, 0, caller);
}

/* READ_PORT_BUFFER_ULONG — Learn: reads Count values from the one port into Buffer. */
VOID READ_PORT_BUFFER_ULONG(PULONG Port, PULONG Buffer, ULONG Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_READ_PORT_BUFFER_ULONG, caller);
    for (ULONG i = 0; i < Count; i++)
        Buffer[i] = (ULONG)bcsim__port_io((ULONG_PTR)Port, 4, 0, 0, 0, caller);
}

/* WRITE_PORT_ULONG — Learn: no return value. */
VOID WRITE_PORT_ULONG(PULONG Port, ULONG Value)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_WRITE_PORT_ULONG, caller);
    bcsim__port_io((ULONG_PTR)Port, 4, Value, 1, 0, caller);
}

/* WRITE_PORT_BUFFER_ULONG — Learn: writes Count values from Buffer to the one port. */
VOID WRITE_PORT_BUFFER_ULONG(PULONG Port, PULONG Buffer, ULONG Count)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_WRITE_PORT_BUFFER_ULONG, caller);
    for (ULONG i = 0; i < Count; i++)
        bcsim__port_io((ULONG_PTR)Port, 4, Buffer[i], 1, 0, caller);
}
