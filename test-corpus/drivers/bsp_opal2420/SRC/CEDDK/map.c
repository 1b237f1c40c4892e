//
// map.c -- the BSP's CEDDK mapping functions. On-chip peripherals share one permanent
// mapping of the L4 window, created on first use and never released; anything else gets a
// mapping of its own.
//
#include <windows.h>
#include <ceddk.h>
#include <opal2420.h>

static VOID *g_pL4Window = NULL;

PVOID MmMapIoSpace(PHYSICAL_ADDRESS pa, ULONG size, BOOLEAN cacheEnable)
{
    PVOID pAddress = NULL;
    DWORD base, offset;

    if (!cacheEnable && pa.HighPart == 0 && pa.LowPart >= OPAL_L4_PERIPH_PA
            && pa.LowPart + size <= OPAL_L4_PERIPH_PA + OPAL_L4_PERIPH_SIZE) {
        if (g_pL4Window == NULL) {
            g_pL4Window = VirtualAlloc(0, OPAL_L4_PERIPH_SIZE, MEM_RESERVE, PAGE_NOACCESS);
            if (g_pL4Window == NULL) {
                goto cleanUp;
            }
            if (!VirtualCopy(g_pL4Window, (PVOID)(OPAL_L4_PERIPH_PA >> 8), OPAL_L4_PERIPH_SIZE,
                    PAGE_PHYSICAL | PAGE_READWRITE | PAGE_NOCACHE)) {
                VirtualFree(g_pL4Window, 0, MEM_RELEASE);
                g_pL4Window = NULL;
                goto cleanUp;
            }
        }
        pAddress = (PBYTE)g_pL4Window + (pa.LowPart - OPAL_L4_PERIPH_PA);
    } else {
        offset = pa.LowPart & (PAGE_SIZE - 1);
        base = pa.LowPart - offset;
        pAddress = VirtualAlloc(0, size + offset, MEM_RESERVE, PAGE_NOACCESS);
        if (pAddress == NULL) {
            goto cleanUp;
        }
        if (!VirtualCopy(pAddress, (PVOID)(base >> 8), size + offset,
                PAGE_PHYSICAL | PAGE_READWRITE | (cacheEnable ? 0 : PAGE_NOCACHE))) {
            VirtualFree(pAddress, 0, MEM_RELEASE);
            pAddress = NULL;
            goto cleanUp;
        }
        pAddress = (PBYTE)pAddress + offset;
    }

cleanUp:
    return pAddress;
}

VOID MmUnmapIoSpace(PVOID pAddress, ULONG size)
{
    if (g_pL4Window == NULL || (DWORD)pAddress < (DWORD)g_pL4Window
            || (DWORD)pAddress >= (DWORD)g_pL4Window + OPAL_L4_PERIPH_SIZE) {
        VirtualFree((PVOID)((DWORD)pAddress & ~(PAGE_SIZE - 1)), 0, MEM_RELEASE);
    }
}

// A helper of the same name as the serial driver's own; the linker keeps them apart.
BOOL ResetBlock(volatile DWORD *pReg)
{
    *pReg = 0x2;
    return TRUE;
}
