/* Geode GX-class system: fixed physical addresses the drivers use. */
#ifndef GEODE_REGS_H
#define GEODE_REGS_H

#define GEODE_PA_VGA_WINDOW         0x000A0000      /* legacy VGA aperture */
#define GEODE_SZ_VGA_WINDOW         0x00020000
#define GEODE_PA_UMA_FRAMEBUFFER    0x03C00000      /* FRAMEBUF: RESERVED in config.bib */
#define GEODE_SZ_UMA_FRAMEBUFFER    0x00400000
#define GEODE_PA_LOADER_ARGS        0x000FF000      /* ARGS: RESERVED in config.bib */
#define GEODE_PA_GX_REGS            0x40000000      /* graphics processor registers (BAR) */
#define GEODE_SZ_GX_REGS            0x00004000

#endif
