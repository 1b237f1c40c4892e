/*
 * Mica3530 GPIO service for the board's expansion header. Services load it from
 * [HKLM\Services\GpioSvc]: on CE 5 into services.exe, on CE 6 into servicesd.exe,
 * a user-mode host the reflector serves only inside the key's IoBase/IoLen
 * (GPIO banks 2 to 6).
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define GPIO_OE                 (0x34 / 4)
#define GPIO_DATAOUT            (0x3C / 4)

BOOL GPS_SetExpansionPins(DWORD mask)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *gpio5;

    pa.QuadPart = MICA_PA_GPIO5;
    gpio5 = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_GPIO, FALSE); // ok: kernel-only-api
    if (gpio5 == NULL) {
        return FALSE;
    }
    gpio5[GPIO_OE] &= ~mask;
    gpio5[GPIO_DATAOUT] |= mask;
    MmUnmapIoSpace((PVOID)gpio5, MICA_SZ_GPIO);
    return TRUE;
}

/* The wakeup-domain bank is outside the service's window: the reflector refuses it. */
BOOL GPS_ReadWakeupPins(DWORD *pins)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *gpio1;

    pa.QuadPart = MICA_PA_GPIO1;
    gpio1 = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_GPIO, FALSE); // expect: kernel-only-api
    if (gpio1 == NULL) {
        return FALSE;
    }
    *pins = gpio1[0x38 / 4];
    MmUnmapIoSpace((PVOID)gpio1, MICA_SZ_GPIO);
    return TRUE;
}
