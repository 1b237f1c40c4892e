//
// GPIO stream driver for the SoC board.  Copyright notice omitted.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include <devload.h>
#include <ddkreg.h>
#include <nkintr.h>
#include <pm.h>
#include "soc_base_regs.h"

#define ZONE_ERROR      DEBUGZONE(0)
#define ZONE_INIT       DEBUGZONE(1)
#define GPIO_CONTEXT_SIG 0x4F495047

#define IOCTL_GPIO_SET  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_GPIO_GET  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

DBGPARAM dpCurSettings = {
    TEXT("GPIO"), { TEXT("Error"), TEXT("Init") }, 0x0003
};

typedef struct _GPIO_CONTEXT {
    DWORD               dwSig;
    PSOC_GPIO_REGS      pRegs;
    PVOID               pUartWindow;
    DWORD               dwSysIntr;
    HANDLE              hIstEvent;
    HANDLE              hIst;
    BOOL                fTerminate;
    CRITICAL_SECTION    cs;
    CEDEVICE_POWER_STATE dx;
} GPIO_CONTEXT, *PGPIO_CONTEXT;

static PVOID MapRegisters(DWORD dwPhysBase, DWORD dwSize)
{
    PVOID pVirt = VirtualAlloc(NULL, dwSize, MEM_RESERVE, PAGE_NOACCESS);
    if (pVirt == NULL) {
        RETAILMSG(ZONE_ERROR, (TEXT("GPIO: VirtualAlloc failed %d\r\n"), GetLastError()));
        return NULL;
    }
    if (!VirtualCopy(pVirt, (PVOID)(dwPhysBase >> 8), dwSize, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        RETAILMSG(ZONE_ERROR, (TEXT("GPIO: VirtualCopy failed\r\n")));
        VirtualFree(pVirt, 0, MEM_RELEASE);
        return NULL;
    }
    return pVirt;
}

static DWORD WINAPI GpioIst(LPVOID pvContext)
{
    PGPIO_CONTEXT pContext = (PGPIO_CONTEXT)pvContext;
    while (!pContext->fTerminate) {
        if (WaitForSingleObject(pContext->hIstEvent, INFINITE) != WAIT_OBJECT_0) {
            break;
        }
        EnterCriticalSection(&pContext->cs);
        pContext->pRegs->IRQSTATUS = pContext->pRegs->IRQSTATUS;
        LeaveCriticalSection(&pContext->cs);
        InterruptDone(pContext->dwSysIntr);
    }
    return 0;
}

DWORD GIO_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PGPIO_CONTEXT pDevice = NULL;
    HKEY hKey = NULL;
    DDKWINDOWINFO dwi;
    PHYSICAL_ADDRESS pa;
    DWORD dwIrq = (DWORD)-1;

    DEBUGMSG(ZONE_INIT, (TEXT("+GIO_Init(%s)\r\n"), pContext));
    pDevice = (PGPIO_CONTEXT)LocalAlloc(LPTR, sizeof(GPIO_CONTEXT));
    if (pDevice == NULL) {
        SetLastError(ERROR_OUTOFMEMORY);
        return 0;
    }
    pDevice->dwSig = GPIO_CONTEXT_SIG;
    InitializeCriticalSection(&pDevice->cs);

    hKey = OpenDeviceKey(pContext);
    if (hKey == NULL) {
        goto cleanup;
    }
    dwi.cbSize = sizeof(dwi);
    if (DDKReg_GetWindowInfo(hKey, &dwi) != ERROR_SUCCESS || dwi.dwNumMemWindows < 1) {
        goto cleanup;
    }
    RegCloseKey(hKey);
    hKey = NULL;

    pa.QuadPart = 0;
    pa.LowPart = dwi.memWindows[0].dwBase;
    pDevice->pRegs = (PSOC_GPIO_REGS)MmMapIoSpace(pa, sizeof(SOC_GPIO_REGS), FALSE);
    if (pDevice->pRegs == NULL) {
        goto cleanup;
    }
    pDevice->pUartWindow = MapRegisters(SOC_UART2_BASE_PA, SOC_REG_WINDOW);

    if (!KernelIoControl(IOCTL_HAL_REQUEST_SYSINTR, &dwIrq, sizeof(dwIrq),
                         &pDevice->dwSysIntr, sizeof(pDevice->dwSysIntr), NULL)) {
        pDevice->dwSysIntr = SYSINTR_UNDEFINED;
        goto cleanup;
    }
    pDevice->hIstEvent = CreateEvent(NULL, FALSE, FALSE, NULL);
    if (!InterruptInitialize(pDevice->dwSysIntr, pDevice->hIstEvent, NULL, 0)) {
        goto cleanup;
    }
    pDevice->hIst = CreateThread(NULL, 0, GpioIst, pDevice, 0, NULL);
    pDevice->dx = D0;
    return (DWORD)pDevice;

cleanup:
    if (hKey != NULL) {
        RegCloseKey(hKey);
    }
    if (pDevice->pRegs != NULL) {
        MmUnmapIoSpace((PVOID)pDevice->pRegs, sizeof(SOC_GPIO_REGS));
    }
    LocalFree(pDevice);
    return 0;
}

