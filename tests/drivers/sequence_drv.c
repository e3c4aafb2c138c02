/*
 * tests/drivers/sequence_drv.c — a test driver whose callbacks behave as the test says
 * (a mode per reason), to prove each protocol rule of dispatcher-model.md 7 and each
 * malformed-output case. Written against the shim like a real driver; the cmocka side
 * (tests/test_sequence.c) sets the modes and reads the logs through sd_* functions.
 */
#define INITGUID
#include <ntddk.h>

DEFINE_GUID(SD_GUID_A, 0x11111111, 0x2222, 0x3333, 0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55);
DEFINE_GUID(SD_GUID_B, 0xbbbbbbbb, 0x2222, 0x3333, 0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x66);

extern PULONG_PTR KiBugCheckData;

/* ---- what the test configures ---------------------------------------------------------------- */
int SdSecondaryMode;       /* see SecondaryCb */
int SdDumpIoMode;          /* 0 record, 1 deregister on first call, 2 modify buffer, 3 bug check on first body */
int SdPagesMode;           /* see PagesCb */
int SdMultiMode;           /* see MultiCb */
int SdTriageMode;          /* see TriageCb */

/* ---- what the callbacks saw --------------------------------------------------------------------- */
typedef struct _SD_SEEN {
    int Reason;
    void *InBuffer;
    unsigned InBufferLength;
    unsigned MaximumAllowed;
    void *OutBufferIn;        /* OutBuffer on entry */
    unsigned OutBufferLengthIn;
    void *Context;
    unsigned Flags;
    unsigned long long Offset;
    void *Buffer;
    unsigned Length;
    int Type;
    unsigned BugCheckCode;
    unsigned long long KiCode;   /* KiBugCheckData[0] at the call */
    unsigned char State;         /* the record's State during the call */
    unsigned char FirstByte;     /* InBuffer[0] on entry (zeroed scratch) */
} SD_SEEN;

SD_SEEN SdSeen[512];
int SdSeenCount;
BOOLEAN SdDeregistered;

KBUGCHECK_REASON_CALLBACK_RECORD SdRecord[16];
KBUGCHECK_CALLBACK_RECORD SdLegacy[4];
UCHAR SdOwnBuffer[3 * PAGE_SIZE];
UCHAR SdTriageStorage[0x30 + 8 * 0x10];
UCHAR SdTriageStorage2[0x30 + 8 * 0x10];
UCHAR SdTriageBlock[64];
UCHAR SdBigBlock[PAGE_SIZE * 2];
__declspec(align(4096)) UCHAR SdPagesArea[3][PAGE_SIZE];
ULONG_PTR SdLegacySeenBuffer;
ULONG SdLegacySeenLength;

static SD_SEEN *Seen(int reason, PKBUGCHECK_REASON_CALLBACK_RECORD record)
{
    SD_SEEN *s = &SdSeen[SdSeenCount < 511 ? SdSeenCount++ : 511];
    RtlZeroMemory(s, sizeof(*s));
    s->Reason = reason;
    s->KiCode = KiBugCheckData[0];
    s->State = record ? record->State : 0;
    return s;
}

/* ---- SecondaryDumpData ------------------------------------------------------------------------
 * mode 0: two-phase, 100 bytes in InBuffer          mode 1: own buffer of 5000 bytes
 * mode 2: single call, always InBuffer              mode 3: OutBufferLength = MaximumAllowed + 1
 * mode 4: OutBuffer elsewhere in the scratch page   mode 5: nothing to give
 * mode 6: zero GUID                                  mode 7: own buffer in paged pool (data pass)
 * mode 8: writes one byte past InBuffer              mode 9: data request longer than the size request
 * mode 10: MaximumAllowed bytes from its own buffer   mode 11: deregisters itself in the size request, 16 bytes
 * mode 12: registers record 5 (mode 0) in its size request, then as mode 0
 * mode 13: announces 16 bytes, delivers 0x1800       mode 14: 16 bytes in both requests
 * mode 15: invalid output in the data request only (OutBuffer elsewhere in the scratch page)
 * SdSlotMode[slot] (when not -1) overrides SdSecondaryMode for one record. */
PVOID SdPagedBuffer;
int SdSlotMode[16];
extern KBUGCHECK_REASON_CALLBACK_RECORD SdRecord[16];
static VOID SecondaryCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                        PVOID Data, ULONG Length);

