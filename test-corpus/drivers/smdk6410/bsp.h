//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: bsp.h
//
// SMDK6410 board support: physical register map and OAL static mappings.
//
#ifndef __BSP_H
#define __BSP_H

#include "s3c6410_regs.h"

//------------------------------------------------------------------------------
// Physical base addresses
//------------------------------------------------------------------------------
#define BSP_BASE_REG_PA_DISPLAY         0x77100000
#define BSP_BASE_REG_PA_USBOTG_LINK     0x7C000000
#define BSP_BASE_REG_PA_HSMMC0          0x7C200000
#define BSP_BASE_REG_PA_HSMMC1          0x7C300000
#define BSP_BASE_REG_PA_WATCHDOG        0x7E004000
#define BSP_BASE_REG_PA_RTC             0x7E005000
#define BSP_BASE_REG_PA_KEYPAD          0x7E00A000
#define BSP_BASE_REG_PA_ADC             0x7E00B000
#define BSP_BASE_REG_PA_SYSCON          0x7E00F000
#define BSP_BASE_REG_PA_IIC0            0x7F004000
#define BSP_BASE_REG_PA_UART0           0x7F005000
#define BSP_BASE_REG_PA_UART1           0x7F005400
#define BSP_BASE_REG_PA_UART2           0x7F005800
#define BSP_BASE_REG_PA_UART3           0x7F005C00
#define BSP_BASE_REG_PA_PWM             0x7F006000
#define BSP_BASE_REG_PA_GPIO            0x7F008000
#define BSP_BASE_REG_PA_SPI0            0x7F00B000

//------------------------------------------------------------------------------
// OEMAddressTable: the 1 MB peripheral block at 0x7F000000 is mapped
// uncached at this kernel virtual address.
//------------------------------------------------------------------------------
#define BSP_BASE_REG_UA_PERI            0xB2A00000
#define BSP_BASE_REG_UA_UART1           (BSP_BASE_REG_UA_PERI + 0x5400)

#endif // __BSP_H
