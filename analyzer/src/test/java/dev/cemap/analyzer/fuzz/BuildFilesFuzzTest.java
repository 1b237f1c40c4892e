package dev.cemap.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cemap.analyzer.project.BibFile;
import dev.cemap.analyzer.project.OemAddressTable;
import dev.cemap.analyzer.project.RegistryFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The BSP's own files of any content: {@code platform.reg}, {@code config.bib} and an ARM
 * {@code .inc} OEMAddressTable. Each parser returns what it could read and notifications for the
 * rest; none throws, and what it returns is consistent.
 */
class BuildFilesFuzzTest {

    private static final FuzzFolder FOLDER = new FuzzFolder("buildfiles");
    private static final Map<String, String> DEFINES = Map.of("BSP_DISPLAY", "1", "IMGNOKITL", "1");

    @FuzzTest
    void parseRegistry(byte[] input) throws Exception {
        Path file = FOLDER.write(FOLDER.bspFolder().resolve("platform.reg"), input);
        RegistryFile registry = ParserThread.run(() -> RegistryFile.parse(file, DEFINES));
        assertThat(registry.notifications()).doesNotContainNull();
        assertThat(registry.drivers()).allSatisfy(driver -> {
            assertThat(driver.dll()).isNotNull();
            assertThat(driver.windows()).allSatisfy(window -> assertThat(window.length()).isNotNegative());
        });
    }

    @FuzzTest
    void parseBib(byte[] input) throws Exception {
        Path file = FOLDER.write(FOLDER.bspFolder().resolve("config.bib"), input);
        BibFile bib = ParserThread.run(() -> BibFile.parse(file, DEFINES, Optional.of(FOLDER.root())));
        assertThat(bib.notifications()).doesNotContainNull();
        assertThat(bib.memory()).allSatisfy(entry -> assertThat(entry.name()).isNotNull());
        assertThat(bib.modules()).doesNotContainNull();
    }

    @FuzzTest
    void parseAddressTable(byte[] input) throws Exception {
        Path file = FOLDER.write(FOLDER.bspFolder().resolve("oemaddrtab_cfg.inc"), input);
        OemAddressTable table = ParserThread.run(() -> OemAddressTable.fromAssembly(file));
        assertThat(table).isNotNull();
    }
}
