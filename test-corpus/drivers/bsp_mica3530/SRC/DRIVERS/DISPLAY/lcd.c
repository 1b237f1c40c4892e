/*
 * Mica3530 display driver. GWES loads it from [HKLM\System\GDI\Drivers] "Display":
 * into the gwes.exe process on CE 5, into the kernel on CE 6. The frame buffers are
 * the RESERVED DISPLAY area of config.bib. With the second SDRAM bank fitted
 * (BSP_SDRAM_BANK1_ENABLE), config.bib makes that bank kernel RAM too, and the
 * OEMAddressTable maps it at 0x88000000 (the "[ BSP_SDRAM_BANK1_ENABLE" row of
 * addrtab_cfg.inc): the overlay buffer the CE 5 driver took from its top is no
 * longer free there.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define LCD_OVERLAY_PA          (MICA_PA_SDRAM_BANK1 + 0x07800000)   /* 0xA7800000 */
#define LCD_OVERLAY_BYTES       0x00400000

typedef struct {
    volatile DWORD *pDss;
    PVOID pFrame;
    PVOID pOverlay;
} LCD_CONTEXT;

static LCD_CONTEXT g_lcd;

BOOL LCD_MapController(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_DSS;
    g_lcd.pDss = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_DSS, FALSE); // ok: kernel-only-api
    return g_lcd.pDss != NULL;
}

/* The primary surface: inside the RESERVED DISPLAY area. */
BOOL LCD_MapFrameBuffer(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_DISPLAY_BUFFER;
    g_lcd.pFrame = MmMapIoSpace(pa, MICA_SZ_DISPLAY_BUFFER, FALSE); // ok: physical-on-kernel-ram
    return g_lcd.pFrame != NULL;
}

/* The video overlay at the top of bank 1: kernel RAM when the bank is fitted. */
BOOL LCD_MapOverlay(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = LCD_OVERLAY_PA;
    g_lcd.pOverlay = MmMapIoSpace(pa, LCD_OVERLAY_BYTES, FALSE); // expect: physical-on-kernel-ram
    return g_lcd.pOverlay != NULL;
}

void LCD_Unmap(void)
{
    if (g_lcd.pOverlay != NULL) {
        MmUnmapIoSpace(g_lcd.pOverlay, LCD_OVERLAY_BYTES);
    }
    if (g_lcd.pFrame != NULL) {
        MmUnmapIoSpace(g_lcd.pFrame, MICA_SZ_DISPLAY_BUFFER);
    }
    if (g_lcd.pDss != NULL) {
        MmUnmapIoSpace((PVOID)g_lcd.pDss, MICA_SZ_DSS);
    }
}
