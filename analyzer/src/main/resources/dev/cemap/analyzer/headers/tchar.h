/* cemap stub of tchar.h for the CE build, which is always UNICODE. */
#pragma once
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#define __T(x) L##x
#define _T(x) __T(x)
#define _TEXT(x) __T(x)
#define _tcslen wcslen
#define _tcscpy wcscpy
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcschr wcschr
#define _tcsstr wcsstr
#define _tcstoul wcstoul
#define _tcstol wcstol
#define _ttoi _wtoi
#define _stprintf swprintf
#define _sntprintf _snwprintf
#define _vsntprintf _vsnwprintf
#define _tprintf wprintf
