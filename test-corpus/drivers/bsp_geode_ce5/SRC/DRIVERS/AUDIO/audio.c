/*
 * Geode audio codec driver (CE 5). The PCI bus driver activates its template key
 * through Device Manager. The CE 5 code placed its buffer-descriptor table at a
 * fixed physical address it believed free; config.bib gives that RAM to the
 * kernel, as NK's image or as RAM depending on IMGULDR.
 */
// cemap-targets: ce5 ce6
#include <windows.h>
#include <ceddk.h>
#include "geode_regs.h"

#define AUDIO_PRD_TABLE_PA      0x00C80000      /* RAM, or NK's RAMIMAGE with IMGULDR */
#define AUDIO_PRD_TABLE_BYTES   0x1000

static PVOID g_pPrd;

/* The loader's boot arguments: the ARGS page config.bib reserves. */
DWORD WAV_ReadBootVolume(void)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *args;
    DWORD volume;

    pa.QuadPart = GEODE_PA_LOADER_ARGS;
    args = (volatile DWORD *)MmMapIoSpace(pa, 0x1000, FALSE); // ok: physical-on-kernel-ram
    if (args == NULL) {
        return 0;
    }
    volume = args[0x40 / 4];
    MmUnmapIoSpace((PVOID)args, 0x1000);
    return volume;
}

BOOL WAV_MapDescriptorTable(void)
{
    PHYSICAL_ADDRESS pa;

    pa.LowPart = AUDIO_PRD_TABLE_PA;
    pa.HighPart = 0;
    g_pPrd = MmMapIoSpace(pa, AUDIO_PRD_TABLE_BYTES, FALSE); // expect: physical-on-kernel-ram
    return g_pPrd != NULL;
}

void WAV_Unmap(void)
{
    if (g_pPrd != NULL) {
        MmUnmapIoSpace(g_pPrd, AUDIO_PRD_TABLE_BYTES);
        g_pPrd = NULL;
    }
}
