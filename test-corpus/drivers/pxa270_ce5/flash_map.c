// cemap-targets: ce5 ce6 ce7
/******************************************************************************
**
**  FILENAME:   flash_map.c
**
**  PURPOSE:    Flash media driver (FMD) helpers: windows onto the 64 MB
**              application flash on CS1 and the boot parameter block at the
**              top of the CS0 boot flash. The same FMD is built for the
**              CE 5.0, CE 6.0 and Compact 7 images of the board.
**
******************************************************************************/
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include <fmd.h>
#include "xllp_bsp.h"

#define FLASH_HALF_SIZE         (BSP_FLASH_CS1_SIZE / 2)        // 32 MB
#define FLASH_PARTITION_SIZE    (16 * 1024 * 1024)
#define FLASH_STORE_OFFSET      (24 * 1024 * 1024)
#define FLASH_XIP_REGION_SIZE   (50 * 1024 * 1024)
#define BOOT_PARAMS_OFFSET      0x01FC0000
#define BOOT_PARAMS_SIZE        0x00040000

static PVOID g_pvFlash = NULL;
static PVOID g_pvBootParams = NULL;

// All 64 MB in one VirtualCopy: more than one 32 MB section whatever the
// address, which CE 5.0 refuses and later versions only tolerate.
static BOOL FlashMapWhole(void)
{
    g_pvFlash = VirtualAlloc(NULL, BSP_FLASH_CS1_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (g_pvFlash == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(g_pvFlash, (PVOID)(PXA27X_BASE_PA_CS1_FLASH >> 8), BSP_FLASH_CS1_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: section-crossing
        VirtualFree(g_pvFlash, 0, MEM_RELEASE);
        g_pvFlash = NULL;
        return FALSE;
    }
    return TRUE;
}

// The fix for FlashMapWhole: split at 32 MB. CE 5.0 starts a reservation of
// 32 MB or more on a section boundary, so each half is exactly one section.
static BOOL FlashMapHalves(void)
{
    PBYTE pb = (PBYTE)VirtualAlloc(NULL, BSP_FLASH_CS1_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pb == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pb, (PVOID)(PXA27X_BASE_PA_CS1_FLASH >> 8), FLASH_HALF_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(pb, 0, MEM_RELEASE);
        return FALSE;
    }
    if (!VirtualCopy(pb + FLASH_HALF_SIZE, (PVOID)((PXA27X_BASE_PA_CS1_FLASH + FLASH_HALF_SIZE) >> 8), FLASH_HALF_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(pb, 0, MEM_RELEASE);
        return FALSE;
    }
    g_pvFlash = pb;
    return TRUE;
}

// One 16 MB partition in a reservation of its own: under 32 MB, so CE 5.0
// keeps it inside one section.
static PVOID FlashMapStorePartition(void)
{
    PVOID pv = VirtualAlloc(NULL, FLASH_PARTITION_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)((PXA27X_BASE_PA_CS1_FLASH + FLASH_PARTITION_SIZE) >> 8), FLASH_PARTITION_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// The FAT store: 16 MB at 24 MB into a window over the whole 64 MB part. CE 5.0
// starts the 64 MB reservation on a section boundary, so offsets 24-40 MB
// straddle the boundary at 32 MB; later versions accept it, but this FMD is
// built for CE 5.0 too.
static PBYTE FlashMapFatStore(void)
{
    PBYTE pb = (PBYTE)VirtualAlloc(NULL, BSP_FLASH_CS1_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pb == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pb + FLASH_STORE_OFFSET, (PVOID)((PXA27X_BASE_PA_CS1_FLASH + FLASH_STORE_OFFSET) >> 8), FLASH_PARTITION_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: section-crossing
        VirtualFree(pb, 0, MEM_RELEASE);
        return NULL;
    }
    return pb;
}

// The XIP region through CEDDK: 50 MB in one MmMapIoSpace, which makes one
// VirtualCopy of 50 MB inside.
static PVOID FlashMapXipRegion(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = PXA27X_BASE_PA_CS1_FLASH;
    return MmMapIoSpace(pa, FLASH_XIP_REGION_SIZE, FALSE); // expect: section-crossing
}

// The boot parameter block: 256 KB, a small reservation.
static BOOL FlashMapBootParams(void)
{
    g_pvBootParams = VirtualAlloc(NULL, BOOT_PARAMS_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (g_pvBootParams == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(g_pvBootParams, (PVOID)((PXA27X_BASE_PA_CS0_FLASH + BOOT_PARAMS_OFFSET) >> 8), BOOT_PARAMS_SIZE, PAGE_READONLY | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(g_pvBootParams, 0, MEM_RELEASE);
        g_pvBootParams = NULL;
        return FALSE;
    }
    return TRUE;
}

PVOID FMD_Init(LPCTSTR lpActiveReg, PPCI_REG_INFO pRegIn, PPCI_REG_INFO pRegOut)
{
    PVOID pvStore;

    if (!FlashMapWhole() && !FlashMapHalves()) {
        RETAILMSG(1, (TEXT("FMD: cannot map the CS1 flash\r\n")));
        return NULL;
    }
    pvStore = FlashMapStorePartition();
    if (pvStore == NULL) {
        pvStore = FlashMapFatStore();
    }
    if (pvStore == NULL) {
        pvStore = FlashMapXipRegion();
    }
    FlashMapBootParams();
    return pvStore;
}

BOOL FMD_Deinit(PVOID hFMD)
{
    if (g_pvFlash != NULL) {
        VirtualFree(g_pvFlash, 0, MEM_RELEASE);
        g_pvFlash = NULL;
    }
    if (g_pvBootParams != NULL) {
        VirtualFree(g_pvBootParams, 0, MEM_RELEASE);
        g_pvBootParams = NULL;
    }
    return TRUE;
}
