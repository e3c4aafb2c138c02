/*
 * src/nt/crt_wide.c — the 16-bit wide-string functions of the shim's string.h (wdk-surface.md
 * S2, 3.11). include/crt/string.h binds wcslen, wcscmp, ... to these bodies through asm labels
 * (bcsim_wcslen16, ...), so driver code never reaches glibc's 32-bit wcs* functions. Defining
 * the function under its C name here emits the labelled symbol. Case-insensitive comparisons
 * fold ASCII letters only (the kernel's own tables are not modelled).
 */
#include <string.h>
#include <stddef.h>

typedef BCSIM_SHIM_WCHAR wch;

static wch fold(wch c)
{
    return (c >= 'A' && c <= 'Z') ? (wch)(c - 'A' + 'a') : c;
}

size_t wcslen(const wch *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

size_t wcsnlen(const wch *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

int wcscmp(const wch *a, const wch *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (int)*a - (int)*b;
}

int wcsncmp(const wch *a, const wch *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b || !*a)
            return (int)*a - (int)*b;
    }
    return 0;
}

int _wcsicmp(const wch *a, const wch *b)
{
    while (*a && fold(*a) == fold(*b)) {
        a++;
        b++;
    }
    return (int)fold(*a) - (int)fold(*b);
}

int _wcsnicmp(const wch *a, const wch *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (fold(*a) != fold(*b) || !*a)
            return (int)fold(*a) - (int)fold(*b);
    }
    return 0;
}

wch *wcschr(const wch *s, wch c)
{
    for (;; s++) {
        if (*s == c)
            return (wch *)s;
        if (!*s)
            return NULL;
    }
}

wch *wcsrchr(const wch *s, wch c)
{
    const wch *last = NULL;
    for (;; s++) {
        if (*s == c)
            last = s;
        if (!*s)
            return (wch *)last;
    }
}

wch *wcscpy(wch *d, const wch *s)
{
    wch *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

/* As the C library's: copies at most n units and pads with zeros; no terminator if s is
 * n units or longer. */
wch *wcsncpy(wch *d, const wch *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}

wch *wcsstr(const wch *h, const wch *n)
{
    size_t ln = wcslen(n);
    if (!ln)
        return (wch *)h;
    for (; *h; h++)
        if (*h == *n && wcsncmp(h, n, ln) == 0)
            return (wch *)h;
    return NULL;
}
