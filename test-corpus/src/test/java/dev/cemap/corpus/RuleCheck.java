package dev.cemap.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleRegistry;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import dev.cemap.rules.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;

/**
 * Checks one rule on a few lines of driver code, or on a corpus file, as Error Prone's
 * {@code CompilationTestHelper} checks a bug pattern. The sources carry the corpus markers
 * ({@code // expect: rule-id}, optionally {@code {{part of the message}}}; other rules' markers
 * are ignored), and the check fails on a missing finding, on a finding of the rule on an unmarked
 * line, and on a message that does not say what its marker pins. Only this rule runs.
 */
final class RuleCheck {

    private final Rule rule;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private Path corpusFile;
    private String target = "ce6";
    private boolean oneFindingPerLine;

    private RuleCheck(Rule rule) {
        this.rule = rule;
    }

    static RuleCheck of(Class<? extends Rule> ruleClass) {
        return new RuleCheck(RuleRegistry.all().stream().filter(ruleClass::isInstance).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ruleClass + " is not registered")));
    }

    /** A source file of the scanned folder, one string per line. */
    RuleCheck addSource(String fileName, String... lines) {
        sources.put(fileName, String.join("\n", lines) + "\n");
        return this;
    }

    /** A corpus file, checked with its whole folder scanned (its wrappers and headers). */
    RuleCheck corpusFile(String corpusPath) {
        corpusFile = Corpus.root().resolve(corpusPath);
        return this;
    }

    /** Also fails when a line has more than one finding of the rule: one defect, one result. */
    RuleCheck oneFindingPerLine() {
        oneFindingPerLine = true;
        return this;
    }

    RuleCheck target(String ceTarget) {
        target = ceTarget;
        return this;
    }

    void check() {
        Path written = null;
        try {
            written = corpusFile != null ? null : written();
            Path folder = corpusFile != null ? corpusFile.getParent() : written;
            List<Path> checked = corpusFile != null ? List.of(corpusFile)
                    : sources.keySet().stream().map(folder::resolve).toList();
            ScanReport report = new Scanner(List.of(rule), 1).scan(new ScanRequest(List.of(folder),
                    CeVersion.valueOf(target.toUpperCase(Locale.ROOT)), List.of(), Map.of()));
            List<String> problems = new ArrayList<>();
            for (Path file : checked) {
                problems.addAll(problemsIn(file, report));
            }
            if (!problems.isEmpty()) {
                fail(rule.id() + " --target " + target + ":\n  " + String.join("\n  ", problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(written);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is not the test's concern.
        }
    }

    private List<String> problemsIn(Path file, ScanReport report) {
        MarkedFile markers = MarkerParser.parse(file);
        SortedSet<LineRule> expected = markers.expectedFindings(target);
        expected.removeIf(lineRule -> !lineRule.ruleId().equals(rule.id()));
        List<Finding> found = report.findings().stream().filter(finding -> finding.location().file().equals(file))
                .toList();
        List<String> problems = new ArrayList<>();
        for (Finding finding : found) {
            LineRule at = new LineRule(finding.location().line(), finding.ruleId());
            if (!expected.contains(at)) {
                problems.add(file.getFileName() + ": unexpected " + at + " — " + finding.message());
            }
        }
        for (LineRule wanted : expected) {
            long count = found.stream().filter(finding -> finding.location().line() == wanted.line()).count();
            if (count == 0) {
                problems.add(file.getFileName() + ": missing " + wanted);
            } else if (count > 1 && oneFindingPerLine) {
                problems.add(file.getFileName() + ": " + count + " findings for one defect at " + wanted);
            }
        }
        markers.expectedMessages(target).forEach((lineRule, text) -> {
            if (lineRule.ruleId().equals(rule.id()) && found.stream().noneMatch(finding ->
                    finding.location().line() == lineRule.line() && finding.message().contains(text))) {
                problems.add(file.getFileName() + ": " + lineRule + " does not say {{" + text + "}}");
            }
        });
        return problems;
    }

    private Path written() throws IOException {
        Path folder = Files.createTempDirectory("cemap-rule-check");
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Files.writeString(folder.resolve(source.getKey()), source.getValue(), StandardCharsets.UTF_8);
        }
        return folder.toRealPath();
    }
}
