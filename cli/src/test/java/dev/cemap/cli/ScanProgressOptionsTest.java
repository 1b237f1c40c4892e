package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.cli.progress.ScanProgress;
import dev.cemap.rules.ScanReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --progress, --no-progress, --quiet and --stats, with a scanner that reports progress as the real one will. */
class ScanProgressOptionsTest {

    @TempDir
    Path root;

    private final List<ScanProgress> progressSeen = new ArrayList<>();

    @BeforeEach
    void createSources() throws IOException {
        Path driver = root.resolve(SampleReports.DRIVER);
        Files.createDirectories(driver.getParent());
        Files.writeString(driver, "/* driver */\n");
    }

    /** Reports three files, then returns the sample report (two files found, one analysed). */
    private ScanReport scanThreeFiles(ScanProgress progress) {
        progressSeen.add(progress);
        progress.started(3);
        for (int i = 0; i < 3; i++) {
            progress.fileDone(root.resolve("drivers/f" + i + ".c"));
        }
        progress.finished();
        return SampleReports.mixed(root);
    }

    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    private Outcome run(boolean errIsTerminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Backend backend = new Backend((request, rules, threads, progress) -> scanThreeFiles(progress), SampleRules::all);
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(backend, outStream, errStream, errIsTerminal, args);
        }
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan"));
        args.addAll(List.of(options));
        args.add(root.resolve("drivers").toString());
        return args.toArray(String[]::new);
    }

    @Test
    void aTerminalGetsTheBar() {
        Outcome outcome = run(true, scan());

        assertThat(outcome.stderr()).contains("\rcemap: [", "3/3 files  100%");
        assertThat(outcome.stdout()).doesNotContain("files/s");
    }

    @Test
    void aLogGetsNoBar() {
        Outcome outcome = run(false, scan());

        // Lines come every 5 s; this scan is over long before.
        assertThat(outcome.stderr()).doesNotContain("\r", "files/s");
    }

    @Test
    void progressBarCanBeForced() {
        assertThat(run(false, scan("--progress=bar")).stderr()).contains("3/3 files  100%");
    }

    @Test
    void quietAndNoProgressShowNothing() {
        assertThat(run(true, scan("--quiet")).stderr()).doesNotContain("cemap: [");
        assertThat(run(true, scan("-q", "--progress=bar")).stderr()).doesNotContain("cemap: [");
        assertThat(run(true, scan("--no-progress")).stderr()).doesNotContain("cemap: [");
        assertThat(run(true, scan("--progress=none")).stderr()).doesNotContain("cemap: [");
    }

    @Test
    void theScannerGetsTheDisplay() {
        run(false, scan("--progress=lines"));

        assertThat(progressSeen).hasSize(1);
        assertThat(progressSeen.get(0)).isNotNull();
    }

    @Test
    void anUnknownProgressModeIsAUsageError() {
        Outcome outcome = run(false, scan("--progress=sometimes"));

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("auto, bar, lines, none");
    }

    @Test
    void statsGoToStderrAtTheEnd() {
        ScanReport report = SampleReports.mixed(root);

        Outcome outcome = run(false, scan("--stats", "--format", "sarif"));

        List<String> lines = outcome.stderr().lines().filter(line -> line.startsWith("cemap: stats:")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("cemap: stats: " + report.filesFound() + " files found, "
                + report.filesAnalysed() + " analysed");
        assertThat(lines.get(1)).contains(report.notifications().size() + " notifications",
                report.findings().size() + " findings");
        assertThat(lines.get(2)).matches("cemap: stats: wall time \\d+\\.\\d s \\(\\d+ files/s\\)");
        assertThat(outcome.stdout()).doesNotContain("stats");
    }

    @Test
    void noStatsUnlessAsked() {
        assertThat(run(false, scan()).stderr()).doesNotContain("stats:");
    }
}
