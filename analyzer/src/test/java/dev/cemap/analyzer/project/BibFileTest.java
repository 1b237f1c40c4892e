package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BibFileTest {

    @TempDir
    Path dir;

    private BibFile parse(String text, Map<String, String> defines) throws IOException {
        return parse(text, defines, Optional.empty());
    }

    private BibFile parse(String text, Map<String, String> defines, Optional<Path> bspRoot) throws IOException {
        Path file = dir.resolve("config.bib");
        Files.writeString(file, text);
        return BibFile.parse(file, defines, bspRoot);
    }

    @Test
    void memorySectionWithEveryType() throws IOException {
        BibFile bib = parse("""
                MEMORY
                ;   Name     Start     Size      Type
                    NK       80100000  02000000  RAMIMAGE
                    RAM      82100000  05D00000  RAM      ; kernel RAM
                    FRAMEBUF 0x87E00000 00200000 RESERVED
                    dwOEMHighSecurity 00000000 00000001 FIXUPVAR
                CONFIG
                    AUTOSIZE=ON
                    ROMSTART=80100000
                """, Map.of());
        assertThat(bib.memory()).extracting(BibFile.MemoryEntry::name)
                .containsExactly("NK", "RAM", "FRAMEBUF", "dwOEMHighSecurity");
        assertThat(bib.memory()).filteredOn(BibFile.MemoryEntry::isKernelRam).extracting(BibFile.MemoryEntry::address)
                .containsExactly(0x80100000L, 0x82100000L);
        assertThat(bib.memory().get(2).type()).isEqualTo(BibFile.MemoryType.RESERVED);
        assertThat(bib.memory().get(2).address()).isEqualTo(0x87E00000L);
        assertThat(bib.memory().get(1).location().line()).isEqualTo(4);
        assertThat(bib.config()).extracting(BibFile.ConfigLine::text).containsExactly("AUTOSIZE=ON", "ROMSTART=80100000");
        assertThat(bib.notifications()).isEmpty();
    }

    @Test
    void modulesWithTheKernelFlag() throws IOException {
        BibFile bib = parse("""
                MODULES
                    gpio.dll     $(_FLATRELEASEDIR)\\gpio.dll     NK  SHK
                    keypad.dll   $(_FLATRELEASEDIR)\\keypad.dll   NK  SH
                    app.exe      $(_FLATRELEASEDIR)\\app.exe      NK
                FILES
                    logo.bmp     $(_FLATRELEASEDIR)\\logo.bmp     NK  S
                """, Map.of());
        assertThat(bib.modules()).extracting(BibFile.ModuleEntry::name).containsExactly("gpio.dll", "keypad.dll", "app.exe");
        assertThat(bib.modules()).extracting(BibFile.ModuleEntry::loadsIntoKernel).containsExactly(true, false, false);
        assertThat(bib.modules().get(0).isModule("GPIO")).isTrue();
        assertThat(bib.modules().get(2).flags()).isEmpty();
    }

    @Test
    void conditionsOfBothKinds() throws IOException {
        BibFile bib = parse("""
                MEMORY
                #if defined IMGRAM128
                    RAM   82000000  06000000  RAM
                #else
                    RAM   82000000  02000000  RAM
                #endif
                IF BSP_NODISPLAY !
                    DISPLAY  87E00000  00200000  RESERVED
                ENDIF
                IF BSP_NOCAMERA
                    CAMERA   87C00000  00200000  RESERVED
                ENDIF
                """, Map.of("BSP_NOCAMERA", "1"));
        assertThat(bib.memory()).extracting(BibFile.MemoryEntry::name).containsExactly("RAM", "RAM", "DISPLAY", "CAMERA");
        assertThat(bib.memory()).extracting(BibFile.MemoryEntry::conditional).containsExactly(true, true, true, false);
        assertThat(bib.memory()).extracting(BibFile.MemoryEntry::size).containsExactly(0x06000000L, 0x02000000L,
                0x200000L, 0x200000L);
    }

    @Test
    void configBibBuiltFromAnIncludedCHeaderAndItsDefines() throws IOException {
        Files.createDirectories(dir.resolve("SRC/INC"));
        Files.writeString(dir.resolve("SRC/INC/image_cfg.h"), """
                // image_cfg.h: also included by config.bib, so only what romimage reads.
                #ifndef __IMAGE_CFG_H
                #define __IMAGE_CFG_H
                /* 128 MB of SDRAM at physical 0x80000000,
                   cached at 0x80000000 */
                #define IMAGE_SHARE_ARGS_CA      0x80000000
                #define IMAGE_SHARE_ARGS_SIZE    0x00001000   // args between loader and kernel
                #if (defined IMGMULTIXIP)
                #define IMAGE_WINCE_CODE_CA      0x80003000
                #define IMAGE_WINCE_CODE_SIZE    0x01FFE000
                #define IMAGE_WINCE_RAM_CA       0x82001000
                #define IMAGE_WINCE_RAM_SIZE     0x027FF000
                #else
                #define IMAGE_WINCE_CODE_CA      0x80002000
                #define IMAGE_WINCE_CODE_SIZE    0x02800000
                #define IMAGE_WINCE_RAM_CA       0x82802000
                #define IMAGE_WINCE_RAM_SIZE     0x01FFE000
                #endif
                typedef struct { int unused; } NOT_FOR_ROMIMAGE;
                #endif
                """);
        BibFile bib = parse("""
                #include "$(_TARGETPLATROOT)\\SRC\\INC\\image_cfg.h"
                MEMORY
                    ARGS     $(IMAGE_SHARE_ARGS_CA)   $(IMAGE_SHARE_ARGS_SIZE)   RESERVED
                IF IMGMULTIXIP
                    XIPKERN  $(IMAGE_WINCE_CODE_CA)   $(IMAGE_WINCE_CODE_SIZE)   RAMIMAGE
                ELSE
                    NK       $(IMAGE_WINCE_CODE_CA)   $(IMAGE_WINCE_CODE_SIZE)   RAMIMAGE
                ENDIF
                    RAM      $(IMAGE_WINCE_RAM_CA)    $(IMAGE_WINCE_RAM_SIZE)    RAM
                """, Map.of(), Optional.of(dir));
        assertThat(bib.notifications()).isEmpty();
        assertThat(bib.memory()).extracting(e -> e.name() + " " + Long.toHexString(e.address()) + " " + e.condition())
                .containsExactly("ARGS 80000000 always", "XIPKERN 80003000 IMGMULTIXIP", "NK 80002000 !IMGMULTIXIP",
                        "RAM 82001000 IMGMULTIXIP", "RAM 82802000 !IMGMULTIXIP");
        assertThat(bib.memory().get(3).location().line()).isEqualTo(9);
        assertThat(bib.filesRead()).hasSize(2);
        // The environment decides what it knows: -DIMGMULTIXIP leaves one configuration.
        BibFile xip = parse(Files.readString(dir.resolve("config.bib")), Map.of("IMGMULTIXIP", "1"), Optional.of(dir));
        assertThat(xip.memory()).extracting(BibFile.MemoryEntry::name).containsExactly("ARGS", "XIPKERN", "RAM");
        assertThat(xip.memory()).allMatch(entry -> !entry.conditional());
    }

    @Test
    void definesOfTheBibItselfUnderRomimageConditions() throws IOException {
        BibFile bib = parse("""
                #define RAMNAME  RAM
                #define RAMSTART 81D00000
                #define RAMLEN   02300000
                MEMORY
                IF IMGULDR !
                    $(RAMNAME)   $(RAMSTART)   $(RAMLEN)   RAM
                ELSE IMGULDR
                    ULDRRAM      81D00000      00100000    RAM
                    $(RAMNAME)   81E00000      02200000    RAM
                ENDIF IMGULDR
                IF LOCALE=0411
                    FONTS        84000000      00400000    RESERVED
                ENDIF
                #if $(BSP_NODISPLAY)==$()
                    FRAMEBUF     87E00000      00200000    RESERVED
                #endif
                """, Map.of("LOCALE", "0409"), Optional.empty());
        assertThat(bib.notifications()).isEmpty();
        assertThat(bib.memory()).extracting(e -> e.name() + " " + Long.toHexString(e.address()) + " " + e.condition())
                .containsExactly("RAM 81d00000 !IMGULDR", "ULDRRAM 81d00000 IMGULDR", "RAM 81e00000 IMGULDR",
                        "FRAMEBUF 87e00000 !BSP_NODISPLAY");
    }

    @Test
    void everyMemoryTypeRomimageKnows() throws IOException {
        BibFile bib = parse("""
                MEMORY
                    NK       82001000  027FF000  NANDIMAGE
                    FLASH    9C000000  04000000  ROMX8
                    reserve  87000000  00100000
                    EXT      80003000  00001000  EXTENSION  NK
                """, Map.of(), Optional.empty());
        assertThat(bib.notifications()).isEmpty();
        assertThat(bib.memory()).extracting(BibFile.MemoryEntry::type).containsExactly(BibFile.MemoryType.NANDIMAGE,
                BibFile.MemoryType.ROM, BibFile.MemoryType.RESERVED, BibFile.MemoryType.EXTENSION);
        assertThat(bib.memory()).noneMatch(BibFile.MemoryEntry::isKernelRam);
    }

    @Test
    void malformedLinesAreNotifications() throws IOException {
        BibFile bib = parse("""
                    NK 80000000 1000 RAM
                MEMORY
                    NK 80000000 RAMIMAGE
                    RAM 8XYZ0000 1000 RAM
                    ODD 80000000 1000 ROM
                MODULES
                    lonely.dll
                IF BSP_X
                """, Map.of());
        assertThat(bib.memory()).isEmpty();
        assertThat(bib.modules()).isEmpty();
        assertThat(bib.notifications()).extracting(Notification::id).containsOnly(BibFile.SYNTAX);
        assertThat(bib.notifications()).extracting(n -> n.location().orElseThrow().line())
                .containsExactlyInAnyOrder(1, 3, 4, 5, 7, 8);
    }
}
