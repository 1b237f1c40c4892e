/*
 * Quartz2450 LCD helper: maps the 40 MB video SRAM. The CE 5 code splits the copy at
 * the 32 MB section boundary, which CE 5's VirtualCopy cannot cross; CE 6 maps the
 * whole range in one call.
 */
// cemap-targets: ce5 ce6
#include <windows.h>
#include "quartz_regs.h"

#define VIDEO_BYTES     0x02800000      /* 40 MB */
#define SECTION_BYTES   0x02000000      /* one CE 5 section */

static PBYTE g_pVideo;

BOOL LCD_MapVideoMemory(void)
{
    PBYTE video;

    video = (PBYTE)VirtualAlloc(NULL, VIDEO_BYTES, MEM_RESERVE, PAGE_NOACCESS);
    if (video == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(video, (PVOID)(QUARTZ_PA_VIDEO_SRAM >> 8), SECTION_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(video, 0, MEM_RELEASE);
        return FALSE;
    }
    if (!VirtualCopy(video + SECTION_BYTES, (PVOID)((QUARTZ_PA_VIDEO_SRAM + SECTION_BYTES) >> 8), VIDEO_BYTES - SECTION_BYTES, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: section-crossing
        VirtualFree(video, 0, MEM_RELEASE);
        return FALSE;
    }
    g_pVideo = video;
    return TRUE;
}

VOID LCD_UnmapVideoMemory(void)
{
    if (g_pVideo != NULL) {
        VirtualFree(g_pVideo, 0, MEM_RELEASE);
        g_pVideo = NULL;
    }
}
