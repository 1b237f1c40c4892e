package dev.cemap.cli.output;

import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import dev.cemap.rules.ScanReport;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code cemap scan} writes: the scanner's report, its results after suppressions and
 * the baseline comparison, and the rules as configured for the run.
 *
 * @param scan                  notifications, counts and the source root, as the scanner gave them
 * @param results               in the order of their findings; absent ones from the baseline included
 * @param rules                 the catalogue, in {@code tool.driver.rules} order
 * @param overrides             rules turned off or set to another level for this run
 * @param docs                  where the rule reference is published, if configured
 * @param comparedWithBaseline  whether a baseline was given (every result then has a state)
 */
public record Report(ScanReport scan, List<ReportedResult> results, List<RuleInfo> rules,
        List<RuleOverride> overrides, RuleDocs docs, boolean comparedWithBaseline) {

    public Report {
        results = results.stream().sorted(Comparator.comparing(ReportedResult::finding)).toList();
        rules = List.copyOf(rules);
        overrides = List.copyOf(overrides);
    }

    /** The scan's findings as they are: no suppressions, no baseline, no configuration. */
    public static Report of(ScanReport scan, List<Rule> rules) {
        ReportPaths paths = new ReportPaths(scan.sourceRoot());
        return new Report(scan, scan.findings().stream().map(finding -> ReportedResult.of(finding, paths)).toList(),
                rules.stream().map(Rule::info).toList(), List.of(), RuleDocs.NONE, false);
    }

    /**
     * What {@code --write-baseline} writes: the results still present, without states, so that a
     * later comparison starts from this scan.
     */
    public Report asBaseline() {
        List<ReportedResult> present = results.stream().filter(ReportedResult::isPresent)
                .map(result -> new ReportedResult(result.finding(), result.fingerprint(), result.suppression(),
                        Optional.empty()))
                .toList();
        return new Report(scan, present, rules, overrides, docs, false);
    }

    public ReportPaths paths() {
        return new ReportPaths(scan.sourceRoot());
    }
}
