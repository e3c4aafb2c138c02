/*
 * bcsim shim: bugcodes.h — bug-check code names as ((ULONG)value) (wdk-surface.md 3.14).
 */
#ifndef _BUGCODES_
#define _BUGCODES_
#define BCSIM_SHIM_BUGCODES_H 1

#define BUGCHECK_CONTEXT_MODIFIER                              ((ULONG)0x80000000)
#define IRQL_NOT_LESS_OR_EQUAL                                 ((ULONG)0x0000000A)
#define KMODE_EXCEPTION_NOT_HANDLED                            ((ULONG)0x0000001E)
#define SYSTEM_SERVICE_EXCEPTION                               ((ULONG)0x0000003B)
#define PAGE_FAULT_IN_NONPAGED_AREA                            ((ULONG)0x00000050)
#define SYSTEM_THREAD_EXCEPTION_NOT_HANDLED                    ((ULONG)0x0000007E)
#define UNEXPECTED_KERNEL_MODE_TRAP                            ((ULONG)0x0000007F)
#define DRIVER_VERIFIER_DETECTED_VIOLATION                     ((ULONG)0x000000C4)
#define IRQL_UNEXPECTED_VALUE                                  ((ULONG)0x000000C8)
#define DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS  ((ULONG)0x000000CE)
#define DRIVER_IRQL_NOT_LESS_OR_EQUAL                          ((ULONG)0x000000D1)
#define BUGCODE_ID_DRIVER                                      ((ULONG)0x000000D2)
#define MANUALLY_INITIATED_CRASH                               ((ULONG)0x000000E2)
#define POWER_FAILURE_SIMULATE                                 ((ULONG)0x000000E5)
#define CRITICAL_PROCESS_DIED                                  ((ULONG)0x000000EF)
#define DRIVER_VIOLATION                                       ((ULONG)0x00000121)
#define DPC_WATCHDOG_VIOLATION                                 ((ULONG)0x00000133)
#define KERNEL_SECURITY_CHECK_FAILURE                          ((ULONG)0x00000139)
#define LIVE_SYSTEM_DUMP                                       ((ULONG)0x00000161)
#define MANUALLY_INITIATED_CRASH1                              ((ULONG)0xDEADDEAD)

#endif /* _BUGCODES_ */
