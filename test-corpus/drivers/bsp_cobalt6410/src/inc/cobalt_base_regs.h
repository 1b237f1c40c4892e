/* Cobalt6410 physical register map (S3C6410-class SoC). */
#ifndef COBALT_BASE_REGS_H
#define COBALT_BASE_REGS_H

#define COBALT_PA_DRAM          0x50000000
#define COBALT_PA_CAMIF         0x78000000
#define COBALT_PA_WDT           0x7E004000
#define COBALT_PA_KEYPAD        0x7E00A000
#define COBALT_PA_SYSCON        0x7E00F000
#define COBALT_PA_GPIO          0x7F008000

#define COBALT_SZ_KEYPAD        0x20
#define COBALT_SZ_GPIO          0x100
#define COBALT_SZ_SYSCON        0x1000
#define COBALT_SZ_WDT           0x10

typedef struct {
    volatile unsigned long CON;
    volatile unsigned long DAT;
    volatile unsigned long PUD;
} COBALT_GPIO_PORT;

#endif
