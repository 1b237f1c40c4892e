package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build files cut, spliced and sprinkled with noise, the way half-edited or merge-conflicted BSPs
 * look: every reader answers with values and notifications, never an exception.
 */
class MalformedBuildFilesTest {

    /** Fixed, so that a failure reproduces. */
    private static final long SEED = 0x6410_2450L;
    private static final int ROUNDS = 300;

    private static final String REG = """
            #define ROOT HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn
            #include "$(_TARGETPLATROOT)\\src\\x.reg"
            #if defined(BSP_A) && BSP_A > 1
            [$(ROOT)\\Keypad]
                "Dll"="keypad.dll"
                "Flags"=dword:10
                "IoBase"=multi_sz:"7E00A000","7F008000"
                "IoLen"=hex(7):32,00,30,00,00,00,31,00,30,00,30,00,00,00,00,00
            #else
            [-$(ROOT)\\Keypad]
            #endif
            IF BSP_B !
                @="x"
            ENDIF
            """;
    private static final String BIB = """
            MEMORY
            #if defined IMGRAM
                NK    80100000  02000000  RAMIMAGE
            #endif
                RAM   82100000  05D00000  RAM
            IF BSP_NODISPLAY !
                FB    87E00000  00200000  RESERVED
            ENDIF
            CONFIG
                AUTOSIZE=ON
            MODULES
                keypad.dll  $(_FLATRELEASEDIR)\\keypad.dll  NK  SHK
            """;
    private static final String INC = """
            DRAM EQU 0x50000000
            g_oalAddressTable
                    DCD     0x80000000, DRAM, 128   ; DRAM
                    DCD     0x88000000, &7E000000, 32
                    DCD     0, 0, 0
            """;
    private static final String NOISE = "[]\"\\;#=:,()!$&\n\r\t\u0000\u00ff\uFEFFIF ENDIF #if #endif #include hex(7): dword:";

    @TempDir
    Path dir;

    @Test
    void mutatedFilesNeverThrow() throws IOException {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Path reg = write("FILES/platform.reg", mutate(REG, random));
            Path bib = write("FILES/config.bib", mutate(BIB, random));
            Path inc = write("src/inc/addrtab_cfg.inc", mutate(INC, random));
            write("src/x.reg", mutate(REG, random));

            RegistryFile registry = RegistryFile.parse(reg, Map.of("BSP_A", "2"));
            BibFile parsedBib = BibFile.parse(bib, Map.of());
            OemAddressTable table = OemAddressTable.fromAssembly(inc);
            assertThat(registry.drivers()).allSatisfy(d -> assertThat(d.windows()).doesNotContainNull());
            assertThat(parsedBib.memory()).doesNotContainNull();
            assertThat(table.rows()).doesNotContainNull();
            for (Notification note : registry.notifications()) {
                assertThat(note.location()).as("registry notes name a file and line").isPresent();
            }
        }
        ProjectModel model = ProjectModel.load(dir, FrontEndSettings.defaults(CeVersion.CE6));
        assertThat(model.notifications()).doesNotContainNull();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Cuts, duplicates, swaps lines and inserts noise. */
    private static String mutate(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && mutated.length() > 0; i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.delete(at, Math.min(mutated.length(), at + random.nextInt(20)));
                case 1 -> mutated.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 2 -> mutated.insert(at, mutated.substring(random.nextInt(mutated.length())));
                default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return mutated.toString();
    }
}
