// Mica3530 image layout.
//
// This file is also included by config.bib and eboot.bib: keep to #define on one
// line, #if (defined X) / #else / #endif and comments, which romimage reads.
//
#ifndef __IMAGE_CFG_H
#define __IMAGE_CFG_H

//------------------------------------------------------------------------------
//  SDRAM bank 0: 128 MB at physical 0x80000000, cached at 0x80000000.
//  With BSP_SDRAM_BANK1_ENABLE the second 128 MB bank (physical 0xA0000000)
//  appears at 0x88000000, see addrtab_cfg.inc.
//
#define DEVICE_RAM_PA                   0x80000000
#define DEVICE_RAM_CA                   0x80000000

#define IMAGE_SHARE_ARGS_CA             0x80000000
#define IMAGE_SHARE_ARGS_SIZE           0x00001000

/* The OS image: one XIP region, or with IMGMULTIXIP a kernel region plus an
   extension paged from NAND, whose space the RAM then starts with. */
#if (defined IMGMULTIXIP)
#define IMAGE_WINCE_CODE_CA             0x80001000
#define IMAGE_WINCE_CODE_SIZE           0x01FFF000
#define IMAGE_WINCE_EXT_CA              0x82000000
#define IMAGE_WINCE_EXT_SIZE            0x02800000
#define IMAGE_WINCE_RAM_CA              0x82000000      // same as IMAGE_WINCE_EXT_CA
#define IMAGE_WINCE_RAM_SIZE            0x02800000
#else
#define IMAGE_WINCE_CODE_CA             0x80001000
#define IMAGE_WINCE_CODE_SIZE           0x02000000      // 32 MB
#define IMAGE_WINCE_RAM_CA              0x82001000
#define IMAGE_WINCE_RAM_SIZE            0x027FF000
#endif

// Buffers left out of the kernel's RAM.
#define IMAGE_WINCE_DISPLAY_CA          0x84800000
#define IMAGE_WINCE_DISPLAY_SIZE        0x01400000      // 20 MB of frame buffers
#define IMAGE_CAMERA_BUFFER_CA          0x85C00000
#define IMAGE_CAMERA_BUFFER_SIZE        0x00C00000      // 12 MB of capture buffers
#define IMAGE_DSP_SHARED_CA             0x86800000
#define IMAGE_DSP_SHARED_SIZE           0x01800000      // DSP/BIOS shared memory; EBOOT runs here too

#if (defined BSP_SDRAM_BANK1_ENABLE)
#define IMAGE_WINCE_RAM_BANK1_CA        0x88000000
#define IMAGE_WINCE_RAM_BANK1_SIZE      0x08000000
#endif

//------------------------------------------------------------------------------
//  EBOOT runs from the DSP area before the OS owns the memory.
//
#define IMAGE_EBOOT_CODE_CA             0x87E00000
#define IMAGE_EBOOT_CODE_SIZE           0x00040000
#define IMAGE_EBOOT_DATA_CA             0x87E80000
#define IMAGE_EBOOT_DATA_SIZE           0x00080000

#endif // __IMAGE_CFG_H
