//
// Copyright (c) Microsoft Corporation.  All rights reserved.
//
// Module Name: vga_flat.c
//
// Frame buffer mapping for the flat VGA/VESA display driver on a CEPC.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "cepc_video.h"

typedef struct _VGA_DEVICE
{
    PVOID   pvVgaWindow;
    PVOID   pvLinearFrameBuffer;
    PVOID   pvTextWindow;
    DWORD   dwLfbPhys;
} VGA_DEVICE, *PVGA_DEVICE;

// The legacy VGA aperture at 0xA0000. It is below 1 MB, nothing to do with
// the kernel's static window at 0xA0000000.
static PVOID VgaMapLegacyAperture(void)
{
    PVOID pv = VirtualAlloc(NULL, VGA_FRAME_BUFFER_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(VGA_FRAME_BUFFER_PA >> 8), VGA_FRAME_BUFFER_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// The same aperture as the old display driver mapped it: through the
// address the OAL's static mapping gives it, which is a kernel virtual
// address, then treated as physical.
static PVOID VgaMapLegacyApertureOld(void)
{
    PVOID pv = VirtualAlloc(NULL, VGA_FRAME_BUFFER_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(0x800A0000 >> 8), VGA_FRAME_BUFFER_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Text mode buffer for the boot console, written as "uncached base plus
// physical offset" and divided for PAGE_PHYSICAL.
static PVOID VgaMapTextBuffer(void)
{
    PVOID pv = VirtualAlloc(NULL, 0x8000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)((CEPC_UNCACHED_BASE + VGA_TEXT_BUFFER_PA) / 256), 0x8000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Same buffer through the cached alias.
static PVOID VgaMapTextBufferCached(void)
{
    PVOID pv = VirtualAlloc(NULL, 0x8000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)((CEPC_CACHED_BASE + VGA_TEXT_BUFFER_PA) / 256), 0x8000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// A virtual-to-virtual copy of the OAL's mapping is fine: no PAGE_PHYSICAL,
// the source is meant to be a virtual address.
static PVOID VgaShareTextBuffer(void)
{
    PVOID pv = VirtualAlloc(NULL, 0x8000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(CEPC_UNCACHED_BASE + VGA_TEXT_BUFFER_PA), 0x8000, PAGE_READWRITE | PAGE_NOCACHE)) { // ok: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Linear frame buffer. The PCI BAR is above the static window, at 3.5 GB.
static PVOID VgaMapLinearFrameBuffer(DWORD dwBarFromRegistry)
{
    DWORD dwLfb = dwBarFromRegistry != 0 ? dwBarFromRegistry : TRIO64_DEFAULT_LFB_PA;
    PVOID pv = VirtualAlloc(NULL, TRIO64_LFB_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(dwLfb >> 8), TRIO64_LFB_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Default LFB when the registry is empty.
static PVOID VgaMapDefaultLinearFrameBuffer(void)
{
    PVOID pv = VirtualAlloc(NULL, TRIO64_LFB_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(TRIO64_DEFAULT_LFB_PA >> 8), TRIO64_LFB_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

DWORD VGA_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PVGA_DEVICE pDev = (PVGA_DEVICE)LocalAlloc(LPTR, sizeof(VGA_DEVICE));
    DWORD dwBar = 0;
    DWORD dwType, dwSize = sizeof(dwBar);
    HKEY hKey;

    if (pDev == NULL) {
        return 0;
    }
    if (RegOpenKeyEx(HKEY_LOCAL_MACHINE, TEXT("Drivers\\Display\\Trio64"), 0, 0, &hKey) == ERROR_SUCCESS) {
        RegQueryValueEx(hKey, TEXT("LfbPhys"), NULL, &dwType, (LPBYTE)&dwBar, &dwSize);
        RegCloseKey(hKey);
    }
    pDev->pvVgaWindow = VgaMapLegacyAperture();
    if (pDev->pvVgaWindow == NULL) {
        pDev->pvVgaWindow = VgaMapLegacyApertureOld();
    }
    pDev->pvTextWindow = VgaShareTextBuffer();
    if (pDev->pvTextWindow == NULL) {
        pDev->pvTextWindow = VgaMapTextBuffer();
    }
    if (pDev->pvTextWindow == NULL) {
        pDev->pvTextWindow = VgaMapTextBufferCached();
    }
    pDev->pvLinearFrameBuffer = VgaMapLinearFrameBuffer(dwBar);
    if (pDev->pvLinearFrameBuffer == NULL) {
        pDev->pvLinearFrameBuffer = VgaMapDefaultLinearFrameBuffer();
    }
    pDev->dwLfbPhys = dwBar;
    return (DWORD)pDev;
}
