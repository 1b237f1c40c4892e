/*
 * Cobalt6410 GPIO driver. Its registry key has no Flags: Device Manager loads it
 * into the kernel, where every mapping API is available.
 */
#include <windows.h>
#include <ceddk.h>
#include "cobalt_base_regs.h"

#define GPIO_MAP_BYTES  COBALT_SZ_GPIO

BOOL GPIO_SetPin(DWORD port, DWORD pin, BOOL high)
{
    PHYSICAL_ADDRESS pa;
    volatile COBALT_GPIO_PORT *regs;

    pa.QuadPart = COBALT_PA_GPIO;
    regs = (volatile COBALT_GPIO_PORT *)MmMapIoSpace(pa, GPIO_MAP_BYTES, FALSE); // ok: kernel-only-api
    if (regs == NULL) {
        return FALSE;
    }
    if (high) {
        regs[port & 7].DAT |= (1u << pin);
    } else {
        regs[port & 7].DAT &= ~(1u << pin);
    }
    MmUnmapIoSpace((PVOID)regs, GPIO_MAP_BYTES);
    return TRUE;
}

/* Turns the GPIO clock on: SYSCON is fine to map from a kernel-mode driver. */
BOOL GPIO_EnableClock(void)
{
    volatile DWORD *syscon;
    BOOL ok;

    syscon = (volatile DWORD *)VirtualAlloc(NULL, COBALT_SZ_SYSCON, MEM_RESERVE, PAGE_NOACCESS);
    if (syscon == NULL) {
        return FALSE;
    }
    ok = VirtualCopy((PVOID)syscon, (PVOID)(COBALT_PA_SYSCON >> 8), COBALT_SZ_SYSCON, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // ok: kernel-only-api
    if (ok) {
        syscon[0x34 / 4] |= (1u << 3);  /* PCLK_GATE: GPIO */
    }
    VirtualFree((PVOID)syscon, 0, MEM_RELEASE);
    return ok;
}
