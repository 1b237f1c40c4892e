/*
 * drvlib_map.c -- register mapping helpers shared by the SMDK6410 drivers.
 *
 * DrvLib_MapIoSpace predates CEDDK on this BSP: it reserves a window and
 * VirtualCopies the physical address into it, without the page-offset
 * fix-up that MmMapIoSpace does. Callers must pass page-aligned addresses.
 */
#include <windows.h>
#include <pkfuncs.h>

PVOID DrvLib_MapIoSpace(DWORD dwPhysical, DWORD dwSize, BOOL fCached)
{
    DWORD dwProtect = PAGE_READWRITE | PAGE_PHYSICAL;
    PVOID pv;

    if (!fCached) {
        dwProtect |= PAGE_NOCACHE;
    }
    pv = VirtualAlloc(NULL, dwSize, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(dwPhysical >> 8), dwSize, dwProtect)) { // ok: page-offset-mismatch, missing-nocache
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

void DrvLib_UnmapIoSpace(PVOID pv)
{
    if (pv != NULL) {
        VirtualFree(pv, 0, MEM_RELEASE);
    }
}
