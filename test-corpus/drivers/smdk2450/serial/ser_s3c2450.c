//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: ser_s3c2450.c
//
// Register mapping for the four S3C2450 UART channels. On this board:
//   UART0  Bluetooth module (CSR BC4), hardware flow control
//   UART1  GPS receiver, 9600 8N1
//   UART2  IrDA SIR
//   UART3  GSM modem
// The port to this BSP brought the mapping code over from two older BSPs;
// each channel keeps its own function so that a failing channel can be
// disabled in the registry without touching the others.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#include "bsp_base_regs.h"
#include "s3c2450_uart.h"

// UART0 window as the old BSP's table wrote it: already divided by 256.
#define UART0_PA_SHIFTED        0x00500000

// Baud clock source selection lives in the system controller.
#define CLKSRC_WINDOW_SIZE      0x1000

typedef struct _SER_CHANNEL
{
    volatile S3C2450_UART_REG   *pUartReg;
    volatile UINT32             *pClkReg;
    DWORD                       dwSysIntr;
    BOOL                        fFlowControl;
} SER_CHANNEL, *PSER_CHANNEL;

// Bluetooth. This code came from a BSP whose mapping helper took page
// numbers, hence the shift by 12.
static volatile S3C2450_UART_REG *SerMapBluetoothUart(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C2450_UART_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_UART0 >> 12), sizeof(S3C2450_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: missing-physical-shift
        RETAILMSG(1, (TEXT("SER: UART0 VirtualCopy failed (%d)\r\n"), GetLastError()));
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C2450_UART_REG *)pv;
}

// Same channel, the way the old BSP table had it (pre-divided constant).
static volatile S3C2450_UART_REG *SerMapBluetoothUartLegacy(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C2450_UART_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)UART0_PA_SHIFTED, sizeof(S3C2450_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C2450_UART_REG *)pv;
}

// GPS
static volatile S3C2450_UART_REG *SerMapGpsUart(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C2450_UART_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_UART1 >> 8), sizeof(S3C2450_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C2450_UART_REG *)pv;
}

// IrDA
static volatile S3C2450_UART_REG *SerMapIrdaUart(void)
{
    PVOID pv;
    BOOL bMapped;

    pv = VirtualAlloc(0, sizeof(S3C2450_UART_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    bMapped = VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_UART2 / 256), sizeof(S3C2450_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // ok: missing-physical-shift
    if (!bMapped) {
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C2450_UART_REG *)pv;
}

// GSM modem. The physical address went in as it is in the data sheet.
static volatile S3C2450_UART_REG *SerMapModemUart(void)
{
    PVOID pv = VirtualAlloc(NULL, sizeof(S3C2450_UART_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)BSP_BASE_REG_PA_UART3, sizeof(S3C2450_UART_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile S3C2450_UART_REG *)pv;
}

// CLKSRC/CLKDIV1 for the UART clock; this one was written against a page
// number too, as a division this time.
static volatile UINT32 *SerMapClockControl(void)
{
    PVOID pv = VirtualAlloc(NULL, CLKSRC_WINDOW_SIZE, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_SYSCON / 4096), CLKSRC_WINDOW_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // expect: missing-physical-shift
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (volatile UINT32 *)pv;
}

BOOL SerInitChannel(PSER_CHANNEL pChannel, DWORD dwIndex)
{
    switch (dwIndex) {
    case 0:
        pChannel->pUartReg = SerMapBluetoothUart();
        if (pChannel->pUartReg == NULL) {
            pChannel->pUartReg = SerMapBluetoothUartLegacy();
        }
        pChannel->fFlowControl = TRUE;
        break;
    case 1:
        pChannel->pUartReg = SerMapGpsUart();
        break;
    case 2:
        pChannel->pUartReg = SerMapIrdaUart();
        break;
    case 3:
        pChannel->pUartReg = SerMapModemUart();
        break;
    default:
        return FALSE;
    }
    pChannel->pClkReg = SerMapClockControl();
    return pChannel->pUartReg != NULL && pChannel->pClkReg != NULL;
}

void SerDeinitChannel(PSER_CHANNEL pChannel)
{
    if (pChannel->pUartReg != NULL) {
        // Wait for the transmitter to drain before the window goes away.
        while ((pChannel->pUartReg->UTRSTAT & UART_TRSTAT_TX_EMPTY) == 0) {
            Sleep(1);
        }
        VirtualFree((PVOID)pChannel->pUartReg, 0, MEM_RELEASE); // ok: release-with-size
        pChannel->pUartReg = NULL;
    }
    if (pChannel->pClkReg != NULL) {
        VirtualFree((PVOID)pChannel->pClkReg, 0, MEM_RELEASE);
        pChannel->pClkReg = NULL;
    }
}
