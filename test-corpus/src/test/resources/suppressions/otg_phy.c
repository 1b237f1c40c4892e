/*
 * otg_phy.c -- USB OTG PHY control, with reviewed findings suppressed in the source.
 */
#include <windows.h>

#define BSP_BASE_REG_PA_USBOTG_PHY      0x7C100000
#define BSP_BASE_REG_PA_SYSCON          0x7E00F000
#define OTG_PHY_WINDOW                  0x100
#define SYSCON_OTHERS_OFFSET            0x900

PVOID SysLib_MapRegisters(DWORD dwPhysical, DWORD dwSize, BOOL fCached);

static const char g_szNote[] = "// cemap-suppress missing-nocache: not a comment, a string";
static volatile DWORD *g_pPhy;
static volatile DWORD *g_pSysConOthers;
static volatile DWORD *g_pTimer;

DWORD OTG_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    // cemap-suppress missing-nocache: the PHY block is write-once at boot; cached on purpose
    g_pPhy = (volatile DWORD *)SysLib_MapRegisters(BSP_BASE_REG_PA_USBOTG_PHY, OTG_PHY_WINDOW, TRUE);
    g_pSysConOthers = (volatile DWORD *)SysLib_MapRegisters(BSP_BASE_REG_PA_SYSCON + SYSCON_OTHERS_OFFSET, 0x10, FALSE);
    g_pTimer = (volatile DWORD *)SysLib_MapRegisters(0x7F006000, 0x100, TRUE); // cemap-suppress mapping-leak: no leak here
    return 1;
}
