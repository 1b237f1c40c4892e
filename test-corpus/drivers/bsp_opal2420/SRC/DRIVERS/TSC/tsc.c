//
// tsc.c -- touch screen controller. Its registers come from the BSP's permanent L4 window
// (opal_ceddk's MmMapIoSpace), which nobody releases; the LCD FIFO it samples against is a
// mapping of its own, released at Deinit.
//
#include <windows.h>
#include <ceddk.h>
#include <opal2420.h>

typedef struct {
    DWORD dwCookie;
    OPAL_TSC_REGS *pRegs;
    volatile DWORD *pFifo;
} TSC_DEVICE;

#define TSC_COOKIE 'TscD'

DWORD TSC_Init(LPCTSTR pContext, LPCVOID pBusContext)
{
    PHYSICAL_ADDRESS pa = { 0 };
    TSC_DEVICE *pDev = (TSC_DEVICE *)LocalAlloc(LPTR, sizeof(TSC_DEVICE));
    if (pDev == NULL) {
        return 0;
    }
    pDev->dwCookie = TSC_COOKIE;
    pa.LowPart = OPAL_TSC_REGS_PA;
    pDev->pRegs = (OPAL_TSC_REGS *)MmMapIoSpace(pa, sizeof(OPAL_TSC_REGS), FALSE); // ok: mapping-leak
    if (pDev->pRegs == NULL) {
        LocalFree(pDev);
        return 0;
    }
    pa.LowPart = OPAL_LCD_FIFO_PA;
    pDev->pFifo = (volatile DWORD *)MmMapIoSpace(pa, 0x1000, FALSE); // ok: mapping-leak
    if (pDev->pFifo == NULL) {
        LocalFree(pDev);
        return 0;
    }
    pDev->pRegs->CTRL = 0x1;
    return (DWORD)pDev;
}

BOOL TSC_Deinit(DWORD hDeviceContext)
{
    TSC_DEVICE *pDev = (TSC_DEVICE *)hDeviceContext;
    if (pDev == NULL || pDev->dwCookie != TSC_COOKIE) {
        return FALSE;
    }
    pDev->pRegs->CTRL = 0;
    MmUnmapIoSpace((PVOID)pDev->pFifo, 0x1000);
    LocalFree(pDev);
    return TRUE;
}
