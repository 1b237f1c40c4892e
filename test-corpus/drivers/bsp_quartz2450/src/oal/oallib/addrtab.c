/*
 * Quartz2450 OEMAddressTable: the kernel's static mapping of physical memory.
 * Virtual base (cached), physical base, size in MB; a zero row ends the table.
 */
#include <windows.h>
#include <oal.h>
#include "quartz_regs.h"

const OAL_ADDRESS_TABLE g_oalAddressTable[] = {
    { 0x80000000, DRAM_BASE_PA, DRAM_SIZE_MB },         /* SDRAM */
    { 0x84000000, QUARTZ_PA_VIDEO_SRAM, 64 },           /* video SRAM on nGCS1 */
    { 0x88000000, 0x48000000, 32 },                     /* SFR 0x48000000-0x49FFFFFF */
    { 0x8A000000, 0x4A000000, 32 },                     /* SFR 0x4A000000-0x4BFFFFFF */
    { 0x8C000000, 0x4C000000, 16 },                     /* clock, power, LCD */
    { 0x00000000, 0x00000000, 0 }
};
