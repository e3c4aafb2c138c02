/*
 * src/machine/screen.c — the blue screen's text: what drivers display with InbvDisplayString
 * (src/nt/inbv.c) while the machine crashes, kept for the report as the screen's contents
 * (bcsim_result_t.screen). InbvResetDisplay clears it; InbvEnableDisplayString(FALSE) stops
 * text from reaching it. A reboot starts with an empty, enabled screen.
 */
#include "internal.h"
#include "machine/machine.h"

static struct {
    BCSIM_VEC(char) text;
    bool disabled;
} SCR;

void bcsim__screen_reset(void)
{
    BCSIM_VEC_FREE(&SCR.text);
    SCR.disabled = false;
}

int bcsim__screen_enable(int enable)
{
    int was = !SCR.disabled;
    SCR.disabled = !enable;
    return was;
}

int bcsim__screen_write(const char *text, bcsim__u64 max)
{
    if (SCR.disabled || !text)
        return 0;
    size_t n = strnlen(text, (size_t)max);
    if (BCSIM_VEC_RESERVE(&SCR.text, SCR.text.n + n + 1)) {
        memcpy(SCR.text.v + SCR.text.n, text, n);
        SCR.text.n += n;
        SCR.text.v[SCR.text.n] = '\0';
    }
    return 1;
}

const char *bcsim__screen_contents(void)
{
    return SCR.text.n ? bcsim__strndup(SCR.text.v, SCR.text.n) : NULL;
}
