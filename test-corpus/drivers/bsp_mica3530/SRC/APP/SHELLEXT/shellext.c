/*
 * Mica3530 text shell extension: "clk" and "peek" commands for the board. The text
 * shell (shell.exe) loads it from [HKLM\Software\Microsoft\TxtShell\Extensions]; on
 * CE 6 shell.exe is an application, which cannot map physical memory.
 */
#include <windows.h>
#include <ceddk.h>
#include "mica_base_regs.h"

#define CM_FCLKEN1_CORE         (0xA00 / 4)

BOOL ParseCommand(LPWSTR cmd, LPWSTR args, FILE *out)
{
    PHYSICAL_ADDRESS pa;
    volatile DWORD *prcm;

    if (wcscmp(cmd, L"clk") != 0) {
        return FALSE;
    }
    pa.QuadPart = MICA_PA_PRCM_CM;
    prcm = (volatile DWORD *)MmMapIoSpace(pa, MICA_SZ_PRCM_CM, FALSE); // expect: kernel-only-api
    if (prcm == NULL) {
        return FALSE;
    }
    fwprintf(out, L"CM_FCLKEN1_CORE = 0x%08X\r\n", prcm[CM_FCLKEN1_CORE]);
    MmUnmapIoSpace((PVOID)prcm, MICA_SZ_PRCM_CM);
    return TRUE;
}
