//
// eboot_lcd.c -- the boot loader's splash screen. The boot loader runs bare-metal until it
// jumps to the OS image: its mappings live until then, and no CE 6 process rule applies.
//
#include <windows.h>
#include <ceddk.h>
#include <opal2420.h>

static volatile DWORD *g_pLcdFifo;

BOOL BLShowSplash(void)
{
    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (pv == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pv, (PVOID)(OPAL_LCD_FIFO_PA >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: kernel-only-api
        return FALSE;
    }
    g_pLcdFifo = (volatile DWORD *)pv;
    g_pLcdFifo[0] = 0xFFFF;
    return TRUE;
}
