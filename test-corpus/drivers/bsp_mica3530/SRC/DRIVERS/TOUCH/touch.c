/*
 * Mica3530 touch controller on McSPI1. GWES loads it from
 * [HKLM\HARDWARE\DEVICEMAP\TOUCH] "DriverName": a kernel-mode DLL on CE 6.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define MCSPI_CH0CONF           (0x2C / 4)
#define MCSPI_CH0CTRL           (0x34 / 4)

static volatile DWORD *g_pSpi;

BOOL TOUCH_Open(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_MCSPI1;
    g_pSpi = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_MCSPI1, FALSE); // ok: kernel-only-api
    if (g_pSpi == NULL) {
        return FALSE;
    }
    g_pSpi[MCSPI_CH0CONF] = 0x000103C8;     /* 12-bit words, CS active low */
    g_pSpi[MCSPI_CH0CTRL] = 1;
    return TRUE;
}

void TOUCH_Close(void)
{
    if (g_pSpi != NULL) {
        g_pSpi[MCSPI_CH0CTRL] = 0;
        MmUnmapIoSpace((PVOID)g_pSpi, MICA_SZ_MCSPI1);
        g_pSpi = NULL;
    }
}
