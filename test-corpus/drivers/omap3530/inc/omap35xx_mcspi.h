// All rights reserved ADENEO EMBEDDED 2010
//
//  File:  omap35xx_mcspi.h
//
#ifndef __OMAP35XX_MCSPI_H
#define __OMAP35XX_MCSPI_H

typedef struct {
    UINT32 MCSPI_CHxCONF;           // 0x00
    UINT32 MCSPI_CHxSTAT;           // 0x04
    UINT32 MCSPI_CHxCTRL;           // 0x08
    UINT32 MCSPI_TXx;               // 0x0C
    UINT32 MCSPI_RXx;               // 0x10
} OMAP_MCSPI_CHANNEL_REGS;

typedef struct {
    UINT32 MCSPI_REVISION;          // 0x000
    UINT32 zzzReserved01[3];
    UINT32 MCSPI_SYSCONFIG;         // 0x010
    UINT32 MCSPI_SYSSTATUS;         // 0x014
    UINT32 MCSPI_IRQSTATUS;         // 0x018
    UINT32 MCSPI_IRQENABLE;         // 0x01C
    UINT32 MCSPI_WAKEUPENABLE;      // 0x020
    UINT32 MCSPI_SYST;              // 0x024
    UINT32 MCSPI_MODULCTRL;         // 0x028
    OMAP_MCSPI_CHANNEL_REGS CH[4];  // 0x02C
    UINT32 MCSPI_XFERLEVEL;         // 0x07C
} OMAP_MCSPI_REGS;

typedef struct {
    UINT32 GPIO_REVISION;           // 0x000
    UINT32 zzzReserved01[3];
    UINT32 GPIO_SYSCONFIG;          // 0x010
    UINT32 GPIO_SYSSTATUS;          // 0x014
    UINT32 GPIO_IRQSTATUS1;         // 0x018
    UINT32 GPIO_IRQENABLE1;         // 0x01C
    UINT32 GPIO_WAKEUPENABLE;       // 0x020
    UINT32 zzzReserved02;
    UINT32 GPIO_IRQSTATUS2;         // 0x028
    UINT32 GPIO_IRQENABLE2;         // 0x02C
    UINT32 GPIO_CTRL;               // 0x030
    UINT32 GPIO_OE;                 // 0x034
    UINT32 GPIO_DATAIN;             // 0x038
    UINT32 GPIO_DATAOUT;            // 0x03C
} OMAP_GPIO_REGS;

typedef struct {
    UINT32 I2C_REV;                 // 0x00
    UINT32 I2C_IE;                  // 0x04
    UINT32 I2C_STAT;                // 0x08
    UINT32 I2C_WE;                  // 0x0C
    UINT32 I2C_SYSS;                // 0x10
    UINT32 I2C_BUF;                 // 0x14
    UINT32 I2C_CNT;                 // 0x18
    UINT32 I2C_DATA;                // 0x1C
    UINT32 I2C_SYSC;                // 0x20
    UINT32 I2C_CON;                 // 0x24
    UINT32 I2C_OA0;                 // 0x28
    UINT32 I2C_SA;                  // 0x2C
    UINT32 I2C_PSC;                 // 0x30
    UINT32 I2C_SCLL;                // 0x34
    UINT32 I2C_SCLH;                // 0x38
    UINT32 I2C_SYSTEST;             // 0x3C
} OMAP_I2C_REGS;

#endif // __OMAP35XX_MCSPI_H
