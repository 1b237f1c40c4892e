//
// Copyright (c) 2009 Embedded Solutions Ltd. All rights reserved.
//
// Module Name: uart_debug_port.c
//
// DBS: stream driver, a debug console on UART1 or UART2 of the S3C6410 for
// field service. The UART register blocks are 0x400 apart, so three of the
// four channels start in the middle of a 4 KB page.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "bsp.h"

enum {
    UART_PAGE_WINDOW    = 0x1000,
    UART1_PAGE_OFFSET   = 0x400
};

// UART2 is used when the board has the second debug header fitted.
static const DWORD s_dwUart2PA = BSP_BASE_REG_PA_UART2;

typedef struct _DBS_CONTEXT
{
    PVOID                       pvWindow;
    volatile S3C6410_UART_REG   *pUartReg;
    DWORD                       dwBaud;
    HANDLE                      hRxEvent;
} DBS_CONTEXT, *PDBS_CONTEXT;

// UART1 through a page-sized window: the registers are 0x400 into the page,
// so the mapping goes to the same offset in the window.
static volatile S3C6410_UART_REG *DbsMapUart1(PDBS_CONTEXT pCtx)
{
    PBYTE pbWindow = (PBYTE)VirtualAlloc(NULL, UART_PAGE_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pbWindow == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pbWindow + UART1_PAGE_OFFSET, (PVOID)(BSP_BASE_REG_PA_UART1 >> 8), sizeof(S3C6410_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: page-offset-mismatch
        VirtualFree(pbWindow, 0, MEM_RELEASE);
        return NULL;
    }
    pCtx->pvWindow = pbWindow;
    return (volatile S3C6410_UART_REG *)(pbWindow + UART1_PAGE_OFFSET);
}

// The first version of the UART1 mapping, still used by the boot-time probe:
// the window is page aligned, the registers are not.
static BOOL DbsProbeUart1(void)
{
    BOOL fPresent = FALSE;
    PVOID pv = VirtualAlloc(NULL, 0x100, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return FALSE;
    }
    if (VirtualCopy(pv, (PVOID)(0x7F005400 >> 8), 0x100, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: page-offset-mismatch
        fPresent = (((volatile S3C6410_UART_REG *)pv)->UFSTAT & 0x4000) == 0;
    }
    VirtualFree(pv, 0, MEM_RELEASE);
    return fPresent;
}

// UART2, mapped page aligned; the register pointer adds the offset.
static volatile S3C6410_UART_REG *DbsMapUart2(PDBS_CONTEXT pCtx)
{
    PVOID pv = VirtualAlloc(NULL, UART_PAGE_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)((BSP_BASE_REG_PA_UART2 & ~0xFFF) >> 8), UART_PAGE_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: page-offset-mismatch
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    pCtx->pvWindow = pv;
    return (volatile S3C6410_UART_REG *)((PBYTE)pv + (BSP_BASE_REG_PA_UART2 & 0xFFF));
}

// UART2 again, written by copying DbsMapUart1: the window offset is still
// UART1's although UART2 is 0x800 into its page.
static volatile S3C6410_UART_REG *DbsMapUart2Direct(PDBS_CONTEXT pCtx)
{
    PVOID pv = VirtualAlloc(NULL, UART_PAGE_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy((PBYTE)pv + 0x400, (PVOID)(s_dwUart2PA >> 8), sizeof(S3C6410_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: page-offset-mismatch
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    pCtx->pvWindow = pv;
    return (volatile S3C6410_UART_REG *)((PBYTE)pv + 0x400);
}

// Copies the OAL's static mapping of UART1 instead of mapping the physical
// address: a virtual source, so the page offsets are compared as they are.
static volatile S3C6410_UART_REG *DbsShareOalUart1(PDBS_CONTEXT pCtx)
{
    PVOID pv = VirtualAlloc(NULL, UART_PAGE_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)BSP_BASE_REG_UA_UART1, sizeof(S3C6410_UART_REG), PAGE_READWRITE | PAGE_NOCACHE)) { // expect: page-offset-mismatch
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    pCtx->pvWindow = pv;
    return (volatile S3C6410_UART_REG *)pv;
}

static volatile S3C6410_UART_REG *DbsShareOalUart1Fixed(PDBS_CONTEXT pCtx)
{
    PVOID pv = VirtualAlloc(NULL, UART_PAGE_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy((PBYTE)pv + UART1_PAGE_OFFSET, (PVOID)BSP_BASE_REG_UA_UART1, sizeof(S3C6410_UART_REG), PAGE_READWRITE | PAGE_NOCACHE)) { // ok: page-offset-mismatch, virtual-as-physical
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    pCtx->pvWindow = pv;
    return (volatile S3C6410_UART_REG *)((PBYTE)pv + UART1_PAGE_OFFSET);
}

// UART3 into a window the caller reserved; where it is, and at which offset
// the caller wants the registers, is not known here.
BOOL DbsMapUart3Into(PVOID pvWindow)
{
    return VirtualCopy(pvWindow, (PVOID)(BSP_BASE_REG_PA_UART3 >> 8), sizeof(S3C6410_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // ok: page-offset-mismatch, dest-not-reserved
}

// CEDDK puts the page offset right by itself.
static volatile S3C6410_UART_REG *DbsMapUart3(void)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = BSP_BASE_REG_PA_UART3;
    return (volatile S3C6410_UART_REG *)MmMapIoSpace(pa, sizeof(S3C6410_UART_REG), FALSE); // ok: page-offset-mismatch
}

DWORD DBS_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PDBS_CONTEXT pCtx = (PDBS_CONTEXT)LocalAlloc(LPTR, sizeof(DBS_CONTEXT));
    if (pCtx == NULL) {
        return 0;
    }
    if (DbsProbeUart1()) {
        pCtx->pUartReg = DbsMapUart1(pCtx);
        if (pCtx->pUartReg == NULL) {
            pCtx->pUartReg = DbsShareOalUart1(pCtx);
        }
        if (pCtx->pUartReg == NULL) {
            pCtx->pUartReg = DbsShareOalUart1Fixed(pCtx);
        }
    } else {
        pCtx->pUartReg = DbsMapUart2(pCtx);
        if (pCtx->pUartReg == NULL) {
            pCtx->pUartReg = DbsMapUart2Direct(pCtx);
        }
    }
    if (pCtx->pUartReg == NULL) {
        pCtx->pUartReg = DbsMapUart3();
    }
    if (pCtx->pUartReg == NULL) {
        RETAILMSG(1, (TEXT("DBS: no debug UART could be mapped\r\n")));
        LocalFree(pCtx);
        return 0;
    }
    pCtx->dwBaud = 115200;
    return (DWORD)pCtx;
}

BOOL DBS_Deinit(DWORD hDeviceContext)
{
    PDBS_CONTEXT pCtx = (PDBS_CONTEXT)hDeviceContext;
    if (pCtx == NULL) {
        return FALSE;
    }
    if (pCtx->pvWindow != NULL) {
        VirtualFree(pCtx->pvWindow, 0, MEM_RELEASE);
    } else if (pCtx->pUartReg != NULL) {
        MmUnmapIoSpace((PVOID)pCtx->pUartReg, sizeof(S3C6410_UART_REG));
    }
    LocalFree(pCtx);
    return TRUE;
}
