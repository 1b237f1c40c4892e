/*
 * cache_policy.c -- which windows of the display and audio blocks are mapped
 * through the cache, deliberately or not.
 */
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#define BSP_BASE_REG_PA_LCD         0x77100000
#define BSP_BASE_REG_PA_IIS         0x7F002000
#define BSP_BASE_REG_PA_AC97        0x7F001000
#define IMAGE_FRAMEBUFFER_PA        0x57800000
#define IMAGE_FRAMEBUFFER_SIZE      0x00177000
#define AUDIO_DMA_BUFFER_PA         0x57F00000
#define AUDIO_DMA_BUFFER_SIZE       0x00004000
#define LCD_REG_SIZE                0x400
#define IIS_REG_SIZE                0x40

typedef struct _DISP_STATE {
    PVOID pLcdRegs;
    PVOID pFrameBuffer;
    PVOID pIisRegs;
    PVOID pAc97Regs;
    PVOID pDmaBuffer;
} DISP_STATE;

static DISP_STATE g_Disp;

BOOL DispMapWindows(void)
{
    PHYSICAL_ADDRESS pa = { 0 };

    g_Disp.pLcdRegs = VirtualAlloc(NULL, LCD_REG_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (g_Disp.pLcdRegs == NULL) {
        return FALSE;
    }
    /* LCD controller registers through the cache: status bits read stale. */
    if (!VirtualCopy(g_Disp.pLcdRegs, (PVOID)(BSP_BASE_REG_PA_LCD >> 8), LCD_REG_SIZE, PAGE_READWRITE | PAGE_PHYSICAL)) { // expect: missing-nocache
        return FALSE;
    }

    /* The frame buffer cached on purpose (write-back flushed by the GPE driver). */
    g_Disp.pFrameBuffer = VirtualAlloc(NULL, IMAGE_FRAMEBUFFER_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (g_Disp.pFrameBuffer == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(g_Disp.pFrameBuffer, (PVOID)(IMAGE_FRAMEBUFFER_PA >> 8), IMAGE_FRAMEBUFFER_SIZE, PAGE_READWRITE | PAGE_PHYSICAL)) { // ok: missing-nocache
        return FALSE;
    }

    pa.LowPart = BSP_BASE_REG_PA_IIS;
    g_Disp.pIisRegs = MmMapIoSpace(pa, IIS_REG_SIZE, TRUE); // expect: missing-nocache

    pa.LowPart = BSP_BASE_REG_PA_AC97;
    g_Disp.pAc97Regs = MmMapIoSpace(pa, IIS_REG_SIZE, FALSE); // ok: missing-nocache

    /* Audio DMA ring: small, but named as memory and cached deliberately. */
    pa.LowPart = AUDIO_DMA_BUFFER_PA;
    g_Disp.pDmaBuffer = MmMapIoSpace(pa, AUDIO_DMA_BUFFER_SIZE, TRUE); // ok: missing-nocache
    return TRUE;
}
