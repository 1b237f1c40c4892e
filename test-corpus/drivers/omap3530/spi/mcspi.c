// All rights reserved ADENEO EMBEDDED 2010
//
//  File:  mcspi.c
//
//  McSPI1 driver (SPI1:) for the touch screen controller (TSC2046), plus
//  the pen-down GPIO and the PMIC's I2C bus it has to poke during resume.
//
#include <windows.h>
#include <ceddk.h>
#include <ceddkex.h>
#include <devload.h>
#include <pkfuncs.h>

#include "omap35xx_base_regs.h"
#include "omap35xx_mcspi.h"

#define SPI_DEVICE_COOKIE       'spiD'

typedef struct {
    DWORD                       cookie;
    OMAP_MCSPI_REGS             *pSPIRegs;
    volatile OMAP_GPIO_REGS     *pGpioRegs;
    volatile OMAP_I2C_REGS      *pI2CRegs;
    volatile UINT32             *pUartRegs;
    DWORD                       dwSpiWindowLen;
    CRITICAL_SECTION            cs;
} SPI_DEVICE;

// The pen-down interrupt is GPIO_1 bank 1. The address is kept in a
// PHYSICAL_ADDRESS because the same value is used for MmMapIoSpace
// elsewhere; VirtualCopy needs it divided by 256 though.
static volatile OMAP_GPIO_REGS *SpiMapPenGpio(void)
{
    PHYSICAL_ADDRESS pa;
    PVOID pv;

    pa.QuadPart = OMAP_GPIO1_REGS_PA;
    pv = VirtualAlloc(NULL, sizeof(OMAP_GPIO_REGS), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)pa.LowPart, sizeof(OMAP_GPIO_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile OMAP_GPIO_REGS *)pv;
}

// I2C1 carries the TPS65950; the driver needs it for the touch LDO.
static volatile OMAP_I2C_REGS *SpiMapPmicI2C(void)
{
    PHYSICAL_ADDRESS pa;
    PVOID pv;

    pa.QuadPart = OMAP_I2C1_REGS_PA;
    pv = VirtualAlloc(NULL, sizeof(OMAP_I2C_REGS), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(DWORD)pa.QuadPart, sizeof(OMAP_I2C_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile OMAP_I2C_REGS *)pv;
}

// UART3 carries the debug trace of the touch calibration.
static volatile UINT32 *SpiMapTraceUart(void)
{
    PHYSICAL_ADDRESS pa;
    PVOID pv;

    pa.HighPart = 0;
    pa.LowPart = OMAP_UART3_REGS_PA;
    pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(pa.LowPart >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile UINT32 *)pv;
}

// McSPI1 itself, from the registry window (IoBase/IoLen), the CEDDK way.
static OMAP_MCSPI_REGS *SpiMapController(LPCTSTR szContext, DWORD *pdwLen)
{
    DDKWINDOWINFO wini;
    PHYSICAL_ADDRESS pa;
    HKEY hKey;
    OMAP_MCSPI_REGS *pRegs = NULL;

    hKey = OpenDeviceKey(szContext);
    if (hKey == NULL) {
        return NULL;
    }
    wini.cbSize = sizeof(wini);
    if (DDKReg_GetWindowInfo(hKey, &wini) == ERROR_SUCCESS && wini.dwNumMemWindows > 0) {
        pa.HighPart = 0;
        pa.LowPart = wini.memWindows[0].dwBase;
        *pdwLen = wini.memWindows[0].dwLen;
        pRegs = (OMAP_MCSPI_REGS *)MmMapIoSpace(pa, *pdwLen, FALSE);
    }
    RegCloseKey(hKey);
    return pRegs;
}

// Fallback when the registry has no window: the documented address.
static OMAP_MCSPI_REGS *SpiMapControllerDefault(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = OMAP_MCSPI1_REGS_PA;
    return (OMAP_MCSPI_REGS *)MmMapIoSpace(pa, sizeof(OMAP_MCSPI_REGS), FALSE); // ok: missing-physical-shift
}

DWORD SPI_Init(LPCTSTR szContext, LPCVOID pBusContext)
{
    SPI_DEVICE *pDevice;

    RETAILMSG(1, (L"+SPI_Init(%s, 0x%08x)\r\n", szContext, pBusContext));

    pDevice = (SPI_DEVICE *)LocalAlloc(LPTR, sizeof(SPI_DEVICE));
    if (pDevice == NULL) {
        return 0;
    }
    pDevice->cookie = SPI_DEVICE_COOKIE;
    InitializeCriticalSection(&pDevice->cs);

    pDevice->pSPIRegs = SpiMapController(szContext, &pDevice->dwSpiWindowLen);
    if (pDevice->pSPIRegs == NULL) {
        pDevice->pSPIRegs = SpiMapControllerDefault(); // expect: mapping-leak {{lost on a path where SPI_Init returns}}
        pDevice->dwSpiWindowLen = sizeof(OMAP_MCSPI_REGS);
    }
    pDevice->pGpioRegs = SpiMapPenGpio();
    pDevice->pI2CRegs = SpiMapPmicI2C();
    pDevice->pUartRegs = SpiMapTraceUart();

    if (pDevice->pSPIRegs == NULL || pDevice->pGpioRegs == NULL) {
        RETAILMSG(1, (L"ERROR: SPI_Init: register mapping failed\r\n"));
        DeleteCriticalSection(&pDevice->cs);
        LocalFree(pDevice);
        return 0;
    }

    // Soft reset, then wait for the module to come back.
    OUTREG32(&pDevice->pSPIRegs->MCSPI_SYSCONFIG, 0x2);
    while ((INREG32(&pDevice->pSPIRegs->MCSPI_SYSSTATUS) & 0x1) == 0) {
        Sleep(1);
    }
    return (DWORD)pDevice;
}

BOOL SPI_Deinit(DWORD context)
{
    SPI_DEVICE *pDevice = (SPI_DEVICE *)context;

    if (pDevice == NULL || pDevice->cookie != SPI_DEVICE_COOKIE) {
        return FALSE;
    }
    if (pDevice->pSPIRegs != NULL) {
        MmUnmapIoSpace((PVOID)pDevice->pSPIRegs, pDevice->dwSpiWindowLen);
    }
    if (pDevice->pGpioRegs != NULL) {
        VirtualFree((PVOID)pDevice->pGpioRegs, 0, MEM_RELEASE);
    }
    if (pDevice->pI2CRegs != NULL) {
        VirtualFree((PVOID)pDevice->pI2CRegs, 0, MEM_RELEASE);
    }
    if (pDevice->pUartRegs != NULL) {
        VirtualFree((PVOID)pDevice->pUartRegs, 0, MEM_RELEASE);
    }
    DeleteCriticalSection(&pDevice->cs);
    LocalFree(pDevice);
    return TRUE;
}
