//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: s3c6410_regs.h
//
#ifndef __S3C6410_REGS_H
#define __S3C6410_REGS_H

typedef struct {
    UINT32 ULCON;           // 0x00
    UINT32 UCON;            // 0x04
    UINT32 UFCON;           // 0x08
    UINT32 UMCON;           // 0x0C
    UINT32 UTRSTAT;         // 0x10
    UINT32 UERSTAT;         // 0x14
    UINT32 UFSTAT;          // 0x18
    UINT32 UMSTAT;          // 0x1C
    UINT32 UTXH;            // 0x20
    UINT32 URXH;            // 0x24
    UINT32 UBRDIV;          // 0x28
    UINT32 UDIVSLOT;        // 0x2C
    UINT32 UINTP;           // 0x30
    UINT32 UINTSP;          // 0x34
    UINT32 UINTM;           // 0x38
} S3C6410_UART_REG, *PS3C6410_UART_REG;

typedef struct {
    UINT32 KEYIFCON;        // 0x00
    UINT32 KEYIFSTSCLR;     // 0x04
    UINT32 KEYIFCOL;        // 0x08
    UINT32 KEYIFROW;        // 0x0C
    UINT32 KEYIFFC;         // 0x10
} S3C6410_KEYPAD_REG, *PS3C6410_KEYPAD_REG;

typedef struct {
    UINT32 WTCON;           // 0x00
    UINT32 WTDAT;           // 0x04
    UINT32 WTCNT;           // 0x08
    UINT32 WTCLRINT;        // 0x0C
} S3C6410_WATCHDOG_REG, *PS3C6410_WATCHDOG_REG;

typedef struct {
    UINT32 SDMASYSAD;       // 0x00
    UINT16 BLKSIZE;         // 0x04
    UINT16 BLKCNT;          // 0x06
    UINT32 ARGUMENT;        // 0x08
    UINT16 TRNMOD;          // 0x0C
    UINT16 CMDREG;          // 0x0E
    UINT32 RSPREG0;         // 0x10
    UINT32 RSPREG1;         // 0x14
    UINT32 RSPREG2;         // 0x18
    UINT32 RSPREG3;         // 0x1C
    UINT32 BDATA;           // 0x20
    UINT32 PRNSTS;          // 0x24
    UINT8  HOSTCTL;         // 0x28
    UINT8  PWRCON;          // 0x29
    UINT8  BLKGAP;          // 0x2A
    UINT8  WAKCON;          // 0x2B
    UINT16 CLKCON;          // 0x2C
    UINT8  TIMEOUTCON;      // 0x2E
    UINT8  SWRST;           // 0x2F
    UINT16 NORINTSTS;       // 0x30
    UINT16 ERRINTSTS;       // 0x32
    UINT16 NORINTSTSEN;     // 0x34
    UINT16 ERRINTSTSEN;     // 0x36
    UINT16 NORINTSIGEN;     // 0x38
    UINT16 ERRINTSIGEN;     // 0x3A
    UINT16 ACMD12ERRSTS;    // 0x3C
    UINT16 PAD0;            // 0x3E
    UINT32 CAPAREG;         // 0x40
    UINT32 PAD1;            // 0x44
    UINT32 MAXCURR;         // 0x48
    UINT32 PAD2[13];        // 0x4C
    UINT32 CONTROL2;        // 0x80
    UINT32 CONTROL3;        // 0x84
    UINT32 PAD3[29];        // 0x88
    UINT32 HCVER;           // 0xFC
} S3C6410_HSMMC_REG, *PS3C6410_HSMMC_REG;

#endif // __S3C6410_REGS_H
