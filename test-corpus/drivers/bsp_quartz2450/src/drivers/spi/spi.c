/*
 * Quartz2450 HSSPI driver, a user-mode driver on CE 6. Its registry windows are the
 * controller and, in builds with BSP_SPI_DMA, DMA channel 0 (both variants of
 * spi.reg are checked, since the build environment is not known).
 */
#include <windows.h>
#include <ceddk.h>
#include "quartz_regs.h"

BOOL SPI_Reset(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *spi;

    pa.QuadPart = QUARTZ_PA_HSSPI0;
    spi = (volatile DWORD *)MmMapIoSpace(pa, QUARTZ_SZ_BLOCK, FALSE); // ok: kernel-only-api
    if (spi == NULL) {
        return FALSE;
    }
    spi[0x2C / 4] = 1;                  /* CH_CFG: software reset */
    MmUnmapIoSpace((PVOID)spi, QUARTZ_SZ_BLOCK);
    return TRUE;
}

BOOL SPI_StopDma(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *dma;

    pa.QuadPart = QUARTZ_PA_DMA0;
    dma = (volatile DWORD *)MmMapIoSpace(pa, QUARTZ_SZ_BLOCK, FALSE); // ok: kernel-only-api
    if (dma == NULL) {
        return FALSE;
    }
    dma[0x20 / 4] = 4;                  /* DMASKTRIG: stop */
    MmUnmapIoSpace((PVOID)dma, QUARTZ_SZ_BLOCK);
    return TRUE;
}

/* Chip select is a GPIO pin; the GPIO block is not one of the driver's windows. */
BOOL SPI_SelectChip(BOOL select)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *gpio;

    pa.QuadPart = QUARTZ_PA_GPIO;
    gpio = (volatile DWORD *)MmMapIoSpace(pa, QUARTZ_SZ_BLOCK, FALSE); // expect: kernel-only-api
    if (gpio == NULL) {
        return FALSE;
    }
    gpio[0x14 / 4] = select ? 0 : 1;    /* GPBDAT */
    MmUnmapIoSpace((PVOID)gpio, QUARTZ_SZ_BLOCK);
    return TRUE;
}
