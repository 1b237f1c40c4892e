//
// nled.c -- notification LED. It links the platform's stock CEDDK, not opal_ceddk, so its
// MmMapIoSpace makes a mapping of its own even inside the L4 window, and Deinit must undo it.
//
#include <windows.h>
#include <ceddk.h>
#include <opal2420.h>

typedef struct {
    volatile DWORD *pSysCtrl;
    DWORD dwBlink;
} NLED_DEVICE;

DWORD NLD_Init(LPCTSTR pContext, LPCVOID pBusContext)
{
    PHYSICAL_ADDRESS pa = { OPAL_SYSCTRL_PA, 0 };
    NLED_DEVICE *pDev = (NLED_DEVICE *)LocalAlloc(LPTR, sizeof(NLED_DEVICE));
    if (pDev == NULL) {
        return 0;
    }
    pDev->pSysCtrl = (volatile DWORD *)MmMapIoSpace(pa, 0x100, FALSE); // expect: mapping-leak {{NLD_Deinit ends without releasing it}}
    if (pDev->pSysCtrl == NULL) {
        LocalFree(pDev);
        return 0;
    }
    return (DWORD)pDev;
}

BOOL NLD_Deinit(DWORD hDeviceContext)
{
    NLED_DEVICE *pDev = (NLED_DEVICE *)hDeviceContext;
    if (pDev == NULL) {
        return FALSE;
    }
    pDev->pSysCtrl[0] = 0;
    LocalFree(pDev);
    return TRUE;
}
