//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// THIS CODE AND INFORMATION IS PROVIDED "AS IS" WITHOUT WARRANTY OF
// ANY KIND, EITHER EXPRESSED OR IMPLIED.
//
// Module Name: gpio_drv.c
//
// GPIO stream driver (GIO1:) for the SMDK2450. Applications drive the two
// board LEDs and read the DIP switch through IOCTLs.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#include "bsp_base_regs.h"
#include "s3c2450_gpio.h"

#define GIO_DEVICE_SIGNATURE    0x4F495047      // 'GPIO'

#define IOCTL_GIO_SET_LED       CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_GIO_GET_SWITCH    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

// Clock gating lives in the system controller, one page is enough.
#define SYSCON_WINDOW_SIZE      0x1000

#ifdef DEBUG
#define ZONE_ERROR              DEBUGZONE(0)
#define ZONE_INIT               DEBUGZONE(1)
DBGPARAM dpCurSettings = {
    TEXT("GPIO"), {
        TEXT("Error"), TEXT("Init"), TEXT(""), TEXT(""),
        TEXT(""), TEXT(""), TEXT(""), TEXT(""),
        TEXT(""), TEXT(""), TEXT(""), TEXT(""),
        TEXT(""), TEXT(""), TEXT(""), TEXT("") },
    0x0003
};
#endif

typedef struct _GIO_DEVICE
{
    DWORD                       dwSignature;
    volatile S3C2450_GPIO_REG   *pGPIOReg;
    volatile UINT32             *pSysConReg;
    CRITICAL_SECTION            csRegs;
} GIO_DEVICE, *PGIO_DEVICE;

static void GIO_ReleaseResources(PGIO_DEVICE pDev);

BOOL WINAPI DllEntry(HANDLE hInstDll, DWORD dwReason, LPVOID lpvReserved)
{
    if (dwReason == DLL_PROCESS_ATTACH) {
        DisableThreadLibraryCalls((HMODULE)hInstDll);
    }
    return TRUE;
}

