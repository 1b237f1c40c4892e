/*
 * edma_descriptor_ring.c -- transmit path of a CE 6 serial driver using an EDMA-style engine that
 * fetches a descriptor, then the data the descriptor points to. The descriptor ring and the data
 * pages come from AllocPhysMem / HalAllocateCommonBuffer; some are cached, some are not.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define EDMA_REGS_PA        0x49000000
#define EDMA_RING_BYTES     0x1000
#define EDMA_DATA_BYTES     0x2000
#define EDMA_DESC_VALID     0x80000000
#define EDMA_GO             0x00000001

typedef struct _EDMA_DESC {
    ULONG dwSource;
    ULONG dwLength;
    ULONG dwNext;
    ULONG dwFlags;
} EDMA_DESC, *PEDMA_DESC;

typedef struct _EDMA_REGS {
    volatile ULONG DESC_ADDR;
    volatile ULONG CHANNEL_CTRL;
    volatile ULONG IRQ_STATUS;
} EDMA_REGS, *PEDMA_REGS;

typedef struct _SER_TX {
    PEDMA_REGS         pRegs;
    PEDMA_DESC         pRing;
    PHYSICAL_ADDRESS   paRing;
    PBYTE              pData;
    DWORD              dwDataPhys;
    DMA_ADAPTER_OBJECT Adapter;
} SER_TX, *PSER_TX;

static SER_TX g_Tx;

static PEDMA_REGS EdmaMapRegisters(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = EDMA_REGS_PA;
    return (PEDMA_REGS)MmMapIoSpace(pa, sizeof(EDMA_REGS), FALSE);
}

/* Cached data page, uncached ring: the descriptor reaches the engine, the data may still sit in the cache. */
BOOL SerTxSend(const BYTE *pBytes, DWORD cb)
{
    PEDMA_REGS pRegs = EdmaMapRegisters();
    PEDMA_DESC pRing;
    PBYTE pData;
    DWORD dwDataPhys;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Tx.pRegs = pRegs;
    pRing = (PEDMA_DESC)HalAllocateCommonBuffer(&g_Tx.Adapter, EDMA_RING_BYTES, &g_Tx.paRing, FALSE);
    if (pRing == NULL) {
        return FALSE;
    }
    g_Tx.pRing = pRing;
    pData = (PBYTE)AllocPhysMem(EDMA_DATA_BYTES, PAGE_READWRITE, 0, 0, &dwDataPhys);
    if (pData == NULL) {
        return FALSE;
    }
    g_Tx.pData = pData;
    g_Tx.dwDataPhys = dwDataPhys;
    memcpy(pData, pBytes, cb);
    pRing[0].dwSource = dwDataPhys;
    pRing[0].dwLength = cb;
    pRing[0].dwNext = 0;
    pRing[0].dwFlags = EDMA_DESC_VALID;
    pRegs->DESC_ADDR = g_Tx.paRing.LowPart; // expect: dma-buffer-not-flushed {{goes into the descriptor written at line 70}}
    pRegs->CHANNEL_CTRL = EDMA_GO;
    return TRUE;
}

/* Correct: the data page is written back once the descriptor is built, before the engine gets the ring. */
BOOL SerTxSendFlushed(const BYTE *pBytes, DWORD cb)
{
    PEDMA_REGS pRegs = EdmaMapRegisters();
    PEDMA_DESC pRing;
    PBYTE pData;
    DWORD dwDataPhys;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Tx.pRegs = pRegs;
    pRing = (PEDMA_DESC)HalAllocateCommonBuffer(&g_Tx.Adapter, EDMA_RING_BYTES, &g_Tx.paRing, FALSE);
    if (pRing == NULL) {
        return FALSE;
    }
    g_Tx.pRing = pRing;
    pData = (PBYTE)AllocPhysMem(EDMA_DATA_BYTES, PAGE_READWRITE, 0, 0, &dwDataPhys);
    if (pData == NULL) {
        return FALSE;
    }
    g_Tx.pData = pData;
    g_Tx.dwDataPhys = dwDataPhys;
    memcpy(pData, pBytes, cb);
    pRing[0].dwSource = dwDataPhys; // ok: dma-buffer-not-flushed
    pRing[0].dwLength = cb;
    pRing[0].dwNext = 0;
    pRing[0].dwFlags = EDMA_DESC_VALID;
    CacheRangeFlush(pData, cb, CACHE_SYNC_WRITEBACK);
    pRegs->DESC_ADDR = g_Tx.paRing.LowPart; // ok: dma-buffer-not-flushed
    pRegs->CHANNEL_CTRL = EDMA_GO;
    return TRUE;
}

