/*
 * Mica3530 SDIO WLAN client driver. The SD bus driver activates its key through
 * Device Manager, which honours "Flags"=dword:10: on CE 6 it runs in a udevice.exe
 * host, and the reflector maps only its IoBase/IoLen window (the MMC2 controller).
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define MMC_SYSCONFIG           (0x10 / 4)
#define SCM_PADCONF_MMC2_CLK    (0x158 / 4)

BOOL WLAN_ResetController(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *mmc;

    pa.QuadPart = MICA_PA_MMC2;
    mmc = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_MMC2, FALSE); // ok: kernel-only-api
    if (mmc == NULL) {
        return FALSE;
    }
    mmc[MMC_SYSCONFIG] = 2;                 /* soft reset */
    MmUnmapIoSpace((PVOID)mmc, MICA_SZ_MMC2);
    return TRUE;
}

/* Muxes the MMC2 pins: the system control module is not in the driver's window. */
BOOL WLAN_ConfigurePads(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *scm;

    pa.QuadPart = MICA_PA_SCM;
    scm = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_SCM, FALSE); // expect: kernel-only-api
    if (scm == NULL) {
        return FALSE;
    }
    scm[SCM_PADCONF_MMC2_CLK] = 0x01180118;
    MmUnmapIoSpace((PVOID)scm, MICA_SZ_SCM);
    return TRUE;
}