static VOID SecondaryCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                        PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA d = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    SD_SEEN *s = Seen(Reason, Record);
    BOOLEAN size_request = d->OutBuffer == NULL;
    UNREFERENCED_PARAMETER(Length);
    s->InBuffer = d->InBuffer;
    s->InBufferLength = d->InBufferLength;
    s->MaximumAllowed = d->MaximumAllowed;
    s->OutBufferIn = d->OutBuffer;
    s->OutBufferLengthIn = d->OutBufferLength;
    s->FirstByte = *(PUCHAR)d->InBuffer;
    d->Guid = Record == &SdRecord[1] ? SD_GUID_B : SD_GUID_A;
    int slot = (int)(Record - SdRecord);
    int mode = slot >= 0 && slot < 16 && SdSlotMode[slot] >= 0 ? SdSlotMode[slot] : SdSecondaryMode;
    if (slot >= 0 && slot < 16 && SdSlotMode[slot] >= 0)
        d->Guid.Data1 += (ULONG)slot * 0x100;   /* per-record modes: one tag per record */
    switch (mode) {
    case 0:
        RtlFillMemory(d->InBuffer, 100, 0x42);
        d->OutBuffer = d->InBuffer;
        d->OutBufferLength = 100;
        break;
    case 1:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = 5000;
        break;
    case 2:
        RtlFillMemory(d->InBuffer, d->InBufferLength, 0x43);
        d->OutBuffer = d->InBuffer;
        d->OutBufferLength = d->InBufferLength;
        break;
    case 3:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = d->MaximumAllowed + 1;
        break;
    case 4:
        d->OutBuffer = (PUCHAR)d->InBuffer + 8;
        d->OutBufferLength = 10;
        break;
    case 5:
        break;
    case 6:
        RtlZeroMemory(&d->Guid, sizeof(d->Guid));
        d->OutBuffer = d->InBuffer;
        d->OutBufferLength = 16;
        break;
    case 7:
        d->OutBuffer = size_request ? SdOwnBuffer : SdPagedBuffer;
        d->OutBufferLength = 64;
        break;
    case 8:
        ((PUCHAR)d->InBuffer)[d->InBufferLength] = 1;
        break;
    case 9:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = size_request ? 100 : 200;
        break;
    case 10:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = d->MaximumAllowed;
        break;
    case 11:
        if (size_request)
            SdDeregistered = KeDeregisterBugCheckReasonCallback(Record);
        RtlFillMemory(d->InBuffer, 16, 0x11);
        d->OutBuffer = d->InBuffer;
        d->OutBufferLength = 16;
        break;
    case 12:
        if (size_request && SdRecord[5].State == 0) {
            SdSlotMode[5] = 0;
            KeInitializeCallbackRecord(&SdRecord[5]);
            KeRegisterBugCheckReasonCallback(&SdRecord[5], SecondaryCb, KbCallbackSecondaryDumpData,
                                             (PUCHAR)"late");
        }
        RtlFillMemory(d->InBuffer, 100, 0x42);
        d->OutBuffer = d->InBuffer;
        d->OutBufferLength = 100;
        break;
    case 13:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = size_request ? 16 : 0x1800;
        break;
    case 14:
        RtlFillMemory(d->InBuffer, 16, 0x14);
        d->OutBuffer = d->InBuffer;
        d->OutBufferLength = 16;
        break;
    case 15:
        d->OutBuffer = size_request ? d->InBuffer : (PUCHAR)d->InBuffer + 8;
        d->OutBufferLength = 10;
        break;
    }
}

/* ---- DumpIo ------------------------------------------------------------------------------- */
static VOID DumpIoCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                     PVOID Data, ULONG Length)
{
    PKBUGCHECK_DUMP_IO io = (PKBUGCHECK_DUMP_IO)Data;
    SD_SEEN *s = Seen(Reason, Record);
    UNREFERENCED_PARAMETER(Length);
    s->Offset = io->Offset;
    s->Buffer = io->Buffer;
    s->Length = io->BufferLength;
    s->Type = io->Type;
    if (SdDumpIoMode == 1 && !SdDeregistered)
        SdDeregistered = KeDeregisterBugCheckReasonCallback(Record);
    if (SdDumpIoMode == 2 && io->Buffer)
        *(PUCHAR)io->Buffer ^= 0xFF;
    if (SdDumpIoMode == 3 && io->Type == KbDumpIoBody)
        KeBugCheckEx(0xE0DD0002, io->Offset, io->Type, 0, 0);
}

/* ---- AddPages / RemovePages -----------------------------------------------------------------
 * 0: three ranges, Context as index   1: both address flags   2: neither flag
 * 3: an unknown flag bit              4: always ADDITIONAL (runaway)
 * 5: Count 0 with ADDITIONAL          6: an unmapped range     7: physical: PFN of page 0 */
ULONG_PTR SdPhysical;

