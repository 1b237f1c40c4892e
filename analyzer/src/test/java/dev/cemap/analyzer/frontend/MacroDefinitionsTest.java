package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MacroDefinitionsTest {

    @Test
    void definitionsOfTheFileAndTreeHeadersButNotBundledOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("legacy.h"), "#define MEM_TOP_DOWN 0x10000\n");
        Path file = dir.resolve("drv.c");
        Files.writeString(file, """
                #include <windows.h>
                #include "legacy.h"
                #undef PAGE_PHYSICAL
                #define PAGE_PHYSICAL ((DWORD)0x200)
                #define REG_BASE SOME_OTHER_MACRO
                #define MAP(x) ((x) >> 8)
                #ifdef NEVER_DEFINED
                #define PAGE_NOCACHE 0x1
                #endif
                """);
        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6)).parse(file);

        List<MacroDefinition> macros = MacroDefinitions.of(parsed);

        assertThat(macros).extracting(MacroDefinition::name)
                .containsExactlyInAnyOrder("MEM_TOP_DOWN", "PAGE_PHYSICAL", "REG_BASE");
        MacroDefinition physical = macros.stream().filter(m -> m.name().equals("PAGE_PHYSICAL")).findFirst().orElseThrow();
        assertThat(physical.value()).hasValue(0x200);
        assertThat(physical.valueText()).isEqualTo("((DWORD)0x200)");
        assertThat(physical.location().file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(physical.location().line()).isEqualTo(4);
        MacroDefinition topDown = macros.stream().filter(m -> m.name().equals("MEM_TOP_DOWN")).findFirst().orElseThrow();
        assertThat(topDown.location().file().getFileName().toString()).isEqualTo("legacy.h");
        assertThat(macros.stream().filter(m -> m.name().equals("REG_BASE")).findFirst().orElseThrow().value()).isEmpty();
    }
}
