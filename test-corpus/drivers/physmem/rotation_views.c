/*
 * rotation_views.c -- rotation engine views: each view is a physical buffer plus a write-combined
 * window, kept in a slot of the driver's view table until the view is released.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define ROT_SLOTS          4
#define ROT_WINDOW_BYTES   0x200000
#define ROT_WINDOW_PA      0x70000000

typedef struct _ROT_VIEW {
    BOOL   bInUse;
    PVOID  pWindow;
    PVOID  pBuffer;
    DWORD  paBuffer;
} ROT_VIEW;

static ROT_VIEW g_Views[ROT_SLOTS];

extern BOOL CeSetMemoryAttributes(PVOID pVirtualAddr, PVOID pShiftedPhysAddr, DWORD cbSize, DWORD dwAttributes);

/* Correct: on success both are kept in the table slot, on failure both are released. */
HANDLE RotAllocateView(DWORD cbBuffer)
{
    HANDLE hView = NULL;
    PVOID pBuffer = NULL;
    PVOID pWindow = NULL;
    DWORD paBuffer = 0;
    DWORD index;

    for (index = 0; index < ROT_SLOTS; index++) {
        if (!g_Views[index].bInUse) {
            break;
        }
    }
    if (index >= ROT_SLOTS) {
        goto cleanUp;
    }
    pBuffer = AllocPhysMem(cbBuffer, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &paBuffer); // ok: mapping-leak
    if (pBuffer == NULL) {
        goto cleanUp;
    }
    pWindow = VirtualAlloc(NULL, ROT_WINDOW_BYTES, MEM_RESERVE, PAGE_NOACCESS); // ok: mapping-leak
    if (pWindow == NULL) {
        goto cleanUp;
    }
    if (!VirtualCopy(pWindow, (PVOID)(ROT_WINDOW_PA >> 8), ROT_WINDOW_BYTES, PAGE_READWRITE | PAGE_PHYSICAL | PAGE_NOCACHE)) {
        goto cleanUp;
    }
    if (!CeSetMemoryAttributes(pWindow, (PVOID)(ROT_WINDOW_PA >> 8), ROT_WINDOW_BYTES, PAGE_WRITECOMBINE)) {
        goto cleanUp;
    }
    g_Views[index].bInUse = TRUE;
    g_Views[index].pWindow = pWindow;
    g_Views[index].pBuffer = pBuffer;
    g_Views[index].paBuffer = paBuffer;
    hView = (HANDLE)(0x100 + index);

cleanUp:
    if (hView == NULL && pBuffer != NULL) {
        FreePhysMem(pBuffer);
    }
    if (hView == NULL && pWindow != NULL) {
        VirtualFree(pWindow, 0, MEM_RELEASE);
    }
    return hView;
}

/* Setting the cache attributes keeps nothing: the window is still this function's to release. */
PVOID RotMapScratchWindow(BOOL fProbe)
{
    PVOID pWindow = VirtualAlloc(NULL, ROT_WINDOW_BYTES, MEM_RESERVE, PAGE_NOACCESS); // expect: mapping-leak
    if (pWindow == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pWindow, (PVOID)(ROT_WINDOW_PA >> 8), ROT_WINDOW_BYTES, PAGE_READWRITE | PAGE_PHYSICAL | PAGE_NOCACHE)) {
        VirtualFree(pWindow, 0, MEM_RELEASE);
        return NULL;
    }
    if (!CeSetMemoryAttributes(pWindow, (PVOID)(ROT_WINDOW_PA >> 8), ROT_WINDOW_BYTES, PAGE_WRITECOMBINE)) {
        return NULL;
    }
    if (fProbe) {
        return NULL;
    }
    return pWindow;
}
