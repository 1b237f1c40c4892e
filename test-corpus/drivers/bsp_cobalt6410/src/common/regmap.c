/*
 * Register helpers shared by the GPIO driver (kernel mode) and the keypad driver
 * (user mode on CE 6): a static library, so each call runs in the mode of the
 * driver that links it.
 */
#include <windows.h>
#include <ceddk.h>
#include "cobalt_base_regs.h"

/* Reads a GPIO port's data register. */
DWORD RegMap_ReadGpioData(DWORD port)
{
    PHYSICAL_ADDRESS pa;
    volatile COBALT_GPIO_PORT *gpio;
    DWORD value;

    pa.QuadPart = COBALT_PA_GPIO;
    gpio = (volatile COBALT_GPIO_PORT *)MmMapIoSpace(pa, COBALT_SZ_GPIO, FALSE); // ok: kernel-only-api
    if (gpio == NULL) {
        return 0;
    }
    value = gpio[port & 7].DAT;
    MmUnmapIoSpace((PVOID)gpio, COBALT_SZ_GPIO);
    return value;
}

/*
 * Turns the keypad clock on. SYSCON is not in the keypad's IoBase/IoLen, so when the
 * keypad driver (user mode) calls this on CE 6 the reflector refuses the mapping.
 */
BOOL RegMap_EnableKeypadClock(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *syscon;

    pa.QuadPart = COBALT_PA_SYSCON;
    syscon = (volatile DWORD *)MmMapIoSpace(pa, COBALT_SZ_SYSCON, FALSE); // expect: kernel-only-api
    if (syscon == NULL) {
        return FALSE;
    }
    syscon[0x34 / 4] |= (1u << 17);     /* PCLK_GATE: keypad */
    MmUnmapIoSpace((PVOID)syscon, COBALT_SZ_SYSCON);
    return TRUE;
}
