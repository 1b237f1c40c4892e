// flash.c -- Topaz3517 flash block driver entry points over the NAND media driver.
#include <windows.h>
#include <topaz_fmd.h>

DWORD FLS_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    return (DWORD)FMD_Init(pContext, NULL, NULL);
}

BOOL FLS_Deinit(DWORD hDeviceContext)
{
    return FMD_Deinit((HANDLE)hDeviceContext);
}
