// Register bases of the (fictional) SoC, as a BSP header defines them.
#ifndef SOC_BASE_REGS_H
#define SOC_BASE_REGS_H

#define SOC_UART2_BASE_PA   0x48020000
#define SOC_GPIO1_BASE_PA   0x48310000
#define SOC_DMA_BASE_PA     0x48056000
#define SOC_REG_WINDOW      0x1000

typedef struct {
    volatile DWORD REVISION;
    volatile DWORD SYSCONFIG;
    volatile DWORD IRQSTATUS;
    volatile DWORD IRQENABLE;
    volatile DWORD DATAIN;
    volatile DWORD DATAOUT;
} SOC_GPIO_REGS, *PSOC_GPIO_REGS;

#endif
