#ifndef __TOPAZ_FMD_H
#define __TOPAZ_FMD_H

#define TOPAZ_GPMC_REGS_PA      0x6E000000
#define TOPAZ_GPMC_REGS_UA      0xB8000000

typedef struct {
    volatile DWORD SYSCONFIG;
    volatile DWORD SYSSTATUS;
    volatile DWORD IRQSTATUS;
    volatile DWORD IRQENABLE;
    volatile DWORD TIMEOUT_CONTROL;
    volatile DWORD CONFIG;
    volatile DWORD STATUS;
} TOPAZ_GPMC_REGS;

HANDLE FMD_Init(LPCWSTR lpActiveReg, PVOID pRegIn, PVOID pRegOut);
BOOL   FMD_Deinit(HANDLE hFMD);
BOOL   FMD_ReadSector(DWORD sector, LPBYTE pData);

#endif
