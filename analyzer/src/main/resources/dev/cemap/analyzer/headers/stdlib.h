/* cemap stub of the C library stdlib.h. */
#pragma once
#include <stddef.h>
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *block, size_t size);
void free(void *block);
int atoi(const char *s);
long atol(const char *s);
int _wtoi(const wchar_t *s);
long _wtol(const wchar_t *s);
unsigned long strtoul(const char *s, char **end, int base);
unsigned long wcstoul(const wchar_t *s, wchar_t **end, int base);
long wcstol(const wchar_t *s, wchar_t **end, int base);
int abs(int n);
long labs(long n);
int rand(void);
void qsort(void *base, size_t count, size_t width, int (*compare)(const void *, const void *));
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
