// mmc_dma_alias.c -- SD host controller: a cached alias of the uncached DMA buffer.
// The driver reads DMA data through a cached view (after invalidating it) for speed.
// When the alias cannot be made it frees the reservation with the buffer size, which
// MEM_RELEASE rejects.
#include <windows.h>
#include <ceddk.h>

#define MMC_DEFAULT_DMA_BUFFER  0x10000

typedef struct _MMC_HOST {
    DWORD             dwDmaBufferSize;
    DWORD             dwAliasSlack;
    PBYTE             pDmaBuffer;
    PHYSICAL_ADDRESS  paDmaBuffer;
    PBYTE             pCachedDmaBuffer;
    PBYTE             pBounce;
} MMC_HOST, *PMMC_HOST;

static PBYTE ReserveAlias(DWORD dwSize)
{
    return (PBYTE)VirtualAlloc(NULL, dwSize, MEM_RESERVE, PAGE_NOACCESS);
}

BOOL MmcCreateDmaAlias(PMMC_HOST pHost)
{
    DWORD dwRounded;

    pHost->pCachedDmaBuffer = (PBYTE)VirtualAlloc(NULL, pHost->dwDmaBufferSize, MEM_RESERVE, PAGE_NOACCESS);
    if (pHost->pCachedDmaBuffer == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pHost->pCachedDmaBuffer, (PVOID)(pHost->paDmaBuffer.LowPart >> 8),
                     pHost->dwDmaBufferSize, PAGE_READWRITE | PAGE_PHYSICAL)) {
        VirtualFree(pHost->pCachedDmaBuffer, pHost->dwDmaBufferSize, MEM_RELEASE); // expect: release-with-size
        pHost->pCachedDmaBuffer = NULL;
        return FALSE;
    }

    // A bounce window rounded up to whole pages: its release passes 0 as it should.
    dwRounded = (pHost->dwDmaBufferSize + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    pHost->pBounce = (PBYTE)VirtualAlloc(NULL, dwRounded, MEM_RESERVE, PAGE_NOACCESS);
    if (pHost->pBounce == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pHost->pBounce, (PVOID)(pHost->paDmaBuffer.LowPart >> 8), dwRounded,
                     PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pHost->pBounce, 0, MEM_RELEASE); // ok: release-with-size
        pHost->pBounce = NULL;
        return FALSE;
    }
    return TRUE;
}

// The size given to the release is not the reservation's: it may well be 0 here,
// so nothing is claimed about it.
void MmcDropSlack(PMMC_HOST pHost)
{
    PBYTE pSlack = ReserveAlias(MMC_DEFAULT_DMA_BUFFER);
    if (pSlack != NULL) {
        VirtualFree(pSlack, pHost->dwAliasSlack, MEM_RELEASE); // ok: release-with-size
    }
}
