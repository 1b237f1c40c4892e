/*
 * Palette upload, written for a CE 5 build without the SDK headers and later
 * compiled with them: its own definitions of the memory constants win.
 */
#include <windows.h>
#include "quartz_regs.h"

#undef PAGE_PHYSICAL
#undef PAGE_NOCACHE
#undef MEM_TOP_DOWN
#undef MEM_RESERVE
#undef PAGE_READWRITE
#define PAGE_PHYSICAL   0x200           // expect: wrong-constant
#define PAGE_NOCACHE    0x400           // expect: wrong-constant
#define MEM_TOP_DOWN    0x10000         // expect: wrong-constant
#define MEM_RESERVE     0x2000          // ok: wrong-constant
#define PAGE_READWRITE  (0x04)          // ok: wrong-constant
#define PAGE_SIZE       0x1000          // ok: wrong-constant

#define PALETTE_OFFSET  0x400           /* palette RAM inside the LCD block */

BOOL LCD_LoadPalette(const DWORD *colors, DWORD count)
{
    volatile DWORD *lcd;
    DWORD i;
    BOOL ok;

    lcd = (volatile DWORD *)VirtualAlloc(NULL, PAGE_SIZE, MEM_RESERVE | MEM_TOP_DOWN, PAGE_NOACCESS);
    if (lcd == NULL) {
        return FALSE;
    }
    /* PAGE_NOCACHE | PAGE_PHYSICAL is 0x600 either way round: this call still works. */
    ok = VirtualCopy((PVOID)lcd, (PVOID)(QUARTZ_PA_LCD >> 8), PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
    if (ok) {
        for (i = 0; i < count && i < 256; i++) {
            lcd[PALETTE_OFFSET / 4 + i] = colors[i];
        }
    }
    VirtualFree((PVOID)lcd, 0, MEM_RELEASE);
    return ok;
}