/* The ring itself is cached: the engine may fetch a descriptor that is still only in the cache. */
BOOL SerTxSendCachedRing(DWORD dwDataPhys, DWORD cb)
{
    PEDMA_REGS pRegs = EdmaMapRegisters();
    PEDMA_DESC pRing;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Tx.pRegs = pRegs;
    pRing = (PEDMA_DESC)HalAllocateCommonBuffer(&g_Tx.Adapter, EDMA_RING_BYTES, &g_Tx.paRing, TRUE);
    if (pRing == NULL) {
        return FALSE;
    }
    g_Tx.pRing = pRing;
    pRing->dwSource = dwDataPhys;
    pRing->dwLength = cb;
    pRing->dwNext = 0;
    pRing->dwFlags = EDMA_DESC_VALID;
    WRITE_REGISTER_ULONG((PULONG)&pRegs->DESC_ADDR, g_Tx.paRing.LowPart); // expect: dma-buffer-not-flushed {{common buffer that HalAllocateCommonBuffer made at line 121}}
    WRITE_REGISTER_ULONG((PULONG)&pRegs->CHANNEL_CTRL, EDMA_GO);
    return TRUE;
}

/* Correct: ring and data both uncached. */
BOOL SerTxSendUncached(const BYTE *pBytes, DWORD cb)
{
    PEDMA_REGS pRegs = EdmaMapRegisters();
    PEDMA_DESC pRing;
    PBYTE pData;
    DWORD dwDataPhys;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Tx.pRegs = pRegs;
    pRing = (PEDMA_DESC)HalAllocateCommonBuffer(&g_Tx.Adapter, EDMA_RING_BYTES, &g_Tx.paRing, FALSE);
    if (pRing == NULL) {
        return FALSE;
    }
    g_Tx.pRing = pRing;
    pData = (PBYTE)AllocPhysMem(EDMA_DATA_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwDataPhys);
    if (pData == NULL) {
        return FALSE;
    }
    g_Tx.pData = pData;
    g_Tx.dwDataPhys = dwDataPhys;
    memcpy(pData, pBytes, cb);
    pRing[0].dwSource = dwDataPhys;
    pRing[0].dwLength = cb;
    pRing[0].dwFlags = EDMA_DESC_VALID;
    pRegs->DESC_ADDR = g_Tx.paRing.LowPart; // ok: dma-buffer-not-flushed
    pRegs->CHANNEL_CTRL = EDMA_GO;
    return TRUE;
}

/*
 * A cached alias of an uncached page (itself a second mapping of kernel RAM), written and written back
 * with CacheSync before the hand-off: correct as far as the cache goes.
 */
BOOL SerTxSendThroughAlias(const BYTE *pBytes, DWORD cb)
{
    PEDMA_REGS pRegs = EdmaMapRegisters();
    PBYTE pData;
    PBYTE pCached;
    PHYSICAL_ADDRESS pa;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Tx.pRegs = pRegs;
    pData = (PBYTE)AllocPhysMem(EDMA_DATA_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &pa.LowPart);
    if (pData == NULL) {
        return FALSE;
    }
    g_Tx.pData = pData;
    g_Tx.dwDataPhys = pa.LowPart;
    pa.HighPart = 0;
    pCached = (PBYTE)MmMapIoSpace(pa, EDMA_DATA_BYTES, TRUE); // expect: physical-on-kernel-ram
    if (pCached == NULL) {
        return FALSE;
    }
    memcpy(pCached, pBytes, cb);
    CacheSync(CACHE_SYNC_WRITEBACK);
    pRegs->DESC_ADDR = pa.LowPart; // ok: dma-buffer-not-flushed
    MmUnmapIoSpace(pCached, EDMA_DATA_BYTES);
    return TRUE;
}

/* The same alias without the write-back: the device reads what the cache has not written yet. */
BOOL SerTxSendThroughAliasUnflushed(const BYTE *pBytes, DWORD cb)
{
    PEDMA_REGS pRegs = EdmaMapRegisters();
    PBYTE pData;
    PBYTE pCached;
    PHYSICAL_ADDRESS pa;
    if (pRegs == NULL) {
        return FALSE;
    }
    g_Tx.pRegs = pRegs;
    pData = (PBYTE)AllocPhysMem(EDMA_DATA_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &pa.LowPart);
    if (pData == NULL) {
        return FALSE;
    }
    g_Tx.pData = pData;
    g_Tx.dwDataPhys = pa.LowPart;
    pa.HighPart = 0;
    pCached = (PBYTE)MmMapIoSpace(pa, EDMA_DATA_BYTES, TRUE); // expect: physical-on-kernel-ram
    if (pCached == NULL) {
        return FALSE;
    }
    memcpy(pCached, pBytes, cb);
    pRegs->DESC_ADDR = pa.LowPart; // expect: dma-buffer-not-flushed {{mapping that MmMapIoSpace made at line}}
    MmUnmapIoSpace(pCached, EDMA_DATA_BYTES);
    return TRUE;
}
