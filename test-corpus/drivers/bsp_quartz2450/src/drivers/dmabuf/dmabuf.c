/*
 * dmabuf.dll: loaded into the kernel (K flag in platform.bib) by applications that
 * call LoadKernelLibrary; it maps DMA memory for them.
 */
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "quartz_regs.h"

#define DMA_POOL_PA         0x33000000      /* "free" DRAM: config.bib gives it to the kernel */
#define DMA_POOL_BYTES      0x00200000
#define DISPLAY_PA          0x33C00000      /* DISPLAY: RESERVED in config.bib */
#define DISPLAY_BYTES       0x00400000

/* Maps the DMA pool into the caller's window. */
BOOL DMA_MapPool(PVOID window)
{
    return VirtualCopy(window, (PVOID)(DMA_POOL_PA >> 8), DMA_POOL_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect: physical-on-kernel-ram; ok: kernel-only-api
}

/* Maps the reserved display memory: not the kernel's RAM. */
PVOID DMA_MapDisplay(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = DISPLAY_PA;
    return MmMapIoSpace(pa, DISPLAY_BYTES, FALSE); // ok: physical-on-kernel-ram, kernel-only-api
}

/* Unmaps what DMA_MapDisplay returned. */
VOID DMA_UnmapDisplay(PVOID display)
{
    MmUnmapIoSpace(display, DISPLAY_BYTES);
}
