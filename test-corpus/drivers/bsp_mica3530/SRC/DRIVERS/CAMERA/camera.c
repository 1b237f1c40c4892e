/*
 * Mica3530 camera (ISP) driver, loaded by Device Manager into the kernel. The CE 5
 * code kept a scratch buffer for the resizer at a fixed physical address that was
 * free on the old board; config.bib now gives that SDRAM to the kernel
 * (RAM $(IMAGE_WINCE_RAM_CA) $(IMAGE_WINCE_RAM_SIZE) from image_cfg.h: physical
 * 0x82001000-0x847FFFFF, or 0x82000000-0x847FFFFF with IMGMULTIXIP). The capture
 * buffers themselves are the RESERVED CAMBUF area.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define ISP_RESIZER_SCRATCH_PA      0x84000000      /* inside RAM in every configuration */
#define ISP_RESIZER_SCRATCH_BYTES   0x00100000
#define ISP_CAPTURE_BYTES           0x00300000      /* one 2048 x 1536 YUV422 frame */

typedef struct {
    volatile DWORD *pIsp;
    PVOID pCapture;
    PVOID pScratch;
} CAMERA_CONTEXT;

static CAMERA_CONTEXT g_camera;

/* ISP registers: device memory. */
BOOL CAM_MapIsp(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_ISP;
    g_camera.pIsp = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_ISP, FALSE); // ok: physical-on-kernel-ram
    return g_camera.pIsp != NULL;
}

/* Capture buffers: the RESERVED CAMBUF area of config.bib. */
BOOL CAM_MapCaptureBuffer(DWORD index)
{
    PHYSICAL_ADDRESS pa;

    if (index >= MICA_SZ_CAMERA_BUFFER / ISP_CAPTURE_BYTES) {
        return FALSE;
    }
    pa.QuadPart = MICA_PA_CAMERA_BUFFER;
    g_camera.pCapture = MmMapIoSpace(pa, ISP_CAPTURE_BYTES, FALSE); // ok: physical-on-kernel-ram
    return g_camera.pCapture != NULL;
}

/* The resizer's scratch buffer: SDRAM the kernel manages since the CE 6 memory map. */
BOOL CAM_MapResizerScratch(void)
{
    PHYSICAL_ADDRESS pa;

    pa.LowPart = ISP_RESIZER_SCRATCH_PA;
    pa.HighPart = 0;
    g_camera.pScratch = MmMapIoSpace(pa, ISP_RESIZER_SCRATCH_BYTES, FALSE); // expect: physical-on-kernel-ram
    return g_camera.pScratch != NULL;
}

void CAM_Unmap(void)
{
    if (g_camera.pScratch != NULL) {
        MmUnmapIoSpace(g_camera.pScratch, ISP_RESIZER_SCRATCH_BYTES);
        g_camera.pScratch = NULL;
    }
    if (g_camera.pCapture != NULL) {
        MmUnmapIoSpace(g_camera.pCapture, ISP_CAPTURE_BYTES);
        g_camera.pCapture = NULL;
    }
    if (g_camera.pIsp != NULL) {
        MmUnmapIoSpace((PVOID)g_camera.pIsp, MICA_SZ_ISP);
        g_camera.pIsp = NULL;
    }
}
