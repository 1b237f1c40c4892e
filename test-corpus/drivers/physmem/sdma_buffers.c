/*
 * sdma_buffers.c -- audio DMA buffers for a CE 6 codec driver (WAV_xxx): one AllocPhysMem ring for
 * playback and one common buffer for the descriptor list, with the error paths such drivers grow.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define SDMA_RING_BYTES     0x4000
#define SDMA_DESC_BYTES     0x800
#define WAV_USER_BYTES      600

typedef struct _WAV_DEVICE {
    PBYTE              pRing;
    DWORD              dwRingPhys;
    PVOID              pDesc;
    PHYSICAL_ADDRESS   paDesc;
    DMA_ADAPTER_OBJECT Adapter;
} WAV_DEVICE, *PWAV_DEVICE;

static WAV_DEVICE g_Wav;

extern BOOL SdmaProgram(DWORD dwPhys, DWORD cb);

/* The ring is lost when the channel cannot be programmed. */
BOOL WavStartPlayback(void)
{
    DWORD dwPhys;
    PBYTE pRing = (PBYTE)AllocPhysMem(SDMA_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys); // expect: mapping-leak {{release it with FreePhysMem(p)}}
    if (pRing == NULL) {
        return FALSE;
    }
    if (!SdmaProgram(dwPhys, SDMA_RING_BYTES)) {
        return FALSE;
    }
    g_Wav.pRing = pRing;
    g_Wav.dwRingPhys = dwPhys;
    return TRUE;
}

/* Correct: the failure path frees the ring. */
BOOL WavStartCapture(void)
{
    DWORD dwPhys;
    PBYTE pRing = (PBYTE)AllocPhysMem(SDMA_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys); // ok: mapping-leak
    if (pRing == NULL) {
        return FALSE;
    }
    if (!SdmaProgram(dwPhys, SDMA_RING_BYTES)) {
        FreePhysMem(pRing);
        return FALSE;
    }
    g_Wav.pRing = pRing;
    g_Wav.dwRingPhys = dwPhys;
    return TRUE;
}

/* The descriptor list is lost when the ring allocation fails after it. */
BOOL WavAllocDescriptors(PWAV_DEVICE pDev)
{
    DWORD dwPhys;
    PVOID pDesc = HalAllocateCommonBuffer(&pDev->Adapter, SDMA_DESC_BYTES, &pDev->paDesc, FALSE); // expect: mapping-leak {{HalFreeCommonBuffer}}
    PBYTE pRing;
    if (pDesc == NULL) {
        return FALSE;
    }
    pRing = (PBYTE)AllocPhysMem(SDMA_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys); // ok: mapping-leak
    if (pRing == NULL) {
        return FALSE;
    }
    pDev->pDesc = pDesc;
    pDev->pRing = pRing;
    pDev->dwRingPhys = dwPhys;
    return TRUE;
}

/* Correct: both buffers go back on the failure path, with the allocation's own arguments. */
BOOL WavAllocDescriptorsFixed(PWAV_DEVICE pDev)
{
    DWORD dwPhys;
    PVOID pDesc = HalAllocateCommonBuffer(&pDev->Adapter, SDMA_DESC_BYTES, &pDev->paDesc, FALSE); // ok: mapping-leak
    PBYTE pRing;
    if (pDesc == NULL) {
        return FALSE;
    }
    pRing = (PBYTE)AllocPhysMem(SDMA_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys);
    if (pRing == NULL) {
        HalFreeCommonBuffer(&pDev->Adapter, SDMA_DESC_BYTES, pDev->paDesc, pDesc, FALSE); // ok: release-wrong-pointer
        return FALSE;
    }
    pDev->pDesc = pDesc;
    pDev->pRing = pRing;
    pDev->dwRingPhys = dwPhys;
    return TRUE;
}

/* The failure path frees the ring and falls into the common exit, which frees it again. */
BOOL WavReset(void)
{
    DWORD dwPhys;
    BOOL fOk = FALSE;
    PBYTE pRing = (PBYTE)AllocPhysMem(SDMA_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys);
    if (pRing == NULL) {
        return FALSE;
    }
    if (!SdmaProgram(dwPhys, SDMA_RING_BYTES)) {
        FreePhysMem(pRing);
        goto cleanup;
    }
    fOk = TRUE;
cleanup:
    FreePhysMem(pRing); // expect: double-release {{already released at line 107}}
    return fOk;
}

/* Correct: the pointer is cleared after the first free, and the cleanup tests it. */
BOOL WavResetFixed(void)
{
    DWORD dwPhys;
    BOOL fOk = FALSE;
    PBYTE pRing = (PBYTE)AllocPhysMem(SDMA_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys);
    if (pRing == NULL) {
        return FALSE;
    }
    if (!SdmaProgram(dwPhys, SDMA_RING_BYTES)) {
        FreePhysMem(pRing);
        pRing = NULL;
        goto cleanup;
    }
    fOk = TRUE;
cleanup:
    if (pRing != NULL) {
        FreePhysMem(pRing); // ok: double-release
    }
    return fOk;
}

/* The common buffer is freed in the error branch and again by the caller's cleanup below it. */
void WavFreeDescriptorsTwice(PWAV_DEVICE pDev, BOOL fError)
{
    PVOID pDesc = HalAllocateCommonBuffer(&pDev->Adapter, SDMA_DESC_BYTES, &pDev->paDesc, FALSE);
    if (pDesc == NULL) {
        return;
    }
    HalFreeCommonBuffer(&pDev->Adapter, SDMA_DESC_BYTES, pDev->paDesc, pDesc, FALSE);
    if (fError) {
        HalFreeCommonBuffer(&pDev->Adapter, SDMA_DESC_BYTES, pDev->paDesc, pDesc, FALSE); // expect: double-release
    }
}

/* Correct: AllocPhysMem gives whole pages of its own, so mapping it into the caller exposes nothing else. */
PVOID WavMapUserBuffer(HANDLE hCaller)
{
    DWORD dwPhys;
    PVOID pBuf = AllocPhysMem(WAV_USER_BYTES, PAGE_READWRITE, 0, 0, &dwPhys);
    PVOID pUser;
    if (pBuf == NULL) {
        return NULL;
    }
    pUser = VirtualAllocCopyEx(GetCurrentProcess(), hCaller, pBuf, WAV_USER_BYTES, PAGE_READWRITE); // ok: unaligned-user-exposure
    g_Wav.pRing = (PBYTE)pBuf;
    return pUser;
}

/* Correct: a common buffer too. */
PVOID WavMapUserDescriptors(PWAV_DEVICE pDev, HANDLE hCaller)
{
    PVOID pUser;
    pDev->pDesc = HalAllocateCommonBuffer(&pDev->Adapter, WAV_USER_BYTES, &pDev->paDesc, FALSE);
    if (pDev->pDesc == NULL) {
        return NULL;
    }
    pUser = VirtualAllocCopyEx(GetCurrentProcess(), hCaller, pDev->pDesc, WAV_USER_BYTES, PAGE_READWRITE); // ok: unaligned-user-exposure
    return pUser;
}
