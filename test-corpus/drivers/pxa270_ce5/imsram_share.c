// cemap-targets: ce5 ce6
/******************************************************************************
**
**  FILENAME:   imsram_share.c
**
**  PURPOSE:    IMS: driver. Maps the PXA27x internal SRAM (256 KB in four
**              64 KB banks) for the camera and the MPEG-4 codec, and the
**              capture SRAM on CS5. On CE 5.0 the camera application runs in
**              another process, so the mappings are made in a reservation of
**              2 MB or more, which CE 5.0 places in the shared area where
**              every process sees it.
**
******************************************************************************/
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "xllp_bsp.h"

// At least 2 MB, so that CE 5.0 takes it from the shared area.
#define IMS_SHARED_RESERVE      (2 * 1024 * 1024)

typedef struct _IMS_CONTEXT
{
    PVOID   pvShared;
    PVOID   pvVideo;
    PVOID   pvCpld;
    HANDLE  hBank3Map;
    PVOID   pvBank3View;
} IMS_CONTEXT, *PIMS_CONTEXT;

// Bank by bank. The reservation is under 32 MB, so CE 5.0 keeps it inside
// one section and none of the copies can straddle a boundary.
static PVOID ImsMapBanks(void)
{
    PBYTE pb = (PBYTE)VirtualAlloc(NULL, IMS_SHARED_RESERVE, MEM_RESERVE, PAGE_NOACCESS);
    if (pb == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pb, (PVOID)(PXA27X_BASE_REG_PA_IMSRAM >> 8), PXA27X_IMSRAM_BANK_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL) || // ok: section-crossing
        !VirtualCopy(pb + PXA27X_IMSRAM_BANK_SIZE, (PVOID)((PXA27X_BASE_REG_PA_IMSRAM + PXA27X_IMSRAM_BANK_SIZE) >> 8), PXA27X_IMSRAM_BANK_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL) || // ok: section-crossing
        !VirtualCopy(pb + 2 * PXA27X_IMSRAM_BANK_SIZE, (PVOID)((PXA27X_BASE_REG_PA_IMSRAM + 2 * PXA27X_IMSRAM_BANK_SIZE) >> 8), PXA27X_IMSRAM_BANK_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        RETAILMSG(1, (TEXT("IMS: bank mapping failed\r\n")));
        VirtualFree(pb, 0, MEM_RELEASE);
        return NULL;
    }
    // Bank 3 is handed to the codec through a named mapping, see ImsMapBank3View.
    return pb;
}

// The original version: all 256 KB in one call. Just as safe: a shared-area
// reservation under 32 MB never spans two sections on CE 5.0.
static PVOID ImsMapWhole(void)
{
    PVOID pv = VirtualAlloc(NULL, IMS_SHARED_RESERVE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(PXA27X_BASE_REG_PA_IMSRAM >> 8), PXA27X_IMSRAM_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Half of bank 0 and half of bank 1 for the codec's line buffers: 64 KB
// starting in the middle of a 64 KB block, still inside the one section
// CE 5.0 gives the 2 MB reservation.
static PVOID ImsMapLineBuffers(void)
{
    PBYTE pb = (PBYTE)VirtualAlloc(NULL, IMS_SHARED_RESERVE, MEM_RESERVE, PAGE_NOACCESS);
    if (pb == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pb + 0x8000, (PVOID)((PXA27X_BASE_REG_PA_IMSRAM + 0x8000) >> 8), PXA27X_IMSRAM_BANK_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(pb, 0, MEM_RELEASE);
        return NULL;
    }
    return pb + 0x8000;
}

// Bank 3 through a named, reserved-only file mapping: the codec process
// opens the same name. A view of a SEC_RESERVE mapping is reserved memory.
static PVOID ImsMapBank3View(PIMS_CONTEXT pCtx)
{
    pCtx->hBank3Map = CreateFileMapping(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE | SEC_RESERVE, 0, PXA27X_IMSRAM_BANK_SIZE, TEXT("IMSRAM_BANK3"));
    if (pCtx->hBank3Map == NULL) {
        return NULL;
    }
    pCtx->pvBank3View = MapViewOfFile(pCtx->hBank3Map, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    if (pCtx->pvBank3View == NULL) {
        CloseHandle(pCtx->hBank3Map);
        pCtx->hBank3Map = NULL;
        return NULL;
    }
    if (!VirtualCopy(pCtx->pvBank3View, (PVOID)((PXA27X_BASE_REG_PA_IMSRAM + 3 * PXA27X_IMSRAM_BANK_SIZE) >> 8), PXA27X_IMSRAM_BANK_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: dest-not-reserved, section-crossing
        UnmapViewOfFile(pCtx->pvBank3View);
        CloseHandle(pCtx->hBank3Map);
        pCtx->pvBank3View = NULL;
        pCtx->hBank3Map = NULL;
        return NULL;
    }
    return pCtx->pvBank3View;
}

// Capture SRAM, 4 MB through CEDDK. MmMapIoSpace reserves the whole size
// itself, so on CE 5.0 it is in the shared area too, inside one section.
static PVOID ImsMapVideoSram(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = PXA27X_BASE_PA_CS5_VIDEO;
    return MmMapIoSpace(pa, BSP_VIDEO_SRAM_SIZE, FALSE); // ok: section-crossing
}

// The CPLD window is 1 MB: below 2 MB CE 5.0 keeps the reservation in the
// process's own 32 MB slot, which no section boundary crosses.
static PVOID ImsMapCpld(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = PXA27X_BASE_PA_CS4_CPLD;
    return MmMapIoSpace(pa, BSP_CPLD_WINDOW_SIZE, FALSE); // ok: section-crossing
}

DWORD IMS_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PIMS_CONTEXT pCtx = (PIMS_CONTEXT)LocalAlloc(LPTR, sizeof(IMS_CONTEXT));
    if (pCtx == NULL) {
        return 0;
    }
    pCtx->pvShared = ImsMapBanks();
    if (pCtx->pvShared == NULL) {
        pCtx->pvShared = ImsMapWhole();
    }
    if (ImsMapLineBuffers() == NULL) {
        RETAILMSG(1, (TEXT("IMS: no line buffers, codec runs from SDRAM\r\n")));
    }
    ImsMapBank3View(pCtx);
    pCtx->pvVideo = ImsMapVideoSram();
    pCtx->pvCpld = ImsMapCpld();
    return (DWORD)pCtx;
}

BOOL IMS_Deinit(DWORD hDeviceContext)
{
    PIMS_CONTEXT pCtx = (PIMS_CONTEXT)hDeviceContext;
    if (pCtx == NULL) {
        return FALSE;
    }
    if (pCtx->pvShared != NULL) {
        VirtualFree(pCtx->pvShared, 0, MEM_RELEASE);
    }
    if (pCtx->pvBank3View != NULL) {
        UnmapViewOfFile(pCtx->pvBank3View);
        CloseHandle(pCtx->hBank3Map);
    }
    if (pCtx->pvVideo != NULL) {
        MmUnmapIoSpace(pCtx->pvVideo, BSP_VIDEO_SRAM_SIZE);
    }
    if (pCtx->pvCpld != NULL) {
        MmUnmapIoSpace(pCtx->pvCpld, BSP_CPLD_WINDOW_SIZE);
    }
    LocalFree(pCtx);
    return TRUE;
}
