/* cemap stub of the C library stdio.h. */
#pragma once
#include <stddef.h>
#include <stdarg.h>
typedef struct _iobuf FILE;
int printf(const char *format, ...);
int sprintf(char *buffer, const char *format, ...);
int _snprintf(char *buffer, size_t count, const char *format, ...);
int vsprintf(char *buffer, const char *format, va_list args);
int wprintf(const wchar_t *format, ...);
int swprintf(wchar_t *buffer, const wchar_t *format, ...);
int _snwprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);
int vswprintf(wchar_t *buffer, const wchar_t *format, va_list args);
int _vsnwprintf(wchar_t *buffer, size_t count, const wchar_t *format, va_list args);
