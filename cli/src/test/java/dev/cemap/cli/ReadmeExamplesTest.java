package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples are what the tool takes: the configuration file example is read by the
 * real command line, the error it shows is the one cemap prints, and the workflow examples are the
 * files under docs/github-action that CI validates against GitHub's schema.
 */
class ReadmeExamplesTest {

    private static final Path REPO = Path.of("..");

    private static String readme() throws IOException {
        return Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The fenced blocks of a language, as written. */
    private static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        String fence = "```" + language + "\n";
        for (int start = markdown.indexOf(fence); start >= 0; start = markdown.indexOf(fence, start + 1)) {
            int end = markdown.indexOf("\n```", start + fence.length());
            blocks.add(markdown.substring(start + fence.length(), end + 1));
        }
        return blocks;
    }

    @Test
    void theConfigurationExampleIsAValidConfiguration(@TempDir Path root) throws IOException {
        String example = blocks(readme(), "yaml").stream().filter(block -> block.startsWith("# cemap.yaml"))
                .findFirst().orElseThrow();
        Files.writeString(root.resolve("cemap.yaml"), example.replace("missing-nocache", "sample-mapping-leak")
                .replace("section-crossing", "sample-offset-mismatch"));
        Files.createDirectories(root.resolve("PLATFORM/COMMON/SRC/INC"));
        Files.writeString(root.resolve("driver.c"), "\n");
        CliRunner runner = new CliRunner(request -> SampleReports.empty(root));

        CliRunner.Outcome outcome = runner.run("scan", "--no-progress", root.toString());

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(runner.requests.get(0).target()).isEqualTo(CeVersion.CE6);
        assertThat(runner.requests.get(0).defines()).containsEntry("UART_BASE", "0x7F005000");
        assertThat(runner.ruleIds.get(0)).containsExactly("sample-offset-mismatch");
    }

    @Test
    void theConfigurationErrorShownIsTheOneCemapPrints(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("cemap.yaml"), "target: ce6\n\nexlude:\n  - third_party\n");
        String shown = readme().lines().filter(line -> line.startsWith("cemap: error: cemap.yaml:")).findFirst()
                .orElseThrow();

        CliRunner.Outcome outcome = new CliRunner(request -> SampleReports.empty(root))
                .run("scan", root.toString());

        assertThat(outcome.stderr().strip()).endsWith(shown.substring("cemap: error: ".length()));
    }

    @Test
    void theWorkflowExamplesAreTheValidatedFiles() throws IOException {
        List<String> yamlBlocks = blocks(readme(), "yaml");
        for (String name : List.of("cemap.yml", "cemap-sharded.yml")) {
            String file = Files.readString(REPO.resolve("docs/github-action").resolve(name), StandardCharsets.UTF_8);
            assertThat(yamlBlocks).as("README shows docs/github-action/" + name).contains(file);
        }
    }
}
