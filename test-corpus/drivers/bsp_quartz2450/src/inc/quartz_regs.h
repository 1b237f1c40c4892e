/* Quartz2450 physical memory map. */
#ifndef QUARTZ_REGS_H
#define QUARTZ_REGS_H

#define DRAM_BASE_PA            0x30000000
#define DRAM_SIZE_MB            64

#define QUARTZ_PA_VIDEO_SRAM    0x08000000      /* nGCS1: 64 MB video SRAM */
#define QUARTZ_PA_DMA0          0x4B800000
#define QUARTZ_PA_CLKPWR        0x4C000000
#define QUARTZ_PA_LCD           0x4C800000
#define QUARTZ_PA_HSSPI0        0x52000000
#define QUARTZ_PA_GPIO          0x56000000

#define QUARTZ_SZ_BLOCK         0x100

#endif
