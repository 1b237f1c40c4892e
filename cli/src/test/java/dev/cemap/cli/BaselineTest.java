package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --baseline} and {@code --write-baseline}, through the command line. */
class BaselineTest {

    @TempDir
    Path root;

    private Path driver;
    private Path baseline;

    @BeforeEach
    void createSources() throws IOException {
        driver = root.resolve("drivers/uart.c");
        Files.createDirectories(driver.getParent());
        Files.writeString(driver, "/* driver */\n");
        baseline = root.resolve("baseline/cemap.sarif");
    }

    private static Finding finding(Path file, int line, String rule, Level level, String message, String fingerprint) {
        return new Finding(rule, level, message, SourceLocation.of(file, line, 5), List.of(), fingerprint);
    }

    private CliRunner.Outcome scan(List<Finding> findings, String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "--no-progress"));
        args.addAll(List.of(options));
        args.add(root.resolve("drivers").toString());
        ScanReport report = new ScanReport(root.resolve("drivers"), CeVersion.CE6, findings, List.of(), 1, 1);
        return new CliRunner(request -> report).run(args.toArray(String[]::new));
    }

    /** Before: a leak, an offset error and a warning about to change level; after: one moved, one new. */
    private CliRunner.Outcome compareBeforeAndAfter(String... options) {
        List<Finding> before = List.of(
                finding(driver, 10, "sample-offset-mismatch", Level.ERROR, "offsets differ", "Init/VirtualCopy#1"),
                finding(driver, 20, "sample-mapping-leak", Level.WARNING, "leaks on error", "Init/VirtualAlloc#1"),
                finding(driver, 30, "sample-mapping-leak", Level.WARNING, "leaks in Deinit", "Deinit/VirtualAlloc#1"));
        CliRunner.Outcome written = scan(before, "--format", "sarif", "--output", root.resolve("first.sarif").toString(),
                "--write-baseline", baseline.toString());
        assertThat(written.exitCode()).as(written.stderr()).isEqualTo(ExitCode.FINDINGS.code());
        List<Finding> after = List.of(
                finding(driver, 14, "sample-offset-mismatch", Level.ERROR, "offsets differ", "Init/VirtualCopy#1"),
                finding(driver, 30, "sample-mapping-leak", Level.ERROR, "leaks in Deinit, twice", "Deinit/VirtualAlloc#1"),
                finding(driver, 40, "sample-offset-mismatch", Level.ERROR, "new offset error", "Open/VirtualCopy#1"));
        List<String> args = new ArrayList<>(List.of("--baseline", baseline.toString()));
        args.addAll(List.of(options));
        return scan(after, args.toArray(String[]::new));
    }

    @Test
    void resultsAreMarkedNewUnchangedUpdatedAndAbsent() throws IOException {
        CliRunner.Outcome outcome = compareBeforeAndAfter("--format", "sarif");

        JsonNode results = new ObjectMapper().readTree(outcome.stdoutBytes()).at("/runs/0/results");
        Map<String, String> states = new LinkedHashMap<>();
        results.forEach(result -> states.put(result.at("/message/text").asText(), result.path("baselineState").asText()));
        assertThat(states).containsExactly(
                Map.entry("offsets differ", "unchanged"),
                Map.entry("leaks on error", "absent"),
                Map.entry("leaks in Deinit, twice", "updated"),
                Map.entry("new offset error", "new"));
        JsonNode absent = results.get(1);
        assertThat(absent.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("uart.c");
        assertThat(absent.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(20);
        assertThat(absent.path("level").asText()).isEqualTo("warning");
    }

    @Test
    void onlyNewResultsCountForFailOn() {
        CliRunner.Outcome withNew = compareBeforeAndAfter();
        CliRunner.Outcome onlyOld = scan(List.of(
                finding(driver, 10, "sample-offset-mismatch", Level.ERROR, "offsets differ", "Init/VirtualCopy#1")),
                "--baseline", baseline.toString());

        assertThat(withNew.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(onlyOld.exitCode()).isEqualTo(ExitCode.CLEAN.code());
    }

    @Test
    void textShowsWhatChangedAndCountsTheRest() {
        CliRunner.Outcome outcome = compareBeforeAndAfter();

        assertThat(outcome.stdoutLines()).containsExactly(
                "uart.c:30:5: error: leaks in Deinit, twice [sample-mapping-leak]",
                "uart.c:40:5: error: new offset error [sample-offset-mismatch]",
                "3 findings (3 errors, 0 warnings, 0 notes) in 1 file; against the baseline: 1 new, 1 updated, "
                        + "1 unchanged, 1 gone");
    }

    @Test
    void theWrittenBaselineIsTheScansSarifWithoutStates() throws IOException {
        compareBeforeAndAfter("--write-baseline", root.resolve("next.sarif").toString());

        JsonNode results = new ObjectMapper().readTree(root.resolve("next.sarif").toFile()).at("/runs/0/results");
        assertThat(results).hasSize(3).allSatisfy(result -> assertThat(result.has("baselineState")).isFalse());
    }

    @Test
    void aBaselineThatCannotBeUsedStopsTheRunBeforeTheScan() throws IOException {
        Path notSarif = Files.writeString(root.resolve("notes.sarif"), "{\"version\": \"1.0\"}");
        Path broken = Files.writeString(root.resolve("broken.sarif"), "{\"version\": ");
        Path otherTool = Files.writeString(root.resolve("other.sarif"),
                "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"cppcheck\"}}}]}");

        for (Path file : List.of(notSarif, broken, otherTool, root.resolve("missing.sarif"))) {
            CliRunner runner = new CliRunner(request -> {
                throw new AssertionError("the scan must not start");
            });
            CliRunner.Outcome outcome = runner.run("scan", "--baseline", file.toString(), root.toString());
            assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
            assertThat(outcome.stderrLines()).singleElement().asString().startsWith("cemap: error: ")
                    .contains(file.toString());
        }
    }
}
