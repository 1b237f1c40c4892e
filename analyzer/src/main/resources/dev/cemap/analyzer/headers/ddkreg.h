/* cemap stub of the CE ddkreg.h: reading a driver's resources from its registry key. */
#pragma once
#include <windef.h>
#include <devload.h>
#define MAX_DEVICE_WINDOWS 8
typedef struct {
    DWORD dwBase;
    DWORD dwLen;
} DEVICEWINDOW, *PDEVICEWINDOW;
typedef struct {
    DWORD cbSize;
    DWORD dwBusNumber;
    DWORD dwInterfaceType;
    DWORD dwNumIoWindows;
    DEVICEWINDOW ioWindows[MAX_DEVICE_WINDOWS];
    DWORD dwNumMemWindows;
    DEVICEWINDOW memWindows[MAX_DEVICE_WINDOWS];
} DDKWINDOWINFO, *PDDKWINDOWINFO;
typedef struct {
    DWORD cbSize;
    DWORD dwIrq;
    DWORD dwSysintr;
    WCHAR szIsrDll[DEVDLL_LEN];
    WCHAR szIsrHandler[DEVENTRY_LEN];
} DDKISRINFO, *PDDKISRINFO;
DWORD DDKReg_GetWindowInfo(HKEY hk, PDDKWINDOWINFO pwi);
DWORD DDKReg_GetIsrInfo(HKEY hk, PDDKISRINFO pii);
