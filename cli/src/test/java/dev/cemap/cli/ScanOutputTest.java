package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --output written whole or not at all, checked before the scan; --jobs; stderr lines. */
class ScanOutputTest {

    @TempDir
    Path root;

    private String driverDir;

    @BeforeEach
    void createSources() throws IOException {
        driverDir = SampleReports.writeDriverSources(root).toString();
    }

    private static CliRunner failingScanner() {
        return new CliRunner(request -> {
            throw new IllegalStateException("the replay broke");
        });
    }

    @Test
    void anOutputThatCannotBeWrittenStopsTheRunBeforeTheScan() throws IOException {
        Path blocker = Files.writeString(root.resolve("blocker"), "a file where a folder is needed");
        CliRunner runner = new CliRunner(request -> SampleReports.mixed(root));

        CliRunner.Outcome outcome = runner.run("scan", "--output", blocker.resolve("out.sarif").toString(), driverDir);
        CliRunner.Outcome baseline = runner.run("scan", "--write-baseline", blocker.resolve("b.sarif").toString(),
                driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderrLines()).singleElement().asString()
                .startsWith("cemap: error: --output: cannot write " + blocker.resolve("out.sarif"));
        assertThat(baseline.stderr()).startsWith("cemap: error: --write-baseline: cannot write ");
        assertThat(runner.requests).isEmpty();
    }

    @Test
    void aFailedRunLeavesThePreviousReportAndNoTemporaryFile() throws IOException {
        Path output = Files.writeString(root.resolve("cemap.sarif"), "the previous report\n");

        CliRunner.Outcome outcome = failingScanner().run("scan", "--format", "sarif", "--output", output.toString(),
                driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(output).hasContent("the previous report");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aSuccessfulRunReplacesTheReportWhole() throws IOException {
        Path output = Files.writeString(root.resolve("cemap.sarif"), "the previous report\n");

        new CliRunner(request -> SampleReports.mixed(root)).run("scan", "--format", "sarif", "--output",
                output.toString(), driverDir);

        assertThat(Files.readString(output)).startsWith("{").endsWith("}\n").contains("\"results\"");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void everyMessageOnStandardErrorIsAWholeLine() throws IOException {
        Path blocker = Files.writeString(root.resolve("blocker"), "x");
        Function<ScanReport, CliRunner> reporting = report -> new CliRunner(request -> report);
        List<CliRunner.Outcome> outcomes = List.of(
                reporting.apply(SampleReports.mixed(root)).run("scan", "--format", "sarif", driverDir),
                reporting.apply(SampleReports.mixed(root)).run("scan", "--stats", driverDir),
                reporting.apply(SampleReports.mixed(root)).run("scan", "--output", blocker.resolve("x").toString(),
                        driverDir),
                reporting.apply(SampleReports.mixed(root)).run("scan", "--jobs", "0", driverDir),
                reporting.apply(SampleReports.mixed(root)).run("scan", "--progress", "lines", driverDir),
                failingScanner().run("scan", driverDir),
                failingScanner().run("scan", "--debug", driverDir),
                reporting.apply(SampleReports.mixed(root)).run("explain", "no-such-rule"));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.stderr()).isNotEmpty().endsWith("\n").doesNotContain("\r");
        });
    }

    @Test
    void jobsReachTheScannerAndDefaultToTheProcessors() {
        CliRunner runner = new CliRunner(request -> SampleReports.empty(root));

        runner.run("scan", "--jobs", "3", driverDir);
        runner.run("scan", "-j", "1", driverDir);
        runner.run("scan", driverDir);

        assertThat(runner.threads).containsExactly(3, 1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void jobsBelowOneAreAUsageError() {
        CliRunner runner = new CliRunner(request -> SampleReports.empty(root));

        CliRunner.Outcome outcome = runner.run("scan", "--jobs", "0", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("--jobs expects a number of threads of at least 1, got 0");
        assertThat(runner.requests).isEmpty();
    }
}
