package dev.cemap.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.cli.SampleReports;
import dev.cemap.cli.SampleRules;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleRegistry;
import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leaves SARIF files that use every feature of the writer (code flows, notifications, paths with
 * spaces and non-ASCII characters, a file outside the root, a security rule, no results at all,
 * every registered rule) in {@code target/sarif-sample/}, where {@code .ci/run} validates them with the SARIF Multitool:
 * the corpus alone may not exercise all of them.
 */
class SarifSampleFileTest {

    static final Path SAMPLES = Path.of(System.getProperty("basedir", "."), "target", "sarif-sample");

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "edge-cases", "empty", "registered-rules"})
    void writeSampleForTheValidator(String name) throws IOException {
        Path root = SAMPLES.resolve("src").toAbsolutePath();
        // The registered rules' own metadata (help, descriptions, tags) must pass code scanning's
        // checks too; the other samples use stand-in rules.
        List<Rule> rules = name.equals("registered-rules") ? RuleRegistry.all() : SampleRules.all();
        Function<Path, ScanReport> sample = switch (name) {
            case "mixed" -> SampleReports::mixed;
            case "edge-cases" -> SampleReports::edgeCases;
            case "registered-rules" -> sourceRoot -> SampleReports.onePerRule(sourceRoot, rules);
            default -> SampleReports::empty;
        };
        Path file = SAMPLES.resolve(name + ".sarif");

        Files.createDirectories(SAMPLES);
        Files.write(file, SarifReport.toBytes(sample.apply(root), rules));

        assertThat(file).isNotEmptyFile();
    }
}
