#ifndef FUZZED_ONCE
#define FUZZED_ONCE
#include "fuzzed.cpp"
#endif
#include <..\..\Inc\Missing Header.h>
#include "\\server\share\bsp.h"
#define STR(x) #x
#define CAT(a, b) a##b
#define LOG(fmt, ...) RETAILMSG(1, (TEXT(fmt), __VA_ARGS__))
#if defined(UNDER_CE) && (_WIN32_WCE >= 0x600) || CAT(0, x1)
static const char *name = STR(CAT(BSP_, UART));
#elif 1 / 0
#error impossible
#else
#endif
#define SELF SELF + 1
int self = SELF;
