/*
 * camif_release.c -- camera interface and its DMA window, mapped at open and released at close,
 * with the error paths a bring-up driver accumulates.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define BSP_BASE_REG_PA_CAMIF   0x78000000
#define BSP_BASE_REG_PA_CAMDMA  0x78100000
#define CAMIF_REG_SIZE          0x1000
#define CAMDMA_REG_SIZE         0x400

typedef struct _CAMIF_REGS {
    volatile DWORD CISRCFMT;
    volatile DWORD CIWDOFST;
    volatile DWORD CIGCTRL;
    volatile DWORD CIIMGCPT;
} CAMIF_REGS;

typedef struct _CAM_CONTEXT {
    CAMIF_REGS *pRegs;
    volatile DWORD *pDma;
    DWORD dwState;
} CAM_CONTEXT, *PCAM_CONTEXT;

static BOOL ResetSensor(CAMIF_REGS *pRegs)
{
    pRegs->CIGCTRL = 0x80000000;
    pRegs->CIGCTRL = 0;
    return (pRegs->CIGCTRL & 1) == 0;
}

static void UnmapDma(volatile DWORD *pDma)
{
    MmUnmapIoSpace((PVOID)pDma, CAMDMA_REG_SIZE);
}

/* The copy failure releases the reservation and then jumps to the cleanup, which releases it again. */
BOOL CamMapRegisters(PCAM_CONTEXT pCam)
{
    PVOID pv = VirtualAlloc(NULL, CAMIF_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_CAMIF >> 8), CAMIF_REG_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pv, 0, MEM_RELEASE);
        goto cleanup;
    }
    if (!ResetSensor((CAMIF_REGS *)pv)) {
        goto cleanup;
    }
    pCam->pRegs = (CAMIF_REGS *)pv;
    return TRUE;

cleanup:
    VirtualFree(pv, 0, MEM_RELEASE); // expect: double-release {{already released at line 47}}
    return FALSE;
}

/* Unmapping in the error branch, and again at the common exit. */
BOOL CamMapDma(PCAM_CONTEXT pCam)
{
    PHYSICAL_ADDRESS pa = { BSP_BASE_REG_PA_CAMDMA, 0 };
    BOOL fOk = TRUE;
    volatile DWORD *pDma = (volatile DWORD *)MmMapIoSpace(pa, CAMDMA_REG_SIZE, FALSE);
    if (pDma == NULL) {
        return FALSE;
    }
    if (pDma[0] != 0x00010002) {
        MmUnmapIoSpace((PVOID)pDma, CAMDMA_REG_SIZE);
        fOk = FALSE;
    }
    if (!fOk) {
        MmUnmapIoSpace((PVOID)pDma, CAMDMA_REG_SIZE); // expect: double-release
        return FALSE;
    }
    pCam->pDma = pDma;
    return TRUE;
}

/* The helper unmaps, and the caller unmaps once more after it. */
BOOL CamProbeDma(void)
{
    PHYSICAL_ADDRESS pa = { BSP_BASE_REG_PA_CAMDMA, 0 };
    volatile DWORD *pDma = (volatile DWORD *)MmMapIoSpace(pa, CAMDMA_REG_SIZE, FALSE);
    DWORD id;
    if (pDma == NULL) {
        return FALSE;
    }
    id = pDma[0];
    UnmapDma(pDma);
    UnmapDma(pDma); // expect: double-release
    return id == 0x00010002;
}

/* Correct: the pointer is cleared after the first release, so the cleanup skips it. */
BOOL CamMapRegistersFixed(PCAM_CONTEXT pCam)
{
    PVOID pv = VirtualAlloc(NULL, CAMIF_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_CAMIF >> 8), CAMIF_REG_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pv, 0, MEM_RELEASE);
        pv = NULL;
        goto cleanup;
    }
    if (!ResetSensor((CAMIF_REGS *)pv)) {
        goto cleanup;
    }
    pCam->pRegs = (CAMIF_REGS *)pv;
    return TRUE;

cleanup:
    if (pv != NULL) {
        VirtualFree(pv, 0, MEM_RELEASE); // ok: double-release
    }
    return FALSE;
}

/* Correct: decommitting the pages is not releasing the reservation. */
void CamUnmapWindow(PVOID pv)
{
    VirtualFree(pv, CAMIF_REG_SIZE, MEM_DECOMMIT);
    VirtualFree(pv, 0, MEM_RELEASE); // ok: double-release
}

/* Correct: each branch releases once. */
BOOL CamClose(PCAM_CONTEXT pCam, BOOL fKeepDma)
{
    if (fKeepDma) {
        VirtualFree(pCam->pRegs, 0, MEM_RELEASE);
    } else {
        VirtualFree(pCam->pRegs, 0, MEM_RELEASE); // ok: double-release
        MmUnmapIoSpace((PVOID)pCam->pDma, CAMDMA_REG_SIZE);
    }
    pCam->pRegs = NULL;
    return TRUE;
}
