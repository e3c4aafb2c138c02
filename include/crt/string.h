/*
 * bcsim shim: string.h for driver translation units (wdk-surface.md 3.11, S1, S2).
 * Pollution-free: declares only what drivers use. Narrow functions bind to the C library;
 * wide functions work on 16-bit WCHAR units and bind to bcsim's own implementations
 * (asm labels), never to glibc's 32-bit wcs* functions.
 */
#ifndef BCSIM_SHIM_STRING_H
#define BCSIM_SHIM_STRING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
int _stricmp(const char *a, const char *b) __asm__("strcasecmp");
int _strnicmp(const char *a, const char *b, size_t n) __asm__("strncasecmp");

#ifdef __cplusplus
#  define BCSIM_SHIM_WCHAR wchar_t
#else
#  define BCSIM_SHIM_WCHAR __WCHAR_TYPE__
#endif
size_t wcslen(const BCSIM_SHIM_WCHAR *s) __asm__("bcsim_wcslen16");
size_t wcsnlen(const BCSIM_SHIM_WCHAR *s, size_t n) __asm__("bcsim_wcsnlen16");
int wcscmp(const BCSIM_SHIM_WCHAR *a, const BCSIM_SHIM_WCHAR *b) __asm__("bcsim_wcscmp16");
int wcsncmp(const BCSIM_SHIM_WCHAR *a, const BCSIM_SHIM_WCHAR *b, size_t n) __asm__("bcsim_wcsncmp16");
BCSIM_SHIM_WCHAR *wcschr(const BCSIM_SHIM_WCHAR *s, BCSIM_SHIM_WCHAR c) __asm__("bcsim_wcschr16");
BCSIM_SHIM_WCHAR *wcsrchr(const BCSIM_SHIM_WCHAR *s, BCSIM_SHIM_WCHAR c) __asm__("bcsim_wcsrchr16");
BCSIM_SHIM_WCHAR *wcscpy(BCSIM_SHIM_WCHAR *d, const BCSIM_SHIM_WCHAR *s) __asm__("bcsim_wcscpy16");
BCSIM_SHIM_WCHAR *wcsncpy(BCSIM_SHIM_WCHAR *d, const BCSIM_SHIM_WCHAR *s, size_t n) __asm__("bcsim_wcsncpy16");
BCSIM_SHIM_WCHAR *wcsstr(const BCSIM_SHIM_WCHAR *h, const BCSIM_SHIM_WCHAR *n) __asm__("bcsim_wcsstr16");
int _wcsicmp(const BCSIM_SHIM_WCHAR *a, const BCSIM_SHIM_WCHAR *b) __asm__("bcsim_wcsicmp16");
int _wcsnicmp(const BCSIM_SHIM_WCHAR *a, const BCSIM_SHIM_WCHAR *b, size_t n) __asm__("bcsim_wcsnicmp16");

#ifdef __cplusplus
}
#endif

#endif /* BCSIM_SHIM_STRING_H */
