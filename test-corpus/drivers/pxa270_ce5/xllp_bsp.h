/******************************************************************************
**
**  COPYRIGHT (C) 2002, 2003 Intel Corporation.
**
**  FILENAME:   xllp_bsp.h
**
**  PURPOSE:    Physical memory map of the PXA27x processor and of the board
**              (Mainstone III class): chip selects, internal SRAM, and the
**              uncached static window the OAL gives them.
**
******************************************************************************/
#ifndef __XLLP_BSP_H__
#define __XLLP_BSP_H__

// Chip selects
#define PXA27X_BASE_PA_CS0_FLASH        0x00000000      // boot flash, 32 MB
#define PXA27X_BASE_PA_CS1_FLASH        0x04000000      // application flash, 64 MB
#define PXA27X_BASE_PA_CS4_CPLD         0x10000000      // board CPLD and FPGA
#define PXA27X_BASE_PA_CS5_VIDEO        0x14000000      // video capture SRAM, 4 MB

// On-chip peripherals
#define PXA27X_BASE_REG_PA_FFUART       0x40100000
#define PXA27X_BASE_REG_PA_OST          0x40A00000
#define PXA27X_BASE_REG_PA_GPIO         0x40E00000
#define PXA27X_BASE_REG_PA_MMC          0x41100000
#define PXA27X_BASE_REG_PA_LCD          0x44000000
#define PXA27X_BASE_REG_PA_IMSRAM       0x5C000000      // internal SRAM, 4 banks of 64 KB

#define PXA27X_IMSRAM_BANK_SIZE         0x10000
#define PXA27X_IMSRAM_SIZE              (4 * PXA27X_IMSRAM_BANK_SIZE)

#define BSP_FLASH_CS1_SIZE              0x04000000
#define BSP_VIDEO_SRAM_SIZE             0x00400000
#define BSP_CPLD_WINDOW_SIZE            0x00100000

#endif // __XLLP_BSP_H__