BOOL GIO_Deinit(DWORD hDeviceContext)
{
    PGPIO_CONTEXT pDevice = (PGPIO_CONTEXT)hDeviceContext;
    if (pDevice == NULL || pDevice->dwSig != GPIO_CONTEXT_SIG) {
        return FALSE;
    }
    pDevice->fTerminate = TRUE;
    SetEvent(pDevice->hIstEvent);
    WaitForSingleObject(pDevice->hIst, INFINITE);
    CloseHandle(pDevice->hIst);
    CloseHandle(pDevice->hIstEvent);
    MmUnmapIoSpace((PVOID)pDevice->pRegs, sizeof(SOC_GPIO_REGS));
    VirtualFree(pDevice->pUartWindow, 0, MEM_RELEASE);
    DeleteCriticalSection(&pDevice->cs);
    LocalFree(pDevice);
    return TRUE;
}

DWORD GIO_Open(DWORD hDeviceContext, DWORD AccessCode, DWORD ShareMode) { return hDeviceContext; }
BOOL GIO_Close(DWORD hOpenContext) { return TRUE; }
DWORD GIO_Read(DWORD hOpenContext, LPVOID pBuffer, DWORD Count) { return (DWORD)-1; }
DWORD GIO_Write(DWORD hOpenContext, LPCVOID pBuffer, DWORD Count) { return (DWORD)-1; }
void GIO_PowerUp(DWORD hDeviceContext) { }
void GIO_PowerDown(DWORD hDeviceContext) { }

BOOL GIO_IOControl(DWORD hOpenContext, DWORD dwCode, PBYTE pBufIn, DWORD dwLenIn,
                   PBYTE pBufOut, DWORD dwLenOut, PDWORD pdwActualOut)
{
    PGPIO_CONTEXT pDevice = (PGPIO_CONTEXT)hOpenContext;
    BOOL fOk = FALSE;
    DWORD dwValue = 0;

    switch (dwCode) {
    case IOCTL_GPIO_SET:
        if (pBufIn == NULL || dwLenIn < sizeof(DWORD)) {
            SetLastError(ERROR_INVALID_PARAMETER);
            break;
        }
        __try {
            memcpy(&dwValue, pBufIn, sizeof(DWORD));
            pDevice->pRegs->DATAOUT = dwValue;
            fOk = TRUE;
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            SetLastError(ERROR_INVALID_PARAMETER);
        }
        break;
    case IOCTL_GPIO_GET:
        if (pBufOut != NULL && dwLenOut >= sizeof(DWORD)) {
            dwValue = pDevice->pRegs->DATAIN;
            memcpy(pBufOut, &dwValue, sizeof(DWORD));
            if (pdwActualOut != NULL) *pdwActualOut = sizeof(DWORD);
            fOk = TRUE;
        }
        break;
    case IOCTL_POWER_SET:
        pDevice->dx = *(PCEDEVICE_POWER_STATE)pBufOut;
        fOk = TRUE;
        break;
    default:
        SetLastError(ERROR_NOT_SUPPORTED);
        break;
    }
    return fOk;
}

BOOL WINAPI DllEntry(HANDLE hInstDll, DWORD dwReason, LPVOID lpvReserved)
{
    if (dwReason == DLL_PROCESS_ATTACH) {
        DEBUGREGISTER(hInstDll);
        DisableThreadLibraryCalls((HMODULE)hInstDll);
    }
    return TRUE;
}
