/*
 * Cobalt6410 camera interface driver (kernel mode). Its CE 5 code took preview
 * buffers from "spare" DRAM by physical address; config.bib gives all of that DRAM
 * to the kernel (RAM 82100000 05D00000 = physical 0x52100000-0x57DFFFFF), so those
 * pages are mapped behind the kernel's back. Only the frame buffer is RESERVED.
 */
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "cobalt_base_regs.h"

#define CAM_PREVIEW_PA      (COBALT_PA_DRAM + 0x07000000)   /* 0x57000000: inside config.bib RAM */
#define CAM_PREVIEW_BYTES   0x00100000
#define CAM_LOGO_PA         (COBALT_PA_DRAM + 0x00200000)   /* boot logo inside the NK image */
#define CAM_LOGO_BYTES      0x00040000
#define LCD_FRAME_PA        0x57E00000                      /* FRAMEBUF: RESERVED in config.bib */
#define LCD_FRAME_BYTES     0x00200000
#define CAMIF_REG_BYTES     0x1000
#define CAM_RING_BYTES      0x4000

static PVOID g_pRing;
static DWORD g_dwRingPhys;

/* Maps the preview buffer for the ISP: RAM the kernel owns. */
BOOL CAM_MapPreview(void)
{
    PVOID preview;
    BOOL ok;

    preview = VirtualAlloc(NULL, CAM_PREVIEW_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (preview == NULL) {
        return FALSE;
    }
    ok = VirtualCopy(preview, (PVOID)(CAM_PREVIEW_PA >> 8), CAM_PREVIEW_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect: physical-on-kernel-ram
    if (ok) {
        memset(preview, 0, CAM_PREVIEW_BYTES);
    }
    VirtualFree(preview, 0, MEM_RELEASE);
    return ok;
}

/* Copies the boot logo into the overlay: the logo lives in the RAMIMAGE region. */
BOOL CAM_ShowBootLogo(PVOID overlay)
{
    PHYSICAL_ADDRESS pa;
    PVOID logo;

    pa.QuadPart = CAM_LOGO_PA;
    logo = MmMapIoSpace(pa, CAM_LOGO_BYTES, FALSE); // expect: physical-on-kernel-ram
    if (logo == NULL) {
        return FALSE;
    }
    memcpy(overlay, logo, CAM_LOGO_BYTES);
    MmUnmapIoSpace(logo, CAM_LOGO_BYTES);
    return TRUE;
}

/* The LCD frame buffer is RESERVED in config.bib: mapping it physically is right. */
BOOL CAM_BlitToFrameBuffer(const void *image, DWORD bytes)
{
    PHYSICAL_ADDRESS pa;
    PVOID frame;

    pa.QuadPart = LCD_FRAME_PA;
    frame = MmMapIoSpace(pa, LCD_FRAME_BYTES, FALSE); // ok: physical-on-kernel-ram
    if (frame == NULL) {
        return FALSE;
    }
    memcpy(frame, image, bytes < LCD_FRAME_BYTES ? bytes : LCD_FRAME_BYTES);
    MmUnmapIoSpace(frame, LCD_FRAME_BYTES);
    return TRUE;
}

/* Camera interface registers: device memory, not RAM. */
BOOL CAM_ResetInterface(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *camif;

    pa.QuadPart = COBALT_PA_CAMIF;
    camif = (volatile DWORD *)MmMapIoSpace(pa, CAMIF_REG_BYTES, FALSE); // ok: physical-on-kernel-ram, kernel-only-api
    if (camif == NULL) {
        return FALSE;
    }
    camif[0] = 0x80000000;              /* CISRCFMT: software reset */
    MmUnmapIoSpace((PVOID)camif, CAMIF_REG_BYTES);
    return TRUE;
}

/*
 * Shares the DMA descriptor ring with the capture application. The ring comes from
 * AllocPhysMem, so its pages already belong to the kernel; passing the buffer as a
 * PAGE_PHYSICAL source maps kernel RAM again.
 */
BOOL CAM_ShareRing(PVOID userWindow)
{
    BOOL ok;

    g_pRing = AllocPhysMem(CAM_RING_BYTES, PAGE_READWRITE, 0, 0, &g_dwRingPhys);
    if (g_pRing == NULL) {
        return FALSE;
    }
    ok = VirtualCopy(userWindow, g_pRing, CAM_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect: physical-on-kernel-ram
    return ok;
}

/* The same ring mapped through its physical address (the usual CE 5 idiom). */
BOOL CAM_ShareRingByAddress(PVOID userWindow)
{
    DWORD dwPhys;
    PVOID pRing = AllocPhysMem(CAM_RING_BYTES, PAGE_READWRITE, 0, 0, &dwPhys); // expect: mapping-leak
    if (pRing == NULL) {
        return FALSE;
    }
    return VirtualCopy(userWindow, (PVOID)(dwPhys >> 8), CAM_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect: physical-on-kernel-ram
}

/* Mapped through the global the ring's address was kept in: set by another function, unknown here. */
BOOL CAM_ShareRingByGlobal(PVOID userWindow)
{
    return VirtualCopy(userWindow, (PVOID)(g_dwRingPhys >> 8), CAM_RING_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
}
