//
// Copyright (c) Samsung Electronics. Co. LTD.  All rights reserved.
//
// Module Name: s3c2450_uart.h
//
#ifndef __S3C2450_UART_H
#define __S3C2450_UART_H

typedef struct
{
    UINT32 ULCON;           // 0x00 line control
    UINT32 UCON;            // 0x04 control
    UINT32 UFCON;           // 0x08 FIFO control
    UINT32 UMCON;           // 0x0C modem control
    UINT32 UTRSTAT;         // 0x10 Tx/Rx status
    UINT32 UERSTAT;         // 0x14 Rx error status
    UINT32 UFSTAT;          // 0x18 FIFO status
    UINT32 UMSTAT;          // 0x1C modem status
    UINT32 UTXH;            // 0x20 transmit buffer
    UINT32 URXH;            // 0x24 receive buffer
    UINT32 UBRDIV;          // 0x28 baud rate divisor
    UINT32 UDIVSLOT;        // 0x2C divisor slot
} S3C2450_UART_REG, *PS3C2450_UART_REG;

#define UART_TRSTAT_TX_EMPTY    (1 << 2)

#endif // __S3C2450_UART_H
