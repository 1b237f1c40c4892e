/*
 * Mica3530 NAND block driver. Device Manager does not load it ("Flags"=dword:4,
 * DEVFLAGS_NOLOAD); the storage manager does, from
 * [HKLM\System\StorageManager\AutoLoad\NAND] "DriverPath", into the kernel on CE 6.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define GPMC_CONFIG             (0x50 / 4)
#define GPMC_NAND_COMMAND_0     (0x7C / 4)

static volatile DWORD *g_pGpmc;

BOOL NAND_Init(void)
{
    PHYSICAL_ADDRESS pa;

    pa.QuadPart = MICA_PA_GPMC;
    g_pGpmc = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_GPMC, FALSE); // ok: kernel-only-api
    if (g_pGpmc == NULL) {
        return FALSE;
    }
    g_pGpmc[GPMC_CONFIG] |= 0x10;           /* WP# high: writes allowed */
    g_pGpmc[GPMC_NAND_COMMAND_0] = 0xFF;    /* reset the chip */
    return TRUE;
}

void NAND_Deinit(void)
{
    if (g_pGpmc != NULL) {
        MmUnmapIoSpace((PVOID)g_pGpmc, MICA_SZ_GPMC);
        g_pGpmc = NULL;
    }
}
