package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cemap.yaml} and the options that mirror it, through the command line. */
class ConfigurationTest {

    @TempDir
    Path root;

    private Path driver;
    private Path vendor;
    private CliRunner runner;

    @BeforeEach
    void createTree() throws IOException {
        driver = root.resolve("drivers/uart.c");
        vendor = root.resolve("third_party/zlib/inflate.c");
        Files.createDirectories(driver.getParent());
        Files.createDirectories(vendor.getParent());
        Files.createDirectories(root.resolve("inc"));
        Files.writeString(driver, "/* driver */\n");
        Files.writeString(vendor, "/* vendored */\n");
        List<Finding> findings = List.of(
                new Finding("sample-offset-mismatch", Level.ERROR, "offsets differ", SourceLocation.of(driver, 3, 5),
                        List.of(), "Init/VirtualCopy#1"),
                new Finding("sample-mapping-leak", Level.WARNING, "leaks", SourceLocation.of(driver, 9, 5), List.of(),
                        "Init/VirtualAlloc#1"),
                new Finding("sample-offset-mismatch", Level.ERROR, "in vendored code", SourceLocation.of(vendor, 1, 1),
                        List.of(), "inflate/VirtualCopy#1"));
        runner = new CliRunner(request -> new ScanReport(root, request.target(), findings, List.of(), 2, 2));
    }

