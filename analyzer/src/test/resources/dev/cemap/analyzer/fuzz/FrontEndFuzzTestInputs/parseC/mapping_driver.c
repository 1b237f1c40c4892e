#include <windows.h>
#include <ceddk.h>
#include "bsp.h"

#define UART1_PA        0x7F005400
#define REG_WINDOW      0x1000
#define REG_FIELD(v, s) (((v) >> (s)) & 0xF)

typedef struct { volatile DWORD ULCON; volatile DWORD UCON; volatile DWORD UFCON; } UART_REGS;

static UART_REGS *g_pRegs;

static UART_REGS *MapUart(void)
{
    PVOID pv = VirtualAlloc(NULL, REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
    if (pv == NULL) {
        return NULL;
    }
    if (!VirtualCopy(pv, (PVOID)((UART1_PA & ~0xFFF) >> 8), REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(pv, 0, MEM_RELEASE);
        return NULL;
    }
    return (UART_REGS *)((PBYTE)pv + (UART1_PA & 0xFFF));
}

static BOOL MapWrong(DWORD dwSize)
{
    PVOID pv = VirtualAlloc(0, dwSize, MEM_COMMIT, PAGE_READWRITE);
    BOOL ok = VirtualCopy(pv, (PVOID)UART1_PA, 0x100, PAGE_NOCACHE | PAGE_PHYSICAL);
    VirtualFree(pv, 0x100, MEM_RELEASE);
    return ok;
}

static PVOID MapIo(void)
{
    PHYSICAL_ADDRESS pa;
    pa.LowPart = UART1_PA;
    pa.HighPart = 0;
    return MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
}

DWORD UART_IOControl(DWORD dwCode, PBYTE pIn, DWORD cbIn)
{
    DWORD i, dwValue = 0;
    switch (dwCode) {
    case 1:
        for (i = 0; i < cbIn; i++) {
            dwValue = (dwValue << 8) | pIn[i];
        }
        g_pRegs->UCON = REG_FIELD(dwValue, 4);
        break;
    default:
        __try {
            g_pRegs = MapUart();
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            return 0;
        }
    }
    return dwValue;
}
