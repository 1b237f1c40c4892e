// All rights reserved ADENEO EMBEDDED 2010
//
// Portions Copyright (c) Texas Instruments.  All rights reserved.
//
//  File:  omap35xx_base_regs.h
//
//  Physical addresses of the OMAP35xx L4 peripherals used by the drivers.
//
#ifndef __OMAP35XX_BASE_REGS_H
#define __OMAP35XX_BASE_REGS_H

#define OMAP_SYSC_PADCONFS_REGS_PA      0x48002030
#define OMAP_PRCM_CM_CORE_REGS_PA       0x48004A00
#define OMAP_DSS1_REGS_PA               0x48050000
#define OMAP_DISC1_REGS_PA              0x48050400
#define OMAP_RFBI1_REGS_PA              0x48050800
#define OMAP_VENC1_REGS_PA              0x48050C00
#define OMAP_I2C1_REGS_PA               0x48070000
#define OMAP_MCSPI1_REGS_PA             0x48098000
#define OMAP_MCSPI2_REGS_PA             0x4809A000
#define OMAP_MMCHS1_REGS_PA             0x4809C000
#define OMAP_GPIO1_REGS_PA              0x48310000
#define OMAP_UART3_REGS_PA              0x49020000
#define OMAP_GPMC_REGS_PA               0x6E000000

#endif // __OMAP35XX_BASE_REGS_H
