/*
 * i2s_playback_dma.c -- playback path of a CE 6 I2S codec driver: the CPU copies PCM data into a
 * DMA page and the controller's DMA channel reads the page by its physical address. Some variants
 * keep the page cached and must write it back before starting the channel.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define I2S_DMA_REGS_PA     0x55001000
#define I2S_DMA_PAGE_BYTES  0x1000
#define I2S_DMA_BUFFER_PA   0x33F00000
#define I2S_CTRL_START      0x00000001
#define I2S_CTRL_IRQ_EN     0x00000002
#define IOCTL_HAL_FLUSH_DCACHE_RANGE CTL_CODE(FILE_DEVICE_HAL, 2060, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _I2S_DMA_REGS {
    volatile ULONG SRC_ADDR;
    volatile ULONG DST_ADDR;
    volatile ULONG COUNT;
    volatile ULONG CONTROL;
    volatile ULONG STATUS;
} I2S_DMA_REGS, *PI2S_DMA_REGS;

typedef struct _I2S_STREAM {
    PI2S_DMA_REGS    pRegs;
    PBYTE            pPage;
    DWORD            dwPagePhys;
    PHYSICAL_ADDRESS paPage;
    DMA_ADAPTER_OBJECT Adapter;
} I2S_STREAM, *PI2S_STREAM;

static I2S_STREAM g_Play;

/* The sDMA library of the BSP: linked in, no source in this driver. */
extern BOOL SdmaStartTransfer(DWORD dwChannel, DWORD dwPhysSource, DWORD cbLength);
extern BOOL I2sPrepareFifo(PBYTE pPage, DWORD cb);

static PI2S_DMA_REGS I2sMapRegisters(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = I2S_DMA_REGS_PA;
    return (PI2S_DMA_REGS)MmMapIoSpace(pa, sizeof(I2S_DMA_REGS), FALSE);
}

/* The page is cached and the CPU fills it; the channel is pointed at it without a write-back. */
BOOL I2sStartPlayback(const BYTE *pPcm, DWORD cb)
{
    PI2S_DMA_REGS pRegs = I2sMapRegisters();
    DWORD dwPhys;
    PBYTE pPage;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    memcpy(pPage, pPcm, cb);
    pRegs->COUNT = cb;
    pRegs->SRC_ADDR = dwPhys; // expect: dma-buffer-not-flushed {{made at line 56 is cached (without PAGE_NOCACHE)}}
    pRegs->CONTROL = I2S_CTRL_START | I2S_CTRL_IRQ_EN;
    return TRUE;
}

/* Correct: the same, with the page written back before the channel gets its address. */
BOOL I2sStartPlaybackFlushed(const BYTE *pPcm, DWORD cb)
{
    PI2S_DMA_REGS pRegs = I2sMapRegisters();
    DWORD dwPhys;
    PBYTE pPage;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    memcpy(pPage, pPcm, cb);
    CacheRangeFlush(pPage, cb, CACHE_SYNC_WRITEBACK);
    pRegs->COUNT = cb;
    pRegs->SRC_ADDR = dwPhys; // ok: dma-buffer-not-flushed
    pRegs->CONTROL = I2S_CTRL_START | I2S_CTRL_IRQ_EN;
    return TRUE;
}

/* Correct: the page is uncached, so the CPU's writes reach memory directly. */
BOOL I2sStartPlaybackUncached(const BYTE *pPcm, DWORD cb)
{
    PI2S_DMA_REGS pRegs = I2sMapRegisters();
    DWORD dwPhys;
    PBYTE pPage;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    memcpy(pPage, pPcm, cb);
    WRITE_REGISTER_ULONG((PULONG)&pRegs->SRC_ADDR, dwPhys); // ok: dma-buffer-not-flushed
    WRITE_REGISTER_ULONG((PULONG)&pRegs->CONTROL, I2S_CTRL_START);
    return TRUE;
}

/* The silence before the first period is written with memset and handed over through the CEDDK accessor. */
BOOL I2sPrimeSilence(PI2S_DMA_REGS pRegs)
{
    DWORD dwPhys;
    PBYTE pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    pRegs = I2sMapRegisters();
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    memset(pPage, 0, I2S_DMA_PAGE_BYTES);
    WRITE_REGISTER_ULONG((PULONG)&pRegs->COUNT, I2S_DMA_PAGE_BYTES);
    WRITE_REGISTER_ULONG((PULONG)&pRegs->SRC_ADDR, dwPhys); // expect: dma-buffer-not-flushed {{wrote the buffer at line 130 (memset)}}
    return TRUE;
}

/* Correct: capture. The device writes the page and the CPU only reads it afterwards. */
BOOL I2sStartCapture(PBYTE pOut, DWORD cb)
{
    PI2S_DMA_REGS pRegs = I2sMapRegisters();
    DWORD dwPhys;
    PBYTE pPage;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    pRegs->DST_ADDR = dwPhys; // ok: dma-buffer-not-flushed
    pRegs->CONTROL = I2S_CTRL_START;
    memcpy(pOut, pPage, cb);
    return TRUE;
}

