/*
 * Cobalt6410 keypad driver. On CE 6 it runs in a user-mode driver host
 * ("Flags"=dword:10 in platform.reg); the reflector maps for it only the keypad
 * controller (0x7E00A000, 0x20 bytes) and the GPIO bank (0x7F008000, 0x100 bytes).
 */
#include <windows.h>
#include <ceddk.h>
#include "cobalt_base_regs.h"

/* Reads the pressed keys of one row. */
DWORD KPD_ScanRow(DWORD row)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *keypad;
    DWORD keys;

    pa.QuadPart = COBALT_PA_KEYPAD;
    keypad = (volatile DWORD *)MmMapIoSpace(pa, COBALT_SZ_KEYPAD, FALSE); // ok: kernel-only-api
    if (keypad == NULL) {
        return 0;
    }
    keypad[1] = 1u << (row & 7);
    keys = keypad[2];
    MmUnmapIoSpace((PVOID)keypad, COBALT_SZ_KEYPAD);
    return keys;
}

/* Drives the row lines through the GPIO bank, which IoBase/IoLen also grant. */
BOOL KPD_SetRowPins(DWORD mask)
{
    volatile COBALT_GPIO_PORT *gpio;
    BOOL ok;

    gpio = (volatile COBALT_GPIO_PORT *)VirtualAlloc(NULL, COBALT_SZ_GPIO, MEM_RESERVE, PAGE_NOACCESS);
    if (gpio == NULL) {
        return FALSE;
    }
    ok = VirtualCopy((PVOID)gpio, (PVOID)(COBALT_PA_GPIO >> 8), COBALT_SZ_GPIO, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // ok: kernel-only-api
    if (ok) {
        gpio[4].DAT = mask;
    }
    VirtualFree((PVOID)gpio, 0, MEM_RELEASE);
    return ok;
}

/* Kicks the watchdog during long scans: WDT is not in the driver's windows. */
BOOL KPD_KickWatchdog(void)
{
    volatile DWORD *wdt;
    BOOL ok;

    wdt = (volatile DWORD *)VirtualAlloc(NULL, COBALT_SZ_WDT, MEM_RESERVE, PAGE_NOACCESS);
    if (wdt == NULL) {
        return FALSE;
    }
    ok = VirtualCopy((PVOID)wdt, (PVOID)(COBALT_PA_WDT >> 8), COBALT_SZ_WDT, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect: kernel-only-api
    if (ok) {
        wdt[2] = 0x8000;                /* WTCNT */
    }
    VirtualFree((PVOID)wdt, 0, MEM_RELEASE);
    return ok;
}

/* Selects the keypad's clock source in SYSCON: outside the windows as well. */
BOOL KPD_SelectClock(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *syscon;

    pa.QuadPart = COBALT_PA_SYSCON;
    syscon = (volatile DWORD *)MmMapIoSpace(pa, COBALT_SZ_SYSCON, FALSE); // expect: kernel-only-api
    if (syscon == NULL) {
        return FALSE;
    }
    syscon[0x20 / 4] &= ~1u;
    MmUnmapIoSpace((PVOID)syscon, COBALT_SZ_SYSCON);
    return TRUE;
}
