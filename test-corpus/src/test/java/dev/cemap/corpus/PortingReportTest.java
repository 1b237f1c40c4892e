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
    /** A TI-style BSP: config.bib from image_cfg.h, an armasm-conditional address table, every loader. */
    static final String MICA = "bsp_mica3530";

    /** Writes the report of {@link #BSP} into {@code folder}; returns the command's exit status. */
    static CliRun port(Path folder) {
        return port(folder, BSP);
    }

    static CliRun port(Path folder, String bsp) {
        List<String> args = List.of("port", "--from", "ce5", "--to", "ce6", "--output-dir", folder.toString(),
                Corpus.root().resolve(bsp).toString());
        return CliRun.of(args);
    }

    @Test
    void markdownOfTheCobaltBspIsAsExpected(@TempDir Path work) throws IOException {
        assertMarkdownAsExpected(BSP, work);
    }

    @Test
    void markdownOfTheMicaBspIsAsExpected(@TempDir Path work) throws IOException {
        assertMarkdownAsExpected(MICA, work);
    }

    private static void assertMarkdownAsExpected(String bsp, Path work) throws IOException {
        Path expected = Path.of("src", "test", "resources", "porting", bsp + ".md");
        CliRun run = port(work, bsp);
        assertThat(run.exitCode()).as(run.describe(List.of("port"))).isEqualTo(1);
        assertThat(run.hasStackTrace()).isFalse();
        String markdown = Files.readString(work.resolve("porting-report.md"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("cemap.updateExpected")) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, markdown, StandardCharsets.UTF_8);
        }
        assertThat(markdown).as("porting report of " + bsp + " (regenerate with -Dcemap.updateExpected=true)")
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void theOsImageRamOfEveryConfigurationAndEveryLoader(@TempDir Path work) throws IOException {
        port(work, MICA);
        String markdown = Files.readString(work.resolve("porting-report.md"), StandardCharsets.UTF_8);
        // config.bib from image_cfg.h and $(...), one row per configuration, in physical addresses.
        assertThat(markdown).contains(
                "| RAM | RAM | 0x82001000–0x847FFFFF | 0x82001000–0x847FFFFF | !IMGMULTIXIP | `FILES/config.bib:17` |",
                "| RAM | RAM | 0x82000000–0x847FFFFF | 0x82000000–0x847FFFFF | IMGMULTIXIP | `FILES/config.bib:17` |",
                "| RAM_BANK_1 | RAM | 0x88000000–0x8FFFFFFF | 0xA0000000–0xA7FFFFFF | BSP_SDRAM_BANK1_ENABLE |");
        // EBOOT's RAM is another image's.
        assertThat(markdown).contains("Other images (their RAM is not the kernel's): SRC/BOOTLOADER/EBOOT/eboot.bib.");
        assertThat(markdown).doesNotContain("| EBOOT |");
        // Every loader, and no module of a known loader left unknown.
        assertThat(markdown).contains("| mica_lcd.dll | GWES (display driver) |", "| mica_touch.dll | GWES (touch driver) |",
                "| mica_nand.dll | Storage Manager (block driver) |", "| mica_emac.dll | NDIS (miniport driver) |",
                "| mica_wlan.dll | SD bus driver (SD client driver) |", "| mica_gpiosvc.dll | Services (service) |",
                "| mica_shellext.dll | shell.exe (text shell extension) |", "| serialusbfn.dll | USB function MDD",
                "| mica_u2s.dll | USBD (USB client driver) |");
        assertThat(markdown).doesNotContain("runs as **unknown**");
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
