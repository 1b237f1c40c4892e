/*
 * returned_window.c -- timer block helpers: one returns its mapping to the
 * caller (not a leak of its own), one keeps it in a local and loses it.
 */
#include <windows.h>
#include <ceddk.h>

#define BSP_BASE_REG_PA_PWM     0x7F006000

typedef struct {
    volatile DWORD TCFG0;
    volatile DWORD TCFG1;
    volatile DWORD TCON;
    volatile DWORD TCNTB0;
} PWM_TIMER_REGS;

PWM_TIMER_REGS *MapPwmTimer(void)
{
    PHYSICAL_ADDRESS pa = { BSP_BASE_REG_PA_PWM, 0 };
    PWM_TIMER_REGS *pRegs = (PWM_TIMER_REGS *)MmMapIoSpace(pa, sizeof(PWM_TIMER_REGS), FALSE); // ok: mapping-leak

    if (pRegs == NULL) {
        return NULL;
    }
    pRegs->TCON = 0;
    return pRegs;
}

BOOL ProbePwmTimer(void)
{
    PHYSICAL_ADDRESS pa = { BSP_BASE_REG_PA_PWM, 0 };
    PWM_TIMER_REGS *pRegs = (PWM_TIMER_REGS *)MmMapIoSpace(pa, sizeof(PWM_TIMER_REGS), FALSE); // expect: mapping-leak
    DWORD dwId;

    if (pRegs == NULL) {
        return FALSE;
    }
    dwId = pRegs->TCFG0;
    if (dwId == 0xFFFFFFFF) {
        MmUnmapIoSpace((PVOID)pRegs, sizeof(PWM_TIMER_REGS));
        return FALSE;
    }
    return TRUE;
}

BOOL StartPwm(void)
{
    PWM_TIMER_REGS *pRegs = MapPwmTimer();
    if (pRegs == NULL) {
        return FALSE;
    }
    pRegs->TCNTB0 = 1000;
    pRegs->TCON = 1;
    MmUnmapIoSpace((PVOID)pRegs, sizeof(pRegs)); // expect: unmap-size-mismatch
    return TRUE;
}
