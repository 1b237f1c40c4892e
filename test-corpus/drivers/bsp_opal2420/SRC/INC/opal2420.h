#ifndef OPAL2420_H
#define OPAL2420_H
#define OPAL_L4_PERIPH_PA       0x48000000
#define OPAL_L4_PERIPH_SIZE     0x00100000
#define OPAL_TSC_REGS_PA        0x48060000
#define OPAL_UART1_REGS_PA      0x4806A000
#define OPAL_LCD_FIFO_PA        0x68000000
#define OPAL_SYSCTRL_PA         0x48002000
typedef struct {
    volatile DWORD CTRL;
    volatile DWORD STATUS;
    volatile DWORD DATA;
} OPAL_TSC_REGS;
typedef struct {
    volatile DWORD RHR;
    volatile DWORD IER;
    volatile DWORD LCR;
    volatile DWORD LSR;
} OPAL_UART_REGS;
#endif
