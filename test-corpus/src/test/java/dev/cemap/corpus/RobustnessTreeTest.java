package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the command line over a generated 100-file BSP tree full of what real trees contain
 * (encodings, MSVC syntax, missing headers, broken files). The tool may report findings, but it
 * must finish, never crash, and account for every file: analysed, or named in a notification.
 */
class RobustnessTreeTest {

    /** Fixed, so a failure reproduces; change it only together with a look at the new tree. */
    private static final long SEED = 0x2450_6410L;

    /** The summary line of the text format: "... in N files" (or "in 1 file"), N = files analysed. */
    private static final Pattern FILES_ANALYSED = Pattern.compile("\\) in (\\d+) files?\\s*$", Pattern.MULTILINE);

    @Test
    void generatorIsDeterministicAndWritesOneHundredSources(@TempDir Path work) throws IOException {
        List<Path> first = new DriverTreeGenerator(SEED).writeTo(work.resolve("a"));
        List<Path> second = new DriverTreeGenerator(SEED).writeTo(work.resolve("b"));

        assertThat(first).hasSize(DriverTreeGenerator.SOURCE_FILES);
        assertThat(new HashSet<>(first)).as("distinct files").hasSize(DriverTreeGenerator.SOURCE_FILES);
        for (int i = 0; i < first.size(); i++) {
            assertThat(work.resolve("a").relativize(first.get(i)))
                    .isEqualTo(work.resolve("b").relativize(second.get(i)));
            assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    // CE 5 and CE 6 are the two memory models (Compact 7 is CE 6's).
    @ParameterizedTest(name = "--target {0}")
    @ValueSource(strings = {"ce5", "ce6"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyFileIsAnalysedOrNamedInANotification(String target, @TempDir Path work) throws IOException {
        // A space in the root too: every path the tool prints or encodes has one.
        Path tree = work.resolve("BSP tree");
        List<Path> sources = new DriverTreeGenerator(SEED).writeTo(tree);

        List<String> textArgs = List.of("scan", "--target", target, "--format", "text", tree.toString());
        CliRun text = CliRun.of(textArgs);
        assertCompleted(text, textArgs);

        Path sarifFile = work.resolve("tree.sarif");
        List<String> sarifArgs = List.of("scan", "--target", target, "--format", "sarif",
                "--output", sarifFile.toString(), tree.toString());
        CliRun sarifRun = CliRun.of(sarifArgs);
        assertCompleted(sarifRun, sarifArgs);
        assertThat(sarifRun.exitCode()).as("same exit code in both formats").isEqualTo(text.exitCode());

        // CI diffs SARIF between builds: the same tree must give the same bytes.
        Path sarifAgain = work.resolve("tree-again.sarif");
        List<String> againArgs = List.of("scan", "--target", target, "--format", "sarif",
                "--output", sarifAgain.toString(), tree.toString());
        assertCompleted(CliRun.of(againArgs), againArgs);
        assertThat(Files.readAllBytes(sarifAgain)).as("SARIF of a second run over the same tree")
                .isEqualTo(Files.readAllBytes(sarifFile));

        SarifLog sarif = SarifLog.read(sarifFile);
        assertThat(sarif.version()).isEqualTo("2.1.0");
        assertThat(sarif.hasRun()).as("runs[0]").isTrue();
        assertThat(sarif.hasInvocation()).as("runs[0].invocations[0]").isTrue();

        // Notes (a header read as empty, a file decoded as UTF-16) accompany files that were
        // analysed; a file left out must at least have a warning.
        Set<Path> notified = new TreeSet<>();
        for (SarifLog.Notification notification : sarif.notifications()) {
            if (!notification.level().equals("note")) {
                notification.uri().map(uri -> resolve(tree, uri)).ifPresent(notified::add);
            }
        }
        Set<Path> notifiedSources = new TreeSet<>(sources.stream().map(RobustnessTreeTest::normalized).toList());
        notifiedSources.retainAll(notified);

        Matcher summary = FILES_ANALYSED.matcher(text.out());
        assertThat(summary.find()).as("text summary 'N findings (...) in F files' on stdout:\n" + text.out()).isTrue();
        int analysed = Integer.parseInt(summary.group(1));
        int skipped = skippedByPrescan(sarif);
        // A file counts as accounted for when it was analysed, a warning names it, or the
        // pre-scan counted it as naming nothing cemap checks.
        assertThat(analysed + skipped + notifiedSources.size())
                .as("files analysed (%d) + skipped by the pre-scan (%d) + sources named in warnings (%d) must cover"
                        + " the %d generated sources; warned about: %s", analysed, skipped, notifiedSources.size(),
                        sources.size(), notifiedSources)
                .isGreaterThanOrEqualTo(sources.size());
    }

    /**
     * The whole-tree count cannot say which file was left out; scanned one by one, the hard
     * files must each be analysed ("in 1 file") or be named in a warning.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyUnusualFileOnItsOwnIsAnalysedOrWarnedAbout(@TempDir Path work) throws IOException {
        DriverTreeGenerator generator = new DriverTreeGenerator(SEED);
        generator.writeTo(work.resolve("BSP tree"));
        SoftAssertions softly = new SoftAssertions();
        int index = 0;
        for (Path file : generator.unusualSources()) {
            Path sarifFile = work.resolve("unusual-" + index++ + ".sarif");
            List<String> args = List.of("scan", "--target", "ce6", "--format", "sarif",
                    "--output", sarifFile.toString(), file.toString());
            CliRun sarifRun = CliRun.of(args);
            softly.assertThat(sarifRun.exitCode()).as(sarifRun.describe(args)).isIn(0, 1);
            softly.assertThat(sarifRun.hasStackTrace()).as("stack trace\n" + sarifRun.describe(args)).isFalse();
            if (sarifRun.exitCode() == 2 || !Files.isRegularFile(sarifFile)) {
                continue;
            }
            boolean warned = SarifLog.read(sarifFile).notifications().stream()
                    .anyMatch(n -> !n.level().equals("note") && n.uri().isPresent());
            List<String> textArgs = List.of("scan", "--target", "ce6", "--format", "text", file.toString());
            CliRun text = CliRun.of(textArgs);
            Matcher summary = FILES_ANALYSED.matcher(text.out());
            boolean analysed = summary.find() && Integer.parseInt(summary.group(1)) == 1;
            boolean skipped = skippedByPrescan(SarifLog.read(sarifFile)) == 1;
            softly.assertThat(analysed || warned || skipped)
                    .as("%s is neither analysed nor named in a warning\n%s", file, text.describe(textArgs))
                    .isTrue();
        }
        softly.assertAll();
    }

    /** The pre-scan's count of files that name nothing cemap checks (its one global note). */
    private static int skippedByPrescan(SarifLog sarif) {
        return sarif.notifications().stream()
                .filter(n -> n.id().equals("prescan-skipped"))
                .map(n -> Integer.parseInt(n.message().substring(0, n.message().indexOf(' '))))
                .findFirst().orElse(0);
    }

    private static void assertCompleted(CliRun run, List<String> args) {
        assertThat(run.exitCode()).as(run.describe(args)).isIn(0, 1);
        assertThat(run.hasStackTrace()).as("stack trace printed\n" + run.describe(args)).isFalse();
    }

    private static Path resolve(Path tree, String uri) {
        Path path = Path.of(uri.startsWith("./") ? uri.substring(2) : uri);
        return normalized(path.isAbsolute() ? path : tree.resolve(path));
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
