package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.FlowStep;
import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Leaves {@code target/sarif-sample/suppressions-baseline.sarif}, written by the command line with
 * every feature of this kind at once (in-source suppressions with and without a reason, one on a
 * wrapper's call, an unused one, all four baseline states, rule overrides, help URIs), for
 * {@code .ci/run} to validate with the SARIF Multitool.
 */
class SuppressedBaselineSampleTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "."), "target", "sarif-sample");

    @Test
    void writeSampleForTheValidator() throws IOException {
        Path root = SAMPLES.resolve("suppressed-src").toAbsolutePath();
        Path driver = write(root.resolve("drivers/uart.c"),
                "void Init(void) {",
                "    VirtualCopy(p, (PVOID)(PA >> 8), 0x1000, RW); // cemap-suppress sample-offset-mismatch: reviewed",
                "    /* cemap-suppress sample-mapping-leak */",
                "    q = VirtualAlloc(0, 0x1000, MEM_RESERVE, PAGE_NOACCESS);",
                "    MapRegs(UART_PA);",
                "    // cemap-suppress sample-mapping-leak: fixed long ago",
                "    Open();",
                "}");
        Path wrapper = write(root.resolve("drivers/map.c"),
                "PVOID MapRegs(DWORD pa) {",
                "    VirtualCopy(p, (PVOID)(pa >> 8), 0x1000, RW); // cemap-suppress sample-offset-mismatch: aligned",
                "}");
        Path config = write(root.resolve("cemap.yaml"),
                "rules:",
                "  sample-mapping-leak: error",
                "docs-url: https://bsp.example.com/cemap/rules.md");
        Finding suppressed = finding("sample-offset-mismatch", driver, 2, "offsets differ", "Init/VirtualCopy#1");
        Finding noReason = finding("sample-mapping-leak", driver, 4, "leaks on error", "Init/VirtualAlloc#1");
        Finding throughWrapper = new Finding("sample-offset-mismatch", Level.ERROR, "offsets differ in MapRegs",
                SourceLocation.of(driver, 5, 5), List.of(new FlowStep(SourceLocation.of(wrapper, 2, 5), "VirtualCopy")),
                "Init/MapRegs#1", List.of(SourceLocation.of(driver, 5, 5), SourceLocation.of(wrapper, 2, 5)));
        Finding gone = finding("sample-mapping-leak", driver, 7, "leaks in Open", "Open/VirtualAlloc#1");
        Finding changed = finding("sample-offset-mismatch", driver, 7, "offset 0x400", "Open/VirtualCopy#1");
        Path baseline = SAMPLES.resolve("suppressions-baseline.before.json");
        Path sample = SAMPLES.resolve("suppressions-baseline.sarif");

        CliRunner.Outcome before = scanWith(root, List.of(suppressed, gone, changed),
                "--write-baseline", baseline.toString(), "--format", "sarif");
        CliRunner.Outcome after = scanWith(root, List.of(suppressed, noReason, throughWrapper,
                        finding("sample-offset-mismatch", driver, 7, "offset 0x800", "Open/VirtualCopy#1")),
                "--config", config.toString(), "--baseline", baseline.toString(), "--format", "sarif",
                "--output", sample.toString());

        assertThat(before.exitCode()).as(before.stderr()).isEqualTo(ExitCode.FINDINGS.code());
        // Against the baseline, the only error-level result not suppressed is updated, not new.
        assertThat(after.exitCode()).as(after.stderr()).isEqualTo(ExitCode.CLEAN.code());
        JsonNode results = new ObjectMapper().readTree(sample.toFile()).at("/runs/0/results");
        Set<String> states = new TreeSet<>(results.findValuesAsText("baselineState"));
        Set<String> kinds = new TreeSet<>(results.findValuesAsText("kind"));
        assertThat(states).containsExactly("absent", "new", "unchanged", "updated");
        assertThat(kinds).containsExactly("inSource");
        assertThat(results.findValuesAsText("ruleId")).contains("unused-suppression");
    }

    private static CliRunner.Outcome scanWith(Path root, List<Finding> findings, String... options) {
        ScanReport report = new ScanReport(root, CeVersion.CE6, findings, List.of(), 2, 2);
        String[] args = new String[options.length + 3];
        args[0] = "scan";
        args[1] = "--no-progress";
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = root.toString();
        return new CliRunner(request -> report).run(args);
    }

    private static Finding finding(String rule, Path file, int line, String message, String fingerprint) {
        return new Finding(rule, Level.ERROR, message, SourceLocation.of(file, line, 5), List.of(), fingerprint);
    }

    private static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
