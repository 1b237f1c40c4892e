//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: bsp_cfg.h
//
// Board configuration of the SMDK2450: memory map of the frame buffer and
// the serial port assignment.
//
#ifndef __BSP_CFG_H
#define __BSP_CFG_H

#define BSP_DEVICE_PREFIX               "SMDK2450"

// LCD: 800x480, 16 bpp, double buffered; 4 MB carved out of the top of SDRAM
// (a RESERVED entry in config.bib, so the kernel never hands it out).
#define IMAGE_FRAMEBUFFER_PA_START      (0x33C00000)
#define IMAGE_FRAMEBUFFER_SIZE          (0x00400000)
// The same buffer through the kernel's uncached static window.
#define IMAGE_FRAMEBUFFER_UA_START      (0xA3C00000)

#define LCD_WIDTH                       800
#define LCD_HEIGHT                      480
#define LCD_BPP                         16

// Boot splash copied by the boot loader (320x240, 16 bpp).
#define SPLASH_IMAGE_SIZE               (320 * 240 * 2)

#endif // __BSP_CFG_H
