package dev.cemap.cli;

import dev.cemap.cli.progress.ScanProgress;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleRegistry;
import dev.cemap.rules.ScanListener;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import dev.cemap.rules.ScanStage;
import dev.cemap.rules.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the commands call into: the scanner and the rule catalogue. Tests pass their own, so the
 * command line can be tested without the analyzer.
 *
 * @param scanner  runs a scan; may throw, which the command reports as an internal error
 * @param rules    every registered rule, in the order SARIF lists them
 */
public record Backend(ScannerCall scanner, Supplier<List<Rule>> rules) {

    /** A scanner that reports no progress: the display shows only the elapsed time. */
    public Backend(Function<ScanRequest, ScanReport> scanner, Supplier<List<Rule>> rules) {
        this((request, enabledRules, threads, progress) -> scanner.apply(request), rules);
    }

    /** The real analyzer and rule registry, created only when a command needs them. */
    public static Backend standard() {
        return new Backend((request, rules, threads, progress) ->
                new Scanner(rules, threads).scan(request, listenerFor(progress)), RuleRegistry::all);
    }

    private static ScanListener listenerFor(ScanProgress progress) {
        return new ScanListener() {
            @Override
            public void stage(ScanStage stage, int files) {
                progress.stage(stage.label(), files);
            }

            @Override
            public void fileDone(Path file) {
                progress.fileDone(file);
            }
        };
    }
}
