package dev.cemap.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real command line over every corpus file, once per target the file names, and compares
 * what the SARIF reports with the file's markers: every {@code expect} must be reported, and
 * nothing else may be.
 *
 * <p>The scan covers the file's whole folder, as a user scanning a driver would: a wrapper defined
 * in one file of the folder is followed from the others. Each folder is scanned once per target.
 */
class CorpusTest {

    private record FolderScan(CliRun run, List<String> args, SarifLog sarif) {
    }

    private static final Map<String, FolderScan> SCANS = new ConcurrentHashMap<>();

    static Stream<Arguments> scans() {
        List<Arguments> scans = new ArrayList<>();
        for (Path file : Corpus.sources()) {
            List<String> targets;
            try {
                targets = MarkerParser.parse(file).targets();
            } catch (MarkerSyntaxException badMarkers) {
                // Still one test for the file, which then fails with the marker error.
                targets = MarkerParser.DEFAULT_TARGETS;
            }
            for (String target : targets) {
                scans.add(Arguments.of(Corpus.displayName(file), target));
            }
        }
        return scans.stream();
    }

    @ParameterizedTest(name = "{0} --target {1}")
    @MethodSource("scans")
    void findingsMatchMarkers(String corpusPath, String target, @TempDir Path work) throws IOException {
        Path file = Corpus.root().resolve(corpusPath);
        MarkedFile markers = MarkerParser.parse(file);
        FolderScan scan = scanFolder(file.getParent(), target, work);
        CliRun run = scan.run();
        List<String> args = scan.args();
        SarifLog sarif = scan.sarif();

        List<String> source = SourceBytes.decode(Files.readAllBytes(file)).lines().toList();
        List<String> problems = new ArrayList<>();
        for (SarifLog.Notification notification : sarif.notifications()) {
            if (notification.level().equals("error") && notification.uri().map(uri -> isSameFile(file, uri))
                    .orElse(true)) {
                problems.add("error notification: " + notification);
            }
        }
        SortedSet<LineRule> expected = markers.expectedFindings(target);
        SortedSet<LineRule> reported = new TreeSet<>();
        for (SarifLog.Result result : sarif.results()) {
            if (!isSameFile(file, result.uri())) {
                continue; // another file of the folder: its own test checks it
            }
            reported.add(result.lineRule());
            if (!expected.contains(result.lineRule())) {
                problems.add("unexpected  " + result.lineRule() + " (" + result.level() + ") — "
                        + result.message() + "\n              | " + sourceLine(source, result.line()));
            }
        }
        for (LineRule missing : expected) {
            if (!reported.contains(missing)) {
                problems.add("missing     " + missing + "\n              | " + sourceLine(source, missing.line()));
            }
        }
        markers.expectedMessages(target).forEach((lineRule, text) -> {
            boolean said = sarif.results().stream().anyMatch(result -> isSameFile(file, result.uri())
                    && result.lineRule().equals(lineRule) && result.message().contains(text));
            if (reported.contains(lineRule) && !said) {
                problems.add("message     " + lineRule + " does not say {{" + text + "}}");
            }
        });
        if (!problems.isEmpty()) {
            fail(corpusPath + " --target " + target + ": " + problems.size() + " problem(s)\n  "
                    + String.join("\n  ", problems) + "\n" + run.describe(args));
        }
    }

    private static FolderScan scanFolder(Path folder, String target, Path work) {
        return SCANS.computeIfAbsent(folder + "|" + target, key -> {
            Path sarifFile = work.resolve("scan.sarif");
            List<String> args = List.of("scan", "--target", target, "--format", "sarif",
                    "--output", sarifFile.toString(), folder.toString());
            CliRun run = CliRun.of(args);
            if (run.exitCode() == 2 || run.hasStackTrace()) {
                fail(folder + ": the scan failed\n" + run.describe(args));
            }
            if (!Files.isRegularFile(sarifFile)) {
                fail(folder + ": no SARIF written\n" + run.describe(args));
            }
            return new FolderScan(run, args, SarifLog.read(sarifFile));
        });
    }

    /** SARIF URIs are relative to the scanned root (or absolute for files outside it). */
    private static boolean isSameFile(Path file, String uri) {
        if (uri.isEmpty()) {
            return false;
        }
        Path reported = Paths.get(uri.startsWith("./") ? uri.substring(2) : uri).normalize();
        Path scanned = file.toAbsolutePath().normalize();
        return reported.isAbsolute() ? reported.equals(scanned) : scanned.endsWith(reported);
    }

    private static String sourceLine(List<String> source, int line) {
        return line >= 1 && line <= source.size() ? source.get(line - 1).strip() : "(no such line)";
    }
}
