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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cemap-suppress} comments, through the command line, over real files and a stand-in scanner. */
class SuppressionsTest {

    private static final String OFFSET = "sample-offset-mismatch";
    private static final String LEAK = "sample-mapping-leak";

    @TempDir
    Path root;

    private Path driver;
    private Path wrapper;
    private final List<Finding> findings = new ArrayList<>();

    @BeforeEach
    void writeSources() throws IOException {
        driver = write("drivers/uart.c",
                "void Init(void) {",                                                                   // 1
                "    VirtualCopy(p, (PVOID)(PA >> 8), 0x1000, RW); // cemap-suppress " + OFFSET + ": reviewed, UART", // 2
                "    // cemap-suppress " + LEAK + ": freed by the bus driver",                          // 3
                "    q = VirtualAlloc(0, 0x1000, MEM_RESERVE, PAGE_NOACCESS);",                          // 4
                "    MapRegs(UART_PA);",                                                                  // 5
                "    MapRegs(GPIO_PA);",                                                                  // 6
                "    const char *s = \"// cemap-suppress " + OFFSET + ": in a string\"; VirtualCopy(a, b, 1, RW);", // 7
                "    // cemap-suppress " + LEAK + ": nothing here any more",                           // 8
                "    Nothing();",                                                                          // 9
                "    Other(); // cemap-suppress page-ofset-mismatch: typo",                                // 10
                "}");
        wrapper = write("drivers/map.c",
                "PVOID MapRegs(DWORD pa) {",
                "    /* cemap-suppress " + OFFSET + ": callers pass page-aligned bases */",
                "    VirtualCopy(p, (PVOID)(pa >> 8), 0x1000, RW);",
                "}");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private void finding(String rule, Level level, Path file, int line, String fingerprint, SourceLocation... callPath) {
        findings.add(new Finding(rule, level, rule + " at " + file.getFileName() + ":" + line,
                SourceLocation.of(file, line, 5), List.of(), fingerprint, List.of(callPath)));
    }

    private CliRunner.Outcome scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "--no-progress"));
        args.addAll(List.of(options));
        args.add(root.toString());
        ScanReport report = new ScanReport(root, CeVersion.CE6, List.copyOf(findings), List.of(), 2, 2);
        return new CliRunner(request -> report).run(args.toArray(String[]::new));
    }

    private JsonNode sarif(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--format", "sarif"));
        args.addAll(List.of(options));
        return new ObjectMapper().readTree(scan(args.toArray(String[]::new)).stdoutBytes());
    }

    private static List<JsonNode> resultsOf(JsonNode log, String ruleId) {
        List<JsonNode> results = new ArrayList<>();
        log.at("/runs/0/results").forEach(result -> {
            if (result.path("ruleId").asText().equals(ruleId)) {
                results.add(result);
            }
        });
        return results;
    }

    @Test
    void suppressedFindingsStayInSarifWithTheirJustification() throws IOException {
        finding(OFFSET, Level.ERROR, driver, 2, "Init/VirtualCopy#1");

        JsonNode result = resultsOf(sarif(), OFFSET).get(0);

        assertThat(result.path("ruleId").asText()).isEqualTo(OFFSET);
        JsonNode suppression = result.at("/suppressions/0");
        assertThat(suppression.path("kind").asText()).isEqualTo("inSource");
        assertThat(suppression.path("justification").asText()).isEqualTo("reviewed, UART");
        assertThat(suppression.at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(suppression.at("/location/physicalLocation/artifactLocation/uri").asText()).isEqualTo("drivers/uart.c");
    }

    @Test
    void textHidesSuppressedFindingsUnlessAskedAndTheyNeverFailTheRun() {
        finding(OFFSET, Level.ERROR, driver, 2, "Init/VirtualCopy#1");
        finding(LEAK, Level.WARNING, driver, 4, "Init/VirtualAlloc#1");

        CliRunner.Outcome hidden = scan();
        CliRunner.Outcome shown = scan("--show-suppressed");

        assertThat(hidden.exitCode()).isEqualTo(ExitCode.CLEAN.code());
        assertThat(hidden.stdout()).doesNotContain("[" + OFFSET + "]", "[" + LEAK + "]");
        // The notes are the three suppressions that match nothing (map.c:2, uart.c:8 and :10).
        assertThat(hidden.stdoutLines()).last().asString()
                .isEqualTo("3 findings (0 errors, 0 warnings, 3 notes) in 2 files, 2 suppressed");
        assertThat(shown.stdoutLines()).contains(
                "drivers/uart.c:2:5: error: " + OFFSET + " at uart.c:2 [" + OFFSET + "] (suppressed: reviewed, UART)",
                "drivers/uart.c:4:5: warning: " + LEAK + " at uart.c:4 [" + LEAK + "] (suppressed: freed by the bus driver)");
        assertThat(shown.exitCode()).isEqualTo(ExitCode.CLEAN.code());
    }

    @Test
    void aSuppressionNamesItsRuleOnly() {
        finding(LEAK, Level.ERROR, driver, 2, "Init/VirtualCopy#leak");

        CliRunner.Outcome outcome = scan();

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(outcome.stdout()).contains("drivers/uart.c:2:5: error: " + LEAK);
    }

    @Test
    void aSuppressionOnTheCallInsideAWrapperCoversItsCallSites() throws IOException {
        SourceLocation inWrapper = SourceLocation.of(wrapper, 3, 5);
        finding(OFFSET, Level.ERROR, driver, 5, "Init/MapRegs#1", SourceLocation.of(driver, 5, 5), inWrapper);
        finding(OFFSET, Level.ERROR, driver, 6, "Init/MapRegs#2", SourceLocation.of(driver, 6, 5), inWrapper);

        List<JsonNode> results = resultsOf(sarif(), OFFSET);

        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.at("/suppressions/0/justification").asText())
                        .isEqualTo("callers pass page-aligned bases"));
    }

    @Test
    void aSuppressionInsideAStringLiteralSuppressesNothing() {
        finding(OFFSET, Level.ERROR, driver, 7, "Init/VirtualCopy#2");

        CliRunner.Outcome outcome = scan();

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(outcome.stdout()).contains("drivers/uart.c:7:5: error: " + OFFSET);
    }

    @Test
    void suppressionsThatMatchNothingAreNoteResults() throws IOException {
        finding(OFFSET, Level.ERROR, driver, 2, "Init/VirtualCopy#1");
        finding(LEAK, Level.WARNING, driver, 4, "Init/VirtualAlloc#1");

        JsonNode log = sarif();

        List<JsonNode> unused = resultsOf(log, "unused-suppression");
        assertThat(unused).extracting(result -> result.at("/locations/0/physicalLocation/region/startLine").asInt())
                .containsExactly(2, 8, 10);
        assertThat(unused).allSatisfy(result -> assertThat(result.path("level").asText()).isEqualTo("note"));
        assertThat(unused.get(0).at("/message/text").asText()).contains("no " + OFFSET + " finding is reported on line 3");
        assertThat(unused.get(1).at("/message/text").asText()).contains("no " + LEAK + " finding is reported on line 9");
        assertThat(unused.get(2).at("/message/text").asText()).contains("'page-ofset-mismatch' is not a cemap rule");
        assertThat(log.at("/runs/0/tool/driver/rules").findValuesAsText("id")).contains("unused-suppression");
    }

    @Test
    void unusedSuppressionsCanFailTheRunOrBeTurnedOff() {
        CliRunner.Outcome gated = scan("--fail-on", "note");
        CliRunner.Outcome off = scan("--fail-on", "note", "--disable", "unused-suppression");

        assertThat(gated.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(gated.stdout()).contains("drivers/uart.c:8:5: note: this suppression silences nothing");
        assertThat(off.exitCode()).isEqualTo(ExitCode.CLEAN.code());
        assertThat(off.stdout()).doesNotContain("unused-suppression");
    }

    @Test
    void aSuppressionOfADisabledRuleIsNotReportedUnused() {
        CliRunner.Outcome outcome = scan("--disable", LEAK);

        assertThat(outcome.stdout()).doesNotContain("drivers/uart.c:8:").contains("drivers/uart.c:2:");
    }

    @Test
    void suppressionsInExcludedFilesAreNotRead() {
        CliRunner.Outcome outcome = scan("--exclude", root.resolve("drivers/uart.c").toString());

        assertThat(outcome.stdout()).doesNotContain("drivers/uart.c");
        assertThat(outcome.stdout()).contains("drivers/map.c:2:5: note: this suppression silences nothing");
    }
}
