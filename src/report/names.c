/*
 * src/report/names.c — names and parsers for the Windows values the harness prints and reads:
 * reasons, states, DumpIo types, phases, bug-check codes (from the shim's bugcodes.h),
 * GUIDs, error codes.
 */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

const char *bcsim_version(void)
{
    return "0.1.0";
}

const char *bcsim_strerror(int err)
{
    switch (err) {
    case 0: return "success";
#define XX(name, value, msg) case BCSIM_##name: return msg;
    BCSIM_ERRNO_MAP(XX)
#undef XX
    }
    return "unknown error";
}

static const char *const reason_names[] = {
    "KbCallbackInvalid", "KbCallbackReserved1", "KbCallbackSecondaryDumpData",
    "KbCallbackDumpIo", "KbCallbackAddPages", "KbCallbackSecondaryMultiPartDumpData",
    "KbCallbackRemovePages", "KbCallbackTriageDumpData", "KbCallbackReserved2",
    "KbCallbackReserved3",
};

const char *bcsim_reason_name(int32_t reason)
{
    if (reason == BCSIM_REASON_LEGACY)
        return "BugCheckCallback";
    if (reason >= 0 && reason < (int32_t)BCSIM_ARRAY_SIZE(reason_names))
        return reason_names[reason];
    return "KbCallback?";
}

int bcsim_reason_parse(const char *text, int32_t *reason)
{
    if (!text || !*text)
        return BCSIM_EINVAL;
    if (!strcasecmp(text, "legacy") || !strcasecmp(text, "BugCheckCallback")) {
        *reason = BCSIM_REASON_LEGACY;
        return 0;
    }
    const char *t = text;
    if (!strncmp(t, "KbCallback", 10))
        t += 10;
    for (int32_t i = 0; i < (int32_t)BCSIM_ARRAY_SIZE(reason_names); i++)
        if (!strcasecmp(t, reason_names[i] + 10)) {
            *reason = i;
            return 0;
        }
    char *end;
    errno = 0;
    long v = strtol(text, &end, 0);
    if (!errno && *end == 0 && v >= 0 && v <= 9) {
        *reason = (int32_t)v;
        return 0;
    }
    return BCSIM_EINVAL;
}

const char *bcsim_state_name(uint32_t state)
{
    static const char *const n[] = { "BufferEmpty", "BufferInserted", "BufferStarted",
                                     "BufferFinished", "BufferIncomplete" };
    return state < BCSIM_ARRAY_SIZE(n) ? n[state] : "Buffer?";
}

const char *bcsim_dump_io_type_name(uint32_t type)
{
    static const char *const n[] = { "KbDumpIoInvalid", "KbDumpIoHeader", "KbDumpIoBody",
                                     "KbDumpIoSecondaryData", "KbDumpIoComplete" };
    return type < BCSIM_ARRAY_SIZE(n) ? n[type] : "KbDumpIo?";
}

const char *bcsim_phase_name(uint32_t phase)
{
    static const char *const n[] = {
        "Reserved2", "Reserved1/3", "TriageDumpData", "AddPages", "RemovePages",
        "SecondaryDumpData(size)", "SecondaryMultiPartDumpData(size)", "DumpIo(header)",
        "DumpIo(body)", "SecondaryDumpData(data)", "SecondaryMultiPartDumpData(data)",
        "DumpIo(secondary)", "DumpIo(complete)", "BugCheckCallback",
    };
    _Static_assert(BCSIM_ARRAY_SIZE(n) == BCSIM_PHASE__COUNT, "phase names");
    return phase < BCSIM_ARRAY_SIZE(n) ? n[phase] : "?";
}

static const struct {
    uint32_t code;
    const char *name;
} bugcodes[] = {
#include "bugcode_names.inc"
};

const char *bcsim_bugcheck_name(uint32_t code)
{
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(bugcodes); i++)
        if (bugcodes[i].code == code && strcmp(bugcodes[i].name, "BUGCHECK_CONTEXT_MODIFIER"))
            return bugcodes[i].name;
    return NULL;
}

int bcsim_bugcheck_parse(const char *text, uint32_t *code)
{
    if (!text || !*text)
        return BCSIM_EINVAL;
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(bugcodes); i++)
        if (!strcasecmp(bugcodes[i].name, text)) {
            *code = bugcodes[i].code;
            return 0;
        }
    if (!isdigit((unsigned char)text[0]))
        return BCSIM_EINVAL;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 0);
    if (errno || *end || v > 0xFFFFFFFFULL)
        return BCSIM_EINVAL;
    *code = (uint32_t)v;
    return 0;
}

char *bcsim_guid_format(const bcsim_guid_t *g, char *buf)
{
    snprintf(buf, 39, "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", g->data1, g->data2,
             g->data3, g->data4[0], g->data4[1], g->data4[2], g->data4[3], g->data4[4],
             g->data4[5], g->data4[6], g->data4[7]);
    return buf;
}

int bcsim_guid_parse(const char *text, bcsim_guid_t *g)
{
    char hex[33];
    size_t n = 0, len = strlen(text);
    size_t b = 0, e = len;
    if (len && text[0] == '{') {
        if (text[len - 1] != '}')
            return BCSIM_EINVAL;
        b = 1;
        e = len - 1;
    }
    /* Accept 8-4-4-4-12 and WinDbg's 8-4-4-16: dashes only at those positions. */
    size_t groups[6], ng = 0, cur = 0;
    for (size_t i = b; i < e; i++) {
        char c = text[i];
        if (c == '-') {
            if (ng >= 5)
                return BCSIM_EINVAL;
            groups[ng++] = cur;
            cur = 0;
            continue;
        }
        if (!isxdigit((unsigned char)c) || n >= 32)
            return BCSIM_EINVAL;
        hex[n++] = c;
        cur++;
    }
    groups[ng++] = cur;
    hex[n] = 0;
    bool std = ng == 5 && groups[0] == 8 && groups[1] == 4 && groups[2] == 4 && groups[3] == 4 &&
               groups[4] == 12;
    bool dbg = ng == 4 && groups[0] == 8 && groups[1] == 4 && groups[2] == 4 && groups[3] == 16;
    bool bare = ng == 1 && groups[0] == 32;
    if (n != 32 || !(std || dbg || bare))
        return BCSIM_EINVAL;
    char tmp[9];
    memcpy(tmp, hex, 8);
    tmp[8] = 0;
    g->data1 = (uint32_t)strtoul(tmp, NULL, 16);
    memcpy(tmp, hex + 8, 4);
    tmp[4] = 0;
    g->data2 = (uint16_t)strtoul(tmp, NULL, 16);
    memcpy(tmp, hex + 12, 4);
    g->data3 = (uint16_t)strtoul(tmp, NULL, 16);
    for (int i = 0; i < 8; i++) {
        memcpy(tmp, hex + 16 + 2 * i, 2);
        tmp[2] = 0;
        g->data4[i] = (uint8_t)strtoul(tmp, NULL, 16);
    }
    return 0;
}
