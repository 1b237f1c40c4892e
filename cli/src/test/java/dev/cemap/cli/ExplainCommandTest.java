package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    private final CliRunner runner = new CliRunner(request -> {
        throw new AssertionError("explain does not scan");
    });

    @Test
    void explainsARuleFromItsMetadata() {
        CliRunner.Outcome outcome = runner.run("explain", "sample-offset-mismatch");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdoutLines()).startsWith(
                "sample-offset-mismatch: VirtualCopy destination and source page offsets differ.",
                "Default level: error · precision: very-high · tags: correctness, ce",
                "",
                "A virtual page maps exactly one physical page, so the offset of the destination within its page "
                        + "must equal the offset of the physical address.",
                "");
        // The help, with its example as an indented block and its fix; no link without a docs URL.
        assertThat(outcome.stdoutLines()).contains("Why", "Fix: align both addresses.",
                "    VirtualCopy(p, (LPVOID)(PA >> 8), size, PAGE_READWRITE | PAGE_PHYSICAL);");
        assertThat(outcome.stdout()).doesNotContain("Documentation:");
    }

    @Test
    void theCommandLinesOwnRuleIsExplainedToo() {
        CliRunner.Outcome outcome = runner.run("explain", "unused-suppression");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("cemap-suppress", "Fix: remove the comment");
    }

    @Test
    void markdownWithTheRuleLinkWhenADocsUrlIsGiven() {
        CliRunner.Outcome outcome = runner.run("explain", "--format", "markdown",
                "--docs-url", "https://bsp.example.com/cemap/rules.md", "sample-mapping-leak");

        assertThat(outcome.stdoutLines()).first().isEqualTo(
                "# `sample-mapping-leak`: A mapping is not released on some path.");
        assertThat(outcome.stdoutLines()).last().isEqualTo(
                "Documentation: <https://bsp.example.com/cemap/rules.md#sample-mapping-leak>");
    }

    @Test
    void theDocsUrlCanComeFromAConfigurationFile(@TempDir Path folder) throws IOException {
        Path config = Files.writeString(folder.resolve("cemap.yaml"), "docs-url: https://bsp.example.com/r/{rule}\n");

        CliRunner.Outcome outcome = runner.run("explain", "--config", config.toString(), "sample-mapping-leak");

        assertThat(outcome.stdoutLines()).last().isEqualTo("Documentation: https://bsp.example.com/r/sample-mapping-leak");
    }

    @Test
    void anUnknownRuleIsAUsageErrorWithASuggestion() {
        CliRunner.Outcome outcome = runner.run("explain", "sample-ofset-mismatch");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderrLines()).first().isEqualTo(
                "cemap: no rule 'sample-ofset-mismatch'; did you mean sample-offset-mismatch? (cemap rules lists them)");
    }

    @Test
    void aDocsUrlThatIsNotAnAbsoluteUrlIsRejected() {
        CliRunner.Outcome outcome = runner.run("explain", "--docs-url", "docs/rules.md", "sample-mapping-leak");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.ERROR.code());
        assertThat(outcome.stderr()).contains("expected an absolute http or https URL");
    }
}
