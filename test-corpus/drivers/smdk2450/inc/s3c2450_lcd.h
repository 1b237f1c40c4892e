//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: s3c2450_lcd.h
//
#ifndef __S3C2450_LCD_H
#define __S3C2450_LCD_H

typedef struct
{
    UINT32 VIDCON0;         // 0x00
    UINT32 VIDCON1;         // 0x04
    UINT32 VIDTCON0;        // 0x08
    UINT32 VIDTCON1;        // 0x0C
    UINT32 VIDTCON2;        // 0x10
    UINT32 WINCON0;         // 0x14
    UINT32 WINCON1;         // 0x18
    UINT32 PAD0[3];         // 0x1C
    UINT32 VIDOSD0A;        // 0x28
    UINT32 VIDOSD0B;        // 0x2C
    UINT32 PAD1;            // 0x30
    UINT32 VIDOSD1A;        // 0x34
    UINT32 VIDOSD1B;        // 0x38
    UINT32 VIDOSD1C;        // 0x3C
    UINT32 PAD2[9];         // 0x40
    UINT32 VIDW00ADD0B0;    // 0x64
    UINT32 VIDW00ADD0B1;    // 0x68
    UINT32 VIDW01ADD0;      // 0x6C
    UINT32 PAD3[3];         // 0x70
    UINT32 VIDW00ADD1B0;    // 0x7C
    UINT32 VIDW00ADD1B1;    // 0x80
    UINT32 VIDW01ADD1;      // 0x84
    UINT32 PAD4[3];         // 0x88
    UINT32 VIDW00ADD2B0;    // 0x94
    UINT32 VIDW00ADD2B1;    // 0x98
    UINT32 VIDW01ADD2;      // 0x9C
    UINT32 PAD5[3];         // 0xA0
    UINT32 VIDINTCON;       // 0xAC
} S3C2450_LCD_REG, *PS3C2450_LCD_REG;

#define VIDCON0_ENVID           (1 << 1)
#define VIDCON0_ENVID_F         (1 << 0)

#endif // __S3C2450_LCD_H
