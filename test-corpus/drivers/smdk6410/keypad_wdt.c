//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: keypad_wdt.c
//
// KPD: keypad driver of the SMDK6410. It also kicks the watchdog from its
// scan thread, and runs the wake-up stub from the Steppingstone SRAM.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "bsp.h"

// 8 KB internal SRAM, not part of the kernel's RAM (boot code only).
#define BSP_BASE_PA_STEPPINGSTONE   0x0C000000
#define STEPPINGSTONE_SIZE          0x2000

// Read the counter, write the control register.
#define WDT_MAP_PROTECT     (PAGE_READWRITE | PAGE_EXECUTE_READ | PAGE_NOCACHE | PAGE_PHYSICAL)

typedef struct _KPD_DEVICE
{
    volatile S3C6410_KEYPAD_REG     *pKeypadReg;
    volatile S3C6410_WATCHDOG_REG   *pWdtReg;
    PVOID                           pvFence;
    PBYTE                           pbWakeStub;
    HANDLE                          hScanThread;
    DWORD                           dwSysIntr;
} KPD_DEVICE, *PKPD_DEVICE;

static PKPD_DEVICE g_pKpd = NULL;

// First attempt at the keypad mapping: the base protection got lost when
// PAGE_READWRITE was moved into a macro that was later deleted.
static volatile S3C6410_KEYPAD_REG *KpdMapKeypadOld(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_KEYPAD_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_KEYPAD >> 8), sizeof(S3C6410_KEYPAD_REG), PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_KEYPAD_REG *)pv;
}

static volatile S3C6410_KEYPAD_REG *KpdMapKeypad(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_KEYPAD_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_KEYPAD >> 8), sizeof(S3C6410_KEYPAD_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: invalid-protection
        // Gives back "what was reserved", which MEM_RELEASE does not accept:
        // on this error path the reservation leaks.
        VirtualFree(pv, sizeof(S3C6410_KEYPAD_REG), MEM_RELEASE); // expect: release-with-size
        return NULL;
    }
    return (volatile S3C6410_KEYPAD_REG *)pv;
}

// A no-access fence on the page after the keypad block, so that a runaway
// pointer faults instead of hitting the ADC registers next door.
static PVOID KpdMapFence(void)
{
    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_ADC >> 8), 0x1000, PAGE_NOACCESS | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

// The same fence as a guard page, so the first stray access is logged.
static PVOID KpdMapGuardFence(void)
{
    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_ADC >> 8), 0x1000, PAGE_NOACCESS | PAGE_GUARD | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return pv;
}

static volatile S3C6410_WATCHDOG_REG *KpdMapWatchdog(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_WATCHDOG_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_WATCHDOG >> 8), sizeof(S3C6410_WATCHDOG_REG), PAGE_READONLY | PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_WATCHDOG_REG *)pv;
}

static volatile S3C6410_WATCHDOG_REG *KpdMapWatchdogShared(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_WATCHDOG_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_WATCHDOG >> 8), sizeof(S3C6410_WATCHDOG_REG), WDT_MAP_PROTECT)) { // expect: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_WATCHDOG_REG *)pv;
}

// Read-only view of the watchdog counter for the diagnostics IOCTL.
static volatile S3C6410_WATCHDOG_REG *KpdMapWatchdogReadOnly(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C6410_WATCHDOG_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_WATCHDOG >> 8), sizeof(S3C6410_WATCHDOG_REG), PAGE_READONLY | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C6410_WATCHDOG_REG *)pv;
}

// The wake-up stub is copied into the Steppingstone and runs from there.
static PBYTE KpdMapWakeStub(void)
{
    PVOID pv = VirtualAlloc(NULL, STEPPINGSTONE_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_PA_STEPPINGSTONE >> 8), STEPPINGSTONE_SIZE, PAGE_EXECUTE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: invalid-protection
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (PBYTE)pv;
}

// Protection chosen by the caller (diagnostics map the block read-only).
BOOL KpdMapRegistersAs(PVOID pvWindow, DWORD dwProtect)
{
    return VirtualCopy(pvWindow, (PVOID)(BSP_BASE_REG_PA_KEYPAD >> 8), sizeof(S3C6410_KEYPAD_REG), dwProtect); // ok: invalid-protection
}

DWORD KPD_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PKPD_DEVICE pKpd = (PKPD_DEVICE)LocalAlloc(LPTR, sizeof(KPD_DEVICE));
    if (pKpd == NULL) {
        return 0;
    }
    pKpd->pKeypadReg = KpdMapKeypad();
    if (pKpd->pKeypadReg == NULL) {
        pKpd->pKeypadReg = KpdMapKeypadOld();
    }
    pKpd->pWdtReg = KpdMapWatchdog();
    if (pKpd->pWdtReg == NULL) {
        pKpd->pWdtReg = KpdMapWatchdogShared();
    }
    if (pKpd->pWdtReg == NULL) {
        pKpd->pWdtReg = KpdMapWatchdogReadOnly();
    }
    pKpd->pvFence = KpdMapFence();
    if (pKpd->pvFence == NULL) {
        pKpd->pvFence = KpdMapGuardFence();
    }
    pKpd->pbWakeStub = KpdMapWakeStub();
    if (pKpd->pKeypadReg == NULL || pKpd->pWdtReg == NULL) {
        RETAILMSG(1, (TEXT("[KPD] register mapping failed\r\n")));
        LocalFree(pKpd);
        return 0;
    }
    pKpd->pKeypadReg->KEYIFCON = 0x7;       // debounce, interrupts on press and release
    g_pKpd = pKpd;
    return (DWORD)pKpd;
}
