package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The porting report of a corpus BSP, through the real command line, against the expected
 * Markdown in {@code src/test/resources/porting/}. After an intended change, regenerate with
 * {@code mvn -pl test-corpus test -Dtest=PortingReportTest -Dcemap.updateExpected=true} and review the diff.
 */
class PortingReportTest {

    static final String BSP = "bsp_cobalt6410";
    private static final Path EXPECTED = Path.of("src", "test", "resources", "porting", BSP + ".md");

    /** Writes the report of {@link #BSP} into {@code folder}; returns the command's exit status. */
    static CliRun port(Path folder) {
        List<String> args = List.of("port", "--from", "ce5", "--to", "ce6", "--output-dir", folder.toString(),
                Corpus.root().resolve(BSP).toString());
        return CliRun.of(args);
    }

    @Test
    void markdownOfTheCobaltBspIsAsExpected(@TempDir Path work) throws IOException {
        CliRun run = port(work);
        assertThat(run.exitCode()).as(run.describe(List.of("port"))).isEqualTo(1);
        assertThat(run.hasStackTrace()).isFalse();
        String markdown = Files.readString(work.resolve("porting-report.md"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("cemap.updateExpected")) {
            Files.createDirectories(EXPECTED.getParent());
            Files.writeString(EXPECTED, markdown, StandardCharsets.UTF_8);
        }
        assertThat(markdown).as("porting report of " + BSP + " (regenerate with -Dcemap.updateExpected=true)")
                .isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    }

    @Test
    void theReportSaysWhatMattersForEachMode(@TempDir Path work) throws IOException {
        port(work);
        String markdown = Files.readString(work.resolve("porting-report.md"), StandardCharsets.UTF_8);
        // The user-mode driver gets the exact registry lines, covering what its library maps too.
        assertThat(markdown).contains("\"IoBase\"=multi_sz:\"7E00A000\",\"7F008000\",\"7E004000\",\"7E00F000\"",
                "\"IoLen\"=multi_sz:\"20\",\"100\",\"10\",\"1000\"");
        // The application gets seed 004's options in order of preference.
        assertThat(markdown.indexOf("Option 1: move the mapping code into a driver"))
                .isPositive()
                .isLessThan(markdown.indexOf("Option 2: load the mapping code into the kernel"));
        assertThat(markdown.indexOf("Option 2")).isLessThan(markdown.indexOf("Option 3: ask a kernel-mode driver"));
        // Kernel RAM: config.bib through the DCD table of the .inc file.
        assertThat(markdown).contains("| RAM | RAM | 0x82100000–0x87DFFFFF | 0x52100000–0x57DFFFFF |");
        assertThat(markdown).contains("### cobalt_regs.lib", "runs as **kernel-mode driver** cobalt_gpio.dll",
                "runs as **user-mode driver** cobalt_keypad.dll");
    }

    @Test
    void sectionSplitsCe5NeededAreNamed(@TempDir Path work) throws IOException {
        CliRun run = CliRun.of(List.of("port", "--output-dir", work.toString(),
                Corpus.root().resolve("bsp_quartz2450").toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        String markdown = Files.readString(work.resolve("porting-report.md"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("Section split no longer needed",
                "CE 5 needed this mapping split at the 32 MB section boundary 0x44000000: lines 23 and 27 map one "
                        + "contiguous range of 0x2800000 bytes");
    }
}
