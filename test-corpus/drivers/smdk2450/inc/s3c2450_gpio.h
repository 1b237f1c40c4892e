//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: s3c2450_gpio.h
//
// GPIO and external interrupt registers (offset from BSP_BASE_REG_PA_GPIO).
//
#ifndef __S3C2450_GPIO_H
#define __S3C2450_GPIO_H

typedef struct
{
    UINT32 GPACON;          // 0x00
    UINT32 GPADAT;          // 0x04
    UINT32 PAD1[2];         // 0x08
    UINT32 GPBCON;          // 0x10
    UINT32 GPBDAT;          // 0x14
    UINT32 GPBUDP;          // 0x18
    UINT32 GPBSEL;          // 0x1C
    UINT32 GPCCON;          // 0x20
    UINT32 GPCDAT;          // 0x24
    UINT32 GPCUDP;          // 0x28
    UINT32 PAD2;            // 0x2C
    UINT32 GPDCON;          // 0x30
    UINT32 GPDDAT;          // 0x34
    UINT32 GPDUDP;          // 0x38
    UINT32 PAD3;            // 0x3C
    UINT32 GPECON;          // 0x40
    UINT32 GPEDAT;          // 0x44
    UINT32 GPEUDP;          // 0x48
    UINT32 GPESEL;          // 0x4C
    UINT32 GPFCON;          // 0x50
    UINT32 GPFDAT;          // 0x54
    UINT32 GPFUDP;          // 0x58
    UINT32 PAD4;            // 0x5C
    UINT32 GPGCON;          // 0x60
    UINT32 GPGDAT;          // 0x64
    UINT32 GPGUDP;          // 0x68
    UINT32 PAD5;            // 0x6C
    UINT32 GPHCON;          // 0x70
    UINT32 GPHDAT;          // 0x74
    UINT32 GPHUDP;          // 0x78
    UINT32 PAD6;            // 0x7C
    UINT32 MISCCR;          // 0x80
    UINT32 DCLKCON;         // 0x84
    UINT32 EXTINT0;         // 0x88
    UINT32 EXTINT1;         // 0x8C
    UINT32 EXTINT2;         // 0x90
    UINT32 EINTFLT0;        // 0x94
    UINT32 EINTFLT1;        // 0x98
    UINT32 EINTFLT2;        // 0x9C
    UINT32 EINTFLT3;        // 0xA0
    UINT32 EINTMASK;        // 0xA4
    UINT32 EINTPEND;        // 0xA8
    UINT32 GSTATUS0;        // 0xAC
    UINT32 GSTATUS1;        // 0xB0
    UINT32 PAD7[3];         // 0xB4
    UINT32 DSC0;            // 0xC0
    UINT32 DSC1;            // 0xC4
    UINT32 DSC2;            // 0xC8
    UINT32 DSC3;            // 0xCC
} S3C2450_GPIO_REG, *PS3C2450_GPIO_REG;

// Port F pins used by the board
#define GPF_LED1                (1 << 4)
#define GPF_LED2                (1 << 5)

#endif // __S3C2450_GPIO_H