static VOID PagesCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                    PVOID Data, ULONG Length)
{
    PKBUGCHECK_ADD_PAGES p = (PKBUGCHECK_ADD_PAGES)Data;
    SD_SEEN *s = Seen(Reason, Record);
    ULONG_PTR i = (ULONG_PTR)p->Context;
    UNREFERENCED_PARAMETER(Length);
    s->Context = p->Context;
    s->Flags = p->Flags;
    s->BugCheckCode = p->BugCheckCode;
    s->Offset = p->Address;
    s->Length = (unsigned)p->Count;
    switch (SdPagesMode) {
    case 0:
        p->Address = (ULONG_PTR)SdPagesArea[i];
        p->Count = 1;
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS | (i < 2 ? KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST : 0);
        p->Context = (PVOID)(i + 1);
        break;
    case 1:
        p->Address = (ULONG_PTR)SdPagesArea[0];
        p->Count = 1;
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS | KB_ADD_PAGES_FLAG_PHYSICAL_ADDRESS;
        break;
    case 2:
        p->Address = SdPhysical;
        p->Count = 1;
        break;
    case 3:
        p->Address = (ULONG_PTR)SdPagesArea[0];
        p->Count = 1;
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS | 0x100000;
        break;
    case 4:
        p->Address = (ULONG_PTR)SdPagesArea[0];
        p->Count = 1;
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS | KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST;
        break;
    case 5:
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS | KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST;
        p->Count = 0;
        break;
    case 6:
        p->Address = 0x10000;
        p->Count = 2;
        p->Flags = KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS;
        break;
    case 7:
        p->Address = SdPhysical;
        p->Count = 1;
        p->Flags = KB_ADD_PAGES_FLAG_PHYSICAL_ADDRESS;
        break;
    }
}

/* ---- SecondaryMultiPartDumpData ----------------------------------------------------------------
 * 0: 3 parts of MaximumAllowed-limited 3000 bytes via Context    1: endless ADDITIONAL_DATA
 * 2: GUID changes on the second part                              3: everything in one call
 * 4: endless ADDITIONAL_DATA with nothing to give
 * 5: 9000 bytes in chunks of min(3000, MaximumAllowed), the cursor in Context */
static VOID MultiCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                    PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA_EX d = (PKBUGCHECK_SECONDARY_DUMP_DATA_EX)Data;
    SD_SEEN *s = Seen(Reason, Record);
    ULONG_PTR part = (ULONG_PTR)d->Context;
    UNREFERENCED_PARAMETER(Length);
    s->Context = d->Context;
    s->Flags = d->Flags;
    s->InBuffer = d->InBuffer;
    s->InBufferLength = d->InBufferLength;
    s->OutBufferIn = d->OutBuffer;
    s->MaximumAllowed = d->MaximumAllowed;
    s->BugCheckCode = d->BugCheckCode;
    s->Type = (int)d->DumpType;
    d->Guid = (SdMultiMode == 2 && part == 1) ? SD_GUID_B : SD_GUID_A;
    switch (SdMultiMode) {
    case 0:
    case 2:
        d->OutBuffer = &SdOwnBuffer[part * 3000];
        d->OutBufferLength = 3000;
        d->Context = (PVOID)(part + 1);
        if (part < 2)
            d->Flags |= KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        else
            d->Flags &= ~KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        break;
    case 1:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = 16;
        d->Flags |= KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        break;
    case 3:
        d->OutBuffer = SdOwnBuffer;
        d->OutBufferLength = 9000;
        d->Flags = 0;
        break;
    case 4:
        d->OutBuffer = NULL;
        d->OutBufferLength = 0;
        d->Flags |= KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
        break;
    case 5: {
        ULONG chunk = 9000 - (ULONG)part;
        if (chunk > 3000)
            chunk = 3000;
        if (chunk > d->MaximumAllowed)
            chunk = d->MaximumAllowed;
        d->OutBuffer = &SdOwnBuffer[part];
        d->OutBufferLength = chunk;
        if (part + chunk < 9000) {
            d->Flags |= KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
            d->Context = (PVOID)(part + chunk);
        } else {
            d->Flags &= ~KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA;
            d->Context = NULL;
        }
        return;
    }
    }
    if (part >= 2 || SdMultiMode == 3)
        d->Context = NULL;
}

/* ---- TriageDumpData ----------------------------------------------------------------------------
 * 0: two blocks     1: NULL     2: a block larger than MaxVirtMemSize (knob set by the test)
 * 3: NumBlocksUsed > NumBlocksTotal */
