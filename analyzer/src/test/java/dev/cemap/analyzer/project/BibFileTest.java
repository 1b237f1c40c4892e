package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BibFileTest {

    @TempDir
    Path dir;

    private BibFile parse(String text, Map<String, String> defines) throws IOException {
        Path file = dir.resolve("config.bib");
        Files.writeString(file, text);
        return BibFile.parse(file, defines);
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
