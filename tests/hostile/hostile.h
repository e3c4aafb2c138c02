/*
 * tests/hostile/hostile.h — the frame of every hostile driver: a driver that misbehaves in
 * one place (PHASE, a compile definition) in one way (its Misbehave(), one source file per
 * misbehaviour). Built with the driver profile: no libc header reaches it, so the few C
 * library routines a hostile driver calls are declared here by hand.
 *
 * PHASE: where Misbehave() runs
 *   HOSTILE_ENTRY      DriverEntry              HOSTILE_UNLOAD     DriverUnload
 *   HOSTILE_CTOR       a static constructor     HOSTILE_LEGACY     a KeRegisterBugCheckCallback callback
 *   HOSTILE_TRIAGE     KbCallbackTriageDumpData HOSTILE_SECONDARY  KbCallbackSecondaryDumpData
 *   HOSTILE_DUMPIO     KbCallbackDumpIo         HOSTILE_PAGES      KbCallbackAddPages
 *   HOSTILE_MULTIPART  KbCallbackSecondaryMultiPartDumpData
 * Every other phase is clean: records are deregistered in DriverUnload, so the only finding
 * of a run is the misbehaviour's. tests/hostile/run.sh finds the lines marked HOSTILE_HERE (in
 * each kind's source) and HOSTILE_ROUTINE_<phase> (here) to check the file:line a finding
 * names.
 */
#ifndef HOSTILE_H
#define HOSTILE_H

#include <ntddk.h>

#define HOSTILE_ENTRY 1
#define HOSTILE_UNLOAD 2
#define HOSTILE_CTOR 3
#define HOSTILE_LEGACY 4
#define HOSTILE_TRIAGE 5
#define HOSTILE_SECONDARY 6
#define HOSTILE_DUMPIO 7
#define HOSTILE_PAGES 8
#define HOSTILE_MULTIPART 9

#ifndef PHASE
#define PHASE HOSTILE_LEGACY
#endif

/* The C library, by hand (LP64 host types: long is 64-bit here). */
void exit(int status);
void _exit(int status);
void quick_exit(int status);
void abort(void);
int raise(int sig);
int kill(int pid, int sig);
int getpid(void);
int getppid(void);
int close(int fd);
int dup2(int oldfd, int newfd);
int open(const char *path, int flags, ...);
long write(int fd, const void *buf, unsigned long n);
int fork(void);
int setsid(void);
unsigned int sleep(unsigned int seconds);
int pause(void);
int sigprocmask(int how, const void *set, void *old);
void *signal(int sig, void *handler);
void *malloc(unsigned long n);
void free(void *p);
int system(const char *command);
unsigned int alarm(unsigned int seconds);
#define H_SIG_BLOCK 0
#define H_SIGHUP 1
#define H_SIGINT 2
#define H_SIGQUIT 3
#define H_SIGILL 4
#define H_SIGTRAP 5
#define H_SIGABRT 6
#define H_SIGBUS 7
#define H_SIGFPE 8
#define H_SIGKILL 9
#define H_SIGUSR1 10
#define H_SIGSEGV 11
#define H_SIGUSR2 12
#define H_SIGPIPE 13
#define H_SIGALRM 14
#define H_SIGTERM 15
#define H_SIGSTOP 19
#define H_SIGTSTP 20
#define H_O_WRONLY 1

static void Misbehave(void);

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD HostileUnload;
KBUGCHECK_CALLBACK_ROUTINE HostileLegacy;
KBUGCHECK_REASON_CALLBACK_ROUTINE HostileReason;

static KBUGCHECK_CALLBACK_RECORD HostileLegacyRecord;
static KBUGCHECK_REASON_CALLBACK_RECORD HostileReasonRecord;
static UCHAR HostileBlob[64] = "hostile";
static const GUID HostileGuid = { 0x686f7374, 0x696c, 0x6500, { 0x80, 0, 0, 0, 0, 0, 0, 1 } };

#if PHASE == HOSTILE_CTOR
__attribute__((constructor)) static void HostileConstructor(void) { /* HOSTILE_ROUTINE_CTOR */
    Misbehave();
}
#endif

/* Each callback on one line: whatever address of it a finding names, that is the line. */
#define HOSTILE_IF(p) do { if (PHASE == (p)) Misbehave(); } while (0)
#define HOSTILE_IF_REASON() do { if (PHASE >= HOSTILE_TRIAGE) Misbehave(); } while (0)

VOID HostileLegacy(PVOID Buffer, ULONG Length) { UNREFERENCED_PARAMETER(Buffer); UNREFERENCED_PARAMETER(Length); HOSTILE_IF(HOSTILE_LEGACY); } /* HOSTILE_ROUTINE_LEGACY */

static void HostileAnswer(KBUGCHECK_CALLBACK_REASON Reason, PVOID Data)
{
    /* if it survives: a well-formed answer, so nothing else is reported */
    if (Reason == KbCallbackSecondaryDumpData) {
        PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
        d->OutBuffer = HostileBlob;
        d->OutBufferLength = sizeof(HostileBlob);
        d->Guid = HostileGuid;
    }
}

VOID HostileReason(KBUGCHECK_CALLBACK_REASON Reason, struct _KBUGCHECK_REASON_CALLBACK_RECORD *Record, PVOID Data, ULONG Length) { UNREFERENCED_PARAMETER(Record); UNREFERENCED_PARAMETER(Length); HOSTILE_IF_REASON(); HostileAnswer(Reason, Data); } /* HOSTILE_ROUTINE_REASON */

VOID HostileUnload(PDRIVER_OBJECT DriverObject) { /* HOSTILE_ROUTINE_UNLOAD */
    UNREFERENCED_PARAMETER(DriverObject);
#if PHASE == HOSTILE_UNLOAD
    Misbehave();
#endif
    (void)KeDeregisterBugCheckCallback(&HostileLegacyRecord);
    (void)KeDeregisterBugCheckReasonCallback(&HostileReasonRecord);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) { /* HOSTILE_ROUTINE_ENTRY */
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = HostileUnload;
    KeInitializeCallbackRecord(&HostileLegacyRecord);
    KeInitializeCallbackRecord(&HostileReasonRecord);
#if PHASE == HOSTILE_ENTRY
    Misbehave();
#elif PHASE == HOSTILE_LEGACY
    if (!KeRegisterBugCheckCallback(&HostileLegacyRecord, HostileLegacy, NULL, 0, (PUCHAR)"hostile"))
        return STATUS_UNSUCCESSFUL;
#elif PHASE >= HOSTILE_TRIAGE
    KBUGCHECK_CALLBACK_REASON reason = PHASE == HOSTILE_TRIAGE ? KbCallbackTriageDumpData
                                     : PHASE == HOSTILE_SECONDARY ? KbCallbackSecondaryDumpData
                                     : PHASE == HOSTILE_DUMPIO ? KbCallbackDumpIo
                                     : PHASE == HOSTILE_PAGES ? KbCallbackAddPages
                                                              : KbCallbackSecondaryMultiPartDumpData;
    if (!KeRegisterBugCheckReasonCallback(&HostileReasonRecord, HostileReason, reason, (PUCHAR)"hostile"))
        return STATUS_UNSUCCESSFUL;
#endif
    return STATUS_SUCCESS;
}

#endif /* HOSTILE_H */
