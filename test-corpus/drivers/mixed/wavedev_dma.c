//
// Copyright (c) 2008 Embedded Audio Systems. All rights reserved.
//
// Module Name: wavedev_dma.c
//
// Register and buffer mapping of the WAV: driver on an S3C2450 board: the
// I2S and AC97 controllers, the DMA controller, and the DMA descriptor
// SRAM on nGCS2. Several of these functions are kept only because the
// board variants still call them; they are known to be wrong and are
// listed in the port plan.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include <stdlib.h>
#include <wavedev.h>

#define WAV_PA_IIS              0x55000000
#define WAV_PA_AC97             0x5B000000
#define WAV_PA_DMA              0x4B000000
#define WAV_PA_DESC_SRAM        0x10000000      // nGCS2, 8 KB dual-ported SRAM

#define WAV_REG_WINDOW          0x1000
#define WAV_DESC_SRAM_SIZE      0x2000

typedef struct {
    UINT32 IISCON;          // 0x00
    UINT32 IISMOD;          // 0x04
    UINT32 IISFIC;          // 0x08
    UINT32 IISPSR;          // 0x0C
    UINT32 IISTXD;          // 0x10
    UINT32 IISRXD;          // 0x14
} IIS_REGS;

// Reserved by WAV_Init (WavReserveWindow) and mapped later, on open.
static PVOID g_pvDmaWindow = NULL;

// Committed memory instead of a reservation.
static PVOID WavMapIisCommitted(void)
{
    PVOID pv = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_COMMIT, PAGE_READWRITE | PAGE_NOCACHE);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_IIS >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Reserved and committed in one call: still committed.
static PVOID WavMapAc97ReserveCommit(void)
{
    PVOID pv = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE | MEM_COMMIT, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_AC97 >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// The right way, for comparison.
static PVOID WavMapAc97(void)
{
    PVOID pv = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_AC97 >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: dest-not-reserved
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Heap memory from LocalAlloc is committed heap, not a reservation.
static PVOID WavMapDmaLocalHeap(void)
{
    PVOID pv = LocalAlloc(LMEM_FIXED, WAV_REG_WINDOW);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_DMA >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        LocalFree(pv);
        return NULL;
    }
    return pv;
}

// The same with the C runtime heap.
static PVOID WavMapDmaCrtHeap(void)
{
    PVOID pv = malloc(WAV_REG_WINDOW);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_DMA >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        free(pv);
        return NULL;
    }
    return pv;
}

// Reads the I2S FIFO status into a stack copy of the register block.
static DWORD WavPeekIisStatus(void)
{
    IIS_REGS regs;
    BYTE abScratch[WAV_REG_WINDOW];

    if (!VirtualCopy(abScratch, (PVOID)(WAV_PA_IIS >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        return 0;
    }
    if (!VirtualCopy(&regs, (PVOID)(WAV_PA_IIS >> 8), sizeof(regs), PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved, invalid-protection
        return 0;
    }
    return regs.IISFIC;
}

// The descriptor SRAM is 8 KB; the reservation was sized for one page.
static PVOID WavMapDescriptorSramSmall(void)
{
    PVOID pv = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_DESC_SRAM >> 8), WAV_DESC_SRAM_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// Both halves of the SRAM, page by page, into one reservation of the full size.
static PVOID WavMapDescriptorSram(void)
{
    PBYTE pb = (PBYTE)VirtualAlloc(NULL, WAV_DESC_SRAM_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pb == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pb, (PVOID)(WAV_PA_DESC_SRAM >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: dest-not-reserved
        VirtualFree(pb, 0, MEM_RELEASE);
        return NULL;
    }
    if (!VirtualCopy(pb + 0x1000, (PVOID)((WAV_PA_DESC_SRAM + 0x1000) >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: dest-not-reserved
        VirtualFree(pb, 0, MEM_RELEASE);
        return NULL;
    }
    return pb;
}

// I2S and AC97 into one window: the second call was meant for a second
// reservation that never got written.
static PVOID WavMapCodecPorts(PVOID *ppvAc97)
{
    PVOID pvIis = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pvIis == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pvIis, (PVOID)(WAV_PA_IIS >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pvIis, 0, MEM_RELEASE);
        return NULL;
    }
    if (!VirtualCopy(pvIis, (PVOID)(WAV_PA_AC97 >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        *ppvAc97 = NULL;
    } else {
        *ppvAc97 = pvIis;
    }
    return pvIis;
}

// Fallback to the AC97 link when I2S cannot be mapped; the window was
// already given back by then.
static PVOID WavMapWithFallback(void)
{
    PVOID pv = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_IIS >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pv, 0, MEM_RELEASE);
        if (!VirtualCopy(pv, (PVOID)(WAV_PA_AC97 >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
            return NULL;
        }
    }
    return pv;
}

// An early return gives the window back; the mapping below is on the other path.
static PVOID WavMapDmaChecked(DWORD dwChannels)
{
    PVOID pv = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (dwChannels == 0 || dwChannels > 4) {
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(WAV_PA_DMA >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: dest-not-reserved
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// The window pointer was never assigned in this variant.
static PVOID WavMapDmaUnassigned(void)
{
    PVOID pvRegs = NULL;

    RETAILMSG(1, (TEXT("WAV: mapping DMA controller\r\n")));
    if (!VirtualCopy(pvRegs, (PVOID)(WAV_PA_DMA >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: dest-not-reserved
        return NULL;
    }
    return pvRegs;
}

BOOL WavReserveWindow(void)
{
    g_pvDmaWindow = VirtualAlloc(NULL, WAV_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    return g_pvDmaWindow != NULL;
}

// Maps into the window WavReserveWindow reserved, so not known here.
BOOL WavMapDmaOnOpen(void)
{
    BOOL fOk = FALSE;
    __try {
        fOk = VirtualCopy(g_pvDmaWindow, (PVOID)(WAV_PA_DMA >> 8), WAV_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // ok: dest-not-reserved
    }
    __except (EXCEPTION_EXECUTE_HANDLER) {
        fOk = FALSE;
    }
    return fOk;
}

// Keeps every variant linked for the board-specific builds.
PVOID WavMapVariant(DWORD dwVariant, PVOID *ppvAc97)
{
    switch (dwVariant) {
    case 1:  return WavMapIisCommitted();
    case 2:  return WavMapAc97ReserveCommit();
    case 3:  return WavMapDmaLocalHeap();
    case 4:  return WavMapDmaCrtHeap();
    case 5:  return (PVOID)WavPeekIisStatus();
    case 6:  return WavMapDescriptorSramSmall();
    case 7:  return WavMapDescriptorSram();
    case 8:  return WavMapCodecPorts(ppvAc97);
    case 9:  return WavMapWithFallback();
    case 10: return WavMapDmaChecked(2);
    case 11: return WavMapDmaUnassigned();
    default: return WavMapAc97();
    }
}