/* Correct: the CPU fills a cached page but only keeps its physical address; nothing hands it over here. */
BOOL I2sFillOnly(const BYTE *pPcm, DWORD cb)
{
    DWORD dwPhys;
    PBYTE pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    memcpy(pPage, pPcm, cb); // ok: dma-buffer-not-flushed
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys; // ok: dma-buffer-not-flushed
    return TRUE;
}

/* A cached common buffer filled by stores and handed to the BSP's sDMA start call. */
BOOL I2sStartThroughLibrary(const SHORT *pSamples, DWORD count)
{
    SHORT *pPage = (SHORT *)HalAllocateCommonBuffer(&g_Play.Adapter, I2S_DMA_PAGE_BYTES, &g_Play.paPage, TRUE);
    DWORD i;
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = (PBYTE)pPage;
    for (i = 0; i < count; i++) {
        pPage[i] = pSamples[i];
    }
    return SdmaStartTransfer(2, g_Play.paPage.LowPart, count * sizeof(SHORT)); // expect: dma-buffer-not-flushed {{with CacheEnabled TRUE}}
}

/* Correct: the same common buffer allocated uncached. */
BOOL I2sStartThroughLibraryUncached(const SHORT *pSamples, DWORD count)
{
    SHORT *pPage = (SHORT *)HalAllocateCommonBuffer(&g_Play.Adapter, I2S_DMA_PAGE_BYTES, &g_Play.paPage, FALSE);
    DWORD i;
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = (PBYTE)pPage;
    for (i = 0; i < count; i++) {
        pPage[i] = pSamples[i];
    }
    return SdmaStartTransfer(2, g_Play.paPage.LowPart, count * sizeof(SHORT)); // ok: dma-buffer-not-flushed
}

/* Correct: the OAL flushes the range through KernelIoControl before the hand-off. */
BOOL I2sStartOalFlushed(const BYTE *pPcm, DWORD cb)
{
    DWORD dwPhys;
    DWORD range[2];
    PBYTE pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    memcpy(pPage, pPcm, cb);
    range[0] = (DWORD)pPage;
    range[1] = cb;
    KernelIoControl(IOCTL_HAL_FLUSH_DCACHE_RANGE, range, sizeof(range), NULL, 0, NULL);
    return SdmaStartTransfer(2, dwPhys, cb); // ok: dma-buffer-not-flushed
}

/* Correct (for this rule): a helper the driver cannot see into runs between the fill and the hand-off. */
BOOL I2sStartAfterPrepare(const BYTE *pPcm, DWORD cb)
{
    DWORD dwPhys;
    PBYTE pPage = (PBYTE)AllocPhysMem(I2S_DMA_PAGE_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    if (pPage == NULL) {
        return FALSE;
    }
    g_Play.pPage = pPage;
    g_Play.dwPagePhys = dwPhys;
    memcpy(pPage, pPcm, cb);
    I2sPrepareFifo(pPage, cb);
    return SdmaStartTransfer(2, dwPhys, cb); // ok: dma-buffer-not-flushed
}

/* A config.bib-reserved DMA area mapped cached with VirtualCopy; its fixed address goes to the channel. */
BOOL I2sStartReservedArea(PI2S_DMA_REGS pRegs, const BYTE *pPcm, DWORD cb)
{
    PBYTE pArea = (PBYTE)VirtualAlloc(NULL, I2S_DMA_PAGE_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (pArea == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pArea, (PVOID)(I2S_DMA_BUFFER_PA >> 8), I2S_DMA_PAGE_BYTES, PAGE_READWRITE | PAGE_PHYSICAL)) {
        VirtualFree(pArea, 0, MEM_RELEASE);
        return FALSE;
    }
    g_Play.pPage = pArea;
    pRegs = I2sMapRegisters();
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    memcpy(pArea, pPcm, cb);
    pRegs->SRC_ADDR = I2S_DMA_BUFFER_PA; // expect: dma-buffer-not-flushed {{the mapping that VirtualCopy made at line}}
    pRegs->CONTROL = I2S_CTRL_START;
    return TRUE;
}

/* Correct: the same area mapped uncached. */
BOOL I2sStartReservedAreaUncached(PI2S_DMA_REGS pRegs, const BYTE *pPcm, DWORD cb)
{
    PBYTE pArea = (PBYTE)VirtualAlloc(NULL, I2S_DMA_PAGE_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (pArea == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pArea, (PVOID)(I2S_DMA_BUFFER_PA >> 8), I2S_DMA_PAGE_BYTES,
            PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pArea, 0, MEM_RELEASE);
        return FALSE;
    }
    g_Play.pPage = pArea;
    pRegs = I2sMapRegisters();
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Play.pRegs = pRegs;
    memcpy(pArea, pPcm, cb);
    pRegs->SRC_ADDR = I2S_DMA_BUFFER_PA; // ok: dma-buffer-not-flushed
    pRegs->CONTROL = I2S_CTRL_START;
    return TRUE;
}
