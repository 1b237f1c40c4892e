/* cemap stub of the CE SDK dbgapi.h. The message macros keep their arguments as real expressions
   (as the CE debug build does), so that the values they print are parsed and resolved. */
#pragma once
#include <windef.h>
typedef struct _DBGPARAM {
    WCHAR lpszName[32];
    WCHAR rglpszZones[16][32];
    ULONG ulZoneMask;
} DBGPARAM, *LPDBGPARAM;
extern DBGPARAM dpCurSettings;
void NKDbgPrintfW(LPCWSTR lpszFmt, ...);
BOOL RegisterDbgZones(HMODULE hMod, LPDBGPARAM lpdbgparam);
#define DEBUGZONE(n) (dpCurSettings.ulZoneMask & (0x00000001 << (n)))
#define DEBUGMSG(cond, printf_exp) ((void)((cond) ? (NKDbgPrintfW printf_exp), 1 : 0))
#define RETAILMSG(cond, printf_exp) ((void)((cond) ? (NKDbgPrintfW printf_exp), 1 : 0))
#define ERRORMSG(cond, printf_exp) ((void)((cond) ? (NKDbgPrintfW printf_exp), 1 : 0))
#define DEBUGLED(wIndex, dwValue) ((void)((wIndex), (dwValue)))
#define DEBUGCHK(exp) ((void)((exp) ? 1 : 0))
#define DEBUGREGISTER(hMod) RegisterDbgZones((HMODULE)(hMod), &dpCurSettings)
#define RETAILREGISTERZONES(hMod) RegisterDbgZones((HMODULE)(hMod), &dpCurSettings)
#ifndef ASSERT
#define ASSERT(exp) ((void)((exp) ? 1 : 0))
#endif
#define DBGCHK(module, exp) ((void)((exp) ? 1 : 0))
