//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: sdhc_s3c6410.c
//
// Register mapping for the two HSMMC host controllers (SD slot 0 and the
// on-board WLAN module on slot 1) and the USB OTG link, whose PHY clock the
// WLAN module shares.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "bsp.h"

enum {
    HSMMC_REG_WINDOW    = 0x1000,
    OTG_LINK_WINDOW     = 0x1000
};

typedef struct _SDHC_SLOT
{
    volatile S3C6410_HSMMC_REG  *pHsmmcReg;
    volatile UINT32             *pOtgLinkReg;
    DWORD                       dwSlot;
    DWORD                       dwSysIntr;
} SDHC_SLOT, *PSDHC_SLOT;

// Maps a register window given by the caller; used for the slots whose
// address comes from the registry.
static BOOL SdhcMapWindow(PVOID pvWindow, DWORD dwPhysBase, DWORD dwProtect)
{
    return VirtualCopy(pvWindow, (PVOID)(dwPhysBase >> 8), HSMMC_REG_WINDOW, dwProtect); // ok: physical-flag-missing
}

// Slot 0, the SD card slot.
static volatile S3C6410_HSMMC_REG *SdhcMapSlot0(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_HSMMC_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_HSMMC0 >> 8), sizeof(S3C6410_HSMMC_REG), PAGE_READWRITE | PAGE_NOCACHE)) { // expect: physical-flag-missing
        RETAILMSG(1, (TEXT("[SDHC0] VirtualCopy failed\r\n")));
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_HSMMC_REG *)pv;
}

// Slot 0 once more, the version from the CE 6.0 R3 update.
static volatile S3C6410_HSMMC_REG *SdhcMapSlot0Fixed(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_HSMMC_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_HSMMC0 >> 8), sizeof(S3C6410_HSMMC_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: physical-flag-missing
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_HSMMC_REG *)pv;
}

// Slot 1, the WLAN module.
static volatile S3C6410_HSMMC_REG *SdhcMapSlot1(void)
{
    PVOID pv = VirtualAlloc(NULL, HSMMC_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_HSMMC1 / 256), HSMMC_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE)) { // expect: physical-flag-missing
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_HSMMC_REG *)pv;
}

// Slot 1 through the generic helper; the protection is put together here.
static volatile S3C6410_HSMMC_REG *SdhcMapSlot1Generic(void)
{
    DWORD dwProtect = PAGE_READWRITE | PAGE_NOCACHE;
    PVOID pv = VirtualAlloc(NULL, HSMMC_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    dwProtect |= PAGE_PHYSICAL;
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_HSMMC1 >> 8), HSMMC_REG_WINDOW, dwProtect)) { // ok: physical-flag-missing
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_HSMMC_REG *)pv;
}

// USB OTG link registers (PHY clock gate for the WLAN module).
static volatile UINT32 *SdhcMapOtgLink(void)
{
    const DWORD dwProtect = PAGE_READWRITE | PAGE_NOCACHE;
    PVOID pv = VirtualAlloc(NULL, OTG_LINK_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_USBOTG_LINK >> 8), OTG_LINK_WINDOW, dwProtect)) { // expect: physical-flag-missing
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile UINT32 *)pv;
}

BOOL SdhcInitSlot(PSDHC_SLOT pSlot, DWORD dwRegistryBase)
{
    PVOID pv;

    switch (pSlot->dwSlot) {
    case 0:
        pSlot->pHsmmcReg = SdhcMapSlot0Fixed();
        if (pSlot->pHsmmcReg == NULL) {
            pSlot->pHsmmcReg = SdhcMapSlot0();
        }
        break;
    case 1:
        pSlot->pHsmmcReg = SdhcMapSlot1Generic();
        if (pSlot->pHsmmcReg == NULL) {
            pSlot->pHsmmcReg = SdhcMapSlot1();
        }
        pSlot->pOtgLinkReg = SdhcMapOtgLink();
        break;
    default:
        pv = VirtualAlloc(NULL, HSMMC_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
        if (pv == NULL) {
            return FALSE;
        }
        if (!SdhcMapWindow(pv, dwRegistryBase, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
            VirtualFree(pv, 0, MEM_RELEASE);
            return FALSE;
        }
        pSlot->pHsmmcReg = (volatile S3C6410_HSMMC_REG *)pv;
        break;
    }
    return pSlot->pHsmmcReg != NULL;
}

void SdhcDeinitSlot(PSDHC_SLOT pSlot)
{
    if (pSlot->pHsmmcReg != NULL) {
        pSlot->pHsmmcReg->NORINTSIGEN = 0;
        VirtualFree((PVOID)pSlot->pHsmmcReg, 0, MEM_RELEASE);
        pSlot->pHsmmcReg = NULL;
    }
    if (pSlot->pOtgLinkReg != NULL) {
        VirtualFree((PVOID)pSlot->pOtgLinkReg, 0, MEM_RELEASE);
        pSlot->pOtgLinkReg = NULL;
    }
}
