/*
 * uart_teardown.c -- a CE 6 serial driver (COM_xxx) whose teardown paths release the registers
 * and the receive buffer, some of them before the last access.
 */
#include <windows.h>
#include <pkfuncs.h>
#include <ceddk.h>

#define UART2_PA            0x7F005800
#define UART_RX_BYTES       0x1000
#define UCON_RX_ENABLE      0x1
#define UCON_TX_ENABLE      0x4

typedef struct _UART_REGS {
    volatile DWORD ULCON;
    volatile DWORD UCON;
    volatile DWORD UFCON;
    volatile DWORD UMCON;
    volatile DWORD UTRSTAT;
} UART_REGS;

static UART_REGS *g_pUart = NULL;

/* The classic: unmap, then clear the enable bits through the pointer just unmapped. */
void ComStopPort(void)
{
    PHYSICAL_ADDRESS pa;
    UART_REGS *pUart;
    pa.QuadPart = UART2_PA;
    pUart = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
    if (pUart == NULL) {
        return;
    }
    pUart->UFCON = 0;
    MmUnmapIoSpace((PVOID)pUart, sizeof(UART_REGS));
    pUart->UCON &= ~(UCON_RX_ENABLE | UCON_TX_ENABLE); // expect: use-after-release {{released at line 35}}
}

/* Correct: the device is stopped first, then the registers are unmapped. */
void ComStopPortFixed(void)
{
    PHYSICAL_ADDRESS pa;
    UART_REGS *pUart;
    pa.QuadPart = UART2_PA;
    pUart = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
    if (pUart == NULL) {
        return;
    }
    pUart->UCON &= ~(UCON_RX_ENABLE | UCON_TX_ENABLE); // ok: use-after-release
    MmUnmapIoSpace((PVOID)pUart, sizeof(UART_REGS));
}

DWORD COM_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = UART2_PA;
    g_pUart = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
    if (g_pUart == NULL) {
        return 0;
    }
    g_pUart->ULCON = 0x3;
    return 1;
}

/* Deinit unmaps what Init mapped and then writes the status register through it. */
BOOL COM_Deinit(DWORD hDeviceContext)
{
    if (g_pUart != NULL) {
        MmUnmapIoSpace((PVOID)g_pUart, sizeof(UART_REGS));
        WRITE_REGISTER_ULONG((PULONG)&g_pUart->UTRSTAT, 0); // expect: use-after-release
        g_pUart = NULL;
    }
    return TRUE;
}

/* The receive buffer is read after FreePhysMem gave it back. */
DWORD ComDrainRx(void)
{
    DWORD dwPhys;
    DWORD dwLast;
    PDWORD pRx = (PDWORD)AllocPhysMem(UART_RX_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhys);
    if (pRx == NULL) {
        return 0;
    }
    pRx[0] = 0;
    FreePhysMem(pRx);
    dwLast = pRx[0]; // expect: use-after-release
    return dwLast;
}

/* Correct: only the failure path releases, and it returns before any access. */
BOOL ComProbe(void)
{
    PHYSICAL_ADDRESS pa;
    UART_REGS *pUart;
    pa.QuadPart = UART2_PA;
    pUart = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
    if (pUart == NULL) {
        return FALSE;
    }
    if (pUart->UTRSTAT == 0xFFFFFFFF) {
        MmUnmapIoSpace((PVOID)pUart, sizeof(UART_REGS));
        return FALSE;
    }
    pUart->UCON = UCON_RX_ENABLE; // ok: use-after-release
    g_pUart = pUart;
    return TRUE;
}

/* Correct: the pointer is mapped again before it is used. */
void ComRemap(void)
{
    PHYSICAL_ADDRESS pa;
    UART_REGS *pUart;
    pa.QuadPart = UART2_PA;
    pUart = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
    if (pUart == NULL) {
        return;
    }
    MmUnmapIoSpace((PVOID)pUart, sizeof(UART_REGS));
    pUart = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
    if (pUart == NULL) {
        return;
    }
    pUart->UCON = 0; // ok: use-after-release
    MmUnmapIoSpace((PVOID)pUart, sizeof(UART_REGS));
}

/* Correct: a release of another buffer does not end this one. */
DWORD ComSwapRx(void)
{
    DWORD dwPhysA, dwPhysB;
    PDWORD pA = (PDWORD)AllocPhysMem(UART_RX_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhysA);
    PDWORD pB;
    DWORD dw;
    if (pA == NULL) {
        return 0;
    }
    pB = (PDWORD)AllocPhysMem(UART_RX_BYTES, PAGE_READWRITE | PAGE_NOCACHE, 0, 0, &dwPhysB);
    if (pB == NULL) {
        FreePhysMem(pA);
        return 0;
    }
    FreePhysMem(pB);
    dw = pA[0]; // ok: use-after-release
    FreePhysMem(pA);
    return dw;
}
