/*
 * lcd_release.c -- frame buffers of a PXA27x-style LCD driver: a common buffer for the frame, an
 * uncached alias of it made with VirtualAlloc + VirtualCopy, a palette inside the reservation, and
 * the teardown that releases them.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define LCD_FRAME_BYTES     0x26000
#define LCD_PALETTE_OFFSET  0x4A0
#define LCD_REGS_PA         0x44000000
#define LCD_REGS_SIZE       0x1000
#define LCD_OVERLAY_PA      0x44000400

typedef struct _LCD_REGS {
    volatile DWORD LCCR0;
    volatile DWORD LCCR1;
    volatile DWORD FDADR0;
    volatile DWORD LCSR0;
} LCD_REGS;

static DMA_ADAPTER_OBJECT g_Adapter;
static PHYSICAL_ADDRESS   g_paFrame;
static PBYTE              g_pFrame;
static PBYTE              g_pFrameAlias;
static LCD_REGS          *g_pLcdRegs;

/* The frame's common buffer is freed through its VirtualAlloc alias, not the pointer it returned. */
void LcdFreeThroughAlias(void)
{
    PBYTE pFrame = (PBYTE)HalAllocateCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, &g_paFrame, FALSE);
    PBYTE pAlias;
    if (pFrame == NULL) {
        return;
    }
    pAlias = (PBYTE)VirtualAlloc(NULL, LCD_FRAME_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (pAlias == NULL) {
        HalFreeCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, g_paFrame, pFrame, FALSE);
        return;
    }
    VirtualCopy(pAlias, pFrame, LCD_FRAME_BYTES, PAGE_READWRITE | PAGE_NOCACHE);
    HalFreeCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, g_paFrame, pAlias, FALSE); // expect: release-wrong-pointer {{does not release}}
    VirtualFree(pFrame, 0, MEM_RELEASE); // expect: release-wrong-pointer {{release it with HalFreeCommonBuffer}}
}

/* Correct: each pointer goes back to the call that made it. */
void LcdFreeBoth(void)
{
    PBYTE pFrame = (PBYTE)HalAllocateCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, &g_paFrame, FALSE);
    PBYTE pAlias;
    if (pFrame == NULL) {
        return;
    }
    pAlias = (PBYTE)VirtualAlloc(NULL, LCD_FRAME_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (pAlias != NULL) {
        VirtualCopy(pAlias, pFrame, LCD_FRAME_BYTES, PAGE_READWRITE | PAGE_NOCACHE);
        VirtualFree(pAlias, 0, MEM_RELEASE); // ok: release-wrong-pointer
    }
    HalFreeCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, g_paFrame, pFrame, FALSE); // ok: release-wrong-pointer
}

/* The palette pointer is inside the reservation; releasing it releases nothing. */
void LcdReleasePalette(void)
{
    PBYTE pBase = (PBYTE)VirtualAlloc(NULL, LCD_FRAME_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    PBYTE pPalette;
    if (pBase == NULL) {
        return;
    }
    pPalette = pBase + LCD_PALETTE_OFFSET;
    VirtualFree(pPalette, 0, MEM_RELEASE); // expect: release-wrong-pointer {{base + 0x4A0}}
}

/* Correct: the offset is taken back off before the release. */
void LcdReleasePaletteFixed(void)
{
    PBYTE pBase = (PBYTE)VirtualAlloc(NULL, LCD_FRAME_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    PBYTE pPalette;
    if (pBase == NULL) {
        return;
    }
    pPalette = pBase + LCD_PALETTE_OFFSET;
    VirtualFree(pPalette - LCD_PALETTE_OFFSET, 0, MEM_RELEASE); // ok: release-wrong-pointer
}

/* The physical address of the registers is unmapped instead of the pointer MmMapIoSpace returned. */
void LcdUnmapRegisters(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = LCD_REGS_PA;
    g_pLcdRegs = (LCD_REGS *)MmMapIoSpace(pa, LCD_REGS_SIZE, FALSE);
    if (g_pLcdRegs == NULL) {
        return;
    }
    g_pLcdRegs->LCCR0 = 0;
    MmUnmapIoSpace((PVOID)pa.LowPart, LCD_REGS_SIZE); // expect: release-wrong-pointer {{a physical address}}
}

/* Correct: MmMapIoSpace returns base + the page offset; MmUnmapIoSpace takes that pointer back. */
void LcdUnmapOverlay(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *pOverlay;
    pa.QuadPart = LCD_OVERLAY_PA;
    pOverlay = (volatile DWORD *)MmMapIoSpace(pa, 0x100, FALSE);
    if (pOverlay == NULL) {
        return;
    }
    pOverlay[0] = 0;
    MmUnmapIoSpace((PVOID)pOverlay, 0x100); // ok: release-wrong-pointer
}

/* Correct: a mapping of a physical address the replay does not know has an unknown page offset. */
void LcdUnmapWindow(DWORD dwPhysBase, DWORD dwOffset)
{
    PHYSICAL_ADDRESS pa;
    PBYTE pWindow;
    pa.QuadPart = dwPhysBase;
    pWindow = (PBYTE)MmMapIoSpace(pa, LCD_REGS_SIZE, FALSE);
    if (pWindow == NULL) {
        return;
    }
    VirtualFree(pWindow - (dwPhysBase & (PAGE_SIZE - 1)), 0, MEM_RELEASE); // ok: release-wrong-pointer
}

/* The common buffer's size and adapter at release are not the allocation's. */
DWORD LCD_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    g_pFrame = (PBYTE)HalAllocateCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, &g_paFrame, FALSE);
    if (g_pFrame == NULL) {
        return 0;
    }
    return 1;
}

BOOL LCD_Deinit(DWORD hDeviceContext)
{
    if (g_pFrame != NULL) {
        HalFreeCommonBuffer(NULL, 0, g_paFrame, g_pFrame, FALSE); // expect: release-wrong-pointer {{the size 0 and a NULL adapter}}
        g_pFrame = NULL;
    }
    return TRUE;
}

/* A common buffer freed with another buffer's physical address. */
void LcdSwapBuffers(void)
{
    PHYSICAL_ADDRESS paBack;
    PBYTE pFront = (PBYTE)HalAllocateCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, &g_paFrame, FALSE);
    PBYTE pBack;
    if (pFront == NULL) {
        return;
    }
    pBack = (PBYTE)HalAllocateCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, &paBack, FALSE);
    if (pBack != NULL) {
        HalFreeCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, g_paFrame, pBack, FALSE); // expect: release-wrong-pointer {{physical address of another buffer}}
        HalFreeCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, g_paFrame, pFront, FALSE); // ok: release-wrong-pointer
        return;
    }
    HalFreeCommonBuffer(&g_Adapter, LCD_FRAME_BYTES, g_paFrame, pFront, FALSE);
}

/* A common buffer freed with a zero size. */
void LcdFreeScratch(void)
{
    PHYSICAL_ADDRESS paScratch;
    PVOID pScratch = HalAllocateCommonBuffer(&g_Adapter, PAGE_SIZE, &paScratch, FALSE);
    if (pScratch == NULL) {
        return;
    }
    HalFreeCommonBuffer(&g_Adapter, 0, paScratch, pScratch, FALSE); // expect: release-wrong-pointer {{the size 0}}
}
