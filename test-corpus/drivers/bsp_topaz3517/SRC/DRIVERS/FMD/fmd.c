// fmd.c -- NAND flash media driver for the Topaz3517 GPMC, built twice: for the
// flash block driver (registers mapped with MmMapIoSpace) and, with BOOT_MODE,
// for the boot loader (registers through the boot loader's static mapping).
#include <windows.h>
#include <ceddk.h>
#include <topaz_fmd.h>

static TOPAZ_GPMC_REGS *s_pGpmcRegs;

HANDLE FMD_Init(LPCWSTR lpActiveReg, PVOID pRegIn, PVOID pRegOut)
{
#ifdef BOOT_MODE
    s_pGpmcRegs = (TOPAZ_GPMC_REGS *)TOPAZ_GPMC_REGS_UA;
#else
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = TOPAZ_GPMC_REGS_PA;
    s_pGpmcRegs = (TOPAZ_GPMC_REGS *)MmMapIoSpace(pa, sizeof(TOPAZ_GPMC_REGS), FALSE);
    if (s_pGpmcRegs == NULL) {
        return NULL;
    }
#endif
    s_pGpmcRegs->CONFIG = 0x11;
    return (HANDLE)s_pGpmcRegs;
}

BOOL FMD_Deinit(HANDLE hFMD)
{
#ifndef BOOT_MODE
    // Unmaps without clearing the pointer: a second Deinit unmaps again.
    MmUnmapIoSpace((PVOID)s_pGpmcRegs, sizeof(TOPAZ_GPMC_REGS));
#endif
    return TRUE;
}

BOOL FMD_ReadSector(DWORD sector, LPBYTE pData)
{
    pData[0] = (BYTE)(s_pGpmcRegs->STATUS + sector);
    return TRUE;
}
