/*
 * ledctl: a test application that drives the board LEDs by mapping the GPIO bank
 * itself. Fine on CE 5, where any process may call VirtualCopy; an application
 * cannot map physical memory on CE 6.
 */
// cemap-targets: ce5 ce6
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "cobalt_base_regs.h"

#define LED_PORT    12      /* GPM */

static BOOL LedWrite(DWORD pattern)
{
    PHYSICAL_ADDRESS pa;
    volatile COBALT_GPIO_PORT *gpio;

    pa.QuadPart = COBALT_PA_GPIO;
    gpio = (volatile COBALT_GPIO_PORT *)MmMapIoSpace(pa, COBALT_SZ_GPIO, FALSE); // expect(ce6): kernel-only-api; ok(ce5): kernel-only-api
    if (gpio == NULL) {
        return FALSE;
    }
    gpio[LED_PORT & 7].DAT = pattern;
    MmUnmapIoSpace((PVOID)gpio, COBALT_SZ_GPIO);
    return TRUE;
}

static BOOL LedBlink(DWORD times)
{
    volatile COBALT_GPIO_PORT *gpio;
    DWORD i;
    BOOL ok;

    gpio = (volatile COBALT_GPIO_PORT *)VirtualAlloc(NULL, COBALT_SZ_GPIO, MEM_RESERVE, PAGE_NOACCESS);
    if (gpio == NULL) {
        return FALSE;
    }
    ok = VirtualCopy((PVOID)gpio, (PVOID)(COBALT_PA_GPIO >> 8), COBALT_SZ_GPIO, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect(ce6): kernel-only-api
    if (ok) {
        for (i = 0; i < times; i++) {
            gpio[LED_PORT & 7].DAT ^= 0xF;
            Sleep(250);
        }
    }
    VirtualFree((PVOID)gpio, 0, MEM_RELEASE);
    return ok;
}

/* A kernel static mapping of the GPIO bank, as the CE 5 ISR code did. */
static PVOID LedStaticWindow(void)
{
    return CreateStaticMapping((DWORD)(COBALT_PA_GPIO >> 8), COBALT_SZ_GPIO); // expect(ce6): kernel-only-api
}

int WINAPI WinMain(HINSTANCE instance, HINSTANCE previous, LPWSTR commandLine, int show)
{
    if (!LedWrite(0x5)) {
        return 1;
    }
    LedBlink(4);
    return LedStaticWindow() != NULL ? 0 : 2;
}
