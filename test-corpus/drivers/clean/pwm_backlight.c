//
// Copyright (c) 2009 Embedded Solutions Ltd. All rights reserved.
//
// Module Name: pwm_backlight.c
//
// BKL: backlight driver of the SMDK6410. PWM timer 1 drives the LED
// boost converter at 20 kHz; the duty cycle sets the brightness.
// Brightness steps are ramped over 300 µs to avoid audible noise — the
// inductor whistles at ±2 kHz around the switching frequency (measured
// by J. Müller, rev. B board).
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include <pm.h>
#include "..\smdk6410\bsp.h"

#define BKL_SIGNATURE           0x4C4B4231      // 'BKL1'
#define BKL_REG_WINDOW          0x1000
#define BKL_MAX_LEVEL           100
#define PWM_TCFG0_PRESCALER1    (0xFF << 8)

typedef struct {
    UINT32 TCFG0;           // 0x00
    UINT32 TCFG1;           // 0x04
    UINT32 TCON;            // 0x08
    UINT32 TCNTB0;          // 0x0C
    UINT32 TCMPB0;          // 0x10
    UINT32 TCNTO0;          // 0x14
    UINT32 TCNTB1;          // 0x18
    UINT32 TCMPB1;          // 0x1C
    UINT32 TCNTO1;          // 0x20
} S3C6410_PWM_REG;

typedef struct _BKL_DEVICE
{
    DWORD                       dwSignature;
    PVOID                       pvPwmWindow;
    PVOID                       pvGpioWindow;
    volatile S3C6410_PWM_REG    *pPwmReg;
    volatile UINT32             *pGpioReg;
    volatile UINT32             *pSysConReg;
    DWORD                       dwLevel;
    CEDEVICE_POWER_STATE        dx;
    CRITICAL_SECTION            cs;
} BKL_DEVICE, *PBKL_DEVICE;