    private void config(String... lines) throws IOException {
        Files.writeString(root.resolve("cemap.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRunner.Outcome scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "--no-progress"));
        args.addAll(List.of(options));
        args.add(root.toString());
        return runner.run(args.toArray(String[]::new));
    }

    private ScanRequest request() {
        return runner.requests.get(runner.requests.size() - 1);
    }

    @Test
    void theFileAtTheScanRootSetsEverythingItNames() throws IOException {
        config("# cemap settings for this BSP",
                "target: ce5",
                "include: [inc]",
                "define:",
                "  - BSP_HAS_DMA",
                "  - UART_BASE=0x7F005000",
                "exclude: third_party",
                "rules:",
                "  sample-mapping-leak: off",
                "  sample-offset-mismatch: warning",
                "fail-on: warning");

        CliRunner.Outcome outcome = scan();

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(request().target()).isEqualTo(CeVersion.CE5);
        assertThat(request().includeDirs()).containsExactly(root.resolve("inc"));
        assertThat(request().defines()).containsExactlyInAnyOrderEntriesOf(
                Map.of("BSP_HAS_DMA", "1", "UART_BASE", "0x7F005000"));
        assertThat(request().exclusions().excludes(vendor)).isTrue();
        assertThat(request().exclusions().excludes(driver)).isFalse();
        assertThat(runner.ruleIds.get(0)).containsExactly("sample-offset-mismatch");
        assertThat(outcome.stdoutLines()).containsExactly(
                "drivers/uart.c:3:5: warning: offsets differ [sample-offset-mismatch]",
                "1 finding (0 errors, 1 warning, 0 notes) in 2 files");
    }

    @Test
    void theCommandLineWins() throws IOException {
        config("target: ce5", "fail-on: note", "rules:", "  sample-mapping-leak: off", "define: [MODE=1]");

        CliRunner.Outcome outcome = scan("--target", "ce7", "--fail-on", "error", "--enable", "sample-mapping-leak",
                "--disable", "sample-offset-mismatch", "-D", "MODE=2", "--exclude", root.resolve("drivers").toString());

        assertThat(request().target()).isEqualTo(CeVersion.CE7);
        assertThat(request().defines()).containsEntry("MODE", "2");
        assertThat(runner.ruleIds.get(0)).containsExactly("sample-mapping-leak");
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.CLEAN.code());
        assertThat(outcome.stdoutLines()).containsExactly("0 findings (0 errors, 0 warnings, 0 notes) in 2 files");
    }

    @Test
    void anExplicitConfigFileIsReadAndNoConfigSkipsTheDefault() throws IOException {
        config("target: ce5");
        Path other = Files.writeString(root.resolve("ci.yaml"), "target: ce7\n");

        scan("--config", other.toString());
        CeVersion explicit = request().target();
        scan("--no-config");
        CeVersion none = request().target();

        assertThat(explicit).isEqualTo(CeVersion.CE7);
        assertThat(none).isEqualTo(CeVersion.CE6);
    }

    @Test
    void overriddenRulesAreRecordedInSarif() throws IOException {
        config("rules:", "  sample-mapping-leak: off", "  sample-offset-mismatch: note");

        JsonNode log = new ObjectMapper().readTree(scan("--format", "sarif").stdoutBytes());

        JsonNode overrides = log.at("/runs/0/invocations/0/ruleConfigurationOverrides");
        assertThat(overrides).hasSize(2);
        assertThat(overrides.get(0).at("/descriptor/id").asText()).isEqualTo("sample-mapping-leak");
        assertThat(overrides.get(0).at("/configuration/enabled").asBoolean(true)).isFalse();
        assertThat(overrides.get(0).at("/configuration").has("level")).isFalse();
        assertThat(overrides.get(1).at("/configuration/level").asText()).isEqualTo("note");
        assertThat(log.at("/runs/0/results/0/level").asText()).isEqualTo("note");
    }

    @Test
    void helpUrisOnlyWhenADocsUrlIsConfigured() throws IOException {
        JsonNode without = new ObjectMapper().readTree(scan("--format", "sarif").stdoutBytes());
        config("docs-url: https://bsp.example.com/cemap/rules.md");
        JsonNode fromFile = new ObjectMapper().readTree(scan("--format", "sarif").stdoutBytes());
        JsonNode fromOption = new ObjectMapper().readTree(scan("--format", "sarif",
                "--docs-url", "https://wiki.example.com/cemap/{rule}.html").stdoutBytes());

        assertThat(without.at("/runs/0/tool/driver/rules").findValues("helpUri")).isEmpty();
        assertThat(fromFile.at("/runs/0/tool/driver/rules/0/helpUri").asText())
                .isEqualTo("https://bsp.example.com/cemap/rules.md#sample-mapping-leak");
        assertThat(fromOption.at("/runs/0/tool/driver/rules/0/helpUri").asText())
                .isEqualTo("https://wiki.example.com/cemap/sample-mapping-leak.html");
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() throws IOException {
        config("target: ce6", "", "exlude:", "  - third_party");

        CliRunner.Outcome outcome = scan();

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderrLines()).singleElement().asString()
                .startsWith("cemap: error: ")
                .contains("cemap.yaml:3:1: exlude: unknown key; the keys are target, include, define, exclude, rules");
        assertThat(runner.requests).isEmpty();
    }

    @Test
    void badValuesNameFileLineAndKey() throws IOException {
        assertThat(errorFor("target: ce9")).contains("cemap.yaml:1:9: target: expected one of ce5, ce6, ce7, got 'ce9'");
        assertThat(errorFor("rules:", "  page-ofset-mismatch: off"))
                .contains("cemap.yaml:2:3: rules: no rule 'page-ofset-mismatch'");
        assertThat(errorFor("rules:", "  sample-mapping-leak: loud"))
                .contains("cemap.yaml:2:24: rules.sample-mapping-leak: expected off, on, error, warning or note, got 'loud'");
        assertThat(errorFor("include:", "  - inc", "  - missing/inc"))
                .contains("cemap.yaml:3:5: include: include directory not found: missing/inc");
        assertThat(errorFor("define: [\"1BAD\"]")).contains("cemap.yaml:1:10: define: expected NAME or NAME=VALUE");
        assertThat(errorFor("exclude: \"drivers/[a\"")).contains("cemap.yaml:1:10: exclude: 'drivers/[a': not a valid glob");
        assertThat(errorFor("target:", "  - ce5")).contains("cemap.yaml:2:3: target: expected a single value");
        assertThat(errorFor("rules: [a, b]")).contains("cemap.yaml:1:8: rules: expected a mapping of rule ids");
        assertThat(errorFor("fail-on:")).contains("cemap.yaml:1:9: fail-on: has no value");
        assertThat(errorFor("target: ce5", "target: ce6")).contains("cemap.yaml:2:").contains("Duplicate field 'target'");
        assertThat(errorFor("target: [ce5")).startsWith("cemap: error: ").contains("cemap.yaml:1:");
        assertThat(errorFor("docs-url: docs/rules.md")).contains("docs-url: expected an absolute http or https URL");
    }

    private String errorFor(String... lines) throws IOException {
        config(lines);
        CliRunner.Outcome outcome = scan();
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderrLines()).hasSize(1);
        return outcome.stderr();
    }

    @Test
    void anEmptyOrCommentOnlyFileChangesNothing() throws IOException {
        config("# nothing configured yet");

        CliRunner.Outcome outcome = scan();

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(request().target()).isEqualTo(CeVersion.CE6);
    }

    @Test
    void unknownRulesOnTheCommandLineAreUsageErrors() {
        CliRunner.Outcome outcome = scan("--disable", "sample-mapping-leak,no-such-rule");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("--disable: no rule 'no-such-rule'");
        assertThat(runner.requests).isEmpty();
    }

    @Test
    void configAndNoConfigTogetherAreAUsageError() throws IOException {
        config("target: ce5");

        CliRunner.Outcome outcome = scan("--config", root.resolve("cemap.yaml").toString(), "--no-config");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("--config and --no-config contradict each other");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        CliRunner.Outcome outcome = scan("--config", root.resolve("nope.yaml").toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("--config: no such file");
    }
}
