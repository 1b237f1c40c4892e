/*
 * syslib_map.c -- register mapping helper of a BSP whose callers all pass page-aligned
 * physical addresses, reviewed: the suppression on its VirtualCopy covers every call site.
 */
#include <windows.h>
#include <pkfuncs.h>

PVOID SysLib_MapRegisters(DWORD dwPhysical, DWORD dwSize, BOOL fCached)
{
    DWORD dwProtect = PAGE_READWRITE | PAGE_PHYSICAL;
    PVOID pv;

    if (!fCached) {
        dwProtect |= PAGE_NOCACHE;
    }
    pv = VirtualAlloc(NULL, dwSize, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    /* cemap-suppress page-offset-mismatch: the SYSCON window is accessed at its page base only */
    if (!VirtualCopy(pv, (PVOID)(dwPhysical >> 8), dwSize, dwProtect)) {
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

void SysLib_UnmapRegisters(PVOID pv)
{
    if (pv != NULL) {
        VirtualFree(pv, 0, MEM_RELEASE);
    }
}
