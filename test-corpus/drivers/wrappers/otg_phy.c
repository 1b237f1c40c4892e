/*
 * otg_phy.c -- USB OTG PHY and link control for the S3C6410 HS-OTG driver.
 * Maps its windows through DrvLib_MapIoSpace (drvlib_map.c).
 */
#include <windows.h>

#define BSP_BASE_REG_PA_USBOTG_LINK     0x7C000000
#define BSP_BASE_REG_PA_USBOTG_PHY      0x7C100000
#define BSP_BASE_REG_PA_SYSCON          0x7E00F000
#define OTG_PHY_WINDOW                  0x100
#define SYSCON_OTHERS_OFFSET            0x900

PVOID DrvLib_MapIoSpace(DWORD dwPhysical, DWORD dwSize, BOOL fCached);
void  DrvLib_UnmapIoSpace(PVOID pv);

typedef struct _OTG_CONTEXT {
    volatile DWORD *pLink;
    volatile DWORD *pPhy;
    volatile DWORD *pSysConOthers;
} OTG_CONTEXT, *POTG_CONTEXT;

static OTG_CONTEXT g_Otg;

static BOOL OtgMapWindows(void)
{
    g_Otg.pLink = (volatile DWORD *)DrvLib_MapIoSpace(BSP_BASE_REG_PA_USBOTG_LINK, 0x1000, FALSE); // ok: page-offset-mismatch, missing-nocache
    if (g_Otg.pLink == NULL) {
        return FALSE;
    }
    /* Cached by mistake: the PHY control registers must not go through the cache. */
    g_Otg.pPhy = (volatile DWORD *)DrvLib_MapIoSpace(BSP_BASE_REG_PA_USBOTG_PHY, OTG_PHY_WINDOW, TRUE); // expect: missing-nocache
    if (g_Otg.pPhy == NULL) {
        DrvLib_UnmapIoSpace((PVOID)g_Otg.pLink);
        g_Otg.pLink = NULL;
        return FALSE;
    }
    /* OTHERS is at 0x7E00F900: not page-aligned, and the helper maps from the page base. */
    g_Otg.pSysConOthers = (volatile DWORD *)DrvLib_MapIoSpace(BSP_BASE_REG_PA_SYSCON + SYSCON_OTHERS_OFFSET, 0x10, FALSE); // expect: page-offset-mismatch
    if (g_Otg.pSysConOthers == NULL) {
        DrvLib_UnmapIoSpace((PVOID)g_Otg.pPhy);
        DrvLib_UnmapIoSpace((PVOID)g_Otg.pLink);
        g_Otg.pPhy = NULL;
        g_Otg.pLink = NULL;
        return FALSE;
    }
    return TRUE;
}

DWORD OTG_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    memset(&g_Otg, 0, sizeof(g_Otg));
    if (!OtgMapWindows()) {
        return 0;
    }
    g_Otg.pSysConOthers[0] |= (1 << 16);    /* USB signal mask off */
    return (DWORD)&g_Otg;
}

BOOL OTG_Deinit(DWORD hDeviceContext)
{
    DrvLib_UnmapIoSpace((PVOID)g_Otg.pSysConOthers);
    DrvLib_UnmapIoSpace((PVOID)g_Otg.pPhy);
    DrvLib_UnmapIoSpace((PVOID)g_Otg.pLink);
    memset(&g_Otg, 0, sizeof(g_Otg));
    return TRUE;
}
