/*
 * highpart_phys.c -- PHYSICAL_ADDRESS set up four ways before MmMapIoSpace.
 */
#include <windows.h>
#include <ceddk.h>

#define BSP_BASE_REG_PA_RTC     0x7E005000
#define BSP_BASE_REG_PA_ADC     0x7E00B000
#define BSP_BASE_REG_PA_IIC     0x7F004000
#define BSP_BASE_REG_PA_HSI     0x7E001000
#define REG_WINDOW              0x100

typedef struct { PVOID pRtc; PVOID pAdc; PVOID pIic; PVOID pHsi; PVOID pTmp; } MISC_CONTEXT;

static MISC_CONTEXT g_Misc;

void MapMiscBlocks(void)
{
    PHYSICAL_ADDRESS paRtc;
    PHYSICAL_ADDRESS paAdc;
    PHYSICAL_ADDRESS paIic = { 0 };
    PHYSICAL_ADDRESS paHsi;
    PHYSICAL_ADDRESS paTmp;

    paRtc.LowPart = BSP_BASE_REG_PA_RTC;
    g_Misc.pRtc = MmMapIoSpace(paRtc, REG_WINDOW, FALSE); // expect: uninitialized-highpart

    paAdc.QuadPart = BSP_BASE_REG_PA_ADC;
    g_Misc.pAdc = MmMapIoSpace(paAdc, REG_WINDOW, FALSE); // ok: uninitialized-highpart

    paIic.LowPart = BSP_BASE_REG_PA_IIC;
    g_Misc.pIic = MmMapIoSpace(paIic, REG_WINDOW, FALSE); // ok: uninitialized-highpart

    paHsi.HighPart = 0;
    paHsi.LowPart = BSP_BASE_REG_PA_HSI;
    g_Misc.pHsi = MmMapIoSpace(paHsi, REG_WINDOW, FALSE); // ok: uninitialized-highpart

    paTmp.u.LowPart = BSP_BASE_REG_PA_HSI + 0x800;
    g_Misc.pTmp = MmMapIoSpace(paTmp, 0x10, FALSE); // expect: uninitialized-highpart
}

void MapFromRegistry(DWORD dwIoBase)
{
    PHYSICAL_ADDRESS pa;
    ZeroMemory(&pa, sizeof(pa));
    pa.LowPart = dwIoBase;
    g_Misc.pTmp = MmMapIoSpace(pa, REG_WINDOW, FALSE); // ok: uninitialized-highpart
}
