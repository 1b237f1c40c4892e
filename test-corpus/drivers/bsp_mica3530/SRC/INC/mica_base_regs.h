/* Mica3530 physical memory map (OMAP35x-class SoC). */
#ifndef MICA_BASE_REGS_H
#define MICA_BASE_REGS_H

/* SDRAM: bank 0 at 0x80000000, bank 1 (BSP_SDRAM_BANK1_ENABLE) at 0xA0000000. */
#define MICA_PA_SDRAM_BANK0         0x80000000
#define MICA_PA_SDRAM_BANK1         0xA0000000

/* Carve-outs of config.bib (RESERVED there). */
#define MICA_PA_DISPLAY_BUFFER      0x84800000
#define MICA_SZ_DISPLAY_BUFFER      0x01400000
#define MICA_PA_CAMERA_BUFFER       0x85C00000
#define MICA_SZ_CAMERA_BUFFER       0x00C00000
#define MICA_PA_DSP_SHARED          0x86800000
#define MICA_SZ_DSP_SHARED          0x01800000
#define MICA_PA_EBOOT_DATA          0x87E80000      /* EBOOT's RAM, inside the DSP area */
#define MICA_SZ_EBOOT_DATA          0x00080000

/* Registers. */
#define MICA_PA_PRCM_CM             0x48004000
#define MICA_PA_SCM                 0x48002000
#define MICA_PA_DSS                 0x48050000
#define MICA_PA_MCSPI1              0x48098000
#define MICA_PA_MMC2                0x480B4000
#define MICA_PA_ISP                 0x480BC000
#define MICA_PA_GPIO1               0x48310000
#define MICA_PA_GPIO5               0x49056000
#define MICA_PA_EMAC                0x5C000000
#define MICA_PA_GPMC                0x6E000000

#define MICA_SZ_PRCM_CM             0x2000
#define MICA_SZ_SCM                 0x1000
#define MICA_SZ_DSS                 0x400
#define MICA_SZ_MCSPI1              0x100
#define MICA_SZ_MMC2                0x200
#define MICA_SZ_ISP                 0x1000
#define MICA_SZ_GPIO                0x100
#define MICA_SZ_EMAC                0x1000
#define MICA_SZ_GPMC                0x1000

#endif