DWORD GIO_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PGIO_DEVICE pDev;
    PVOID pvGpio = NULL;
    PVOID pvSysCon = NULL;

    RETAILMSG(1, (TEXT("[GIO] ++GIO_Init(%s)\r\n"), pContext));

    pDev = (PGIO_DEVICE)LocalAlloc(LPTR, sizeof(GIO_DEVICE));
    if (pDev == NULL) {
        RETAILMSG(1, (TEXT("[GIO:ERR] LocalAlloc failed\r\n")));
        return 0;
    }

    pvGpio = VirtualAlloc(NULL, sizeof(S3C2450_GPIO_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pvGpio == NULL) {
        goto CleanUp;
    }
    if (!VirtualCopy(pvGpio, (PVOID)(BSP_BASE_REG_PA_GPIO >> 8), sizeof(S3C2450_GPIO_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: missing-physical-shift
        RETAILMSG(1, (TEXT("[GIO:ERR] GPIO VirtualCopy failed (%d)\r\n"), GetLastError()));
        VirtualFree(pvGpio, 0, MEM_RELEASE); // ok: release-with-size
        goto CleanUp;
    }
    pDev->pGPIOReg = (volatile S3C2450_GPIO_REG *)pvGpio;

    pvSysCon = VirtualAlloc(NULL, SYSCON_WINDOW_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pvSysCon == NULL) {
        goto CleanUp;
    }
    if (!VirtualCopy(pvSysCon, (PVOID)(BSP_BASE_REG_PA_SYSCON / 256), SYSCON_WINDOW_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: physical-flag-missing
        VirtualFree(pvSysCon, 0, MEM_RELEASE);
        goto CleanUp;
    }
    pDev->pSysConReg = (volatile UINT32 *)pvSysCon;

    InitializeCriticalSection(&pDev->csRegs);

    // LEDs off, pins as outputs
    pDev->pGPIOReg->GPFCON = (pDev->pGPIOReg->GPFCON & ~(0xF << 8)) | (0x5 << 8);
    pDev->pGPIOReg->GPFDAT |= (GPF_LED1 | GPF_LED2);

    pDev->dwSignature = GIO_DEVICE_SIGNATURE;
    RETAILMSG(1, (TEXT("[GIO] --GIO_Init\r\n")));
    return (DWORD)pDev;

CleanUp:
    GIO_ReleaseResources(pDev);
    LocalFree(pDev);
    return 0;
}

// Called with a half-initialised context from GIO_Init as well as from
// GIO_Deinit, so every pointer may still be NULL.
static void GIO_ReleaseResources(PGIO_DEVICE pDev)
{
    if (pDev->pGPIOReg != NULL) {
        // The size is the size of the register block, as in the mapping call;
        // MEM_RELEASE needs 0, so this call fails and the reservation leaks.
        VirtualFree((PVOID)pDev->pGPIOReg, sizeof(S3C2450_GPIO_REG), MEM_RELEASE); // expect: release-with-size
        pDev->pGPIOReg = NULL;
    }
    if (pDev->pSysConReg != NULL) {
        VirtualFree((PVOID)pDev->pSysConReg, SYSCON_WINDOW_SIZE, MEM_DECOMMIT); // ok: release-with-size
        VirtualFree((PVOID)pDev->pSysConReg, 0, MEM_RELEASE); // ok: release-with-size
        pDev->pSysConReg = NULL;
    }
}

BOOL GIO_Deinit(DWORD hDeviceContext)
{
    PGIO_DEVICE pDev = (PGIO_DEVICE)hDeviceContext;

    if (pDev == NULL || pDev->dwSignature != GIO_DEVICE_SIGNATURE) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    GIO_ReleaseResources(pDev);
    DeleteCriticalSection(&pDev->csRegs);
    LocalFree(pDev);
    return TRUE;
}

DWORD GIO_Open(DWORD hDeviceContext, DWORD AccessCode, DWORD ShareMode)
{
    return hDeviceContext;
}

BOOL GIO_Close(DWORD hOpenContext)
{
    return TRUE;
}

BOOL GIO_IOControl(DWORD hOpenContext, DWORD dwCode, PBYTE pBufIn, DWORD dwLenIn,
                   PBYTE pBufOut, DWORD dwLenOut, PDWORD pdwActualOut)
{
    PGIO_DEVICE pDev = (PGIO_DEVICE)hOpenContext;
    BOOL bRet = FALSE;
    DWORD dwValue;

    if (pDev == NULL || pDev->dwSignature != GIO_DEVICE_SIGNATURE) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }

    EnterCriticalSection(&pDev->csRegs);
    __try {
        switch (dwCode) {
        case IOCTL_GIO_SET_LED:
            if (pBufIn == NULL || dwLenIn < sizeof(DWORD)) {
                SetLastError(ERROR_INVALID_PARAMETER);
                break;
            }
            dwValue = *(DWORD *)pBufIn;
            if (dwValue & 1) {
                pDev->pGPIOReg->GPFDAT &= ~GPF_LED1;
            } else {
                pDev->pGPIOReg->GPFDAT |= GPF_LED1;
            }
            bRet = TRUE;
            break;

        case IOCTL_GIO_GET_SWITCH:
            if (pBufOut == NULL || dwLenOut < sizeof(DWORD)) {
                SetLastError(ERROR_INVALID_PARAMETER);
                break;
            }
            *(DWORD *)pBufOut = (pDev->pGPIOReg->GPGDAT >> 8) & 0xF;
            if (pdwActualOut != NULL) {
                *pdwActualOut = sizeof(DWORD);
            }
            bRet = TRUE;
            break;

        default:
            SetLastError(ERROR_NOT_SUPPORTED);
            break;
        }
    }
    __except (EXCEPTION_EXECUTE_HANDLER) {
        RETAILMSG(1, (TEXT("[GIO:ERR] exception in IOCTL 0x%x\r\n"), dwCode));
        SetLastError(ERROR_INVALID_PARAMETER);
        bRet = FALSE;
    }
    LeaveCriticalSection(&pDev->csRegs);

    return bRet;
}

void GIO_PowerUp(DWORD hDeviceContext)
{
}

void GIO_PowerDown(DWORD hDeviceContext)
{
}