static VOID TriageCb(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                     PVOID Data, ULONG Length)
{
    PKBUGCHECK_TRIAGE_DUMP_DATA t = (PKBUGCHECK_TRIAGE_DUMP_DATA)Data;
    PKTRIAGE_DUMP_DATA_ARRAY a = (PKTRIAGE_DUMP_DATA_ARRAY)SdTriageStorage;
    SD_SEEN *s = Seen(Reason, Record);
    UNREFERENCED_PARAMETER(Length);
    s->Flags = t->Flags;
    s->MaximumAllowed = t->MaxVirtMemSize;
    s->BugCheckCode = t->BugCheckCode;
    s->Offset = t->BugCheckParameter1;
    s->OutBufferIn = t->DataArray;
    switch (SdTriageMode) {
    case 0:
        (void)KeInitializeTriageDumpDataArray(a, sizeof(SdTriageStorage));
        (void)KeAddTriageDumpDataBlock(a, SdTriageBlock, sizeof(SdTriageBlock));
        (void)KeAddTriageDumpDataBlock(a, SdBigBlock, 100);
        t->DataArray = a;
        break;
    case 1:
        break;
    case 2:
        (void)KeInitializeTriageDumpDataArray(a, sizeof(SdTriageStorage));
        (void)KeAddTriageDumpDataBlock(a, SdBigBlock, sizeof(SdBigBlock));
        t->DataArray = a;
        break;
    case 3:
        (void)KeInitializeTriageDumpDataArray(a, sizeof(SdTriageStorage));
        a->NumBlocksUsed = a->NumBlocksTotal + 1;
        t->DataArray = a;
        break;
    }
}

static VOID LegacyCb(PVOID Buffer, ULONG Length)
{
    SD_SEEN *s = Seen(-1, NULL);
    s->State = SdLegacy[0].State;
    SdLegacySeenBuffer = (ULONG_PTR)Buffer;
    SdLegacySeenLength = Length;
}

/* ---- plain-C control surface ------------------------------------------------------------------- */
void sd_reset(void)
{
    RtlZeroMemory(SdSeen, sizeof(SdSeen));
    SdSeenCount = 0;
    SdDeregistered = FALSE;
    SdSecondaryMode = SdDumpIoMode = SdPagesMode = SdMultiMode = SdTriageMode = 0;
    for (int i = 0; i < 16; i++)
        SdSlotMode[i] = -1;
    RtlZeroMemory(SdRecord, sizeof(SdRecord));
    RtlZeroMemory(SdLegacy, sizeof(SdLegacy));
    for (int i = 0; i < (int)sizeof(SdOwnBuffer); i++)
        SdOwnBuffer[i] = (UCHAR)(i * 13 + 1);
    for (int i = 0; i < 3; i++)
        RtlFillMemory(SdPagesArea[i], PAGE_SIZE, (UCHAR)(0xC0 + i));
    RtlFillMemory(SdTriageBlock, sizeof(SdTriageBlock), 0x7A);
}

static PVOID Routine(int reason)
{
    switch (reason) {
    case KbCallbackSecondaryDumpData: return (PVOID)SecondaryCb;
    case KbCallbackDumpIo: return (PVOID)DumpIoCb;
    case KbCallbackAddPages:
    case KbCallbackRemovePages: return (PVOID)PagesCb;
    case KbCallbackSecondaryMultiPartDumpData: return (PVOID)MultiCb;
    case KbCallbackTriageDumpData: return (PVOID)TriageCb;
    }
    return (PVOID)SecondaryCb;
}

unsigned char sd_register(int slot, int reason, const char *component)
{
    KeInitializeCallbackRecord(&SdRecord[slot]);
    return KeRegisterBugCheckReasonCallback(&SdRecord[slot], (PKBUGCHECK_REASON_CALLBACK_ROUTINE)Routine(reason),
                                            (KBUGCHECK_CALLBACK_REASON)reason, (PUCHAR)component);
}

unsigned char sd_register_legacy(void *buffer, unsigned length)
{
    KeInitializeCallbackRecord(&SdLegacy[0]);
    return KeRegisterBugCheckCallback(&SdLegacy[0], LegacyCb, buffer, length, (PUCHAR)"sd-legacy");
}

void *sd_record(int slot) { return &SdRecord[slot]; }
SD_SEEN *sd_seen(int i) { return &SdSeen[i]; }
int sd_seen_count(void) { return SdSeenCount; }
int sd_deregistered(void) { return SdDeregistered; }
void sd_set_modes(int secondary, int dumpio, int pages, int multi, int triage)
{
    SdSecondaryMode = secondary;
    SdDumpIoMode = dumpio;
    SdPagesMode = pages;
    SdMultiMode = multi;
    SdTriageMode = triage;
}
void sd_set_paged_buffer(void *p) { SdPagedBuffer = p; }
void sd_set_slot_mode(int slot, int secondary) { SdSlotMode[slot] = secondary; }
void sd_set_physical(unsigned long long pa) { SdPhysical = (ULONG_PTR)pa; }
void *sd_pages_area(int i) { return SdPagesArea[i]; }
void *sd_own_buffer(void) { return SdOwnBuffer; }
void *sd_triage_block(void) { return SdTriageBlock; }
unsigned long long sd_legacy_buffer(void) { return SdLegacySeenBuffer; }
unsigned sd_legacy_length(void) { return SdLegacySeenLength; }