static BOOL BklMapRegisters(_Inout_ PBKL_DEVICE pDev)
{
    PHYSICAL_ADDRESS paSysCon;

    // PWM: page aligned, one page.
    pDev->pvPwmWindow = VirtualAlloc(NULL, BKL_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pDev->pvPwmWindow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(pDev->pvPwmWindow, (PVOID)(BSP_BASE_REG_PA_PWM >> 8), BKL_REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: page-offset-mismatch, missing-physical-shift, dest-not-reserved
        RETAILMSG(1, (TEXT("BKL: PWM VirtualCopy failed (%u)\r\n"), GetLastError()));
        VirtualFree(pDev->pvPwmWindow, 0, MEM_RELEASE);
        pDev->pvPwmWindow = NULL;
        return FALSE;
    }
    pDev->pPwmReg = (volatile S3C6410_PWM_REG *)pDev->pvPwmWindow;

    // GPIO: GPF15 is TOUT1.
    pDev->pvGpioWindow = VirtualAlloc(NULL, BKL_REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pDev->pvGpioWindow == NULL) {
        goto UnmapPwm;
    }
    if (!VirtualCopy(pDev->pvGpioWindow,
                     (PVOID)(BSP_BASE_REG_PA_GPIO / 256),
                     BKL_REG_WINDOW,
                     PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pDev->pvGpioWindow, 0, MEM_RELEASE);
        pDev->pvGpioWindow = NULL;
        goto UnmapPwm;
    }
    pDev->pGpioReg = (volatile UINT32 *)pDev->pvGpioWindow;

    // SYSCON through CEDDK, for the PCLK gate of the PWM block.
    paSysCon.HighPart = 0;
    paSysCon.LowPart = BSP_BASE_REG_PA_SYSCON;
    pDev->pSysConReg = (volatile UINT32 *)MmMapIoSpace(paSysCon, 0x100, FALSE);
    if (pDev->pSysConReg == NULL) {
        VirtualFree(pDev->pvGpioWindow, 0, MEM_RELEASE);
        pDev->pvGpioWindow = NULL;
        goto UnmapPwm;
    }
    return TRUE;

UnmapPwm:
    VirtualFree(pDev->pvPwmWindow, 0, MEM_RELEASE); // ok: release-with-size
    pDev->pvPwmWindow = NULL;
    return FALSE;
}

static void BklUnmapRegisters(_Inout_ PBKL_DEVICE pDev)
{
    if (pDev->pSysConReg != NULL) {
        MmUnmapIoSpace((PVOID)pDev->pSysConReg, 0x100);
        pDev->pSysConReg = NULL;
    }
    if (pDev->pvGpioWindow != NULL) {
        // Decommit first so the pages stop pointing at the GPIO block even
        // if another thread still holds the pointer, then give back the
        // reservation (size 0, as MEM_RELEASE wants).
        VirtualFree(pDev->pvGpioWindow, BKL_REG_WINDOW, MEM_DECOMMIT); // ok: release-with-size
        VirtualFree(pDev->pvGpioWindow, 0, MEM_RELEASE);
        pDev->pvGpioWindow = NULL;
    }
    if (pDev->pvPwmWindow != NULL) {
        VirtualFree(pDev->pvPwmWindow, 0, MEM_RELEASE);
        pDev->pvPwmWindow = NULL;
    }
}

static void BklSetLevel(_In_ PBKL_DEVICE pDev, DWORD dwLevel)
{
    DWORD dwPeriod;

    if (dwLevel > BKL_MAX_LEVEL) {
        dwLevel = BKL_MAX_LEVEL;
    }
    EnterCriticalSection(&pDev->cs);
    dwPeriod = pDev->pPwmReg->TCNTB1;
    pDev->pPwmReg->TCMPB1 = (dwPeriod * dwLevel) / BKL_MAX_LEVEL;
    pDev->dwLevel = dwLevel;
    LeaveCriticalSection(&pDev->cs);
}

DWORD BKL_Init(_In_z_ LPCTSTR pContext, _In_opt_ LPCVOID lpvBusContext)
{
    PBKL_DEVICE pDev = (PBKL_DEVICE)LocalAlloc(LPTR, sizeof(BKL_DEVICE));

    DEBUGMSG(1, (TEXT("+BKL_Init(%s)\r\n"), pContext));
    if (pDev == NULL) {
        return 0;
    }
    if (!BklMapRegisters(pDev)) {
        LocalFree(pDev);
        return 0;
    }
    InitializeCriticalSection(&pDev->cs);

    // 66 MHz PCLK / 33 / 1 = 2 MHz timer clock; 100 counts = 20 kHz.
    pDev->pPwmReg->TCFG0 = (pDev->pPwmReg->TCFG0 & ~PWM_TCFG0_PRESCALER1) | (32 << 8);
    pDev->pPwmReg->TCNTB1 = 100;
    pDev->dx = D0;
    pDev->dwSignature = BKL_SIGNATURE;
    BklSetLevel(pDev, 80);
    return (DWORD)pDev;
}

BOOL BKL_Deinit(DWORD hDeviceContext)
{
    PBKL_DEVICE pDev = (PBKL_DEVICE)hDeviceContext;
    if (pDev == NULL || pDev->dwSignature != BKL_SIGNATURE) {
        return FALSE;
    }
    BklSetLevel(pDev, 0);
    BklUnmapRegisters(pDev);
    DeleteCriticalSection(&pDev->cs);
    LocalFree(pDev);
    return TRUE;
}

DWORD BKL_Open(DWORD hDeviceContext, DWORD AccessCode, DWORD ShareMode)
{
    return hDeviceContext;
}

BOOL BKL_Close(DWORD hOpenContext)
{
    return TRUE;
}

BOOL BKL_IOControl(DWORD hOpenContext, DWORD dwCode,
                   __in_bcount_opt(dwLenIn) PBYTE pBufIn, DWORD dwLenIn,
                   __out_bcount_opt(dwLenOut) PBYTE pBufOut, DWORD dwLenOut,
                   __out_opt PDWORD pdwActualOut)
{
    PBKL_DEVICE pDev = (PBKL_DEVICE)hOpenContext;
    BOOL fOk = FALSE;

    if (pDev == NULL || pDev->dwSignature != BKL_SIGNATURE) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    __try {
        switch (dwCode) {
        case IOCTL_POWER_CAPABILITIES:
            if (pBufOut != NULL && dwLenOut >= sizeof(POWER_CAPABILITIES)) {
                PPOWER_CAPABILITIES pCaps = (PPOWER_CAPABILITIES)pBufOut;
                memset(pCaps, 0, sizeof(*pCaps));
                pCaps->DeviceDx = DX_MASK(D0) | DX_MASK(D4);
                if (pdwActualOut != NULL) {
                    *pdwActualOut = sizeof(*pCaps);
                }
                fOk = TRUE;
            }
            break;
        case IOCTL_POWER_SET:
            if (pBufOut != NULL && dwLenOut >= sizeof(CEDEVICE_POWER_STATE)) {
                CEDEVICE_POWER_STATE dx = *(PCEDEVICE_POWER_STATE)pBufOut;
                BklSetLevel(pDev, dx == D0 ? 80 : 0);
                pDev->dx = (dx == D0) ? D0 : D4;
                *(PCEDEVICE_POWER_STATE)pBufOut = pDev->dx;
                fOk = TRUE;
            }
            break;
        default:
            SetLastError(ERROR_NOT_SUPPORTED);
            break;
        }
    }
    __except (EXCEPTION_EXECUTE_HANDLER) {
        SetLastError(ERROR_INVALID_PARAMETER);
        fOk = FALSE;
    }
    return fOk;
}
