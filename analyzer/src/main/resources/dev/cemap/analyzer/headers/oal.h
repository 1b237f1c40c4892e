/* cemap stub of the CE platform-common oal.h, used only when the tree does not have it. */
#pragma once
#include <windows.h>
#include <pkfuncs.h>
#include <nkintr.h>
typedef struct {
    DWORD CA;
    DWORD PA;
    DWORD size;
} OAL_ADDRESS_TABLE, *POAL_ADDRESS_TABLE;
extern OAL_ADDRESS_TABLE g_oalAddressTable[];
VOID *OALPAtoVA(UINT32 pa, BOOL cached);
UINT32 OALVAtoPA(VOID *va);
#define OAL_ERROR 1
#define OAL_WARN 1
#define OAL_INFO 0
#define OALMSG(cond, exp) ((void)((cond) ? (NKDbgPrintfW exp), 1 : 0))
#define OALPAtoUA(pa) OALPAtoVA(pa, FALSE)
#define OALPAtoCA(pa) OALPAtoVA(pa, TRUE)
