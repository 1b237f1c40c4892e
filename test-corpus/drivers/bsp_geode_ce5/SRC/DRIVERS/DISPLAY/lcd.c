/*
 * Geode display driver (CE 5). GWES loads it from [HKLM\System\GDI\Drivers]
 * "Display": into gwes.exe on CE 5, into the kernel on CE 6. The UMA frame buffer
 * is RESERVED in config.bib; the capture overlay the driver parks below it is not:
 * config.bib gives that memory to the kernel ($(RAMNAME) $(RAMSTART) $(RAMLEN) RAM,
 * physical 0x00C00000-0x03BFFFFF through the x86 OEMAddressTable, whose row sizes
 * are bytes).
 */
// cemap-targets: ce5 ce6
#include <windows.h>
#include <ceddk.h>
#include "geode_regs.h"

#define OVERLAY_PA              0x03400000      /* below the frame buffer: kernel RAM */
#define OVERLAY_BYTES           0x00200000

typedef struct {
    PVOID pFrame;
    PVOID pVga;
    PVOID pOverlay;
    volatile DWORD *pGx;
} GEODE_DISPLAY;

static GEODE_DISPLAY g_display;

BOOL GX_MapFrameBuffer(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = GEODE_PA_UMA_FRAMEBUFFER;
    g_display.pFrame = MmMapIoSpace(pa, GEODE_SZ_UMA_FRAMEBUFFER, FALSE); // ok: physical-on-kernel-ram
    return g_display.pFrame != NULL;
}

/* The legacy VGA aperture, for the boot splash the BIOS left on screen. */
BOOL GX_MapVgaWindow(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = GEODE_PA_VGA_WINDOW;
    g_display.pVga = MmMapIoSpace(pa, GEODE_SZ_VGA_WINDOW, FALSE); // ok: physical-on-kernel-ram
    return g_display.pVga != NULL;
}

/* The capture overlay: kernel RAM in both IMGULDR configurations. */
BOOL GX_MapOverlay(void)
{
    PHYSICAL_ADDRESS pa;

    pa.LowPart = OVERLAY_PA;
    pa.HighPart = 0;
    g_display.pOverlay = MmMapIoSpace(pa, OVERLAY_BYTES, FALSE); // expect: physical-on-kernel-ram
    return g_display.pOverlay != NULL;
}

BOOL GX_MapRegisters(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = GEODE_PA_GX_REGS;
    g_display.pGx = (volatile DWORD *)MmMapIoSpace(pa, GEODE_SZ_GX_REGS, FALSE); // ok: kernel-only-api
    return g_display.pGx != NULL;
}

void GX_Unmap(void)
{
    if (g_display.pOverlay != NULL) {
        MmUnmapIoSpace(g_display.pOverlay, OVERLAY_BYTES);
    }
    if (g_display.pVga != NULL) {
        MmUnmapIoSpace(g_display.pVga, GEODE_SZ_VGA_WINDOW);
    }
    if (g_display.pFrame != NULL) {
        MmUnmapIoSpace(g_display.pFrame, GEODE_SZ_UMA_FRAMEBUFFER);
    }
    if (g_display.pGx != NULL) {
        MmUnmapIoSpace((PVOID)g_display.pGx, GEODE_SZ_GX_REGS);
    }
}
