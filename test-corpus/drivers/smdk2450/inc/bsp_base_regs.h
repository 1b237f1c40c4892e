//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// THIS CODE AND INFORMATION IS PROVIDED "AS IS" WITHOUT WARRANTY OF
// ANY KIND, EITHER EXPRESSED OR IMPLIED.
//
// Module Name: bsp_base_regs.h
//
// Physical base addresses of the S3C2450 register blocks, and the uncached
// static virtual addresses the OAL gives them in OEMAddressTable.
//
#ifndef __BSP_BASE_REGS_H
#define __BSP_BASE_REGS_H

//------------------------------------------------------------------------------
// Physical addresses (SFR area)
//------------------------------------------------------------------------------
#define BSP_BASE_REG_PA_SROM            (0x48000000)
#define BSP_BASE_REG_PA_INTR            (0x4A000000)
#define BSP_BASE_REG_PA_HSMMC1          (0x4AC00000)
#define BSP_BASE_REG_PA_DMA             (0x4B000000)
#define BSP_BASE_REG_PA_SYSCON          (0x4C000000)
#define BSP_BASE_REG_PA_LCD             (0x4C800000)
#define BSP_BASE_REG_PA_NAND            (0x4E000000)
#define BSP_BASE_REG_PA_UART0           (0x50000000)
#define BSP_BASE_REG_PA_UART1           (0x50004000)
#define BSP_BASE_REG_PA_UART2           (0x50008000)
#define BSP_BASE_REG_PA_UART3           (0x5000C000)
#define BSP_BASE_REG_PA_PWM             (0x51000000)
#define BSP_BASE_REG_PA_WATCHDOG        (0x53000000)
#define BSP_BASE_REG_PA_IICBUS          (0x54000000)
#define BSP_BASE_REG_PA_GPIO            (0x56000000)
#define BSP_BASE_REG_PA_RTC             (0x57000000)
#define BSP_BASE_REG_PA_ADC             (0x58000000)

//------------------------------------------------------------------------------
// Uncached static virtual addresses (kernel only, see oemaddrtab_cfg.inc)
//------------------------------------------------------------------------------
#define BSP_BASE_REG_UA_GPIO            (0xB1600000)
#define BSP_BASE_REG_UA_LCD             (0xB0B00000)

#endif // __BSP_BASE_REGS_H
