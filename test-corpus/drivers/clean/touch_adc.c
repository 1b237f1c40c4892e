//
// Copyright (c) 2008 深圳市嵌入式科技有限公司. All rights reserved.
//
// Module Name: touch_adc.c
//
// 触摸屏驱动 (TCH:) — S3C2450 ADC 与触摸屏接口。
// Touch screen driver for the S3C2450 ADC/touch interface.
//
#include <windows.h>
#include <ceddk.h>
#include <pkfuncs.h>
#include "../smdk2450/inc/bsp_base_regs.h"
#include "../smdk2450/inc/s3c2450_gpio.h"

#define TCH_SAMPLE_RATE_HZ      100
#define TCH_ADC_WINDOW          0x20

typedef struct {
    UINT32 ADCCON;          // 0x00 控制寄存器
    UINT32 ADCTSC;          // 0x04 触摸屏控制
    UINT32 ADCDLY;          // 0x08 延时
    UINT32 ADCDAT0;         // 0x0C X 坐标
    UINT32 ADCDAT1;         // 0x10 Y 坐标
    UINT32 ADCUPDN;         // 0x14 按下/抬起
    UINT32 ADCMUX;          // 0x18
} S3C2450_ADC_REG;

typedef struct _TCH_DEVICE
{
    volatile S3C2450_ADC_REG    *pADCReg;
    volatile S3C2450_GPIO_REG   *pGPIOReg;
    HANDLE                      hSampleEvent;
    DWORD                       dwSysIntr;
} TCH_DEVICE, *PTCH_DEVICE;

static TCH_DEVICE g_Tch;

// 映射 ADC 寄存器 (通过 CEDDK)
static BOOL TchMapAdc(void)
{
    PHYSICAL_ADDRESS pa = { BSP_BASE_REG_PA_ADC, 0 };

    g_Tch.pADCReg = (volatile S3C2450_ADC_REG *)MmMapIoSpace(pa, sizeof(S3C2450_ADC_REG), FALSE); // ok: section-crossing
    return g_Tch.pADCReg != NULL;
}

// 映射 GPIO 寄存器，用于笔中断引脚 (GPG15)
static BOOL TchMapGpio(void)
{
    g_Tch.pGPIOReg = (volatile S3C2450_GPIO_REG *)VirtualAlloc(0, sizeof(S3C2450_GPIO_REG), MEM_RESERVE, PAGE_NOACCESS);
    if (g_Tch.pGPIOReg == NULL) {
        return FALSE;
    }
    if (!VirtualCopy((PVOID)g_Tch.pGPIOReg, (PVOID)(BSP_BASE_REG_PA_GPIO >> 8), sizeof(S3C2450_GPIO_REG), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) { // ok: dest-not-reserved, invalid-protection
        // 失败：释放虚拟地址空间
        VirtualFree((PVOID)g_Tch.pGPIOReg, 0, MEM_RELEASE);
        g_Tch.pGPIOReg = NULL;
        return FALSE;
    }
    return TRUE;
}

DWORD TCH_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
{
    memset(&g_Tch, 0, sizeof(g_Tch));
    if (!TchMapAdc()) {
        RETAILMSG(1, (TEXT("TCH: ADC 映射失败\r\n")));
        return 0;
    }
    if (!TchMapGpio()) {
        MmUnmapIoSpace((PVOID)g_Tch.pADCReg, sizeof(S3C2450_ADC_REG));
        g_Tch.pADCReg = NULL;
        return 0;
    }
    // 预分频 = 49, 等待中断模式
    g_Tch.pADCReg->ADCCON = (1 << 14) | (49 << 6);
    g_Tch.pADCReg->ADCTSC = 0xD3;
    g_Tch.pADCReg->ADCDLY = 50000;
    return (DWORD)&g_Tch;
}

BOOL TCH_Deinit(DWORD hDeviceContext)
{
    if (g_Tch.pGPIOReg != NULL) {
        VirtualFree((PVOID)g_Tch.pGPIOReg, 0, MEM_RELEASE); // ok: release-with-size
        g_Tch.pGPIOReg = NULL;
    }
    if (g_Tch.pADCReg != NULL) {
        MmUnmapIoSpace((PVOID)g_Tch.pADCReg, sizeof(S3C2450_ADC_REG));
        g_Tch.pADCReg = NULL;
    }
    return TRUE;
}
