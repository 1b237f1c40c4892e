/*
 * gpio_keys.c -- GPIO keypad stream driver (KEY_xxx) for the SMDK6410.
 *
 * KEY_Init maps the GPIO block with VirtualAlloc + VirtualCopy and the keypad
 * interface through CEDDK, and keeps both in globals; KEY_Deinit releases them.
 */
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>

#define BSP_BASE_REG_PA_GPIO        0x7F008000
#define BSP_BASE_REG_PA_KEYPAD      0x7E00A000

typedef struct {
    volatile DWORD GPKCON0;
    volatile DWORD GPKCON1;
    volatile DWORD GPKDAT;
    volatile DWORD GPKPUD;
} GPIO_KEY_REGS;

typedef struct {
    volatile DWORD KEYIFCON;
    volatile DWORD KEYIFSTSCLR;
    volatile DWORD KEYIFCOL;
    volatile DWORD KEYIFROW;
    volatile DWORD KEYIFFC;
} KEYPAD_REGS;

static GPIO_KEY_REGS *g_pGpio = NULL;
static KEYPAD_REGS   *g_pKeypad = NULL;
static HANDLE         g_hKeyEvent = NULL;

DWORD KEY_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    PHYSICAL_ADDRESS pa;

    g_pGpio = (GPIO_KEY_REGS *)VirtualAlloc(NULL, sizeof(GPIO_KEY_REGS), MEM_RESERVE, PAGE_NOACCESS); // expect: mapping-leak {{stays when KEY_Init fails}}
    if (g_pGpio == NULL) {
        return 0;                       /* first error return: nothing mapped yet */
    }
    if (!VirtualCopy(g_pGpio, (PVOID)(BSP_BASE_REG_PA_GPIO >> 8), sizeof(GPIO_KEY_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
        VirtualFree(g_pGpio, 0, MEM_RELEASE);
        g_pGpio = NULL;
        return 0;
    }

    pa.QuadPart = BSP_BASE_REG_PA_KEYPAD;
    g_pKeypad = (KEYPAD_REGS *)MmMapIoSpace(pa, sizeof(KEYPAD_REGS), FALSE); // ok: mapping-leak
    if (g_pKeypad == NULL) {
        RETAILMSG(1, (TEXT("KEY: cannot map the keypad interface\r\n")));
        return 0;
    }

    g_hKeyEvent = CreateEvent(NULL, FALSE, FALSE, NULL);
    if (g_hKeyEvent == NULL) {
        MmUnmapIoSpace((PVOID)g_pKeypad, sizeof(KEYPAD_REGS));
        VirtualFree(g_pGpio, 0, MEM_RELEASE);
        g_pKeypad = NULL;
        g_pGpio = NULL;
        return 0;                       /* third error return: releases both, correctly */
    }

    g_pGpio->GPKCON0 = 0x33333333;
    g_pKeypad->KEYIFCON = 0x7;
    return (DWORD)g_hKeyEvent;
}

BOOL KEY_Deinit(DWORD hDeviceContext)
{
    if (g_hKeyEvent != NULL) {
        CloseHandle(g_hKeyEvent);
        g_hKeyEvent = NULL;
    }
    if (g_pKeypad != NULL) {
        MmUnmapIoSpace((PVOID)g_pKeypad, 0); // expect: unmap-size-mismatch
        g_pKeypad = NULL;
    }
    if (g_pGpio != NULL) {
        VirtualFree(g_pGpio, 0, MEM_RELEASE);
        g_pGpio = NULL;
    }
    return TRUE;
}
