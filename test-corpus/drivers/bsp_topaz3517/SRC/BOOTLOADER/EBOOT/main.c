// main.c -- Topaz3517 EBOOT: reads the boot configuration sector from NAND.
// The error path closes the flash driver and the exit closes it again; the boot
// loader's build of the flash driver maps and unmaps nothing, so that is harmless.
#include <windows.h>
#include <topaz_fmd.h>

#define BOOT_CFG_SECTOR 2

static BYTE s_sector[512];

BOOL BLReadBootCfg(void)
{
    BOOL rc = FALSE;
    HANDLE hFMD = FMD_Init(NULL, NULL, NULL);
    if (hFMD == NULL) {
        return FALSE;
    }
    if (!FMD_ReadSector(BOOT_CFG_SECTOR, s_sector)) {
        FMD_Deinit(hFMD);
        goto cleanUp;
    }
    rc = (s_sector[0] == 0x5A);
cleanUp:
    FMD_Deinit(hFMD); // ok: double-release
    return rc;
}

void StartUp(void)
{
    BLReadBootCfg();
}
