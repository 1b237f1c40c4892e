/*
 * sdio_dma_teardown.c -- SD host controller DMA buffer: allocated in the controller's init,
 * kept in the hardware context, freed by the deinit that the bus driver calls later.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define SDH_DMA_BYTES   0x10000

typedef struct _SDH_CONTEXT {
    PBYTE              pDmaBuffer;
    PHYSICAL_ADDRESS   paDmaBuffer;
    DWORD              dwDmaBytes;
    DMA_ADAPTER_OBJECT Adapter;
} SDH_CONTEXT, *PSDH_CONTEXT;

BOOL SdhAllocDma(PSDH_CONTEXT pHc)
{
    pHc->Adapter.ObjectSize = sizeof(pHc->Adapter);
    pHc->Adapter.InterfaceType = Internal;
    pHc->Adapter.BusNumber = 0;
    pHc->dwDmaBytes = SDH_DMA_BYTES;
    pHc->pDmaBuffer = (PBYTE)HalAllocateCommonBuffer(&pHc->Adapter, pHc->dwDmaBytes, &pHc->paDmaBuffer, FALSE);
    return pHc->pDmaBuffer != NULL;
}

/* The buffer came from another function: whatever its size was, it was not 0. */
void SdhFreeDma(PSDH_CONTEXT pHc)
{
    if (pHc->pDmaBuffer) {
        HalFreeCommonBuffer(NULL, 0, pHc->paDmaBuffer, pHc->pDmaBuffer, FALSE); // expect: release-wrong-pointer {{the size 0}}
        pHc->pDmaBuffer = NULL;
    }
}

/* Correct: the allocation's own adapter, size and physical address. */
void SdhFreeDmaKeepingArguments(PSDH_CONTEXT pHc)
{
    if (pHc->pDmaBuffer) {
        HalFreeCommonBuffer(&pHc->Adapter, pHc->dwDmaBytes, pHc->paDmaBuffer, pHc->pDmaBuffer, FALSE); // ok: release-wrong-pointer
        pHc->pDmaBuffer = NULL;
    }
}
