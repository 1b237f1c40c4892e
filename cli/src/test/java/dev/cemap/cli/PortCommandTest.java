package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCommandTest {

    private static CliRunner.Outcome port(String... args) {
        return new CliRunner(request -> {
            throw new AssertionError("port does not scan");
        }).run(args);
    }

    /** An application mapping a GPIO bank: fine on CE 5, kernel-only on CE 6. */
    private static Path application(Path dir) throws IOException {
        Files.writeString(dir.resolve("sources"), "TARGETNAME=blink\nTARGETTYPE=PROGRAM\nSOURCES=blink.c\n");
        Files.writeString(dir.resolve("blink.c"), """
                #include <windows.h>
                #include <ceddk.h>
                void Blink(void)
                {
                    PHYSICAL_ADDRESS pa;
                    PVOID regs;
                    pa.QuadPart = 0x7F008000;
                    regs = MmMapIoSpace(pa, 0x100, FALSE);
                    if (regs != NULL) {
                        MmUnmapIoSpace(regs, 0x100);
                    }
                }
                """);
        return dir;
    }

    @Test
    void writesMarkdownAndASelfContainedPage(@TempDir Path work) throws IOException {
        Path tree = Files.createDirectories(work.resolve("tree"));
        application(tree);
        Path out = work.resolve("report");

        CliRunner.Outcome outcome = port("port", "--from", "ce5", "--to", "ce6", "--output-dir", out.toString(),
                tree.toString());

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(outcome.stdout()).contains("1 mapping calls in 1 modules, 1 break on ce6");
        String markdown = Files.readString(out.resolve(PortCommand.MARKDOWN_FILE), StandardCharsets.UTF_8);
        assertThat(markdown).contains("# Porting report: CE 5 → CE 6", "### blink.exe", "runs as **application**",
                "`blink.c:8`", "breaks on CE 6", "Option 1: move the mapping code into a driver",
                "\"IoBase\"=dword:7F008000", "\"IoLen\"=dword:100");
        String html = Files.readString(out.resolve(PortCommand.HTML_FILE), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg id=\"virtual-map-to\"")
                .doesNotContain("<link", "<script");
    }

    @Test
    void nothingToPortIsExitZero(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("quiet.c"), "int quiet(void) { return 0; }\n");
        CliRunner.Outcome outcome = port("port", "--output-dir", work.resolve("out").toString(), work.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCode.CLEAN.code());
        assertThat(work.resolve("out").resolve(PortCommand.HTML_FILE)).exists();
    }

    @Test
    void usageErrors(@TempDir Path work) throws IOException {
        assertThat(port("port", "--from", "ce6", "--to", "ce6", work.toString()).exitCode()).isEqualTo(2);
        assertThat(port("port", work.resolve("missing").toString()).exitCode()).isEqualTo(2);
        Path file = Files.writeString(work.resolve("file.txt"), "x");
        CliRunner.Outcome notAFolder = port("port", "--output-dir", file.toString(), work.toString());
        assertThat(notAFolder.exitCode()).isEqualTo(2);
        assertThat(notAFolder.stderr()).contains("--output-dir names a file");
    }
}
