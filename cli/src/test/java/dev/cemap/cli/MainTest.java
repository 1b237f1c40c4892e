package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cemap.cli.output.ToolInfo;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path root;

    private String driverDir;

    @BeforeEach
    void createSources() throws IOException {
        driverDir = SampleReports.writeDriverSources(root).toString();
    }

    private CliRunner reporting(ScanReport report) {
        return new CliRunner(request -> report);
    }

    private CliRunner failingWith(RuntimeException exception) {
        return new CliRunner(request -> {
            throw exception;
        });
    }

    @Test
    void versionPrintsNameAndVersion() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("--version");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout().strip()).isEqualTo("cemap " + ToolInfo.version());
    }

    @Test
    void helpListsTheCommands() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("scan", "rules");
    }

    @Test
    void scanHelpDocumentsTheExitStatus() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("scan", "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("--fail-on", "Exit status:");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run();

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("missing command");
    }

    @Test
    void unknownTargetIsAUsageError() {
        CliRunner runner = reporting(SampleReports.empty(root));

        CliRunner.Outcome outcome = runner.run("scan", "--target", "ce9", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--target", "ce9", "ce5, ce6, ce7");
        assertThat(runner.requests).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("scan", "--colour", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--colour");
    }

    @Test
    void missingPathIsAUsageError() {
        CliRunner runner = reporting(SampleReports.empty(root));

        CliRunner.Outcome outcome = runner.run("scan", "--target", "ce5");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("PATH");
        assertThat(runner.requests).isEmpty();
    }

    @Test
    void nonexistentPathIsAUsageErrorWithOneMessage() {
        String missing = root.resolve("no-such-dir").toString();
        CliRunner runner = reporting(SampleReports.empty(root));

        CliRunner.Outcome outcome = runner.run("scan", driverDir, missing);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderrLines()).containsExactly("cemap: no such file or directory: " + missing);
        assertThat(runner.requests).isEmpty();
    }

    @Test
    void missingIncludeDirectoryIsAUsageError() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root))
                .run("scan", "-I", root.resolve("nope").toString(), driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("include directory not found");
    }

    @Test
    void malformedDefineIsAUsageError() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("scan", "-D", "1BAD=2", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("-D", "1BAD=2");
    }

    @Test
    void badFailOnLevelIsAUsageError() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("scan", "--fail-on", "fatal", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("error, warning, note");
    }

    @Test
    void optionsReachTheScanRequest() throws IOException {
        Path include = Files.createDirectories(root.resolve("inc"));
        CliRunner runner = reporting(SampleReports.empty(root));

        CliRunner.Outcome outcome = runner.run("scan", "--target", "CE5", "-I", include.toString(),
                "-D", "DEBUG", "-DBSP_REG_BASE=0xC00DA800", "-D", "EMPTY=", driverDir);

        assertThat(outcome.exitCode()).isZero();
        ScanRequest request = runner.requests.get(0);
        assertThat(request.target()).isEqualTo(CeVersion.CE5);
        assertThat(request.paths()).containsExactly(Path.of(driverDir).toAbsolutePath());
        assertThat(request.includeDirs()).containsExactly(include.toAbsolutePath());
        assertThat(request.defines()).containsExactlyInAnyOrderEntriesOf(
                Map.of("DEBUG", "1", "BSP_REG_BASE", "0xC00DA800", "EMPTY", ""));
    }

    @Test
    void targetDefaultsToCe6() {
        CliRunner runner = reporting(SampleReports.empty(root));

        runner.run("scan", driverDir);

        assertThat(runner.requests.get(0).target()).isEqualTo(CeVersion.CE6);
    }

    @Test
    void textOutputListsFindingsFlowsAndSummary() {
        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root)).run("scan", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(outcome.stdoutLines()).containsExactly(
                "drivers/my driver/map.c:12:5: error: VirtualCopy maps 0x50000 onto physical 0xC00DA800: "
                        + "page offsets 0x000 and 0x800 differ. [sample-offset-mismatch]",
                "    drivers/my driver/map.c:10:9: note: VirtualAlloc reserves 0x50000-0x5FFFF (64 KB).",
                "    inc/bsp.h:3:1: note: REG_BASE is 0xC00DA800.",
                "    drivers/my driver/map.c:12:5: note: VirtualCopy fails: offset 0x000 != 0x800.",
                "drivers/my driver/map.c:20:3: warning: The reservation made at line 10 is not released "
                        + "when DeviceIoControl fails. [sample-mapping-leak]",
                "2 findings (1 error, 1 warning, 0 notes) in 3 files");
    }

    @Test
    void notificationsGoToStderrOneLineEach() {
        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root)).run("scan", "--format", "sarif", driverDir);

        assertThat(outcome.stderrLines()).containsExactly(
                "drivers/broken.c:7:1: warning: Syntax error; the rest of the function was not analysed. [parse-error]",
                "cemap: note: Header 'bsp_cfg.h' was not found and was read as empty. [missing-header]");
    }

    @Test
    void warningsDoNotFailByDefault() {
        CliRunner.Outcome outcome = reporting(SampleReports.warningOnly(root)).run("scan", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.CLEAN.code());
    }

    @Test
    void failOnWarningFailsOnWarnings() {
        CliRunner.Outcome outcome = reporting(SampleReports.warningOnly(root))
                .run("scan", "--fail-on", "warning", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    void noFindingsIsClean() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("scan", "--fail-on", "note", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.CLEAN.code());
        assertThat(outcome.stdoutLines()).containsExactly("0 findings (0 errors, 0 warnings, 0 notes) in 2 files");
    }

    @Test
    void sarifGoesToStdoutAsJsonOnly() throws IOException {
        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root)).run("scan", "--format", "sarif", driverDir);

        JsonNode log = new ObjectMapper().readTree(outcome.stdoutBytes());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.at("/runs/0/results")).hasSize(2);
    }

    @Test
    void sarifGoesToTheOutputFileAndCreatesItsFolder() throws IOException {
        Path output = root.resolve("target/reports/cemap.sarif");

        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root))
                .run("scan", "--format", "sarif", "--output", output.toString(), driverDir);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        JsonNode log = new ObjectMapper().readTree(output.toFile());
        assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("cemap");
    }

    @Test
    void textToAFileKeepsTheSummaryOnStdout() throws IOException {
        Path output = root.resolve("report.txt");

        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root))
                .run("scan", "-o", output.toString(), driverDir);

        assertThat(Files.readAllLines(output)).hasSize(5).allMatch(line -> !line.contains("findings ("));
        assertThat(outcome.stdoutLines()).containsExactly("2 findings (1 error, 1 warning, 0 notes) in 3 files");
    }

    @Test
    void outputThatIsADirectoryIsAUsageError() {
        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root))
                .run("scan", "--output", root.toString(), driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("directory");
    }

    @Test
    void unwritableOutputIsAFatalErrorNotACrash() throws IOException {
        Path blocker = root.resolve("blocker");
        Files.writeString(blocker, "a file where a folder is needed");

        CliRunner.Outcome outcome = reporting(SampleReports.mixed(root))
                .run("scan", "--output", blocker.resolve("out.sarif").toString(), "--format", "sarif", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderrLines()).last().asString().startsWith("cemap: error: --output: cannot write ");
    }

    @Test
    void scannerFailureIsOneLineWithoutStackTrace() {
        CliRunner.Outcome outcome = failingWith(new IllegalStateException("replay\nbroke"))
                .run("scan", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderrLines()).hasSize(1);
        assertThat(outcome.stderr()).startsWith("cemap: internal error: java.lang.IllegalStateException: replay broke");
        assertThat(outcome.stderr()).doesNotContain("\tat ");
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRunner.Outcome outcome = failingWith(new IllegalStateException("boom")).run("scan", "--debug", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderrLines().get(0)).isEqualTo("cemap: internal error: java.lang.IllegalStateException: boom");
        assertThat(outcome.stderr()).contains("\tat ");
    }

    @Test
    void debugBeforeTheCommandWorksToo() {
        CliRunner.Outcome outcome = failingWith(new IllegalStateException("boom")).run("--debug", "scan", driverDir);

        assertThat(outcome.stderr()).contains("\tat ");
    }

    @Test
    void errorsThrownByTheScannerAreReportedToo() {
        CliRunner runner = new CliRunner(request -> {
            throw new StackOverflowError();
        });

        CliRunner.Outcome outcome = runner.run("scan", driverDir);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderrLines()).hasSize(1);
        assertThat(outcome.stderr()).startsWith("cemap: internal error: java.lang.StackOverflowError");
    }

    @Test
    void emptyRegistryListsOnlyTheCommandLinesOwnRule() {
        CliRunner.Outcome outcome = new CliRunner(request -> SampleReports.empty(root), List::of).run("rules");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdoutLines()).singleElement().asString().startsWith("unused-suppression  note");
    }

    @Test
    void brokenRuleRegistryIsAnInternalError() {
        CliRunner.Outcome outcome = new CliRunner(request -> SampleReports.empty(root), () -> {
            throw new ExceptionInInitializerError("rule without @RuleInfo");
        }).run("rules");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("cemap: internal error: java.lang.ExceptionInInitializerError");
    }

    @Test
    void rulesAreListedInAlignedColumns() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("rules");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdoutLines()).containsExactly(
                "sample-mapping-leak     warning  A mapping is not released on some path.",
                "sample-offset-mismatch  error    VirtualCopy destination and source page offsets differ.",
                "unused-suppression      note     A cemap-suppress comment that matches no finding");
    }

    @Test
    void rulesAsMarkdownReference() {
        CliRunner.Outcome outcome = reporting(SampleReports.empty(root)).run("rules", "--format", "markdown");

        assertThat(outcome.stdoutLines()).startsWith("# cemap rules");
        assertThat(outcome.stdoutLines()).containsSubsequence("| Rule | Default level | Summary |", "|---|---|---|",
                "## `sample-mapping-leak`");
        assertThat(outcome.stdoutLines()).contains(
                "| `sample-mapping-leak` | warning | A mapping is not released on some path. |");
    }
}
