package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.cli.baseline.BaselineComparison;
import dev.cemap.cli.output.Report;
import dev.cemap.cli.output.ReportPaths;
import dev.cemap.cli.output.ReportedResult;
import dev.cemap.cli.suppress.SuppressionMatcher;
import dev.cemap.cli.suppress.SuppressionReader;
import dev.cemap.cli.suppress.UnusedSuppression;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the scanner's findings into the report the writers print, in this order: results of rules
 * turned off and results inside excluded paths (a header the scan reached through an include) are
 * dropped, configured levels applied, {@code cemap-suppress} comments matched, and the baseline
 * compared.
 */
final class ReportBuilder {

    private ReportBuilder() {
    }

    static Report build(ScanReport scan, ScanPlan plan) {
        ReportPaths paths = new ReportPaths(scan.sourceRoot());
        List<ReportedResult> results = scan.findings().stream()
                .filter(finding -> plan.selection().enabled(finding.ruleId()))
                .filter(finding -> !plan.request().exclusions().excludes(finding.location().file()))
                .map(finding -> ReportedResult.of(withConfiguredLevel(finding, plan.selection()), paths))
                .toList();
        Set<Path> filesWithFindings = new TreeSet<>();
        for (ReportedResult result : results) {
            filesWithFindings.add(result.finding().location().file());
            result.finding().callPath().stream().map(SourceLocation::file).forEach(filesWithFindings::add);
        }
        RuleSelection selection = plan.selection();
        Optional<Level> unusedLevel = selection.enabled(UnusedSuppression.ID)
                ? Optional.of(selection.level(UnusedSuppression.ID).orElse(UnusedSuppression.info().level()))
                : Optional.empty();
        results = SuppressionMatcher.apply(results,
                SuppressionReader.read(plan.request().paths(), plan.request().exclusions(), filesWithFindings),
                plan.catalogue().ids(), selection.disabled(), unusedLevel, paths);
        if (plan.baseline().isPresent()) {
            results = BaselineComparison.compare(results, plan.baseline().get(), scan.sourceRoot());
        }
        return new Report(scan, results, plan.catalogue().rules(), selection.overrides(), plan.docs(),
                plan.baseline().isPresent());
    }

    private static Finding withConfiguredLevel(Finding finding, RuleSelection selection) {
        return selection.level(finding.ruleId())
                .filter(level -> level != finding.level())
                .map(finding::withLevel)
                .orElse(finding);
    }
}
