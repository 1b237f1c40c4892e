/*
 * user_buffers.c -- IOCTL_SENSOR_MAP_SAMPLES: hands a sample buffer to the
 * calling application by mapping it into the caller's process (CE 6.0).
 */
#include <windows.h>
#include <pkfuncs.h>

#define SAMPLE_COUNT        150
#define SAMPLE_BYTES        (SAMPLE_COUNT * sizeof(DWORD))
#define SAMPLE_PAGE         0x1000

typedef struct _SENSOR_DEVICE {
    PDWORD pdwSamples;
    PVOID  pvSamplePage;
    PVOID  pvUserView;
} SENSOR_DEVICE, *PSENSOR_DEVICE;

/* Heap block: shares its page with other allocations of the driver. */
BOOL SensorShareSamples(PSENSOR_DEVICE pDev)
{
    pDev->pdwSamples = (PDWORD)LocalAlloc(LPTR, SAMPLE_BYTES);
    if (pDev->pdwSamples == NULL) {
        return FALSE;
    }
    pDev->pvUserView = VirtualAllocCopyEx(GetCurrentProcess(), GetCallerProcess(), pDev->pdwSamples, SAMPLE_BYTES, PAGE_READWRITE); // expect: unaligned-user-exposure
    return pDev->pvUserView != NULL;
}

/* A page of its own: safe to hand out whole. */
BOOL SensorShareSamplePage(PSENSOR_DEVICE pDev)
{
    pDev->pvSamplePage = VirtualAlloc(NULL, SAMPLE_PAGE, MEM_COMMIT, PAGE_READWRITE);
    if (pDev->pvSamplePage == NULL) {
        return FALSE;
    }
    pDev->pvUserView = VirtualAllocCopyEx(GetCurrentProcess(), GetCallerProcess(), pDev->pvSamplePage, SAMPLE_PAGE, PAGE_READWRITE); // ok: unaligned-user-exposure
    return pDev->pvUserView != NULL;
}

/* Page-aligned start, but only part of the page is meant for the caller. */
BOOL SensorSharePartOfPage(PSENSOR_DEVICE pDev)
{
    pDev->pvSamplePage = VirtualAlloc(NULL, SAMPLE_PAGE, MEM_COMMIT, PAGE_READWRITE);
    if (pDev->pvSamplePage == NULL) {
        return FALSE;
    }
    pDev->pvUserView = VirtualAllocCopyEx(GetCurrentProcess(), GetCallerProcess(), pDev->pvSamplePage, SAMPLE_BYTES, PAGE_READWRITE); // expect: unaligned-user-exposure
    return pDev->pvUserView != NULL;
}

/* A stack buffer mapped into the caller: the rest of the kernel stack page goes with it. */
BOOL SensorShareSnapshot(HANDLE hCaller, PVOID pvCallerBuffer)
{
    DWORD adwSnapshot[16];
    adwSnapshot[0] = GetTickCount();
    return VirtualCopyEx(hCaller, pvCallerBuffer, GetCurrentProcess(), adwSnapshot, sizeof(adwSnapshot), PAGE_READONLY); // expect: unaligned-user-exposure
}

/* Two whole pages, reserved and committed for the caller. */
BOOL SensorShareHistory(PSENSOR_DEVICE pDev)
{
    PVOID pvHistory = VirtualAlloc(NULL, 2 * SAMPLE_PAGE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    if (pvHistory == NULL) {
        return FALSE;
    }
    pDev->pvUserView = VirtualAllocCopyEx(GetCurrentProcess(), GetCallerProcess(), pvHistory, 2 * SAMPLE_PAGE, PAGE_READONLY); // ok: unaligned-user-exposure
    VirtualFree(pvHistory, 0, MEM_RELEASE);
    return pDev->pvUserView != NULL;
}

/* The caller's own buffer, alignment unknown here: not reported. */
BOOL SensorShareCallerBuffer(HANDLE hCaller, PVOID pvDest, PVOID pvSource, DWORD cbSource)
{
    return VirtualCopyEx(hCaller, pvDest, GetCurrentProcess(), pvSource, cbSource, PAGE_READONLY); // ok: unaligned-user-exposure
}
