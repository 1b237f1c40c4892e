/*
 * cppi_implicit_deinit.c -- a DMA controller driver whose Init calls its own Deinit on failure
 * before Deinit is declared anywhere (C's implicit declaration, as older BSP code does).
 */
#include <windows.h>
#include <ceddk.h>

#define CPPI_REGS_PA        0x5C041000

typedef struct _CPPI_REGS {
    DWORD REVISION;
    DWORD TDFDQ;
    DWORD DMAEMU;
    DWORD LRAM0BASE;
    DWORD LRAM0SIZE;
} CPPI_REGS;

typedef struct _CPPI_CONTEXT {
    CRITICAL_SECTION csLock;
    HANDLE           hIntrEvent;
    CPPI_REGS       *pRegs;
} CPPI_CONTEXT;

static DWORD        g_hCppi = 0;
static CPPI_CONTEXT g_Cppi = { { 0 }, NULL, NULL };

DWORD CPD_Init(LPCTSTR pContext, DWORD dwBusContext)
{
    PHYSICAL_ADDRESS pa = { 0 };

    if (g_hCppi != 0) {
        goto done;
    }

    pa.LowPart = CPPI_REGS_PA;
    g_Cppi.pRegs = (CPPI_REGS *)MmMapIoSpace(pa, sizeof(CPPI_REGS), FALSE); // ok: mapping-leak
    if (g_Cppi.pRegs == NULL) {
        goto done;
    }

    g_Cppi.hIntrEvent = CreateEvent(NULL, FALSE, FALSE, NULL);
    if (g_Cppi.hIntrEvent == NULL) {
        goto done;
    }

    g_hCppi = (DWORD)&g_Cppi;

done:
    if (g_hCppi == 0) {
        /* No prototype is in scope: the call still links to the Deinit below. */
        CPD_Deinit((DWORD)&g_Cppi);
    }
    return g_hCppi;
}

BOOL CPD_Deinit(DWORD hDeviceContext)
{
    if (hDeviceContext != (DWORD)&g_Cppi) {
        return FALSE;
    }
    if (g_Cppi.hIntrEvent != NULL) {
        CloseHandle(g_Cppi.hIntrEvent);
        g_Cppi.hIntrEvent = NULL;
    }
    if (g_Cppi.pRegs != NULL) {
        MmUnmapIoSpace(g_Cppi.pRegs, sizeof(CPPI_REGS));
        g_Cppi.pRegs = NULL;
    }
    g_hCppi = 0;
    return TRUE;
}
