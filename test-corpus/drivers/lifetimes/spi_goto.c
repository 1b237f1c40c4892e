/*
 * spi_goto.c -- SPI controller mapping with goto-based unwinding.
 */
#include <windows.h>
#include <pkfuncs.h>

#define BSP_BASE_REG_PA_SPI0    0x7F00B000
#define BSP_BASE_REG_PA_DMA0    0x75000000
#define SPI_REG_SIZE            0x40
#define DMA_REG_SIZE            0x200

typedef struct _SPI_CONTEXT {
    volatile DWORD *pRegs;
    volatile DWORD *pDma;
} SPI_CONTEXT, *PSPI_CONTEXT;

/* Correct: every failure jumps to one label that releases what was reserved. */
BOOL SpiMapAll(PSPI_CONTEXT pCtx)
{
    PVOID pvRegs = NULL;
    PVOID pvDma = NULL;
    BOOL fOk = FALSE;

    pvRegs = VirtualAlloc(NULL, SPI_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (pvRegs == NULL) {
        goto cleanup;
    }
    if (!VirtualCopy(pvRegs, (PVOID)(BSP_BASE_REG_PA_SPI0 >> 8), SPI_REG_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        goto cleanup;
    }
    pvDma = VirtualAlloc(NULL, DMA_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (pvDma == NULL) {
        goto cleanup;
    }
    if (!VirtualCopy(pvDma, (PVOID)(BSP_BASE_REG_PA_DMA0 >> 8), DMA_REG_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        goto cleanup;
    }
    pCtx->pRegs = (volatile DWORD *)pvRegs;
    pCtx->pDma = (volatile DWORD *)pvDma;
    fOk = TRUE;

cleanup:
    if (!fOk) {
        if (pvDma != NULL) {
            VirtualFree(pvDma, 0, MEM_RELEASE);
        }
        if (pvRegs != NULL) {
            VirtualFree(pvRegs, 0, MEM_RELEASE);
        }
    }
    return fOk;
}

/* The older copy: its cleanup forgets the DMA window. */
BOOL SpiMapAllOld(PSPI_CONTEXT pCtx)
{
    PVOID pvRegs = NULL;
    PVOID pvDma = NULL;

    pvRegs = VirtualAlloc(NULL, SPI_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pvRegs == NULL) {
        goto fail;
    }
    if (!VirtualCopy(pvRegs, (PVOID)(BSP_BASE_REG_PA_SPI0 >> 8), SPI_REG_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        goto fail;
    }
    pvDma = VirtualAlloc(NULL, DMA_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS); // expect: mapping-leak
    if (pvDma == NULL) {
        goto fail;
    }
    if (!VirtualCopy(pvDma, (PVOID)(BSP_BASE_REG_PA_DMA0 >> 8), DMA_REG_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        goto fail;
    }
    pCtx->pRegs = (volatile DWORD *)pvRegs;
    pCtx->pDma = (volatile DWORD *)pvDma;
    return TRUE;

fail:
    if (pvRegs != NULL) {
        VirtualFree(pvRegs, 0, MEM_RELEASE);
    }
    return FALSE;
}
