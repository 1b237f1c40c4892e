//
// Copyright (c) 2010 Embedded Solutions Ltd. All rights reserved.
//
// Module Name: wdt_service.cpp
//
// WDT: watchdog service of the SMDK6410 (kernel-mode driver). A thread
// reloads the counter every 500 ms; an application that stops calling
// IOCTL_WDT_HEARTBEAT for 10 s makes the thread stop, and the board resets.
// Überwachungszeit: 10 s — 看门狗超时 10 秒.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "..\smdk6410\bsp.h"

#define IOCTL_WDT_HEARTBEAT     CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_NEITHER, FILE_ANY_ACCESS)
#define WDT_RELOAD_MS           500
#define WDT_HEARTBEAT_TIMEOUT   10000

class CWatchdog
{
public:
    CWatchdog() : m_pRegs(NULL), m_pvWindow(NULL), m_hThread(NULL), m_hStop(NULL), m_dwLastBeat(0) { }
    ~CWatchdog() { Stop(); Unmap(); }

    BOOL Map();
    BOOL MapThroughCeddk();
    BOOL Start();
    void Stop();
    void Unmap();
    void Heartbeat() { m_dwLastBeat = GetTickCount(); }

private:
    static DWORD WINAPI ThreadProc(LPVOID pv);
    void Reload() { m_pRegs->WTCNT = 0x8000; }

    volatile S3C6410_WATCHDOG_REG   *m_pRegs;
    PVOID                           m_pvWindow;
    BOOL                            m_fCeddk;
    HANDLE                          m_hThread;
    HANDLE                          m_hStop;
    volatile DWORD                  m_dwLastBeat;
};

BOOL CWatchdog::Map()
{
    m_pvWindow = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
    if (m_pvWindow == NULL) {
        return FALSE;
    }
    if (!VirtualCopy(m_pvWindow, reinterpret_cast<LPVOID>(BSP_BASE_REG_PA_WATCHDOG >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: virtual-as-physical, page-offset-mismatch
        VirtualFree(m_pvWindow, 0, MEM_RELEASE);
        m_pvWindow = NULL;
        return FALSE;
    }
    this->m_pRegs = static_cast<volatile S3C6410_WATCHDOG_REG *>(m_pvWindow);
    m_fCeddk = FALSE;
    return TRUE;
}

BOOL CWatchdog::MapThroughCeddk()
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = BSP_BASE_REG_PA_WATCHDOG;
    m_pRegs = static_cast<volatile S3C6410_WATCHDOG_REG *>(MmMapIoSpace(pa, sizeof(S3C6410_WATCHDOG_REG), FALSE));
    m_fCeddk = TRUE;
    return m_pRegs != NULL;
}

DWORD WINAPI CWatchdog::ThreadProc(LPVOID pv)
{
    CWatchdog *pThis = static_cast<CWatchdog *>(pv);
    while (WaitForSingleObject(pThis->m_hStop, WDT_RELOAD_MS) == WAIT_TIMEOUT) {
        if (GetTickCount() - pThis->m_dwLastBeat > WDT_HEARTBEAT_TIMEOUT) {
            RETAILMSG(1, (L"WDT: no heartbeat for %u ms, letting the watchdog expire\r\n", WDT_HEARTBEAT_TIMEOUT));
            break;
        }
        pThis->Reload();
    }
    return 0;
}

BOOL CWatchdog::Start()
{
    m_hStop = CreateEvent(NULL, TRUE, FALSE, NULL);
    if (m_hStop == NULL) {
        return FALSE;
    }
    Heartbeat();
    m_pRegs->WTDAT = 0x8000;
    m_pRegs->WTCNT = 0x8000;
    m_pRegs->WTCON = (0xFF << 8) | (1 << 5) | (3 << 3) | (1 << 0);
    m_hThread = CreateThread(NULL, 0, ThreadProc, this, 0, NULL);
    return m_hThread != NULL;
}

void CWatchdog::Stop()
{
    if (m_hThread != NULL) {
        SetEvent(m_hStop);
        WaitForSingleObject(m_hThread, INFINITE);
        CloseHandle(m_hThread);
        m_hThread = NULL;
    }
    if (m_hStop != NULL) {
        CloseHandle(m_hStop);
        m_hStop = NULL;
    }
}

void CWatchdog::Unmap()
{
    if (m_pRegs != NULL) {
        m_pRegs->WTCON = 0;
        if (m_fCeddk) {
            MmUnmapIoSpace((PVOID)m_pRegs, sizeof(S3C6410_WATCHDOG_REG));
        } else {
            VirtualFree(m_pvWindow, 0, MEM_RELEASE); // ok: release-with-size
            m_pvWindow = NULL;
        }
        m_pRegs = NULL;
    }
}

static CWatchdog *g_pWatchdog = NULL;

extern "C" DWORD WDT_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    g_pWatchdog = new CWatchdog();
    if (g_pWatchdog == NULL) {
        return 0;
    }
    if ((!g_pWatchdog->Map() && !g_pWatchdog->MapThroughCeddk()) || !g_pWatchdog->Start()) {
        delete g_pWatchdog;
        g_pWatchdog = NULL;
        return 0;
    }
    return reinterpret_cast<DWORD>(g_pWatchdog);
}

extern "C" BOOL WDT_Deinit(DWORD hDeviceContext)
{
    delete g_pWatchdog;
    g_pWatchdog = NULL;
    return TRUE;
}

extern "C" BOOL WDT_IOControl(DWORD hOpenContext, DWORD dwCode, PBYTE pBufIn, DWORD dwLenIn,
                              PBYTE pBufOut, DWORD dwLenOut, PDWORD pdwActualOut)
{
    if (dwCode == IOCTL_WDT_HEARTBEAT && g_pWatchdog != NULL) {
        g_pWatchdog->Heartbeat();
        return TRUE;
    }
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}
